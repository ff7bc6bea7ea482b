// Scheduling many sessions at once, as a centre plans a class ("5 ngày, sáng và chiều"): every chosen part of every
// day from the first to the last, Sundays (and Saturdays, unless asked) left out, the topics (chuyên đề) given in order.
import { addDays, dayOfWeek } from './calendar.ts';
import type { PartOfDay } from './entities.ts';
import { compareSessions } from './sessions.ts';

export interface ScheduleRequest {
  /** yyyy-mm-dd, both included. */
  from: string;
  to: string;
  parts: readonly PartOfDay[];
  includeSaturdays: boolean;
  /** One per session in time order; the last one repeats when there are more sessions than topics. */
  topics: readonly string[];
}

export interface PlannedSession {
  date: string;
  partOfDay: PartOfDay;
  topic: string;
}

/** More than this many sessions at once is surely a typo in the dates. */
export const MAX_SESSIONS_AT_ONCE = 200;

export function planSessions(request: ScheduleRequest): PlannedSession[] {
  const dates: string[] = [];
  for (let date = request.from; date <= request.to; date = addDays(date, 1)) {
    const weekday = dayOfWeek(date);
    if (weekday === 0 || (weekday === 6 && !request.includeSaturdays)) continue;
    dates.push(date);
  }
  const slots = dates
    .flatMap((date) => [...new Set(request.parts)].map((partOfDay) => ({ date, partOfDay })))
    .sort(compareSessions);
  return slots.map((slot, i) => ({
    ...slot,
    topic: request.topics[Math.min(i, request.topics.length - 1)] ?? '',
  }));
}
