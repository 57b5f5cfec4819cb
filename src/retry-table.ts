/**
 * The retry table: what retryPolicy() needs of every record (its kind, code
 * and names, the reasons of its meanings, its next steps), written by
 * scripts/generate/retry-table.ts into src/generated/retry.ts as one string
 * and read here — the only reader — once, at its first use. Short lines cost
 * a bundle that imports retryPolicy() far less than the same table as object
 * literals, and most names need not be written at all.
 *
 * How to read it: lines; in each, fields separated by `;` and lists by `|`,
 * trailing empty fields left out.
 *
 * - The first line: every distinct next step (RetryPolicy), separated by `|`,
 *   the most used first; the records name one by its position (0 is the
 *   first). Each step is `action,source,delays,backoff,sameResourceId,then,thenSource`:
 *   `source` the `basis.source`; `delays` the `delaysMs` separated by
 *   spaces; `backoff` and `sameResourceId` 1 for true, 0 for false;
 *   `thenSource` the `thenBasis.source`, where another source gives `then`.
 *   `retry,bp,1000 3000 6000,,1,acquire-again` is
 *   `{ action: 'retry', delaysMs: [1000, 3000, 6000], sameResourceId: true, then: 'acquire-again', basis: { source: 'bp' } }`.
 * - `#kind;group` (`#error-code`): the records on the lines after it are of
 *   that kind, and `Group.NAME` names one of them; `group` is the constant
 *   group in lower case (`gatewaymessage`), left out where it is the kind
 *   without its hyphens (`errorcode`). Every kind has a line, those without a
 *   record last.
 * - A record, in catalog order: `id;retry;constant;reasons;formerConstants;byMethod;code`:
 *   - `id`: the code; for a message-error, its message; for a number, how far
 *     it is past the number before it in the kind (code − previous − 1, the
 *     first one's previous being −1): empty for the next number, so that
 *     codes 0, 1, 2 … cost nothing;
 *   - `retry`: the position of its own next step;
 *   - `constant`: its words (INVALID_APPID as `invalid appid`, the way a
 *     reason or message says them); left out where it is the id in
 *     UPPER_SNAKE (`serviceIdle` → SERVICE_IDLE, `API rate limit exceeded` →
 *     API_RATE_LIMIT_EXCEEDED): upperSnake() reads both;
 *   - `reasons`: the `reason`s of its meanings, each once, in the order they
 *     come (each meaning, in RECORD_REST, names its own by its position);
 *   - `formerConstants`: their names, as words (each one's `removedIn` is
 *     with the rest of the record, RECORD_REST in src/generated/records.ts);
 *   - `byMethod`: its next step on each method, in the order of METHODS, then
 *     without a method, separated by `,`, empty where it is its own;
 *   - `code`: a message-error's slug, left out where it is slugOf(message).
 *
 * After `#error-code`, the lines `2;0;invalid parameter`, `4;6;recording already started;already started`
 * and `;0;invalid http header` are error-code 2 (INVALID_PARAMETER, next step 0), 7
 * (RECORDING_ALREADY_STARTED, next step 6, a meaning's reason "already started") and 8.
 * The generator reads every record back with this reader and fails the build
 * where one does not read as the catalog has it.
 */
import type { RetryPolicy } from './generated/types.ts';

/**
 * A record as retryPolicy() finds it: fields as the table holds them (src/record-parts.ts makes them a record's).
 * Positions of next steps are strings of digits, '' where there is none.
 */
export type RetryEntry = {
  kind: string;
  code: number | string;
  /** A message-error's message; undefined for every other kind. */
  message?: string;
  /**
   * Its names, in the order lookup weighs them: its ids (kind:code, a
   * message-error's message, a string code; undefined where it has none),
   * its constant, its former constants, the `reason`s of its meanings (each
   * once: each meaning names its own by position, in RECORD_REST).
   */
  names: [ids: (string | undefined)[], constant: [string], formerConstants: string[], reasons: string[]];
  /** Its own next step: a position in `steps`. */
  retry: string;
  /** Its next step on each method, in the order of METHODS, then without one ('' where it is its own). */
  byMethod: string[];
};

export type RetryTable = {
  /** Every distinct next step, as written: readPolicy() makes one a RetryPolicy. */
  steps: string[];
  entries: RetryEntry[];
  /** Constant group (lower case) → its kind: "httpstatus" → "http-status". */
  groups: Map<string, string>;
};

/** A name in UPPER_SNAKE: serviceIdle → SERVICE_IDLE, "appid is invalid" → APPID_IS_INVALID. */
export const upperSnake = (name: string): string => name.replace(/([a-z])(?=[A-Z])|\W+/g, '$1_').toUpperCase();

/** The slug of a message: "invalid appid" → invalid-appid. */
export const slugOf = (message: string): string => message.toLowerCase().replace(/\W+/g, '-');

/** A next step as the table writes it, read into a new RetryPolicy. */
export function readPolicy(step: string): RetryPolicy {
  const [action, source, delays, backoff, sameResourceId, then, thenSource] = step.split(',');
  const policy: Record<string, unknown> = { action };
  if (delays) policy.delaysMs = delays.split(' ').map(Number);
  if (backoff) policy.backoff = backoff > '0';
  if (sameResourceId) policy.sameResourceId = sameResourceId > '0';
  if (then) policy.then = then;
  if (source) policy.basis = { source };
  if (thenSource) policy.thenBasis = { source: thenSource };
  return policy as RetryPolicy;
}

/** The table a string written by scripts/generate/retry-table.ts holds. */
export function readRetryTable(text: string): RetryTable {
  const [steps, ...lines] = text.split('\n');
  const entries: RetryEntry[] = [];
  const groups = new Map<string, string>();
  let kind = '';
  let last = -1;
  for (const line of lines) {
    const [id, retry, constant, reasons, formers, byMethod = '', code] = line.split(';');
    if (id[0] === '#') {
      kind = id.slice(1);
      last = -1;
      // The second field of a kind's line is its group.
      groups.set(retry || kind.replace(/-/g, ''), kind);
    } else {
      const message = kind === 'message-error' ? id : undefined;
      const number = !message && /^-?\d*$/.test(id);
      if (number) last += 1 + Number(id);
      const value = number ? last : code || (message ? slugOf(id) : id);
      entries.push({
        kind,
        code: value,
        message,
        names: [
          [`${kind}:${value}`, message, number ? undefined : (value as string)],
          [upperSnake(constant || id)],
          formers ? formers.split('|').map(upperSnake) : [],
          reasons ? reasons.split('|') : [],
        ],
        retry,
        byMethod: byMethod.split(','),
      });
    }
  }
  return { steps: steps.split('|'), entries, groups };
}
