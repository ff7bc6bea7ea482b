// Vietnamese conventions for dates and numbers (dd/mm/yyyy; 1.546; 96,2%), with English equivalents.

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'vi-VN');

/** 'YYYY-MM-DD' → '25/11/2026' (the same day-first order in both languages). */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

export function formatNumber(n: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(n);
}

/** 0.962 → '96,2%' in Vietnamese, '96.2%' in English. */
export function formatPercent(ratio: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 1 }).format(
    ratio,
  );
}

/** Time of day of an ISO timestamp, in the device's zone: '14:05'. */
export function formatTime(isoDateTime: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { hour: '2-digit', minute: '2-digit' }).format(
    new Date(isoDateTime),
  );
}

/** Today as YYYY-MM-DD in the device's own time zone. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
