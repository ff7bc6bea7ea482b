/** The rows that are not deleted: a deleted record stays on the device as a tombstone (its `deleted` flag) to sync. */
export const alive = <T extends { deleted: boolean }>(rows: T[]) => rows.filter((r) => !r.deleted);
