/**
 * The search page: Pagefind's JS API (one index per language, chosen by
 * <html lang>) plus a small JSON of codes that pins exact matches first.
 * Results are built with DOM nodes and textContent only: no innerHTML.
 */
import { pinned, normalize, type CodeEntry } from './pin.ts';

type PagefindResultData = {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
};
type Pagefind = {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string, o?: Record<string, unknown>): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] } | null>;
};

type Hit = { url: string; code: string; title: string; kind?: string; excerpt: string; marked: boolean };

const MAX_RESULTS = 20;

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

function renderHit(hit: Hit): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = hit.url;
  if (hit.code) {
    const code = document.createElement('code');
    code.className = 'r-code';
    code.textContent = hit.code;
    a.append(code);
  }
  const title = document.createElement('span');
  title.className = 'r-title';
  title.textContent = hit.title;
  a.append(title);
  li.append(a);
  if (hit.kind) {
    const kind = document.createElement('span');
    kind.className = 'badge r-kind';
    kind.textContent = hit.kind;
    li.append(kind);
  }
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
  const switcher = document.querySelector<HTMLAnchorElement>('a[data-lang-switch]');
  if (!input || !form || !list || !status) return;
  const lang = document.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const switchBase = switcher?.getAttribute('href') ?? '';

  const codes: Promise<CodeEntry[]> = fetch(`/${lang}/search/codes.json`).then((r) => (r.ok ? r.json() : []));
  const pagefind: Promise<Pagefind> = (async () => {
    const url = '/pagefind/pagefind.js';
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pf.options({ ranking: { termSimilarity: 3, pageLength: 0.3, termFrequency: 0.6 } });
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
  const search = async (raw: string) => {
    const mine = ++run;
    const q = raw.trim();
    remember(q);
    if (!normalize(q)) {
      list.replaceChildren();
      say('');
      return;
    }
    say(status.dataset.searching ?? '');
    const first = pinned(await codes, q);
    const hits: Hit[] = first.map((e) => ({ url: e.u, code: e.c, title: e.t, kind: e.kl, excerpt: e.s, marked: false }));
    try {
      const pf = await pagefind;
      const found = await pf.search(q);
      if (mine !== run) return;
      const seen = new Set(hits.map((h) => h.url));
      const more = await Promise.all((found?.results ?? []).slice(0, MAX_RESULTS + hits.length).map((r) => r.data()));
      if (mine !== run) return;
      for (const d of more) {
        const url = d.url.replace(/index\.html$/, '');
        if (seen.has(url)) continue;
        seen.add(url);
        hits.push({ url, code: d.meta.code ?? '', title: d.meta.title ?? url, kind: d.meta.kind, excerpt: d.excerpt, marked: true });
      }
    } catch (error) {
      console.warn('search index unavailable', error);
    }
    if (mine !== run) return;
    const shown = hits.slice(0, MAX_RESULTS);
    list.replaceChildren(...shown.map(renderHit));
    say(count(hits.length));
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
