// Vietnamese conventions for dates and numbers (dd/mm/yyyy; 1.546; 96,2%), with English equivalents.
import { viDate } from '../../domain/vietnamese-format.ts';
import { serverNow } from '../db/clock-offset.ts';

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'vi-VN');

// Intl formatters are slow to build (a millisecond or more on a cheap phone) and are asked for on every render of
// the status bar and the roll: build each one once per language and options.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => F,
): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}
const numberFormat = (language: string, options: Intl.NumberFormatOptions) =>
  cached(`n:${language}:${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale(language), options));

/** 'YYYY-MM-DD' → '25/11/2026' (the same day-first order in both languages). */
export const formatDate = viDate;

export function formatNumber(n: number, language: string): string {
  return numberFormat(language, { maximumFractionDigits: 1 }).format(n);
}

/** 0.962 → '96,2%' in Vietnamese, '96.2%' in English. */
export function formatPercent(ratio: number, language: string): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** Time of day of an ISO timestamp, in the device's zone: '14:05'. */
export function formatTime(isoDateTime: string, language: string): string {
  const format = cached(
    `t:${language}`,
    () => new Intl.DateTimeFormat(locale(language), { hour: '2-digit', minute: '2-digit' }),
  );
  return format.format(new Date(isoDateTime));
}

/** Today as YYYY-MM-DD in the device's own time zone, by the server's clock when the device's is off. */
export function localToday(now = new Date(serverNow())): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Date and time of an ISO timestamp, in the device's zone: '20/11/2026 14:05'. */
export function formatDateTime(isoDateTime: string, language: string): string {
  return `${formatDate(localToday(new Date(isoDateTime)))} ${formatTime(isoDateTime, language)}`;
}

const AGO_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** A length of time in its largest whole unit, from minutes to days: '1 ngày', '3 giờ' / '3 hours'. */
export function formatDuration(ms: number, language: string): string {
  const seconds = Math.abs(ms) / 1000;
  const [unit, size] = AGO_UNITS.find(([, size]) => seconds >= size) ?? AGO_UNITS[AGO_UNITS.length - 1]!;
  const format = cached(
    `u:${language}:${unit}`,
    () => new Intl.NumberFormat(locale(language), { style: 'unit', unit, unitDisplay: 'long' }),
  );
  return format.format(Math.floor(seconds / size));
}

/** How long ago: '5 phút trước' / '5 minutes ago'; under a minute, 'bây giờ' / 'now'. */
export function formatTimeAgo(isoDateTime: string, language: string, now = new Date()): string {
  const seconds = Math.max(0, (now.getTime() - new Date(isoDateTime).getTime()) / 1000);
  const unit = AGO_UNITS.find(([, size]) => seconds >= size);
  if (!unit) {
    const now = cached(
      `r:${language}:auto`,
      () => new Intl.RelativeTimeFormat(locale(language), { numeric: 'auto' }),
    );
    return now.format(0, 'second');
  }
  // Numbers, not words, for whole units: 30 hours ago is "1 day ago", not the calendar's "yesterday".
  const ago = cached(`r:${language}`, () => new Intl.RelativeTimeFormat(locale(language)));
  return ago.format(-Math.floor(seconds / unit[1]), unit[0]);
}

const BYTE_UNITS: ['gigabyte' | 'megabyte' | 'kilobyte', number][] = [
  ['gigabyte', 1e9],
  ['megabyte', 1e6],
  ['kilobyte', 1e3],
];

/** A size in bytes as people read it: '12,3 MB', '1,2 GB' (never below kilobytes). */
export function formatBytes(bytes: number, language: string): string {
  const [unit, size] = BYTE_UNITS.find(([, size]) => bytes >= size) ?? BYTE_UNITS[2]!;
  return numberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(bytes / size);
}
