/**
 * What the search knows about each record, built from the catalog and
 * data/synonyms.yaml. Pure: no Astro, no file system.
 *
 * - entries: one per record, what a result shows (url, code, kind, title,
 *   one-line summary);
 * - phrases: the codes, ids, messages, reasons, constants, titles and keywords
 *   a query may contain (pinning by containment, site/scripts/pin.ts);
 * - postings: each search token's records with a weight (the relaxed search);
 * - indexWords(): the extra words Pagefind indexes for a record page —
 *   keywords, reasons, constant and synonyms — never shown on the page.
 *
 * Everything is split into files by token, so that a query downloads the few
 * files of its own words whatever the size of the catalog (searchFiles()).
 */
import { type CatalogRecord, KIND_NAMES, KINDS, type Locale } from '../../scripts/catalog/schema.ts';
import { textsOf } from '../../scripts/catalog/translations.ts';
import { hanChars, hasHan, type Lexicon, normalize, tokens, Words } from '../scripts/query.ts';
import { type Field, isHanChar, type SearchEntry, type SearchLexicon, type Shard, tokenFileOf } from '../scripts/pin.ts';
import { kindLabel, t } from './i18n.ts';
import { displayCode, href, isStateKind } from './record.ts';
import { GRAVITY } from '../../src/outcome.ts';

