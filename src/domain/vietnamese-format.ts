// How Vietnamese official writing shows numbers and dates (shared/domain.md, "Report conventions"): thousands with a
// dot (1.394), decimals with a comma (96,2%), counts under ten with a leading zero in prose ("02 lớp"), dates day first.
const numbers = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const percents = [0, 1].map(
  (digits) => new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: digits }),
);

export const viNumber = (n: number): string => numbers.format(n);

/** 0.962 → "96,2%"; `digits` 0 gives the whole percent the plan figures use ("34%"). */
export const viPercent = (ratio: number, digits: 0 | 1 = 1): string => percents[digits]!.format(ratio);

/** A count as prose writes it: "02", "12", "1.394". */
export const viCount = (n: number): string => (n < 10 ? `0${n}` : viNumber(n));

/** 'YYYY-MM-DD' → '25/11/2026'. */
export function viDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
