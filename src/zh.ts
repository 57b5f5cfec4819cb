/**
 * @org/agora-rec-codes/zh — the whole API in Chinese (zh-CN), and no other language.
 */
import { type Explainer, type FromResponseOptions, fromResponseIn, type ResponseLike, type WithRetryOptions, withRetryIn } from './client.ts';
import { type Diagnosis, type ExplainArgument, type ExplainOptions, explainIn } from './explain.ts';
import { allRecordsIn, lookupIn } from './language.ts';
import { ZH, ZH_DETAILS } from './languages/zh.ts';
import { CLIENT_WORDS_ZH, PHRASES_ZH } from './phrases/zh.ts';
import type { CatalogRecord, LookupOptions, Method, RetryPolicy } from './records.ts';

export * from './neutral.ts';

/** Find a record by code, numeric string, constant name, message text or state name. */
export function lookup(query: number | string, options?: Omit<LookupOptions, 'locale'>): CatalogRecord | undefined {
  return lookupIn(ZH, ZH_DETAILS, query, options);
}

/** Explain a Cloud Recording response: what it means, the one thing to do next (`outcome`), in words. Never throws. */
export function explain(input: ExplainArgument, options?: Omit<ExplainOptions, 'locale'>): Diagnosis {
  return explainIn(ZH, PHRASES_ZH, input, options);
}

/** Every record, in catalog order. */
export function allRecords(): CatalogRecord[] {
  return allRecordsIn(ZH, ZH_DETAILS);
}

/** A next step in words. */
export function describeRetry(policy: RetryPolicy): string {
  return PHRASES_ZH.describeRetry(policy);
}

/** A next step as a short label. */
export function retryLabel(policy: RetryPolicy): string {
  return PHRASES_ZH.retryLabel(policy);
}

const EXPLAINER: Explainer = { explain, phrases: () => PHRASES_ZH, words: () => CLIENT_WORDS_ZH };

/** Explain a fetch Response of `method`; reads its body once (clone it first to read it yourself). Never throws. */
export function fromResponse(res: ResponseLike, method: Method, options?: Omit<FromResponseOptions, 'locale'>): Promise<Diagnosis> {
  return fromResponseIn(EXPLAINER, res, method, options);
}

/** Send a request until it is done, retrying on the catalog's schedule (see the root entry). */
export function withRetry<R = Response>(call: () => Promise<R>, options: Omit<WithRetryOptions<R>, 'locale'>): Promise<R> {
  return withRetryIn(EXPLAINER, call, options);
}
