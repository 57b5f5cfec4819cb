/**
 * retryPolicy(): the next step after a code on a method, from the retry table
 * alone (src/generated/retry.ts, read by src/retry-table.ts: each record's
 * names and its next step on each method, worked out by the generator with
 * explain()'s rule, meaning.ts),
 * so that it needs neither the rest of the records nor any text.
 */
import { METHODS } from './generated/records.ts';
import type { Method, RetryPolicy } from './generated/types.ts';
import { findEntry, retryTable } from './records.ts';
import { readPolicy } from './retry-table.ts';

/**
 * What to do after `code` on `method`: the policy of the meaning that applies
 * there, else the record's own (also for a `method` that is not one of the API's). A number is read as a body code; a string may be
 * a message, constant or reason. undefined for a code the catalog lacks.
 * Language-neutral: `basis` is there where a source says so (`{ source }`);
 * where the step is our advice, its reason is a text, which explain() gives
 * (`basis: { by: 'us', why }`).
 */
export function retryPolicy(code: number | string, method?: Method): RetryPolicy | undefined {
  // A number, or a string of digits, names a body code first. (A number that is no whole number ≥ 0 reads as
  // no digits, as it names nothing either way.)
  const entry = findEntry(code, /^\s*\d+\s*$/.test(String(code)) ? 'error-code' : undefined) ?? findEntry(code);
  if (!entry) return undefined;
  // A value that is not a method of the API reads as no method, as in explain() and lookup(): the step without one.
  // A new policy each time: no caller can change the catalog.
  const on = METHODS.indexOf(method as Method);
  return readPolicy(retryTable().steps[+(entry.byMethod[on < 0 ? METHODS.length : on] || entry.retry)]);
}
