// The year's plan of classes (kế hoạch mở lớp), kind by kind, and how far the year has got: planned classes and
// learners are typed in here; classes opened and learner places come from the sessions held.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yearOf } from '../../../domain/calendar.ts';
import { type KindPlan, planProgress } from '../../../domain/plan-progress.ts';
import { wholeYears } from '../../../domain/reports.ts';
import { useDb } from '../../db/DbProvider.tsx';
import type { StoredSession } from '../../db/device-state.ts';
import { useClassYears } from '../../db/hooks.ts';
import { useReportData } from '../../db/office-hooks.ts';
import { formatNumber, formatPercent, localToday } from '../../i18n/format.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import { staffScreen } from '../../ui/StaffOnly.tsx';
import { WideTable } from '../../ui/WideTable.tsx';
import { YearHeading } from '../../ui/YearHeading.tsx';
import { type PlanFigures, setPlan } from './plan-actions.ts';

const MAX_CLASSES = 10_000;
const MAX_LEARNERS = 1_000_000;

export const PlanPage = staffScreen(PlanPageScreen);

function PlanPageScreen({ session }: { session: StoredSession }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const classYears = useClassYears();
  const thisYear = Number(localToday().slice(0, 4));
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? thisYear;
  const period = useMemo(() => wholeYears(year), [year]);
  const data = useReportData(session.me.centre.id, period);
  const progress = useMemo(
    () =>
      data &&
      planProgress(data.records, yearOf(data.period.from), {
        today: localToday(),
        excusedCounts: data.excusedCounts,
      }),
    [data],
  );
  if (!data || !progress || classYears === undefined)
    return <AppShell session={session}>{t('common.loading')}</AppShell>;

  // The year whose records were read: right after a new choice, still the last one, whose figures are shown (and
  // whose plan an edit made meanwhile changes).
  const shownYear = yearOf(data.period.from);

  // Next year too: the plan is made before the year starts.
  const years = [...new Set([thisYear + 1, thisYear, ...classYears])].sort((a, b) => b - a);
  const number = (n: number) => formatNumber(n, i18n.language);
  const save = (kind: KindPlan, figures: PlanFigures) =>
    setPlan(
      db,
      session.me.centre.id,
      { year: shownYear, classTypeId: kind.classTypeId, planItemId: kind.planItemId },
      figures,
    );

  return (
    <AppShell session={session}>
      <YearHeading
        title={t('plan.title', { year: shownYear })}
        year={year}
        years={years}
        onYear={setChosen}
      />
      <p data-testid="plan-progress">
        {progress.plannedClasses > 0
          ? t('plan.progress', {
              opened: number(progress.classesOpened),
              planned: number(progress.plannedClasses),
              rate: formatPercent(progress.classesOpened / progress.plannedClasses, i18n.language),
            })
          : t('plan.noPlan')}
      </p>
      <WideTable
        headings={[
          t('reports.kind'),
          t('plan.plannedClasses'),
          t('plan.plannedLearners'),
          t('plan.opened'),
          t('reports.places'),
        ]}
        className="plan-table"
      >
        {progress.kinds.map((kind) => (
          <PlanRow
            key={`${shownYear}/${kind.classTypeId}`}
            kind={kind}
            onSave={(figures) => save(kind, figures)}
          />
        ))}
      </WideTable>
    </AppShell>
  );
}

function PlanRow({ kind, onSave }: { kind: KindPlan; onSave(figures: PlanFigures): Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [classes, setClasses] = useState(String(kind.plannedClasses));
  const [learners, setLearners] = useState(String(kind.plannedLearners));
  const [error, setError] = useState<string | null>(null);
  const number = (n: number) => formatNumber(n, i18n.language);

  // Saved when a field is left: a number out of range (or not a number) is refused and nothing changes.
  async function commit() {
    const figures = { plannedClasses: Number(classes), plannedLearners: Number(learners) };
    const valid =
      /^\d+$/.test(classes.trim()) &&
      /^\d+$/.test(learners.trim()) &&
      figures.plannedClasses <= MAX_CLASSES &&
      figures.plannedLearners <= MAX_LEARNERS;
    if (!valid) {
      setError(t('plan.invalid', { maxClasses: number(MAX_CLASSES), maxLearners: number(MAX_LEARNERS) }));
      return;
    }
    setError(null);
    if (figures.plannedClasses === kind.plannedClasses && figures.plannedLearners === kind.plannedLearners)
      return;
    await onSave(figures);
  }

  const field = (label: string, value: string, set: (v: string) => void) => (
    <input
      type="text"
      inputMode="numeric"
      aria-label={`${label}: ${kind.name}`}
      aria-invalid={error !== null}
      value={value}
      onChange={(e) => set(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void commit();
      }}
    />
  );
  return (
    <tr data-kind={kind.classTypeId}>
      <th scope="row" className="name">
        {kind.name}
        {error && (
          <span className="field-error" role="alert">
            {error}
          </span>
        )}
      </th>
      <td>{field(t('plan.plannedClasses'), classes, setClasses)}</td>
      <td>{field(t('plan.plannedLearners'), learners, setLearners)}</td>
      <td className="num">{number(kind.classesOpened)}</td>
      <td className="num">{number(kind.learnerPlaces)}</td>
    </tr>
  );
}
