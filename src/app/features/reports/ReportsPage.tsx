// The report a centre files for a year, a range of years or any period, computed on the device from its records
// (offline too): the figures, the classes by kind as a table and a bar chart, the paragraph ready to paste, and the
// same report as Excel, CSV or an A4 page.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { yearOf } from '../../../domain/calendar.ts';
import type { ClassCategory } from '../../../domain/entities.ts';
import { equivalenceFigures } from '../../../domain/equivalence.ts';
import { reportParagraph } from '../../../domain/report-paragraph.ts';
import { type KindFigures, summaryReport, wholeYears } from '../../../domain/reports.ts';
import type { StoredSession } from '../../db/device-state.ts';
import { useClassYears } from '../../db/hooks.ts';
import { useDossiers, useReportData } from '../../db/office-hooks.ts';
import { formatDate, formatNumber, formatPercent, localToday } from '../../i18n/format.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import { CategoryOptions } from '../../ui/CategoryOptions.tsx';
import { staffScreen } from '../../ui/StaffOnly.tsx';
import { saveFile } from '../../ui/save-file.ts';
import { FIGURE_KEYS, figure, reportRows, type TableWords } from './report-table.ts';
import { csvFile, xlsxFile } from './table-files.ts';

/** Excel column widths, in characters: label or number, kind, system, classes, places. */
const REPORT_WIDTHS = [40, 50, 18, 10, 14];

export const ReportsPage = staffScreen(ReportsPageScreen);

