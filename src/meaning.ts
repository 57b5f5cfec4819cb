/**
 * Which meaning of a record applies on a method, and whether a policy is a
 * retry: one rule for the package and the site, so both say the same thing.
 */

// Types only: the build that generates src/generated/ loads this module before those files exist.
import type { Kind, Method } from './generated/types.ts';

type MeaningLike = { methods?: readonly string[]; source: string; http?: number; codes?: readonly number[]; reason?: string };

/** Whether two `reason`s are the same, as the API writes them in either case. */
export const sameReason = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** What sets a meaning apart from the others of its record: the body codes or `reason` it stands for. */
const specific = (m: MeaningLike): string | undefined => (m.codes || m.reason ? `${m.codes ?? ''} ${m.reason?.toLowerCase() ?? ''}` : undefined);

/**
 * The meanings that can apply on `method` to a response with HTTP status
 * `http` and body code `code`: those that name the method (or every method);
 * not one that stands for other body codes than the response's; and, where
 * some fit the status, not those documented with another status (code 7 sent
 * with HTTP 400 is not "returned with HTTP 201").
 */
export function meaningsOn<M extends MeaningLike>(meanings: readonly M[], method: string, http?: number, code?: number): M[] {
  const onMethod = meanings.filter((m) => (!m.methods || m.methods.includes(method)) && (code === undefined || !m.codes || m.codes.includes(code)));
  const fitting = http === undefined ? onMethod : onMethod.filter((m) => m.http === undefined || m.http === http);
  return fitting.length ? fitting : onMethod;
}

/**
 * The meaning that applies on `method` (among meaningsOn()): one whose body
 * code or `reason` is the response's first, then one with the given HTTP
 * status, then the newest source (the highest rank), then one that names the
 * method over one for every method.
 *
 * Where the best candidates tie and differ only by the body code or `reason`
 * they stand for (HTTP 206 on `stop`: 65 "request not completed" or 435 "no
 * recorded data") and the response names neither, no one of them is picked:
 * the meaning that names none applies, else none (the record's own policy) —
 * never a guess.
 */
export function pickMeaning<M extends MeaningLike>(
  meanings: readonly M[],
  method: string | undefined,
  ranks: Readonly<Record<string, number>>,
  http?: number,
  reason?: string,
  code?: number,
): M | undefined {
  if (!method) {
    // Without a method, a meaning still applies where the response's reason names it alone (501
    // `no_worker_manager_available` with HTTP 500 is what the source lists for `acquire`).
    const byReason = reason === undefined ? [] : meanings.filter((m) => sameReason(m.reason, reason) && (http === undefined || m.http === undefined || m.http === http));
    return byReason.length === 1 ? byReason[0] : undefined;
  }
  const named = (m: M) => sameReason(m.reason, reason) || (code !== undefined && m.codes?.includes(code) === true);
  const score = (m: M) => (named(m) ? 10000 : 0) + (http !== undefined && m.http === http ? 1000 : 0) + (ranks[m.source] ?? 0) * 10 + (m.methods ? 1 : 0);
  // Where meanings stand for body codes (an HTTP status's), a response with a body code or reason of
  // its own is not what one standing for others says (HTTP 400 with code 7777 is not "appid is invalid").
  const identified = meanings.some((m) => m.codes) && (code !== undefined || reason !== undefined);
  // A meaning on the method that the response's reason names counts whatever the status it came with (62 `request
  // timeout` on `start` with HTTP 504, where the source lists 500).
  const fitting = meaningsOn(meanings, method, http, code);
  const candidates = [...fitting, ...meaningsOn(meanings, method, undefined, code).filter((m) => named(m) && !fitting.includes(m))].filter(
    (m) => !identified || named(m) || specific(m) === undefined,
  );
  // The response's reason names a meaning the sources give only for other methods (62 `request timeout`
  // on `acquire`, whose own meaning is "not enabled"): the response and the method disagree, so no
  // meaning of either is taken over the other (the record's own policy applies).
  if (reason !== undefined && !candidates.some(named) && meanings.some((m) => m.reason !== undefined && named(m))) return undefined;
  let best: M | undefined;
  for (const m of candidates) if (!best || score(m) > score(best)) best = m;
  if (!best || named(best)) return best;
  const top = score(best);
  const rivals = candidates.filter((m) => m !== best && score(m) === top && specific(m) !== specific(best!));
  if (rivals.length === 0) return best;
  let plain: M | undefined;
  for (const m of candidates) if (specific(m) === undefined && (!plain || score(m) > score(plain))) plain = m;
  return plain;
}

