// [DEV1] Roll actions are local writes: "everyone remaining present" is one transaction with one outbox entry per
// learner, and undo puts the marks back as they were (a new mark is deleted again).
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { allMarks, rollMarks } from '../../../src/app/db/local-records.ts';
import { markLearners, noteLearner, undo } from '../../../src/app/features/roll/roll-actions.ts';
import type { Session } from '../../../src/domain/entities.ts';
import { markId, newId } from '../../../src/domain/ids.ts';

const centreId = newId();
const session: Session = {
  id: newId(),
  centreId,
  updatedAt: '2026-11-25T01:00:00.000Z',
  deleted: false,
  classId: newId(),
  date: '2026-11-25',
  partOfDay: 'morning',
  periods: 5,
  topic: 'Chuyên đề 1',
  instructorId: null,
  location: '',
  cancelled: false,
  replacesSessionId: null,
};

describe('roll actions', () => {
  let db: AppDb;
  afterEach(() => db.delete());
  const roll = async () => new Map(Object.entries(await rollMarks(db, session.id)));
  const mark = async (learnerId: string) => (await roll()).get(learnerId);

  it('marks many learners in one write, with ordered outbox entries, and undoes it', async () => {
    db = new AppDb(`test-${newId()}`);
    const ctx = { session, userId: newId(), centreId };
    const learners = [newId(), newId(), newId()];
    const undoAll = await markLearners(db, ctx, learners, 'present', new Map());
    expect((await roll()).size).toBe(3);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(outbox.map((e) => e.recordId)).toEqual(learners.map((l) => markId(session.id, l)));
    expect((await mark(learners[0]!))?.id).toBe(markId(session.id, learners[0]!));
    expect(
      outbox.every((e) => e.hlc < outbox[outbox.length - 1]!.hlc || e === outbox[outbox.length - 1]),
    ).toBe(true);

    const current = await roll();
    const undoLate = await markLearners(db, ctx, [learners[0]!], 'late', current);
    expect((await mark(learners[0]!))?.status).toBe('late');
    await undo(db, undoLate, centreId);
    expect((await mark(learners[0]!))?.status).toBe('present');
    await undo(db, undoAll, centreId);
    expect((await allMarks(db)).every((m) => m.deleted)).toBe(true);
    expect(await db.outbox.count()).toBe(3 + 1 + 1 + 3);
  });

  it('notes a reason on a mark (creating it if needed) and undoes the note', async () => {
    db = new AppDb(`test-${newId()}`);
    const ctx = { session, userId: newId(), centreId };
    const [late, unmarked] = [newId(), newId()];
    await markLearners(db, ctx, [late], 'late', new Map());
    const current = await roll();
    const undoNote = await noteLearner(db, ctx, late, 'Xe hỏng giữa đường', current);
    expect(await mark(late)).toMatchObject({
      status: 'late',
      note: 'Xe hỏng giữa đường',
    });
    await noteLearner(db, ctx, unmarked, 'Đến giữa giờ', current);
    expect(await mark(unmarked)).toMatchObject({
      status: 'present',
      note: 'Đến giữa giờ',
    });
    await undo(db, undoNote, centreId);
    expect(await mark(late)).toMatchObject({ status: 'late', note: '' });
  });

  it('writes nothing when a change breaks the schema', async () => {
    db = new AppDb(`test-${newId()}`);
    const ctx = { session, userId: 'not-a-uuid', centreId };
    await expect(markLearners(db, ctx, [newId()], 'present', new Map())).rejects.toThrow();
    expect(await allMarks(db)).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
  });
});
