// The office's screens with axe-core, as the roll screen is checked: no serious or critical violation on the report,
// the plan, the class kinds, a class's form, timetable and attendance record, a learner's history, the roster
// import, the recognition register and the accounts.
import { describe, expect, it } from 'vitest';
import { runAxe } from './helpers/axe.ts';
import { signedIn } from './helpers/signed-in.ts';
import { useE2eSuite } from './helpers/suite.ts';

describe('the office screens in Chromium', () => {
  const suite = useE2eSuite();

  it('have no serious or critical accessibility violation', async () => {
    const { context, page } = await signedIn(suite, 'admin');
    const { demo } = suite.server;
    const cls = demo.classes.find((c) => c.year === 2021)!;
    const learner = demo.enrollments.find((e) => e.classId === cls.id)!.learnerId;
    const screens: [string, string][] = [
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
    ];
    const found: Record<string, unknown> = {};
    for (const [path, heading] of screens) {
      await page.goto(`${suite.server.url}${path}`);
      await page
        .getByRole('heading', {
          level: 1,
          name: heading ? new RegExp(heading.replace(/[/()]/g, '.')) : undefined,
        })
        .first()
        .waitFor();
      await page.waitForTimeout(200);
      const violations = await runAxe(page);
      if (violations.length > 0) found[path] = violations;
    }
    expect(found, JSON.stringify(found, null, 2)).toEqual({});
    await context.close();
  });
});
