/**
 * The records nearest to a code or name the catalog does not hold, for the
 * site's not-found page (site/scripts/not-found.ts, /en/errors/4333/) and the
 * CLI's unknown query (`agora-rec-codes 4333`). Pure and small: the not-found
 * page's script carries it.
 */

/** One record: its page (a path, /en/errors/433/), its code as shown (433, "Invalid authentication credentials"), its title. */
export type NearestEntry = [path: string, code: string, title: string];

/** What was asked for: the code or name, and the segment of the kind it was asked as (errors, http …), if any. */
export type NearestWanted = { id: string; segment?: string };

/**
 * Words before a number that make it an id, a port, a line or a count of something, never a code:
 * `uid 0`, `room 7`, `port 443`, `line 49`, `房间 12`. Read by the CLI's questions and the site's search.
 */
export const ID_WORDS = /^(?:id|uid|uids|sid|pid|tid|vid|port|line|lines|row|thread|index|version|room|用户|房间|端口|行|第)$/i;

/** A code as compared: lower case, without spaces, `-` or `_`. */
export const normCode = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');

/** Levenshtein distance between two strings (by code point). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let row = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length];
}

/**
 * The records nearest to what was asked for, best first: the same code in
 * another kind (/en/errors/206/ finds HTTP 206); a code one edit away (a
 * mistyped 4333 finds 433); for a number, then, the numerically closest (9999
 * finds 1028, 1013 …); for a name, the fewest edits. A record of the
 * asked-for kind comes before another kind's. Case, spaces, `-` and `_`
 * do not count.
 */
export function nearest(entries: readonly NearestEntry[], wanted: NearestWanted, count = 5): NearestEntry[] {
  const id = normCode(wanted.id);
  if (!id) return [];
  const number = /^\d+$/.test(id) ? Number(id) : undefined;
  const scored = entries.map((entry, order) => {
    const code = normCode(entry[1]);
    const segment = entry[0].split('/').filter(Boolean)[1];
    const numeric = number !== undefined && /^\d+$/.test(code);
    const distance = editDistance(id, code);
    // Numbers: a typo (one edit) or nothing; then closeness decides. Names: every edit counts.
    const edits = numeric ? Math.min(distance, 2) : distance - (code.includes(id) || id.includes(code) ? 0.5 : 0);
    const otherKind = wanted.segment && segment !== wanted.segment ? 0.25 : 0;
    const gap = numeric ? Math.abs(Number(code) - number!) : Number.MAX_SAFE_INTEGER;
    return { entry, score: edits + otherKind, gap, order };
  });
  scored.sort((a, b) => a.score - b.score || a.gap - b.gap || a.order - b.order);
  return scored.slice(0, count).map((s) => s.entry);
}

/** Whether an entry is the wanted code itself, as another kind (HTTP 206 for /errors/206/). */
export const sameCode = (entry: NearestEntry, wanted: NearestWanted): boolean => normCode(entry[1]) === normCode(wanted.id);

/**
 * Is an entry close enough to suggest by itself, as "did you mean"? The same
 * code, a number one edit away, a name within about one edit in four
 * characters, or one of three characters or more that contains the other
 * ("433 是什么意思" and 433).
 */
export function isNear(entry: NearestEntry, wanted: NearestWanted): boolean {
  const id = normCode(wanted.id);
  const code = normCode(entry[1]);
  if (!id) return false;
  const distance = editDistance(id, code);
  if (/^\d+$/.test(id) && /^\d+$/.test(code)) return distance <= 1;
  const [shorter, longer] = id.length < code.length ? [id, code] : [code, id];
  return distance <= Math.max(1, Math.floor(id.length / 4)) || (shorter.length >= 3 && longer.includes(shorter));
}
