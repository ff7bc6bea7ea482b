// What the office's report screen reads from the device: the centre's records the report is computed from
// (src/domain/reports.ts), so the figures are there offline, exactly as the server's API gives them.
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReportPeriod, ReportRecords } from '../../domain/reports.ts';
import { useDb } from './DbProvider.tsx';

export interface ReportData {
  records: ReportRecords;
  /** The centre's setting: whether an excused absence counts as attended. */
  excusedCounts: boolean;
}

export function useReportData(centreId: string, period: ReportPeriod): ReportData | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const [centre, classTypes, planItems, classes, enrollments, sessions] = await Promise.all([
      db.centres.get(centreId),
      db.classTypes.toArray(),
      db.planItems.toArray(),
      db.classes.toArray(),
      db.enrollments.toArray(),
      db.sessions.where('date').between(period.from, period.to, true, true).toArray(),
    ]);
    // Only the rolls of the period's sessions: a centre's whole history of marks is not needed for one year.
    const rolls = await db.rolls.bulkGet(sessions.map((s) => s.id));
    const marks = rolls.flatMap((r) => (r ? Object.values(r.marks) : []));
    return {
      records: { classTypes, planItems, classes, enrollments, sessions, marks },
      excusedCounts: centre?.settings.excusedCounts ?? false,
    };
  }, [db, centreId, period.from, period.to]);
}
