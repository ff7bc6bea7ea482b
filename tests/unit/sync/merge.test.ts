// [MERGE] per-field last-writer-wins by HLC: order-independent, so every replica converges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../../src/sync/hlc.ts';
import { type FieldClocks, mergeFields } from '../../../src/sync/merge.ts';

const A = '0190a0b0-0000-7000-8000-00000000000a';
const B = '0190a0b0-0000-7000-8000-00000000000b';

describe('mergeFields', () => {
  it('[MERGE1] a newer stamp wins a field; an older one loses and is reported, not applied', () => {
    const clocks: FieldClocks = { status: encodeHlc({ millis: 100, counter: 0, deviceId: A }) };
    const newer = mergeFields(
      clocks,
      { status: 'late', note: 'xe hỏng' },
      encodeHlc({ millis: 200, counter: 0, deviceId: B }),
    );
    expect(newer.won).toEqual({ status: 'late', note: 'xe hỏng' });
    expect(newer.lost).toEqual({});
    const older = mergeFields(
      newer.clocks,
      { status: 'absent' },
      encodeHlc({ millis: 150, counter: 0, deviceId: A }),
    );
    expect(older.won).toEqual({});
    expect(older.lost).toEqual({ status: 'absent' });
  });

  it('[MERGE2] equal times are broken by device id, the same way on every replica', () => {
    const t = 500;
    const fromA = encodeHlc({ millis: t, counter: 0, deviceId: A });
    const fromB = encodeHlc({ millis: t, counter: 0, deviceId: B });
    const ab = mergeFields(mergeFields({}, { status: 'present' }, fromA).clocks, { status: 'absent' }, fromB);
    expect(ab.won).toEqual({ status: 'absent' });
    const ba = mergeFields(mergeFields({}, { status: 'absent' }, fromB).clocks, { status: 'present' }, fromA);
    expect(ba.lost).toEqual({ status: 'present' });
  });

  it('[MERGE3] applying the same writes in any order gives the same record', () => {
    const write = fc.record({
      field: fc.constantFrom('status', 'note', 'deleted'),
      value: fc.oneof(fc.string(), fc.boolean()),
      millis: fc.integer({ min: 0, max: 50 }),
      device: fc.constantFrom(A, B),
      counter: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(write, {
          selector: (w) => `${w.millis}/${w.counter}/${w.device}/${w.field}`,
          maxLength: 20,
        }),
        fc.nat(),
        (writes, shuffleSeed) => {
          const apply = (order: typeof writes) => {
            let clocks: FieldClocks = {};
            const record: Record<string, unknown> = {};
            for (const w of order) {
              const out = mergeFields(
                clocks,
                { [w.field]: w.value },
                encodeHlc({ millis: w.millis, counter: w.counter, deviceId: w.device }),
              );
              Object.assign(record, out.won);
              clocks = out.clocks;
            }
            return { record, clocks };
          };
          const shuffled = [...writes].sort(
            (x, y) => ((x.millis * 31 + shuffleSeed) % 7) - ((y.millis * 31 + shuffleSeed) % 7),
          );
          expect(apply(shuffled)).toEqual(apply(writes));
        },
      ),
      { seed: 2026, numRuns: 300 },
    );
  });
});
