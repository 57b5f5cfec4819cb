/**
 * The package's own sentences in both languages, for the entry point that
 * carries both (and the site). A one-language entry point imports its
 * language's module from phrases/ directly, so it carries only that one.
 */
import type { Locale, RetryPolicy } from './generated/types.ts';
import { PHRASES_EN } from './phrases/en.ts';
import type { Phrases } from './phrases/types.ts';
import { PHRASES_ZH } from './phrases/zh.ts';

export type { Phrases } from './phrases/types.ts';

export const PHRASES: Record<Locale, Phrases> = { en: PHRASES_EN, zh: PHRASES_ZH };

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
