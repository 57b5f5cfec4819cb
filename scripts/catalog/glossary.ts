/**
 * The glossary check: every text of the catalog uses the terms of
 * data/glossary.yaml. A word the glossary says to avoid is reported with the
 * term to write instead. Code spans are exempt (they quote what the API sends),
 * and so are search keywords (readers type every variant).
 */
import { type GlossaryFile, type Locale, LOCALES } from './schema.ts';

export const GLOSSARY_FILE = 'glossary.yaml';

/** One {zh, en} text inside a record or api.yaml, with the path to it. */
export type TextAt = { path: (string | number)[]; text: Record<Locale, string> };

/** Every {zh, en} text inside `value`, with its path; `keywords` and `reviewed` are not texts. */
export function textsWithPaths(value: unknown, path: (string | number)[] = []): TextAt[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => textsWithPaths(v, [...path, i]));
  const object = value as Record<string, unknown>;
  const out: TextAt[] = [];
  if (typeof object.zh === 'string' && typeof object.en === 'string') {
    out.push({ path, text: { zh: object.zh, en: object.en } });
  }
  for (const [key, v] of Object.entries(object)) {
    if (key === 'keywords' || key === 'reviewed' || key === 'zh' || key === 'en') continue;
    out.push(...textsWithPaths(v, [...path, key]));
  }
  return out;
}

export type TermUse = {
  /** The word found, as written in the text. */
  found: string;
  /** The term the glossary prefers. */
  use: string;
  why?: string;
  /** Where the word starts in the text (UTF-16 index). */
  index: number;
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A word avoided by the glossary, matched as written; a word that starts or ends with a Latin letter or digit only as a whole word. */
function matcher(word: string): RegExp {
  const before = /^[A-Za-z0-9]/.test(word) ? '(?<![A-Za-z0-9_])' : '';
  const after = /[A-Za-z0-9]$/.test(word) ? '(?![A-Za-z0-9_])' : '';
  return new RegExp(`${before}${escapeRegExp(word)}${after}`, 'g');
}

/** Replace every code span by spaces of the same length, so that indexes still match the text. */
function blankCodeSpans(text: string): string {
  return text.replace(/`[^`]*`/g, (span) => ' '.repeat(span.length));
}

/** The avoided words in one text of one language, in order of appearance. */
export function termProblems(glossary: GlossaryFile, locale: Locale, text: string): TermUse[] {
  const prose = blankCodeSpans(text);
  const found: TermUse[] = [];
  for (const term of glossary[locale]) {
    // Where the preferred term itself is written, a word inside it is not a problem.
    const uses = [...prose.matchAll(new RegExp(escapeRegExp(term.use), 'g'))].map((m) => [m.index, m.index + term.use.length]);
    for (const word of term.avoid) {
      for (const match of prose.matchAll(matcher(word))) {
        const end = match.index + match[0].length;
        if (uses.some(([from, to]) => from <= match.index && end <= to)) continue;
        found.push({ found: match[0], use: term.use, why: term.why, index: match.index });
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Every avoided word in the texts of `value` (a record, or api.yaml), per language. */
export function glossaryProblems(glossary: GlossaryFile, value: unknown): { path: (string | number)[]; locale: Locale; use: TermUse }[] {
  const out: { path: (string | number)[]; locale: Locale; use: TermUse }[] = [];
  for (const { path, text } of textsWithPaths(value)) {
    for (const locale of LOCALES) for (const use of termProblems(glossary, locale, text[locale])) out.push({ path: [...path, locale], locale, use });
  }
  return out;
}

/** The message of a problem: what was written, what to write, and why. */
export function describeTermUse(use: TermUse, locale: Locale): string {
  const why = use.why ? ` (${use.why})` : '';
  return `"${use.found}" is not the catalog's term in ${locale === 'zh' ? 'Chinese' : 'English'}: write "${use.use}" instead${why} — see data/${GLOSSARY_FILE}`;
}
