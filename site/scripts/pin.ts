/**
 * Which records a query names exactly, to show before Pagefind's ranked
 * results: Pagefind matches words by prefix (so "2" also finds 200, 201, 206)
 * and segments Chinese differently when indexing and when searching.
 * Pure functions over /{lang}/search/codes.json; no DOM.
 */
export type CodeEntry = { u: string; c: string; i: string; k: string; kl: string; t: string; s: string; w: string[] };

/** Lowercase, trimmed, quotes and surrounding punctuation dropped, runs of space made one. */
export function normalize(q: string): string {
  return q
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^[\s"'“”‘’「」`.,;:!?。，；：！？]+|[\s"'“”‘’「」`.,;:!?。，；：！？]+$/g, '')
    .replace(/\s+/g, ' ');
}

/** At most this many records are pinned for containing a Chinese query. */
const MAX_CONTAINED = 5;

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);
/** Chinese is compared without spaces: 资源 ID 过期 = 资源ID过期. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * The records to put first, best first:
 * 1. the code or message itself (433, invalid appid, serviceIdle; "HTTP 404" for an HTTP status);
 * 2. an exact title;
 * 3. an exact reason string, constant or keyword;
 * 4. for a Chinese query, records whose title or keywords contain it, when there are few.
 * Within each group, catalog order (body codes before HTTP statuses).
 */
export function pinned(entries: readonly CodeEntry[], query: string): CodeEntry[] {
  const q = normalize(query);
  if (!q) return [];
  const http = /^http(?:\s*status)?\s*(\d{3})$/.exec(q)?.[1];
  const codeMatch = (e: CodeEntry) =>
    e.c.toLowerCase() === q || e.i.toLowerCase() === q || (http !== undefined && e.k === 'http-status' && e.i === http);
  const same = (w: string) => normalize(w) === q || (hasHan(q) && squeeze(normalize(w)) === squeeze(q));
  const titleMatch = (e: CodeEntry) => same(e.t);
  const phraseMatch = (e: CodeEntry) => e.w.some(same);
  const hanMatch = (e: CodeEntry) =>
    hasHan(q) && squeeze(q).length >= 2 && [e.t, ...e.w].some((w) => squeeze(normalize(w)).includes(squeeze(q)));
  const out: CodeEntry[] = [];
  for (const test of [codeMatch, titleMatch, phraseMatch]) {
    for (const e of entries) if (!out.includes(e) && test(e)) out.push(e);
  }
  // A Chinese word found in many titles (录制) says little: leave those to Pagefind's ranking.
  const contained = entries.filter((e) => !out.includes(e) && hanMatch(e));
  if (contained.length <= MAX_CONTAINED) out.push(...contained);
  return out;
}

// ---------------------------------------------------------------------------
// The pinning data, split so that a search downloads what its query can match
// rather than every record (at 100 times the catalog, every record is ~500 KB
// gzipped per language; npm run bench). /{lang}/search/pin/k{n}.json maps
// keys to entry numbers (catalog order); /{lang}/search/pin/e{n}.json holds
// entries n·PIN_ENTRIES_PER_FILE onwards. A key starts with the group of
// pinned() it finds entries for (1 code, 2 title, 3 phrase, 4 a two-character
// piece of a Chinese title or phrase); it lives in file shardOf(key).

export const PIN_ENTRIES_PER_FILE = 4;

/** How many key files a catalog of `entries` records has (~16 records' keys in each). */
export const pinFiles = (entries: number): number => Math.max(1, Math.ceil(entries / 16));

/** The key file that holds `key`: FNV-1a over its UTF-16 code units, the group left out (one file for all four). */
export function shardOf(key: string, files: number): number {
  let h = 0x811c9dc5;
  for (let i = 1; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h % files;
}

const pieces = (s: string): string[] => Array.from({ length: s.length - 1 }, (_, i) => '4' + s.slice(i, i + 2));

/**
 * The keys an entry is found by: what pinned() compares a query with (code and
 * id; title; phrases — normalized, and squeezed when Chinese), and the pieces
 * of its Chinese title and phrases, which any Chinese query they contain has too.
 */
export function entryKeys(e: CodeEntry): string[] {
  const keys = new Set(['1' + e.c.toLowerCase(), '1' + e.i.toLowerCase(), ...(e.k === 'http-status' ? ['1http ' + e.i] : [])]);
  [e.t, ...e.w].forEach((w, i) => {
    const n = normalize(w);
    const group = i === 0 ? '2' : '3';
    keys.add(group + n);
    if (hasHan(n)) keys.add(group + squeeze(n));
    if (hasHan(n)) pieces(squeeze(n)).forEach((k) => keys.add(k));
  });
  return [...keys];
}

/**
 * The keys to look up for a query: `exact`, in pinned()'s order of groups,
 * find every entry it matches by code (HTTP statuses also as "http 404"),
 * title or phrase; every entry that contains a Chinese query is under each of
 * its `pieces`.
 */
export function queryKeys(query: string): { exact: string[]; pieces: string[] } {
  const q = normalize(query);
  if (!q) return { exact: [], pieces: [] };
  const http = /^http(?:\s*status)?\s*(\d{3})$/.exec(q)?.[1];
  const han = hasHan(q);
  const exact = ['1' + q, ...(http ? ['1http ' + http] : [])];
  for (const group of ['2', '3']) exact.push(group + q, ...(han ? [group + squeeze(q)] : []));
  return { exact: [...new Set(exact)], pieces: han && squeeze(q).length >= 2 ? pieces(squeeze(q)) : [] };
}

/**
 * Which entries pinned() needs for a query, given the entry numbers `found`
 * under each of its queryKeys(): the first `max` it matches by code, title or
 * phrase (pinned()'s order), then — if fewer — every other record that has
 * all the pieces of a Chinese query, when there are at most `maxContaining`
 * (pinned() pins those that contain it only when they are few). In catalog
 * order. pinned() over these entries starts with the same `max` records as
 * over every record, unless more than `maxContaining` records have the pieces
 * but at most MAX_CONTAINED contain the query.
 */
export function pinNeeds(keys: { exact: string[]; pieces: string[] }, found: (key: string) => readonly number[], max: number, maxContaining = 12): number[] {
  const exactly = new Set<number>();
  for (const group of ['1', '2', '3']) {
    const numbers = keys.exact.filter((k) => k[0] === group).flatMap((k) => found(k));
    [...new Set(numbers)].sort((a, b) => a - b).forEach((n) => exactly.add(n));
  }
  const out = [...exactly].slice(0, max);
  if (keys.pieces.length && out.length < max) {
    const sets = keys.pieces.map((k) => new Set(found(k)));
    const containing = [...sets[0]].filter((n) => !exactly.has(n) && sets.every((s) => s.has(n)));
    if (containing.length <= maxContaining) out.push(...containing);
  }
  return out.sort((a, b) => a - b);
}
