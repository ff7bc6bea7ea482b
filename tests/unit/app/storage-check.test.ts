// The start-up check tells a new install, a normal start, a wiped database and a foreign one apart.
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { readCursor } from '../../../src/app/db/device-state.ts';
import { checkStorage } from '../../../src/app/db/storage-check.ts';
import { newId } from '../../../src/domain/ids.ts';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('checkStorage', () => {
  const dbs: AppDb[] = [];
  const open = () => {
    const db = new AppDb(`test-${newId()}`);
    dbs.push(db);
    return db;
  };
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });

  it('new, then ok on the next start', async () => {
    const marker = new MemoryStorage();
    const db = open();
    expect(await checkStorage(db, marker)).toBe('new');
    expect(await checkStorage(db, marker)).toBe('ok');
  });

  it('wiped when the database lost its data but the browser remembers it', async () => {
    const marker = new MemoryStorage();
    await checkStorage(open(), marker);
    expect(await checkStorage(open(), marker)).toBe('wiped');
  });

  it('foreign when the database belongs to another install; it will download again', async () => {
    const foreign = open();
    await checkStorage(foreign, new MemoryStorage());
    await foreign.meta.put({ key: 'pullCursor', value: 42 });
    const marker = new MemoryStorage();
    await checkStorage(open(), marker);
    expect(await checkStorage(foreign, marker)).toBe('foreign');
    expect(await readCursor(foreign)).toBe(0);
  });
});
