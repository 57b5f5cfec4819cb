/**
 * explain(): turn a Cloud Recording response (HTTP status, headers and body,
 * as it came) into a diagnosis: which records it matches, what it means on the
 * method, and the one thing to do next (the outcome). It never throws.
 *
 * The decision, in order:
 * 1. a body `code`, else a gateway `message`, else a `reason` the catalog knows:
 *    that record's next step on the method;
 * 2. a code or message the catalog lacks: the HTTP status decides;
 * 3. a body that is not the API's JSON (HTML, plain text, empty, cut short):
 *    the HTTP status decides — 5xx from a proxy is transient, a 404 page means
 *    a wrong URL or method, a 2xx page is not the API at all;
 * 4. a 2xx: what a success of the method must carry (`acquire` → `resourceId`,
 *    `start` → `sid`, `query` → `serverResponse`), then the states inside:
 *    `serverResponse.status` or `uploadingStatus` sets the step, and a
 *    sub-service, extension or output in trouble can only make it graver.
 */
import { type BodyForm, field, header, type HeadersLike, isBytes, readResponse, unwrapClientError } from './response.ts';
import { decidingState, GRAVITY, type Outcome, outcomeOf, retryAfterMs, waitsAfter } from './outcome.ts';
import type { Phrases } from './phrases/types.ts';
import { type BriefRecord, findRecord, type Locale, meaningOn, METHOD_VERBS, METHODS, type Method, type NeutralRecord, neutralRecords, type RetryPolicy, wrongVerb } from './records.ts';
import { briefRecord, type Language } from './language.ts';
import { LEFT_TO_CHECK, SOURCE_RANKS } from './generated/records.ts';
import { bodyCodeMeanings, commonStep, endsWithRecording, foreignStep, isMainState, isRetry, onlyElsewhere, recordMethods, retryOnAcquire, sameReason, STOPPING, stepKey } from './meaning.ts';

export type { HeadersLike } from './response.ts';

export type ExplainInput = {
  /** The HTTP status of the response. */
  status?: number | string;
  /** The body: a parsed object, the raw text (JSON, half a JSON, an HTML page, plain text), bytes, or nothing. */
  body?: unknown;
  /** The method that was called. Without it, explain() says when the meaning depends on the method. */
  method?: Method;
  /** The HTTP verb the request was sent with (GET, POST): another than the method's gets 404 `no Route matched with those values`. */
  verb?: string;
  /** The response headers (a Headers object, a plain object or pairs); `Retry-After` is honoured. */
  headers?: HeadersLike;
  /** The body under axios' name, read when `body` is not given: `explain({ ...err.response, method: 'start' })`. */
  data?: unknown;
};

/**
 * A body passed alone, parsed (`explain(await res.json())`): it has the API's keys and none of a response's
 * (`status`, `body`, `data`, `headers`); one an app wrapped (`{ error: { code: 435 } }`) is read under its wrapper.
 */
export type ParsedBody = {
  code?: number;
  message?: string;
  reason?: string;
  serverResponse?: unknown;
  sid?: string;
  resourceId?: string;
  cname?: string;
  uid?: string;
  error?: unknown;
};

/** What explain() reads: a response (`{ status, body, method, headers }`), or its body alone: parsed, as text or as bytes. */
/** An HTTP client's error given whole (axios' `error`): its `response` is explained, on the method `method` names or `config.url` calls. */
export type ClientError = { response: object; config?: { url?: string }; method?: Method };

export type ExplainArgument = ExplainInput | ParsedBody | ClientError | string | ArrayBuffer | ArrayBufferView;

export type ExplainOptions = {
  /** The language of the words (the package root; a one-language entry point speaks its own). */
  locale?: Locale;
  /** The current time in ms (for a Retry-After given as a date); Date.now() by default. */
  now?: number;
};

/**
 * Where the advice comes from: Agora (in that source), or us (and why); `then`, where
 * the step after the retries comes from elsewhere (65 on start: the retries from seed,
 * acquiring again from sc; 500 on acquire: contacting support is our advice).
 */
export type Basis = ({ by: 'agora'; source: string } | { by: 'us'; why: string }) & { then?: { by: 'agora'; source: string } | { by: 'us'; why: string } };

/** A state value read from `serverResponse`, and its record when the catalog knows it. */
export type StateReading = { at: string; value: string | number; record?: BriefRecord };

