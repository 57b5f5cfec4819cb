/**
 * What the pages say about one record, as pure functions (no Astro): its URL,
 * the code as shown, the methods it occurs on, whether it is retryable. The
 * tests import these too.
 */
import { SOURCE_RANKS } from '../../src/generated/records.ts';
import { isRetry, pickMeaning } from '../../src/meaning.ts';
import { recordPath } from '../../src/paths.ts';
import { type Basis, type CatalogRecord, type Kind, KINDS, METHODS, type Method, type RetryPolicy } from '../../scripts/catalog/schema.ts';
import { type Lang, retryText } from './i18n.ts';

export type Rec = CatalogRecord & { file?: string };

export const href = (r: Pick<CatalogRecord, 'kind' | 'code'>, lang: Lang): string =>
  recordPath(KINDS[r.kind].segment, r.code, lang);

/** What a reader recognises a record by: the number, the message, the state name. */
export const displayCode = (r: CatalogRecord): string => (r.kind === 'message-error' ? r.message : String(r.code));

/**
 * The method whose response carries a value of each kind that is not an error:
 * service states, recording statuses, extension and output states are read from
 * `query`, upload statuses from `stop`.
 */
export const FOUND_ON: Partial<Record<Kind, Method>> = {
  'service-state': 'query',
  'recording-status': 'query',
  'extension-state': 'query',
  'output-status': 'query',
  'upload-status': 'stop',
};

/** The methods a meaning applies to: those it names; else the one its kind is found on; else every method. */
export const meaningMethods = (r: Pick<CatalogRecord, 'kind'>, m: { methods?: readonly Method[] }): Method[] => {
  if (m.methods) return [...m.methods];
  const on = FOUND_ON[r.kind];
  return on ? [on] : [...METHODS];
};

/** The methods a record occurs on, in API order. */
export function recordMethods(r: CatalogRecord): Method[] {
  const set = new Set(r.meanings.flatMap((m) => meaningMethods(r, m)));
  if (set.size === 0 && FOUND_ON[r.kind]) set.add(FOUND_ON[r.kind]!);
  return METHODS.filter((m) => set.has(m));
}

/** True when a list of methods is all of them. */
export const everyMethod = (methods: readonly string[]): boolean => methods.length === METHODS.length;

/** Where a policy's step after its retries comes from, when not from its basis (RetryPolicy's thenBasis). */
export const thenBasisOf = (policy: RetryPolicy): Basis | undefined => ('thenBasis' in policy ? policy.thenBasis : undefined);

/**
 * What to do, per method: the record's methods grouped by the policy that
 * applies on each (the one explain() and retryPolicy() give), in API order;
 * methods whose policies read the same (in the package's words) share a group.
 * One group with no methods when the record names none.
 */
export function nextSteps(r: CatalogRecord): { methods: Method[]; policy: RetryPolicy }[] {
  const groups = new Map<string, { methods: Method[]; policy: RetryPolicy }>();
  for (const method of recordMethods(r)) {
    const policy = retryOn(r, method);
    // Methods whose next step reads the same, on the same basis, are one group.
    const key = JSON.stringify([retryText(policy, 'en'), policy.basis ?? null, thenBasisOf(policy) ?? null]);
    const group = groups.get(key);
    if (group) group.methods.push(method);
    else groups.set(key, { methods: [method], policy });
  }
  return groups.size ? [...groups.values()] : [{ methods: [], policy: r.retry }];
}

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
