/**
 * The terms in which the release plan says and compares changes: a record's
 * name in a sentence ("Error code 433", "错误码 433"), texts checked to be plain
 * text with `code spans`, and values compared by meaning (sorted keys, the
 * `basis` of a claim apart). Shared by the modules of scripts/release/.
 */
import { inlineFormattingProblem, KIND_NAMES, KINDS, type Kind, type LocalizedText, type ChangeType, type SemverLevel } from '../catalog/schema.ts';
import type { LooseRecord } from './snapshot.ts';

export type PlannedChange = { type: ChangeType; level: SemverLevel; ref?: string; text: LocalizedText };
export type Lang = 'zh' | 'en';

// The site's words for kinds and next steps (site/lib/i18n.ts). A copy of the project that
// holds only data/ and scripts/ can still be planned: kinds and next steps are then named
// by their ids (said in the notes).
export const siteWords = (await import('../../site/lib/i18n.ts').catch(() => undefined)) as typeof import('../../site/lib/i18n.ts') | undefined;

/** A kind's name ("Error code", "错误码"), or its id where the site's words are not there. */
export const kindName = (kind: string, lang: Lang): string =>
  siteWords && (KIND_NAMES as string[]).includes(kind) ? siteWords.kindLabel(kind as Kind, lang) : kind;

// ---------------------------------------------------------------------------
// Words

/** A text both languages, checked to be plain text with `code spans` only. */
export function say(en: string, zh: string): LocalizedText {
  const clean = (s: string) => (inlineFormattingProblem(s) ? s.replace(/`/g, '').replace(/</g, '‹').replace(/>/g, '›') : s);
  return { zh: clean(zh), en: clean(en) };
}

export const code = (s: string | number): string => {
  const text = String(s);
  return text.includes('`') ? `"${text}"` : `\`${text}\``;
};
export const codes = (items: readonly (string | number)[], lang: Lang) => items.map(code).join(lang === 'zh' ? '、' : ', ');
export const quote = (s: string, lang: Lang) => (lang === 'zh' ? `“${s}”` : `“${s}”`);

export const groupOf = (r: LooseRecord): string => (KINDS as Record<string, { constantGroup: string }>)[r.kind]?.constantGroup ?? r.kind;
export const constantOf = (r: LooseRecord, name: string = r.constant) => `${groupOf(r)}.${name}`;
export const constantValue = (r: LooseRecord): string | number => (r.kind === 'message-error' && typeof r.message === 'string' ? r.message : r.code);
export const refOf = (r: LooseRecord) => `${r.kind}:${r.code}`;
export const textOf = (value: unknown, lang: Lang): string => {
  const t = (value as Record<string, unknown> | undefined)?.[lang];
  return typeof t === 'string' ? t : '';
};

/** "Error code 433", "Gateway message `invalid appid`", "Service state `serviceIdle`". */
export function recordLabel(r: LooseRecord, lang: Lang): string {
  const kind = kindName(r.kind, lang);
  const shown = r.kind === 'message-error' && typeof r.message === 'string' ? code(r.message) : typeof r.code === 'number' ? String(r.code) : code(r.code);
  return `${kind} ${shown}`;
}

export const about = (r: LooseRecord) => ({ en: recordLabel(r, 'en'), zh: recordLabel(r, 'zh') });

/** Sentences about a record: "Error code 433: …" / "错误码 433：…". */
export const onRecord = (r: LooseRecord, en: string, zh: string) => say(`${about(r).en}: ${en}`, `${about(r).zh}：${zh}`);

// ---------------------------------------------------------------------------
// Comparing values

/** JSON with sorted keys: equal values, equal strings. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v,
  );
}
export const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
export const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** A value without its `basis` fields (where a claim comes from: compared as sources, not as texts or data). */
export function withoutBasis(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutBasis);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'basis').map(([k, v]) => [k, withoutBasis(v)]));
  return value;
}

/** Every `basis` in a record, by where it is. */
export function basesOf(value: unknown, path = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (Array.isArray(value)) value.forEach((v, i) => Object.assign(out, basesOf(v, `${path}[${i}]`)));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'basis') out[path] = v;
      else Object.assign(out, basesOf(v, path ? `${path}.${k}` : k));
    }
  }
  return out;
}

/** True when a value holds only texts ({zh, en} pairs, and arrays or objects of them). */
export function onlyTexts(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.every(onlyTexts);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length && keys.every((k) => k === 'zh' || k === 'en')) return true;
    return Object.values(value).every(onlyTexts);
  }
  return false;
}