/**
 * Where the body code decides: the body codes the meanings on `method` stand for (else, without a method,
 * those of HTTP `http`), and the reasons of meanings that stand for no code (as JSON strings: `"no Route
 * matched with those values"`), each once, in the order they come, with the meaning that applies to a
 * response that has it (pickMeaning()). explain() says each one's step for a status given alone; the site's
 * pages and the home table list them (site/lib/record.ts). One rule for both.
 */
export function bodyCodeMeanings<M extends MeaningLike>(
  meanings: readonly M[],
  method: string | undefined,
  ranks: Readonly<Record<string, number>>,
  http?: number,
): { code: number | string; meaning: M | undefined }[] {
  const out: { code: number | string; meaning: M | undefined }[] = [];
  for (const m of method ? meaningsOn(meanings, method, http) : meanings.filter((x) => x.http === http)) {
    for (const code of m.codes ?? (m.reason !== undefined ? [JSON.stringify(m.reason)] : [])) {
      if (out.some((c) => c.code === code)) continue;
      const meaning = !method ? m : typeof code === 'number' ? pickMeaning(meanings, method, ranks, http, undefined, code) : pickMeaning(meanings, method, ranks, http, m.reason);
      out.push({ code, meaning });
    }
  }
  return out;
}

/** The actions after which sending a request again (possibly after a new acquire) can succeed. */
export const RETRY_ACTIONS: readonly string[] = ['retry', 'acquire-again'];
export const isRetry = (policy: { action: string }): boolean => RETRY_ACTIONS.includes(policy.action);

/**
 * The method whose response carries a value of each kind that is not an error:
 * service states, recording statuses, extension and output states are read from
 * `query`, upload statuses from `stop`.
 */
export const FOUND_ON = {
  'service-state': 'query',
  'recording-status': 'query',
  'extension-state': 'query',
  'output-status': 'query',
  'upload-status': 'stop',
} as const satisfies Partial<Record<Kind, Method>>;

/** The kinds of the values a response carries in `serverResponse` (its states): those found on a method. */
export type StateKind = keyof typeof FOUND_ON;
export const isStateKind = (kind: string): kind is StateKind => Object.hasOwn(FOUND_ON, kind);

/**
 * The recording statuses of a recording that is stopping (6, stop requested; 7, all components stopped), and the
 * kinds of its parts that end with it: once it stops, an output `disconnected` or an extension that `exit`ed is what
 * stopping does. (Status 8, exited, is graver than any of its parts.)
 */
export const STOPPING: readonly number[] = [6, 7];
export const endsWithRecording = (kind: string): boolean => kind === 'extension-state' || kind === 'output-status';

/** Whether a state of this kind is the response's own: the recording's status, or the upload's (the others are a sub-service's, an extension's or an output's). */
export const isMainState = (kind: string): boolean => kind === 'recording-status' || kind === 'upload-status';

/** The methods a meaning applies to: those it names; else the one its kind is found on; else every method (`all`, in API order). */
export const meaningMethods = (r: { kind: Kind }, m: { methods?: readonly Method[] }, all: readonly Method[]): Method[] => {
  if (m.methods) return [...m.methods];
  const on = (FOUND_ON as Partial<Record<Kind, Method>>)[r.kind];
  return on ? [on] : [...all];
};

type RecordLike = { kind: Kind; meanings: readonly { methods?: readonly Method[]; retry?: unknown }[] };

/**
 * Whether a meaning puts its record on the methods it applies to. One that
 * names methods does; so does one for every method that gives a next step of
 * its own (HTTP 404 "no Route matched": a wrong URL, on any method), and any
 * meaning where none of the record names a method (code 8). A meaning that
 * names no method and gives no step, beside others that name theirs, only says
 * what the status means (HTTP 206 in Agora's Chinese table): it does not put
 * the record on a method no source gives it on (206 on `acquire`).
 */
export const placesRecord = (r: Pick<RecordLike, 'meanings'>, m: RecordLike['meanings'][number]): boolean =>
  !!m.methods || !!m.retry || !r.meanings.some((x) => x.methods);

/** The methods a record occurs on, in API order (`all`): those its meanings put it on (placesRecord()), else the one its kind is found on. */
export function recordMethods(r: RecordLike, all: readonly Method[]): Method[] {
  const on = (FOUND_ON as Partial<Record<Kind, Method>>)[r.kind];
  const set = new Set(r.meanings.flatMap((m) => (placesRecord(r, m) ? meaningMethods(r, m, all) : [])));
  return set.size ? all.filter((m) => set.has(m)) : on ? [on] : [];
}