const plain = (s: string) => s.replace(/`/g, '');
const OTHER: Record<Locale, Locale> = { zh: 'en', en: 'zh' };
const LOOSE_FIELDS = new Set<Field>(['keyword', 'title', 'other']);

export function searchEntry(r: CatalogRecord, lang: Locale): SearchEntry {
  return {
    u: href(r, lang),
    c: displayCode(r),
    k: r.kind,
    kl: kindLabel(r.kind, lang),
    t: plain(r.title[lang]),
    s: plain(r.summary[lang]),
    // A state's gravity: of several states in one paste, the gravest problem decides.
    ...(isStateKind(r.kind) && { g: GRAVITY[r.retry.action] }),
  };
}

/** The phrases a query may contain to name `r`, with what each is. */
export function recordPhrases(r: CatalogRecord, lang: Locale): [text: string, field: Field][] {
  const out: [string, Field][] = [];
  if (typeof r.code === 'number') out.push([String(r.code), 'code']);
  else out.push([r.code, 'id']);
  if (r.kind === 'message-error') out.push([r.message, 'message']);
  for (const m of r.meanings) if (m.reason) out.push([m.reason, 'reason']);
  out.push([r.constant, 'constant']);
  // Former constant names (deprecated aliases) still name their record, as the package's lookup() reads them.
  for (const former of r.formerConstants ?? []) out.push([former.name, 'constant']);
  const title = plain(r.title[lang]);
  out.push([title, 'title']);
  // A title's head without the qualifier in brackets at its end names the record too: 频道名不合法（过长或含不支持的字符）.
  const head = title.replace(/\s*[（(][^（()）]*[)）]$/u, '');
  if (head && head !== title) out.push([head, 'title']);
  for (const k of r.keywords?.[lang] ?? []) out.push([k, 'keyword']);
  out.push([plain(r.title[OTHER[lang]]), 'other']);
  for (const k of r.keywords?.[OTHER[lang]] ?? []) out.push([k, 'other']);
  return out;
}

/** Weight of a token in each part of a record, for the relaxed search. */
const WEIGHTS = { title: 4, keyword: 3, names: 3, synonym: 2, summary: 1, other: 1, character: 0.75, guideText: 0.25 } as const;

/** The synonym sets a record's texts use (by canonical term), to add their other terms. */
function synonymsUsed(words: Words, lexicon: Lexicon, texts: string[]): string[][] {
  const canonical = ` ${texts.map((t) => words.canonical(normalize(t))).join(' | ')} `;
  return lexicon.synonyms.filter((set) => {
    const c = words.canonical(normalize(set[0]));
    return hasHanOnly(c) ? canonical.includes(c) : canonical.includes(` ${c} `);
  });
}
const hasHanOnly = (s: string) => /^\p{Script=Han}+$/u.test(s);

function namesOf(r: CatalogRecord): string[] {
  return [...new Set([String(r.code), ...(r.kind === 'message-error' ? [r.message] : []), ...r.meanings.flatMap((m) => (m.reason ? [m.reason] : [])), r.constant])];
}

/**
 * The words Pagefind indexes for a record page beyond its text: `strong`, the
 * reason strings, message and constant it is known by; `weak`, for each
 * synonym set its texts use, the set's first term (a query reaches Pagefind
 * with each synonym replaced by that term: Words.asIndexed()).
 */
export function indexWords(r: CatalogRecord, lang: Locale, lexicon: Lexicon): { strong: string[]; weak: string[] } {
  const words = new Words(lexicon);
  const strong = [...new Set(namesOf(r).filter((n) => n !== String(r.code)))];
  const texts = [r.title[lang], r.summary[lang], ...r.causes.map((c) => c[lang]), ...r.actions.map((a) => a[lang]), ...(r.keywords?.[lang] ?? []), ...strong].map(plain);
  const have = ` ${normalize(texts.join(' '))} `;
  const weak = synonymsUsed(words, lexicon, texts)
    .map((set) => normalize(set[0]))
    .filter((term) => !(hasHan(term) ? have.includes(term) : have.includes(` ${term} `)));
  return { strong, weak: [...new Set(weak)] };
}

/** A guide as the search sees it: its page, title and description, its section headings and the option names it explains. */
export type GuidePage = { u: string; title: string; description: string; headings: string[]; terms: string[]; text: string[] };

/**
 * A guide's headings (## and ###), as plain text:
 * what questions a guide answers are worded like (how to tell the gateway from the service, webhooks,
 * a 404 soon after start), beside its title. Components (<Rec/>, <Cite/>) and code marks are dropped.
 */
export function guideOutline(body: string): Pick<GuidePage, 'headings' | 'terms' | 'text'> {
  const text = (s: string) => plain(s.replace(/<[^>]*>/g, ' ').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')).replace(/\s+/g, ' ').trim();
  const headings = [...body.matchAll(/^#{2,3}\s+(.+)$/gm)].map((m) => text(m[1])).filter(Boolean);
  // The request fields and options it names in code marks, by their own name (clientRequest.async_stop → async_stop):
  // only names of several words (async_stop, maxIdleTime), which a search for them means.
  const terms = [...new Set([...body.matchAll(/`([^`\s]+)`/g)].map((m) => m[1].replace(/\(\)|\[\]/g, '').split('.').pop() ?? ''))].filter((t) => /^[A-Za-z]+(?:_[A-Za-z]+|[a-z][A-Z][A-Za-z]*)+$/.test(t));
  // Its prose, paragraph by paragraph (no code block, no component): what a question about the integration asks.
  const prose = body.replace(/^```[\s\S]*?^```/gm, ' ').replace(/^import .*$/gm, ' ').replace(/^#{1,6}\s.*$/gm, ' ');
  const paragraphs = prose.split(/\n\s*\n/).map((p) => text(p.replace(/^\s*(?:[-*]|\d+\.)\s+/gm, ''))).filter((p) => p.length > 1);
  return { headings, terms, text: paragraphs };
}

/**
 * Every search file of one language, by name: lexicon, entry files e{n},
 * token files t{n}. Guides come after the records, found by their title and
 * description.
 */
