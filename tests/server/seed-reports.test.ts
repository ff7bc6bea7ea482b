// Seeds 000, 002, 003 and 004 (/work/shared/seeds) reproduced through the API on each database: a fresh centre's
// admin signs in and pushes the year as the app would (class kinds, plan, classes, learners, enrolments, sessions,
// marks; tests/server/helpers/centre-years.ts), then GET /api/reports/summary gives the seed's figures back. Seed 001
// is the demo centre's 2021 (tests/server/reports.test.ts).
//
// Only the figures a seed states are asserted as the seed's; where a seed gives a total without its parts (how the
// classes split over kinds or over the year, list sizes per class) the test picks parts that add up, said below.
// Rules applied (shared/domain.md): a class opened in a period when one of its sessions was held there; learner
// places (lượt) are the learners on the lists of the classes opened; participation is those who attended at least
// one session against those summoned; conferences, and classes run with another body ("Ngoài ra, phối hợp với…",
// category 'coordinated'), are counted apart from the centre's own classes, as every seed does.
//
// Seed 000, Lăk 2020, "Tính đến ngày 15/10/2020": period 01/01–15/10/2020.
//  - "mở được 10 lớp … với tổng số 779 học viên tham gia" → classesOpened 10, learnerPlaces 779. Read like seed
//    001's "522 lượt học viên tham gia học tập": the learners on the lists of the classes opened.
//  - "10/29 lớp (tỷ lệ 34%)" → classesPlanned 29 in the 2020 plan; the plan's split over kinds is invented, with
//    the kinds the seed says were not opened (new nghiệp vụ classes, cập nhật kiến thức, báo cáo viên) at 0.
//  - "tỷ lệ tham gia học tập … chỉ đạt từ 70-80% so với tổng số học viên được triệu tập" → the classes' turnout
//    lies in that range (583 of the 779 summoned came: 74,8%).
//  - "08 hội nghị học tập, quán triệt …; 02 hội nghị … chuyên đề năm 2020 … cho 1674 lượt" → 10 conferences with
//    1.674 lượt; read as the lượt of all ten (the sentence is ambiguous). Cadres attend several conferences, so the
//    test summons them from a pool of 400 people: lượt, not people.
//  - "phối hợp với Trường Chính trị tỉnh duy trì … lớp Trung cấp … khóa học 2019-2021" → one coordinated class
//    held in 2020 (its list size is invented), counted apart and not among the 10.
//  - A class planned for November is not opened by 15/10 and does not count.
//
// Seed 002, Thới Lai 2017: per system, asked with `system=`.
//  - "hệ Đảng mở được 19 lớp với 1.394 học viên", "06 lớp hệ Nhà nước với 604 học viên", "hệ Đoàn thể mở được 08
//    lớp với 1.040 học viên" → per system classesOpened and learnerPlaces; the kinds inside each system are invented.
//  - "phối hợp với Phòng Giáo dục mở 08 lớp bồi dưỡng chính trị hè … với 1.546/1.607 giáo viên tham dự đạt 96,2%"
//    → a coordinated kind with 8 classes, 1.607 summoned, 1.546 attended at least once: "1.546/1.607", "96,2%".
//  - "phối hợp với Trường Chính trị thành phố mở … Trung cấp … khóa 2, 3, 4, 5, 6, 7, 8, 9" → eight coordinated
//    classes held in 2017 (list sizes invented), reported apart from the chính trị hè classes.
//  - "hoàn thành 100% chỉ tiêu" and "dự kiến mở khoảng 36 lớp …, vượt 03 lớp so với năm 2017" → 33 classes in
//    2017 = 19 + 6 + 8, so the centre's count leaves the coordinated classes out: 33/33 (100%) against a 2017 plan
//    of 33 (its split over kinds is the classes opened).
//
// Seed 003, Bạch Thông, "Từ năm 2014 đến nay" (published 15/04/2024): period 01/01/2014–15/04/2024.
//  - "mở được 5 lớp sơ cấp LLCT với 364 học viên; 29 lớp bồi dưỡng nhận thức về Đảng với 1.579 học viên; 20 lớp
//    bồi dưỡng LLCT cho đảng viên mới với 1.046 học viên" → byKind, in that order.
//  - "34 lớp bồi dưỡng nghiệp vụ công tác cấp ủy, khối đoàn thể và một số lớp khác với 4.711 học viên" → three
//    kinds (cấp ủy, đoàn thể, other) whose classes and places add up to 34 and 4.711; the split is invented.
//  - "phối hợp với Trường Chính trị tỉnh mở 4 lớp Trung cấp LLCT - hành chính tại huyện với 273 học viên" → four
//    coordinated classes, apart: 88 classes and 7.700 lượt of the centre's own.
//  - The new party members had first come to a Nhận thức về Đảng class (the test summons them from those
//    learners), so 7.700 lượt are 6.654 people. The 42 sent to the cao cấp programme are not the centre's classes.
//
// Seed 004, Càng Long: knowledge-update classes for target groups 4 and 5, one class kind per target group (a
// centre adds its own kinds; no tag field is needed for these figures).
//  - "năm 2014 mở 2 lớp … đối tượng 4, có 223 học viên dự; năm 2019 mở 11 lớp … đối tượng 5, có 2.900 học viên dự;
//    năm 2022 mở 23 lớp … đối tượng 5, có 3.300 học viên dự" → each year's classes and places.
//  - "Mở 36 lớp …, trong đó đối tượng 4 mở 2 lớp có 223 học viên dự; đối tượng 5 mở 34 lớp có 6.200 lượt" → the
//    range 2014–2022. The sessions follow the topics: "7 chuyên đề" in 2014, 4 in 2019 and 2022. The 2022 classes
//    summon the 2.900 of 2019 again with 400 newcomers (invented), so 6.200 lượt of đối tượng 5 are 3.300 people.
//  - Not reproduced: "267 cuộc, đạt 98,96%" (the Huyện ủy's conferences under Quy định 164, not the centre's
//    classes, and no whole number of planned conferences gives that rate).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { CentreYears, split, spread } from './helpers/centre-years.ts';
import { testDatabases } from './helpers/databases.ts';

