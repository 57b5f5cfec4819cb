/**
 * The search page: Pagefind's JS API (one index per language, chosen by
 * <html lang>) plus the few files of /{lang}/search/pin/ that a query needs
 * to pin exact matches first (pin.ts).
 * Results are built with DOM nodes and textContent only: no innerHTML.
 */
import { pinned, normalize, PIN_ENTRIES_PER_FILE, pinNeeds, queryKeys, shardOf, type CodeEntry } from './pin.ts';

type PagefindResultData = {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
};
type Pagefind = {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string, o?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
};

type PagefindResult = { id: string; data(): Promise<PagefindResultData> };

type Hit = { url: string; code: string; title: string; kind?: string; excerpt: string; marked: boolean };

/** Results shown at first, and added by each "more results": each is a fragment to download. */
const PAGE = 10;
/**
 * The entries pinned() needs for `query`, from /{lang}/search/pin/: the key
 * files of its keys, then the entry files of the records pinNeeds() names.
 */
function pinLoader(lang: string, files: number): (query: string) => Promise<CodeEntry[]> {
  const cache = new Map<string, Promise<unknown>>();
  const load = <T>(name: string): Promise<T> => {
    if (!cache.has(name)) cache.set(name, fetch(`/${lang}/search/pin/${name}.json`).then((r) => (r.ok ? r.json() : {})));
    return cache.get(name) as Promise<T>;
  };
  return async (query) => {
    const keys = queryKeys(query);
    const found = new Map<string, number[]>();
    await Promise.all(
      [...keys.exact, ...keys.pieces].map(async (key) => {
        const file = await load<Record<string, number[]>>(`k${shardOf(key, files)}`);
        if (Object.hasOwn(file, key)) found.set(key, file[key]);
      }),
    );
    const numbers = pinNeeds(keys, (key) => found.get(key) ?? [], PAGE);
    const entries = await Promise.all(
      numbers.map(async (n) => (await load<CodeEntry[]>(`e${Math.floor(n / PIN_ENTRIES_PER_FILE)}`))[n % PIN_ENTRIES_PER_FILE]),
    );
    return pinned(entries.filter(Boolean), query);
  };
}

/** Pagefind's excerpt is escaped HTML with <mark> around matches: turn it into nodes, never into markup. */
export function excerptNodes(excerpt: string): Node[] {
  const decode = (s: string) =>
    s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (all, e: string) => {
      const lower = e.toLowerCase();
      if (lower[0] === '#') {
        const n = lower[1] === 'x' ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
        return Number.isFinite(n) ? String.fromCodePoint(n) : all;
      }
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[lower] ?? all;
    });
  const nodes: Node[] = [];
  excerpt.split(/(<mark>.*?<\/mark>)/s).forEach((part) => {
    const m = /^<mark>(.*)<\/mark>$/s.exec(part);
    const text = decode((m ? m[1] : part).replace(/<[^>]*>/g, ''));
    if (!text) return;
    if (m) {
      const mark = document.createElement('mark');
      mark.textContent = text;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(text));
  });
  return nodes;
}

/** An element holding `text` as text, never as markup. */
function textElement(tag: 'code' | 'span', className: string, text: string): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

function renderHit(hit: Hit): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = hit.url;
  if (hit.code) a.append(textElement('code', 'r-code', hit.code));
  a.append(textElement('span', 'r-title', hit.title));
  li.append(a);
  if (hit.kind) li.append(textElement('span', 'badge r-kind', hit.kind));
  const p = document.createElement('p');
  if (hit.marked) p.append(...excerptNodes(hit.excerpt));
  else p.textContent = hit.excerpt;
  li.append(p);
  return li;
}

