/**
 * The built site in Chromium, as a person uses it: the home table (filters,
 * sorting), record pages, the language switch, search (codes, messages,
 * Chinese), the root redirect, the 404 page, keyboard and no-JavaScript use,
 * dark mode, a phone screen, and axe-core on home, a record and a guide.
 * Every page opened must log no console error and break no rule of the
 * Content-Security-Policy (browse.ts watches for violations).
 */
import { describe, expect, it } from 'vitest';
import { recordRef } from '../../scripts/catalog/schema.ts';
import { isRetryable, recordMethods, stepOn, stepRetries } from '../../site/lib/record.ts';
import { catalog, recordByRef, HTML_LANG, LANGS, pagePath } from '../site/helpers.ts';
import { type Opened, searchResults, seriousViolations, useSitePages } from './browse.ts';

const { records } = catalog();
const byRef = (ref: string) => recordByRef(records, ref);

const site = useSitePages();
const { visit } = site;

describe('home', () => {
  for (const lang of LANGS) {
    it(`${lang}: shows every record, and filters and sorts the table`, async () => {
      const { page } = await visit(`/${lang}/`);
      expect(await page.getAttribute('html', 'lang')).toBe(HTML_LANG[lang]);
      const rows = page.locator('#codes tbody tr');
      expect(await rows.count()).toBe(records.length);
      const visible = () => page.locator('#codes tbody tr:visible').count();
      expect(await visible()).toBe(records.length);
      for (const r of records) expect(await page.locator(`#codes a[href="${pagePath(r, lang)}"]`).count(), recordRef(r)).toBe(1);

      await page.selectOption('select[name="kind"]', 'http-status');
      expect(await visible()).toBe(records.filter((r) => r.kind === 'http-status').length);
      expect(page.url()).toMatch(/\?kind=http-status$/);
      await page.selectOption('select[name="kind"]', '');
      await page.selectOption('select[name="method"]', 'acquire');
      expect(await visible()).toBe(records.filter((r) => recordMethods(r).includes('acquire')).length);
      // "Retryable" with a method: retryable on that method (62 is not on acquire: fix the account there).
      await page.check('input[name="retryable"]');
      expect(await visible()).toBe(records.filter((r) => recordMethods(r).includes('acquire') && stepRetries(stepOn(r, 'acquire'))).length);
      expect(await page.locator('#codes tr:visible a[href$="/errors/62/"]').count()).toBe(0);
      expect(await page.locator('#codes tr:visible a[href$="/errors/501/"]').count()).toBe(1);
      await page.selectOption('select[name="method"]', '');
      expect(await visible()).toBe(records.filter(isRetryable).length);
      expect(await page.textContent('#count')).toContain(String(records.filter(isRetryable).length));
      await page.uncheck('input[name="retryable"]');

      // Sort by code, then reverse.
      const codeHeader = page.locator('#codes th').first();
      await codeHeader.locator('button').click();
      expect(await codeHeader.getAttribute('aria-sort')).toBe('ascending');
      await codeHeader.locator('button').click();
      expect(await codeHeader.getAttribute('aria-sort')).toBe('descending');
      const codes = await page.$$eval('#codes tbody tr td.code', (tds) => tds.map((td) => td.textContent!.trim()));
      const sorted = [...codes].sort(new Intl.Collator(HTML_LANG[lang], { numeric: true, sensitivity: 'base' }).compare).reverse();
      expect(codes).toEqual(sorted);
    });
  }

  it('filtered by a method, shows each record\'s next step on that method; unfiltered, "depends on the method" where it does', async () => {
    const stepOf = async (page: Opened['page'], path: string) => (await page.locator(`#codes tr:has(a[href="${path}"]) td`).nth(4).textContent())?.trim();
    const { page } = await visit('/en/?method=acquire');
    expect(await stepOf(page, '/en/errors/62/')).toBe('Fix the account');
    expect(await stepOf(page, '/en/errors/501/')).toBe('Retry (1 s, 3 s, 6 s)');
    await page.selectOption('select[name="method"]', 'start');
    expect(await stepOf(page, '/en/errors/62/')).toBe('Retry (1 s, 3 s, 6 s)');
    expect(await stepOf(page, '/en/errors/65/')).toBe('Retry (3 s, 6 s)');
    await page.selectOption('select[name="method"]', 'stop');
    expect(await stepOf(page, '/en/errors/65/')).toBe('Retry (1 s, 3 s, 6 s)');
    expect(await stepOf(page, '/en/http/206/')).toBe('code 65: Retry (1 s, 3 s, 6 s); code 435: Nothing to do');
    await page.selectOption('select[name="method"]', '');
    expect(await stepOf(page, '/en/errors/65/')).toBe('Depends on the method');
    expect(await stepOf(page, '/en/errors/2/')).toBe('Fix the request');

    const zh = await visit('/zh/?method=acquire');
    expect(await stepOf(zh.page, '/zh/errors/62/')).toBe('修正账号设置');
    expect(await stepOf(zh.page, '/zh/errors/501/')).toBe('重试（1 秒、3 秒、6 秒）');
    // 206 is on no method the sources do not give it on.
    expect(await zh.page.locator('#codes tr:visible a[href="/zh/http/206/"]').count()).toBe(0);
    await zh.page.selectOption('select[name="method"]', '');
    expect(await stepOf(zh.page, '/zh/errors/62/')).toBe('因方法而异');
  });

  it('keeps a filtered view in the address: opening ?kind=recording-status shows only those', async () => {
    const { page } = await visit('/en/?kind=recording-status');
    expect(await page.locator('#codes tbody tr:visible').count()).toBe(records.filter((r) => r.kind === 'recording-status').length);
  });
});

