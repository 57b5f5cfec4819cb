/**
 * @org/agora-rec-codes/zh — the same API with Chinese (zh-CN) texts only.
 */
import { TEXTS } from './generated/texts.zh.ts';
import { type Diagnosis, type ExplainInput, explainIn } from './explain.ts';
import { allRecordsIn, type CatalogRecord, type LookupOptions, lookupIn } from './records.ts';

export * from './constants.ts';
export { validateChannelName, CHANNEL_NAME, type ChannelNameCheck } from './channel-name.ts';
export { docUrl, normalizeQuery, retryPolicy, type CatalogRecord, type RecordOfKind, type Kind, type Locale, type Meaning, type Method, type RetryPolicy } from './records.ts';
export type { Diagnosis, ExplainInput } from './explain.ts';

const ONE = { zh: TEXTS };

/** Find a record by code, numeric string, constant name, message text or state name. */
export function lookup(query: number | string, options?: Omit<LookupOptions, 'locale'>): CatalogRecord | undefined {
  return lookupIn(ONE, 'zh', query, { ...options, locale: 'zh' });
}

/** Explain a Cloud Recording response: what it means, what to do, whether to retry. Never throws. */
export function explain(input: ExplainInput): Diagnosis {
  return explainIn(ONE, 'zh', input, { locale: 'zh' });
}

/** Every record, in catalog order. */
export function allRecords(): CatalogRecord[] {
  return allRecordsIn(ONE, 'zh');
}

/** A retry policy in words. */
export { describeRetry } from './messages.ts';
