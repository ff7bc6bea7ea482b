// The register's writes on the device: a dossier received and its outcome are each one local write with its outbox
// entry; bad input is refused with a code (the screen's words) and changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { addDossier, recordOutcome } from '../../../src/app/features/dossiers/dossier-actions.ts';
import { newId } from '../../../src/domain/ids.ts';

const centreId = newId();
const received = {
  fullName: 'Nguyễn Thị Hoa\u0300', // typed with a combining grave (NFD): stored as NFC
  unit: ' UBND xã Đăk Kôi ',
  level: 'elementary',
  receivedDate: '2026-03-02',
  note: '',
} as const;

describe('dossier actions', () => {
  let db: AppDb;
  beforeEach(() => {
    db = new AppDb(`test-${newId()}`);
  });
  afterEach(() => db.delete());

  const tables = async () => ({ dossiers: await db.dossiers.toArray(), outbox: await db.outbox.toArray() });

  it('[DEV1] adds a pending dossier and records its outcome, each with its outbox entry', async () => {
    expect(await addDossier(db, centreId, received)).toBeNull();
    const [dossier] = await db.dossiers.toArray();
    expect(dossier).toMatchObject({
      centreId,
      fullName: 'Nguyễn Thị Hoà',
      unit: 'UBND xã Đăk Kôi',
      outcome: 'pending',
      decisionDate: null,
      learnerId: null,
    });
    const decision = {
      outcome: 'recognised',
      decisionDate: '2026-04-10',
      decisionRef: '08-QĐ/TTCT',
    } as const;
    expect(await recordOutcome(db, centreId, dossier!, decision)).toBeNull();
    expect(await db.dossiers.get(dossier!.id)).toMatchObject(decision);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((e) => [e.entity, e.recordId])).toEqual([
      ['dossiers', dossier!.id],
      ['dossiers', dossier!.id],
    ]);
    expect(outbox[1]!.fields).toEqual(decision);
  });

  it('refuses an empty name, a missing or early decision date, and writes nothing', async () => {
    expect(await addDossier(db, centreId, { ...received, fullName: '  ' })).toBe('invalid');
    expect(await addDossier(db, centreId, { ...received, receivedDate: '' })).toBe('invalid');
    expect(await tables()).toEqual({ dossiers: [], outbox: [] });

    await addDossier(db, centreId, received);
    const before = await tables();
    const dossier = before.dossiers[0]!;
    const decided = { outcome: 'notRecognised', decisionRef: '' } as const;
    expect(await recordOutcome(db, centreId, dossier, { ...decided, decisionDate: null })).toBe(
      'decisionDateMissing',
    );
    expect(await recordOutcome(db, centreId, dossier, { ...decided, decisionDate: '2026-03-01' })).toBe(
      'decisionBeforeReceived',
    );
    expect(await recordOutcome(db, centreId, dossier, { ...decided, decisionDate: '2026-04-31' })).toBe(
      'invalid',
    );
    expect(await tables()).toEqual(before);
  });
});
