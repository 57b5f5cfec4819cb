/**
 * 简体中文：各记录的文字和本包自己的句子。只有中文入口（和 Node 中的包根）导入此模块。
 * Chinese (zh-CN): the records' texts and the package's phrases. Only the
 * Chinese entry point (and the root in Node) imports this module.
 */
import { DETAIL_TEXTS } from '../generated/details.zh.ts';
import { TEXTS } from '../generated/texts.zh.ts';
import type { Language, TextTable } from '../language.ts';
import { PHRASES_ZH } from '../phrases/zh.ts';

/** What explain() needs in Chinese. */
export const ZH: Language = { locale: 'zh', texts: TEXTS, phrases: PHRASES_ZH };
/** What only a full record carries, in Chinese (lookup, allRecords). */
export const ZH_DETAILS: TextTable = DETAIL_TEXTS;