export async function startSearch(): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('#q');
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const list = document.querySelector<HTMLOListElement>('#results');
  const status = document.querySelector<HTMLElement>('#status');
  const moreButton = document.querySelector<HTMLButtonElement>('#more-results');
  const switcher = document.querySelector<HTMLAnchorElement>('a[data-lang-switch]');
  if (!input || !form || !list || !status) return;
  const lang = document.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const switchBase = switcher?.getAttribute('href') ?? '';

  const pinnedFor = pinLoader(lang, Number(list.dataset.pinFiles) || 1);
  const pagefind: Promise<Pagefind> = (async () => {
    const url = '/pagefind/pagefind.js';
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    // noWorker: search in the page, not in Pagefind's web worker, whose script is
    // another ~13 KB to download before a first search (npm run bench).
    await pf.options({ noWorker: true, ranking: { termSimilarity: 3, pageLength: 0.3, termFrequency: 0.6 } });
    await pf.init();
    return pf;
  })();

  const say = (text: string) => (status.textContent = text);
  const count = (n: number) =>
    n === 0 ? status.dataset.none ?? '' : n === 1 ? status.dataset.one ?? '' : (status.dataset.many ?? '{n}').replace('{n}', String(n));

  /** Keep ?q= in the address and in the language switch, so it survives both. */
  const remember = (q: string) => {
    const query = q ? `?q=${encodeURIComponent(q)}` : '';
    history.replaceState(null, '', location.pathname + query);
    if (switcher) switcher.href = switchBase + query;
  };

  let run = 0;
  /** Shows the next page of the current search's results; undefined when all are shown. */
  let showMore: (() => Promise<void>) | undefined;
  const offerMore = (next: typeof showMore) => {
    showMore = next;
    if (moreButton) moreButton.hidden = !next;
  };
  moreButton?.addEventListener('click', () => void showMore?.());

  const search = async (raw: string) => {
    const mine = ++run;
    const q = raw.trim();
    remember(q);
    offerMore(undefined);
    if (!normalize(q)) {
      list.replaceChildren();
      say('');
      return;
    }
    say(status.dataset.searching ?? '');
    const searching = pagefind.then((pf) => pf.search(q)); // meanwhile, the pinned entries
    searching.catch(() => undefined); // reported below
    const first = await pinnedFor(q).catch(() => [] as CodeEntry[]);
    const hits: Hit[] = first.map((e) => ({ url: e.u, code: e.c, title: e.t, kind: e.kl, excerpt: e.s, marked: false }));
    const seen = new Set(hits.map((h) => h.url));
    let results: PagefindResult[] = [];
    let loaded = 0;
    /** Load Pagefind results (each a fragment to download) until `hits` holds `upTo`, or none are left. */
    const fill = async (upTo: number): Promise<boolean> => {
      while (hits.length < upTo && loaded < results.length) {
        const batch = results.slice(loaded, loaded + upTo - hits.length);
        loaded += batch.length;
        const more = await Promise.all(batch.map((r) => r.data()));
        if (mine !== run) return false;
        for (const d of more) {
          const url = d.url.replace(/index\.html$/, '');
          if (seen.has(url)) continue;
          seen.add(url);
          hits.push({ url, code: d.meta.code ?? '', title: d.meta.title ?? url, kind: d.meta.kind, excerpt: d.excerpt, marked: true });
        }
      }
      return mine === run;
    };
    let shown = 0;
    const show = async (upTo: number) => {
      if (!(await fill(upTo))) return;
      list.append(...hits.slice(shown, upTo).map(renderHit));
      shown = Math.min(upTo, hits.length);
      say(count(hits.length + results.length - loaded));
      offerMore(shown < hits.length || loaded < results.length ? () => show(shown + PAGE) : undefined);
    };
    try {
      const found = await searching;
      if (mine !== run) return;
      results = found?.results ?? [];
    } catch (error) {
      console.warn('search index unavailable', error);
    }
    if (mine !== run) return;
    list.replaceChildren();
    await show(PAGE);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), 120);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    search(input.value);
  });

  const initial = new URLSearchParams(location.search).get('q') ?? '';
  input.value = initial;
  if (initial) await search(initial);
  else input.focus();
}
