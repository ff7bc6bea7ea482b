// The office's screens with axe-core, as the roll screen is checked: no serious or critical violation on the report,
// the plan, the class kinds, a class's form, timetable and attendance record, a learner's history, the roster
// import, the recognition register, the accounts and the change log; and each of them on a 360 px phone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runAxe } from './helpers/axe.ts';
import { signedIn } from './helpers/signed-in.ts';
import { useE2eSuite } from './helpers/suite.ts';

describe('the office screens in Chromium', () => {
  const suite = useE2eSuite();

  /** Each office screen with the words of its heading ('' for a heading made of data). */
  function officeScreens(): [string, string][] {
    const { demo } = suite.server;
    const cls = demo.classes.find((c) => c.year === 2021)!;
    const learner = demo.enrollments.find((e) => e.classId === cls.id)!.learnerId;
    return [
      ['/bao-cao', 'Báo cáo'],
      ['/ke-hoach', 'Kế hoạch mở lớp năm'],
      ['/loai-lop', 'Các loại lớp của trung tâm'],
      ['/lop/moi', 'Mở lớp mới'],
      [`/lop/${cls.id}/sua`, 'Sửa thông tin lớp'],
      [`/lop/${cls.id}/lich`, 'Lịch học lớp'],
      [`/lop/${cls.id}/diem-danh`, cls.code],
      [`/hoc-vien/${learner}`, ''],
      [`/lop/${cls.id}/nhap-danh-sach`, ''],
      ['/ho-so-tuong-duong', ''],
      ['/nguoi-dung', 'Tài khoản của trung tâm'],
      ['/nhat-ky', 'Nhật ký thay đổi'],
    ];
  }

  async function openScreen(page: Page, path: string, heading: string): Promise<void> {
    await page.goto(`${suite.server.url}${path}`);
    await page
      .getByRole('heading', {
        level: 1,
        name: heading ? new RegExp(heading.replace(/[/()]/g, '.')) : undefined,
      })
      .first()
      .waitFor();
  }

  it('have no serious or critical accessibility violation', async () => {
    const { context, page } = await signedIn(suite, 'admin');
    const found: Record<string, unknown> = {};
    for (const [path, heading] of officeScreens()) {
      await openScreen(page, path, heading);
      await page.waitForTimeout(200);
      const violations = await runAxe(page);
      if (violations.length > 0) found[path] = violations;
    }
    expect(found, JSON.stringify(found, null, 2)).toEqual({});
    await context.close();
  });

  it('fit a 360 px phone: wide tables scroll within the page, long choices do not widen it', async () => {
    const { context, page } = await signedIn(suite, 'admin', { viewport: { width: 360, height: 740 } });
    const wider: Record<string, number> = {};
    for (const [path, heading] of officeScreens()) {
      await openScreen(page, path, heading);
      await page.waitForTimeout(500);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) wider[path] = width;
    }
    expect(wider).toEqual({});
    await context.close();
  });
});
