// Every write to a roll or to the write head (clock, next seq, device id) also sets a fresh write stamp, in the same
// transaction. So the stamp tells whether rolls and head are still as they were when it was read with them
// (write-guess.ts). Done below the tables' API, so no writer through Dexie, present or future, can forget it; a
// transaction that writes rolls without `meta` in its scope fails instead of going unstamped. The one writer below
// Dexie, a tap from its guess (guessed-write.ts), stamps by hand.
import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreRangeType,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { newId } from '../../domain/ids.ts';
import { HEAD_KEYS, writeStampKey, writeStampRow } from './device-state.ts';

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

/** Every stamp row's key (there is at most one such row). */
const STAMP_ROWS: DBCoreKeyRange = {
  type: 2 as DBCoreRangeType.Range,
  lower: writeStampKey(''),
  upper: writeStampKey('\uffff'),
};

/** Whatever the stamp was, a fresh one: its row replaced, after the request, so even a cleared `meta` has one. */
const restamp = (meta: DBCoreTable, trans: DBCoreTransaction) =>
  Promise.all([
    meta.mutate({ type: 'deleteRange', trans, range: STAMP_ROWS }),
    meta.mutate({ type: 'add', trans, values: [writeStampRow(newId())] }),
  ]);

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
          const result = table.mutate(req);
          // One fresh stamp per transaction is enough (a tap writes its roll and the head, and stamps once), unless
          // `meta` is cleared after it: a guess holding an old stamp must meet a row in the index, never an empty slot.
          if (stamped.has(req.trans) && !(name === 'meta' && req.type === 'deleteRange')) return result;
          stamped.add(req.trans);
          return Promise.all([result, restamp(down.table('meta'), req.trans)]).then(([done]) => done);
        },
      };
    },
  }),
};
