/**
 * English: the records' texts and the package's phrases. Only the English
 * entry points (and the root) import this module.
 */
import { DETAIL_TEXTS } from '../generated/details.en.ts';
import { TEXTS } from '../generated/texts.en.ts';
import type { Language, TextTable } from '../language.ts';
import { PHRASES_EN } from '../phrases/en.ts';

/** What explain() needs in English. */
export const EN: Language = { locale: 'en', texts: TEXTS, phrases: PHRASES_EN };
/** What only a full record carries, in English (lookup, allRecords). */
export const EN_DETAILS: TextTable = DETAIL_TEXTS;
