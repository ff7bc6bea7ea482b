// The preview of an import, one line per spreadsheet row: what was read and what will happen to it, with every
// problem in words next to its row.
import { useTranslation } from 'react-i18next';
import type { PreviewRow, RowProblem } from '../../../domain/roster-import.ts';
import { formatDate } from '../../i18n/format.ts';

function useProblemText() {
  const { t } = useTranslation();
  return (p: RowProblem) =>
    t('rosterImport.problemAt', {
      column: t(`rosterImport.column.${p.column}`),
      problem: t(`rosterImport.problem.${p.code}`, { sameAs: p.sameAs }),
    });
}

export function RosterPreviewTable({ rows }: { rows: PreviewRow[] }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  return (
    <div className="table-scroll">
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">{t('rosterImport.row')}</th>
            <th scope="col">{t('rosterImport.column.fullName')}</th>
            <th scope="col">{t('rosterImport.column.birthDate')}</th>
            <th scope="col">{t('rosterImport.column.gender')}</th>
            <th scope="col">{t('rosterImport.unit')}</th>
            <th scope="col">{t('rosterImport.state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, learner, status }) => (
            <tr key={row} className={status.kind}>
              <td>{row}</td>
              <td>{learner.fullName}</td>
              <td>{learner.birthDate ? formatDate(learner.birthDate) : ''}</td>
              <td>{learner.gender ? t(`rosterImport.gender.${learner.gender}`) : ''}</td>
              <td>{learner.unit}</td>
              <td>
                {t(`rosterImport.status.${status.kind}`)}
                {status.kind === 'invalid' && (
                  <ul className="import-problems">
                    {status.problems.map((p) => (
                      <li key={`${p.column}-${p.code}`}>{problemText(p)}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
