/**
 * @org/agora-rec-codes — every error code, HTTP status and service state of
 * the Agora Cloud Recording REST API, with texts in Chinese and English.
 *
 * This is the root as Node (and every runtime but a browser bundle) loads it:
 * both languages, English unless `locale: 'zh'`. A browser bundle gets
 * browser.ts instead (English only: the `browser` condition of the package's
 * exports). For one language anywhere, import '@org/agora-rec-codes/zh' or '/en'.
 */
import { type Explainer, type FromResponseOptions, fromResponseIn, type ResponseLike, type WithRetryOptions, withRetryIn } from './client.ts';
import { type Diagnosis, type ExplainArgument, type ExplainOptions, explainIn } from './explain.ts';
import { allRecordsIn, lookupIn } from './language.ts';
import { EN, EN_DETAILS } from './languages/en.ts';
import { ZH, ZH_DETAILS } from './languages/zh.ts';
import { CLIENT_WORDS_EN, PHRASES_EN } from './phrases/en.ts';
import { CLIENT_WORDS_ZH, PHRASES_ZH } from './phrases/zh.ts';
import type { CatalogRecord, Locale, LookupOptions, Method } from './records.ts';
import { field } from './response.ts';

export * from './neutral.ts';
export { describeRetry, retryLabel } from './messages.ts';

const LANGUAGES = {
  en: { language: EN, details: EN_DETAILS, phrases: PHRASES_EN, words: CLIENT_WORDS_EN },
  zh: { language: ZH, details: ZH_DETAILS, phrases: PHRASES_ZH, words: CLIENT_WORDS_ZH },
};
/** The language an option asks for: Chinese for 'zh', else English. */
/** A locale as callers write it: `zh`, and a language tag of Chinese (`zh-CN`, `zh_Hans`), are Chinese; anything else English. */
const of = (locale: unknown) => LANGUAGES[typeof locale === 'string' && /^zh(?:$|[-_])/i.test(locale) ? 'zh' : 'en'];

/** Find a record by code, numeric string, constant name, message text, state name or title in either language (English unless `locale: 'zh'`). */
export function lookup(query: number | string, options?: LookupOptions): CatalogRecord | undefined {
  const { language, details } = of(field(options, 'locale'));
  return lookupIn(language, details, query, options, [EN.texts, ZH.texts]);
}

/** Explain a Cloud Recording response: what it means, the one thing to do next (`outcome`), in words. Never throws. */
export function explain(input: ExplainArgument, options?: ExplainOptions): Diagnosis {
  const { language, phrases } = of(field(options, 'locale'));
  return explainIn(language, phrases, input, options);
}

/** Every record, in catalog order. */
export function allRecords(locale: Locale = 'en'): CatalogRecord[] {
  const { language, details } = of(locale);
  return allRecordsIn(language, details);
}

const EXPLAINER: Explainer = { explain, phrases: (locale) => of(locale).phrases, words: (locale) => of(locale).words };

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
