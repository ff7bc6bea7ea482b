// Calendar arithmetic on YYYY-MM-DD dates (days as the user means them, no time zone): schedules, the demo, the
// learner's allowance of absences.

const DAY_MS = 24 * 60 * 60 * 1000;

const toUtc = (date: string): number => Date.parse(`${date}T00:00:00.000Z`);
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => fromUtc(toUtc(date) + days * DAY_MS);

export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** 0 for Sunday … 6 for Saturday. */
export const dayOfWeek = (date: string): number => new Date(toUtc(date)).getUTCDay();

export const isWeekend = (date: string): boolean => {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
};

/** The first weekday on or after `date`. */
export const weekdayOnOrAfter = (date: string): string => {
  let d = date;
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
};

/** `count` working days (Monday to Friday) starting on or after `start`. */
export function weekdaysFrom(start: string, count: number): string[] {
  const days: string[] = [];
  for (let d = weekdayOnOrAfter(start); days.length < count; d = weekdayOnOrAfter(addDays(d, 1)))
    days.push(d);
  return days;
}

/** `count` consecutive calendar days starting on `start`. */
export function daysFrom(start: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(start, i));
}
