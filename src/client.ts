/**
 * A client that acts on the diagnosis: read a fetch `Response` once
 * (fromResponse), send a request again on the catalog's schedule until it is
 * done or cannot be helped (withRetry), and fail with one error that says why
 * and what to do (RecordingError). Zero dependencies: fetch, AbortSignal and
 * timers, as in Node ≥ 18, browsers and workers.
 */
import type { Diagnosis, ExplainArgument, ExplainInput, ExplainOptions } from './explain.ts';
import { unansweredPolicy } from './explain.ts';
import { unwrapClientError } from './response.ts';
import { isRetryOutcome, type Outcome, outcomeOf } from './outcome.ts';
import type { ClientWords, Phrases } from './phrases/types.ts';
import type { Locale, Method, RetryPolicy } from './records.ts';
import { METHODS } from './records.ts';

/** What an entry point supplies: its explain(), its phrases and the client's words (one language or two). */
export type Explainer = {
  explain(input: ExplainArgument, options?: ExplainOptions): Diagnosis;
  phrases(locale?: Locale): Phrases;
  words(locale?: Locale): ClientWords;
};

/** The part of a fetch Response the client reads. */
export type ResponseLike = Pick<Response, 'status' | 'headers' | 'bodyUsed' | 'text'> & { clone?: () => ResponseLike };

export type FromResponseOptions = ExplainOptions;

/**
 * Explain a fetch Response: reads its body once (use `res.clone()` first if you
 * need the body too) and never throws.
 */
export async function fromResponseIn(x: Explainer, res: ResponseLike, method: Method, options?: FromResponseOptions): Promise<Diagnosis> {
  const W = x.words(options?.locale);
  const extra: string[] = [];
  let body: string | undefined;
  let status: number | undefined;
  let headers: ExplainInput['headers'];
  try {
    status = res.status;
    headers = res.headers;
    if (res.bodyUsed) extra.push(W.bodyUsed);
    else body = await res.text();
  } catch (error) {
    extra.push(W.bodyUnreadable(errorText(error)));
  }
  const diagnosis = x.explain({ status, headers, body, method }, options);
  diagnosis.notes.push(...extra.filter((n) => !diagnosis.notes.includes(n)));
  return diagnosis;
}

/** What marks a RecordingError of any copy of the package: its ESM and CommonJS builds are two copies of the class. */
const BRAND = Symbol.for('@org/agora-rec-codes/RecordingError');

/** A failed Cloud Recording request: what it means and what to do, from its diagnosis. */
export class RecordingError extends Error {
  /** The numeric body `code`, when there was one. */
  readonly code?: number;
  /** The HTTP status, when a response arrived. */
  readonly status?: number;
  readonly method: Method;
  /** What to do now. After every retry failed, this is the policy's `then` (e.g. acquire-again: start over). */
  readonly outcome: Outcome;
  /** The page of the record on the site. */
  readonly docUrl?: string;
  /** true when sending again (possibly after a new `acquire`) can succeed: outcome retry or acquire-again. */
  readonly retryable: boolean;
  readonly diagnosis: Diagnosis;
  /** How many requests were sent. */
  readonly attempts: number;

  constructor(diagnosis: Diagnosis, method: Method, outcome: Outcome, attempts: number, options?: { cause?: unknown; message?: string }) {
    super(options?.message ?? [`\`${method}\`: ${diagnosis.summary}`, diagnosis.next].filter(Boolean).join(' '));
    this.name = 'RecordingError';
    Object.defineProperty(this, BRAND, { value: true });
    if (options && 'cause' in options) (this as { cause?: unknown }).cause = options.cause;
    if (diagnosis.code !== undefined) this.code = diagnosis.code;
    if (diagnosis.status !== undefined) this.status = diagnosis.status;
    this.method = method;
    this.outcome = outcome;
    if (diagnosis.docs) this.docUrl = diagnosis.docs[diagnosis.locale];
    this.retryable = isRetryOutcome(outcome);
    this.diagnosis = diagnosis;
    this.attempts = attempts;
  }
}

// `error instanceof RecordingError` holds for an error from either build (an ESM import and a CommonJS require of the
// package in one process); a subclass keeps the usual check.
Object.defineProperty(RecordingError, Symbol.hasInstance, {
  value(this: typeof RecordingError, value: unknown): boolean {
    if (this !== RecordingError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  },
});

/** What onRetry is told before each wait (`R`: what `call` resolves with, a fetch Response unless another client's). */
export type RetryEvent<R = Response> = {
  /** The number of the request about to be sent (2 for the first retry). */
  attempt: number;
  /** How long the client waits before sending it. */
  delayMs: number;
  method: Method;
  diagnosis: Diagnosis;
  /** The response that asked for the retry (none when the request got no answer; an HTTP client's error holds its own). */
  response?: R;
  /** The error of a request that got no answer. */
  error?: unknown;
};

export type WithRetryOptions<R = Response> = {
  /** The method `call` sends; it decides what each response means. */
  method: Method;
  /** Abort the waits and the loop; withRetry then rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Told before each wait; awaited. */
  onRetry?: (event: RetryEvent<R>) => void | Promise<void>;
  /** How to wait (inject a fake clock in tests); must settle early when `signal` aborts. Defaults to setTimeout. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The language of the diagnoses and error messages. */
  locale?: Locale;
  /** Give up rather than wait longer than this for one retry (a long Retry-After): 60 000 ms by default. */
  maxDelayMs?: number;
};

const DEFAULT_MAX_DELAY_MS = 60_000;

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'string' ? error : 'unknown error';
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').slice(0, 160);
}

