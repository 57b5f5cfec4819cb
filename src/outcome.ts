/**
 * The one decision a client takes on a response: a discriminated union to
 * `switch` on, each branch with what the client needs to act. It is derived
 * from the catalog's next step (RetryPolicy.action), so every record on every
 * method maps to exactly one outcome; explain() alone adds `undecided`, for a
 * response that does not say which record (or which method's step) it is.
 */
import type { RetryPolicy } from './generated/types.ts';
import { isMainState } from './meaning.ts';

export type Outcome =
  /** The request did what it asked; nothing to act on. */
  | { kind: 'success' }
  /** Not finished yet (a `query` state before the recording runs or ends): call `query` again after `pollAfterMs`. */
  | { kind: 'in-progress'; pollAfterMs: number }
  /** What the request asked for is already in place (7 / HTTP 201 on `start`, a repeated `stop`): treat it as success. */
  | { kind: 'already-done' }
  /**
   * Send the same request again, waiting `delaysMs[i]` before attempt i + 1
   * (or `retryAfterMs` when the server's Retry-After asks for longer); when
   * every attempt failed, do `then`.
   */
  | { kind: 'retry'; delaysMs: number[]; sameResourceId?: boolean; then?: 'acquire-again' | 'contact-support' | 'fix-request'; retryAfterMs?: number }
  /** Start over: `acquire` a new resource ID, then `start`. */
  | { kind: 'acquire-again' }
  /** Change the request (parameters, URL, HTTP method, headers), then send it. */
  | { kind: 'fix-request' }
  /** Fix the Customer ID, the Customer Secret or the `Authorization: Basic …` header. */
  | { kind: 'fix-credentials' }
  /** Fix the App ID or the Agora Console settings (Cloud Recording enabled, account status, quotas). */
  | { kind: 'fix-account' }
  /** The task no longer exists: nothing to retry on it; a new recording needs `acquire` and `start`. */
  | { kind: 'gone' }
  /** Open a ticket with Agora support. */
  | { kind: 'contact-support' }
  /**
   * The response does not say enough to decide (explain() only): the HTTP status alone where the body code
   * it stands for decides (206 on `stop`: 65 or 435), a code whose step differs from method to method given
   * without its method (62), or nothing the catalog knows and no status. `next` says what is missing and
   * each case's step; `retry` is the step the catalog gives without it.
   */
  | { kind: 'undecided' };

export type OutcomeKind = Outcome['kind'];

/** Every outcome kind, in the order of the union. */
export const OUTCOME_KINDS: readonly OutcomeKind[] = /* @__PURE__ */ Object.freeze([
  'success',
  'in-progress',
  'already-done',
  'retry',
  'acquire-again',
  'fix-request',
  'fix-credentials',
  'fix-account',
  'gone',
  'contact-support',
  'undecided',
]);

/** How grave a next step is, for combining the states of one response: the gravest wins. */
export const GRAVITY: Readonly<Record<RetryPolicy['action'], number>> = {
  none: 0,
  'already-done': 1,
  poll: 2,
  retry: 3,
  'fix-request': 4,
  'fix-credentials': 5,
  'fix-account': 6,
  'contact-support': 7,
  gone: 8,
  'acquire-again': 9,
};

/**
 * Of the states read from one response, the one that decides its next step: the main one (`isMainState`: the
 * recording's own status, or the upload's), unless another state calls for a graver step that is a problem (fixing
 * the request or worse: a sub-service in trouble); without a main state, the gravest above nothing to do. explain()
 * and the search's reading of a pasted response both decide so.
 */
export function decidingState<T>(states: readonly T[], kind: (state: T) => string, gravity: (state: T) => number): T | undefined {
  const main = states.find((state) => isMainState(kind(state)));
  let decided = main;
  let most = main === undefined ? GRAVITY.none : gravity(main);
  for (const state of states) {
    const g = state === main ? most : gravity(state);
    if (g > most && (g >= GRAVITY['fix-request'] || main === undefined)) {
      decided = state;
      most = g;
    }
  }
  return decided;
}

/**
 * How long to wait before polling `query` again while a recording is not
 * running or not ended yet. Our choice, not Agora's (no source gives one): a
 * few seconds, far below the limit of 10 requests per second.
 */
export const POLL_AFTER_MS = 5000;

/** The longest Retry-After said, in milliseconds (a day); a longer one is read as a day: still a wait no client makes at once. */
const MAX_RETRY_AFTER_MS = 86_400_000;

/**
 * The outcome of a next step. `retryAfterMs` (from a Retry-After header) is
 * kept on a retry and replaces the poll interval when longer.
 */
export function outcomeOf(policy: RetryPolicy, retryAfterMs?: number): Outcome {
  switch (policy.action) {
    case 'none':
      return { kind: 'success' };
    case 'poll':
      return { kind: 'in-progress', pollAfterMs: Math.max(POLL_AFTER_MS, retryAfterMs ?? 0) };
    case 'already-done':
      return { kind: 'already-done' };
    case 'retry':
      return {
        kind: 'retry',
        delaysMs: [...policy.delaysMs],
        ...(policy.sameResourceId !== undefined && { sameResourceId: policy.sameResourceId }),
        ...(policy.then !== undefined && { then: policy.then }),
        ...(retryAfterMs !== undefined && { retryAfterMs }),
      };
    default:
      return { kind: policy.action };
  }
}

/**
 * The waits of a retry schedule once the server asked for `retryAfterMs` (Retry-After): a Retry-After is its own
 * response's, so the first wait is the longer of the two, and each later one the schedule's — unless a later answer
 * asks again (as withRetry() waits).
 */
export const waitsAfter = (delaysMs: readonly number[], retryAfterMs?: number): number[] => delaysMs.map((d, i) => (i || !retryAfterMs ? d : Math.max(d, retryAfterMs)));

/** The outcome a `then` leads to once every retry failed. */
export function outcomeAfterRetries(then: 'acquire-again' | 'contact-support' | 'fix-request'): Outcome {
  return { kind: then };
}

/** True for outcomes after which sending again (possibly after a new `acquire`) can succeed. */
export const isRetryOutcome = (outcome: Outcome): boolean => outcome.kind === 'retry' || outcome.kind === 'acquire-again';

/** True for outcomes a client treats as the request having done its work. */
export const isDoneOutcome = (outcome: Outcome): boolean =>
  outcome.kind === 'success' || outcome.kind === 'in-progress' || outcome.kind === 'already-done';

/**
 * Retry-After, in milliseconds from `now`: a number of seconds or an HTTP date (a date past is 0); over a day
 * is read as a day. undefined when absent or malformed (negative, a fraction, words).
 */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) {
    return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  }
  if (text.length > 64 || !/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return undefined;
  return Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}
