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
