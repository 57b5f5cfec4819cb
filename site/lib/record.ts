/**
 * What the pages say about one record, as pure functions (no Astro): its URL,
 * the code as shown, the methods it occurs on, whether it is retryable. The
 * tests import these too.
 */
import { SOURCE_RANKS } from '../../src/generated/records.ts';
import { isRetry, pickMeaning } from '../../src/meaning.ts';
import { recordPath } from '../../src/paths.ts';
import { type CatalogRecord, KINDS, METHODS, type Method, type RetryPolicy } from '../../scripts/catalog/schema.ts';
import type { Lang } from './i18n.ts';
import { REPO_URL } from './repo.ts';

export type Rec = CatalogRecord & { file?: string };

export const href = (r: Pick<CatalogRecord, 'kind' | 'code'>, lang: Lang): string =>
  recordPath(KINDS[r.kind].segment, r.code, lang);

/** What a reader recognises a record by: the number, the message, the state name. */
export const displayCode = (r: CatalogRecord): string => (r.kind === 'message-error' ? r.message : String(r.code));

/** The file of a record in the repository's data folder, for "edit this record". */
export const editUrl = (r: Rec): string => `${REPO_URL}/edit/main/data/${r.file ?? ''}`;

/** The methods a record occurs on, in API order; all of them when a meaning applies to every method. */
export function recordMethods(r: CatalogRecord): Method[] {
  if (r.meanings.some((m) => !m.methods)) return [...METHODS];
  const set = new Set(r.meanings.flatMap((m) => m.methods ?? []));
  return METHODS.filter((m) => set.has(m));
}

/** A record is retryable when sending again (possibly after a new acquire) can succeed, by default or on some method. */
export const isRetryable = (r: CatalogRecord): boolean => [r.retry, ...r.meanings.map((m) => m.retry)].some((p) => p && isRetry(p));

/** The retry policies of a record: its default, then each meaning that says otherwise. */
export function retryPolicies(r: CatalogRecord): { policy: RetryPolicy; methods?: Method[]; source?: string }[] {
  const out: { policy: RetryPolicy; methods?: Method[]; source?: string }[] = [{ policy: r.retry }];
  for (const m of r.meanings) {
    if (m.retry && JSON.stringify(m.retry) !== JSON.stringify(r.retry)) out.push({ policy: m.retry, methods: m.methods, source: m.source });
  }
  return out;
}

/** True where more than one source gives a meaning (62, 501 …): the page shows each, marked by source and method. */
export function sourcesDisagree(r: CatalogRecord): boolean {
  return new Set(r.meanings.map((m) => m.source)).size > 1;
}

/** The retry policy that applies to a record on a method: that of the meaning the package picks, else the record's. */
export function retryOn(r: CatalogRecord, method?: Method): RetryPolicy {
  return pickMeaning(r.meanings, method, SOURCE_RANKS)?.retry ?? r.retry;
}
