/**
 * A record in no language comes in two generated parts, split by use like the
 * texts: what retryPolicy() needs (src/generated/retry.ts: the kind, code and
 * names, the reasons, the next steps) and the rest (src/generated/records.ts:
 * each meaning's methods, source and HTTP status, facts …). retryPolicy()
 * imports the first alone; explain() and lookup() join both, here, once. The
 * generator joins them the same way to check that every record reads back as
 * it was. Next steps are positions in the table of distinct ones; each
 * method's, which only retryPolicy() reads, are a table of their own there.
 */

/** The first part: a record as retryPolicy() finds it. */
export type RetryEntry = {
  kind: string;
  code: number | string;
  constant: string;
  message?: string;
  formerConstants?: { name: string; removedIn: string }[];
  /** The `reason` of each meaning, by position (holes where a meaning has none). */
  reasons?: (string | undefined)[];
  /** The record's own next step. */
  retry: number;
};

/** A meaning without its reason, its next step a position. */
export type MeaningRest = { retry?: number; [field: string]: unknown };
/** The second part: the record's other fields. */
export type RecordRest = { meanings?: MeaningRest[]; [field: string]: unknown };

/** The record the two parts make, the fields of each meaning in `meaningFields`' order. */
export function joinRecord(entry: RetryEntry, rest: RecordRest, policies: readonly object[], meaningFields: readonly string[]): Record<string, unknown> {
  const { reasons, retry, ...names } = entry;
  const { meanings, ...others } = rest;
  const record: Record<string, unknown> = { ...names, ...others, retry: policies[retry] };
  if (meanings) {
    record.meanings = meanings.map((m, i) => {
      const out: Record<string, unknown> = {};
      for (const key of meaningFields) {
        const value = key === 'reason' ? reasons?.[i] : key === 'retry' && m.retry !== undefined ? policies[m.retry] : m[key];
        if (value !== undefined) out[key] = value;
      }
      return out;
    });
  }
  return record;
}
