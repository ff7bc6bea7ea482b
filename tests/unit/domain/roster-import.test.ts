// Roster import as centre staff fill the template: headers in any order and spelling, Vietnamese dates in every form
// Excel gives them, problems by spreadsheet row, and learners matched by folded name and birth date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDate, readPartyStatus, readPhone } from '../../../src/domain/roster-cells.ts';
import {
  canImport,
  countPreview,
  type ExistingRoster,
  type PreviewRow,
  previewRosterImport,
  TEMPLATE_HEADERS,
} from '../../../src/domain/roster-import.ts';

const TODAY = '2026-11-25';
const HEADERS = Object.values(TEMPLATE_HEADERS);
const nobody: ExistingRoster = { learners: [], enrolledLearnerIds: new Set() };

function rowsOf(preview: ReturnType<typeof previewRosterImport>): PreviewRow[] {
  if (!preview.ok) throw new Error(`file problem: ${preview.problem}`);
  return preview.rows;
}

describe('readDate', () => {
  it('reads dd/mm/yyyy, d/m/yyyy, other separators, ISO text, Excel serials and date cells', () => {
    expect(readDate('05/02/1990')).toEqual({ ok: true, value: '1990-02-05' });
    expect(readDate('5/2/1990')).toEqual({ ok: true, value: '1990-02-05' });
    expect(readDate('5-2-1990')).toEqual({ ok: true, value: '1990-02-05' });
    expect(readDate('05.02.1990')).toEqual({ ok: true, value: '1990-02-05' });
    expect(readDate('1990-02-05')).toEqual({ ok: true, value: '1990-02-05' });
    expect(readDate(32909)).toEqual({ ok: true, value: '1990-02-05' });
    expect(readDate(32909.75)).toEqual({ ok: true, value: '1990-02-05' });
    expect(readDate(new Date(Date.UTC(1990, 1, 5)))).toEqual({ ok: true, value: '1990-02-05' });
    expect(readDate(null)).toEqual({ ok: true, value: null });
    expect(readDate('  ')).toEqual({ ok: true, value: null });
  });

  it('refuses impossible days, month-first guesses, bare years and text', () => {
    for (const bad of ['31/02/1990', '29/02/1991', '12/13/1990', '00/01/1990', '5/2/90', 'mười hai', 0, -5]) {
      expect(readDate(bad)).toEqual({ ok: false, problem: 'invalidDate' });
    }
    expect(readDate('29/02/1992')).toEqual({ ok: true, value: '1992-02-29' });
    expect(readDate('1975')).toEqual({ ok: false, problem: 'yearOnly' });
    expect(readDate(1975)).toEqual({ ok: false, problem: 'yearOnly' });
    // A number that could be a year is one: as a serial it would be a day in 1905, when no learner was born.
    expect(readDate(2099)).toEqual({ ok: false, problem: 'yearOnly' });
    expect(readDate(2100)).toEqual({ ok: true, value: '1905-09-30' });
  });

  it('reads back every day written as text, as a serial and as a date cell (round trip)', () => {
    // From 1906: the serials of 1900 to late 1905 (up to 2099) read as bare years (see the test above).
    const days = fc.date({
      min: new Date(Date.UTC(1906, 0, 1)),
      max: new Date(Date.UTC(2100, 11, 31)),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(days, (d) => {
        const utcDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
        const iso = utcDay.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        const serial = (utcDay.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
        for (const cell of [`${day}/${m}/${y}`, `${Number(day)}/${Number(m)}/${y}`, serial, utcDay]) {
          expect(readDate(cell)).toEqual({ ok: true, value: iso });
        }
      }),
    );
  });
});

describe('cells', () => {
  it('reads the party column in the words offices use', () => {
    const read = (cell: string | boolean | null) => readPartyStatus(cell);
    expect(read(null)).toEqual({ ok: true, value: 'none' });
    expect(read('x')).toEqual({ ok: true, value: 'full' });
    expect(read('Có')).toEqual({ ok: true, value: 'full' });
    expect(read('Đảng viên')).toEqual({ ok: true, value: 'full' });
    expect(read('chính thức')).toEqual({ ok: true, value: 'full' });
    expect(read('Dự bị')).toEqual({ ok: true, value: 'probationary' });
    expect(read('Đảng viên dự bị')).toEqual({ ok: true, value: 'probationary' });
    expect(read('Quần chúng ưu tú')).toEqual({ ok: true, value: 'candidate' });
    expect(read(true)).toEqual({ ok: true, value: 'full' });
    expect(read('có lẽ')).toEqual({ ok: false, problem: 'invalidPartyStatus' });
  });

  it('puts back the leading zero Excel drops from a phone number', () => {
    expect(readPhone(905123456)).toBe('0905123456');
    expect(readPhone('0905 123 456')).toBe('0905 123 456');
  });
});

describe('previewRosterImport', () => {
  it('reads the template with headers in another order, case, spacing and without diacritics', () => {
    const rows = [
      ['DANH SÁCH HỌC VIÊN LỚP BỒI DƯỠNG NHẬN THỨC VỀ ĐẢNG', null],
      [],
      ['STT', 'NGAY SINH', 'ho  va ten', 'Giới Tính', 'ĐƠN VỊ / CHI BỘ', 'Đảng viên'],
      [1, '15/03/1985', 'Nguyễn Văn An', 'Nam', 'Chi bộ thôn 1', 'x'],
      [2, '7/9/1992', '  Hoàng   Thị Mỹ Duyên '.normalize('NFD'), 'Nữ', 'Hội Phụ nữ xã', 'dự bị'],
    ];
    const preview = rowsOf(previewRosterImport(rows, nobody, TODAY));
    expect(preview.map((r) => r.row)).toEqual([4, 5]);
    expect(preview[1]).toEqual({
      row: 5,
      learner: {
        fullName: 'Hoàng Thị Mỹ Duyên',
        familyName: 'Hoàng',
        middleName: 'Thị Mỹ',
        givenName: 'Duyên',
        birthDate: '1992-09-07',
        gender: 'female',
        position: '',
        unit: 'Hội Phụ nữ xã',
        phone: '',
        partyStatus: 'probationary',
      },
      status: { kind: 'new' },
    });
    expect(canImport(previewRosterImport(rows, nobody, TODAY))).toBe(true);
  });

  it('is a file problem without a name column, or without any learner', () => {
    expect(
      previewRosterImport(
        [
          ['Tên', 'Ngày sinh'],
          ['An', '01/01/1990'],
        ],
        nobody,
        TODAY,
      ),
    ).toEqual({
      ok: false,
      problem: 'noNameColumn',
    });
    expect(previewRosterImport([], nobody, TODAY)).toEqual({ ok: false, problem: 'noNameColumn' });
    expect(previewRosterImport([HEADERS, [null, '', '  ']], nobody, TODAY)).toEqual({
      ok: false,
      problem: 'noLearners',
    });
  });

  it('reports each problem with its spreadsheet row and column, and skips empty rows silently', () => {
    const rows = [
      HEADERS,
      ['Trần Văn Bình', '31/02/1990', 'Nam', '', '', '', ''],
      [null, null, null, null, null, null, null],
      ['', '01/01/1980', 'Nữ', 'Chủ tịch Hội', '', '', ''],
      ['Lê Thị Cúc', '01/01/2030', 'nu', '', '', '', 'có'],
      ['Phạm Văn Dũng', '1975', 'M', '', '', '', 'hình như'],
      ['Đỗ Văn Em', '12/12/1970', 'Nam', 'x'.repeat(201), '', '', ''],
      ['Trần Văn Bình', '12/12/1970', 'Nam', '', '', '', ''],
      ['tran van binh', '12/12/1970', '', '', '', '', ''],
    ];
    const preview = rowsOf(previewRosterImport(rows, nobody, TODAY));
    const problems = preview.flatMap((r) => (r.status.kind === 'invalid' ? r.status.problems : []));
    expect(problems).toEqual([
      { code: 'invalidDate', row: 2, column: 'birthDate' },
      { code: 'missingName', row: 4, column: 'fullName' },
      { code: 'futureDate', row: 5, column: 'birthDate' },
      { code: 'yearOnly', row: 6, column: 'birthDate' },
      { code: 'invalidGender', row: 6, column: 'gender' },
      { code: 'invalidPartyStatus', row: 6, column: 'partyStatus' },
      { code: 'tooLong', row: 7, column: 'position' },
      { code: 'duplicateInFile', row: 9, column: 'fullName', sameAs: 8 },
    ]);
    expect(preview.map((r) => r.row)).toEqual([2, 4, 5, 6, 7, 8, 9]);
    expect(countPreview(preview)).toEqual({ new: 1, matched: 0, alreadyEnrolled: 0, invalid: 6 });
    expect(canImport(previewRosterImport(rows, nobody, TODAY))).toBe(false);
  });

  it('reuses a learner of the centre with the same folded name and birth date, and skips those already enrolled', () => {
    const existing: ExistingRoster = {
      learners: [
        { id: 'an', fullName: 'Nguyễn Văn A', birthDate: '1985-03-15' },
        { id: 'hoa', fullName: 'Lê Thị Hòa', birthDate: '1990-01-02' },
        { id: 'an-other', fullName: 'Nguyễn Văn A', birthDate: '1979-11-30' },
        { id: 'hung', fullName: 'Nguyễn Văn Hùng', birthDate: null },
        { id: 'hung-here', fullName: 'Võ Văn Hùng', birthDate: null },
      ],
      enrolledLearnerIds: new Set(['hoa', 'hung-here']),
    };
    const rows = [
      HEADERS,
      ['nguyen van a', '15/03/1985'],
      ['LÊ THỊ HOÀ', '02/01/1990'],
      ['Nguyễn Văn A', '01/01/2000'],
      ['Nguyễn Văn Hùng', null],
      ['Võ Văn Hùng', ''],
    ];
    const statuses = rowsOf(previewRosterImport(rows, existing, TODAY)).map((r) => r.status);
    expect(statuses).toEqual([
      { kind: 'matched', learnerId: 'an' },
      { kind: 'alreadyEnrolled', learnerId: 'hoa' },
      { kind: 'new' },
      // Without a birth date a same-name learner of the centre may be someone else…
      { kind: 'new' },
      // …but one already on this class's list is the same person.
      { kind: 'alreadyEnrolled', learnerId: 'hung-here' },
    ]);
  });

  it('has nothing to save when everyone is already enrolled', () => {
    const existing: ExistingRoster = {
      learners: [{ id: 'an', fullName: 'Nguyễn Văn An', birthDate: '1985-03-15' }],
      enrolledLearnerIds: new Set(['an']),
    };
    expect(canImport(previewRosterImport([HEADERS, ['Nguyễn Văn An', '15/03/1985']], existing, TODAY))).toBe(
      false,
    );
  });
});
