// [DEV1] Roll actions are local writes: "everyone remaining present" is one transaction with one outbox entry per
// learner, and undo puts the marks back as they were (a new mark is deleted again).
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { allMarks, rollMarks } from '../../../src/app/db/local-records.ts';
import {
  addWalkIn,
  checkIn,
  markLearners,
  noteLearner,
  undo,
} from '../../../src/app/features/roll/roll-actions.ts';
import { checkInCode } from '../../../src/domain/check-in-code.ts';
import type { Enrollment, Session } from '../../../src/domain/entities.ts';
import { markId, newId } from '../../../src/domain/ids.ts';
import { learnerNamed } from '../helpers/records.ts';

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

  it('decides inside the write whether a mark exists, not from a screen that has not seen the last write', async () => {
    db = new AppDb(`test-${newId()}`);
    const ctx = { session, userId: newId(), centreId };
    const [absent, noted] = [newId(), newId()];
    // The screen still shows no marks (its read of the roll has not come back) when each second action is taken.
    const stale = new Map();
    await markLearners(db, ctx, [absent], 'absent', stale);
    await noteLearner(db, ctx, absent, 'Ốm, có giấy xin phép', stale);
    expect(await mark(absent)).toMatchObject({ status: 'absent', note: 'Ốm, có giấy xin phép' });
    await noteLearner(db, ctx, noted, 'Đến giữa giờ', stale);
    await markLearners(db, ctx, [noted], 'late', stale);
    expect(await mark(noted)).toMatchObject({ status: 'late', note: 'Đến giữa giờ' });
    // Each change sent carries only what it changed, so the server's per-field merge keeps the other action's field.
    const sent = (await db.outbox.orderBy('seq').toArray()).map((e) => Object.keys(e.fields).sort());
    expect(sent[1]).toEqual(['deleted', 'note']);
    expect(sent[3]).toEqual(['deleted', 'markedAt', 'markedBy', 'status']);
  });

  it('writes nothing when a change breaks the schema', async () => {
    db = new AppDb(`test-${newId()}`);
    const ctx = { session, userId: 'not-a-uuid', centreId };
    await expect(markLearners(db, ctx, [newId()], 'present', new Map())).rejects.toThrow();
    expect(await allMarks(db)).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('walk-ins and QR check-in', () => {
  let db: AppDb;
  afterEach(() => db.delete());
  const ctx = () => ({ session, userId: newId(), centreId });

  async function enrol(classId: string, fullName: string, status: Enrollment['status'] = 'enrolled') {
    const learnerId = newId();
    const enrollmentId = newId();
    await db.learners.put(learnerNamed(fullName, { id: learnerId, centreId, updatedAt: session.updatedAt }));
    await db.enrollments.put({
      id: enrollmentId,
      centreId,
      updatedAt: session.updatedAt,
      deleted: false,
      classId,
      learnerId,
      status,
      walkIn: false,
    });
    return { learnerId, enrollmentId };
  }

  it('adds a walk-in as a learner, a flagged enrolment and a present mark in one write, and undoes all three', async () => {
    db = new AppDb(`test-${newId()}`);
    const c = ctx();
    const { learnerId, undo: undoWalkIn } = await addWalkIn(db, c, {
      fullName: '  Hoàng   Thị Mỹ Duyên ',
      unit: 'Hội Phụ nữ xã',
      position: '',
      phone: '0905 123 456',
    });
    expect(await db.learners.get(learnerId)).toMatchObject({
      fullName: 'Hoàng Thị Mỹ Duyên',
      familyName: 'Hoàng',
      middleName: 'Thị Mỹ',
      givenName: 'Duyên',
      unit: 'Hội Phụ nữ xã',
    });
    const [enrollment] = await db.enrollments.where('learnerId').equals(learnerId).toArray();
    expect(enrollment).toMatchObject({ classId: session.classId, status: 'enrolled', walkIn: true });
    expect((await rollMarks(db, session.id))[learnerId]).toMatchObject({
      status: 'present',
      markedBy: c.userId,
    });
    expect((await db.outbox.toArray()).map((e) => e.entity)).toEqual(['learners', 'enrollments', 'marks']);

    await undo(db, undoWalkIn, centreId);
    expect((await db.learners.get(learnerId))?.deleted).toBe(true);
    expect((await db.enrollments.get(enrollment!.id))?.deleted).toBe(true);
    expect((await rollMarks(db, session.id))[learnerId]?.deleted).toBe(true);
  });

  it('checks in by QR code, and refuses other classes, withdrawn learners, made-up and foreign codes', async () => {
    db = new AppDb(`test-${newId()}`);
    const c = ctx();
    const here = await enrol(session.classId, 'Nguyễn Văn An');
    const elsewhere = await enrol(newId(), 'Trần Thị Bích');
    const gone = await enrol(session.classId, 'Lê Văn Cường', 'withdrawn');
    const scan = async (text: string) =>
      checkIn(db, c, text, new Map(Object.entries(await rollMarks(db, session.id))));

    const first = await scan(checkInCode(here.enrollmentId));
    expect(first).toMatchObject({ kind: 'marked', learner: { fullName: 'Nguyễn Văn An' } });
    expect((await rollMarks(db, session.id))[here.learnerId]?.status).toBe('present');
    expect(await scan(checkInCode(here.enrollmentId))).toMatchObject({ kind: 'already' });
    expect(await scan(checkInCode(elsewhere.enrollmentId))).toMatchObject({
      kind: 'otherClass',
      learner: { fullName: 'Trần Thị Bích' },
    });
    expect(await scan(checkInCode(gone.enrollmentId))).toMatchObject({ kind: 'withdrawn' });
    expect(await scan(checkInCode(newId()))).toEqual({ kind: 'unknown' });
    expect(await scan('WIFI:S:xa-dak-ruong;;')).toEqual({ kind: 'notACode' });
    // Only the one check-in was written.
    expect(Object.keys(await rollMarks(db, session.id))).toEqual([here.learnerId]);
  });
});