export function searchFiles(records: readonly CatalogRecord[], lang: Locale, lexicon: Lexicon, guides: readonly GuidePage[] = []): Map<string, unknown> {
  const words = new Words(lexicon);
  const entries = [
    ...records.map((r) => searchEntry(r, lang)),
    ...guides.map((g): SearchEntry => ({ u: g.u, c: '', k: 'guide', kl: t(lang).kindGuide, t: g.title, s: g.description })),
  ];
  const shards = new Map<string, { p: [string, number, number][]; r: Map<number, number> }>();
  const at = (token: string) => {
    if (!shards.has(token)) shards.set(token, { p: [], r: new Map() });
    return shards.get(token)!;
  };
  const post = (token: string, entry: number, weight: number) => {
    const postings = at(token).r;
    postings.set(entry, Math.max(postings.get(entry) ?? 0, weight));
  };
  const FIELD_CODES: Record<Field, number> = { code: 0, id: 1, message: 2, reason: 3, constant: 4, title: 5, keyword: 6, other: 7 };

  /** A phrase under its first token, as written and without its filler words ("recording ended but no file"). */
  const addPhrases = (i: number, phrases: [string, Field][]) => {
    const seen = new Set<string>();
    for (const [text, field] of phrases) {
      const n = normalize(text);
      const clean = tokens(words.clean(n));
      // A description (keyword, title) is also found without its filler words; a name only as it is.
      // A state name is found as it is written (publishing, not published: stems would join them).
      // A constant as its words are, without synonyms (PUBLISHING is not "send stream").
      const variants =
        field === 'id' && !hasHan(n)
          ? [n.split(' ')]
          : field === 'constant' || (LOOSE_FIELDS.has(field) && tokens(n).length === 1)
            ? // One word stays one word: "Publishing" names a state; its synonym "send stream" does not.
              [tokens(n)]
            : [tokens(words.canonical(n)), ...(LOOSE_FIELDS.has(field) && clean.length > 1 ? [clean] : [])];
      for (const phrase of variants) {
        const key = phrase.join(' ');
        // A constant keeps its own row beside a reason of the same words (TASK_CONFLICT, "task conflict"):
        // a constant query reads constants only.
        const seenKey = field === 'constant' ? `constant ${key}` : key;
        if (!phrase.length || seen.has(seenKey)) continue;
        seen.add(seenKey);
        at(phrase[0]).p.push([key, FIELD_CODES[field], i]);
      }
    }
  };
  /** The tokens of `texts`, and — at a quarter of the weight — each Chinese character of `titles` (typos keep some of them). */
  const addPostings = (i: number, parts: [string[], number][], titles: string[]) => {
    for (const [texts, weight] of parts) {
      for (const text of texts) for (const token of tokens(words.canonical(normalize(plain(text))))) post(token, i, weight);
    }
    for (const text of titles) for (const char of hanChars(normalize(plain(text)))) post(char, i, WEIGHTS.character);
  };

  // A name a guide explains and no record's text has (async_stop) finds that guide.
  const recordTexts = ` ${records.map((r) => tokens(normalize(plain([...textsOf(r, lang), ...(r.keywords?.[lang] ?? [])].join(' ')))).join(' ')).join(' | ')} `;
  guides.forEach((g, j) => {
    const i = records.length + j;
    const terms = g.terms.filter((term) => !recordTexts.includes(` ${tokens(normalize(term)).join(' ')} `));
    addPhrases(i, [[g.title, 'title'], ...terms.map((term): [string, Field] => [term, 'keyword'])]);
    addPostings(i, [[[g.title], WEIGHTS.title], [terms, WEIGHTS.keyword], [[g.description, ...g.headings], WEIGHTS.summary], [g.text, WEIGHTS.guideText]], [g.title]);
  });
  records.forEach((r, i) => {
    addPhrases(i, recordPhrases(r, lang));
    const parts: [string[], number][] = [
      [[r.title[lang]], WEIGHTS.title],
      [r.keywords?.[lang] ?? [], WEIGHTS.keyword],
      [namesOf(r), WEIGHTS.names],
      [indexWords(r, lang, lexicon).weak, WEIGHTS.synonym],
      [[r.summary[lang]], WEIGHTS.summary],
      [[r.title[OTHER[lang]], ...(r.keywords?.[OTHER[lang]] ?? [])], WEIGHTS.other],
    ];
    addPostings(i, parts, [r.title[lang], ...(r.keywords?.[lang] ?? [])]);
  });

  // Token files, sized so that each holds about TOKEN_FILE_BYTES of JSON; single Chinese
  // characters apart, CHAR_FILE_BYTES a file.
  const rows = [...shards].map(([token, s]): [string, Shard] => [token, boundedShard(s.p, [...s.r])]);
  const size = (list: typeof rows) => list.reduce((n, row) => n + JSON.stringify(row).length, 0);
  const tokenFiles = Math.max(1, Math.ceil(size(rows.filter(([t]) => !isHanChar(t))) / TOKEN_FILE_BYTES));
  // A question has a dozen characters: while all of them fit in one file, one file; else files as
  // small as token files, so that a question still loads no more than its own characters' share.
  const charBytes = size(rows.filter(([t]) => isHanChar(t)));
  const charFiles = charBytes <= CHAR_FILE_BYTES ? 1 : Math.ceil(charBytes / TOKEN_FILE_BYTES);

  const perFile = Math.max(1, Math.floor(ENTRY_FILE_BYTES / Math.max(1, JSON.stringify(entries).length / Math.max(1, entries.length))));
  const out = new Map<string, unknown>();
  const constantGroups = Object.fromEntries(KIND_NAMES.map((k) => [KINDS[k].constantGroup.toLowerCase(), k]));
  const head: SearchLexicon = { records: entries.length, guides: guides.length, tokenFiles, charFiles, entriesPerFile: perFile, constantGroups, ...lexicon };
  out.set('lexicon', head);
  const byFile = new Map<string, Record<string, Shard>>();
  for (let n = 0; n < tokenFiles; n++) byFile.set(`t${n}`, {});
  for (let n = 0; n < charFiles; n++) byFile.set(`c${n}`, {});
  for (const [token, shard] of rows) byFile.get(tokenFileOf(token, head))![token] = shard;
  for (const [name, file] of byFile) out.set(name, file);
  for (let n = 0; n * perFile < entries.length; n++) out.set(`e${n}`, entries.slice(n * perFile, (n + 1) * perFile));
  return out;
}

