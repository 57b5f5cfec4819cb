/**
 * Which records a query names, and which it is closest to, from the search
 * data of site/lib/search-data.ts. Pure functions; no DOM, no network.
 *
 * - pinMatches(): a record is pinned when the query *contains* one of its
 *   codes, ids, messages, reasons, constants, titles or keywords (compared as
 *   tokens after normalize() and synonyms); the longest match wins, then the
 *   rarest (fewest records share it), then the kind of name. A two-character
 *   Chinese keyword never outranks a longer match.
 * - relaxedScores(): every record that shares a token with the query, scored
 *   by how rare each token is (idf) and how heavily the record weighs it
 *   (title, keyword, synonym, summary); Latin typos and prefixes count a little less.
 */
import { editDistance, type Lexicon, typoAllowance } from './query.ts';

/** What a result shows: url path, code, kind, kind label, title, one-line summary. */
/** A record or guide as the search shows it: page, code, kind and its label, title, summary; a state's next step's gravity (`g`, src/outcome.ts GRAVITY). */
export type SearchEntry = { u: string; c: string; k: string; kl: string; t: string; s: string; g?: number };

/** What a phrase is to its record. */
export type Field = 'code' | 'id' | 'message' | 'reason' | 'constant' | 'title' | 'keyword' | 'other';
export const FIELDS: readonly Field[] = ['code', 'id', 'message', 'reason', 'constant', 'title', 'keyword', 'other'];

/**
 * One token's data: the phrases that start with it ([tokens joined by a space,
 * index in FIELDS, entry number]), its postings ([entry number, weight]) and,
 * when only the heaviest postings are kept (site/lib/search-data.ts
 * boundedShard()), how many records have it.
 */
export type Shard = [phrases: [string, number, number][], postings: [number, number][], records?: number];

/**
 * /search/{lang}/lexicon.json: the language's search words, how its files are
 * split, and the group of each kind's constants by its lower-case name
 * (errorcode → error-code: ErrorCode.TASK_CONFLICT).
 */
export type SearchLexicon = Lexicon & {
  records: number;
  /** How many of the entries are guides: the last ones. */
  guides?: number;
  tokenFiles: number;
  /** How many files hold the single Chinese characters (c0 … c{n-1}). */
  charFiles: number;
  entriesPerFile: number;
  constantGroups: Record<string, string>;
  /** The layout of the language's Pagefind index, added after Pagefind has run (scripts/generate/pagefind-layout.ts). */
  pagefind?: PagefindLayout;
};

/** What the search knows of Pagefind's index. */
export type PagefindLayout = {
  /** Each index chunk's first and last word (prefixes, as Pagefind compares words), in order. */
  chunks: [string, string][];
  /** How many page files (p0 … p{n-1}: Pagefind's page id → the number of that page's search entry) there are; pageFileOf() says which holds an id. */
  pageFiles: number;
};

const isHanToken = (t: string) => /^\p{Script=Han}/u.test(t);

/**
 * The part of a token that decides its file: a Latin word's first three
 * letters (its typos live beside it), else the token. (Chinese pieces grouped
 * by their first character made files of hundreds of pieces at ×100.)
 */
export const shardKey = (token: string): string => (/^[a-z]/.test(token) ? token.slice(0, 3) : token);

/** FNV-1a of a string's UTF-16 code units. */
function fnv1a(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The token file that holds `token`: FNV-1a over its shard key. */
export function shardOf(token: string, files: number): number {
  return fnv1a(shardKey(token)) % files;
}

/** The page file (p{n}) that knows the search entry of Pagefind's page `id` (en_2015c66). */
export function pageFileOf(id: string, files: number): string {
  return `p${fnv1a(id) % files}`;
}

/** A single Chinese character: the search keeps these in files of their own. */
export const isHanChar = (token: string): boolean => token.length === 1 && isHanToken(token);

/**
 * The name of the file that holds `token` (/search/{lang}/{name}.json): a
 * single Chinese character in a character file (c{n}: a long Chinese question
 * has a dozen, and they share a few files), any other token in a token file (t{n}).
 */
export function tokenFileOf(token: string, head: Pick<SearchLexicon, 'tokenFiles' | 'charFiles'>): string {
  return isHanChar(token) ? `c${shardOf(token, head.charFiles)}` : `t${shardOf(token, head.tokenFiles)}`;
}

/** A record the query names: `whole` when the query is nothing but that name. */
export type Pin = { entry: number; score: number; field: Field; phrase: string; whole: boolean };


/**
 * How long a phrase is, in units that make Chinese and Latin comparable: two
 * per Chinese character, one per Latin letter or digit.
 */
export function phraseUnits(tokens: readonly string[]): number {
  let units = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isHanToken(t)) units += t.length;
    // Overlapping pieces: the first of a run counts its two characters, each next one a character more.
    else units += i > 0 && isHanToken(tokens[i - 1]) && tokens[i - 1].slice(-1) === t[0] && [...t].length === 2 ? 2 : 2 * [...t].length;
  }
  return units;
}

