// Gives components the device database, and the first screen's data read at start (first-reads.ts); tests pass
// their own database (a fresh fake-indexeddb per test) and usually no first reads.
import { createContext, type ReactNode, useContext } from 'react';
import type { AppDb } from './app-db.ts';
import type { FirstReads } from './first-reads.ts';

const DbContext = createContext<{ db: AppDb; firstReads: FirstReads } | null>(null);

export function DbProvider({
  db,
  firstReads = {},
  children,
}: {
  db: AppDb;
  firstReads?: FirstReads;
  children: ReactNode;
}) {
  return <DbContext.Provider value={{ db, firstReads }}>{children}</DbContext.Provider>;
}

function useDbContext() {
  const context = useContext(DbContext);
  if (!context) throw new Error('useDb outside <DbProvider>');
  return context;
}

export const useDb = (): AppDb => useDbContext().db;

/** What was read before the first render, while nothing has been written since. */
export const useFirstReads = (): FirstReads => useDbContext().firstReads;
