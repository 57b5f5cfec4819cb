/**
 * A record in no language comes in two generated parts, split by use like the
 * texts: what retryPolicy() needs (src/generated/retry.ts, read by
 * src/retry-table.ts: the kind, code and names, the reasons, the next steps)
 * and the rest (src/generated/records.ts:
 * each meaning's methods, source and HTTP status, facts …). retryPolicy()
 * imports the first alone; explain() and lookup() join both, here, once. The
 * generator joins them the same way to check that every record reads back as
 * it was. Next steps are positions in the table of distinct ones; each
 * method's, which only retryPolicy() reads, are with the entry's names.
 */

import type { RetryEntry } from './retry-table.ts';

/** The first part, a record as retryPolicy() finds it: RetryEntry (src/retry-table.ts). */
export type { RetryEntry };

/** A meaning without its reason, its next step a position. */
export type MeaningRest = { retry?: number; [field: string]: unknown };
/** The second part: the record's other fields; of each former constant, what is not its name. */
export type RecordRest = { formerConstants?: { removedIn: string }[]; meanings?: MeaningRest[]; [field: string]: unknown };

/** The record the two parts make, the fields of each meaning in `meaningFields`' order; `policies` are the table's steps, read. */
export function joinRecord(entry: RetryEntry, rest: RecordRest, policies: readonly object[], meaningFields: readonly string[]): Record<string, unknown> {
  const { kind, code, constant, message, formerConstants: formerNames, reasons, retry } = entry;
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
    record.meanings = meanings.map((m, i) => {
      const out: Record<string, unknown> = {};
      for (const key of meaningFields) {
        const value = key === 'reason' ? reasons[i] || undefined : key === 'retry' && m.retry !== undefined ? policies[m.retry] : m[key];
        if (value !== undefined) out[key] = value;
      }
      return out;
    });
  }
  return record;
}
