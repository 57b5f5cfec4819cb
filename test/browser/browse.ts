/**
 * Opening pages of the built site in Chromium for a test, and collecting what
 * went wrong on them: console errors, uncaught exceptions, failed requests,
 * and any Content-Security-Policy violation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, BrowserContextOptions, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { useChromium } from './chromium.ts';
import { type SiteServer, startSite } from './site-server.ts';

export type Opened = { page: Page; context: BrowserContext; problems: string[]; response: Response | null };

/**
 * Report every Content-Security-Policy violation in `context` to `problems`: the
 * `securitypolicyviolation` event of any page or frame (installed before any
 * script of the page runs), and any console message about the policy. A page
 * that breaks the site's policy thus fails the test that opened it.
 */
export async function watchCsp(context: BrowserContext, problems: string[]): Promise<void> {
  await context.exposeBinding('__cspViolation', ({ frame }, what: string) => {
    problems.push(`CSP violation on ${frame.url()}: ${what}`);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const report = (window as unknown as { __cspViolation(what: string): void }).__cspViolation;
        report(`${e.effectiveDirective} blocked ${e.blockedURI || 'an inline resource'} (${e.sourceFile || 'page'}:${e.lineNumber}) — ${e.originalPolicy}`);
      },
      true,
    );
  });
  context.on('console', (m) => {
    if (/content[- ]security[- ]policy/i.test(m.text())) problems.push(`CSP console ${m.type()} on ${m.page()?.url() ?? '?'}: ${m.text()}`);
  });
}

/** Open `path` in a fresh context; `problems` collects console errors, page errors, failed same-site requests and CSP violations. */
export async function open(browser: Browser, base: string, path: string, options: BrowserContextOptions = {}): Promise<Opened> {
  const context = await browser.newContext({ locale: 'en-US', ...options });
  const problems: string[] = [];
  await watchCsp(context, problems);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error on ${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught on ${page.url()}: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A navigation cancels what the page before it was still loading: not a failure of the site.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('response', (r) => {
    if (r.url().startsWith(base) && r.status() >= 400 && r.request().resourceType() !== 'document') problems.push(`${r.status()} for ${r.url()}`);
  });
  const response = await page.goto(base + path);
  return { page, context, problems, response };
}

/** The built site and Chromium as one test file uses them: every page opened through it is checked after each test. */
export type SitePages = {
  /** The site's base URL, e.g. http://127.0.0.1:PORT. */
  readonly url: string;
  readonly browser: Browser;
  /** Open `path` in a fresh context, to be checked and closed after the test. */
  visit(path: string, options?: BrowserContextOptions): Promise<Opened>;
  /** Check and close after the test a page opened another way. */
  track(o: Opened): Opened;
};

/**
 * Serve the built site and launch Chromium for the tests of one file. After
 * each test, every page opened through `visit` or `track` is closed, and the
 * test fails if any logged a console error, threw, failed a request or broke
 * the Content-Security-Policy. `prepare` runs on each page `visit` opens.
 */
export function useSitePages(prepare?: (o: Opened) => Promise<void>): SitePages {
  const chromium = useChromium();
  let server: SiteServer | undefined;
  let opened: Opened[] = [];
  beforeAll(async () => {
    server = await startSite();
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    const problems = opened.flatMap((o) => o.problems);
    await Promise.all(opened.map((o) => o.context.close()));
    opened = [];
    expect(problems).toEqual([]);
  });
  const pages: SitePages = {
    get url() {
      if (!server) throw new Error('the site is not served yet');
      return server.url;
    },
    get browser() {
      return chromium.browser;
    },
    track(o) {
      opened.push(o);
      return o;
    },
    async visit(path, options) {
      const o = pages.track(await open(chromium.browser, pages.url, path, options));
      await prepare?.(o);
      return o;
    },
  };
  return pages;
}

/** Wait until the search page has finished a search, then list the result links in order. */
export async function searchResults(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const status = document.querySelector<HTMLElement>('#status');
    return !!status?.textContent && status.textContent !== status.dataset.searching;
  });
  return page.$$eval('#results li > a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Run axe-core on the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a <script>: the site's Content-Security-Policy rightly blocks inline scripts.
  await page.evaluate(`${axeSource}\n;0`);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
