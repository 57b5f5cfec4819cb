/**
 * 简体中文：各记录的文字（本包自己的句子在 phrases/zh.ts）。只有中文入口（和 Node 中的包根）导入此模块。
 * Chinese (zh-CN): the records' texts (the package's own sentences are in phrases/zh.ts). Only the
 * Chinese entry point (and the root in Node) imports this module.
 */
import { DETAIL_TEXTS } from '../generated/details.zh.ts';
import { TEXTS } from '../generated/texts.zh.ts';
import type { Language, TextTable } from '../language.ts';

/** The records' texts in Chinese that explain() serves (title, summary, meanings, …). */
export const ZH: Language = { locale: 'zh', texts: TEXTS };
/** What only a full record carries, in Chinese (lookup, allRecords). */
export const ZH_DETAILS: TextTable = DETAIL_TEXTS;
