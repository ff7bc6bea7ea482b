// Every write to a roll or to the write head (clock, next seq, device id) also sets a fresh write stamp, in the same
// transaction. So one small read tells whether rolls and head are still as they were when the stamp was read with
// them (write-guess.ts). Done below the tables' API, so no writer through Dexie, present or future, can forget it; a
// transaction that writes rolls without `meta` in its scope fails instead of going unstamped. The one writer below
// Dexie, a tap from its guess (guessed-write.ts), stamps by hand.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { newId } from '../../domain/ids.ts';
import { HEAD_KEYS, WRITE_STAMP } from './device-state.ts';

const headKeys = new Set<unknown>(Object.values(HEAD_KEYS));

function touchesStamped(table: string, req: DBCoreMutateRequest): boolean {
  if (table === 'rolls') return true;
  if (table !== 'meta') return false;
  if (req.type === 'add' || req.type === 'put')
    return req.values.some((row) => headKeys.has((row as { key: unknown }).key));
  if (req.type === 'delete') return req.keys.some((key) => headKeys.has(key));
  return true;
}

const stamped = new WeakSet<object>();

export const writeStampMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'writeStamp',
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      return {
        ...table,
        mutate(req) {
          if (!touchesStamped(name, req)) return table.mutate(req);
          if (!(req.trans as unknown as IDBTransaction).objectStoreNames.contains('meta'))
            return Promise.reject(
              new Error(`a write to ${name} needs meta in its transaction (the write stamp)`),
            );
          // One fresh stamp per transaction is enough: a tap writes its roll and the head, and stamps once.
          if (stamped.has(req.trans)) return table.mutate(req);
          stamped.add(req.trans);
          const stamp = down
            .table('meta')
            .mutate({ type: 'put', trans: req.trans, values: [{ key: WRITE_STAMP, value: newId() }] });
          return Promise.all([table.mutate(req), stamp]).then(([result]) => result);
        },
      };
    },
  }),
};
