/**
 * The package's own sentences in both languages, for what carries both: the
 * root in Node, the command line (with its own words) and the site. A
 * one-language entry point imports its language's module from phrases/
 * directly, so it carries only that one.
 */
import type { Locale, RetryPolicy } from './generated/types.ts';
import { CLI_WORDS_EN, PHRASES_EN } from './phrases/en.ts';
import type { CliWords, Phrases } from './phrases/types.ts';
import { CLI_WORDS_ZH, PHRASES_ZH } from './phrases/zh.ts';

export type { CliWords, Phrases } from './phrases/types.ts';

/** Each language's phrases and the command line's words. */
export const PHRASES: Record<Locale, Phrases & CliWords> = { en: { ...PHRASES_EN, ...CLI_WORDS_EN }, zh: { ...PHRASES_ZH, ...CLI_WORDS_ZH } };

const phrasesOf = (locale: unknown): Phrases => (locale === 'zh' ? PHRASES_ZH : PHRASES_EN);

/**
 * A next step as one sentence: "Retry the same request with the same resource
 * ID after 3000 ms, then 6000 ms; if it still fails, call `acquire` again for a
 * new resource ID, then `start`." May hold `code spans`.
 */
export function describeRetry(policy: RetryPolicy, locale: Locale = 'en'): string {
  return phrasesOf(locale).describeRetry(policy);
}

/** A next step as a short label, for tables: "Retry (3000, 6000 ms)". */
export function retryLabel(policy: RetryPolicy, locale: Locale = 'en'): string {
  return phrasesOf(locale).retryLabel(policy);
}
