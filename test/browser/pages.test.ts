/**
 * How the pages look and behave at a desktop width (1280 px) and on a phone
 * (390 px), in both languages: every record answers first (its first action
 * on the first screen), tables keep identifiers whole, no button covers code,
 * nothing moves after the first paint, unknown codes lead on, the theme toggle
 * and the search shortcuts work, axe-core finds nothing in light or dark, and
 * every page still reads without JavaScript.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { recordRef } from '../../scripts/catalog/schema.ts';
import { catalog, GUIDES, HTML_LANG, LANGS, pagePath, recordByRef } from '../site/helpers.ts';
import { type open, type Opened, seriousViolations, useSitePages } from './browse.ts';

const { records } = catalog();
const byRef = (ref: string) => recordByRef(records, ref);

const site = useSitePages();
const { visit } = site;

/** Chromium logs a page's own 404 status as a console error: expected on a not-found page, and only that. */
function expect404(o: Opened, path: string): void {
  const expected = `console error on ${site.url}${path}: Failed to load resource: the server responded with a status of 404 (Not Found)`;
  o.problems.splice(0, o.problems.length, ...o.problems.filter((p) => p !== expected));
}

const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
] as const;
type Width = { name: string; viewport: { width: number; height: number }; isMobile?: boolean };
const screen = (w: Width) => ({ viewport: w.viewport, ...(w.isMobile ? { isMobile: true, hasTouch: true } : {}) });

