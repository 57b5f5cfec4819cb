/**
 * @org/agora-rec-codes in a browser bundle (the `browser` condition of the
 * root): the same API as the root in Node, in English only, so that a page
 * that imports the root carries one language. Chinese is
 * '@org/agora-rec-codes/zh'; a page that switches language at run time
 * imports both '/zh' and '/en' and picks one.
 *
 * `locale: 'zh'` is accepted and answered in English; explain() says so in
 * its notes, and every record says `locale: 'en'`.
 */
import { type Explainer, type FromResponseOptions, fromResponseIn, type ResponseLike, type WithRetryOptions, withRetryIn } from './client.ts';
import { type Diagnosis, type ExplainArgument, type ExplainOptions, explainIn } from './explain.ts';
import { allRecordsIn, lookupIn } from './language.ts';
import { EN, EN_DETAILS } from './languages/en.ts';
import { CLIENT_WORDS_EN, PHRASES_EN } from './phrases/en.ts';
import type { CatalogRecord, Locale, LookupOptions, Method, RetryPolicy } from './records.ts';
import { field } from './response.ts';

export * from './neutral.ts';

/** The note of a diagnosis asked for in Chinese. */
const ENGLISH_ONLY = "Chinese is not in this bundle: in a browser the package root speaks English; import from '@org/agora-rec-codes/zh' for Chinese.";

/** Find a record by code, numeric string, constant name, message text or state name (in English). */
export function lookup(query: number | string, options?: LookupOptions): CatalogRecord | undefined {
  return lookupIn(EN, EN_DETAILS, query, options);
}

/** Explain a Cloud Recording response: what it means, the one thing to do next (`outcome`), in words (English). Never throws. */
export function explain(input: ExplainArgument, options?: ExplainOptions): Diagnosis {
  const diagnosis = explainIn(EN, PHRASES_EN, input, options);
  const locale = field(options, 'locale');
  if (typeof locale === 'string' && /^zh(?:$|[-_])/i.test(locale)) diagnosis.notes.push(ENGLISH_ONLY);
  return diagnosis;
}

/** Every record, in catalog order (in English). */
export function allRecords(_locale?: Locale): CatalogRecord[] {
  return allRecordsIn(EN, EN_DETAILS);
}

/** A next step in words (in English). */
export function describeRetry(policy: RetryPolicy, _locale?: Locale): string {
  return PHRASES_EN.describeRetry(policy);
}

/** A next step as a short label (in English). */
export function retryLabel(policy: RetryPolicy, _locale?: Locale): string {
  return PHRASES_EN.retryLabel(policy);
}

const EXPLAINER: Explainer = { explain, phrases: () => PHRASES_EN, words: () => CLIENT_WORDS_EN };

/** Explain a fetch Response of `method`; reads its body once (clone it first to read it yourself). Never throws. */
export function fromResponse(res: ResponseLike, method: Method, options?: FromResponseOptions): Promise<Diagnosis> {
  return fromResponseIn(EXPLAINER, res, method, options);
}

/**
 * Send a request until it is done, retrying on the catalog's schedule;
 * resolves with the Response of a success, an in-progress `query` or an
 * already-done request, else rejects with a RecordingError.
 */
export function withRetry<R = Response>(call: () => Promise<R>, options: WithRetryOptions<R>): Promise<R> {
  return withRetryIn(EXPLAINER, call, options);
}
