// Recognition of equivalent training (xét công nhận tương đương): a period's figures from the dossier register, the
// report's sentence in seed 001's words, and the rules a dossier must keep. A dossier counts in the period of its
// decision; one still pending counts in the period it was received.
import { type Dossier, type DossierOutcome, type EquivalentLevel, EquivalentLevels } from './entities.ts';
import type { ReportPeriod } from './reports.ts';
import { viCount } from './vietnamese-format.ts';
import { compareVietnameseNames, splitFullName } from './vietnamese-text.ts';

export type DossierFacts = Pick<Dossier, 'level' | 'receivedDate' | 'decisionDate' | 'outcome' | 'deleted'>;

export interface LevelFigures {
  level: EquivalentLevel;
  /** Decided in the period: recognised + notRecognised. */
  considered: number;
  recognised: number;
  notRecognised: number;
  /** Received in the period and not decided yet. */
  pendingReceived: number;
}

export interface EquivalenceFigures extends Omit<LevelFigures, 'level'> {
  period: ReportPeriod;
  /** Per level, in the order of EquivalentLevels, only levels with a dossier in the period. */
  byLevel: LevelFigures[];
}

const within = (date: string | null, { from, to }: ReportPeriod): boolean =>
  date !== null && date >= from && date <= to;

/** Decided (an outcome and its decision date) in the period. */
export const decidedIn = (d: DossierFacts, period: ReportPeriod): boolean =>
  d.outcome !== 'pending' && within(d.decisionDate, period);

/** Still pending and received in the period. */
export const pendingIn = (d: DossierFacts, period: ReportPeriod): boolean =>
  d.outcome === 'pending' && within(d.receivedDate, period);

function tally(dossiers: readonly DossierFacts[], period: ReportPeriod): Omit<LevelFigures, 'level'> {
  const decided = dossiers.filter((d) => decidedIn(d, period));
  const recognised = decided.filter((d) => d.outcome === 'recognised').length;
  return {
    considered: decided.length,
    recognised,
    notRecognised: decided.length - recognised,
    pendingReceived: dossiers.filter((d) => pendingIn(d, period)).length,
  };
}

/** The period's figures, from every dossier of the centre (deleted ones are left out here). */
export function equivalenceFigures(
  dossiers: readonly DossierFacts[],
  period: ReportPeriod,
): EquivalenceFigures {
  const live = dossiers.filter((d) => !d.deleted);
  const byLevel = EquivalentLevels.map((level) => ({
    level,
    ...tally(
      live.filter((d) => d.level === level),
      period,
    ),
  })).filter((f) => f.considered + f.pendingReceived > 0);
  return { period, ...tally(live, period), byLevel };
}

/** How the reports name each level. */
export const LEVEL_NAMES_VI: Record<EquivalentLevel, string> = {
  elementary: 'Sơ cấp lý luận chính trị',
  intermediate: 'Trung cấp lý luận chính trị',
};

/**
 * The report's words for the period (seed 001): "tổ chức xét công nhận trình độ lý luận chính trị tương đương Sơ cấp
 * lý luận chính trị với tổng số hồ sơ được xét là 196 bộ (trong đó có 151 hồ sơ được công nhận đạt, 45 hồ sơ không
 * được công nhận đạt)", one clause per level considered, joined by "; ". Empty when nothing was decided. A fragment,
 * as the seed uses it: the paragraph writes "Bên cạnh đó, " before it and a full stop after.
 */
export function equivalenceSentence(figures: EquivalenceFigures): string {
  return figures.byLevel
    .filter((f) => f.considered > 0)
    .map((f) => {
      const parts = [
        f.recognised > 0 ? `${viCount(f.recognised)} hồ sơ được công nhận đạt` : null,
        f.notRecognised > 0 ? `${viCount(f.notRecognised)} hồ sơ không được công nhận đạt` : null,
      ].filter((p) => p !== null);
      return (
        `tổ chức xét công nhận trình độ lý luận chính trị tương đương ${LEVEL_NAMES_VI[f.level]} với tổng số ` +
        `hồ sơ được xét là ${viCount(f.considered)} bộ (trong đó có ${parts.join(', ')})`
      );
    })
    .join('; ');
}

/**
 * The register's view of a period: the dossiers decided in it, and those still pending that were received by its
 * end (open work stays on the list until decided). By received date, then name as the register is kept.
 */
export function registerOf<D extends DossierFacts & Pick<Dossier, 'fullName'>>(
  dossiers: readonly D[],
  period: ReportPeriod,
  outcome: DossierOutcome | null = null,
): D[] {
  return dossiers
    .filter(
      (d) =>
        !d.deleted &&
        (decidedIn(d, period) || (d.outcome === 'pending' && d.receivedDate <= period.to)) &&
        (outcome === null || d.outcome === outcome),
    )
    .sort(
      (a, b) =>
        a.receivedDate.localeCompare(b.receivedDate) ||
        compareVietnameseNames(splitFullName(a.fullName), splitFullName(b.fullName)),
    );
}

export type DossierProblem = 'decisionDateMissing' | 'decisionBeforeReceived' | 'decisionDateOnPending';

/**
 * Rules across fields that the schema alone does not hold: a decided dossier has a decision date on or after the day
 * it was received, and a pending one has none. The device refuses a write that breaks them.
 */
export function dossierProblem(
  d: Pick<Dossier, 'receivedDate' | 'decisionDate' | 'outcome'>,
): DossierProblem | null {
  if (d.outcome === 'pending') return d.decisionDate === null ? null : 'decisionDateOnPending';
  if (d.decisionDate === null) return 'decisionDateMissing';
  return d.decisionDate < d.receivedDate ? 'decisionBeforeReceived' : null;
}
