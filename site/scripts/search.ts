/**
 * The search page: asks the site's search (engine.ts) and shows its answers.
 * The records the query names appear as soon as they are known, Pagefind's
 * pages after them, then — when the words found little — the closest matches
 * under a line that says so. Space for the status line and the results is
 * reserved by the CSS, so nothing below moves while they arrive.
 * Results are built with DOM nodes and textContent only: no innerHTML.
 */
import { createSearch, type Hit, PAGE, type Results } from './engine.ts';
import { hasHan } from './query.ts';

/**
 * Pagefind's excerpt is escaped HTML with <mark> around matches: the browser's
 * own parser reads it (entities included, whatever they are), and only its
 * text and its marks are kept.
 */
export function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html').body;
  const nodes: Node[] = [];
  for (const child of parsed.childNodes) {
    const text = child.textContent ?? '';
    if (!text) continue;
    if (child.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = text;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(text));
  }
  return nodes;
}

/** `text` with the query's terms marked: Latin words by their start, Chinese by any two characters they share. */
export function markedNodes(text: string, terms: readonly string[]): Node[] {
  const lower = text.toLowerCase();
  const spans: [number, number][] = [];
  const find = (needle: string, wordStart: boolean) => {
    if (!needle) return;
    for (let i = lower.indexOf(needle); i !== -1; i = lower.indexOf(needle, i + 1)) {
      if (wordStart && i > 0 && /[\p{L}\p{N}]/u.test(lower[i - 1]) && !hasHan(lower[i - 1])) continue;
      spans.push([i, i + needle.length]);
    }
  };
  for (const term of terms) {
    if (!hasHan(term)) {
      if (term.length > 1) find(term.toLowerCase(), true);
      continue;
    }
    const chars = [...term];
    if (chars.length < 2) continue;
    for (let i = 0; i + 1 < chars.length; i++) find(chars[i] + chars[i + 1], false);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const nodes: Node[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) nodes.push(document.createTextNode(text.slice(at, from)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(from, end);
    nodes.push(mark);
    at = end;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

/** An element holding `text` as text, never as markup. */
function textElement(tag: 'code' | 'span', className: string, text: string): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

/**
 * One result: its kind, then a link with its code and title, then one line about it.
 * A record the query names is its answer (class r-named): its summary is shown whole, in
 * the text's colour; other results show two lines of theirs (site.css).
 */
function renderHit(hit: Hit, terms: readonly string[]): HTMLLIElement {
  const li = document.createElement('li');
  if (hit.how === 'named') li.className = 'r-named';
  if (hit.kind) li.append(textElement('span', 'badge r-kind', hit.kind));
  const a = document.createElement('a');
  a.href = hit.path;
  if (hit.code) a.append(textElement('code', 'r-code', hit.code));
  a.append(textElement('span', 'r-title', hit.title));
  li.append(a);
  const p = document.createElement('p');
  p.className = 'r-line';
  if (hit.summary) p.append(...markedNodes(hit.summary, terms));
  else p.append(...excerptNodes(hit.excerpt));
  li.append(p);
  return li;
}

export async function startSearch(): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('#q');
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const list = document.querySelector<HTMLOListElement>('#results');
  const closestLine = document.querySelector<HTMLElement>('#closest-line');
  const closestList = document.querySelector<HTMLOListElement>('#closest');
  const nothing = document.querySelector<HTMLElement>('#nothing');
  const filtered = document.querySelector<HTMLAnchorElement>('#filtered-view');
  const status = document.querySelector<HTMLElement>('#status');
  const moreButton = document.querySelector<HTMLButtonElement>('#more-results');
  const switcher = document.querySelector<HTMLAnchorElement>('a[data-lang-switch]');
  if (!input || !form || !list || !status || !closestLine || !closestList || !nothing || !filtered || !moreButton) return;
  const lang = document.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const switchBase = switcher?.getAttribute('href') ?? '';
  const initial = new URLSearchParams(location.search).get('q') ?? '';

  const engine = createSearch({ lang });
  // Pagefind (its script and WebAssembly, some 75 KB) is loaded ahead of need: at once when
  // the page opens without a query, as the user is about to type one; with a query, once its
  // first search is on screen, so that the records it names are not slowed by a download they
  // do not need (a query that names none has the engine load Pagefind for it, at once).
  let warmed = false;
  const warmAfterPaint = () => {
    if (warmed) return;
    warmed = true;
    requestAnimationFrame(() => setTimeout(() => engine.warm()));
  };
  if (!initial.trim()) warmAfterPaint();

  const say = (text: string) => (status.textContent = text);
  const count = (n: number) =>
    n === 0 ? (status.dataset.none ?? '') : n === 1 ? (status.dataset.one ?? '') : (status.dataset.many ?? '{n}').replace('{n}', String(n));

  /** Keep ?q= in the address and in the language switch, so it survives both. */
  const remember = (q: string) => {
    const query = q ? `?q=${encodeURIComponent(q)}` : '';
    history.replaceState(null, '', location.pathname + query);
    if (switcher) switcher.href = switchBase + query;
  };
  const clear = () => {
    list.replaceChildren();
    closestList.replaceChildren();
    closestLine.hidden = true;
    nothing.hidden = true;
    moreButton.hidden = true;
  };

  let current = 0;
  let showMore: (() => Promise<void>) | undefined;
  moreButton.addEventListener('click', () => void showMore?.());

  const search = async (raw: string) => {
    const mine = ++current;
    const q = raw.trim();
    remember(q);
    showMore = undefined;
    if (!q) {
      clear();
      say('');
      return;
    }
    say(status.dataset.searching ?? '');
    const run = engine.run(q);
    let shown = 0;
    // The records the query names, as soon as they are known.
    const early = run.pinned.then((hits) => {
      if (mine !== current || !hits.length) return;
      clear();
      list.append(...hits.map((h) => renderHit(h, [q])));
      shown = hits.length;
    });
    let results: Results;
    try {
      results = await run.results;
      await early;
    } catch (error) {
      console.warn('search failed', error);
      if (mine === current) say(status.dataset.failed ?? '');
      return;
    }
    if (mine !== current) return;
    const { hits, closest, terms } = results;
    if (shown === 0) clear();
    // What was shown early keeps its place; the rest follows it.
    [...list.querySelectorAll('li')].slice(0, shown).forEach((li, i) => li.replaceWith(renderHit(hits[i], terms)));
    list.append(...hits.slice(shown).map((h) => renderHit(h, terms)));
    closestList.replaceChildren(...closest.map((h) => renderHit(h, terms)));
    closestLine.hidden = closest.length === 0;
    const total = () => list.children.length + (results.remaining ?? 0) + closestList.children.length;
    if (total() === 0) {
      const params = new URLSearchParams(results.filter ?? {});
      filtered.href = `/${lang}/${params.size ? `?${params}` : '?kind=error-code'}`;
      filtered.textContent = params.size ? (filtered.dataset.method ?? '').replace('{m}', params.get('method') ?? '') : (filtered.dataset.kind ?? '');
      nothing.hidden = false;
    }
    say(count(total()));
    warmAfterPaint();
    const offer = () => {
      moreButton.hidden = results.remaining === 0;
      showMore =
        results.remaining === 0
          ? undefined
          : async () => {
              const more = await results.more(PAGE);
              if (mine !== current) return;
              list.append(...more.map((h) => renderHit(h, terms)));
              say(count(total()));
              offer();
            };
    };
    offer();
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

  input.value = initial;
  if (initial) await search(initial);
  else input.focus();
}
