// Issue 3 end to end: two instructors take the same roll, one offline (and reloading while offline), one online;
// after reconnecting both screens and the server agree, with one mark per learner. And a phone whose clock is a day
// behind still knows which day it is, and its correction wins over the change it corrects.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/app/i18n/format.ts';
import { marks } from '../../src/server/db/schema.ts';
import { vietnamToday } from '../../src/server/demo/seed-demo.ts';
import { signedIn } from './helpers/signed-in.ts';
import { useE2eSuite } from './helpers/suite.ts';
import { LoginPage } from './pages/login-page.ts';
import { RollPage } from './pages/roll-page.ts';

describe('two instructors, one offline', () => {
  const suite = useE2eSuite();

  it('converges on one mark per learner, the later change winning', async () => {
    const lan = suite.server.demo.users.find((u) => u.username === 'gv.lan')!;
    const minh = suite.server.demo.users.find((u) => u.username === 'gv.minh')!;
    const shared = suite.server.demo.classes.find(
      (c) => c.instructorIds.includes(lan.id) && c.instructorIds.includes(minh.id) && c.status === 'open',
    )!;
    const marked = new Set(suite.server.demo.marks.map((m) => m.sessionId));
    const session = suite.server.demo.sessions
      .filter((s) => s.classId === shared.id && !marked.has(s.id))
      .sort((a, b) => a.date.localeCompare(b.date))[0]!;
    const learners = suite.server.demo.enrollments
      .filter((e) => e.classId === shared.id)
      .map((e) => e.learnerId);
    const [x, y] = learners as [string, string];

    const offlineContext = await suite.browser.newContext();
    const offlinePage = await offlineContext.newPage();
    await new LoginPage(offlinePage).open(suite.server.url);
    await new LoginPage(offlinePage).signIn('gv.lan', 'diemdanh');
    await offlinePage.getByRole('heading', { name: 'Buổi học sắp tới' }).waitFor();
    const offline = new RollPage(offlinePage);
    await offline.open(suite.server.url, session.id);
    await offline.waitServiceWorker();

    await offlineContext.setOffline(true);
    await offline.allRemainingPresent();
    await offline.mark(x, 'Vắng không phép');
    const response = await offlinePage.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await offlinePage.locator('.roll-row').first().waitFor();
    const afterReload = await offline.statuses();
    expect(Object.values(afterReload).filter((s) => s === 'Có mặt')).toHaveLength(learners.length - 1);
    expect(afterReload[x]).toBe('Vắng không phép');
    expect(await offlinePage.locator('.pill.unsent').count()).toBe(learners.length);

    const onlineContext = await suite.browser.newContext();
    const onlinePage = await onlineContext.newPage();
    await new LoginPage(onlinePage).open(suite.server.url);
    await new LoginPage(onlinePage).signIn('gv.minh', 'diemdanh');
    await onlinePage.getByRole('heading', { name: 'Buổi học sắp tới' }).waitFor();
    const online = new RollPage(onlinePage);
    await online.open(suite.server.url, session.id);
    await online.mark(x, 'Đi muộn');
    await online.mark(y, 'Vắng có phép');
    await online.waitAllSynced();

    await offlineContext.setOffline(false);
    await offline.syncNow();
    await offline.waitAllSynced();
    await online.syncNow();
    await online.waitAllSynced();
    await offline.syncNow();
    await offline.waitAllSynced();

    const rows = await suite.server.database.db.select().from(marks).where(eq(marks.sessionId, session.id));
    expect(rows).toHaveLength(learners.length);
    expect(new Set(rows.map((r) => r.learnerId)).size).toBe(learners.length);
    const label = {
      present: 'Có mặt',
      late: 'Đi muộn',
      excused: 'Vắng có phép',
      absent: 'Vắng không phép',
    } as Record<string, string>;
    const onServer = Object.fromEntries(rows.map((r) => [r.learnerId, label[r.status]]));
    expect(onServer[x]).toBe('Đi muộn'); // the later change wins
    expect(onServer[y]).toBe('Vắng có phép');
    await onlinePage.waitForFunction(
      () => document.querySelectorAll('.roll-row button[aria-pressed="true"]').length > 2,
    );
    expect(await offline.statuses()).toEqual(onServer);
    expect(await online.statuses()).toEqual(onServer);
    await offlineContext.close();
    await onlineContext.close();
  });

  it("a phone with its clock a day behind shows today's sessions as today, and its later correction wins", async () => {
    const today = vietnamToday();
    const lan = suite.server.demo.users.find((u) => u.username === 'gv.lan')!;
    const mine = new Set(
      suite.server.demo.classes.filter((c) => c.instructorIds.includes(lan.id)).map((c) => c.id),
    );
    const session = suite.server.demo.sessions.find(
      (s) => s.date === today && mine.has(s.classId) && !s.cancelled,
    )!;
    const x = suite.server.demo.enrollments.find((e) => e.classId === session.classId)!.learnerId;
    const onServer = async () =>
      (await suite.server.database.db.select().from(marks).where(eq(marks.sessionId, session.id))).find(
        (m) => m.learnerId === x,
      )?.status;

    // The phone: its clock reset to 26 hours ago (a dead battery), and running on from there.
    const phoneContext = await suite.browser.newContext({ timezoneId: 'Asia/Ho_Chi_Minh' });
    await phoneContext.clock.install({ time: Date.now() - 26 * 3600_000 });
    const phonePage = await phoneContext.newPage();
    await new LoginPage(phonePage).open(suite.server.url);
    await new LoginPage(phonePage).signIn('gv.lan', 'diemdanh');
    await phonePage.getByRole('heading', { name: 'Buổi học sắp tới' }).waitFor();
    expect(await phonePage.evaluate(() => new Date().getDate())).not.toBe(Number(today.slice(8)));
    // The server's answers told it the time: today's sessions are today's, not tomorrow's.
    const todays = phonePage.locator('.session', { hasText: formatDate(today) }).first();
    await todays.getByText('Hôm nay', { exact: true }).waitFor();

    // The office marks the learner absent first; the phone sees it, then corrects it.
    const {
      context: officeContext,
      page: officePage,
      roll: office,
    } = await signedIn(suite, 'admin', {
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    await office.open(suite.server.url, session.id);
    await office.mark(x, 'Vắng không phép');
    await office.waitAllSynced();
    expect(await onServer()).toBe('absent');

    const phone = new RollPage(phonePage);
    await phone.open(suite.server.url, session.id);
    await phone.syncNow();
    await phonePage
      .locator(`.roll-row[data-learner="${x}"] button[aria-pressed="true"]`, { hasText: 'Vắng không phép' })
      .waitFor();
    await phone.mark(x, 'Có mặt');
    await phone.syncNow();
    await phone.waitAllSynced();
    // Stamped by the phone's own clock, the correction would be a day older than the office's mark and lose to it.
    expect(await onServer()).toBe('present');

    await office.syncNow();
    await officePage
      .locator(`.roll-row[data-learner="${x}"] button[aria-pressed="true"]`, { hasText: 'Có mặt' })
      .waitFor();
    await phoneContext.close();
    await officeContext.close();
  });
});
