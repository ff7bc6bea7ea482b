// When sessions happen: their order in a day and which ones have been held, for every screen and rule alike.
import type { PartOfDay, Session } from './entities.ts';

const PART_ORDER: Record<PartOfDay, number> = { morning: 0, afternoon: 1, evening: 2 };

/** Earliest first: by date, then morning < afternoon < evening. */
export const compareSessions = (
  a: Pick<Session, 'date' | 'partOfDay'>,
  b: Pick<Session, 'date' | 'partOfDay'>,
) => a.date.localeCompare(b.date) || PART_ORDER[a.partOfDay] - PART_ORDER[b.partOfDay];

/**
 * A session counts for attendance once its day has come, unless it was cancelled or removed. Today's session is
 * held even before its roll is taken, so the after-session summary sees who has not been marked.
 */
export const isHeld = (session: Pick<Session, 'date' | 'cancelled' | 'deleted'>, today: string) =>
  !session.cancelled && !session.deleted && session.date <= today;
