// Importing a class roster from a sheet (the centre's Excel template, or CSV): finds the header row, reads each row
// into a learner, reports every problem by spreadsheet row and column, and decides per row whether the learner is
// new, already known to the centre (same name and birth date), or already on the class list. Pure: the app reads the
// file and writes the result.
import { type Gender, Learner, type PartyStatus } from './entities.ts';
import {
  cellText,
  isBlank,
  readDate,
  readGender,
  readPartyStatus,
  readPhone,
  type SheetCell,
} from './roster-cells.ts';
import { type NameParts, searchKey, splitFullName } from './vietnamese-text.ts';

export const ROSTER_COLUMNS = [
  'fullName',
  'birthDate',
  'gender',
  'position',
  'unit',
  'phone',
  'partyStatus',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** The template's headers, in its column order. */
export const TEMPLATE_HEADERS: Record<RosterColumn, string> = {
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  gender: 'Giới tính',
  position: 'Chức vụ',
  unit: 'Đơn vị/Chi bộ',
  phone: 'Số điện thoại',
  partyStatus: 'Đảng viên',
};

// Other headers seen on lists that offices already keep; compared after folding like the template's own.
const OTHER_HEADERS: Partial<Record<RosterColumn, string[]>> = {
  fullName: ['Họ tên'],
  birthDate: ['Ngày tháng năm sinh'],
  unit: ['Đơn vị', 'Chi bộ'],
  phone: ['Điện thoại', 'SĐT'],
};

/** Case, diacritics, spaces and punctuation do not matter in a header: "ĐƠN VỊ / CHI BỘ" is "Đơn vị/Chi bộ". */
const headerKey = (text: string) => searchKey(text).replace(/[^a-z0-9]/g, '');

const COLUMN_OF_HEADER = new Map<string, RosterColumn>(
  ROSTER_COLUMNS.flatMap((column) =>
    [TEMPLATE_HEADERS[column], ...(OTHER_HEADERS[column] ?? [])].map((h) => [headerKey(h), column] as const),
  ),
);

// Lists often open with a title ("DANH SÁCH HỌC VIÊN LỚP …") above the header row.
const HEADER_SEARCH_ROWS = 10;

export type FileProblem = 'noNameColumn' | 'noLearners';

export type RowProblemCode =
  | 'missingName'
  | 'invalidDate'
  | 'yearOnly'
  | 'futureDate'
  | 'invalidGender'
  | 'invalidPartyStatus'
  | 'tooLong'
  | 'duplicateInFile';

export interface RowProblem {
  code: RowProblemCode;
  /** Row number in the spreadsheet (1 is its first row). */
  row: number;
  column: RosterColumn;
  /** For duplicateInFile: the earlier row with the same learner. */
  sameAs?: number;
}

/** A learner as a row gives it: the fields of a Learner record that come from the sheet. */
export interface ImportedLearner extends NameParts {
  fullName: string;
  birthDate: string | null;
  gender: Gender | null;
  position: string;
  unit: string;
  phone: string;
  partyStatus: PartyStatus;
}

export type RowStatus =
  | { kind: 'new' }
  /** A learner of the centre with the same name and birth date: reused, not created again. */
  | { kind: 'matched'; learnerId: string }
  /** Already on this class's list: left as it is. */
  | { kind: 'alreadyEnrolled'; learnerId: string }
  | { kind: 'invalid'; problems: RowProblem[] };

export interface PreviewRow {
  row: number;
  learner: ImportedLearner;
  status: RowStatus;
}

export type RosterPreview = { ok: false; problem: FileProblem } | { ok: true; rows: PreviewRow[] };

/** What the device knows before the import: the centre's learners and who is on the class list already. */
export interface ExistingRoster {
  learners: Pick<Learner, 'id' | 'fullName' | 'birthDate'>[];
  enrolledLearnerIds: ReadonlySet<string>;
}

/**
 * Same person: the name folded (case, diacritics, đ/d, both tone placements) and the same birth date. A class
 * invitation names its learner the same way.
 */
export const identityKey = (fullName: string, birthDate: string | null) =>
  `${searchKey(fullName)}|${birthDate ?? ''}`;

function findHeader(rows: SheetCell[][]): { index: number; columns: Map<RosterColumn, number> } | null {
  for (const [index, row] of rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const columns = new Map<RosterColumn, number>();
    row.forEach((cell, i) => {
      const column = COLUMN_OF_HEADER.get(headerKey(cellText(cell)));
      if (column && !columns.has(column)) columns.set(column, i);
    });
    if (columns.has('fullName')) return { index, columns };
  }
  return null;
}

// The Learner schema's own limits (and NFC), so a row that passes here cannot fail when it is written.
const LearnerText = Learner.pick({ fullName: true, position: true, unit: true, phone: true });

function readRow(
  cells: SheetCell[],
  columns: Map<RosterColumn, number>,
  row: number,
  today: string,
): { learner: ImportedLearner; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const cell = (column: RosterColumn) => {
    const i = columns.get(column);
    return i === undefined ? null : (cells[i] ?? null);
  };
  const problem = (code: RowProblemCode, column: RosterColumn) => problems.push({ code, row, column });

  const fullName = cellText(cell('fullName'));
  if (fullName === '') problem('missingName', 'fullName');
  const date = readDate(cell('birthDate'));
  if (!date.ok) problem(date.problem, 'birthDate');
  else if (date.value && date.value > today) problem('futureDate', 'birthDate');
  const gender = readGender(cell('gender'));
  if (!gender.ok) problem(gender.problem, 'gender');
  const party = readPartyStatus(cell('partyStatus'));
  if (!party.ok) problem(party.problem, 'partyStatus');
  const text = {
    fullName,
    position: cellText(cell('position')),
    unit: cellText(cell('unit')),
    phone: readPhone(cell('phone')),
  };
  for (const issue of LearnerText.safeParse(text).error?.issues ?? []) {
    const column = issue.path[0] as RosterColumn;
    if (issue.code === 'too_big' && !problems.some((p) => p.column === column)) problem('tooLong', column);
  }
  return {
    learner: {
      ...text,
      ...splitFullName(fullName),
      birthDate: date.ok ? date.value : null,
      gender: gender.ok ? gender.value : null,
      partyStatus: party.ok ? party.value : 'none',
    },
    problems,
  };
}

/**
 * The preview of importing `rows` (the sheet's rows, first row first) into a class. `today` (YYYY-MM-DD) bounds
 * birth dates. Empty rows are skipped. A learner without a birth date is matched only against the class's own list:
 * across the centre, a common name alone ("Nguyễn Văn Hùng") may be another person.
 */
export function previewRosterImport(
  rows: SheetCell[][],
  existing: ExistingRoster,
  today: string,
): RosterPreview {
  const header = findHeader(rows);
  if (!header) return { ok: false, problem: 'noNameColumn' };

  const known = new Map<string, string[]>();
  for (const l of existing.learners) {
    const key = identityKey(l.fullName, l.birthDate);
    known.set(key, [...(known.get(key) ?? []), l.id]);
  }
  const firstRowOf = new Map<string, number>();
  const preview: PreviewRow[] = [];

  for (const [index, cells] of rows.entries()) {
    if (index <= header.index || cells.every(isBlank)) continue;
    const row = index + 1;
    const { learner, problems } = readRow(cells, header.columns, row, today);
    const key = identityKey(learner.fullName, learner.birthDate);
    const sameAs = firstRowOf.get(key);
    if (sameAs !== undefined && learner.fullName !== '') {
      problems.push({ code: 'duplicateInFile', row, column: 'fullName', sameAs });
    } else firstRowOf.set(key, row);
    preview.push({ row, learner, status: statusOf(known.get(key) ?? [], learner, problems, existing) });
  }
  return preview.length === 0 ? { ok: false, problem: 'noLearners' } : { ok: true, rows: preview };
}

function statusOf(
  sameIdentity: string[],
  learner: ImportedLearner,
  problems: RowProblem[],
  existing: ExistingRoster,
): RowStatus {
  if (problems.length > 0) return { kind: 'invalid', problems };
  const enrolled = sameIdentity.find((id) => existing.enrolledLearnerIds.has(id));
  if (enrolled) return { kind: 'alreadyEnrolled', learnerId: enrolled };
  const [matched] = sameIdentity;
  return matched && learner.birthDate !== null ? { kind: 'matched', learnerId: matched } : { kind: 'new' };
}

export interface PreviewCounts {
  new: number;
  matched: number;
  alreadyEnrolled: number;
  invalid: number;
}

export function countPreview(rows: PreviewRow[]): PreviewCounts {
  const counts: PreviewCounts = { new: 0, matched: 0, alreadyEnrolled: 0, invalid: 0 };
  for (const r of rows) counts[r.status.kind] += 1;
  return counts;
}

/** All or nothing: the import may be saved only when no row has a problem and someone is to be added. */
export function canImport(preview: RosterPreview): boolean {
  if (!preview.ok) return false;
  const counts = countPreview(preview.rows);
  return counts.invalid === 0 && counts.new + counts.matched > 0;
}