export type Diagnosis = {
  /** true only when the response reports a success with nothing to act on (outcome `success`, no error code or message). */
  ok: boolean;
  /** false when the response names a code, message or state the catalog lacks, or carries nothing to explain. */
  known: boolean;
  locale: Locale;
  status?: number;
  /** The numeric `code` of the body. */
  code?: number;
  /** The gateway's `message`. */
  message?: string;
  /** The service's `reason` (or `serverResponse.payload.message`). */
  reason?: string;
  method?: Method;
  /** `resourceId` and `sid` of the body, when it has them. */
  resourceId?: string;
  sid?: string;
  /** What the body was: JSON, JSON cut short, an HTML page, plain text, empty, something else. */
  body: BodyForm;
  /** The record the response is about: the one that decided the outcome (in brief: `lookup(record.ref)` gives causes, actions and links). */
  record?: BriefRecord;
  /** Every record the response matches, the one it is about first. */
  records: BriefRecord[];
  /** Every state value read from `serverResponse`: status, upload status, sub-services, extensions, outputs. */
  states: StateReading[];
  /** What it means on `method`, where the catalog says. */
  meaning?: string;
  /** What happened, answer first. */
  summary: string;
  /** What to do next, in words. */
  next: string;
  /** The one decision: switch on `outcome.kind`. */
  outcome: Outcome;
  /** The catalog's next step behind the outcome, and whether sending again (possibly after a new acquire) can succeed. */
  retry: RetryPolicy & { retryable: boolean };
  /** Where the advice comes from, when known. */
  basis?: Basis;
  /** The page of `record` on the site, in each language. */
  docs?: { zh: string; en: string };
  /** Anything else worth knowing: an unknown code, an HTML body, a fallback, a Retry-After. */
  notes: string[];
};

// ---------------------------------------------------------------------------
// Next steps the catalog does not hold for the case at hand, taken from records
// that do (so that no delay is written twice), computed once.

type RetryStep = Extract<RetryPolicy, { action: 'retry' }>;
type Derived = { transient: RetryStep; startUnanswered: RetryPolicy; expiresAfterSeconds?: number };
let derived: Derived | undefined;

function policyOfNeutral(neutral: NeutralRecord | undefined, method?: Method): RetryPolicy | undefined {
  if (!neutral) return undefined;
  return meaningOn({ meanings: (neutral.meanings as never) ?? [] }, method)?.retry ?? (neutral.retry as RetryPolicy);
}

function derive(): Derived {
  if (derived) return derived;
  const fallbackDelays = [1000, 3000, 6000];
  const status500 = policyOfNeutral(findRecord(500, 'http-status'));
  const transient: RetryStep = { action: 'retry', delaysMs: status500?.action === 'retry' ? status500.delaysMs : fallbackDelays };
  const on65 = policyOfNeutral(findRecord(65, 'error-code'), 'start');
  const startUnanswered: RetryStep =
    on65?.action === 'retry'
      ? { action: 'retry', delaysMs: on65.delaysMs, sameResourceId: true, ...(on65.then && { then: on65.then }) }
      : { ...transient, sameResourceId: true, then: 'acquire-again' };
  const expiring = neutralRecords().find((r) => (r.facts as { expiresAfterSeconds?: number } | undefined)?.expiresAfterSeconds);
  const expiresAfterSeconds = (expiring?.facts as { expiresAfterSeconds?: number } | undefined)?.expiresAfterSeconds;
  derived = { transient, startUnanswered, ...(expiresAfterSeconds && { expiresAfterSeconds }) };
  return derived;
}

/** The next step when a request got no usable answer on `method` (a network error, or a success without what it must carry). */
export function unansweredPolicy(method: Method | undefined): RetryPolicy {
  const d = derive();
  if (method === 'start') return d.startUnanswered;
  if (method === 'query' || method === 'update' || method === 'updateLayout' || method === 'stop') return { ...d.transient, sameResourceId: true };
  return d.transient;
}

/** The next step by the class of an HTTP status alone, where the catalog has no record of it. */
function byStatusClass(status: number | undefined): RetryPolicy {
  if (status === undefined) return { action: 'contact-support' };
  if (status >= 200 && status < 300) return { action: 'none' };
  if (status === 408 || status === 425 || status === 429 || (status >= 500 && status < 600)) return derive().transient;
  if (status >= 300 && status < 500) return { action: 'fix-request' };
  return { action: 'contact-support' };
}

/** The gateway's message for a request that matches no endpoint (a wrong URL or HTTP verb). */
const NO_ROUTE = 'no Route matched with those values';

/** What a success of each method must carry. */
const SUCCESS_FIELD: Partial<Record<Method, 'resourceId' | 'sid' | 'serverResponse'>> = {
  acquire: 'resourceId',
  start: 'sid',
  query: 'serverResponse',
};

const policyOf = (record: BriefRecord): RetryPolicy => record.meaning?.retry ?? record.retry;

function basisOf(policy: RetryPolicy): Basis | undefined {
  const b = policy.basis as { source?: string; recommendation?: string } | undefined;
  const t = (policy as { thenBasis?: { source?: string; recommendation?: string } }).thenBasis;
  const then = t?.source ? { then: { by: 'agora' as const, source: t.source } } : t?.recommendation ? { then: { by: 'us' as const, why: t.recommendation } } : {};
  if (b?.source) return { by: 'agora', source: b.source, ...then };
  if (b?.recommendation) return { by: 'us', why: b.recommendation, ...then };
  return undefined;
}

