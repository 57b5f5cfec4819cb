/**
 * The not-found pages lead on: they read the address, say what is missing
 * ("9999 is not in the catalog."), link the search pre-filled with it, and
 * list the nearest records of the catalog (/{lang}/not-found.json). Static
 * hosting answers every unknown address with the same 404.html, so this is
 * done in the browser; without JavaScript the page says it in general terms.
 */
import { type NearestEntry, nearest, sameCode } from '../../src/nearest.ts';

/** One record, as /{lang}/not-found.json lists it: its page, its code as shown, its title. */
export type NotFoundEntry = NearestEntry;

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
        if (what && sameCode(found[0], wanted)) what.textContent = noPageHere;
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