describe('record pages', () => {
  for (const lang of LANGS) {
    it(`${lang}: 62 shows its code and title, every meaning by source and method, and every section`, async () => {
      const r = byRef('error-code:62');
      const { page } = await visit(pagePath(r, lang));
      const h1 = await page.textContent('h1');
      expect(h1).toContain('62');
      expect(h1).toContain(r.title[lang].replace(/`/g, ''));
      expect(await page.locator('section:has(#meaning) tbody tr').count()).toBe(r.meanings.length);
      // The sources disagree: the newer one's rows are marked.
      expect(await page.locator('section:has(#meaning) .badge').first().isVisible()).toBe(true);
      for (const id of ['actions', 'retry', 'meaning', 'causes', 'related', 'lifecycle', 'sources', 'snippet']) {
        expect(await page.locator(`#${id}`).isVisible(), id).toBe(true);
      }
      for (const ref of r.related) expect(await page.locator(`#related ~ ul a[href="${pagePath(byRef(ref), lang)}"]`).count(), ref).toBe(1);
      expect(await page.textContent('#snippet-code')).toContain(`ErrorCode.${r.constant}`);
      expect(await page.locator('button[data-copy]').isVisible()).toBe(true);
    });
  }

  it('copies the snippet with the copy button: the fixed code where there is one, else the constant', async () => {
    for (const [ref, expected] of [['error-code:433', 'withRetry('], ['error-code:53', 'ErrorCode.']] as const) {
      const { page, context } = await visit(pagePath(byRef(ref), 'en'));
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
      await page.click('button[data-copy]');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await page.textContent('#snippet-code'));
      expect(copied).toContain(expected);
    }
  });

  it('is readable without JavaScript: content shown, no dead controls', async () => {
    const { page } = await visit(pagePath(byRef('error-code:65'), 'en'), { javaScriptEnabled: false });
    expect(await page.textContent('h1')).toContain('65');
    expect(await page.locator('#meaning').isVisible()).toBe(true);
    expect(await page.locator('button[data-copy]').isVisible()).toBe(false);
    const home = await visit('/zh/', { javaScriptEnabled: false });
    expect(await home.page.locator('#codes tbody tr:visible').count()).toBe(records.length);
    expect(await home.page.locator('#filters').isVisible()).toBe(false);
  });
});