const headline = (r: BriefRecord): string => `${typeof r.value === 'number' ? r.value : JSON.stringify(r.value)} ${r.constant} — ${r.title}`;

/** stepsByMethod, computed once per record and language. */
const stepsCache = new Map<string, MethodSteps | undefined>();

/** "acquire: Fix the account; start, query, …: Retry (…)" where a record's next step differs by method; undefined where it does not. */
function stepsByMethod(record: BriefRecord, P: Phrases): MethodSteps | undefined {
  const key = `${P.locale} ${record.ref}`;
  if (stepsCache.has(key)) return stepsCache.get(key);
  const steps = computeStepsByMethod(record, P);
  stepsCache.set(key, steps);
  return steps;
}

function computeStepsByMethod(record: BriefRecord, P: Phrases): MethodSteps | undefined {
  const methods = recordMethods(record, METHODS);
  const steps = methods.map((method) => meaningOn(record, method)?.retry ?? record.retry);
  const groups = new Map<string, { label: string; methods: Method[] }>();
  steps.forEach((step, i) => {
    const group = groups.get(stepKey(step)) ?? { label: P.retryLabel(step), methods: [] };
    groups.set(stepKey(step), { ...group, methods: [...group.methods, methods[i]!] });
  });
  if (groups.size < 2) return undefined;
  const { step, kinds } = commonStep(steps);
  return { text: [...groups.values()].map((g) => `${g.methods.join(P.separator.item)}${P.colon}${g.label}`).join(P.separator.group), kinds, common: step };
}

/** A record's step on each method, where they differ: in words, and whether they differ in kind (not only in waits). */
type MethodSteps = { text: string; kinds: boolean; common?: RetryPolicy };

/** Whether a caller gave a field a value (not left out, null or ''). */
const given = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

function clip(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
  return text.slice(0, 60);
}

