// @vitest-environment jsdom
// The after-session summary, in Vietnamese: the session's tally, who is below the threshold, who can no longer
// reach it, and who has been away two sessions running; fed by props, and by the device database through
// useClassMarks.
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/app/db/app-db.ts';
import { DbProvider } from '../../../src/app/db/DbProvider.tsx';
import { useClassMarks } from '../../../src/app/db/hooks.ts';
import { SessionSummary, type SessionSummaryProps } from '../../../src/app/features/roll/SessionSummary.tsx';
import { initI18n, loadScreenWords } from '../../../src/app/i18n/i18n.ts';
import type {
  AttendanceMark,
  Class,
  Learner,
  MarkStatus,
  PartOfDay,
  Session,
} from '../../../src/domain/entities.ts';
import { markId, newId } from '../../../src/domain/ids.ts';
import { learnerNamed } from '../helpers/records.ts';

const centreId = newId();
const instructorId = newId();
const base = { centreId, updatedAt: '2026-03-02T07:00:00.000+07:00', deleted: false };

const cls: Class = {
  ...base,
  id: newId(),
  code: 'NTVĐ-01',
  name: 'Lớp Nhận thức về Đảng khóa 1',
  classTypeId: newId(),
  year: 2026,
  commune: 'Đăk Ruồng',
  location: 'Hội trường xã Đăk Ruồng',
  startDate: '2026-03-02',
  endDate: '2026-03-06',
  status: 'open',
  threshold: 0.8,
  coordinatingBody: '',
  instructorIds: [instructorId],
};

const session = (date: string, partOfDay: PartOfDay): Session => ({
  ...base,
  id: newId(),
  classId: cls.id,
  date,
  partOfDay,
  periods: 5,
  topic: 'Chuyên đề',
  instructorId,
  location: cls.location,
  cancelled: false,
  replacesSessionId: null,
});

const learner = (fullName: string): Learner => learnerNamed(fullName, { ...base, unit: 'UBND xã Đăk Ruồng' });

const mark = (s: Session, l: Learner, status: MarkStatus): AttendanceMark => ({
  ...base,
  id: markId(s.id, l.id),
  sessionId: s.id,
  learnerId: l.id,
  status,
  note: '',
  markedBy: instructorId,
  markedAt: `${s.date}T10:00:00.000+07:00`,
});

// Monday to Friday, morning and afternoon: 10 buổi × 5 tiết. The summary is read on Wednesday afternoon.
const sessions = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].flatMap((d) => [
  session(d, 'morning'),
  session(d, 'afternoon'),
]);
const today = '2026-03-04';
const wednesdayAfternoon = sessions[5]!;
const an = learner('Nguyễn Văn An');
const nhung = learner('Đặng Thị Hồng Nhung');
const tuan = learner('Trần Minh Tuấn');
const khanh = learner('Bùi Văn Khánh');
const learners = [khanh, nhung, tuan, an];
const STATUS: Record<string, MarkStatus> = { P: 'present', A: 'absent', X: 'excused' };

/** One letter per session from Monday morning: P present, A absent, X excused. */
const marksOf = (book: [Learner, string][]) =>
  book.flatMap(([l, letters]) => [...letters].map((c, i) => mark(sessions[i]!, l, STATUS[c]!)));

const firstThreeDays = marksOf([
  [an, 'PPPPPP'],
  [nhung, 'APAPPP'],
  [tuan, 'AAPAPP'],
  [khanh, 'PPPPAX'],
]);

let i18n: Awaited<ReturnType<typeof initI18n>>;
beforeAll(async () => {
  i18n = await initI18n('vi');
  await loadScreenWords(i18n);
});
afterEach(cleanup);

const show = (ui: ReactNode) => render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
const props = (marks: AttendanceMark[]): SessionSummaryProps => ({
  session: wednesdayAfternoon,
  cls,
  learners,
  sessions,
  marks,
  excusedCounts: false,
  today,
});
const list = (name: string) => within(screen.getByRole('region', { name }));

function Wired() {
  const data = useClassMarks(cls.id);
  return data ? <SessionSummary {...props(data.marks)} sessions={data.sessions} /> : null;
}

describe('SessionSummary', () => {
  it('shows the session’s tally and the learners to act on', () => {
    show(<SessionSummary {...props(firstThreeDays)} />);

    const counts = screen.getByRole('list', { name: 'Điểm danh buổi này' });
    expect(counts).toHaveTextContent('Có mặt: 3');
    expect(counts).toHaveTextContent('Vắng có phép: 1');
    expect(counts).toHaveTextContent('Vắng không phép: 0');
    expect(counts).toHaveTextContent('Chưa điểm danh: 0');

    const below = list('Dưới ngưỡng chuyên cần');
    expect(below.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Bùi Văn Khánh: 66,7% (20/30 tiết)',
      'Đặng Thị Hồng Nhung: 66,7% (20/30 tiết)',
    ]);

    const cannotReach = list('Không còn đủ điều kiện');
    expect(cannotReach.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Trần Minh Tuấn: 50% (15/30 tiết)',
    ]);

    const streaks = list('Vắng 2 buổi liên tiếp');
    expect(streaks.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Bùi Văn Khánh: 2 buổi gần nhất',
    ]);
  });

  it('says so briefly when nobody is in a list', () => {
    show(<SessionSummary {...props(marksOf(learners.map((l) => [l, 'PPPPPP'])))} />);

    for (const name of ['Dưới ngưỡng chuyên cần', 'Không còn đủ điều kiện', 'Vắng 2 buổi liên tiếp']) {
      expect(list(name).queryByRole('list')).toBeNull();
      expect(list(name).getByText('Không có học viên nào.')).toBeInTheDocument();
    }
  });
});

describe('useClassMarks', () => {
  let db: AppDb;
  afterEach(() => db.delete());

  it('gives the summary the class’s sessions and marks from the device, leaving deleted ones out', async () => {
    db = new AppDb(`test-${newId()}`);
    // An's Wednesday afternoon mark was withdrawn (a tombstone), and a session was removed.
    const marks = firstThreeDays.map((m) =>
      m.learnerId === an.id && m.sessionId === wednesdayAfternoon.id ? { ...m, deleted: true } : m,
    );
    const rolls = sessions.map((s) => ({
      sessionId: s.id,
      marks: Object.fromEntries(marks.filter((m) => m.sessionId === s.id).map((m) => [m.learnerId, m])),
    }));
    await db.sessions.bulkPut([...sessions, { ...session('2026-03-01', 'morning'), deleted: true }]);
    // Rolls are written with `meta` in the transaction: each write to them sets the write stamp (write-stamp.ts).
    await db.transaction('rw', db.rolls, db.meta, () => db.rolls.bulkPut(rolls));

    show(
      <DbProvider db={db}>
        <Wired />
      </DbProvider>,
    );

    const counts = await screen.findByRole('list', { name: 'Điểm danh buổi này' });
    expect(counts).toHaveTextContent('Chưa điểm danh: 1');
    expect(counts).toHaveTextContent('Có mặt: 2');
    expect(list('Dưới ngưỡng chuyên cần').getAllByRole('listitem')).toHaveLength(2);
    expect(list('Không còn đủ điều kiện').getByText('Trần Minh Tuấn')).toBeInTheDocument();
  });
});
