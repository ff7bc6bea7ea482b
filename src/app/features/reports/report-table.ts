// The report as rows of cells, the one layout the Excel file and the CSV file share: the figures, the classes by
// kind with a total, and the paragraph. Numbers stay numbers (Excel can add them up); rates are ratios.
import type { KindFigures, ReportSummary } from '../../../domain/reports.ts';
import type { Row } from './table-files.ts';

/** The words of the table, in the screen's language. */
export interface TableWords {
  title: string;
  period: string;
  figures: Record<FigureKey, string>;
  kindColumns: [number: string, kind: string, system: string, classes: string, places: string];
  system(category: ReportSummary['byKind'][number]['category']): string;
  total: string;
  /** Headings of the parts reported apart. */
  coordinated: string;
  conferences: string;
}

export const FIGURE_KEYS = [
  'classesPlanned',
  'classesOpened',
  'learnerPlaces',
  'distinctLearners',
  'conferences',
  'conferencePlaces',
  'coordinated',
  'summoned',
  'participated',
  'participation',
  'attendanceRate',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** A figure's value: a count, a ratio, or null when there is nothing to divide by. */
/**
 * A figure's value: a count, a ratio, or null when there is nothing to divide by. Turnout is the centre's own
 * classes', as the paragraph states it (coordinated classes and conferences are reported apart).
 */
export function figure(summary: ReportSummary, key: FigureKey): number | { ratio: number } | null {
  const { summoned, participated } = summary.turnout.classes;
  if (key === 'summoned') return summoned;
  if (key === 'participated') return participated;
  if (key === 'participation') return summoned > 0 ? { ratio: participated / summoned } : null;
  if (key === 'attendanceRate')
    return summary.attendanceRate === null ? null : { ratio: summary.attendanceRate };
  return summary[key];
}

export function reportRows(summary: ReportSummary, paragraph: string, words: TableWords): Row[] {
  const kindRows = (kinds: KindFigures[]): Row[] => [
    ...kinds.map((k, i): Row => [i + 1, k.name, words.system(k.category), k.classes, k.learnerPlaces]),
    [
      words.total,
      null,
      null,
      kinds.reduce((n, k) => n + k.classes, 0),
      kinds.reduce((n, k) => n + k.learnerPlaces, 0),
    ],
  ];
  // Coordinated classes and conferences are reported apart, under their own heading, when there are any.
  const apart = (heading: string, kinds: KindFigures[]): Row[] =>
    kinds.length > 0 ? [[], [heading], ...kindRows(kinds)] : [];
  return [
    [words.title],
    [words.period],
    [],
    ...FIGURE_KEYS.map((key): Row => [words.figures[key], figure(summary, key)]),
    [],
    [...words.kindColumns],
    ...kindRows(summary.byKind),
    ...apart(words.coordinated, summary.coordinatedByKind),
    ...apart(words.conferences, summary.conferencesByKind),
    [],
    [paragraph],
  ];
}