function diagnose(input: ExplainInput, language: Language, P: Phrases, now: number): Diagnosis {
  const { locale } = language;
  const notes: string[] = [];
  // The response as read without the catalog (`code: 0`, what a success may carry, is not an error code).
  const { status, headers, body, values, message, code: readCode, unread } = readResponse(input);
  const rawStatus = field(input, 'status');
  if (status === undefined && given(rawStatus)) notes.push(P.notes.unreadableStatus(clip(rawStatus)));
  const rawMethod = field(input, 'method');
  // As a caller writes it: `Start`, `updatelayout`, ` stop `.
  const method = typeof rawMethod === 'string' ? METHODS.find((m) => m.toLowerCase() === rawMethod.trim().toLowerCase()) : undefined;
  if (given(rawMethod) && !method) notes.push(P.notes.unknownMethod(clip(rawMethod)));
  if (unread) notes.push(P.notes.unreadBody);
  else if (body.form === 'absent') notes.push(P.notes.noBody);
  const waitMs = retryAfterMs(header(headers, 'retry-after'), now);

  const messageFound = message !== undefined ? findRecord(message, 'message-error') : undefined;
  // A body of plain text that is a reason the API writes (`request not completed`, the text of a 206): that reason. (Not
  // another name of a record: `RESOURCE_ID_EXPIRED` as a 503's text is a page, not the API's answer.)
  const textRecord = body.form === 'text' && !messageFound && values.code === undefined ? findRecord(body.text!, 'error-code') : undefined;
  const textReason = (textRecord?.meanings as { reason?: string }[] | undefined)?.some((m) => sameReason(m.reason, body.text!.trim())) ? body.text!.trim() : undefined;
  const reason = values.reason ?? textReason;
  const at = (neutral: NeutralRecord | undefined) => neutral && briefRecord(neutral, language, method, status, reason, values.code);
  const codeRecord = values.code !== undefined ? at(findRecord(values.code, 'error-code')) : undefined;
  const messageRecord = at(messageFound);
  const reasonRecord = values.code === undefined && !messageRecord && reason !== undefined ? at(findRecord(reason, 'error-code')) : undefined;
  const statusRecord = status !== undefined ? at(findRecord(status, 'http-status')) : undefined;
  const states: StateReading[] = values.states.map((s) => {
    const record = at(findRecord(s.value, s.kind));
    if (!record) notes.push(P.notes.unknownState(s.at, s.value));
    return { at: s.at, value: s.value, ...(record && { record }) };
  });

  /** What the body is, when it is not the API's JSON: said first in the summary where nothing else is known. */
  const pageNote =
    body.form === 'html'
      ? P.notes.htmlBody(status, body.title)
      : body.form === 'text' && !messageRecord && !textReason
        ? P.notes.textBody(status, body.text!)
        : body.form === 'other'
          ? P.notes.otherBody
          : undefined;
  if (body.form === 'partial-json') notes.push(body.cut ? P.notes.cutInside(body.cut) : P.notes.partialBody);
  if (values.code !== undefined && !codeRecord) notes.push(P.notes.unknownCode(values.code));
  if (values.message !== undefined && !messageRecord && !codeRecord) notes.push(P.notes.unknownMessage(values.message));

  // A request sent with another verb than its method's finds no route: a 404 without a body code is that (seed).
  const sentWith = wrongVerb(method, field(input, 'verb'));
  // A body code says the request reached the service: the verb was not what stopped it.
  if (sentWith && values.code === undefined) notes.push(P.notes.wrongVerb(method!, sentWith, METHOD_VERBS[method!]));
  const noRoute = sentWith && status === 404 && values.code === undefined && !messageRecord ? at(findRecord(NO_ROUTE, 'message-error')) : undefined;
  const about = codeRecord ?? messageRecord ?? noRoute ?? reasonRecord;
  const unknownId = !about && (values.code !== undefined || values.message !== undefined);
  const success = status !== undefined ? status >= 200 && status < 300 : Boolean(values.hasServerResponse || values.resourceId || values.sid) && body.form === 'json';
  if (status === undefined && success && !about) notes.push(P.notes.noStatus);

  let policy: RetryPolicy;
  let record: BriefRecord | undefined;
  let basis: Basis | undefined;
  let borrowed = false;
  /** The code's step is one the sources give on other methods, and not one to take here (433's on `stop`): not enough to decide. */
  let offMethod = false;
  /** The reason is the code's meaning on other methods (62 `request timeout` on `acquire`): the step fits both, ours to say. */
  let differ = false;
  /** The deciding code's meaning on the methods the sources give it for, none of them this one (500 on `query`): said as theirs. */
  let foreign: BriefRecord['meanings'][number] | undefined;
  /** What the summary leads with: the deciding record, a state read from the body, a plain success, or only the notes. */
  let lead: 'record' | 'state' | 'success' | 'page' | 'missing' | 'none' = 'record';
  let missing: string | undefined;
  /** Nothing the catalog knows decides, and there is no status to go by: the step is only the fallback's. */
  let unsure = false;
  /** The field a body cut short lacks, that would tell whether the method worked: not enough to decide. */
  let cutBefore: string | undefined;
  /** The body is cut inside what may decide (its `code`, a state of `serverResponse`): read whole, it may call for more. */
  let cutInside = false;
  const is2xx = status !== undefined && status >= 200 && status < 300;
  /** What a success of the method carries (`sid` on `start`), when the body lacks it. */
  const need = method && SUCCESS_FIELD[method];
  const lacking = need && !(need === 'serverResponse' ? values.hasServerResponse : values[need]) ? need : undefined;
  /** The HTTP status's record without a method's meaning: for pages that did not come from the API. */
  const statusPlain = () => {
    const neutral = status !== undefined ? findRecord(status, 'http-status') : undefined;
    return neutral && briefRecord(neutral, language);
  };

  if (about) {
    record = about;
    policy = policyOf(about);
    // A code the sources give only for other methods (49 is `stop`'s): say so, and do not take it as done.
    if (method && about === codeRecord && onlyElsewhere(about.meanings, method)) {
      // The meaning its reason names (501 `no_worker_manager_available`: acquire's), else the first.
      foreign = about.meanings.find((m) => sameReason(m.reason, reason)) ?? about.meanings[0];
      notes.push(P.notes.otherMethods(method, [...new Set(about.meanings.flatMap((m) => m.methods ?? []))]));
      // Nor as gone: that a task no longer exists is what the code means on another method (501 on `start`). A server
      // error is retried as such; otherwise (49 `invalid operation` on `update`) not enough to decide.
      // Their step is not this method's either where it starts a new recording on a method that is not starting one (433
      // on `stop`); else the step kept is the one the sources give on those methods, applying it here is ours to say.
      const taken = foreignStep(policy.action, method);
      if (taken === 'kept') borrowed = true;
      else {
        policy = byStatusClass(status);
        offMethod = taken === 'off' || status === undefined || status < 500;
      }
    } else if (method && about === codeRecord && !about.meaning) {
      // The reason is what the code means on other methods (62 `request timeout` on `acquire`): say so.
      const elsewhere = about.meanings.filter((m) => m.methods && !m.methods.includes(method) && sameReason(m.reason, reason));
      if (elsewhere.length) {
        notes.push(P.notes.reasonOfOtherMethods(method, reason!, [...new Set(elsewhere.flatMap((m) => m.methods!))]));
        // A retry fits both meanings (62: a timeout, or Cloud Recording not enabled); another step is the record's own.
        differ = isRetry(policy);
      }
    }
    // Nothing to do, where the sources say so only for other methods (435 is `stop`'s: on `update` nothing was applied):
    // the status's step (alone, as retryPolicy() gives it: check what it means there).
    const offHere = about === codeRecord && method && policy.action === 'none' && about.meanings.some((m) => m.methods) && !about.meanings.some((m) => m.methods?.includes(method));
    if (offHere) policy = byStatusClass(status);
    // A body code that calls for nothing, without what the method's success carries (435 on `start`, no `sid`): the
    // request cannot be taken as done, and the code says no step for it.
    if (about === codeRecord && (offHere || policy.action === 'none') && lacking) {
      missing = lacking;
      unsure = true;
    } else if (offHere) offMethod = true;
  } else if (unknownId && !is2xx) {
    // A code or message the catalog lacks: the HTTP status decides (a 2xx goes on as a success, below).
    if (statusRecord) {
      record = statusRecord;
      policy = policyOf(statusRecord);
      notes.push(P.notes.fallbackToStatus(status!));
    } else {
      policy = status === undefined ? { action: 'contact-support' } : byStatusClass(status);
      basis = { by: 'us', why: P.ours.unknownCode };
      lead = 'none';
      unsure = status === undefined;
    }
  } else if (status === undefined && !success) {
    policy = { action: 'contact-support' };
    lead = 'none';
    unsure = true;
  } else if (body.form === 'html' || body.form === 'text' || body.form === 'other') {
    // Not the API's JSON: something in front of the API answered; the HTTP status class decides.
    record = statusPlain();
    basis = { by: 'us', why: P.ours.pageFromElsewhere };
    if (is2xx || status === 404) policy = { action: 'fix-request' };
    // The status's step on the method where it has one (a retried `stop` keeps its resource ID), whoever answered.
    else policy = statusRecord ? policyOf(statusRecord) : byStatusClass(status);
    lead = 'page';
  } else if (status === 404 && body.form !== 'json' && body.form !== 'partial-json' && body.form !== 'absent' && body.form !== 'empty') {
    record = statusPlain();
    policy = { action: 'fix-request' };
    basis = { by: 'us', why: P.ours.pageFromElsewhere };
    lead = 'page';
  } else if (!success) {
    // An error status with a JSON body that names nothing, an empty body, or a cut one.
    record = statusRecord;
    policy = statusRecord ? policyOf(statusRecord) : byStatusClass(status);
    if (!statusRecord) {
      basis = { by: 'us', why: P.ours.statusClass };
      lead = 'none';
    }
  } else {
    // A success: the status's own step (201, 206 …), what success must carry on the method, then the states.
    record = statusRecord;
    policy = statusRecord ? policyOf(statusRecord) : { action: 'none' };
    lead = statusRecord && status !== 200 ? 'record' : 'success';
    // A success status the sources give only for other methods (201 is a repeated `start`'s): what it means here is not
    // documented, and their step (already done) would take as done what may not be (a `stop` while the recording runs).
    const givenFor = statusRecord?.meanings.length && statusRecord.meanings.every((m) => m.methods) ? [...new Set(statusRecord.meanings.flatMap((m) => m.methods!))] : [];
    if (method && givenFor.length && !givenFor.includes(method)) {
      notes.push(P.notes.otherMethods(method, givenFor));
      offMethod = true;
    }
    if (policy.action === 'none' && lacking && body.form !== 'absent') {
      missing = lacking;
      policy = unansweredPolicy(method!);
      // Cut before it: neither done nor failed.
      if (body.form === 'partial-json') cutBefore = lacking;
      basis = { by: 'us', why: P.ours.missingField };
      lead = 'missing';
    } else if (policy.action === 'none') {
      // Once the recording is stopping (`stop`'s answer, or a status that says so), its extensions and outputs end with
      // it: an output `disconnected`, an extension that `exit`ed is what stopping does, not a fault.
      const ending = method === 'stop' || values.states.some((s) => s.kind === 'recording-status' && STOPPING.includes(s.value as number));
      const ended = ending && states.some((s) => s.record && endsWithRecording(s.record.kind));
      if (ended) notes.push(P.notes.partsEnded);
      // A recording no longer running, in `stop`'s own answer, is what the stop asked for (status 8 there is no task lost,
      // 20 no call for a new one): the upload decides.
      const stopped = (r: BriefRecord) => method === 'stop' && r.kind === 'recording-status' && ['gone', 'acquire-again'].includes(policyOf(r).action);
      const known = states.filter((s) => s.record && !(ending && endsWithRecording(s.record.kind)) && !stopped(s.record)).map((s) => s.record!);
      let decided = decidingState(known, (r) => r.kind, (r) => GRAVITY[policyOf(r).action]);
      // Nothing to do by the state that decides, where another leaves something to check (a sub-service's upload partly
      // done beside `uploaded`): that one says what is left.
      const toCheck = known.find((r) => LEFT_TO_CHECK.includes(r.ref));
      if (toCheck && (!decided || (policyOf(decided).action === 'none' && !LEFT_TO_CHECK.includes(decided.ref)))) decided = toCheck;
      if (decided) {
        policy = policyOf(decided);
        record = decided;
      }
      if (policy.action !== 'none') lead = 'state';
      // A state the catalog does not know (the recording's, the upload's, a sub-service's …): not enough to take it as done.
      else if (states.some((s) => !s.record)) unsure = true;
      if (body.form === 'partial-json' && policy.action === 'none') {
        // A body cut before the recording's state (`query`) or the upload's (`stop`) says nothing of it.
        if (method === 'query' && !states.length) cutBefore = 'serverResponse.status';
        else if (method === 'stop' && !values.hasServerResponse) cutBefore = 'serverResponse.uploadingStatus';
        // One cut inside `serverResponse` (in a state, `"uploaderService":"serviceAbn`, or anywhere before its end: the
        // file list comes before the extensions' states) may have lost a state graver than those read.
        else if (body.cut?.startsWith('serverResponse')) cutInside = true;
      }
    }
  }
  // A body cut inside its `code` (`{"code":43`: 433, 432 or 435?) has lost what decides.
  if (/(?:^|\.)code$/.test(body.cut ?? '') && values.code === undefined) cutInside = true;

  // Only the status is known, and on this method it stands for body codes that call for different
  // steps (HTTP 206 on `stop`: 65, retry; 435, nothing to do): the step stays the catalog's for the
  // status alone (206 is never a blind retry), and what to do next is to read the body code, each one's step said.
  let bodyDecides: string | undefined;
  let doneAmong = false;
  if (record && record === statusRecord && values.code === undefined && reason === undefined && !messageRecord) {
    // Each code once, the codes of one step together: `2, 401, 53: Fix the request; 49: Already done`.
    const byStep = new Map<string, unknown[]>();
    for (const { code, meaning } of bodyCodeMeanings(record.meanings, method, SOURCE_RANKS, status)) {
      const step = meaning?.retry ?? record.retry;
      // One of them takes the request as done (400 on `stop`: 2, fix it; 49, already exiting): no failure can be said.
      doneAmong ||= step.action === 'none' || step.action === 'already-done';
      const label = P.retryLabel(step);
      byStep.set(label, [...(byStep.get(label) ?? []), code]);
    }
    if (byStep.size > 1) bodyDecides = [...byStep].map(([label, codes]) => `${codes.join(P.separator.item)}${P.colon}${label}`).join(P.separator.group);
  }

  // So has an error's cut before any code or message, where the codes its status stands for on the method call for
  // different steps (`{"cname":"room-1",` on a `stop` 404: 404, task gone, or no route).
  if (body.form === 'partial-json' && !success && !about && bodyDecides) cutInside = true;

  const emptyNote = body.form === 'empty' && (status === undefined || status >= 300 || missing) ? P.notes.emptyBody(status) : undefined;

  // `acquire` has no resource ID yet, and acquiring again is what its own retry does (65 on `acquire`).
  if (method === 'acquire' && policy.action === 'retry') policy = retryOnAcquire(policy);
  // Waits the server asks for that outlast a resource ID (5 minutes after `acquire`): `start` retried after them with
  // the same one would get 433. The retries that fit in its life, then a new one; none fits: a new one after the wait.
  const expires = derive().expiresAfterSeconds;
  if (method === 'start' && policy.action === 'retry' && expires && waitMs) {
    // A retry fits while the waits up to it stay within its life, each later answer taken to ask as long again (as
    // withRetry() then waits): at worst, each wait is the longer of the schedule's and the server's.
    const fit = policy.delaysMs.filter((_, i, all) => all.slice(0, i + 1).reduce((sum, d) => sum + Math.max(d, waitMs), 0) < expires * 1000);
    if (fit.length < policy.delaysMs.length) {
      // (The cut schedule is ours: the source's basis for the whole one is not kept.)
      policy = fit.length ? { action: 'retry', delaysMs: fit, sameResourceId: true, then: 'acquire-again' } : { action: 'acquire-again' };
      basis = { by: 'us', why: P.ours.waitOutlastsResourceId(waitMs, expires) };
    }
  }
  // Not enough to decide: the status alone calls for nothing while a body code it stands for may call for a retry
  // (206 on `stop`: 65 or 435); a code whose step differs in kind from method to method, given without its method
  // (62: fix the account on `acquire`, retry on `start`); or nothing known and no status.
  const stepsOnMethods = !method && record && !record.meaning ? stepsByMethod(record, P) : undefined;
  // Steps that differ by method only in their waits and what follows: without the method, the one most methods take.
  if (stepsOnMethods?.common && about && record === about && policy === policyOf(about)) policy = stepsOnMethods.common;
  const undecided = (bodyDecides !== undefined && (policy.action === 'none' || doneAmong)) || stepsOnMethods?.kinds === true || unsure || offMethod || cutBefore !== undefined || cutInside || unread === true;
  const outcome: Outcome = undecided ? { kind: 'undecided' } : outcomeOf(policy, waitMs);
  if (waitMs && (outcome.kind === 'retry' || outcome.kind === 'in-progress')) notes.push(P.notes.retryAfter(waitMs));
  // A repeated `start` taken as done without a `sid` (7, 201 after a timed-out `start`): the calls after it need one.
  if (outcome.kind === 'already-done' && method === 'start' && !values.sid) notes.push(P.notes.noSid);
  basis = offMethod ? undefined : borrowed ? { by: 'us', why: P.ours.otherMethodsStep } : differ ? { by: 'us', why: P.ours.reasonAndMethodDiffer } : (basisOf(policy) ?? basis);
  // Undecided for a value no source lists, or a body cut inside its states: no source backs a step for it.
  if (undecided && (cutInside || (unsure && missing) || states.some((s) => !s.record))) basis = undefined;

  // ----- words
  const summary: string[] = [];
  const next: string[] = [];
  const reading = record && states.find((s) => s.record?.ref === record!.ref);
  if (lead === 'record' && record) {
    summary.push(`${headline(record)}${P.period}`);
    // The meaning on the method where the method changes what the record means (62, 65, HTTP 400), or
    // where the response's reason picked it without one; not one the body code decides between, nor one
    // documented with another HTTP status. Else the record's own summary, which says more than a meaning
    // one source gives for one method (435 on `stop`).
    const picked = record.meaning;
    const fits = picked && !bodyDecides && (status === undefined || picked.http === undefined || picked.http === status);
    const methodMatters = method === undefined || record.meanings.some((m) => m.methods && !m.methods.includes(method));
    // A status's meaning that stands for a body code the response lacks (206 on `query`: 65) says it is read from the status.
    const where = method && picked?.methods?.includes(method) && (picked.codes && values.code === undefined && status !== undefined ? P.onMethodStatusAlone(method, status) : P.onMethod(method));
    summary.push(
      foreign ? `${P.onMethod(foreign.methods![0])}${P.colon}${foreign.text}` : fits && methodMatters ? (where ? `${where}${P.colon}${picked.text}` : picked.text) : record.summary,
    );
  } else if (lead === 'state' && record && reading) {
    // The summaries of recording and upload statuses name their field and value; the others say it here.
    summary.push(isMainState(record.kind) ? record.summary : `${P.stateAt(reading.at, reading.value)}${P.colon}${record.title}${P.period}`);
  } else if (cutBefore && method) {
    summary.push(P.cutBefore(method, cutBefore));
  } else if (lead === 'success') {
    summary.push(P.succeeded(method, !undecided));
  } else if (lead === 'page') {
    if (record) summary.push(`${headline(record)}${P.period}`);
    summary.push(pageNote ?? emptyNote ?? '');
  } else if (lead === 'missing' && method && missing) {
    summary.push(P.notes.missingField(method, missing));
  }
  if (pageNote && lead !== 'page') notes.push(pageNote);
  if (emptyNote && lead !== 'page') notes.push(emptyNote);
  for (const s of states) {
    if (!s.record || (lead === 'state' && s === reading)) continue;
    summary.push(`${P.stateAt(s.at, s.value)}${P.colon}${s.record.title}${P.period}`);
  }
  if (summary.length === 0 && notes.length === 0) summary.push(P.noInformation);

  if (cutInside) next.push(status === undefined ? P.needMore : P.readWhole);
  else if (bodyDecides) next.push(P.bodyDecides(policy.action === 'none' ? undefined : P.retryLabel(policy), bodyDecides));
  // Without the method, each method's step: that is what to go by.
  else if (stepsOnMethods?.kinds) next.push(P.notes.dependsOnMethod(stepsOnMethods.text));
  // (A `stop` is not sent again for a body cut short: read it whole.)
  else if (cutBefore && method) next.push(method === 'stop' ? P.readWhole : P.cutBeforeNext(cutBefore, P.retryLabel(unansweredPolicy(method))));
  else if (unsure && missing && method) next.push(P.notes.missingField(method, missing), P.notDocumentedHere(method));
  else if (offMethod) next.push(P.notDocumentedHere(method!));
  // A body given unread: the note says how to pass it.
  else if (unread) next.push(P.needMore);
  else if ((outcome.kind === 'success' || unsure) && states.some((s) => !s.record)) next.push(P.unknownValue(method));
  else if (lead === 'none' && status === undefined && !about) next.push(P.needMore);
  else if (outcome.kind === 'in-progress') next.push(P.pollAgain(outcome.pollAfterMs));
  else if (outcome.kind === 'success' && lead !== 'record' && method === 'acquire') next.push(P.successNext.acquire(derive().expiresAfterSeconds));
  else if (outcome.kind === 'success' && lead !== 'record' && method === 'start') next.push(P.successNext.start);
  else if (outcome.kind === 'success' && lead !== 'record' && method === 'stop' && !values.states.some((s) => s.kind === 'upload-status')) next.push(P.successNext.stop);
  // Nothing to resend, for a reason of ours: that reason says what is left (`backuped`: check the storage; 435: no file).
  else if (policy.action === 'none' && basis?.by === 'us') next.push(basis.why);
  else if (outcome.kind === 'success' && lead === 'record' && (values.code !== undefined || reasonRecord)) next.push(P.doneAsIs);
  // A state that asks for a fix comes from what the recording was set up with, not from this request.
  else if (lead === 'state' && policy.action === 'fix-request') next.push(P.fixConfiguration);
  // On `stop`, a task gone leaves nothing to stop: recording anew is not what the caller was doing.
  else if (policy.action === 'gone' && method === 'stop') next.push(P.stopGone);
  // A body code's new resource ID, on a method that acts on a running task (1001 on `stop`), starts another recording.
  else if (policy.action === 'acquire-again' && lead === 'record' && method && !['acquire', 'start'].includes(method)) next.push(P.newIdNewRecording(method));
  // Each wait is the longer of the schedule's and the server's Retry-After, as withRetry() waits.
  else next.push(P.describeRetry(policy.action === 'retry' ? { ...policy, delaysMs: waitsAfter(policy.delaysMs, waitMs) } : policy));
  if ((outcome.kind === 'retry' || outcome.kind === 'acquire-again') && waitMs) next.push(P.notes.retryAfter(waitMs));
  // A code no source lists: the seed's word for it (contact support) belongs with the step the status gives.
  if (unknownId && values.code !== undefined) next.push(P.notes.unknownCode(values.code));
  if ((outcome.kind === 'fix-request' || outcome.kind === 'contact-support') && reason && !record?.meanings.some((m) => m.reason?.toLowerCase() === reason!.toLowerCase())) {
    next.push(P.serviceSays(reason));
  }
  if (stepsOnMethods && !stepsOnMethods.kinds) notes.push(P.notes.dependsOnMethod(stepsOnMethods.text));

  const seen = new Set<string>();
  const once = (parts: string[]) => parts.filter((s) => s && !seen.has(s) && seen.add(s));
  const summaryText = once(summary).join(P.sentenceGap);
  const nextText = once(next).join(P.sentenceGap);
  const uniqueNotes = [...new Set(notes)].filter((n) => !seen.has(n));

  const records = [record, codeRecord, messageRecord, reasonRecord, ...states.map((s) => s.record), statusRecord].filter(
    (r, i, all): r is BriefRecord => r !== undefined && all.findIndex((o) => o?.ref === r.ref) === i,
  );
  const hasError = values.code !== undefined || values.message !== undefined || messageRecord !== undefined || reasonRecord !== undefined;
  const unknownState = states.some((s) => !s.record);
  const known = !unknownId && !unknownState && lead !== 'none' && (record !== undefined || lead === 'success' || lead === 'missing');

  return {
    ok: outcome.kind === 'success' && !hasError && !missing && !bodyDecides && !unknownState && success,
    known,
    locale,
    ...(status !== undefined && { status }),
    ...(readCode !== undefined && { code: readCode }),
    ...(message !== undefined && (values.message !== undefined || messageRecord) && { message }),
    ...(reason !== undefined && { reason: reason }),
    ...(method !== undefined && { method }),
    ...(values.resourceId !== undefined && { resourceId: values.resourceId }),
    ...(values.sid !== undefined && { sid: values.sid }),
    body: body.form,
    ...(record && { record, docs: record.urls }),
    records,
    states,
    ...(record?.meaning && { meaning: record.meaning.text }),
    summary: summaryText || uniqueNotes.join(P.sentenceGap) || P.noInformation,
    next: nextText,
    outcome,
    retry: { ...policy, retryable: isRetry(policy) },
    ...(basis && { basis }),
    notes: uniqueNotes,
  };
}

/** explain() in one language (its records' texts and its phrases); `options.locale` is the entry point's to read. */
export function explainIn(language: Language, P: Phrases, input: unknown, options?: ExplainOptions): Diagnosis {
  const { locale } = language;
  const nowOption = field(options, 'now');
  const now = typeof nowOption === 'number' && Number.isFinite(nowOption) ? nowOption : Date.now();
  try {
    // A body given on its own (the text or bytes of a response) is read as the body.
    // An HTTP client's error given whole (axios: `error.response`) is its response.
    const whole = typeof input === 'string' || isBytes(input) ? { body: input } : unwrapClientError(input);
    return diagnose((whole && typeof whole === 'object' ? whole : {}) as ExplainInput, language, P, now);
  } catch {
    // Unreachable by design (inputs are read defensively); a diagnosis is still owed.
    const policy: RetryPolicy = { action: 'contact-support' };
    return {
      ok: false,
      known: false,
      locale,
      body: 'other',
      records: [],
      states: [],
      summary: P.noInformation,
      next: P.describeRetry(policy),
      outcome: outcomeOf(policy),
      retry: { ...policy, retryable: false },
      notes: [],
    };
  }
}