/** What is wrong with the layout of the page as shown: code split inside a table, buttons over code, sideways scrolling. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    // A code in a table cell on two lines is an identifier broken in two, unless it holds a space.
    for (const code of document.querySelectorAll<HTMLElement>('td code')) {
      const text = code.textContent ?? '';
      if (/\s/.test(text)) continue;
      const lines = new Set([...code.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) problems.push(`table code "${text}" is split over ${lines.size} lines`);
    }
    // No visible button over the text of a code block.
    const buttons = [...document.querySelectorAll<HTMLElement>('button')].filter((b) => b.offsetParent !== null).map((b) => [b, b.getBoundingClientRect()] as const);
    for (const pre of document.querySelectorAll('pre')) {
      const range = document.createRange();
      range.selectNodeContents(pre);
      for (const r of range.getClientRects()) {
        if (r.width === 0 || r.height === 0) continue;
        for (const [b, box] of buttons) {
          const overlap = box.left < r.right && r.left < box.right && box.top < r.bottom && r.top < box.bottom;
          if (overlap) problems.push(`button "${b.textContent?.trim()}" covers code "${pre.textContent?.slice(0, 40)}"`);
        }
      }
    }
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    if (overflow > 0) problems.push(`the page scrolls sideways by ${overflow} px`);
    // Tables fit: none needs its own sideways scrolling.
    for (const wrap of document.querySelectorAll<HTMLElement>('.table-wrap')) {
      const hidden = wrap.scrollWidth - wrap.clientWidth;
      if (hidden > 1) problems.push(`a table is ${hidden} px wider than its place (${wrap.querySelector('th')?.textContent}…)`);
    }
    return problems;
  });
}

describe('record pages answer first, and fit, at 1280 and 390 px', () => {
  for (const lang of LANGS) {
    for (const w of WIDTHS) {
      it(`${lang}, ${w.name}: every record's first action is on the first screen; no identifier split, no button on code, no sideways scrolling`, async () => {
        const o = await visit(pagePath(records[0], lang), screen(w));
        const failures: string[] = [];
        for (const r of records) {
          const path = pagePath(r, lang);
          if (o.page.url() !== site.url + path) await o.page.goto(site.url + path);
          const first = await o.page.evaluate(() => {
            const action = document.querySelector('#actions')?.parentElement?.querySelector('.todo dt, .todo dd, p.todo');
            return action ? { top: action.getBoundingClientRect().top, height: window.innerHeight, text: action.textContent } : undefined;
          });
          if (!first) failures.push(`${path}: no first action`);
          else if (first.top >= first.height) failures.push(`${path}: first action at ${Math.round(first.top)} px, below the first screen (${first.height} px)`);
          for (const p of await layoutProblems(o.page)) failures.push(`${path}: ${p}`);
        }
        expect(failures).toEqual([]);
      });
    }
  }

  it('the other pages keep identifiers whole and code uncovered too: home, guides, search', async () => {
    for (const w of WIDTHS) {
      const o = await visit('/en/', screen(w));
      const failures: string[] = [];
      for (const path of [...LANGS.flatMap((lang) => [`/${lang}/`, `/${lang}/guides/`, ...GUIDES.map((g) => `/${lang}/guides/${g}/`)])]) {
        await o.page.goto(site.url + path);
        for (const p of await layoutProblems(o.page)) failures.push(`${w.name} ${path}: ${p}`);
      }
      expect(failures).toEqual([]);
    }
  });
});

describe('unknown codes lead on', () => {
  for (const lang of LANGS) {
    it(`${lang}: /${lang}/errors/9999/ says 9999 is not in the catalog, links the search for it and the nearest records`, async () => {
      const path = `/${lang}/errors/9999/`;
      const o = await visit(path);
      expect404(o, path);
      expect(o.response?.status()).toBe(404);
      expect(await o.page.getAttribute('html', 'lang')).toBe(HTML_LANG[lang]);
      const what = await o.page.textContent('.nf-what');
      expect(what).toContain('9999');
      expect(what).toContain(lang === 'zh' ? '不在目录中' : 'is not in the catalog');
      const search = o.page.locator(`a[href="/${lang}/search/?q=9999"]`);
      expect(await search.isVisible()).toBe(true);
      expect(await search.textContent()).toContain('9999');
      await o.page.waitForSelector('.nearest li a');
      const nearest = await o.page.$$eval('.nearest li a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(nearest.length).toBeGreaterThan(0);
      expect(nearest.every((href) => href.startsWith(`/${lang}/`))).toBe(true);
      // The search link works: the search page opens with the query.
      await search.click();
      await o.page.waitForURL(`**/${lang}/search/?q=9999`);
      expect(await o.page.inputValue('#q')).toBe('9999');
    });
  }

  it('a mistyped code offers the code: /en/errors/4333/ → 433 first', async () => {
    const o = await visit('/en/errors/4333/');
    expect404(o, '/en/errors/4333/');
    await o.page.waitForSelector('.nearest li a');
    expect(await o.page.getAttribute('.nearest li a', 'href')).toBe(pagePath(byRef('error-code:433'), 'en'));
  });

  it('an address without a language says there is no page there, in both languages, and offers the record', async () => {
    const o = await visit('/errors/433/');
    expect404(o, '/errors/433/');
    await o.page.waitForFunction(() => document.querySelectorAll('.nearest li a').length >= 2);
    const what = await o.page.$$eval('.nf-what', (ps) => ps.map((p) => p.textContent));
    expect(what).toHaveLength(2);
    for (const w of what) expect(w).toContain('/errors/433/');
    const firsts = await o.page.$$eval('.nearest ul', (uls) => uls.map((ul) => ul.querySelector('a')?.getAttribute('href')));
    expect(firsts).toEqual(['/en/errors/433/', '/zh/errors/433/']);
  });

  it('without JavaScript the not-found page still says there is no page and links home and search', async () => {
    const o = await visit('/en/errors/9999/', { javaScriptEnabled: false });
    expect404(o, '/en/errors/9999/');
    expect(await o.page.locator('.nf-generic').isVisible()).toBe(true);
    expect(await o.page.locator('a[href="/en/search/"]').isVisible()).toBe(true);
  });
});

describe('nothing moves after the first paint', () => {
  /** Layout shifts not caused by input, from the very start of the page (a PerformanceObserver installed before any script). */
  async function shifts(path: string, options: Parameters<typeof open>[3]): Promise<{ total: number; largest: number; opened: Opened }> {
    const o = await visit(path, options);
    await o.context.addInitScript(() => {
      const w = window as unknown as { __shifts: number[] };
      w.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__shifts.push(e.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Scripts arrive late, as on a slow network: the page is painted before they run.
    await o.context.route('**/_astro/*.js', async (route) => {
      await new Promise((wake) => setTimeout(wake, 400));
      await route.continue();
    });
    await o.page.goto(site.url + path, { waitUntil: 'networkidle' });
    await o.page.waitForTimeout(300);
    const values = await o.page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
    return { total: values.reduce((a, b) => a + b, 0), largest: Math.max(0, ...values), opened: o };
  }

  // Lighthouse's phone (412 × 823) too: there the home table's headers are on the first screen.
  const lighthousePhone = { name: 'Lighthouse phone', viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true } as const;
  for (const lang of LANGS) {
    for (const w of [...WIDTHS, lighthousePhone]) {
      it(`${lang}, ${w.name}: the home page (filters shown from the first paint), a record, a guide and a not-found page shift by at most 0.01`, async () => {
        for (const path of [`/${lang}/`, `/${lang}/?kind=http-status`, pagePath(byRef('error-code:65'), lang), `/${lang}/guides/retries/`]) {
          const { total } = await shifts(path, screen(w));
          expect(total, path).toBeLessThanOrEqual(0.01);
        }
        const notFound = `/${lang}/errors/9999/`;
        const { total, opened } = await shifts(notFound, screen(w));
        expect404(opened, notFound);
        expect(total, notFound).toBeLessThanOrEqual(0.01);
      });
    }
  }

  it('the home filters are on screen at once, disabled until the script enables them', async () => {
    const o = await visit('/en/');
    expect(await o.page.locator('#filters').isVisible()).toBe(true);
    await o.page.waitForFunction(() => !document.querySelector<HTMLFieldSetElement>('#filters fieldset')?.disabled);
    await o.page.selectOption('select[name="kind"]', 'http-status');
    expect(await o.page.locator('#codes tbody tr:visible').count()).toBe(records.filter((r) => r.kind === 'http-status').length);
  });
});

describe('theme and keyboard', () => {
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  it('the theme toggle switches light and dark, and the choice persists across pages and reloads', async () => {
    const o = await visit(pagePath(byRef('error-code:433'), 'en'), { colorScheme: 'light' });
    const toggle = o.page.locator('[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await background(o.page)).toBe('rgb(255, 255, 255)');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await background(o.page)).toBe('rgb(17, 20, 24)');
    await o.page.goto(site.url + '/zh/guides/retries/');
    expect(await background(o.page)).toBe('rgb(17, 20, 24)');
    expect(await o.page.getAttribute('[data-theme-toggle]', 'aria-pressed')).toBe('true');
    await o.page.reload();
    expect(await background(o.page)).toBe('rgb(17, 20, 24)');
    await o.page.click('[data-theme-toggle]');
    expect(await background(o.page)).toBe('rgb(255, 255, 255)');
    await o.page.reload();
    expect(await background(o.page)).toBe('rgb(255, 255, 255)');
  });

  it('follows the system until a choice is made: dark system, dark page, toggle shows pressed', async () => {
    const o = await visit('/en/', { colorScheme: 'dark' });
    expect(await background(o.page)).toBe('rgb(17, 20, 24)');
    expect(await o.page.getAttribute('[data-theme-toggle]', 'aria-pressed')).toBe('true');
  });

  it('/ and Ctrl+K put the cursor in the search box; / typed in a field stays a character', async () => {
    const o = await visit(pagePath(byRef('error-code:65'), 'en'));
    const focused = () => o.page.evaluate(() => document.activeElement?.id);
    await o.page.keyboard.press('/');
    expect(await focused()).toBe('site-q');
    await o.page.keyboard.type('4/3');
    expect(await o.page.inputValue('#site-q')).toBe('4/3');
    await o.page.locator('#site-q').blur();
    await o.page.keyboard.press('Control+k');
    expect(await focused()).toBe('site-q');
    await o.page.goto(site.url + '/en/search/');
    await o.page.locator('h1').click();
    await o.page.keyboard.press('Meta+k');
    expect(await focused()).toBe('q');
  });
});

describe('accessibility (axe-core), light and dark, desktop and phone', () => {
  const pages = [
    '/en/',
    '/zh/',
    pagePath(byRef('error-code:65'), 'en'),
    pagePath(byRef('error-code:62'), 'zh'),
    pagePath(byRef('service-state:serviceIdle'), 'en'),
    pagePath(byRef('message-error:invalid-authentication-credentials'), 'zh'),
    '/en/guides/retries/',
    '/zh/guides/lifecycle/',
    '/en/guides/',
    '/zh/errors/9999/',
  ];
  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: no serious or critical violation, landmarks unique`, async () => {
      const failures: string[] = [];
      for (const w of WIDTHS) {
        const o = await visit(pages[0], { ...screen(w), colorScheme: scheme });
        for (const path of pages) {
          if (o.page.url() !== site.url + path) await o.page.goto(site.url + path);
          if (path.includes('9999')) await o.page.waitForSelector('.nearest li');
          for (const v of await seriousViolations(o.page)) failures.push(`${w.name} ${path}: ${v.id} ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
          const unique = await o.page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string }[] }> } }).axe;
            return (await axe.run(document, { runOnly: ['landmark-unique'] })).violations.map((v) => v.id);
          });
          if (unique.length) failures.push(`${w.name} ${path}: ${unique.join(', ')}`);
        }
        expect404(o, '/zh/errors/9999/');
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('every page reads without JavaScript', () => {
  it('records, home, guides: content shown, no control that needs a script', async () => {
    const o = await visit('/en/', { javaScriptEnabled: false });
    for (const lang of LANGS) {
      for (const r of [byRef('error-code:65'), byRef('service-state:serviceIdle')]) {
        await o.page.goto(site.url + pagePath(r, lang));
        expect(await o.page.locator('h1').textContent(), recordRef(r)).toContain(String(r.code));
        expect(await o.page.locator('.todo').first().isVisible()).toBe(true);
        expect(await o.page.locator('#meaning').isVisible()).toBe(true);
        expect(await o.page.locator('button[data-copy]').isVisible()).toBe(false);
        expect(await o.page.locator('[data-theme-toggle]').isVisible()).toBe(false);
      }
      await o.page.goto(site.url + `/${lang}/`);
      expect(await o.page.locator('#codes tbody tr:visible').count()).toBe(records.length);
      expect(await o.page.locator('#filters').isVisible()).toBe(false);
      await o.page.goto(site.url + `/${lang}/guides/retries/`);
      expect(await o.page.locator('nav.toc a').count()).toBeGreaterThan(1);
    }
  });
});
