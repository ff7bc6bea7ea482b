// Gives components the device database; tests pass their own (a fresh fake-indexeddb per test).
import { createContext, type ReactNode, useContext } from 'react';
import type { AppDb } from './app-db.ts';

const DbContext = createContext<AppDb | null>(null);

export function DbProvider({ db, children }: { db: AppDb; children: ReactNode }) {
  return <DbContext.Provider value={db}>{children}</DbContext.Provider>;
}

export function useDb(): AppDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb outside <DbProvider>');
  return db;
}