describe('language switch', () => {
  it('lands on the same record, both ways', async () => {
    const r = byRef('error-code:433');
    const { page } = await visit(pagePath(r, 'en'));
    await page.click('a[data-lang-switch]');
    await page.waitForURL(`**${pagePath(r, 'zh')}`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toContain('433');
    await page.click('a[data-lang-switch]');
    await page.waitForURL(`**${pagePath(r, 'en')}`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it('lands on the same guide and on the same message record', async () => {
    const { page } = await visit('/zh/guides/retries/');
    await page.click('a[data-lang-switch]');
    await page.waitForURL('**/en/guides/retries/');
    const m = records.find((r) => r.kind === 'message-error')!;
    await page.goto(site.url + pagePath(m, 'en'));
    await page.click('a[data-lang-switch]');
    await page.waitForURL(`**${pagePath(m, 'zh')}`);
  });

  it('keeps the search query: ?q= survives the switch and the search runs again', async () => {
    const { page } = await visit('/en/search/?q=433');
    await searchResults(page);
    await page.click('a[data-lang-switch]');
    await page.waitForURL('**/zh/search/?q=433');
    expect(await page.inputValue('#q')).toBe('433');
    expect((await searchResults(page))[0]).toBe('/zh/errors/433/');
  });
});

describe('search', () => {
  const cases: [lang: 'zh' | 'en', query: string, first: string][] = [
    ['en', '433', 'error-code:433'],
    ['zh', '433', 'error-code:433'],
    ['en', '2', 'error-code:2'],
    ['en', 'Invalid authentication credentials', 'message-error:invalid-authentication-credentials'],
    ['en', 'no Route matched with those values', 'message-error:no-route-matched'],
    ['zh', '频道名不合法', 'error-code:1013'],
    ['zh', '资源 ID 过期', 'error-code:433'],
  ];
  for (const [lang, query, ref] of cases) {
    it(`${lang}: "${query}" puts ${ref} first (deep link /${lang}/search/?q=…)`, async () => {
      const { page } = await visit(`/${lang}/search/?q=${encodeURIComponent(query)}`);
      expect(await page.inputValue('#q')).toBe(query);
      const results = await searchResults(page);
      expect(results[0]).toBe(pagePath(byRef(ref), lang));
    });
  }

  it('"2" finds error 2 before HTTP 200, 201 and 206', async () => {
    const { page } = await visit('/en/search/?q=2');
    const results = await searchResults(page);
    expect(results[0]).toBe('/en/errors/2/');
    for (const status of [200, 201, 206]) {
      const at = results.indexOf(`/en/http/${status}/`);
      if (at !== -1) expect(at).toBeGreaterThan(0);
    }
  });

  it('shows 10 results first, and more on request, without repeating any', async () => {
    const { page } = await visit('/en/search/?q=recording');
    const first = await searchResults(page);
    expect(first).toHaveLength(10);
    const more = page.locator('#more-results');
    expect(await more.isVisible()).toBe(true);
    await more.click();
    await page.waitForFunction(() => document.querySelectorAll('#results li').length > 10);
    const all = await page.$$eval('#results li > a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(all.slice(0, 10)).toEqual(first);
    expect(new Set(all).size).toBe(all.length);
    // A new query starts again from the first page.
    await page.fill('#q', '433');
    await page.waitForFunction(() => document.querySelector('#results li a')?.getAttribute('href')?.includes('/433/'));
    expect(await page.$$eval('#results li', (items) => items.length)).toBeLessThanOrEqual(10);
  });

  it('searches as you type, keeps ?q= in the address, and shows code, title and excerpt', async () => {
    const { page } = await visit('/en/search/');
    await page.fill('#q', 'jitter');
    await page.waitForURL('**/en/search/?q=jitter');
    const results = await searchResults(page);
    expect(results).toContain('/en/errors/65/');
    const item = page.locator('#results li').filter({ has: page.locator('a[href="/en/errors/65/"]') });
    expect(await item.locator('.r-code').textContent()).toBe('65');
    expect(await item.locator('.r-title').textContent()).toBe(byRef('error-code:65').title.en.replace(/`/g, ''));
    expect((await item.locator('p').textContent())!.length).toBeGreaterThan(10);
    expect(await page.locator('#results mark').count()).toBeGreaterThan(0);
  });

  it('the search box of every page opens the search page with the query', async () => {
    const { page } = await visit(pagePath(byRef('error-code:65'), 'zh'));
    await page.fill('#site-q', '433');
    await page.press('#site-q', 'Enter');
    await page.waitForURL('**/zh/search/?q=433');
    expect((await searchResults(page))[0]).toBe('/zh/errors/433/');
  });

  it('sets the query only as text: markup in ?q= is never parsed', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const { page } = await visit(`/en/search/?q=${encodeURIComponent(evil)}`);
    await searchResults(page);
    expect(await page.inputValue('#q')).toBe(evil);
    expect(await page.locator('main img, main b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});

describe('site-wide', () => {
  it('/ sends a visitor to their browser language, and keeps a query', async () => {
    const zh = await visit('/', { locale: 'zh-CN' });
    await zh.page.waitForURL('**/zh/');
    const en = await visit('/', { locale: 'en-GB' });
    await en.page.waitForURL('**/en/');
    const fr = await visit('/', { locale: 'fr-FR' });
    await fr.page.waitForURL('**/en/');
    const q = await visit('/?q=433', { locale: 'zh-TW' });
    await q.page.waitForURL('**/zh/search/?q=433');
    const noJs = await visit('/', { javaScriptEnabled: false });
    expect(await noJs.page.locator('a[href="/zh/"]').isVisible()).toBe(true);
    expect(await noJs.page.locator('a[href="/en/"]').isVisible()).toBe(true);
  });

  it('runs under its Content-Security-Policy: an injected inline script is blocked, and the violation is caught', async () => {
    const o = await visit('/en/');
    const ran = await o.page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      await new Promise((ok) => setTimeout(ok, 100));
      return (window as unknown as { __inline?: number }).__inline;
    });
    expect(ran).toBeUndefined();
    await expect.poll(() => o.problems.filter((p) => p.startsWith('CSP violation')).length).toBeGreaterThan(0);
    expect(o.problems.find((p) => p.startsWith('CSP violation'))).toContain('script-src');
    // That violation was the point of this test; anything else still fails it.
    const others = o.problems.filter((p) => !/CSP|Content Security Policy/i.test(p));
    o.problems.splice(0, o.problems.length, ...others);
  });

  it('answers a missing page with 404 and the not-found page of its language', async () => {
    for (const lang of LANGS) {
      const { page, response, problems } = await visit(`/${lang}/errors/99999/`);
      expect(response?.status()).toBe(404);
      // Chromium logs the page's own 404 as a console error: expected here, and only that.
      const expected = `console error on ${site.url}/${lang}/errors/99999/: Failed to load resource: the server responded with a status of 404 (Not Found)`;
      problems.splice(0, problems.length, ...problems.filter((p) => p !== expected));
      expect(await page.getAttribute('html', 'lang')).toBe(HTML_LANG[lang]);
      expect(await page.locator('a[href="/' + lang + '/"]').count()).toBeGreaterThan(0);
    }
  });

  it('is keyboard-navigable: the first Tab reaches a visible skip link to the content, focus is visible', async () => {
    const { page } = await visit(pagePath(byRef('error-code:433'), 'en'));
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement;
      const box = a.getBoundingClientRect();
      return { cls: a.className, href: a.getAttribute('href'), top: box.top, outline: getComputedStyle(a).outlineStyle };
    });
    expect(skip).toMatchObject({ cls: 'skip', href: '#main' });
    expect(skip.top).toBeGreaterThanOrEqual(0);
    expect(skip.outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('follows prefers-color-scheme: dark', async () => {
    const dark = await visit('/en/', { colorScheme: 'dark' });
    const light = await visit('/en/', { colorScheme: 'light' });
    const bg = (o: Opened) => o.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await bg(dark)).toBe('rgb(17, 20, 24)');
    expect(await bg(light)).toBe('rgb(255, 255, 255)');
  });

  it('fits a phone screen: no sideways scrolling on home, a record, a guide and search', async () => {
    for (const path of ['/zh/', pagePath(byRef('error-code:62'), 'en'), '/en/guides/lifecycle/', '/zh/search/?q=433']) {
      const { page } = await visit(path, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      if (path.includes('search')) await searchResults(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});

describe('accessibility (axe-core): no serious or critical violation', () => {
  const pages = ['/en/', '/zh/', pagePath(byRef('error-code:62'), 'en'), pagePath(byRef('error-code:1013'), 'zh'), '/en/guides/retries/', '/zh/guides/channel-names/', '/en/search/?q=433'];
  for (const path of pages) {
    it(path, async () => {
      const { page } = await visit(path);
      if (path.includes('search')) await searchResults(page);
      const violations = await seriousViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    });
  }
  it('/en/ in dark mode', async () => {
    const { page } = await visit('/en/', { colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
  });
});

