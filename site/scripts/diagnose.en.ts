/**
 * The diagnose box in English: built to /lib/diagnose.en.js by scripts/build-site.ts,
 * loaded by /en/diagnose/ and by pages on other origins (the support portal).
 */
import { explain, retryLabel } from '../../src/en.ts';
import { FINDING_WORDS_EN } from '../../src/findings.ts';
import { DIAGNOSE_EN } from '../lib/diagnose-words.ts';
import { KIND_LABELS_EN } from '../lib/i18n.ts';
import { diagnoseModule } from './diagnose.ts';

export { looksLikeResponse } from './diagnose.ts';
/** The box's own words in this language (labels for a page that builds its own form). */
export const words = DIAGNOSE_EN;
export const { diagnose, render } = diagnoseModule({ locale: 'en', words: DIAGNOSE_EN, where: FINDING_WORDS_EN, kinds: KIND_LABELS_EN, explain, retryLabel }, new URL('/', import.meta.url));
