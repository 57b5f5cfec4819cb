/**
 * @org/agora-rec-codes — every error code, HTTP status and service state of
 * the Agora Cloud Recording REST API, with texts in Chinese and English.
 * For one language only, import '@org/agora-rec-codes/zh' or '/en'.
 */
import { TEXTS as EN } from './generated/texts.en.ts';
import { TEXTS as ZH } from './generated/texts.zh.ts';
import { type Explainer, type FromResponseOptions, fromResponseIn, type ResponseLike, type WithRetryOptions, withRetryIn } from './client.ts';
import { type Diagnosis, type ExplainInput, type ExplainOptions, explainIn } from './explain.ts';
import { PHRASES } from './messages.ts';
import { allRecordsIn, type CatalogRecord, type Locale, type LookupOptions, lookupIn, type Method } from './records.ts';

export * from './constants.ts';
export { validateChannelName, CHANNEL_NAME, type ChannelNameCheck } from './channel-name.ts';
export { describeRetry, retryLabel } from './messages.ts';
export { docUrl, normalizeQuery, retryPolicy, METHODS, type CatalogRecord, type RecordOfKind, type Kind, type Locale, type Meaning, type Method, type RetryPolicy, type LookupOptions } from './records.ts';
export type { Basis, Diagnosis, ExplainInput, ExplainOptions, HeadersLike, StateReading } from './explain.ts';
export { OUTCOME_KINDS, POLL_AFTER_MS, type Outcome, type OutcomeKind } from './outcome.ts';
export { RecordingError, type FromResponseOptions, type RetryEvent, type WithRetryOptions } from './client.ts';

const BOTH = { zh: ZH, en: EN };

/** Find a record by code, numeric string, constant name, message text or state name (English unless `locale: 'zh'`). */
export function lookup(query: number | string, options?: LookupOptions): CatalogRecord | undefined {
  return lookupIn(BOTH, 'en', query, options);
}

/** Explain a Cloud Recording response: what it means, the one thing to do next (`outcome`), in words. Never throws. */
export function explain(input: ExplainInput, options?: ExplainOptions): Diagnosis {
  return explainIn(BOTH, PHRASES, 'en', input, options);
}

/** Every record, in catalog order. */
export function allRecords(locale: Locale = 'en'): CatalogRecord[] {
  return allRecordsIn(BOTH, locale);
}

const EXPLAINER: Explainer = { explain, phrases: (locale) => PHRASES[locale === 'zh' ? 'zh' : 'en'] };

/** Explain a fetch Response of `method`; reads its body once (clone it first to read it yourself). Never throws. */
export function fromResponse(res: ResponseLike, method: Method, options?: FromResponseOptions): Promise<Diagnosis> {
  return fromResponseIn(EXPLAINER, res, method, options);
}

/**
 * Send a request until it is done, retrying on the catalog's schedule;
 * resolves with the Response of a success, an in-progress `query` or an
 * already-done request, else rejects with a RecordingError.
 */
export function withRetry(call: () => Promise<Response>, options: WithRetryOptions): Promise<Response> {
  return withRetryIn(EXPLAINER, call, options);
}
