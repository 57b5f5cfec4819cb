/**
 * @org/agora-rec-codes — every error code, HTTP status and service state of
 * the Agora Cloud Recording REST API, with texts in Chinese and English.
 * For one language only, import '@org/agora-rec-codes/zh' or '/en'.
 */
import { TEXTS as EN } from './generated/texts.en.ts';
import { TEXTS as ZH } from './generated/texts.zh.ts';
import { type Diagnosis, type ExplainInput, type ExplainOptions, explainIn } from './explain.ts';
import { allRecordsIn, type CatalogRecord, type Locale, type LookupOptions, lookupIn } from './records.ts';

export * from './constants.ts';
export { validateChannelName, CHANNEL_NAME, type ChannelNameCheck } from './channel-name.ts';
export { describeRetry } from './messages.ts';
export { docUrl, normalizeQuery, retryPolicy, type CatalogRecord, type RecordOfKind, type Kind, type Locale, type Meaning, type Method, type RetryPolicy, type LookupOptions } from './records.ts';
export type { Diagnosis, ExplainInput, ExplainOptions } from './explain.ts';

const BOTH = { zh: ZH, en: EN };

/** Find a record by code, numeric string, constant name, message text or state name (English unless `locale: 'zh'`). */
export function lookup(query: number | string, options?: LookupOptions): CatalogRecord | undefined {
  return lookupIn(BOTH, 'en', query, options);
}

/** Explain a Cloud Recording response: what it means, what to do, whether to retry. Never throws. */
export function explain(input: ExplainInput, options?: ExplainOptions): Diagnosis {
  return explainIn(BOTH, 'en', input, options);
}

/** Every record, in catalog order. */
export function allRecords(locale: Locale = 'en'): CatalogRecord[] {
  return allRecordsIn(BOTH, locale);
}