function abortReason(signal: AbortSignal): unknown {
  if (signal.reason !== undefined) return signal.reason;
  const error = new Error('This operation was aborted');
  error.name = 'AbortError';
  return error;
}

/** setTimeout, settled early (rejecting) when the signal aborts. */
export function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Wait with the injected sleep, but never past an abort. */
function wait(sleep: NonNullable<WithRetryOptions['sleep']>, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) return Promise.reject(abortReason(signal));
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([sleep(ms, signal), aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}

/** The diagnosis of a request that got no answer at all. */
function unanswered(x: Explainer, method: Method, error: unknown, locale: Locale | undefined): Diagnosis {
  const W = x.words(locale);
  const policy: RetryPolicy = unansweredPolicy(method);
  const base = x.explain({ method }, { locale });
  return {
    ...base,
    known: false,
    summary: W.noAnswer(method, errorText(error)),
    next: x.phrases(locale).describeRetry(policy),
    outcome: outcomeOf(policy),
    retry: { ...policy, retryable: true },
    basis: { by: 'us', why: W.noAnswerWhy },
    notes: [],
  };
}

/**
 * Send a request until it is done: `call()` sends it (and returns the fetch
 * Response, or another HTTP client's response: axios' `{ status, data,
 * headers }`); each response is explained on `method`, and so is the response an
 * HTTP client's error holds (axios rejects a 4xx or 5xx with it in `response`). Resolves with the
 * response of a success, an in-progress `query` or an already-done request
 * (its body unread). Retries on the catalog's schedule — the same request, so
 * the same resource ID — waiting `delaysMs` (or the server's Retry-After when
 * longer); a request with no answer (network error, time-out) is retried on
 * its method's schedule. Otherwise rejects with a RecordingError whose
 * `outcome` says what to do: after the last retry, the policy's `then`
 * (acquire-again: start over with a new resource ID).
 */
export async function withRetryIn<R = Response>(x: Explainer, call: () => Promise<R>, options: WithRetryOptions<R>): Promise<R> {
  const method = options?.method;
  if (!(METHODS as readonly unknown[]).includes(method)) throw new TypeError(`withRetry: options.method must be one of ${METHODS.join(', ')}`);
  if (typeof call !== 'function') throw new TypeError('withRetry: call must be a function returning a Promise<Response>');
  const { signal, onRetry, locale } = options;
  const sleep = options.sleep ?? sleepFor;
  // (A limit that is no number ≥ 0, NaN, is the default: it never lifts the limit.)
  const maxDelayMs = options.maxDelayMs !== undefined && options.maxDelayMs >= 0 ? options.maxDelayMs : DEFAULT_MAX_DELAY_MS;
  let attempts = 0;
  let retries = 0;
  for (;;) {
    if (signal?.aborted) throw abortReason(signal);
    attempts++;
    let response: R | undefined;
    let diagnosis: Diagnosis;
    let failure: unknown;
    try {
      response = await call();
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      failure = error;
    }
    // An HTTP client's error that holds the response (axios, ky, got): that response answers, not the error.
    const held = failure !== undefined && unwrapClientError(failure);
    const answer: unknown = response ?? (held !== failure ? held : undefined);
    if (answer && typeof (answer as ResponseLike).text === 'function') {
      const copy = typeof (answer as ResponseLike).clone === 'function' ? (answer as ResponseLike).clone!() : (answer as ResponseLike);
      diagnosis = await fromResponseIn(x, copy, method, { locale });
    } else if (answer && typeof answer === 'object') {
      // Another client's response, its body read already (axios' `data`).
      diagnosis = x.explain({ ...(answer as ExplainInput), method }, { locale });
    } else {
      diagnosis = unanswered(x, method, failure, locale);
    }
    const outcome = diagnosis.outcome;
    switch (outcome.kind) {
      case 'success':
      case 'in-progress':
      case 'already-done':
        if (response) return response;
        break;
      case 'retry': {
        if (retries < outcome.delaysMs.length) {
          const delayMs = Math.max(outcome.delaysMs[retries], outcome.retryAfterMs ?? 0);
          if (delayMs > maxDelayMs) {
            throw new RecordingError(diagnosis, method, outcome, attempts, {
              cause: failure,
              message: `\`${method}\`: ${diagnosis.summary} ${x.words(locale).waitTooLong(delayMs, maxDelayMs)}`,
            });
          }
          retries++;
          if (onRetry) await onRetry({ attempt: attempts + 1, delayMs, method, diagnosis, ...(response && { response }), ...(failure !== undefined && { error: failure }) });
          await wait(sleep, delayMs, signal);
          continue;
        }
        // The retries are used up: the message says what now, not to retry again.
        const after: Outcome = outcome.then ? { kind: outcome.then } : outcome;
        throw new RecordingError(diagnosis, method, after, attempts, {
          ...(failure !== undefined && { cause: failure }),
          message: `\`${method}\`: ${diagnosis.summary} ${x.words(locale).retriesUsed(attempts, outcome.then)}`,
        });
      }
    }
    throw new RecordingError(diagnosis, method, outcome, attempts, failure !== undefined ? { cause: failure } : undefined);
  }
}
