// [DEV4] Two tabs of one device share one database and race to sync: the Web Lock lets one push at a time, so no
// change is sent twice, the changes made in either tab reach the server, and each tab's screen shows the other's.
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { changeLog, marks } from '../../src/server/db/schema.ts';
import { useE2eSuite } from './helpers/suite.ts';
import { LoginPage } from './pages/login-page.ts';
import { RollPage } from './pages/roll-page.ts';

describe('two tabs of one device', () => {
  const suite = useE2eSuite();

  it("send each change once, whichever tab made it, and show each other's", async () => {
    const lan = suite.server.demo.users.find((u) => u.username === 'gv.lan')!;
    const cls = suite.server.demo.classes.find(
      (c) => c.instructorIds.includes(lan.id) && c.status === 'open',
    )!;
    const marked = new Set(suite.server.demo.marks.map((m) => m.sessionId));
    const session = suite.server.demo.sessions
      .filter((s) => s.classId === cls.id && !marked.has(s.id))
      .sort((a, b) => a.date.localeCompare(b.date))[0]!;
    const learners = suite.server.demo.enrollments
      .filter((e) => e.classId === cls.id)
      .map((e) => e.learnerId);

    const context = await suite.browser.newContext();
    const sent: number[] = [];
    const watch = (page: Page) =>
      page.on('request', (req) => {
        if (req.url().endsWith('/api/sync/push'))
          for (const m of req.postDataJSON().mutations) sent.push(m.seq);
      });
    const first = await context.newPage();
    watch(first);
    await new LoginPage(first).open(suite.server.url);
    await new LoginPage(first).signIn('gv.lan', 'diemdanh');
    await first.getByRole('heading', { name: 'Buổi học sắp tới' }).waitFor();
    const second = await context.newPage();
    watch(second);
    const tabA = new RollPage(first);
    const tabB = new RollPage(second);
    await tabA.open(suite.server.url, session.id);
    await tabB.open(suite.server.url, session.id);

    await tabB.allRemainingPresent();
    await tabA.mark(learners[0]!, 'Đi muộn');
    await tabB.mark(learners[1]!, 'Vắng có phép');
    // Each tab's writes are made by its own write worker, and the other tab's screen is told of them too.
    const both = {
      ...Object.fromEntries(learners.map((id) => [id, 'Có mặt'])),
      [learners[0]!]: 'Đi muộn',
      [learners[1]!]: 'Vắng có phép',
    };
    await expect.poll(() => tabA.statuses()).toEqual(both);
    await expect.poll(() => tabB.statuses()).toEqual(both);
    await tabA.waitAllSynced();
    await tabB.waitAllSynced();

    const rows = await suite.server.database.db.select().from(marks).where(eq(marks.sessionId, session.id));
    expect(rows).toHaveLength(learners.length);
    const applied = await suite.server.database.db
      .select()
      .from(changeLog)
      .where(eq(changeLog.userId, lan.id));
    expect(applied.filter((l) => l.outcome === 'applied')).toHaveLength(learners.length + 2);
    expect(sent.length).toBe(new Set(sent).size); // no change was pushed by both tabs
    expect(new Set(sent).size).toBe(learners.length + 2);
    await context.close();
  });
});
