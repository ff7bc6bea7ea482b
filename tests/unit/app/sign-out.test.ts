// @vitest-environment jsdom
// Signing out never strands changes: refused while changes wait unsent, allowed once they are saved to a file.
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { readSession, saveSession } from '../../../src/app/db/device-state.ts';
import { keepNoteDraft, readNoteDrafts } from '../../../src/app/db/note-drafts.ts';
import { markLearners } from '../../../src/app/features/roll/roll-actions.ts';
import { PendingChangesError, signOut } from '../../../src/app/sync/account.ts';
import { exportPending } from '../../../src/app/sync/pending-file.ts';
import { DEFAULT_CENTRE_SETTINGS, type Session } from '../../../src/domain/entities.ts';
import { newId } from '../../../src/domain/ids.ts';

describe('signOut', () => {
  let db: AppDb;
  afterEach(() => db.delete());

  it('is refused with unsent changes, and allowed after they are saved to a file', async () => {
    db = new AppDb(`test-${newId()}`);
    const centreId = newId();
    const userId = newId();
    const stamp = '2026-11-25T01:00:00.000Z';
    await saveSession(db, {
      token: 'x'.repeat(43),
      expiresAt: '2027-01-01T00:00:00.000Z',
      me: {
        deviceSessionId: newId(),
        user: {
          id: userId,
          centreId,
          updatedAt: stamp,
          deleted: false,
          role: 'instructor',
          username: 'gv.lan',
          displayName: 'Lan',
          learnerId: null,
        },
        centre: {
          id: centreId,
          updatedAt: stamp,
          deleted: false,
          name: 'Trung tâm',
          level: 'commune',
          province: '',
          settings: DEFAULT_CENTRE_SETTINGS,
        },
      },
    });
    const session: Session = {
      id: newId(),
      centreId,
      updatedAt: stamp,
      deleted: false,
      classId: newId(),
      date: '2026-11-25',
      partOfDay: 'morning',
      periods: 5,
      topic: '',
      instructorId: userId,
      location: '',
      cancelled: false,
      replacesSessionId: null,
    };
    await markLearners(db, { session, userId, centreId }, [newId(), newId()], 'present', new Map());

    keepNoteDraft(session.id, newId(), 'Ốm, có giấy của xã');
    await expect(signOut(db)).rejects.toEqual(new PendingChangesError(2));
    expect(await readSession(db)).not.toBeNull();
    expect(readNoteDrafts(session.id).size).toBe(1);

    const { file } = await exportPending(db);
    expect(file.mutations).toHaveLength(2);
    expect(file.mutations.every((m) => !('id' in m))).toBe(true);
    await signOut(db);
    expect(await readSession(db)).toBeNull();
    expect(await db.outbox.count()).toBe(2); // kept: they still go up if this person signs in again
    expect(readNoteDrafts(session.id).size).toBe(0); // a note being typed was this person's, not the next one's
  });
});
