/**
 * Browser figures, from Chromium's network log (playwright-core, Debian's
 * Chromium, the tests' launch flags), each page in a fresh context (empty
 * cache), served gzipped by scripts/bench/server.ts.
 *
 * A request's transfer size is its response headers plus its body as sent
 * (Content-Length of the gzipped or stored body); Chromium reports 0 body
 * bytes for a worker's own script, so the header is read rather than
 * `responseBodySize`.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Request } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../test/browser/chromium.ts';

export const launch = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

export type Transfer = { path: string; type: string; bytes: number; body: number };

async function transfer(request: Request, base: string): Promise<Transfer> {
  const response = await request.response();
  const sizes = await request.sizes();
  const body = Number((await response?.allHeaders())?.['content-length'] ?? sizes.responseBodySize);
  return { path: request.url().replace(base, ''), type: request.resourceType(), bytes: sizes.responseHeadersSize + body, body };
}

/** Record every finished request of `page`; `settled()` waits until none is in flight for 300 ms. */
function log(page: Page, base: string): { seen: Promise<Transfer>[]; settled(): Promise<void> } {
  const seen: Promise<Transfer>[] = [];
  let open = 0;
  let last = performance.now();
  const context = page.context();
  context.on('request', () => {
    open++;
    last = performance.now();
  });
  context.on('requestfailed', () => {
    open--;
    last = performance.now();
  });
  context.on('requestfinished', (r) => {
    open--;
    last = performance.now();
    seen.push(transfer(r, base));
  });
  const settled = async () => {
    while (open > 0 || performance.now() - last < 300) await new Promise((ok) => setTimeout(ok, 50));
  };
  return { seen, settled };
}

const gz = (s: string) => (s ? gzipSync(s, { level: 6 }).length : 0);

export type PageWeight = { path: string; html: number; css: number; js: number; jsOnLoad: number; total: number; readableWithoutJs?: boolean };

/**
 * What loading `path` costs: gzipped bodies of the HTML, CSS and JS it loads
 * (inline ones are inside the HTML) — response headers not counted — and the
 * JS that runs on load (script files plus inline scripts, gzipped alone).
 * With `mustRead`, also whether that text is in the page with JavaScript off.
 */
export async function pageWeight(browser: Browser, base: string, path: string, mustRead?: string[]): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes: Promise<{ type: string; body: number }>[] = [];
  context.on('requestfinished', (r) =>
    void sizes.push(r.response().then(async (res) => ({ type: r.resourceType(), body: Number((await res?.allHeaders())?.['content-length'] ?? 0) }))),
  );
  await page.goto(base + path, { waitUntil: 'networkidle' });
  const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n'));
  await context.close();
  const all = await Promise.all(sizes);
  const sum = (type: string) => all.filter((s) => s.type === type).reduce((n, s) => n + s.body, 0);
  const weight: PageWeight = { path, html: sum('document'), css: sum('stylesheet'), js: sum('script'), jsOnLoad: sum('script') + gz(inline), total: 0 };
  weight.total = weight.html + weight.css + weight.js;
  if (mustRead) {
    const off = await browser.newContext({ javaScriptEnabled: false });
    const p = await off.newPage();
    await p.goto(base + path);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText, the text as rendered, is what is wanted
    const text = (await p.locator('main').innerText()).replace(/\s+/g, ' ');
    weight.readableWithoutJs = mustRead.every((t) => text.includes(t.replace(/`/g, '').replace(/\s+/g, ' ')));
    await off.close();
  }
  return weight;
}

export type FirstSearch = { query: string; onLoad: number; afterTyping: number; bytes: number; bodies: number; requests: number; msToResult: number; files: Transfer[] };

/** Requests of the search page that are the page itself rather than search. */
const isPage = (t: Transfer, path: string) => t.type === 'document' || t.type === 'stylesheet' || t.path === '/favicon.svg' || t.path === path;

/**
 * A first search: open the search page in a fresh context and wait until the
 * network is idle (Pagefind is initialised then); enter `query` at once (as a
 * paste) and wait for the first result, then until no request is in flight.
 * Counted: every request of the search page but its HTML, CSS and favicon —
 * the search scripts, Pagefind's files and the search data — before and after
 * typing. The time runs from the input event to the first result in the list
 * (it includes the page's 120 ms debounce).
 */
export async function firstSearch(browser: Browser, base: string, lang: string, query: string): Promise<FirstSearch> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const path = `/${lang}/search/`;
  const { seen, settled } = log(page, base);
  await page.goto(base + path, { waitUntil: 'networkidle' });
  await settled();
  const before = seen.length;
  await page.evaluate(() => {
    const w = window as unknown as { benchTyped?: number; benchResult?: number };
    document.querySelector('#q')!.addEventListener('input', () => (w.benchTyped ??= performance.now()), { once: true });
    // A first result: in the results, or among the closest matches.
    new MutationObserver((_, observer) => {
      if (document.querySelector('#results li, #closest li')) {
        w.benchResult = performance.now();
        observer.disconnect();
      }
    }).observe(document.querySelector('#results')!.parentElement!, { childList: true, subtree: true });
  });
  await page.locator('#q').fill(query);
  await page.waitForFunction(() => (window as unknown as { benchResult?: number }).benchResult !== undefined, null, { timeout: 60_000 });
  await settled();
  const ms = await page.evaluate(() => {
    const w = window as unknown as { benchTyped: number; benchResult: number };
    return w.benchResult - w.benchTyped;
  });
  const files = await Promise.all(seen);
  await context.close();
  const search = files.map((f, i) => ({ ...f, after: i >= before })).filter((f) => !isPage(f, path));
  const sum = (list: Transfer[]) => list.reduce((n, f) => n + f.bytes, 0);
  return {
    query,
    onLoad: sum(search.filter((f) => !f.after)),
    afterTyping: sum(search.filter((f) => f.after)),
    bytes: sum(search),
    bodies: search.reduce((n, f) => n + f.body, 0),
    requests: search.length,
    msToResult: ms,
    files: search,
  };
}