/** Phrases found under their own name only, never as part of a longer query. */
const WHOLE_ONLY = 2;
/** Words that describe a record rather than name it, and constants (a one-word constant is a common word: PUBLISHING). */
const LOOSE = new Set<Field>(['keyword', 'title', 'other', 'constant']);
/** A phrase shared by more records than this names none of them. */
const MAX_SHARED = 4;

/**
 * The records whose names the query's token sequences contain, best first.
 * `shard(token)` gives a token's data (undefined when no record has it);
 * `partial[i]` marks a sequence that holds only part of the query (its Latin words).
 */
export function pinMatches(sequences: readonly string[][], shard: (token: string) => Shard | undefined, partial: readonly boolean[] = []): Pin[] {
  const best = new Map<number, Pin>();
  const sharedBy = new Map<string, Set<number>>();
  const found: { entry: number; field: Field; phrase: string; units: number; whole: boolean }[] = [];
  sequences.forEach((seq, s) => {
    for (let i = 0; i < seq.length; i++) {
      for (const [key, fieldIndex, entry] of shard(seq[i])?.[0] ?? []) {
        const phrase = key.split(' ');
        if (i + phrase.length > seq.length || phrase.some((t, j) => seq[i + j] !== t)) continue;
        const field = FIELDS[fieldIndex];
        // A number names a code only as a code (codeNumbers() decides which numbers are codes).
        if (field === 'code') continue;
        const units = phraseUnits(phrase);
        found.push({ entry, field, phrase: key, units, whole: phrase.length === seq.length && !partial[s] });
      }
    }
  });
  for (const f of found) {
    if (!sharedBy.has(f.phrase)) sharedBy.set(f.phrase, new Set());
    sharedBy.get(f.phrase)!.add(f.entry);
  }
  for (const f of found) {
    const shared = sharedBy.get(f.phrase)!.size;
    // Inside a longer query, a lone word or two-character piece names a record only when it is one of its
    // own names as written (a state name, message or reason); a keyword, title or constant needs more.
    if (!f.whole && (shared > MAX_SHARED || f.units <= WHOLE_ONLY || (!f.phrase.includes(' ') && LOOSE.has(f.field)))) continue;
    // Longest first, then rarest, then the kind of name (a message before a keyword).
    const score = f.units * 1000 + (100 - Math.min(shared, 99)) * 5 + (FIELDS.length - FIELDS.indexOf(f.field));
    const had = best.get(f.entry);
    if (!had || had.score < score) best.set(f.entry, { entry: f.entry, score, field: f.field, phrase: f.phrase, whole: f.whole || had?.whole === true });
    else if (f.whole) had.whole = true;
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.entry - b.entry);
}

/** Entries whose code is `value` (a number of the query), in catalog order. */
export function codeMatches(value: string, shard: (token: string) => Shard | undefined): number[] {
  return (shard(value)?.[0] ?? []).filter(([key, field]) => key === value && FIELDS[field] === 'code').map(([, , entry]) => entry);
}

/**
 * The names the API writes in camelCase (serviceCompleted, uploadingStatus) that the query copies as one word,
 * exactly or with a typo (serviceAbnormol): `words` are the query's camelCase words, lower-cased, each with its first
 * token as the index splits it (service); a name's phrase is its tokens (service abnormal).
 */
export function camelNames(words: readonly [string, string][], shard: (token: string) => Shard | undefined): Pin[] {
  const out: Pin[] = [];
  for (const [word, first] of words) {
    for (const [key, field, entry] of shard(first)?.[0] ?? []) {
      const name = key.replace(/ /g, '');
      if (FIELDS[field] === 'id' && key.includes(' ') && editDistance(name, word, typoAllowance(name)) <= typoAllowance(name)) {
        out.push({ entry, score: name.length * 1000, field: 'id', phrase: key, whole: false });
      }
    }
  }
  return out;
}

/**
 * The records a word no record has names with a typo in one of their one-word names as written
 * (a state name: uploded → uploaded, bakuped → backuped): a word of six letters or more, the
 * same first two letters, within typoAllowance(). `file(token)` is the token file holding `token`
 * (a word's typos live beside it: files are chosen by the first three letters).
 */
export function typoNames(words: readonly string[], file: (token: string) => Record<string, Shard> | undefined): Pin[] {
  const out: Pin[] = [];
  for (const word of new Set(words)) {
    const f = file(word);
    if (!f || !/^[a-z]{6,}$/.test(word) || (Object.hasOwn(f, word) && f[word][0].length + f[word][1].length > 0)) continue;
    for (const [token, shard] of Object.entries(f)) {
      if (token.slice(0, 2) !== word.slice(0, 2) || editDistance(token, word, typoAllowance(token)) > typoAllowance(token)) continue;
      for (const [key, field, entry] of shard[0]) {
        if (key === token && FIELDS[field] === 'id') out.push({ entry, score: token.length * 1000, field: 'id', phrase: key, whole: words.length === 1 });
      }
    }
  }
  return out;
}

