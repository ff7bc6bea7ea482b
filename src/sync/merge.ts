// The one merge rule, used by the server and by every device: per field, the write with the greater HLC stamp wins
// (stamps end with the device id, so equal times are broken by device id). It is a pure function: the same inputs
// give the same answer everywhere, which is what makes every replica converge.

/** Stamp of the write that set each field of a record. */
export type FieldClocks = Record<string, string>;

export interface MergeOutcome {
  /** Fields whose incoming value won, with their new value. */
  won: Record<string, unknown>;
  /** Fields whose incoming value lost to a newer (or equal) stamp already present: kept as history, not applied. */
  lost: Record<string, unknown>;
  clocks: FieldClocks;
}

export function mergeFields(
  current: FieldClocks,
  incoming: Record<string, unknown>,
  stamp: string,
): MergeOutcome {
  const won: Record<string, unknown> = {};
  const lost: Record<string, unknown> = {};
  const clocks = { ...current };
  for (const [field, value] of Object.entries(incoming)) {
    const existing = current[field];
    if (existing === undefined || stamp > existing) {
      won[field] = value;
      clocks[field] = stamp;
    } else {
      lost[field] = value;
    }
  }
  return { won, lost, clocks };
}
