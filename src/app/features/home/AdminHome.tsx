// Centre staff's home: the classes of a year with their learners and sessions, and the year's totals.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClassesOfYear, useClassYears } from '../../db/hooks.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useFirstScreenShown } from '../../ui/first-screen.ts';
import { ClassList } from './ClassList.tsx';

export function AdminHome() {
  const { t, i18n } = useTranslation();
  const years = useClassYears();
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? years?.[0] ?? null;
  const classes = useClassesOfYear(year);

  useFirstScreenShown(years !== undefined && classes !== undefined);
  if (years === undefined || classes === undefined) return <p>{t('common.loading')}</p>;
  const places = classes.reduce((n, c) => n + c.learners, 0);
  return (
    <section aria-labelledby="admin-title">
      <div className="section-head">
        <h1 id="admin-title">{t('admin.title', { year: year ?? '' })}</h1>
        <div className="year-picker">
          <label htmlFor="year">{t('common.year')}</label>
          <select id="year" value={year ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      <dl className="figures">
        <div>
          <dt>{t('admin.classes')}</dt>
          <dd>{formatNumber(classes.length, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('admin.places')}</dt>
          <dd>{formatNumber(places, i18n.language)}</dd>
        </div>
      </dl>
      <p className="office-links">
        <Link to="/lop/moi">{t('classForm.new')}</Link>
        <Link to="/ke-hoach">{t('plan.open')}</Link>
        <Link to="/bao-cao">{t('reports.open')}</Link>
        <Link to="/ho-so-tuong-duong">{t('dossiers.open')}</Link>
        <Link to="/nguoi-dung">{t('users.open')}</Link>
        <Link to="/loai-lop">{t('kinds.open')}</Link>
        <Link to="/nhat-ky">{t('audit.open')}</Link>
      </p>
      {classes.length === 0 ? <p>{t('admin.empty')}</p> : <ClassList classes={classes} staff />}
    </section>
  );
}
