/**
 * The support portal (examples/support-portal.html) searching the site from
 * another origin with the site's own search module (/search/engine.js): the built site on one port, served by scripts/serve.ts with
 * the headers of its _headers file, and the portal on another port. The portal
 * loads the site's Pagefind and JSON API across origins (CORS), gets absolute
 * links to the right records in each language, drafts a reply from a record's
 * JSON, diagnoses a pasted response with the site's own module, and keeps
 * hostile input as text; its link opens the site's search with
 * the query run (a deep link). The JSON API it reads validates against
 * /api/v1/schema.json. Like every browser test, no page may log a console error
 * or break the Content-Security-Policy (browse.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordRef } from '../../scripts/catalog/schema.ts';
import { DIAGNOSE_WORDS } from '../../site/lib/diagnose-words.ts';
import { explain } from '../../src/index.ts';
import { catalog, recordByRef, type Lang, pagePath, shownCode } from '../site/helpers.ts';
import { open, type Opened, searchResults } from './browse.ts';
import { useChromium } from './chromium.ts';
import { type SiteServer, serveFolder, startSite } from './site-server.ts';

const PORTAL = fileURLToPath(new URL('../../examples/support-portal.html', import.meta.url));
const { records } = catalog();
const byRef = (ref: string) => recordByRef(records, ref);

let site: SiteServer;
let portal: SiteServer;
let portalDir: string;
const chromium = useChromium();
let opened: Opened[] = [];

/** The portal as shipped, with its one setting pointed at the test's site. */
function portalFor(siteUrl: string): string {
  const html = readFileSync(PORTAL, 'utf8');
  const setting = /^const SITE_URL = '[^']*';$/m;
  if (!setting.test(html)) throw new Error('examples/support-portal.html has no line `const SITE_URL = \'…\';`');
  return html.replace(setting, `const SITE_URL = '${siteUrl}';`);
}

beforeAll(async () => {
  site = await startSite();
  portalDir = mkdtempSync(join(tmpdir(), 'portal-'));
  writeFileSync(join(portalDir, 'index.html'), portalFor(site.url));
  portal = await serveFolder(portalDir);
});
afterAll(async () => {
  await site?.close();
  await portal?.close();
  if (portalDir) rmSync(portalDir, { recursive: true, force: true });
});
/** No console error, uncaught exception, failed request or CSP violation on any page, and no dialog. */
afterEach(async () => {
  const problems = opened.flatMap((o) => o.problems);
  await Promise.all(opened.map((o) => o.context.close()));
  opened = [];
  expect(problems).toEqual([]);
});

