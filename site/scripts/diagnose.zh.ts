/**
 * The diagnose box in Chinese: built to /lib/diagnose.zh.js by scripts/build-site.ts,
 * loaded by /zh/diagnose/ and by pages on other origins (the support portal).
 */
import { explain, retryLabel } from '../../src/zh.ts';
import { FINDING_WORDS_ZH } from '../../src/findings.ts';
import { DIAGNOSE_ZH } from '../lib/diagnose-words.ts';
import { KIND_LABELS_ZH } from '../lib/i18n.ts';
import { diagnoseModule } from './diagnose.ts';

export { looksLikeResponse } from './diagnose.ts';
/** The box's own words in this language (labels for a page that builds its own form). */
export const words = DIAGNOSE_ZH;
export const { diagnose, render } = diagnoseModule({ locale: 'zh', words: DIAGNOSE_ZH, where: FINDING_WORDS_ZH, kinds: KIND_LABELS_ZH, explain, retryLabel }, new URL('/', import.meta.url));