/**
 * The Latin words of a query that no page has, each written with a typo of a word the index has (invaild → invalid,
 * availble → available): that word, where exactly one is closest — so that a name with a typo in one of its words
 * (invaild appid, no_worker_manager_availble) is still that name. A word the index has, or one several words are as
 * close to, stays as written. (The engine adds only the names a corrected word is part of.)
 */
export function spellings(words: Iterable<string>, file: (token: string) => Record<string, Shard> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const word of new Set(words)) {
    const f = file(word);
    if (!f || !/^[a-z]{5,}$/.test(word) || (Object.hasOwn(f, word) && f[word][0].length + f[word][1].length > 0)) continue;
    let closest: string[] = [];
    let least = Infinity;
    for (const [token, shard] of Object.entries(f)) {
      if (shard[0].length + shard[1].length === 0 || token.slice(0, 2) !== word.slice(0, 2) || !/^[a-z]+$/.test(token)) continue;
      const distance = editDistance(token, word, typoAllowance(token));
      if (distance > typoAllowance(token)) continue;
      if (distance < least) [least, closest] = [distance, [token]];
      else if (distance === least) closest.push(token);
    }
    if (closest.length === 1) out.set(word, closest[0]!);
  }
  return out;
}

// ---------------------------------------------------------------------------
// The relaxed search


/**
 * The postings a query token stands for: its own; else, for a Latin word of
 * four letters or more, the words of the data that it begins (0.8) or that
 * are one typo away (two for long words; 0.7).
 */
/** Endings a word written with a typo may keep, which the stemmer did not take off it (expierd, recieved, uplaoding). */
const ENDINGS = ['ing', 'ed', 'es', 'er', 'd', 's'];

/**
 * Whether `token`, a word written with a typo and an ending (expierd, recieved), is `stem` (expir, receiv) with that
 * ending: without it, within `max` typos of the stem — and not the stem with more letters (cloudflare is not cloud).
 */
const typoOfStem = (stem: string, token: string, max: number): boolean =>
  ENDINGS.some((ending) => {
    if (!token.endsWith(ending)) return false;
    const base = token.slice(0, -ending.length);
    return base.length >= 4 && !base.startsWith(stem) && editDistance(stem, base, max) <= max;
  });

export function postingsFor(token: string, file: Record<string, Shard> | undefined): { postings: [number, number][]; records: number; factor: number }[] {
  if (!file) return [];
  const of = (shard: Shard, factor: number) => ({ postings: shard[1], records: shard[2] ?? shard[1].length, factor });
  if (Object.hasOwn(file, token) && file[token][1].length) return [of(file[token], 1)];
  if (!/^[a-z]{4,}$/.test(token)) return [];
  const max = typoAllowance(token);
  const out: { postings: [number, number][]; records: number; factor: number }[] = [];
  for (const [word, shard] of Object.entries(file)) {
    if (!shard[1].length || word.slice(0, 2) !== token.slice(0, 2)) continue;
    if (word.startsWith(token)) out.push(of(shard, 0.8));
    else if (word.length >= 4 && (editDistance(word, token, max) <= max || typoOfStem(word, token, max))) out.push(of(shard, 0.7));
  }
  return out;
}

/**
 * Each record's relaxed score for the query's tokens: the sum, over tokens,
 * of idf × the record's weight for it; `coverage` is the share of the query's
 * idf that the record matches, over the tokens some record has.
 */
export function relaxedScores(
  queryTokens: readonly string[],
  fileOf: (token: string) => Record<string, Shard> | undefined,
  records: number,
): { entry: number; score: number; coverage: number }[] {
  const scores = new Map<number, { score: number; idf: number }>();
  let totalIdf = 0;
  for (const token of new Set(queryTokens)) {
    const options = postingsFor(token, fileOf(token));
    // A word no record has, even misspelt, says nothing of any record: the share a record
    // covers is of the words the catalog knows (the chatter around a question is not held against it).
    if (!options.length) continue;
    const df = Math.max(1, ...options.map((o) => o.records));
    const idf = Math.log(1 + records / df);
    totalIdf += idf;
    const per = new Map<number, number>();
    for (const { postings, factor } of options) {
      for (const [entry, weight] of postings) per.set(entry, Math.max(per.get(entry) ?? 0, weight * factor));
    }
    for (const [entry, weight] of per) {
      const s = scores.get(entry) ?? { score: 0, idf: 0 };
      s.score += idf * weight;
      s.idf += idf;
      scores.set(entry, s);
    }
  }
  return [...scores]
    .map(([entry, s]) => ({ entry, score: s.score, coverage: totalIdf ? s.idf / totalIdf : 0 }))
    .sort((a, b) => b.score - a.score || a.entry - b.entry);
}
