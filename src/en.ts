/**
 * @org/agora-rec-codes/en — the same API with English texts only.
 */
import { TEXTS } from './generated/texts.en.ts';
import { type Explainer, type FromResponseOptions, fromResponseIn, type ResponseLike, type WithRetryOptions, withRetryIn } from './client.ts';
import { type Diagnosis, type ExplainInput, type ExplainOptions, explainIn } from './explain.ts';
import { PHRASES_EN } from './phrases/en.ts';
import { allRecordsIn, type CatalogRecord, type LookupOptions, lookupIn, type Method, type RetryPolicy } from './records.ts';

export * from './constants.ts';
export { validateChannelName, CHANNEL_NAME, type ChannelNameCheck } from './channel-name.ts';
export { docUrl, normalizeQuery, retryPolicy, METHODS, type CatalogRecord, type RecordOfKind, type Kind, type Locale, type Meaning, type Method, type RetryPolicy } from './records.ts';
export type { Basis, Diagnosis, ExplainInput, HeadersLike, StateReading } from './explain.ts';
export { OUTCOME_KINDS, POLL_AFTER_MS, type Outcome, type OutcomeKind } from './outcome.ts';
export { RecordingError, type RetryEvent } from './client.ts';

const ONE = { en: TEXTS };
const PHRASES = { en: PHRASES_EN };

/** Find a record by code, numeric string, constant name, message text or state name. */
export function lookup(query: number | string, options?: Omit<LookupOptions, 'locale'>): CatalogRecord | undefined {
  return lookupIn(ONE, 'en', query, { ...options, locale: 'en' });
}

/** Explain a Cloud Recording response: what it means, the one thing to do next (`outcome`), in words. Never throws. */
export function explain(input: ExplainInput, options?: Omit<ExplainOptions, 'locale'>): Diagnosis {
  return explainIn(ONE, PHRASES, 'en', input, { ...options, locale: 'en' });
}

/** Every record, in catalog order. */
export function allRecords(): CatalogRecord[] {
  return allRecordsIn(ONE, 'en');
}

/** A next step in words. */
export function describeRetry(policy: RetryPolicy): string {
  return PHRASES_EN.describeRetry(policy);
}

/** A next step as a short label. */
export function retryLabel(policy: RetryPolicy): string {
  return PHRASES_EN.retryLabel(policy);
}

const EXPLAINER: Explainer = { explain, phrases: () => PHRASES_EN };

/** Explain a fetch Response of `method`; reads its body once (clone it first to read it yourself). Never throws. */
export function fromResponse(res: ResponseLike, method: Method, options?: Omit<FromResponseOptions, 'locale'>): Promise<Diagnosis> {
  return fromResponseIn(EXPLAINER, res, method, options);
}

/** Send a request until it is done, retrying on the catalog's schedule (see the root entry). */
export function withRetry(call: () => Promise<Response>, options: Omit<WithRetryOptions, 'locale'>): Promise<Response> {
  return withRetryIn(EXPLAINER, call, options);
}