async function openPortal(): Promise<Opened> {
  const o = await open(chromium.browser, portal.url, '/');
  opened.push(o);
  o.page.on('dialog', (d) => {
    o.problems.push(`dialog on ${o.page.url()}: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  return o;
}

/** Search from the portal; the result links, in order, once the search is done. */
async function portalSearch(page: Page, query: string, lang: Lang = 'en'): Promise<string[]> {
  if ((await page.inputValue('#lang')) !== lang) await page.selectOption('#lang', lang);
  await page.fill('#q', query);
  await page.click('#go');
  await page.waitForFunction(() => {
    const status = document.querySelector('#status')?.textContent ?? '';
    return status !== '' && !/…$/.test(status);
  });
  // The results, then the closest matches (shown under their own line).
  return page.$$eval('#results li > a, #closest li > a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
}

describe('the support portal, on another origin', () => {
  it('is on another origin than the site', () => {
    expect(new URL(portal.url).origin).not.toBe(new URL(site.url).origin);
  });

  const cases: [lang: Lang, query: string, ref: string][] = [
    ['en', '433', 'error-code:433'],
    ['zh', '433', 'error-code:433'],
    ['en', 'Invalid authentication credentials', 'message-error:invalid-authentication-credentials'],
    ['zh', '频道名不合法', 'error-code:1013'],
  ];
  for (const [lang, query, ref] of cases) {
    it(`${lang}: "${query}" links ${ref} first, with an absolute URL on the site`, async () => {
      const { page } = await openPortal();
      const links = await portalSearch(page, query, lang);
      expect(links[0]).toBe(site.url + pagePath(byRef(ref), lang));
      for (const link of links) expect(new URL(link).origin, link).toBe(new URL(site.url).origin);
      for (const link of links) expect(new URL(link).pathname, link).toMatch(new RegExp(`^/${lang}/`));
      expect(await page.getAttribute('html', 'lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      // The first result shows its code and title as text.
      const first = page.locator('#results li > a').first();
      expect(await first.locator('code').textContent()).toBe(shownCode(byRef(ref)));
      expect(await first.textContent()).toContain(byRef(ref).title[lang].replace(/`/g, ''));
      expect((await page.locator('#results li > p').first().textContent())!.length).toBeGreaterThan(10);
    });
  }

  // The portal asks the site's own search module (/search/engine.js): what people paste or ask
  // finds the same record as on the site.
  const typed: [lang: Lang, what: string, query: string, ref: string][] = [
    ['en', 'a pasted body', '{"resourceId":"JyvK8nX","sid":"38f8e3","code":53,"reason":"task conflict"}', 'error-code:53'],
    ['zh', 'a pasted body', '"uploadingStatus":"backuped"', 'upload-status:backuped'],
    ['en', 'a question', 'why does start fail after I waited too long since acquire?', 'error-code:433'],
    ['zh', 'a question', '账号欠费了还能录制吗', 'error-code:405'],
  ];
  for (const [lang, what, query, ref] of typed) {
    it(`${lang}: ${what} ("${query.slice(0, 30)}…") links ${ref} first, with its kind and summary`, async () => {
      const { page } = await openPortal();
      const links = await portalSearch(page, query, lang);
      expect(links[0]).toBe(site.url + pagePath(byRef(ref), lang));
      const first = page.locator('#results li, #closest li').first();
      expect(await first.locator('p').textContent()).toBe(byRef(ref).summary[lang].replace(/`/g, ''));
      expect((await first.locator('small').textContent())!.length).toBeGreaterThan(1);
    });
  }

  it('switches language: the same query searches the other index', async () => {
    const { page } = await openPortal();
    expect(await portalSearch(page, '433', 'en')).toContain(`${site.url}/en/errors/433/`);
    const zh = await portalSearch(page, '资源 ID 过期', 'zh');
    expect(zh[0]).toBe(`${site.url}/zh/errors/433/`);
    expect(await portalSearch(page, 'resource ID expired', 'en')).toContain(`${site.url}/en/errors/433/`);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: drafts a reply from the record's JSON (fetched across origins)`, async () => {
      const { page } = await openPortal();
      await portalSearch(page, '433', lang);
      const api = page.waitForResponse((r) => r.url() === `${site.url}/api/v1/error-code/433.json`);
      await page.locator('#results li').first().locator('button').click();
      expect((await api).headers()['access-control-allow-origin']).toBe('*');
      await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('#reply')?.value ?? '') !== '');
      const reply = await page.inputValue('#reply');
      const r = byRef('error-code:433');
      const plain = (s: string) => s.replace(/`/g, '');
      expect(reply).toContain(`433: ${plain(r.title[lang])}`);
      expect(reply).toContain(plain(r.summary[lang]));
      for (const a of r.actions) expect(reply).toContain(`- ${plain(a[lang])}`);
      expect(reply).toContain(`${site.url}/${lang}/errors/433/`);
    });
  }

  it('opens the search on the site: the deep link runs the query on load, under the site\'s policy', async () => {
    const { page } = await openPortal();
    await portalSearch(page, '433', 'zh');
    const href = await page.getAttribute('#on-site', 'href');
    expect(href).toBe(`${site.url}/zh/search/?q=433`);
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#on-site')]);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(await page.inputValue('#q')).toBe('433');
    expect((await searchResults(page))[0]).toBe('/zh/errors/433/');
  });

  it('keeps hostile input as text: in the portal and in a deep link', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { page, context } = await openPortal();
    const watch = () => page.evaluate(() => document.querySelectorAll('img').length);
    await portalSearch(page, evil);
    expect(await page.textContent('#status')).toContain(evil);
    expect(await watch()).toBe(0);
    expect(await page.getAttribute('#on-site', 'href')).toBe(`${site.url}/en/search/?q=${encodeURIComponent(evil)}`);

    // The same payload as a deep link into the site's search page.
    const deep = await context.newPage();
    const problems: string[] = [];
    deep.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    deep.on('pageerror', (e) => problems.push(e.message));
    await deep.goto(`${site.url}/en/search/?q=${encodeURIComponent(evil)}`);
    await searchResults(deep);
    expect(await deep.inputValue('#q')).toBe(evil);
    expect(await deep.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(new URL(deep.url()).searchParams.get('q')).toBe(evil);
    expect(problems).toEqual([]);
  });
});

describe('the portal’s diagnose box: the site’s module, across origins', () => {
  const curlI = readFileSync(new URL('../fixtures/logs/curl-i.txt', import.meta.url), 'utf8');
  async function diagnose(page: Page, text: string, method = '') {
    await page.selectOption('#dx-method', method);
    await page.fill('#dx-text', text);
    await page.click('#dx-go');
    await page.waitForFunction(() => document.querySelector('#dx-out')!.childElementCount > 0);
    return page.$$eval('#dx-out .dx-finding', (els) =>
      els.map((e) => ({ next: e.querySelector('.dx-next')?.textContent ?? '', links: [...e.querySelectorAll('.dx-records a')].map((a) => a.getAttribute('href')) })),
    );
  }

  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: diagnoses a pasted curl -i response with the site’s module, links on the site`, async () => {
      const { page } = await openPortal();
      if (lang !== 'en') await page.selectOption('#lang', lang);
      // A module from another origin loads in CORS mode: a cross-origin fetch of it fails unless the site allows it.
      const status = await page.evaluate((url) => fetch(url).then((r) => r.status, (e: Error) => e.message), `${site.url}/lib/diagnose.${lang}.js`);
      expect(status).toBe(200);
      await page.waitForFunction((title) => document.querySelector('#dx-title')?.textContent === title, DIAGNOSE_WORDS[lang].title);
      const findings = await diagnose(page, curlI);
      const d = explain({ status: 206, body: '{"code":65,"reason":"request not completed"}', method: 'start' }, { locale: lang });
      expect(findings).toHaveLength(1);
      expect(findings[0].next).toContain(d.next.replace(/`/g, ''));
      expect(findings[0].links).toEqual(d.records.map((r) => site.url + new URL(r.urls[lang]).pathname));
    });
  }

  it('the method changes the diagnosis of 62; hostile text stays text', async () => {
    const { page } = await openPortal();
    const onAcquire = await diagnose(page, '{"code":62}', 'acquire');
    const onStart = await diagnose(page, '{"code":62}', 'start');
    expect(onAcquire[0].next).not.toBe(onStart[0].next);
    const evil = '{"message":"<img src=x onerror=alert(1)>","request_id":"1"}';
    await diagnose(page, evil);
    expect(await page.textContent('#dx-out')).toContain('<img src=x onerror=alert(1)>');
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
  });

  it('a search query that is a pasted response is offered to the diagnose box', async () => {
    const { page } = await openPortal();
    await page.fill('#q', '433');
    expect(await page.isHidden('#dx-offer')).toBe(true);
    await page.fill('#q', '{"code":433,"reason":"resource expired"}');
    await page.waitForSelector('#dx-offer:not([hidden])');
    await page.click('#dx-offer');
    expect(await page.inputValue('#dx-text')).toBe('{"code":433,"reason":"resource expired"}');
    await page.waitForFunction(() => document.querySelector('#dx-out a[href$="/en/errors/433/"]') !== null);
  });
});

describe('the JSON API, read across origins', () => {
  const fetchJson = (page: Page, url: string) =>
    page.evaluate(async (u) => {
      const r = await fetch(u);
      return { status: r.status, type: r.headers.get('content-type'), body: (await r.json()) as unknown };
    }, url);

  it('codes.json and record files validate against /api/v1/schema.json', async () => {
    const { page } = await openPortal();
    const schema = await fetchJson(page, `${site.url}/api/v1/schema.json`);
    expect(schema.status).toBe(200);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addFormat('uri', (s: string) => URL.canParse(s));
    const validate = ajv.compile(schema.body as object);

    const codes = await fetchJson(page, `${site.url}/api/v1/codes.json`);
    expect(codes.type).toMatch(/^application\/json/);
    expect(validate(codes.body), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const all = codes.body as { count: number; records: { ref: string; api: string }[] };
    expect(all.count).toBe(records.length);
    expect(all.records.map((r) => r.ref).sort()).toEqual(records.map(recordRef).sort());

    for (const ref of ['error-code:433', 'message-error:invalid-authentication-credentials', 'http-status:404', 'service-state:serviceIdle', 'recording-status:5']) {
      const entry = all.records.find((r) => r.ref === ref);
      expect(entry, ref).toBeDefined();
      const one = await fetchJson(page, site.url + new URL(entry!.api).pathname);
      expect(one.status, ref).toBe(200);
      expect(one.type, ref).toMatch(/^application\/json/);
      expect(validate(one.body), `${ref}: ${JSON.stringify(validate.errors?.slice(0, 5))}`).toBe(true);
      expect(one.body).toEqual(entry);
    }
    // And the schema is not a rubber stamp.
    expect(validate({ version: 1, records: 'no' })).toBe(false);
    expect(validate({ ...(all.records[0] as object), kind: 'nope' })).toBe(false);
  });
});