type StepLike = { action: string; delaysMs?: readonly number[]; sameResourceId?: boolean; then?: string; thenBasis?: unknown };

/** What sets steps apart when they are grouped by method: their kind and waits (not their basis), as their labels say them. */
export const stepKey = (step: StepLike): string => step.action + step.delaysMs;

/** Whether the sources give a record only for other methods than `method` (49 is `stop`'s). */
export const onlyElsewhere = (meanings: readonly MeaningLike[], method: string): boolean =>
  meanings.length > 0 && meanings.every((m) => m.methods && !m.methods.includes(method));

/**
 * Whether the step of a code the sources give only for other methods is taken on `method`: not one that calls for
 * nothing, takes the request as done or the task as gone (501 on `start`): `'by-status'`, the response's HTTP status
 * class decides (a server error is retried as such); not one that starts a new recording on a method that starts
 * none (433 on `stop`): `'off'`; else `'kept'`, applying it here being ours to say.
 * explain() decides so, and retryPolicy()'s table is built with it, so that both give one step.
 */
export const foreignStep = (action: string, method: string): 'by-status' | 'off' | 'kept' =>
  ['none', 'already-done', 'poll', 'gone'].includes(action) ? 'by-status' : action === 'acquire-again' && method !== 'start' && method !== 'acquire' ? 'off' : 'kept';

/** A retry on `acquire`: there is no resource ID yet to keep, and acquiring again is what the retry itself does. */
export const retryOnAcquire = <P extends StepLike>({ sameResourceId: _, ...step }: P): P =>
  (step.then === 'acquire-again' ? (({ then: _then, thenBasis: _basis, ...rest }) => rest)(step) : step) as P;

/**
 * The step without a method, where the methods' steps differ (`steps`, in the order of the methods): where they differ
 * only in their waits and what follows, the one most methods take (65: retry 1, 3, 6 s, not `start`'s acquire-again,
 * which after a `stop` would record anew; of those, the last method's); where they differ in kind (62: fix the
 * account on `acquire`, retry elsewhere), none: it depends on the method.
 */
export function commonStep<P extends StepLike>(steps: readonly P[]): { step?: P; kinds: boolean } {
  if (new Set(steps.map((s) => s.action)).size > 1) return { kinds: true };
  const count = (step: P) => steps.filter((s) => stepKey(s) === stepKey(step)).length;
  let most: P | undefined;
  for (const step of steps) if (!most || count(step) > count(most) || stepKey(step) === stepKey(most)) most = step;
  return { step: most && count(most) < steps.length ? most : undefined, kinds: false };
}

/**
 * The step a record gives for its code or message alone — no reason, no HTTP status unless `http` names one a meaning
 * has — on `method`, or without one: explain()'s rules, so that retryPolicy()'s table (built with it) and the release
 * plan (judging a change with it) say what explain() says. On a method: the meaning's step (pickMeaning); for a body
 * code the sources give only for other methods, not theirs where explain() would not take it (foreignStep: check what
 * it means there); on `acquire`, a retry without a resource ID (retryOnAcquire). Without one: the step most methods
 * take where they differ only in waits (commonStep), else the record's own. `meaning`: the meaning the step came from.
 */
export function stepAlone<P extends StepLike, M extends MeaningLike & { methods?: readonly Method[]; retry?: P }>(
  record: { kind: Kind; meanings: readonly M[]; retry: P },
  method: Method | undefined,
  ranks: Readonly<Record<string, number>>,
  all: readonly Method[],
  http?: number,
): { step: P; meaning?: M } {
  const on = (m: Method) => pickMeaning(record.meanings, m, ranks, http);
  if (!method) {
    if (record.kind === 'http-status') return { step: record.retry };
    const steps = recordMethods(record, all).map((m) => on(m)?.retry ?? record.retry);
    return { step: commonStep(steps).step ?? record.retry };
  }
  const meaning = on(method);
  let step = meaning?.retry ?? record.retry;
  if (record.kind === 'error-code' && onlyElsewhere(record.meanings, method) && foreignStep(step.action, method) !== 'kept') step = { action: 'contact-support' } as P;
  // Nothing to do, where the sources say so only for other methods (435 is `stop`'s: on `update` nothing was applied):
  // explain() leaves it undecided; alone, check what it means there.
  else if (record.kind === 'error-code' && step.action === 'none' && record.meanings.some((m) => m.methods) && !record.meanings.some((m) => m.methods?.includes(method)))
    step = { action: 'contact-support' } as P;
  if (method === 'acquire' && step.action === 'retry') step = retryOnAcquire(step);
  return { step, ...(meaning?.retry && { meaning }) };
}
