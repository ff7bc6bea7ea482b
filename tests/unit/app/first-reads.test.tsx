// @vitest-environment jsdom
// The first screen's data read at start: a learner's session and classes, with sessions and the learner's own marks,
// are on the first render; a change made afterwards still shows.
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { DbProvider } from '../../../src/app/db/DbProvider.tsx';
import { saveSession } from '../../../src/app/db/device-state.ts';
import { readFirstScreen } from '../../../src/app/db/first-reads.ts';
import { useLearnerRecord, useSession } from '../../../src/app/db/hooks.ts';
import type { LearnerClassRecord } from '../../../src/app/db/learner-record.ts';
import {
  type AttendanceMark,
  DEFAULT_CENTRE_SETTINGS,
  type Enrollment,
} from '../../../src/domain/entities.ts';
import { markId, newId } from '../../../src/domain/ids.ts';
import { classRecord, sessionRecord } from '../helpers/records.ts';

const centreId = newId();
const learnerId = newId();
const stamp = '2026-11-25T01:00:00.000Z';
const base = { centreId, updatedAt: stamp, deleted: false };
const cls = classRecord(base);
const enrollment: Enrollment = {
  ...base,
  id: newId(),
  classId: cls.id,
  learnerId,
  status: 'enrolled',
  walkIn: false,
};
const session = (date: string) => sessionRecord({ ...base, classId: cls.id, date });
const later = session('2026-11-26');
const earlier = session('2026-11-24');
const mark: AttendanceMark = {
  ...base,
  id: markId(earlier.id, learnerId),
  sessionId: earlier.id,
  learnerId,
  status: 'present',
  note: '',
  markedBy: newId(),
  markedAt: stamp,
};

async function signInLearner(db: AppDb) {
  await saveSession(db, {
    token: 'x'.repeat(43),
    expiresAt: '2027-01-01T00:00:00.000Z',
    me: {
      deviceSessionId: newId(),
      user: { ...base, id: newId(), role: 'learner', username: 'hv.an', displayName: 'An', learnerId },
      centre: {
        ...base,
        id: centreId,
        name: 'Trung tâm',
        level: 'commune',
        province: '',
        settings: DEFAULT_CENTRE_SETTINGS,
      },
    },
  });
}

/** What the learner's home renders from, on each render. */
const renders: { session: unknown; record: LearnerClassRecord[] | undefined }[] = [];
function LearnerScreen() {
  const session = useSession();
  const record = useLearnerRecord(session ? (session.me.user.learnerId ?? null) : null);
  renders.push({ session, record });
  return <p>{record?.[0]?.sessions.filter((s) => s.cancelled).length ?? 'loading'} cancelled</p>;
}

describe('readFirstScreen', () => {
  let db: AppDb;
  afterEach(() => db.delete());

  const show = () =>
    render(
      <DbProvider db={db}>
        <LearnerScreen />
      </DbProvider>,
    );

  it("reads a learner's session and record in one go, before the first render; later changes still show", async () => {
    db = new AppDb(`test-${newId()}`);
    await signInLearner(db);
    await db.classes.put(cls);
    await db.enrollments.put(enrollment);
    await db.sessions.bulkPut([later, earlier]);
    // A roll is written with the write stamp in meta (write-stamp.ts).
    await db.transaction('rw', db.rolls, db.meta, () =>
      db.rolls.put({ sessionId: earlier.id, marks: { [learnerId]: mark } }),
    );

    expect(await readFirstScreen(db)).toBe(true);
    renders.length = 0;
    show();
    expect(renders[0]?.record).toEqual([{ cls, enrollment, sessions: [earlier, later], marks: [mark] }]);
    expect(screen.getByText('0 cancelled')).toBeTruthy();

    await db.sessions.put({ ...later, cancelled: true });
    expect(await screen.findByText('1 cancelled')).toBeTruthy();
  });

  it('reads no session when signed out', async () => {
    db = new AppDb(`test-${newId()}`);
    expect(await readFirstScreen(db)).toBe(false);
    renders.length = 0;
    show();
    expect(renders[0]?.session).toBeNull();
  });
});
