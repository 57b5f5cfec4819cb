/**
 * data/synonyms.yaml, the words of search: synonym sets and filler words
 * (schema: SearchWordsFile in schema.ts). loadCatalog() validates it with the
 * catalog, so `npm run check` reports its problems by file and line; the build
 * reads it with loadSearchWords() and hands each language its lexicon.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Lexicon } from '../../site/scripts/query.ts';
import { normalize } from './normalize.ts';
import { type Locale, LOCALES, SearchWordsFile } from './schema.ts';

export const SEARCH_WORDS_FILE = 'synonyms.yaml';

export type SearchWordsProblem = { path: (string | number)[]; message: string };

const overlaps = (a: string, b: string) => a === b || a === 'both' || b === 'both';

/**
 * What the schema cannot see: terms that mean nothing once normalized (case,
 * width, punctuation), a term twice in a set, a term in two sets of the same
 * language, a filler word twice, and a filler word that is also a synonym.
 */
export function searchWordsProblems(file: SearchWordsFile): SearchWordsProblem[] {
  const problems: SearchWordsProblem[] = [];
  const seen = new Map<string, { set: number; term: number; lang: string }[]>();
  file.synonyms.forEach((set, s) => {
    const inSet = new Map<string, number>();
    set.terms.forEach((term, t) => {
      const key = normalize(term);
      const path = ['synonyms', s, 'terms', t];
      if (!key) return problems.push({ path, message: `"${term}" has no letter or digit to search for` });
      if (inSet.has(key)) {
        return problems.push({ path, message: `"${term}" twice in this set (as terms[${inSet.get(key)}], once case, width and punctuation are ignored)` });
      }
      inSet.set(key, t);
      const clash = (seen.get(key) ?? []).find((o) => overlaps(o.lang, set.lang));
      if (clash) {
        problems.push({ path, message: `"${term}" is already in synonyms[${clash.set}] (${clash.lang}); a term belongs to one set per language` });
      }
      seen.set(key, [...(seen.get(key) ?? []), { set: s, term: t, lang: set.lang }]);
    });
  });
  for (const lang of LOCALES) {
    const fillers = new Map<string, number>();
    file.fillers[lang].forEach((word, i) => {
      const key = normalize(word);
      const path = ['fillers', lang, i];
      if (!key) return problems.push({ path, message: `"${word}" has no letter or digit` });
      if (fillers.has(key)) return problems.push({ path, message: `"${word}" twice (first as fillers.${lang}[${fillers.get(key)}])` });
      fillers.set(key, i);
      const synonym = (seen.get(key) ?? []).find((o) => overlaps(o.lang, lang));
      if (synonym) problems.push({ path, message: `"${word}" is a filler word and a synonym in synonyms[${synonym.set}]; it cannot be both` });
    });
  }
  return problems;
}

/**
 * The search words of `dir` (the data folder): none when it has no
 * synonyms.yaml (a test's catalog); throws when the file is invalid (run `npm run check`).
 */
export function loadSearchWords(dir: string): SearchWordsFile {
  const path = join(dir, SEARCH_WORDS_FILE);
  if (!existsSync(dir)) throw new Error(`no data folder at ${dir}`);
  if (!existsSync(path)) return { synonyms: [], fillers: { zh: [], en: [] } };
  const result = SearchWordsFile.safeParse(parse(readFileSync(path, 'utf8')));
  if (!result.success || searchWordsProblems(result.data).length) {
    throw new Error(`${path} has problems: run \`npm run check\` to see them`);
  }
  return result.data;
}

/** One language's lexicon: its filler words, and the synonym sets of that language or both. */
export function lexiconOf(words: SearchWordsFile, lang: Locale): Lexicon {
  return {
    fillers: words.fillers[lang],
    synonyms: words.synonyms.filter((s) => s.lang === lang || s.lang === 'both').map((s) => s.terms),
  };
}
