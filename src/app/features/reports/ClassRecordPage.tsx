// A class's attendance record (bảng điểm danh): learners × sessions, each learner's rate in teaching periods and
// whether they qualify for the certificate under the class threshold; as Excel, and printed on A4 landscape.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { attendanceMatrix, type Standing } from '../../../domain/attendance-matrix.ts';
import type { MarkStatus } from '../../../domain/entities.ts';
import type { StoredSession } from '../../db/device-state.ts';
import { useClassRecord } from '../../db/office-hooks.ts';
import { formatDate, formatPercent, localToday } from '../../i18n/format.ts';
import { AppShell } from '../../ui/AppShell.tsx';
import { saveFile } from '../../ui/save-file.ts';
import { type Row, xlsxFile } from './table-files.ts';

const VERDICTS: Standing[] = ['eligible', 'belowThreshold', 'cannotReach', 'notYet'];

/** Excel refuses some characters in a sheet's name (class codes have "/") and names over 31 characters. */
const sheetName = (code: string) => code.replace(/[\\/:*?[\]]/g, '-').slice(0, 31);

export function ClassRecordPage({ session }: { session: StoredSession }) {
  const { t, i18n } = useTranslation();
  const { classId = '' } = useParams();
  const record = useClassRecord(classId);
  if (record === undefined) return <AppShell session={session}>{t('common.loading')}</AppShell>;
  if (record === null)
    return (
      <AppShell session={session}>
        <p>{t('classRecord.notOnDevice')}</p>
        <Link to="/">{t('roll.back')}</Link>
      </AppShell>
    );

  const { cls, kind, learners } = record;
  // Staff may open a learner's whole history; an instructor sees the class only.
  const staff = session.me.user.role === 'admin';
  const matrix = attendanceMatrix({
    sessions: record.sessions,
    marks: record.marks,
    learnerIds: learners.map((l) => l.id),
    threshold: cls.threshold,
    excusedCounts: record.excusedCounts,
    today: localToday(),
  });
  const percent = (ratio: number) => formatPercent(ratio, i18n.language);
  const short = (status: MarkStatus | null) => (status ? t(`classRecord.short.${status}`) : '');
  const column = (s: (typeof matrix.sessions)[number]) =>
    `${formatDate(s.date).slice(0, 5)} ${t(`partOfDay.${s.partOfDay}`)}`;
  const tally = Object.fromEntries(
    VERDICTS.map((v) => [v, matrix.rows.filter((r) => r.verdict === v).length]),
  );

  const header = [t('reports.number'), t('classRecord.learner'), ...matrix.sessions.map(column)];
  const rows = (): Row[] => [
    [`${cls.code} · ${cls.name}`],
    [t('classRecord.threshold', { threshold: percent(cls.threshold) })],
    [],
    [...header, t('classRecord.rate'), t('classRecord.verdict')],
    ...matrix.rows.map(
      (r, i): Row => [
        i + 1,
        learners[i]!.fullName,
        ...r.cells.map(short),
        r.standing.rate === null ? null : { ratio: r.standing.rate },
        t(`classRecord.verdicts.${r.verdict}`),
      ],
    ),
  ];

  return (
    <AppShell session={session}>
      <div className="class-record">
        <Link to="/" className="back no-print">
          ← {t('roll.back')}
        </Link>
        <h1>
          {cls.code} · {cls.name}
        </h1>
        <p>
          {kind?.nameVi}
          {' · '}
          {t('classRecord.threshold', { threshold: percent(cls.threshold) })}
        </p>
        <ul className="record-tally">
          {VERDICTS.map((v) => (
            <li key={v} data-verdict={v}>
              {t(`classRecord.verdicts.${v}`)}: <strong>{tally[v]}</strong>
            </li>
          ))}
        </ul>
        <p className="no-print">
          <Link to={`/nhat-ky?classId=${cls.id}`}>{t('audit.ofClass')}</Link>
        </p>
        <div className="record-scroll">
          <table className="record-table" data-testid="class-record">
            <thead>
              <tr>
                {header.map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns are the header's own order; two sessions can share a label
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
                <th scope="col">{t('classRecord.rate')}</th>
                <th scope="col">{t('classRecord.verdict')}</th>
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((r, i) => (
                <tr key={r.learnerId} data-verdict={r.verdict}>
                  <td className="num">{i + 1}</td>
                  <th scope="row" className="name">
                    {staff ? (
                      <Link to={`/hoc-vien/${r.learnerId}`}>{learners[i]!.fullName}</Link>
                    ) : (
                      learners[i]!.fullName
                    )}
                  </th>
                  {r.cells.map((status, j) => (
                    <td
                      key={matrix.sessions[j]!.id}
                      className={`mark ${status ?? ''}`}
                      title={status ? t(`markStatus.${status}`) : undefined}
                    >
                      {short(status)}
                    </td>
                  ))}
                  <td className="num">{r.standing.rate === null ? '—' : percent(r.standing.rate)}</td>
                  <td>{t(`classRecord.verdicts.${r.verdict}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="record-legend">
          {(['present', 'late', 'leftEarly', 'excused', 'absent'] as const)
            .map((s) => `${t(`classRecord.short.${s}`)}: ${t(`markStatus.${s}`)}`)
            .join(' · ')}
        </p>
        <div className="report-actions no-print">
          <button
            type="button"
            onClick={async () =>
              saveFile(
                await xlsxFile(rows(), sheetName(cls.code), [6, 28, ...matrix.sessions.map(() => 9), 10, 22]),
                `diem-danh-${cls.code.replace(/[\\/:*?"<>|]/g, '-')}.xlsx`,
              )
            }
          >
            {t('reports.excel')}
          </button>
          <button type="button" onClick={() => window.print()}>
            {t('reports.print')}
          </button>
        </div>
      </div>
    </AppShell>
  );
}