// A seed's years are up to ~37,000 mutations pushed in batches of 1,000 (~15 s on PGlite alone); the whole server
// suite shares two cores, so the builds get more than the default minute.
const BUILD_TIMEOUT = 180_000;

const figures = (kinds: { classes: number; learnerPlaces: number }[]) =>
  kinds.map((k): [number, number] => [k.classes, k.learnerPlaces]);

describe.each(testDatabases)('seed reports through the API on $name', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(target);
  });
  afterAll(() => t.close());
  const centre = (name: string) => CentreYears.open(t.app, t.database.db, name);

  describe('seed 000: Lăk, 2020 until 15/10', () => {
    let lak: CentreYears;
    beforeAll(async () => {
      lak = await centre('Trung tâm bồi dưỡng chính trị huyện Lăk');
      // The 2020 plan: 29 classes over the kinds (split invented); the last four kinds opened nothing ("chưa mở được
      // các lớp bồi dưỡng nghiệp vụ mới, bồi dưỡng cập nhật kiến thức, … báo cáo viên, tuyên truyền viên").
      const planned = (name: string, category: 'party' | 'mass' | 'knowledgeUpdate', classes: number) => {
        const kind = lak.kind(name, category);
        lak.plan(2020, kind, classes);
        return kind;
      };
      const nhanThuc = planned('Nhận thức về Đảng', 'party', 6);
      const dangVienMoi = planned('Đảng viên mới', 'party', 5);
      const soCap = planned('Sơ cấp lý luận chính trị', 'party', 2);
      const biThu = planned('Bồi dưỡng công tác Đảng cho bí thư chi bộ và cấp ủy viên cơ sở', 'party', 2);
      const matTran = planned('Bồi dưỡng nghiệp vụ công tác Mặt trận', 'mass', 4);
      planned('Bồi dưỡng nghiệp vụ công tác Dân vận', 'mass', 3);
      planned('Bồi dưỡng nghiệp vụ công tác Tuyên giáo', 'party', 2);
      planned('Bồi dưỡng cập nhật kiến thức', 'knowledgeUpdate', 3);
      planned('Thông tin thời sự, chính sách cho báo cáo viên, tuyên truyền viên', 'party', 2);
      // 779 on the lists of the 10 classes, 583 of them came; one more class in November, after the period.
      const open = (kind: string, starts: string[], list: number, came: number) =>
        lak.classes({ kind, starts, lists: split(list, starts.length), came: split(came, starts.length) });
      open(nhanThuc, spread('2020-01-06', '2020-09-28', 4), 320, 240);
      open(dangVienMoi, spread('2020-03-02', '2020-09-14', 3), 165, 125);
      open(soCap, ['2020-07-06'], 62, 48);
      open(biThu, ['2020-08-10'], 120, 90);
      open(matTran, ['2020-09-21'], 112, 80);
      open(nhanThuc, ['2020-11-16'], 50, 50);

      // 1.674 lượt over ten conferences, from 400 cadres.
      const cadres = lak.people(400);
      const conferences = (name: string, starts: string[], places: number) =>
        lak.classes({
          kind: lak.kind(name, 'conference'),
          starts,
          lists: split(places, starts.length),
          from: cadres,
        });
      conferences(
        'Hội nghị học tập, quán triệt nghị quyết, chỉ thị',
        spread('2020-01-13', '2020-10-05', 8),
        1_340,
      );
      conferences('Hội nghị học tập chuyên đề năm 2020', ['2020-05-19', '2020-09-02'], 334);
      const trungCap = lak.kind('Trung cấp lý luận chính trị – hành chính', 'coordinated');
      lak.classes({ kind: trungCap, starts: ['2020-06-08'], lists: [60], days: 3 });
      await lak.send();
    }, BUILD_TIMEOUT);

    it('10/29 classes (34%) with 779 learners, 70–80% of those summoned came, 10 conferences with 1.674 lượt', async () => {
      const body = await lak.summary('2020-01-01', '2020-10-15');
      expect(body).toMatchObject({
        classesPlanned: 29,
        classesOpened: 10,
        learnerPlaces: 779,
        conferences: 10,
        conferencePlaces: 1_674,
        coordinated: 1,
        turnout: { classes: { summoned: 779, participated: 583 } },
      });
      const { summoned, participated } = body.turnout.classes;
      expect(participated / summoned).toBeGreaterThanOrEqual(0.7);
      expect(participated / summoned).toBeLessThanOrEqual(0.8);
      expect(body.paragraph).toContain(
        'Từ ngày 01/01/2020 đến ngày 15/10/2020, Trung tâm đã tổ chức mở được 10 lớp với 779 lượt học viên',
      );
      expect(body.paragraph).toContain('So với kế hoạch, đạt 10/29 lớp (tỷ lệ 34%).');
      expect(body.paragraph).toContain('Số học viên tham gia so với triệu tập: 583/779, đạt 74,8%');
      expect(body.paragraph).toContain(
        'Tổ chức 10 hội nghị học tập, quán triệt với 1.674 lượt người tham dự.',
      );
    });
  });

  describe('seed 002: Thới Lai, 2017, per system', () => {
    let thoiLai: CentreYears;
    beforeAll(async () => {
      thoiLai = await centre('Trung tâm Bồi dưỡng Chính trị huyện Thới Lai');
      // Each kind's 2017 plan is what it opened: "hoàn thành 100% chỉ tiêu".
      const open = (name: string, category: 'party' | 'state' | 'mass', classes: number, places: number) => {
        const kind = thoiLai.kind(name, category);
        thoiLai.plan(2017, kind, classes);
        thoiLai.classes({
          kind,
          starts: spread('2017-02-06', '2017-11-27', classes),
          lists: split(places, classes),
        });
      };
      open('Nhận thức về Đảng', 'party', 8, 560);
      open('Đảng viên mới', 'party', 7, 434);
      open('Bồi dưỡng công tác Đảng cho cấp ủy viên cơ sở', 'party', 4, 400);
      open('Bồi dưỡng kiến thức quản lý nhà nước', 'state', 3, 300);
      open('Bồi dưỡng đại biểu Hội đồng nhân dân xã', 'state', 3, 304);
      open('Bồi dưỡng nghiệp vụ công tác Mặt trận', 'mass', 2, 260);
      open('Bồi dưỡng nghiệp vụ công tác Hội Nông dân', 'mass', 2, 260);
      open('Bồi dưỡng nghiệp vụ công tác Đoàn', 'mass', 2, 260);
      open('Bồi dưỡng nghiệp vụ công tác Hội Liên hiệp Phụ nữ', 'mass', 2, 260);
      thoiLai.classes({
        kind: thoiLai.kind('Bồi dưỡng chính trị hè', 'coordinated'),
        starts: spread('2017-07-03', '2017-08-07', 8),
        lists: split(1_607, 8),
        came: split(1_546, 8),
      });
      thoiLai.classes({
        kind: thoiLai.kind('Trung cấp lý luận chính trị – hành chính', 'coordinated'),
        starts: spread('2017-03-06', '2017-10-30', 8),
        lists: split(360, 8),
      });
      await thoiLai.send();
    }, BUILD_TIMEOUT);

    it('hệ Đảng 19 classes with 1.394 learners, hệ Nhà nước 06 with 604, hệ Đoàn thể 08 with 1.040', async () => {
      const year = (system: 'party' | 'state' | 'mass') =>
        thoiLai.summary('2017-01-01', '2017-12-31', system);
      const [party, state, mass] = await Promise.all([year('party'), year('state'), year('mass')]);
      expect(party).toMatchObject({
        system: 'party',
        classesOpened: 19,
        learnerPlaces: 1_394,
        classesPlanned: 19,
      });
      expect(state).toMatchObject({
        system: 'state',
        classesOpened: 6,
        learnerPlaces: 604,
        classesPlanned: 6,
      });
      expect(mass).toMatchObject({
        system: 'mass',
        classesOpened: 8,
        learnerPlaces: 1_040,
        classesPlanned: 8,
      });
      expect(party.paragraph).toContain(
        'Năm 2017, Trung tâm đã tổ chức mở được 19 lớp với 1.394 lượt học viên',
      );
      expect(state.paragraph).toContain('mở được 06 lớp với 604 lượt học viên');
      expect(mass.paragraph).toContain('mở được 08 lớp với 1.040 lượt học viên');
    });

    it('08 chính trị hè classes with the education office: 1.546/1.607 teachers, 96,2%', async () => {
      const body = await thoiLai.summary('2017-01-01', '2017-12-31', 'coordinated');
      expect(body.coordinated).toBe(16);
      expect(body.coordinatedByKind[0]).toMatchObject({
        name: 'Bồi dưỡng chính trị hè',
        classes: 8,
        learnerPlaces: 1_607,
        participated: 1_546,
      });
      expect(body.paragraph).toContain(
        'Năm 2017, Trung tâm phối hợp mở 08 lớp Bồi dưỡng chính trị hè với 1.546/1.607 học viên tham dự, đạt 96,2%;',
      );
    });

    it('the whole year: 33 classes of its own, 100% of the plan, the coordinated ones apart', async () => {
      const body = await thoiLai.summary('2017-01-01', '2017-12-31');
      expect(body).toMatchObject({
        classesOpened: 33,
        classesPlanned: 33,
        learnerPlaces: 3_038,
        coordinated: 16,
      });
      expect(body.paragraph).toContain('So với kế hoạch, đạt 33/33 lớp (tỷ lệ 100%).');
      expect(body.paragraph).toContain('Ngoài ra, phối hợp mở 08 lớp Bồi dưỡng chính trị hè với 1.546/1.607');
    });
  });

  describe('seed 003: Bạch Thông, from 2014 to 15/04/2024', () => {
    let bachThong: CentreYears;
    beforeAll(async () => {
      bachThong = await centre('Trung tâm Chính trị huyện Bạch Thông');
      const years = (classes: number) => spread('2014-02-10', '2024-03-29', classes);
      const open = (
        name: string,
        category: 'party' | 'mass' | 'knowledgeUpdate',
        classes: number,
        places: number,
        from?: string[],
      ) =>
        bachThong.classes({
          kind: bachThong.kind(name, category),
          starts: years(classes),
          lists: split(places, classes),
          from,
        });
      open('Sơ cấp lý luận chính trị', 'party', 5, 364);
      const joiners = bachThong.people(1_579);
      open('Nhận thức về Đảng', 'party', 29, 1_579, joiners);
      open('Đảng viên mới', 'party', 20, 1_046, joiners);
      open('Bồi dưỡng nghiệp vụ công tác cấp ủy', 'party', 10, 1_500);
      open('Bồi dưỡng nghiệp vụ khối đoàn thể', 'mass', 18, 2_511);
      open('Bồi dưỡng cập nhật kiến thức', 'knowledgeUpdate', 6, 700);
      bachThong.classes({
        kind: bachThong.kind('Trung cấp lý luận chính trị – hành chính', 'coordinated'),
        starts: spread('2014-09-08', '2022-09-05', 4),
        lists: split(273, 4),
      });
      await bachThong.send();
    }, BUILD_TIMEOUT);

    it('5 Sơ cấp classes with 364, 29 Nhận thức về Đảng with 1.579, 20 Đảng viên mới with 1.046, 34 others with 4.711, 4 Trung cấp with 273', async () => {
      const body = await bachThong.summary('2014-01-01', '2024-04-15');
      const [soCap, nhanThuc, dangVienMoi, ...others] = figures(body.byKind);
      expect([soCap, nhanThuc, dangVienMoi]).toEqual([
        [5, 364],
        [29, 1_579],
        [20, 1_046],
      ]);
      expect(others.reduce(([c, p], [oc, op]) => [c + oc, p + op], [0, 0])).toEqual([34, 4_711]);
      expect(body).toMatchObject({
        classesOpened: 88,
        learnerPlaces: 7_700,
        distinctLearners: 6_654,
        coordinated: 4,
      });
      expect(body.coordinatedByKind).toMatchObject([{ classes: 4, learnerPlaces: 273 }]);
      expect(body.paragraph).toContain(
        'Từ ngày 01/01/2014 đến ngày 15/04/2024, Trung tâm đã tổ chức mở được 88 lớp với 7.700 lượt học viên tham gia ' +
          'học tập, gồm: (1) 05 lớp Sơ cấp lý luận chính trị với 364 học viên; (2) 29 lớp Nhận thức về Đảng với ' +
          '1.579 học viên; (3) 20 lớp Đảng viên mới với 1.046 học viên;',
      );
      expect(body.paragraph).toContain(
        'Ngoài ra, phối hợp mở 04 lớp Trung cấp lý luận chính trị – hành chính với 273/273',
      );
    });
  });

  describe('seed 004: Càng Long, knowledge updates for target groups 4 and 5 in 2014, 2019 and 2022', () => {
    let cangLong: CentreYears;
    beforeAll(async () => {
      cangLong = await centre('Trung tâm Chính trị huyện Càng Long');
      const group4 = cangLong.kind('Bồi dưỡng cập nhật kiến thức cho đối tượng 4', 'knowledgeUpdate');
      const group5 = cangLong.kind('Bồi dưỡng cập nhật kiến thức cho đối tượng 5', 'knowledgeUpdate');
      cangLong.classes({
        kind: group4,
        starts: spread('2014-05-05', '2014-06-02', 2),
        lists: split(223, 2),
        days: 7,
      });
      const of2019 = cangLong.people(2_900);
      cangLong.classes({
        kind: group5,
        starts: spread('2019-04-01', '2019-10-28', 11),
        lists: split(2_900, 11),
        days: 4,
        from: of2019,
      });
      const of2022 = [...of2019, ...cangLong.people(400)];
      cangLong.classes({
        kind: group5,
        starts: spread('2022-03-07', '2022-11-28', 23),
        lists: split(3_300, 23),
        days: 4,
        from: of2022,
      });
      await cangLong.send();
    }, BUILD_TIMEOUT);

    it('each year: 2014 02 classes with 223, 2019 11 with 2.900, 2022 23 with 3.300', async () => {
      const years = await Promise.all(
        ['2014', '2019', '2022'].map((y) => cangLong.summary(`${y}-01-01`, `${y}-12-31`)),
      );
      expect(years.map((y) => figures(y.byKind))).toEqual([[[2, 223]], [[11, 2_900]], [[23, 3_300]]]);
      expect(years.map((y) => y.attendanceRate)).toEqual([1, 1, 1]);
    });

    it('2014–2022: 36 classes, đối tượng 4 02 with 223, đối tượng 5 34 with 6.200 lượt', async () => {
      const body = await cangLong.summary('2014-01-01', '2022-12-31', 'knowledgeUpdate');
      expect(body).toMatchObject({ classesOpened: 36, learnerPlaces: 6_423, distinctLearners: 3_523 });
      expect(figures(body.byKind)).toEqual([
        [2, 223],
        [34, 6_200],
      ]);
      expect(body.paragraph).toContain(
        'Giai đoạn 2014 - 2022, Trung tâm đã tổ chức mở được 36 lớp với 6.423 lượt học viên tham gia học tập, gồm: ' +
          '(1) 02 lớp Bồi dưỡng cập nhật kiến thức cho đối tượng 4 với 223 học viên; ' +
          '(2) 34 lớp Bồi dưỡng cập nhật kiến thức cho đối tượng 5 với 6.200 học viên.',
      );
    });
  });
});
