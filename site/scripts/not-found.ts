/**
 * The not-found pages lead on: they read the address, say what is missing
 * ("9999 is not in the catalog."), link the search pre-filled with it, and
 * list the nearest records of the catalog (/{lang}/not-found.json). Static
 * hosting answers every unknown address with the same 404.html, so this is
 * done in the browser; without JavaScript the page says it in general terms.
 */

/** One record, as /{lang}/not-found.json lists it: its page, its code as shown, its title. */
export type NotFoundEntry = [path: string, code: string, title: string];

/** What an address asks for: /en/errors/9999/ → { lang: 'en', segment: 'errors', id: '9999' }. */
export type Wanted = { lang?: string; segment?: string; id: string };

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * Read a path: an optional language, a kind's segment and an id when there are
 * two parts after the language (a record's address), else the last part as
 * what was looked for. The id is decoded and trimmed; empty when the path has none.
 */
export function readPath(pathname: string): Wanted {
  const parts = pathname.split('/').filter(Boolean).map(decode);
  const lang = parts[0] === 'zh' || parts[0] === 'en' ? parts.shift() : undefined;
  if (parts.length === 2) return { lang, segment: parts[0], id: parts[1].trim() };
  return { lang, id: (parts.at(-1) ?? '').replace(/\.html?$/, '').trim() };
}

/** A code as compared: lower case, without spaces, `-` or `_`. */
const normCode = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');

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
 * address's own kind comes before another kind's. Case, spaces, `-` and `_`
 * do not count.
 */
export function nearest(entries: readonly NotFoundEntry[], wanted: Wanted, count = 5): NotFoundEntry[] {
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

const fill = (template: string, values: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

/** Lead on from every not-found block of the page ([data-not-found], one per language). */
export function leadOn(pathname: string = location.pathname): void {
  const wanted = readPath(pathname);
  for (const block of document.querySelectorAll<HTMLElement>('[data-not-found]')) {
    const { lang = 'en', notInCatalog = '', noPage = '', searchFor = '', nearestTitle = '' } = block.dataset;
    const what = block.querySelector<HTMLElement>('.nf-what');
    const search = block.querySelector<HTMLAnchorElement>('.nf-search');
    const list = block.querySelector<HTMLElement>('.nearest');
    // A record's address in a language: the code is not in the catalog. Anything else: no page here.
    const noPageHere = fill(noPage, { path: decode(pathname) });
    if (what) what.textContent = wanted.lang && wanted.segment && wanted.id ? fill(notInCatalog, { code: wanted.id }) : noPageHere;
    if (search && wanted.id) {
      search.href = `/${lang}/search/?q=${encodeURIComponent(wanted.id)}`;
      search.textContent = fill(searchFor, { q: wanted.id });
    }
    if (!list || !wanted.id) continue;
    fetch(`/${lang}/not-found.json`)
      .then((res) => (res.ok ? (res.json() as Promise<NotFoundEntry[]>) : []))
      .then((entries) => {
        const found = nearest(entries, wanted);
        if (!found.length) return;
        // The code is in the catalog, as another kind (/en/errors/206/ for HTTP 206).
        if (what && normCode(found[0][1]) === normCode(wanted.id)) what.textContent = noPageHere;
        const heading = document.createElement('h2');
        heading.textContent = nearestTitle;
        const ul = document.createElement('ul');
        for (const [path, code, title] of found) {
          const a = document.createElement('a');
          a.href = path;
          const c = document.createElement('code');
          c.textContent = code;
          a.append(c, ` ${title}`);
          const li = document.createElement('li');
          li.append(a);
          ul.append(li);
        }
        list.replaceChildren(heading, ul);
      })
      .catch(() => {
        // No list of records: the page still says what is missing and links the search.
      });
  }
}
