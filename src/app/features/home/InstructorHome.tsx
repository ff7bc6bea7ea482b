// An instructor's home: upcoming sessions of their classes (next first), then the classes themselves: those planned or
// running, and the ended ones folded below them (years of them pile up, and a trip is never prepared for one).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDb } from '../../db/DbProvider.tsx';
import {
  type ClassSummary,
  readRollAhead,
  useInstructorClasses,
  useUpcomingSessions,
} from '../../db/hooks.ts';
import { localToday } from '../../i18n/format.ts';
import { useAfterFirstScreen, useFirstScreenShown } from '../../ui/first-screen.ts';
import { useTabFlag } from '../../ui/tab-memory.ts';
import { ClassList } from './ClassList.tsx';
import { SessionList } from './SessionList.tsx';

export function InstructorHome({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const today = localToday();
  const classes = useInstructorClasses(userId);
  const upcoming = useUpcomingSessions(
    classes?.map((c) => c.cls.id),
    today,
  );

  useFirstScreenShown(classes !== undefined && upcoming !== undefined);
  useTodaysRollsReadAhead(upcoming?.filter((s) => s.session.date === today && !s.session.cancelled));
  if (classes === undefined || upcoming === undefined) return <p>{t('common.loading')}</p>;
  return (
    <>
      <section id="hom-nay" aria-labelledby="upcoming-title">
        <h1 id="upcoming-title">{t('instructor.upcoming')}</h1>
        {upcoming.length === 0 ? (
          <p>{t('instructor.noUpcoming')}</p>
        ) : (
          <SessionList sessions={upcoming.slice(0, 10)} today={today} linkToRoll />
        )}
      </section>
      <section aria-labelledby="classes-title">
        <h2 id="classes-title">{t('instructor.title')}</h2>
        {classes.length === 0 ? <p>{t('instructor.noClasses')}</p> : <MyClasses classes={classes} />}
      </section>
    </>
  );
}

const isCurrent = ({ cls }: ClassSummary) => cls.status === 'planned' || cls.status === 'open';

function MyClasses({ classes }: { classes: ClassSummary[] }) {
  const { t } = useTranslation();
  // Left open, it is open again on return from a class (Back) and after a reload, where the page's place is.
  const [showEnded, setShowEnded] = useTabFlag('diem-danh.ended-classes-open');
  const current = classes.filter(isCurrent);
  const ended = classes.filter((c) => !isCurrent(c));
  return (
    <>
      {current.length === 0 ? <p>{t('instructor.noCurrentClasses')}</p> : <ClassList classes={current} />}
      {ended.length > 0 && (
        <details
          className="ended-classes"
          open={showEnded}
          onToggle={(e) => setShowEnded(e.currentTarget.open)}
        >
          <summary>{t('instructor.endedClasses', { count: ended.length })}</summary>
          {/* Drawn when opened: the home screen is the first thing an instructor's phone shows. */}
          {showEnded && <ClassList classes={ended} />}
        </details>
      )}
    </>
  );
}

/** Today's rolls are read once the home screen is up, so that the one the instructor taps opens at once. */
function useTodaysRollsReadAhead(todays: { session: { id: string } }[] | undefined) {
  const db = useDb();
  const ready = useAfterFirstScreen();
  const ids = todays?.map((s) => s.session.id).join(',');
  useEffect(() => {
    if (!ready || !ids) return;
    void (async () => {
      // One after the other: the screen stays responsive meanwhile.
      for (const id of ids.split(',')) await readRollAhead(db, id);
    })();
  }, [db, ready, ids]);
}
