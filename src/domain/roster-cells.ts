// Reading one cell of a roster sheet the way Vietnamese offices fill them: birth dates as dd/mm/yyyy text, Excel
// serial numbers or date cells; "Nam"/"Nữ"; the party-membership column in its usual words; phone numbers that
// Excel turned into numbers. Each reader returns a value, or a problem code when the cell cannot be read.
import type { Gender, PartyStatus } from './entities.ts';
import { nfc, searchKey } from './vietnamese-text.ts';

/** What a spreadsheet or CSV reader gives for a cell. */
export type SheetCell = string | number | boolean | Date | null;

export type Read<T, P extends string> = { ok: true; value: T } | { ok: false; problem: P };

const ok = <T>(value: T) => ({ ok: true, value }) as const;
const fail = <P extends string>(problem: P) => ({ ok: false, problem }) as const;

/** The cell as trimmed NFC text ('' for an empty cell). */
export function cellText(cell: SheetCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isoOfUtcDay(cell) ?? '';
  return nfc(String(cell));
}

export const isBlank = (cell: SheetCell): boolean => cellText(cell) === '';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** YYYY-MM-DD of a real calendar day, or null (31/02, month 13, …). */
function isoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year); // Date.UTC reads years 0–99 as 1900–1999
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
}

// Spreadsheet readers give a date cell as midnight UTC of that day.
const isoOfUtcDay = (d: Date): string | null =>
  Number.isNaN(d.getTime()) ? null : isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());

const DAY_MS = 86_400_000;
// Excel counts days from 1900-01-00 and wrongly has a 29/02/1900 (serial 60), so from serial 61 on, day 0 is
// 30/12/1899. Earlier serials are in early 1900: no learner's birth date.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const FIRST_SERIAL = 61;
const LAST_SERIAL = 2_958_465; // 31/12/9999, the last day Excel has

// A bare year: "sinh năm 1975" is common in old records, but the app stores a whole date. As a serial it would be
// a day in 1905, which no learner was born on, so the number is read as what it is.
const YEAR_ONLY = /^(19|20)\d\d$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DateProblem = 'invalidDate' | 'yearOnly';

/** A birth date cell: dd/mm/yyyy or d/m/yyyy text (also with '-' or '.'), YYYY-MM-DD, an Excel serial, a date cell. */
export function readDate(cell: SheetCell): Read<string | null, DateProblem> {
  if (cell instanceof Date) {
    const iso = isoOfUtcDay(cell);
    return iso ? ok(iso) : fail('invalidDate');
  }
  if (typeof cell === 'number') {
    if (YEAR_ONLY.test(String(cell))) return fail('yearOnly');
    const serial = Math.floor(cell); // a fraction is a time of day
    if (serial < FIRST_SERIAL || serial > LAST_SERIAL) return fail('invalidDate');
    return ok(isoOfUtcDay(new Date(EXCEL_EPOCH_MS + serial * DAY_MS)));
  }
  const text = cellText(cell);
  if (text === '') return ok(null);
  if (YEAR_ONLY.test(text)) return fail('yearOnly');
  const dayFirst = DAY_FIRST.exec(text);
  const iso = ISO.exec(text);
  const day = dayFirst
    ? isoDay(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]))
    : iso && isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return day ? ok(day) : fail('invalidDate');
}

const GENDER_WORDS: Record<string, Gender | null> = { '': null, nam: 'male', nu: 'female' };

export function readGender(cell: SheetCell): Read<Gender | null, 'invalidGender'> {
  const gender = GENDER_WORDS[searchKey(cellText(cell))];
  return gender === undefined ? fail('invalidGender') : ok(gender);
}

// What offices write in a "Đảng viên" column: a mark for a member ("x", "có"), or the kind of membership.
// A member not said to be probationary is a full member.
const PARTY_WORDS: Record<string, PartyStatus> = {
  '': 'none',
  khong: 'none',
  'quan chung': 'none',
  x: 'full',
  co: 'full',
  'dang vien': 'full',
  'chinh thuc': 'full',
  'dang vien chinh thuc': 'full',
  'du bi': 'probationary',
  'dang vien du bi': 'probationary',
  'quan chung uu tu': 'candidate',
};

export function readPartyStatus(cell: SheetCell): Read<PartyStatus, 'invalidPartyStatus'> {
  if (typeof cell === 'boolean') return ok(cell ? 'full' : 'none'); // a ticked checkbox column
  const status = PARTY_WORDS[searchKey(cellText(cell))];
  return status === undefined ? fail('invalidPartyStatus') : ok(status);
}

/** A phone number as text. Excel keeps "0905123456" typed in a General cell as the number 905123456: the leading
 * zero of a Vietnamese number (10 digits) is put back. */
export function readPhone(cell: SheetCell): string {
  if (typeof cell === 'number' && Number.isInteger(cell) && String(cell).length === 9) return `0${cell}`;
  return cellText(cell);
}
