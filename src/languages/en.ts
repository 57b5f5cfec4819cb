/**
 * English: the records' texts (the package's own sentences are in
 * phrases/en.ts). Only the English entry points and the root import it.
 */
import { DETAIL_TEXTS } from '../generated/details.en.ts';
import { TEXTS } from '../generated/texts.en.ts';
import type { Language, TextTable } from '../language.ts';

/** The records' texts in English that explain() serves (title, summary, meanings, …). */
export const EN: Language = { locale: 'en', texts: TEXTS };
/** What only a full record carries, in English (lookup, allRecords). */
export const EN_DETAILS: TextTable = DETAIL_TEXTS;
