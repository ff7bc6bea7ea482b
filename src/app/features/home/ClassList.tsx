// A list of class cards (code, name, kind, dates, learners, sessions), shared by the staff and instructor homes;
// each opens the class's "ready for class" check before a trip (Sẵn sàng đi lớp), its attendance record and its
// invitation link for learners' phones, and for staff the class's form and the roster import.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClassSummary } from '../../db/hooks.ts';
import { formatDate } from '../../i18n/format.ts';

/** `staff`: offer the office's actions on each card (edit the class, its timetable, import its roster). */
export function ClassList({ classes, staff = false }: { classes: ClassSummary[]; staff?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="cards">
      {classes.map(({ cls, kind, learners, sessions }) => (
        <li key={cls.id} className="card">
          <div className="card-title">
            <span className="code">{cls.code}</span> {cls.name}
          </div>
          <div className="card-meta">
            {kind && <span>{i18n.language === 'en' && kind.nameEn ? kind.nameEn : kind.nameVi}</span>}
            {cls.startDate && (
              <span>
                {formatDate(cls.startDate)}
                {cls.endDate ? ` – ${formatDate(cls.endDate)}` : ''}
              </span>
            )}
            <span>{t('instructor.learnerCount', { count: learners })}</span>
            <span>{t('instructor.sessionCount', { count: sessions })}</span>
            <span>{t(`classStatus.${cls.status}`)}</span>
          </div>
          <div className="card-actions">
            <Link to={`/lop/${cls.id}/san-sang`} className="button secondary card-action">
              {t('readiness.open')}
            </Link>
            <Link to={`/lop/${cls.id}/diem-danh`} className="button secondary card-action">
              {t('classRecord.open')}
            </Link>
            <Link to={`/lop/${cls.id}/moi-hoc-vien`} className="button secondary card-action">
              {t('invite.open')}
            </Link>
            {staff && (
              <>
                <Link to={`/lop/${cls.id}/sua`} className="button secondary card-action">
                  {t('classForm.edit')}
                </Link>
                <Link to={`/lop/${cls.id}/lich`} className="button secondary card-action">
                  {t('schedule.open')}
                </Link>
                <Link to={`/lop/${cls.id}/nhap-danh-sach`} className="button secondary card-action">
                  {t('rosterImport.open')}
                </Link>
              </>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
