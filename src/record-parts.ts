/**
 * A record in no language comes in two generated parts, split by use like the
 * texts: what retryPolicy() needs (src/generated/retry.ts, read by
 * src/retry-table.ts: the kind, code and names, the reasons, the next steps)
 * and the rest (src/generated/records.ts:
 * each meaning's methods, source and HTTP status, facts …). retryPolicy()
 * imports the first alone; explain() and lookup() join both, here, once. The
 * generator joins them the same way to check that every record reads back as
 * it was. Next steps are positions in the table of distinct ones; each
 * method's, which only retryPolicy() reads, are in the entry (byMethod).
 */

import type { RetryEntry } from './retry-table.ts';

/** The first part, a record as retryPolicy() finds it: RetryEntry (src/retry-table.ts). */
export type { RetryEntry };

/** A meaning, its reason a position in the entry's reasons and its next step one in the table's steps. */
export type MeaningRest = { reason?: number; retry?: number; [field: string]: unknown };
/** The second part: the record's other fields; of each former constant, what is not its name. */
export type RecordRest = { formerConstants?: { removedIn: string }[]; meanings?: MeaningRest[]; [field: string]: unknown };

/** The record the two parts make, the fields of each meaning in `meaningFields`' order; `policies` are the table's steps, read. */
export function joinRecord(entry: RetryEntry, rest: RecordRest, policies: readonly object[], meaningFields: readonly string[]): Record<string, unknown> {
  const {
    kind,
    code,
    message,
    names: [, [constant], formerNames, reasons],
    retry,
  } = entry;
  const { formerConstants, meanings, ...others } = rest;
  const record: Record<string, unknown> = {
    kind,
    code,
    constant,
    ...(message !== undefined && { message }),
    ...(formerConstants && { formerConstants: formerConstants.map((former, i) => ({ name: formerNames[i], ...former })) }),
    ...others,
    retry: policies[Number(retry)],
  };
  if (meanings) {
    record.meanings = meanings.map((m) => {
      const out: Record<string, unknown> = {};
      for (const key of meaningFields) {
        const value = m[key];
        // A reason and a next step are positions: in the entry's reasons, in the table's steps.
        if (value !== undefined) out[key] = key === 'reason' ? reasons[value as number] : key === 'retry' ? policies[value as number] : value;
      }
      return out;
    });
  }
  return record;
}
