// Issue 5, recognition of equivalent training: the register shows the demo's 2021 (seed 001: 196 dossiers, 151
// recognised, 45 not, in the report's words); staff with no connection add a dossier (an empty name refused in
// words) and record its outcome (a decision before receipt refused); back online, another device sees it decided.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.ts';
import { vietnamToday } from '../../src/server/demo/seed-demo.ts';
import { SEED_001_EQUIVALENCE } from '../fixtures/seed-001.ts';
import { signedIn } from './helpers/signed-in.ts';
import { useE2eSuite } from './helpers/suite.ts';
import { DossiersPage } from './pages/dossiers-page.ts';

describe('recognition register in Chromium', () => {
  const suite = useE2eSuite();

  it('staff add a dossier offline, record its outcome, and another device sees it after sync', async () => {
    const today = vietnamToday();
    const year = Number(today.slice(0, 4));
    const name = 'Phạm Thị Thu Trang';

    const {
      context,
      page,
      roll: device,
    } = await signedIn(suite, 'admin', { viewport: { width: 390, height: 844 } });
    await device.waitServiceWorker();

    const register = new DossiersPage(page);
    await register.openFromHome();
    await register.chooseYear(2021);
    expect(await register.figure('Hồ sơ đã xét')).toBe('196');
    expect(await register.figure('Được công nhận đạt')).toBe('151');
    expect(await register.figure('Không được công nhận')).toBe('45');
    expect(await register.sentence()).toBe(SEED_001_EQUIVALENCE.sentence);

    await context.setOffline(true);
    await register.chooseYear(year);
    const pendingBefore = Number(await register.figure('Nhận trong năm, chờ xét'));
    await register.add({ fullName: '   ', unit: 'UBND xã Tân Lập', receivedDate: today });
    expect(await register.addError.textContent()).toBe('Cần họ và tên, và ngày hợp lệ. Chưa lưu.');
    await register.add({ fullName: name, unit: 'UBND xã Tân Lập', receivedDate: today });
    await register.added(name);
    await register.shows(name, 'Chờ xét');
    expect(await register.figure('Nhận trong năm, chờ xét')).toBe(String(pendingBefore + 1));

    const decision = { outcome: 'Đạt', decisionDate: today, decisionRef: '35-QĐ/TTCT' } as const;
    await register.recordOutcome(name, { ...decision, decisionDate: addDays(today, -1) });
    expect(await register.outcomeError(name).textContent()).toBe(
      'Ngày quyết định không được trước ngày nhận hồ sơ. Chưa lưu.',
    );
    await register.recordOutcome(name, decision);
    await register.shows(name, 'Đạt');
    expect(await register.figure('Hồ sơ đã xét')).toBe('1');

    await context.setOffline(false);
    await device.syncNow();
    await device.waitAllSynced();
    await context.close();

    const { context: other, page: otherPage } = await signedIn(suite, 'admin');
    const elsewhere = new DossiersPage(otherPage);
    await elsewhere.openFromHome();
    await elsewhere.chooseYear(year);
    const row = elsewhere.row(name);
    await elsewhere.shows(name, 'Đạt');
    expect(await row.textContent()).toContain('35-QĐ/TTCT');
    expect(await row.textContent()).toContain('UBND xã Tân Lập');
    await other.close();
  });
});
