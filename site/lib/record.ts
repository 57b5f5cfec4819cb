/**
 * What the pages say about one record, as pure functions (no Astro): its URL,
 * the code as shown, the methods it occurs on, whether it is retryable. The
 * tests import these too.
 */
import { SOURCE_RANKS } from '../../src/generated/records.ts';
import { bodyCodeMeanings, isRetry, meaningMethods as methodsOfMeaning, pickMeaning, recordMethods as methodsOfRecord } from '../../src/meaning.ts';
import { recordPath } from '../../src/paths.ts';
import { type Basis, type CatalogRecord, KINDS, METHODS, type Method, type RetryPolicy } from '../../scripts/catalog/schema.ts';
import { type Lang, retryText } from './i18n.ts';

/** Which methods a record occurs on is the package's rule (src/meaning.ts), the same for explain() and the pages. */
export { FOUND_ON, isStateKind, placesRecord } from '../../src/meaning.ts';
/** The methods a meaning applies to (src/meaning.ts meaningMethods). */
export const meaningMethods = (r: Pick<CatalogRecord, 'kind'>, m: { methods?: readonly Method[] }): Method[] => methodsOfMeaning(r, m, METHODS);
/** The methods a record occurs on, in API order (src/meaning.ts recordMethods). */
export const recordMethods = (r: CatalogRecord): Method[] => methodsOfRecord(r, METHODS);

export type Rec = CatalogRecord & { file?: string };

export const href = (r: Pick<CatalogRecord, 'kind' | 'code'>, lang: Lang): string =>
  recordPath(KINDS[r.kind].segment, r.code, lang);

/** What a reader recognises a record by: the number, the message, the state name. */
export const displayCode = (r: CatalogRecord): string => (r.kind === 'message-error' ? r.message : String(r.code));

/** True when a list of methods is all of them. */
export const everyMethod = (methods: readonly string[]): boolean => methods.length === METHODS.length;

/** Where a policy's step after its retries comes from, when not from its basis (RetryPolicy's thenBasis). */
export const thenBasisOf = (policy: RetryPolicy): Basis | undefined => ('thenBasis' in policy ? policy.thenBasis : undefined);

/** A next step where the body code decides: the codes that call for it (in the order the meanings give them) and the step. */
export type CodeStep = { codes: number[]; policy: RetryPolicy };
/**
 * The next step on a method: the policy that applies there (explain()'s and
 * retryPolicy()'s), and, where the response's body code decides between
 * different steps (HTTP 206 on `stop`: 65 retry, 435 nothing to do), the step
 * of each code — then `policy` is the step for a response with no body code.
 */
export type MethodStep = { policy: RetryPolicy; byCode?: CodeStep[] };
/** The next steps on some methods, said once for all of them. */
export type StepGroup = MethodStep & { methods: Method[] };

/** Two policies are the same step when they read the same (in the package's words) on the same basis. */
const policyKey = (p: RetryPolicy) => JSON.stringify([retryText(p, 'en'), p.basis ?? null, thenBasisOf(p) ?? null]);
const stepKey = (s: MethodStep) => JSON.stringify([policyKey(s.policy), s.byCode?.map((c) => [c.codes, policyKey(c.policy)]) ?? null]);

/**
 * The next step of a record on a method, by the package's one rule
 * (src/meaning.ts): the meaning picked for the method, else the record's own
 * policy; for each body code the method's meanings stand for, the meaning
 * picked for a response with that code. The codes count only where they call
 * for different steps.
 */
export function stepOn(r: CatalogRecord, method: Method): MethodStep {
  const policy = retryOn(r, method);
  const byCode: CodeStep[] = [];
  for (const { code, meaning } of bodyCodeMeanings(r.meanings, method, SOURCE_RANKS)) {
    if (typeof code !== 'number') continue;
    const step = meaning?.retry ?? r.retry;
    const same = byCode.find((c) => policyKey(c.policy) === policyKey(step));
    if (same) same.codes.push(code);
    else byCode.push({ codes: [code], policy: step });
  }
  return new Set(byCode.map((c) => retryText(c.policy, 'en'))).size > 1 ? { policy, byCode } : { policy };
}

/**
 * What to do, per method: the methods the record occurs on grouped by their
 * next step (stepOn()); methods whose steps read the same (in the package's
 * words, on the same basis) share a group. Groups where the body code decides
 * come first: a reader must read the code before anything else applies. In API
 * order otherwise. One group with no methods when the record names none.
 */
export function nextSteps(r: CatalogRecord): StepGroup[] {
  const groups = new Map<string, StepGroup>();
  for (const method of recordMethods(r)) {
    const step = stepOn(r, method);
    const key = stepKey(step);
    const group = groups.get(key);
    if (group) group.methods.push(method);
    else groups.set(key, { methods: [method], ...step });
  }
  const all = [...groups.values()];
  return all.length ? [...all.filter((g) => g.byCode), ...all.filter((g) => !g.byCode)] : [{ methods: [], policy: r.retry }];
}

/** Whether sending again (possibly after a new acquire) can succeed after this step: on some body code, where the code decides. */
export const stepRetries = (s: MethodStep): boolean => isRetry(s.policy) || (s.byCode ?? []).some((c) => isRetry(c.policy));

/**
 * The page's title: code and title, said once. A title that already holds the
 * code as a word ("Invalid App ID (invalid appid)", "Connecting") is the title alone.
 */
export function pageTitle(r: CatalogRecord, lang: Lang): string {
  const title = r.title[lang].replace(/`/g, '').trim();
  const code = displayCode(r);
  const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:$|[^\\p{L}\\p{N}])`, 'iu').test(title) ? title : `${code} ${title}`;
}

/** The class of a code span in a table: `wrap` when it holds a space (a request line may wrap there), else none. */
export const codeClass = (text: string): string | undefined => (/\s/.test(text) ? 'wrap' : undefined);

/** A record is retryable when sending again (possibly after a new acquire) can succeed, by default or on some method. */
export const isRetryable = (r: CatalogRecord): boolean => [r.retry, ...r.meanings.map((m) => m.retry)].some((p) => p && isRetry(p));

/** True where more than one source gives a meaning (62, 501 …): the page shows each, marked by source and method. */
export function sourcesDisagree(r: CatalogRecord): boolean {
  return new Set(r.meanings.map((m) => m.source)).size > 1;
}

/** The retry policy that applies to a record on a method: that of the meaning the package picks, else the record's. */
export function retryOn(r: CatalogRecord, method?: Method): RetryPolicy {
  return pickMeaning(r.meanings, method, SOURCE_RANKS)?.retry ?? r.retry;
}