/**
 * What a token file keeps of one token, whatever the size of the catalog: at
 * most MAX_PHRASES phrases (names before descriptions: codes, ids, messages,
 * reasons and constants first, then titles and keywords; then catalog order)
 * and the MAX_POSTINGS records that weigh it most, with the number of records
 * that have it (its rarity) when some are left out. A word that thousands of
 * records share says little of any of them; its file stays small.
 */
export function boundedShard(phrases: [string, number, number][], postings: [number, number][]): Shard {
  const keptPhrases = phrases.length > MAX_PHRASES ? [...phrases].sort((a, b) => a[1] - b[1] || a[2] - b[2]).slice(0, MAX_PHRASES) : phrases;
  const heaviest = postings.length > MAX_POSTINGS ? [...postings].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_POSTINGS) : postings;
  const kept = [...heaviest].sort((a, b) => a[0] - b[0]);
  return kept.length < postings.length ? [keptPhrases, kept, postings.length] : [keptPhrases, kept];
}
const MAX_PHRASES = 64;
const MAX_POSTINGS = 64;

/**
 * About this much JSON per token file, at most this much for the single file of all
 * single Chinese characters (a question has many of them), and per entry file.
 * Token files are small because a query needs a few tokens from each: measured on the bench's first searches,
 * 1 000 B files cost the heaviest (a pasted body) 147.3 KB, 2 000 B 150.5 KB and 4 000 B 153 KB.
 */
const TOKEN_FILE_BYTES = 1_000;
const CHAR_FILE_BYTES = 16_000;
const ENTRY_FILE_BYTES = 3_000;
