// The recognition register (hồ sơ xét công nhận tương đương, /ho-so-tuong-duong): a year's dossiers with the report's
// figures and sentence at the top, a filter by outcome, a form for a dossier received, and each pending dossier's
// outcome recorded in its row. Everything is read from and written to the device, so it works offline.
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Dossier,
  type DossierOutcome,
  DossierOutcomes,
  type EquivalentLevel,
  EquivalentLevels,
} from '../../../domain/entities.ts';
import { equivalenceFigures, equivalenceSentence, registerOf } from '../../../domain/equivalence.ts';
import { useDb } from '../../db/DbProvider.tsx';
import type { StoredSession } from '../../db/device-state.ts';
import { useDossiers } from '../../db/office-hooks.ts';
import { formatDate, formatNumber, localToday } from '../../i18n/format.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import { staffScreen } from '../../ui/StaffOnly.tsx';
import { WideTable } from '../../ui/WideTable.tsx';
import { YearHeading } from '../../ui/YearHeading.tsx';
import { addDossier, type Decision, type DossierError, recordOutcome } from './dossier-actions.ts';

export const DossiersPage = staffScreen(DossiersScreen);

const yearOf = (date: string | null): number[] => (date ? [Number(date.slice(0, 4))] : []);

function DossiersScreen({ session }: { session: StoredSession }) {
  const { t, i18n } = useTranslation();
  const dossiers = useDossiers();
  const thisYear = Number(localToday().slice(0, 4));
  const [chosen, setChosen] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<DossierOutcome | null>(null);
  const year = chosen ?? thisYear;
  const period = useMemo(() => ({ from: `${year}-01-01`, to: `${year}-12-31` }), [year]);
  const figures = useMemo(() => dossiers && equivalenceFigures(dossiers, period), [dossiers, period]);
  const rows = useMemo(() => dossiers && registerOf(dossiers, period, outcome), [dossiers, period, outcome]);
  if (!dossiers || !figures || !rows) return <AppShell session={session}>{t('common.loading')}</AppShell>;

  const years = [
    ...new Set([
      thisYear,
      ...dossiers.flatMap((d) => [...yearOf(d.receivedDate), ...yearOf(d.decisionDate)]),
    ]),
  ].sort((a, b) => b - a);
  const number = (n: number) => formatNumber(n, i18n.language);
  const sentence = equivalenceSentence(figures);
  return (
    <AppShell session={session}>
      <YearHeading title={t('dossiers.title', { year })} year={year} years={years} onYear={setChosen} />
      <dl className="figures" data-testid="dossier-figures">
        {(['considered', 'recognised', 'notRecognised', 'pendingReceived'] as const).map((key) => (
          <div key={key} data-figure={key}>
            <dt>{t(`dossiers.figures.${key}`)}</dt>
            <dd>{number(figures[key])}</dd>
          </div>
        ))}
      </dl>
      {sentence && (
        <p className="report-paragraph" data-testid="dossier-sentence">
          {sentence}
        </p>
      )}
      <NewDossierForm centreId={session.me.centre.id} />
      <div className="report-filters">
        <label>
          {t('dossiers.outcome')}
          <select
            value={outcome ?? ''}
            onChange={(e) => setOutcome(e.target.value === '' ? null : (e.target.value as DossierOutcome))}
          >
            <option value="">{t('dossiers.all')}</option>
            {DossierOutcomes.map((o) => (
              <option key={o} value={o}>
                {t(`dossiers.outcomes.${o}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows.length === 0 ? (
        <p>{t('dossiers.empty')}</p>
      ) : (
        <WideTable
          headings={[
            t('dossiers.fullName'),
            t('dossiers.unit'),
            t('dossiers.level'),
            t('dossiers.received'),
            t('dossiers.outcome'),
            t('dossiers.decision'),
          ]}
          testId="dossiers"
        >
          {rows.map((d) => (
            <DossierRow key={d.id} dossier={d} centreId={session.me.centre.id} />
          ))}
        </WideTable>
      )}
    </AppShell>
  );
}

function ErrorLine({ error }: { error: DossierError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <span className="field-error" role="alert">
      {t(`dossiers.error.${error}`)}
    </span>
  );
}

function NewDossierForm({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const db = useDb();
  const [fullName, setFullName] = useState('');
  const [unit, setUnit] = useState('');
  const [level, setLevel] = useState<EquivalentLevel>('elementary');
  const [receivedDate, setReceivedDate] = useState(localToday());
  const [note, setNote] = useState('');
  const [error, setError] = useState<DossierError | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = await addDossier(db, centreId, { fullName, unit, level, receivedDate, note });
    setError(problem);
    if (problem) return setAdded(null);
    setAdded(fullName.trim());
    setFullName('');
    setUnit('');
    setNote('');
  }

  return (
    <details className="tools">
      <summary>{t('dossiers.add')}</summary>
      <form className="account-form tools-body" onSubmit={submit} aria-label={t('dossiers.add')}>
        <label>
          {t('dossiers.fullName')}
          <input value={fullName} onChange={(e) => setFullName(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t('dossiers.unit')}
          <input value={unit} onChange={(e) => setUnit(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t('dossiers.level')}
          <select value={level} onChange={(e) => setLevel(e.target.value as EquivalentLevel)}>
            {EquivalentLevels.map((l) => (
              <option key={l} value={l}>
                {t(`dossiers.levels.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dossiers.received')}
          <input type="date" value={receivedDate} onChange={(e) => setReceivedDate(e.target.value)} />
        </label>
        <label>
          {t('dossiers.note')}
          <input value={note} onChange={(e) => setNote(e.target.value)} autoComplete="off" />
        </label>
        <div className="form-actions">
          <button type="submit">{t('dossiers.save')}</button>
        </div>
        <ErrorLine error={error} />
        {added && (
          <p role="status" className="ok">
            {t('dossiers.added', { name: added })}
          </p>
        )}
      </form>
    </details>
  );
}

function DossierRow({ dossier, centreId }: { dossier: Dossier; centreId: string }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  return (
    <tr data-dossier={dossier.id}>
      <th scope="row" className="name">
        {dossier.fullName}
        {dossier.note && <span className="muted"> — {dossier.note}</span>}
      </th>
      <td>{dossier.unit}</td>
      <td>{t(`dossiers.levels.${dossier.level}`)}</td>
      <td>{formatDate(dossier.receivedDate)}</td>
      <td data-outcome={dossier.outcome}>{t(`dossiers.outcomes.${dossier.outcome}`)}</td>
      <td>
        {dossier.decisionDate && (
          <>
            {dossier.decisionRef} {formatDate(dossier.decisionDate)}
          </>
        )}
        {dossier.outcome === 'pending' &&
          (recording ? (
            <OutcomeForm dossier={dossier} centreId={centreId} onDone={() => setRecording(false)} />
          ) : (
            <button type="button" onClick={() => setRecording(true)}>
              {t('dossiers.record')}
            </button>
          ))}
      </td>
    </tr>
  );
}

function OutcomeForm({ dossier, centreId, onDone }: { dossier: Dossier; centreId: string; onDone(): void }) {
  const { t } = useTranslation();
  const db = useDb();
  const [decision, setDecision] = useState<Decision>({
    outcome: 'recognised',
    decisionDate: localToday(),
    decisionRef: '',
  });
  const [error, setError] = useState<DossierError | null>(null);
  const set = (fields: Partial<Decision>) => setDecision((d) => ({ ...d, ...fields }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = await recordOutcome(db, centreId, dossier, decision);
    setError(problem);
    if (!problem) onDone();
  }

  return (
    <form
      className="inline-form"
      onSubmit={submit}
      aria-label={t('dossiers.recordFor', { name: dossier.fullName })}
    >
      <select
        aria-label={t('dossiers.outcome')}
        value={decision.outcome}
        onChange={(e) => set({ outcome: e.target.value as DossierOutcome })}
      >
        {(['recognised', 'notRecognised'] as const).map((o) => (
          <option key={o} value={o}>
            {t(`dossiers.outcomes.${o}`)}
          </option>
        ))}
      </select>
      <input
        type="date"
        aria-label={t('dossiers.decisionDate')}
        value={decision.decisionDate ?? ''}
        onChange={(e) => set({ decisionDate: e.target.value === '' ? null : e.target.value })}
      />
      <input
        aria-label={t('dossiers.decisionRef')}
        placeholder={t('dossiers.decisionRef')}
        value={decision.decisionRef}
        onChange={(e) => set({ decisionRef: e.target.value })}
      />
      <button type="submit">{t('dossiers.save')}</button>
      <button type="button" onClick={onDone}>
        {t('dossiers.cancel')}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
