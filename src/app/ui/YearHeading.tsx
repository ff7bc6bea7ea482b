// The head of an office screen about one year (the plan, the recognition register): back home, the title, and the
// year to show.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function YearHeading({
  title,
  year,
  years,
  onYear,
}: {
  title: string;
  year: number;
  years: readonly number[];
  onYear(year: number): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Link to="/" className="back">
        ← {t('roll.back')}
      </Link>
      <div className="section-head">
        <h1>{title}</h1>
        <label className="year-picker">
          {t('common.year')}
          <select value={year} onChange={(e) => onYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </label>
      </div>
    </>
  );
}
