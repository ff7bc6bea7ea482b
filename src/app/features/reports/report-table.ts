// The report as rows of cells, the one layout the Excel file and the CSV file share: the figures, the classes by
// kind with a total, and the paragraph. Numbers stay numbers (Excel can add them up); rates are ratios.
import type { ReportSummary } from '../../../domain/reports.ts';
import type { Row } from './table-files.ts';

/** The words of the table, in the screen's language. */
export interface TableWords {
  title: string;
  period: string;
  figures: Record<FigureKey, string>;
  kindColumns: [number: string, kind: string, system: string, classes: string, places: string];
  system(category: ReportSummary['byKind'][number]['category']): string;
  total: string;
}

export const FIGURE_KEYS = [
  'classesPlanned',
  'classesOpened',
  'learnerPlaces',
  'distinctLearners',
  'conferences',
  'conferencePlaces',
  'summoned',
  'participated',
  'participation',
  'attendanceRate',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** A figure's value: a count, a ratio, or null when there is nothing to divide by. */
export function figure(summary: ReportSummary, key: FigureKey): number | { ratio: number } | null {
  if (key === 'participation')
    return summary.summoned > 0 ? { ratio: summary.participated / summary.summoned } : null;
  if (key === 'attendanceRate')
    return summary.attendanceRate === null ? null : { ratio: summary.attendanceRate };
  return summary[key];
}

export function reportRows(summary: ReportSummary, paragraph: string, words: TableWords): Row[] {
  const kinds = summary.byKind.map(
    (k, i): Row => [i + 1, k.name, words.system(k.category), k.classes, k.learnerPlaces],
  );
  return [
    [words.title],
    [words.period],
    [],
    ...FIGURE_KEYS.map((key): Row => [words.figures[key], figure(summary, key)]),
    [],
    [...words.kindColumns],
    ...kinds,
    [words.total, null, null, summary.classesOpened, summary.learnerPlaces],
    [],
    [paragraph],
  ];
}
