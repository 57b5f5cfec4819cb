/**
 * Many responses → a few findings: responses that get the same diagnosis
 * (method, HTTP status, outcome, records, notes) are one finding, with how
 * often and where it occurred. Worst first: what needs a person before what a
 * retry may fix, before what is fine. Used by `agora-rec-codes scan` and by the
 * diagnose box of the site and the support portal. No texts here.
 */
import type { Diagnosis, ExplainInput } from './explain.ts';
import type { FoundResponse } from './response-text.ts';

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
  /** Whether someone (or the client's retry logic) has to act on it. */
  needsAction: boolean;
};

/** What is left once `limit` distinct findings were kept: counted, not told apart. */
export type OtherFindings = { count: number; needsAction: number; first?: Place; last?: Place };

/** The next step of a diagnosis, as the order of findings ranks it: worst first. */
const WORST_FIRST = ['contact-support', 'fix-account', 'fix-credentials', 'fix-request', 'gone', 'acquire-again', 'do-not-retry', 'retry', 'wait', 'poll', 'already-done', 'none'];
/** The next steps that ask nothing of anyone: success, in progress, already done. */
const NO_ACTION = new Set(['none', 'poll', 'wait', 'already-done']);

/** The kind of next step a diagnosis gives (its retry policy's action). */
export const stepOf = (d: Diagnosis): string => d.retry.action;

/** Does the diagnosis ask someone (or a client's retry) to act? */
export function needsAction(d: Diagnosis): boolean {
  return !(d.ok || NO_ACTION.has(stepOf(d)));
}

/** The input explain() takes for a response found in a text, with a method to use where the text names none. */
export function explainInput(found: FoundResponse, method?: string): ExplainInput {
  return {
    ...(found.status !== undefined && { status: found.status }),
    ...(found.body !== undefined && { body: found.body }),
    ...((found.method ?? method) && { method: found.method ?? method }),
    ...(found.headers && { headers: found.headers }),
  } as ExplainInput;
}

function keyOf(d: Diagnosis, found: FoundResponse): string {
  return JSON.stringify([
    d.method ?? '',
    d.status ?? '',
    stepOf(d),
    d.ok,
    d.known,
    d.records.map((r) => r.ref),
    d.records.length ? '' : (d.code ?? d.message ?? ''),
    d.notes,
    found.partial === true,
  ]);
}

const rank = (f: Finding) => {
  const i = WORST_FIRST.indexOf(stepOf(f.diagnosis));
  return (f.needsAction ? 0 : 100) + (i < 0 ? 50 : i);
};

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

  constructor(explain: (input: ExplainInput) => Diagnosis, limit = 1000) {
    this.explain = explain;
    this.limit = limit;
  }

  /**
   * Count one response; `file` names where it was read (several files in one
   * scan); `method` is the method of a response that names none, or of every
   * response with `chosen` (a person picked it).
   */
  add(found: FoundResponse, options: { file?: string; method?: string; chosen?: boolean } = {}): Finding | undefined {
    this.responses++;
    const input = options.chosen && options.method ? { ...found, method: undefined } : found;
    const diagnosis = this.explain(explainInput(input, options.method));
    const key = keyOf(diagnosis, found);
    const first: Place = { ...(options.file !== undefined && { file: options.file }), line: found.line };
    const last: Place = { ...first, line: found.endLine };
    const known = this.byKey.get(key);
    if (known) {
      known.count++;
      known.last = last;
      return known;
    }
    if (this.byKey.size >= this.limit) {
      this.others.count++;
      if (needsAction(diagnosis)) this.others.needsAction++;
      this.others.first ??= first;
      this.others.last = last;
      return undefined;
    }
    const finding: Finding = { key, count: 1, first, last, response: found, diagnosis, needsAction: needsAction(diagnosis) };
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

/** Words about where a finding was and how it was read, in each language (the diagnosis has its own). */
export const FINDING_WORDS = {
  en: {
    partialBody: 'The body was cut short: only what came before the cut was read.',
    methodFromLine: (line: number) => `The method is the one of the request on line ${line}.`,
    lines: (first: string, last: string) => (first === last ? `line ${first}` : `lines ${first}–${last}`),
    times: (n: number) => `${n.toLocaleString('en')}×`,
  },
  zh: {
    partialBody: '响应包体不完整：只读取了截断之前的部分。',
    methodFromLine: (line: number) => `方法取自第 ${line} 行的请求。`,
    lines: (first: string, last: string) => (first === last ? `第 ${first} 行` : `第 ${first}–${last} 行`),
    times: (n: number) => `${n} 次`,
  },
} as const;

/** The notes a found response adds to its diagnosis: a body cut short, a method read from an earlier line. */
export function foundNotes(found: FoundResponse, locale: 'zh' | 'en'): string[] {
  const words = FINDING_WORDS[locale];
  return [...(found.partial ? [words.partialBody] : []), ...(found.methodLine !== undefined ? [words.methodFromLine(found.methodLine)] : [])];
}