function ReportsPageScreen({ session }: { session: StoredSession }) {
  const { t, i18n } = useTranslation();
  const years = useClassYears();
  const latest = years?.[0] ?? Number(localToday().slice(0, 4));
  const [fromYear, setFromYear] = useState<number | null>(null);
  const [toYear, setToYear] = useState<number | null>(null);
  const [system, setSystem] = useState<ClassCategory | ''>('');
  const [copied, setCopied] = useState(false);
  const from = fromYear ?? latest;
  const to = Math.max(toYear ?? from, from);
  const period = useMemo(() => wholeYears(from, to), [from, to]);
  const data = useReportData(session.me.centre.id, period);
  const dossiers = useDossiers();

  const summary = useMemo(
    () =>
      data &&
      summaryReport(data.records, data.period, {
        today: localToday(),
        excusedCounts: data.excusedCounts,
        system: system || undefined,
      }),
    [data, system],
  );
  if (years === undefined || !data || !summary)
    return <AppShell session={session}>{t('common.loading')}</AppShell>;

  // Recognition of equivalent training belongs to no class system: counted with the whole centre only.
  const equivalence = system || !dossiers ? undefined : equivalenceFigures(dossiers, data.period);
  const paragraph = reportParagraph(summary, equivalence);
  const number = (n: number) => formatNumber(n, i18n.language);
  const percent = (ratio: number) => formatPercent(ratio, i18n.language);
  const shown = (key: (typeof FIGURE_KEYS)[number]) => {
    const value = figure(summary, key);
    return value === null ? '—' : typeof value === 'number' ? number(value) : percent(value.ratio);
  };
  // What is shown is what was read: right after a new choice, the last period's figures under the last period's name.
  const shownYears = { from: yearOf(data.period.from), to: yearOf(data.period.to) };
  const periodText = t('reports.periodText', {
    from: formatDate(data.period.from),
    to: formatDate(data.period.to),
  });
  const words: TableWords = {
    title: t('reports.fileTitle', { centre: session.me.centre.name }),
    period: system ? `${periodText} · ${t(`category.${system}`)}` : periodText,
    figures: Object.fromEntries(
      FIGURE_KEYS.map((k) => [k, t(`reports.figure.${k}`)]),
    ) as TableWords['figures'],
    kindColumns: [
      t('reports.number'),
      t('reports.kind'),
      t('reports.system'),
      t('reports.classes'),
      t('reports.places'),
    ],
    system: (category) => t(`category.${category}`),
    total: t('reports.total'),
    coordinated: t('reports.coordinatedByKind'),
    conferences: t('reports.conferencesByKind'),
  };
  const fileName = `bao-cao-${shownYears.from === shownYears.to ? shownYears.from : `${shownYears.from}-${shownYears.to}`}${system ? `-${system}` : ''}`;
  const rows = () => reportRows(summary, paragraph, words);
  const widest = Math.max(1, ...summary.byKind.map((k) => k.learnerPlaces));
  const yearOptions = [...new Set([...years, latest])].sort((a, b) => b - a);

  return (
    <AppShell session={session}>
      <Link to="/" className="back no-print">
        ← {t('roll.back')}
      </Link>
      <h1>{t('reports.title')}</h1>
      <p className="report-period">{words.period}</p>
      <form className="report-filters no-print" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('reports.fromYear')}
          <select value={from} onChange={(e) => setFromYear(Number(e.target.value))}>
            {yearOptions.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.toYear')}
          <select value={to} onChange={(e) => setToYear(Number(e.target.value))}>
            {yearOptions
              .filter((y) => y >= from)
              .map((y) => (
                <option key={y}>{y}</option>
              ))}
          </select>
        </label>
        <label>
          {t('reports.system')}
          <select value={system} onChange={(e) => setSystem(e.target.value as ClassCategory | '')}>
            <option value="">{t('reports.allSystems')}</option>
            <CategoryOptions />
          </select>
        </label>
      </form>

      <dl className="figures report-figures" data-testid="report-figures">
        {FIGURE_KEYS.map((key) => (
          <div key={key} data-figure={key}>
            <dt>{t(`reports.figure.${key}`)}</dt>
            <dd>{shown(key)}</dd>
          </div>
        ))}
        {equivalence &&
          (['considered', 'recognised', 'notRecognised'] as const).map((key) => (
            <div key={key} data-figure={`equivalence-${key}`}>
              <dt>{t(`reports.equivalence.${key}`)}</dt>
              <dd>{number(equivalence[key])}</dd>
            </div>
          ))}
      </dl>

      <h2>{t('reports.byKind')}</h2>
      {summary.byKind.length === 0 ? (
        <p>{t('reports.none')}</p>
      ) : (
        <>
          <KindTable kinds={summary.byKind} words={words} testId="report-kinds" />
          {/* The table above says the same in words; the bars only show the proportions at a glance. */}
          <div className="report-chart" aria-hidden="true">
            {summary.byKind.map((k) => (
              <div key={k.classTypeId} className="bar-row">
                <span className="bar-label">{k.name}</span>
                <span className="bar" style={{ inlineSize: `${(100 * k.learnerPlaces) / widest}%` }}>
                  {number(k.learnerPlaces)}
                </span>
              </div>
            ))}
          </div>
        </>
      )}

      {/* Reported apart, as the centres do: "Ngoài ra, phối hợp với …", the conferences in lượt. */}
      {summary.coordinatedByKind.length > 0 && (
        <>
          <h2>{t('reports.coordinatedByKind')}</h2>
          <KindTable kinds={summary.coordinatedByKind} words={words} testId="report-coordinated" />
        </>
      )}
      {summary.conferencesByKind.length > 0 && (
        <>
          <h2>{t('reports.conferencesByKind')}</h2>
          <KindTable kinds={summary.conferencesByKind} words={words} testId="report-conferences" />
        </>
      )}

      <h2>{t('reports.paragraph')}</h2>
      <p className="report-paragraph" data-testid="report-paragraph">
        {paragraph}
      </p>
      <div className="report-actions no-print">
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(paragraph).then(() => setCopied(true));
          }}
        >
          {copied ? t('reports.copied') : t('reports.copy')}
        </button>
        <button
          type="button"
          onClick={async () =>
            saveFile(await xlsxFile(rows(), t('reports.title'), REPORT_WIDTHS), `${fileName}.xlsx`)
          }
        >
          {t('reports.excel')}
        </button>
        <button
          type="button"
          onClick={async () => saveFile(await csvFile(rows(), percent), `${fileName}.csv`)}
        >
          {t('reports.csv')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('reports.print')}
        </button>
      </div>
    </AppShell>
  );
}

/** Classes (or conferences) by kind with a total row. */
function KindTable({ kinds, words, testId }: { kinds: KindFigures[]; words: TableWords; testId: string }) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => formatNumber(n, i18n.language);
  return (
    <table className="report-kinds" data-testid={testId}>
      <thead>
        <tr>
          {words.kindColumns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {kinds.map((k, i) => (
          <tr key={k.classTypeId}>
            <td>{i + 1}</td>
            <td>{k.name}</td>
            <td>{t(`category.${k.category}`)}</td>
            <td className="num">{number(k.classes)}</td>
            <td className="num">{number(k.learnerPlaces)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            {words.total}
          </th>
          <td className="num">{number(kinds.reduce((n, k) => n + k.classes, 0))}</td>
          <td className="num">{number(kinds.reduce((n, k) => n + k.learnerPlaces, 0))}</td>
        </tr>
      </tfoot>
    </table>
  );
}
