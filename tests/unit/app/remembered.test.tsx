// @vitest-environment jsdom
// Remembered live queries (remembered.ts): a roll read ahead renders on the screen's first render, an unchanged
// re-read keeps the same objects, a result whose tables were written since is not started from, a change still
// shows, a sign-in or sign-out is what the next screen starts from, and nothing is remembered across a sign-out.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { DbProvider } from '../../../src/app/db/DbProvider.tsx';
import { clearSession, markSessionRefused, saveSession } from '../../../src/app/db/device-state.ts';
import { readFirstScreen } from '../../../src/app/db/first-reads.ts';
import { type RollRoster, readRollAhead, useRollRoster, useSession } from '../../../src/app/db/hooks.ts';
import { forgetRemembered } from '../../../src/app/db/remembered.ts';
import { newId } from '../../../src/domain/ids.ts';
import { classRecord, learnerNamed, sessionRecord } from '../helpers/records.ts';

const centreId = newId();
const base = { centreId, updatedAt: '2026-11-20T01:00:00.000Z', deleted: false };
const classId = newId();
const sessionId = newId();
const learners = ['Nguyễn Văn An', 'Trần Thị Bình'].map((name) => learnerNamed(name, base));

async function seed(db: AppDb) {
  await db.classes.put(classRecord({ ...base, id: classId, startDate: '2026-11-20', endDate: null }));
  await db.sessions.put(
    sessionRecord({ ...base, id: sessionId, classId, date: '2026-11-25', topic: 'Bài 1' }),
  );
  await db.learners.bulkPut(learners);
  await db.enrollments.bulkPut(
    learners.map((l) => ({
      ...base,
      id: newId(),
      classId,
      learnerId: l.id,
      status: 'enrolled',
      walkIn: false,
    })),
  );
}

const login = {
  token: 'x'.repeat(43),
  expiresAt: '2027-01-01T00:00:00.000Z',
  me: {
    deviceSessionId: newId(),
    user: {
      ...base,
      id: newId(),
      role: 'instructor' as const,
      username: 'gv.lan',
      displayName: 'Lan',
      learnerId: null,
    },
    centre: {
      id: centreId,
      updatedAt: base.updatedAt,
      deleted: false,
      name: 'Trung tâm',
      level: 'commune' as const,
      province: '',
      settings: { defaultThreshold: 0.8, excusedCounts: false },
    },
  },
};

/** The session each render of Session saw. */
const sessions: unknown[] = [];
function Session() {
  sessions.push(useSession());
  return null;
}

const renders: (RollRoster | null | undefined)[] = [];
function Roster() {
  const roster = useRollRoster(sessionId);
  renders.push(roster);
  if (roster === undefined) return <p>loading</p>;
  return <p>{roster?.learners.map((l) => l.fullName).join(', ')}</p>;
}

describe('remembered live queries', () => {
  let db: AppDb;
  beforeEach(async () => {
    db = new AppDb(`remembered-${newId()}`);
    await seed(db);
    renders.length = 0;
  });
  afterEach(async () => {
    cleanup();
    await db.delete();
  });

  const show = () =>
    render(
      <DbProvider db={db}>
        <Roster />
      </DbProvider>,
    );

  it('renders a roll read ahead at once, and keeps its objects when the re-read finds it unchanged', async () => {
    await readRollAhead(db, sessionId);
    show();
    expect(renders[0]?.learners.map((l) => l.fullName)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    // The live query's own read, equal to what was read ahead: no second render with other objects.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(new Set(renders)).toEqual(new Set([renders[0]]));
  });

  it('does not start from a result whose tables were written since, nor drop one for writes elsewhere', async () => {
    await readRollAhead(db, sessionId);
    // A tap writes the rolls, the outbox and the head in meta: not what the roster read.
    await db.transaction('rw', db.rolls, db.meta, () => db.rolls.put({ sessionId: newId(), marks: {} }));
    show().unmount();
    expect(renders.at(-1)?.learners).toHaveLength(2);

    // A pull that changes a learner while no roll screen is open.
    await db.learners.put({ ...learners[0]!, unit: 'Xã Đăk Ruồng' });
    renders.length = 0;
    show();
    expect(renders[0]).toBeUndefined();
    expect(await screen.findByText('Nguyễn Văn An, Trần Thị Bình')).toBeTruthy();
  });

  it('still shows a change made after the read ahead', async () => {
    await readRollAhead(db, sessionId);
    show();
    await db.learners.put({ ...learners[1]!, fullName: 'Trần Thị Bích', givenName: 'Bích' });
    expect(await screen.findByText('Nguyễn Văn An, Trần Thị Bích')).toBeTruthy();
  });

  it('starts a screen opened after a sign-in or sign-out from the session written, not the one before', async () => {
    const open = () =>
      render(
        <DbProvider db={db}>
          <Session />
        </DbProvider>,
      ).unmount();
    await readFirstScreen(db);
    open();
    expect(sessions.at(-1)).toBeNull();
    await saveSession(db, login);
    open();
    expect(sessions.at(-1)).toMatchObject({ token: login.token, needsSignIn: false });
    await markSessionRefused(db);
    open();
    expect(sessions.at(-1)).toMatchObject({ needsSignIn: true });
    await clearSession(db);
    open();
    expect(sessions.at(-1)).toBeNull();
  });

  it('remembers nothing after a sign-out', async () => {
    await readRollAhead(db, sessionId);
    forgetRemembered(db);
    show();
    expect(renders[0]).toBeUndefined();
    expect(await screen.findByText('Nguyễn Văn An, Trần Thị Bình')).toBeTruthy();
  });
});
