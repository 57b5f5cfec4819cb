/**
 * Many responses → a few findings: responses that get the same diagnosis
 * (method, HTTP status, outcome, records, notes) are one finding, with how
 * often and where it occurred. Worst first: what needs a person before what a
 * retry may fix, before what is fine. Used by `agora-rec-codes scan` and by the
 * diagnose box of the site and the support portal. No texts here.
 */
import type { Basis, Diagnosis, ExplainInput } from './explain.ts';
import type { RetryPolicy } from './generated/types.ts';
import { type OutcomeKind, waitsAfter } from './outcome.ts';
import { ID_WORDS } from './nearest.ts';
import { findRecord, METHODS, type Method } from './records.ts';
import { type FoundResponse, methodNamesInEnglish, methodOfQuestion, readResponses } from './response-text.ts';

/**
 * A question around one code (`stop 206 怎么办`, `433是什么意思`, `what does 65 mean on query`): that code, and the
 * method the question names. undefined where it names no number, or more than one.
 */
export function codeInQuestion(query: string): { code: string; method?: Method } | undefined {
  // The methods' Chinese names as the API's (`停止云端录制 返回 206` asks of stop).
  const words = methodNamesInEnglish(query)
    .replace(/(\d)(?=\p{Script=Han})|(\p{Script=Han})(?=\d)/gu, '$1$2 ')
    .split(/[\s,，。？?!！:：;；()（）"'`]+/)
    .filter(Boolean);
  const at = words.flatMap((w, i) => (/^\d{1,4}$/.test(w) ? [i] : []));
  if (at.length !== 1 || ID_WORDS.test(words[at[0] - 1] ?? '')) return undefined;
  // Of the methods it names, the one nearest the code ("query 404 after start succeeded": `query`), before it on a tie.
  let method: Method | undefined;
  let distance = Infinity;
  words.forEach((w, i) => {
    const named = METHODS.find((m) => w.toLowerCase() === m.toLowerCase());
    const d = Math.abs(i - at[0]) + (i > at[0] ? 0.5 : 0);
    if (named && d < distance) [method, distance] = [named, d];
  });
  return { code: words[at[0]], ...(method && { method }) };
}

/** Where a response was: a line of a file (or of the paste, file undefined). */
export type Place = { file?: string; line: number };

export type Finding = {
  /** What makes two responses the same finding. */
  key: string;
  count: number;
  first: Place;
  last: Place;
  /** The first response of the finding, as found. */
  response: FoundResponse;
  /** Its diagnosis (every response of the finding has the same). */
  diagnosis: Diagnosis;
  /** Whether someone (or the client's retry logic) has to act on it: not when the log shows it settled (below). */
  needsAction: boolean;
  /** How many of its responses a later success of the same call in the log answered (retried, or started anew), and where the first was. */
  answered: number;
  answeredAt?: Place;
  /** A `query`, `update` or `stop` that found the task gone after the log's own `stop` of it (there): expected, nothing to do. */
  afterStop?: Place;
};

/** What is left once `limit` distinct findings were kept: counted, not told apart. */
export type OtherFindings = { count: number; needsAction: number; first?: Place; last?: Place };

/** Outcomes, worst first: what needs a person, then what a client's retry logic handles, then what is fine. */
const WORST_FIRST: readonly OutcomeKind[] = ['contact-support', 'undecided', 'fix-account', 'fix-credentials', 'fix-request', 'gone', 'acquire-again', 'retry', 'in-progress', 'already-done', 'success'];
/** The outcomes that ask nothing of anyone: done, still running, or already in place. */
const NO_ACTION: ReadonlySet<OutcomeKind> = new Set(['success', 'in-progress', 'already-done']);

/** Does the diagnosis ask someone (or a client's retry logic) to act? */
export const needsAction = (d: Diagnosis): boolean =>
  // A "success" that is not ok and names no code asks a person to look: a query whose recording or sub-service
  // state the catalog lacks (`"status": 99`). A status alone that the body code decides is `undecided`, which needs action anyway.
  !NO_ACTION.has(d.outcome.kind) || (d.outcome.kind === 'success' && !d.ok && d.code === undefined && d.message === undefined);

/** A diagnosis that cannot decide (explain()'s outcome `undecided`): a heading says so instead of a step. */
export const undecided = (d: Diagnosis): boolean => d.outcome.kind === 'undecided';

/**
 * A finding's heading and next step, in `words` (a place written by `at`): its diagnosis's, unless the log settles
 * it: a call after its task's own `stop` is expected; `settled` says which of its responses a later success answered.
 */
export function findingSteps(f: Finding, words: FindingWords, label: (p: RetryPolicy) => string, at: (p: Place) => string): { heading: string; next: string; settled?: string } {
  const d = f.diagnosis;
  if (f.afterStop && d.method) return { heading: words.expected, next: words.afterStop(d.method, at(f.afterStop)) };
  const settled = f.answeredAt && d.method ? words.answered(d.method, f.answered, f.count, at(f.answeredAt)) : undefined;
  // All settled: what settled them is the next step (not the retry the log already made).
  if (settled && f.answered >= f.count) return { heading: words.settled, next: settled };
  // The waits as the next step gives them, after the server's Retry-After.
  const step = d.outcome.kind === 'retry' && d.retry.action === 'retry' ? { ...d.retry, delaysMs: waitsAfter(d.retry.delaysMs, d.outcome.retryAfterMs) } : d.retry;
  return { heading: undecided(d) ? words.undecided : label(step), next: d.next, ...(settled && { settled }) };
}

/**
 * JSON text of a body cut short, cut where it was. Where the reader knows the path being read at the cut
 * (`serverResponse.subServiceStatus.uploaderService`), the objects and arrays on it are left open, the rest closed;
 * else the last entry of each, down to the deepest (the reader fills them in order). A comma follows the last whole
 * value (a value, not a number that may go on): `{"serverResponse":{"status":5,"subServiceStatus":{"recordingService":
 * "serviceInProgress",` is cut inside `subServiceStatus`; `{"serverResponse":{…},` between the top's fields.
 */
function cutJson(value: object, path?: string[]): string {
  const entries: [string, unknown, string][] = Array.isArray(value)
    ? value.map((v, i) => ['', v, String(i)])
    : Object.entries(value).map(([k, v]) => [`${JSON.stringify(k)}:`, v, k]);
  const [head, ...rest] = path ?? [];
  const open = path ? entries.findIndex((e) => e[2] === head) : entries.length - 1;
  const parts = entries.map(([key, v], i) =>
    i !== open ? key + JSON.stringify(v) : v && typeof v === 'object' ? key + cutJson(v, path && rest) : `${key}${JSON.stringify(v)},`,
  );
  // The key being read when the cut came, its value lost (`{"code":5`: 53, 501 or 502?), stays named.
  const cutKey = open < 0 && head && !Array.isArray(value) ? `${JSON.stringify(head)}:` : '';
  return (Array.isArray(value) ? '[' : '{') + parts.join(',') + (open < 0 && (parts.length || cutKey) ? (parts.length ? ',' : '') + cutKey : '');
}

/**
 * The input explain() takes for a response found in a text, with a method to
 * use where the text names none. A body cut short is handed on as JSON cut
 * short where it was cut (cutJson), so that explain() reads it as the half body it is.
 */
export function explainInput(found: FoundResponse, method?: Method): ExplainInput {
  const path = found.cut?.split(/\.|\[(\d+)\]/).filter((p) => p);
  const body = found.partial && found.body && typeof found.body === 'object' ? cutJson(found.body, found.cut === undefined ? undefined : path) : found.body;
  const chosen = found.method ?? method;
  return {
    ...(found.status !== undefined && { status: found.status }),
    ...(body !== undefined && { body }),
    ...(chosen && { method: chosen }),
    ...(found.verb && { verb: found.verb }),
    ...(found.headers && { headers: found.headers }),
  };
}

/**
 * A pasted text as `agora-rec-codes explain` hands it to explain(): each response the paste reader finds in it
 * (else the text as a body), with the lines it is on. The method of a response that names none is `method`, else
 * the one a question in Chinese around the paste names; `method` and `status`, when given, win.
 */
export function pastedInputs(text: string, given: { method?: Method; status?: number } = {}): { input: ExplainInput; lines?: [number, number] }[] {
  const found = readResponses(text);
  const chosen = { ...(given.method && { method: given.method }), ...(given.status !== undefined && { status: given.status }) };
  const method = given.method ?? methodOfQuestion(text);
  if (!found.length) {
    // A question with no response in it (`is 206 on stop bad?`, `query 返回 7 是什么意思`): the code or status it asks about, on its method.
    const asked = /[{<]/.test(text) || !/[?？吗呢]|\b(?:what|why|how|is|does|do|should|can)\b|什么|为什么|怎么|是不是|咋|啥|如何/i.test(text) ? undefined : codeInQuestion(text);
    if (asked) {
      const number = Number(asked.code);
      const isStatus = /(?:http|status|状态码?)\s*$/i.test(text.slice(0, text.indexOf(asked.code))) || !findRecord(number, 'error-code');
      const input: ExplainInput = isStatus && findRecord(number, 'http-status') ? { status: number } : { body: { code: number } };
      return [{ input: { ...input, ...(asked.method && { method: asked.method }), ...(method && { method }), ...chosen } }];
    }
    return [{ input: { body: text, ...(method && { method }), ...chosen } }];
  }
  return found.map((f) => ({ input: { ...explainInput(f, method), ...chosen }, lines: [f.line, f.endLine] }));
}

function keyOf(d: Diagnosis): string {
  return JSON.stringify([
    d.method ?? '',
    d.status ?? '',
    d.outcome,
    d.known,
    d.body,
    d.records.map((r) => r.ref),
    d.records.length ? '' : (d.code ?? d.message ?? ''),
    d.notes,
  ]);
}

const placeOf = (file: string | undefined, line: number): Place => (file !== undefined ? { file, line } : { line });

function moveTo(place: Place, file: string | undefined, line: number): void {
  if (file !== undefined) place.file = file;
  else delete place.file;
  place.line = line;
}

const rank = (f: Finding) => WORST_FIRST.indexOf(f.diagnosis.outcome.kind);

/** What a response says of the task it is about: channel, UID, resource ID, recording ID (its body's, else its URL's; undefined where neither says). */
type TaskIds = (string | undefined)[];
function taskIds(found: FoundResponse, d: Diagnosis): TaskIds {
  const body = (found.body && typeof found.body === 'object' ? found.body : {}) as Record<string, unknown>;
  const said = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  return [said(body.cname), said(body.uid), d.resourceId ?? found.resourceId, d.sid ?? found.sid];
}
/** Lines within which two responses, one of which names no task, are taken as one call and its retry (a client's retry loop). */
const NEAR_LINES = 50;
/**
 * Whether two responses are about one task: no value both give differs, and at least one is given by both; or, where
 * one of them names no task, they are `near`. `upTo` 2 compares only channel and UID (a task started anew gets a new resource ID).
 */
function oneTask(a: TaskIds, b: TaskIds, near: boolean, upTo = 4): boolean {
  let shared = false;
  let named = [false, false];
  for (let i = 0; i < upTo; i++) {
    named = [named[0] || a[i] !== undefined, named[1] || b[i] !== undefined];
    if (a[i] === undefined || b[i] === undefined) continue;
    if (a[i] !== b[i]) return false;
    shared = true;
  }
  return shared || (near && !(named[0] && named[1]));
}
/** Calls on a task that a `stop` ends: after it they find the task gone, as the sources say (501 or 404 on `query` after `stop`). */
const ENDED_BY_STOP: ReadonlySet<Method | undefined> = new Set(['query', 'update', 'updateLayout', 'stop']);
/** Failures a later success of the same call settles: what a client's retry logic (or a new `acquire`) does. */
const SETTLED_BY_SUCCESS: ReadonlySet<OutcomeKind> = new Set(['retry', 'acquire-again']);
/** Calls remembered for linking, each list at most this long (memory stays bounded). */
const REMEMBERED = 1000;

/**
 * Counts responses into findings. At most `limit` distinct findings are kept
 * (memory stays bounded whatever the log holds); the rest are only counted.
 */
export class Findings {
  private readonly byKey = new Map<string, Finding>();
  readonly others: OtherFindings = { count: 0, needsAction: 0 };
  responses = 0;

  private readonly explain: (input: ExplainInput) => Diagnosis;
  private readonly limit: number;
  /** Successful `stop`s, and failures waiting for a later success of the same call, the latest last. */
  private readonly stops: { ids: TaskIds; at: Place }[] = [];
  private readonly waiting: { method: Method; ids: TaskIds; at: Place; finding: Finding }[] = [];

  constructor(explain: (input: ExplainInput) => Diagnosis, limit = 1000) {
    this.explain = explain;
    this.limit = limit;
  }

  /**
   * Count one response; `file` names where it was read (several files in one
   * scan); `method` is the method of a response that names none, or of every
   * response with `chosen` (a person picked it).
   */
  add(found: FoundResponse, options: { file?: string; method?: Method; chosen?: boolean } = {}): Finding | undefined {
    this.responses++;
    const input = options.chosen && options.method ? { ...found, method: undefined } : found;
    const diagnosis = this.explain(explainInput(input, options.method));
    const { method, outcome } = diagnosis;
    const ids = taskIds(found, diagnosis);
    const here = placeOf(options.file, found.line);
    const near = (at: Place) => at.file === here.file && here.line - at.line <= NEAR_LINES;
    let stop: Place | undefined;
    if (outcome.kind === 'gone' && ENDED_BY_STOP.has(method))
      for (let i = this.stops.length; i-- && !stop; ) if (oneTask(this.stops[i].ids, ids, near(this.stops[i].at))) stop = this.stops[i].at;
    const finding = this.count(found, diagnosis, stop, options);
    if (method && finding) {
      const remember = <T>(list: T[], item: T) => list.push(item) > REMEMBERED && list.shift();
      if (method === 'stop' && NO_ACTION.has(outcome.kind)) remember(this.stops, { ids, at: here });
      if (SETTLED_BY_SUCCESS.has(outcome.kind)) remember(this.waiting, { method, ids, at: here, finding });
      // A retry answered "already done" (7 after a `start` that timed out, 49 after a `stop`) settles the failure as a success does.
      if (outcome.kind === 'success' || outcome.kind === 'already-done')
        for (let i = this.waiting.length; i--; ) {
          const w = this.waiting[i];
          if (w.method !== method || !oneTask(w.ids, ids, near(w.at), w.finding.diagnosis.outcome.kind === 'acquire-again' ? 2 : 4)) continue;
          w.finding.answered++;
          w.finding.answeredAt ??= here;
          this.settle(w.finding);
          this.waiting.splice(i, 1);
        }
    }
    return finding;
  }

  /** A finding needs action when its diagnosis does, unless the log shows every one of its responses settled. */
  private settle(f: Finding): void {
    f.needsAction = needsAction(f.diagnosis) && !f.afterStop && f.answered < f.count;
  }

  /** Count a response into its finding (a new one when none has its diagnosis and, after a `stop` of its task, `afterStop`). */
  private count(found: FoundResponse, diagnosis: Diagnosis, afterStop: Place | undefined, options: { file?: string; method?: Method; chosen?: boolean }): Finding | undefined {
    const key = afterStop ? `${keyOf(diagnosis)} after stop` : keyOf(diagnosis);
    const known = this.byKey.get(key);
    // A finding's last place is updated in place: no object per response outlives it (a log of
    // millions of responses would otherwise leave as many behind for the garbage collector).
    if (known) {
      known.count++;
      moveTo(known.last, options.file, found.endLine);
      this.settle(known);
      return known;
    }
    if (this.byKey.size >= this.limit) {
      this.others.count++;
      if (needsAction(diagnosis)) this.others.needsAction++;
      this.others.first ??= placeOf(options.file, found.line);
      if (this.others.last) moveTo(this.others.last, options.file, found.endLine);
      else this.others.last = placeOf(options.file, found.endLine);
      return undefined;
    }
    // A finding is kept to the end: its response is copied out of the line it was read from (a
    // string cut from a line can keep the whole line, up to 64 KB, alive in V8), and diagnosed again.
    const response = structuredClone(found);
    const kept = this.explain(explainInput(options.chosen && options.method ? { ...response, method: undefined } : response, options.method));
    const finding: Finding = { key, count: 1, first: placeOf(options.file, found.line), last: placeOf(options.file, found.endLine), response, diagnosis: kept, needsAction: false, answered: 0, ...(afterStop && { afterStop: { ...afterStop } }) };
    this.settle(finding);
    this.byKey.set(key, finding);
    return finding;
  }

  /** The findings, worst first; among equals the most frequent, then the earliest (the sort is stable). */
  list(): Finding[] {
    return [...this.byKey.values()].sort((a, b) => rank(a) - rank(b) || b.count - a.count);
  }

  /** Does anything found need action? */
  get needAction(): boolean {
    return this.others.needsAction > 0 || [...this.byKey.values()].some((f) => f.needsAction);
  }
}

/* Words about where a finding was, how its method was read and where its advice comes from (the diagnosis has its own). */
/** Where a finding was, how its method was read and where its advice comes from, in one language. */
export type FindingWords = {
  /** The heading of a finding that cannot be decided (see undecided). */
  undecided: string;
  methodFromLine: (line: number) => string;
  lines: (first: string, last: string) => string;
  times: (n: number) => string;
  /** Where the advice comes from; `next`: the next step as said, so that advice of ours it already says is not said twice. */
  basis: (b: Basis, next?: string) => string;
  /** The heading and next step of a call that found its task gone after the log's own `stop` of it (at `line`). */
  expected: string;
  afterStop: (method: Method, line: string) => string;
  /** Responses of a finding that a later success of the same call settled: `n` of `count`, the first success at `line`. */
  answered: (method: Method, n: number, count: number, line: string) => string;
  /** The heading of a finding every response of which was settled (its next step: what settled it). */
  settled: string;
};

export const FINDING_WORDS_EN: FindingWords = {
  undecided: 'Not enough to decide',
  methodFromLine: (line) => `The method is the one of the request on line ${line}.`,
  lines: (first, last) => (first === last ? `line ${first}` : `lines ${first}–${last}`),
  times: (n) => `${n.toLocaleString('en')}×`,
  expected: 'Expected after stop',
  settled: 'Settled later',
  afterStop: (method, line) =>
    `The \`stop\` on line ${line} ended this task, so a later \`${method}\` no longer finds it: that is expected, and there is nothing to do. Check the recorded files in your storage.`,
  answered: (method, n, count, line) =>
    `${n === count ? (count === 1 ? 'It was' : 'All were') : `${n} of ${count} were`} settled: the same \`${method}\` succeeded later (line ${line}).${n === count ? ' Nothing is left to do.' : ''}`,
  basis: (b, next) =>
    (b.by === 'agora' ? `Agora's documentation says so (source: ${b.source}).` : String(next).includes(b.why) ? 'The next step is our advice.' : /^Our advice/.test(b.why) ? b.why : `Our advice: ${b.why}`) +
    (b.then ? (b.then.by === 'agora' ? ` The step after the retries is from Agora's documentation too (source: ${b.then.source}).` : ` The step after the retries is our advice: ${b.then.why}`) : ''),
};

export const FINDING_WORDS_ZH: FindingWords = {
  undecided: '信息不足，无法判断',
  methodFromLine: (line) => `方法取自第 ${line} 行的请求。`,
  lines: (first, last) => (first === last ? `第 ${first} 行` : `第 ${first}–${last} 行`),
  times: (n) => `${n} 次`,
  expected: '停止后的正常结果',
  settled: '之后已解决',
  afterStop: (method, line) => `第 ${line} 行的 \`stop\` 已结束该任务，之后的 \`${method}\` 自然找不到它：这是正常的，无需处理。请到你的存储中核对录制文件。`,
  answered: (method, n, count, line) =>
    `${n === count ? (count === 1 ? '这次失败' : '这些失败') : `其中 ${n} 次（共 ${count} 次）`}已经解决：之后同一个 \`${method}\` 成功了（第 ${line} 行）。${n === count ? '无需再处理。' : ''}`,
  basis: (b, next) =>
    (b.by === 'agora' ? `依据声网文档（来源：${b.source}）。` : String(next).includes(b.why) ? '下一步是我们的建议。' : /^这是我们的建议/.test(b.why) ? b.why : `这是我们的建议：${b.why}`) +
    (b.then ? (b.then.by === 'agora' ? `重试都失败后的下一步同样依据声网文档（来源：${b.then.source}）。` : `重试都失败后的下一步是我们的建议：${b.then.why}`) : ''),
};

/** Both languages (the command line); a page of one language imports its own. */
export const FINDING_WORDS: Record<'en' | 'zh', FindingWords> = { en: FINDING_WORDS_EN, zh: FINDING_WORDS_ZH };
