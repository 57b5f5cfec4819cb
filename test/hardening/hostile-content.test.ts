/**
 * Hostile content: whatever a catalog text holds, every product shows it as
 * text — the pages, the search, the JSON API, the package and the CLI.
 *
 * The schema accepts markup, script, template syntax, comment terminators and
 * terminal escapes wherever a field may hold an arbitrary string (a gateway
 * `message`, a `reason`, `keywords`, header values, link URLs, the inside of
 * `code spans`), and rejects the rest with a clear problem (HTML tags outside
 * code spans, Markdown links and images, script URLs, non-https links).
 *
 * test/fixtures/hostile/records.yaml is added to a copy of the real catalog;
 * the package and the site are built from it in a copy of the repository
 * (test/hardening/repo-copy.ts), and every output is read back.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Browser, Page } from 'playwright-core';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, formatProblem, loadCatalog } from '../../scripts/catalog/load.ts';
import { type CatalogRecord, KINDS, recordRef } from '../../scripts/catalog/schema.ts';
import { launchChromium } from '../browser/chromium.ts';
import { searchResults } from '../browser/browse.ts';
import { startSite, type SiteServer } from '../browser/site-server.ts';
import { copyRepo, output, ROOT, type RepoCopy } from './repo-copy.ts';
import { fitDescription } from '../../site/lib/page-meta.ts';
import { pageTitle } from '../../site/lib/record.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'hostile');
const LANGS = ['zh', 'en'] as const;
type Lang = (typeof LANGS)[number];

const { findAll, findOne, getAttributeValue, textContent } = DomUtils;
type Element = ReturnType<typeof findAll>[number];

/** The hostile data folder: the real catalog plus test/fixtures/hostile/records.yaml. */
function hostileCatalogDir(into: string): string {
  const dir = join(into, 'hostile-data');
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  copyFileSync(join(FIXTURES, 'records.yaml'), join(dir, 'hostile.yaml'));
  return dir;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A text as shown: code spans lose their backticks. */
const shown = (text: string) => squash(text.replace(/`/g, ''));
/** The code spans of a text. */
const spans = (text: string) => text.split('`').filter((_, i) => i % 2 === 1);

// ---------------------------------------------------------------------------

describe('the schema', () => {
  it('accepts the hostile records: arbitrary strings where allowed, anything inside code spans, Markdown look-alikes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-schema-'));
    try {
      const { catalog, problems } = loadCatalog(hostileCatalogDir(dir));
      expect(problems.map(formatProblem)).toEqual([]);
      const refs = catalog.records.map(recordRef);
      expect(refs).toEqual(expect.arrayContaining(['message-error:hostile-img', 'message-error:hostile-script', 'message-error:hostile-comment', 'error-code:99001']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects HTML tags outside code spans, Markdown links and images, script URLs and non-https links, each with a clear problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-rejected-'));
    try {
      copyFileSync(join(DEFAULT_DATA_DIR, 'api.yaml'), join(dir, 'api.yaml'));
      copyFileSync(join(FIXTURES, 'rejected.yaml'), join(dir, 'rejected.yaml'));
      const { problems } = loadCatalog(dir);
      const lines = readFileSync(join(FIXTURES, 'rejected.yaml'), 'utf8').split('\n');
      const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
      const text = /^expected plain text with `code spans` only, not /;
      const expected: [string, string, RegExp, string][] = [
        ['error-code:99101', 'title.en', /an HTML tag outside a code span/, 'Title <img'],
        ['error-code:99102', 'summary.en', /Markdown link or image syntax \(put links in `links`\)/, 'Click [here]'],
        ['error-code:99103', 'summary.zh', /Markdown link or image syntax/, '![x]'],
        ['error-code:99104', 'causes[0].en', /a script URL/, 'javascript:alert(1) in'],
        ['error-code:99105', 'actions[0].zh', /a script URL/, 'data:text/html'],
        ['error-code:99106', 'summary.en', /a script URL/, 'VBScript :msgbox'],
        ['error-code:99107', 'links[0].url.en', /^expected an absolute https:\/\/ URL$/, 'en: "http://example.com/"'],
        ['error-code:99108', 'links[0].url.zh', /^expected an absolute https:\/\/ URL$/, 'zh: "javascript:alert(1)"'],
        ['error-code:99109', 'links[0].title.en', /an HTML tag outside a code span/, 'Link <a href=x>'],
        ['error-code:99110', 'meanings[0].text.en', /an HTML tag outside a code span/, '<!-- hidden -->'],
        ['error-code:99111', 'title.zh', /an unclosed code span \(odd number of backticks\)/, '单个 `'],
        ['error-code:99112', 'lifecycle.note.en', /an HTML tag outside a code span/, 'Note </script>'],
        ['error-code:99113', 'summary.en', /an HTML tag outside a code span/, 'then <b>bold</b>'],
      ];
      expect(problems.map((p) => ({ record: p.record, field: p.field, message: p.message, line: p.line }))).toEqual(
        expected.map(([record, field, message, needle]) => ({
          record,
          field,
          message: field.includes('.url.') ? expect.stringMatching(message) : expect.stringMatching(new RegExp(text.source + '.*' + message.source)),
          line: lineOf(needle),
        })),
      );
      // Each is one readable line naming the file, the place, the record and the field.
      for (const p of problems) expect(formatProblem(p)).toMatch(/rejected\.yaml:\d+:\d+ error-code:\d+ [\w.[\]]+: expected /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------

describe('a catalog with hostile records, built into the package and the site', () => {
  let repo: RepoCopy;
  let records: CatalogRecord[];
  let site: string;
  const hostile = new Map<string, CatalogRecord>();
  const rec = (ref: string) => hostile.get(ref)!;
  const img = () => rec('message-error:hostile-img') as Extract<CatalogRecord, { kind: 'message-error' }>;

  beforeAll(() => {
    repo = copyRepo({ prefix: 'hostile-build-' });
    const data = hostileCatalogDir(repo.root);
    const loaded = loadCatalog(data);
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    records = loaded.catalog.records;
    for (const r of records) if (/^(?:hostile-|9900)/.test(String(r.code))) hostile.set(recordRef(r), r);
    expect([...hostile.keys()]).toHaveLength(4);

    const pkg = repo.run('scripts/build-package.ts', [], { CATALOG_DIR: data });
    expect(pkg.status, output(pkg)).toBe(0);
    const built = repo.run('scripts/build-site.ts', [], { CATALOG_DIR: data });
    expect(built.status, output(built)).toBe(0);
    site = join(repo.root, 'build', 'site');
  });
  afterAll(() => repo?.remove());

  const pagePath = (r: CatalogRecord, lang: Lang) => `/${lang}/${KINDS[r.kind].segment}/${encodeURIComponent(String(r.code))}/`;
  const read = (path: string) => readFileSync(join(site, path.endsWith('/') ? path + 'index.html' : path), 'utf8');
  function dom(path: string) {
    const doc = parseDocument(read(path));
    const all = findAll(() => true, doc.children);
    const one = (test: (e: Element) => boolean) => findOne(test, doc.children, true);
    return { doc, all, one, text: textContent(doc) };
  }
  const attr = (e: Element | null, name: string) => (e ? getAttributeValue(e, name) : undefined);
  const hasClass = (e: Element, c: string) => (attr(e, 'class') ?? '').split(/\s+/).includes(c);

  /** No element or attribute of the page came from a payload. */
  function expectInert(path: string) {
    const { all } = dom(path);
    for (const e of all) {
      expect(['img', 'svg', 'iframe', 'b', 'i'], `${path}: a <${e.name}> element`).not.toContain(e.name);
      for (const name of Object.keys(e.attribs)) {
        expect(name, `${path}: <${e.name} ${name}>`).not.toMatch(/^on|^data-pwned$|^["'/]/);
      }
      for (const name of ['href', 'src', 'action', 'formaction']) {
        const value = attr(e, name);
        if (value !== undefined) expect(value, `${path}: <${e.name} ${name}>`).not.toMatch(/^\s*(?:javascript|vbscript|data):/i);
      }
      // JSON-LD is data, never run: it may quote a hostile text, but only as JSON that cannot close its element.
      if (e.name === 'script' && attr(e, 'type') === 'application/ld+json') {
        expect(textContent(e), `${path}: JSON-LD`).not.toMatch(/[<>]/);
        expect(() => JSON.parse(textContent(e)), `${path}: JSON-LD`).not.toThrow();
      } else if (e.name === 'script') expect(textContent(e), `${path}: <script>`).not.toMatch(/alert\(|PWNED/);
    }
  }

  /** An element that renders a catalog text: exactly its text, with only <code> for its code spans. */
  function expectText(e: Element | null, text: string, where: string) {
    expect(e, where).not.toBeNull();
    expect(squash(textContent(e!)), where).toBe(shown(text));
    const children = findAll(() => true, e!.children);
    expect(children.map((c) => c.name), where).toEqual(spans(text).map(() => 'code'));
    expect(children.map((c) => textContent(c)), where).toEqual(spans(text));
  }

  describe('site pages', () => {
    it('are inert on every page: no element, event handler, script or javascript: URL from the data', () => {
      const pages: string[] = [];
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          if (entry.isDirectory()) walk(join(dir, entry.name));
          else if (entry.name.endsWith('.html')) pages.push('/' + relative(site, join(dir, entry.name)));
        }
      };
      walk(site);
      expect(pages.length).toBeGreaterThan(100);
      for (const path of pages) expectInert(path);
    });

    it('show every hostile text of a record page literally, as text', () => {
      for (const lang of LANGS) {
        const r = img();
        const path = pagePath(r, lang);
        const p = dom(path);
        const where = (what: string) => `${path} ${what}`;
        // The title says the message once (here the title already holds it).
        expect(textContent(p.one((e) => e.name === 'title')!), where('<title>')).toContain(pageTitle(r, lang));
        expect(textContent(p.one((e) => e.name === 'title')!), where('<title>')).toContain(r.message);
        expect(attr(p.one((e) => e.name === 'meta' && attr(e, 'name') === 'description'), 'content'), where('description')).toBe(fitDescription(r.summary[lang], lang));
        expect(attr(p.one((e) => e.name === 'meta' && attr(e, 'property') === 'og:title'), 'content'), where('og:title')).toContain(r.message);
        const h1 = p.one((e) => e.name === 'h1')!;
        expect(textContent(findOne((e) => e.name === 'code', h1.children)!), where('h1 code')).toBe(r.message);
        expectText(findOne((e) => attr(e, 'data-pagefind-meta') === 'title', h1.children), r.title[lang], where('h1 title'));
        expectText(p.one((e) => e.name === 'p' && hasClass(e, 'summary')), r.summary[lang], where('summary'));
        const section = (id: string) => p.one((e) => e.name === 'section' && attr(e, 'aria-labelledby') === id)!;
        const items = (id: string) => findAll((e) => e.name === 'li', section(id).children);
        expectText(items('causes')[0], r.causes[0][lang], where('cause'));
        // An action: its text, then where it comes from (here our recommendation, whose reason is hostile too).
        const action = items('actions')[0];
        const basis = findOne((e) => e.name === 'span' && hasClass(e, 'basis'), action.children)!;
        const why = (r.actions[0].basis as { recommendation: Record<typeof lang, string> }).recommendation[lang];
        expect(basis, where('action basis')).not.toBeNull();
        expect(squash(textContent(action)), where('action')).toBe(squash(`${shown(r.actions[0][lang])} ${textContent(basis)}`));
        const own = findAll((e) => e.name === 'code', action.children.filter((c) => c !== basis));
        expect(own.map((c) => textContent(c)), where('action code spans')).toEqual(spans(r.actions[0][lang]));
        expect(squash(textContent(basis)), where('action basis')).toMatch(new RegExp(`[:：] ?${shown(why).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
        const whyCodes = findAll((e) => e.name === 'code', basis.children);
        expect(whyCodes.map((c) => textContent(c)), where('action basis code spans')).toEqual(spans(why));
        expect(findAll((e) => !['code', 'span'].includes(e.name), basis.children), where('action basis elements')).toEqual([]);
        const cells = findAll((e) => e.name === 'td', section('meaning').children);
        const reason = cells.find((c) => attr(c, 'data-label') && findOne((e) => e.name === 'code', c.children) && textContent(c) === r.meanings[0].reason);
        expect(reason, where('reason cell')).toBeDefined();
        const meaning = cells.find((c) => squash(textContent(c)) === shown(r.meanings[0].text[lang]));
        expectText(meaning ?? null, r.meanings[0].text[lang], where('meaning cell'));
        const header = Object.entries(r.facts!.headers!)[0];
        expect(findAll((e) => e.name === 'code', section('facts').children).map((c) => textContent(c)), where('facts')).toContain(`${header[0]}: ${header[1]}`);
        // A record's links have a section of their own, apart from its sources.
        const link = findAll((e) => e.name === 'a', section('links').children).find((a) => attr(a, 'href') === r.links[0].url[lang]);
        expect(link, where(`link to ${r.links[0].url[lang]}`)).toBeDefined();
        expectText(link!, r.links[0].title[lang], where('link title'));
        expectText(findAll((e) => e.name === 'p', section('lifecycle').children).at(-1)!, r.lifecycle.note![lang], where('lifecycle note'));
        // The words only search sees (keywords, synonyms) are never page text: the build gives them
        // to the search index alone (scripts/generate/search-build.ts; the search data is checked below).
        expect(p.one((e) => hasClass(e, 'sr-only') && attr(e, 'data-pagefind-weight') !== undefined), where('search words')).toBeNull();
        const snippet = textContent(p.one((e) => attr(e, 'id') === 'snippet-code')!);
        expect(snippet, where('snippet')).toContain(JSON.stringify(r.message));
      }
    });

    it('show a message that closes <script> and <title>, and comment terminators, as text', () => {
      for (const ref of ['message-error:hostile-script', 'message-error:hostile-comment']) {
        const r = rec(ref) as Extract<CatalogRecord, { kind: 'message-error' }>;
        for (const lang of LANGS) {
          const path = pagePath(r, lang);
          const p = dom(path);
          expect(textContent(p.one((e) => e.name === 'title')!), path).toContain(pageTitle(r, lang));
          expect(textContent(p.one((e) => e.name === 'title')!), path).toContain(r.message);
          expect(textContent(p.one((e) => e.name === 'h1')!), path).toContain(r.message);
          expectText(p.one((e) => e.name === 'p' && hasClass(e, 'summary')), r.summary[lang], `${path} summary`);
          // Only the site's own scripts: as many as on a page of a harmless record.
          const scripts = (q: ReturnType<typeof dom>) => q.all.filter((e) => e.name === 'script').length;
          expect(scripts(p), path).toBe(scripts(dom(pagePath(rec('error-code:99001'), lang))));
        }
      }
    });

    it('list the hostile records in the home table and in guides as text', () => {
      for (const lang of LANGS) {
        const p = dom(`/${lang}/`);
        for (const r of hostile.values()) {
          const a = p.one((e) => e.name === 'a' && attr(e, 'href') === pagePath(r, lang) && !!findOne((c) => c.name === 'code', e.children));
          expect(a, `/${lang}/ row of ${recordRef(r)}`).not.toBeNull();
          const code = r.kind === 'message-error' ? r.message : String(r.code);
          expect(textContent(findOne((c) => c.name === 'code', a!.children)!)).toBe(code);
          const row = a!.parent!.parent as Element;
          expectText(findAll((e) => e.name === 'td', row.children)[1], r.title[lang], `/${lang}/ title of ${recordRef(r)}`);
        }
        // A guide that lists every gateway message lists the hostile ones, as text.
        const guides = readdirSync(join(site, lang, 'guides'), { withFileTypes: true }).filter((d) => d.isDirectory());
        const listing = guides.map((g) => dom(`/${lang}/guides/${g.name}/`)).filter((g) => g.all.some((e) => e.name === 'a' && attr(e, 'href') === pagePath(img(), lang)));
        for (const g of listing) {
          const a = g.one((e) => e.name === 'a' && attr(e, 'href') === pagePath(img(), lang))!;
          expect(squash(textContent(a))).toBe(squash(`${img().message} ${shown(img().title[lang])}`));
        }
      }
    });
  });

  describe('JSON', () => {
    const expectedApi = (r: CatalogRecord) => {
      const { reviewed: _reviewed, ...rest } = r;
      return JSON.parse(JSON.stringify(rest));
    };

    it('the JSON API holds every hostile string exactly', () => {
      const codes = JSON.parse(read('/api/v1/codes.json'));
      for (const r of hostile.values()) {
        const path = `/api/v1/${r.kind}/${encodeURIComponent(String(r.code))}.json`;
        const one = JSON.parse(read(path));
        const { ref, urls, api, ...data } = one;
        expect(ref).toBe(recordRef(r));
        expect(urls.en).toMatch(new RegExp(`${pagePath(r, 'en').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
        expect(api).toMatch(/\.json$/);
        expect(data, path).toEqual(expectedApi(r));
        const listed = codes.records.find((x: { ref: string }) => x.ref === recordRef(r));
        expect(listed).toEqual(one);
      }
      expect(JSON.parse(read(`/api/v1/message-error/hostile-img.json`)).message).toBe('<img src=x onerror=alert(1)>');
      expect(JSON.parse(read(`/api/v1/error-code/99001.json`)).title.en).toBe('Escape \u001b[31mred\u001b[0m title');
    });

    it('the search page\'s codes.json holds them exactly', () => {
      for (const lang of LANGS) {
        const entries = JSON.parse(read(`/${lang}/search/codes.json`)) as { i: string; c: string; t: string; s: string; w: string[] }[];
        const r = img();
        const e = entries.find((x) => x.i === r.code)!;
        expect(e.c).toBe(r.message);
        expect(e.t).toBe(r.title[lang].replace(/`/g, ''));
        expect(e.s).toBe(r.summary[lang].replace(/`/g, ''));
        expect(e.w).toEqual(expect.arrayContaining([r.meanings[0].reason, ...r.keywords![lang]]));
      }
    });
  });

  describe('search and pages in Chromium', () => {
    let browser: Browser;
    let server: SiteServer;
    beforeAll(async () => {
      browser = await launchChromium();
      server = await startSite(site);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Open a page; every dialog (alert, confirm, prompt) is recorded and dismissed. */
    async function visit(path: string): Promise<{ page: Page; dialogs: string[]; close(): Promise<void> }> {
      const context = await browser.newContext();
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      await page.goto(server.url + path);
      return { page, dialogs, close: () => context.close() };
    }
    const injected = (page: Page) => page.locator('img, svg, iframe, b, i, [onerror], [onload], [onmouseover]').count();

    it('record pages and the home page run no script from the data', async () => {
      for (const lang of LANGS) {
        for (const path of [...[...hostile.values()].map((r) => pagePath(r, lang)), `/${lang}/`]) {
          const { page, dialogs, close } = await visit(path);
          await page.waitForLoadState('load');
          expect(dialogs, path).toEqual([]);
          expect(await injected(page), path).toBe(0);
          await close();
        }
        const r = img();
        const { page, close } = await visit(pagePath(r, lang));
        expect(await page.title()).toContain(r.message);
        expect(await page.locator('h1 code[data-pagefind-meta="code"]').textContent()).toBe(r.message);
        await close();
      }
    });

    it('search results show hostile titles and excerpts as text', async () => {
      for (const lang of LANGS) {
        const r = img();
        const { page, dialogs, close } = await visit(`/${lang}/search/?q=zzhostilesummary`);
        const results = await searchResults(page);
        expect(results).toContain(pagePath(r, lang));
        const item = page.locator('#results li').filter({ has: page.locator(`a[href="${pagePath(r, lang)}"]`) });
        expect(await item.locator('.r-code').textContent()).toBe(r.message);
        expect(await item.locator('.r-title').textContent()).toBe(r.title[lang].replace(/`/g, ''));
        const excerpt = squash((await item.locator('p').textContent()) ?? '');
        // Pagefind cuts the excerpt around the match: the payload after it is shown as text.
        expect(excerpt).toContain('zzhostilesummary');
        expect(excerpt).toMatch(/zzhostilesummary \S* ?<\/script><script>alert\(1\)/);
        expect(await item.locator('p *').evaluateAll((nodes) => nodes.map((n) => n.nodeName.toLowerCase()))).toEqual(expect.arrayContaining(['mark']));
        expect(await item.locator('p *:not(mark)').count()).toBe(0);
        expect(await injected(page)).toBe(0);
        expect(dialogs).toEqual([]);
        await close();
      }
    });

    it('a pasted hostile message is found (pinned first) and shown as text', async () => {
      for (const ref of ['message-error:hostile-img', 'message-error:hostile-script']) {
        const r = rec(ref) as Extract<CatalogRecord, { kind: 'message-error' }>;
        const { page, dialogs, close } = await visit(`/en/search/?q=${encodeURIComponent(r.message)}`);
        const results = await searchResults(page);
        expect(results[0], ref).toBe(pagePath(r, 'en'));
        expect(await page.locator('#results li .r-code').first().textContent()).toBe(r.message);
        expect(await injected(page)).toBe(0);
        expect(dialogs).toEqual([]);
        await close();
      }
    });

    it('searching a keyword or a reason string finds the record', async () => {
      const r = img();
      const { page, close } = await visit(`/en/search/?q=zzhostilekeyword`);
      expect(await searchResults(page)).toContain(pagePath(r, 'en'));
      await close();
    });
  });

  describe('the package', () => {
    type Pkg = {
      lookup(q: string | number, o?: { locale?: Lang; method?: string }): Record<string, unknown> | undefined;
      explain(i: { status?: number; body?: string; method?: string }, o?: { locale?: Lang }): { known: boolean; summary: string; meaning?: string; record?: Record<string, unknown> };
      GatewayMessage: Record<string, string>;
      ErrorCode: Record<string, number>;
    };
    let esm: Pkg;
    let cjs: Pkg;
    beforeAll(async () => {
      esm = (await import(/* @vite-ignore */ pathToFileURL(join(repo.root, 'dist/esm/index.js')).href)) as Pkg;
      cjs = createRequire(join(repo.root, 'package.json'))(join(repo.root, 'dist/cjs/index.js')) as Pkg;
    });

    it('lookup returns every hostile string unchanged (ESM and CommonJS, both languages)', () => {
      for (const pkg of [esm, cjs]) {
        for (const r of hostile.values()) {
          for (const locale of LANGS) {
            const query = r.kind === 'message-error' ? r.message : r.code;
            const found = pkg.lookup(query, { locale });
            expect(found, `${recordRef(r)} by ${JSON.stringify(query)}`).toBeDefined();
            expect(found!.ref).toBe(recordRef(r));
            expect(found!.value).toBe(r.kind === 'message-error' ? r.message : r.code);
            expect(found!.title).toBe(r.title[locale]);
            expect(found!.summary).toBe(r.summary[locale]);
            expect(found!.causes).toEqual(r.causes.map((c) => c[locale]));
            expect(found!.actions).toEqual(r.actions.map((a) => a[locale]));
            expect((found!.meanings as { reason?: string; text: string }[]).map((m) => [m.reason, m.text])).toEqual(r.meanings.map((m) => [m.reason, m.text[locale]]));
          }
        }
        const r = img();
        const found = pkg.lookup(r.message)!;
        expect(found.facts).toEqual(r.facts);
        expect(found.links).toEqual([{ title: r.links[0].title.en, url: r.links[0].url.en }]);
        expect((found.lifecycle as { note: string }).note).toBe(r.lifecycle.note!.en);
        expect(pkg.GatewayMessage.HOSTILE_IMG).toBe(r.message);
        expect(pkg.GatewayMessage.HOSTILE_COMMENT).toBe((rec('message-error:hostile-comment') as { message: string }).message);
      }
    });

    it('explain reads a hostile message from a response and returns its texts unchanged', () => {
      const r = img();
      const d = esm.explain({ status: 400, body: JSON.stringify({ message: r.message }) });
      expect(d.known).toBe(true);
      expect(d.record!.ref).toBe(recordRef(r));
      expect(d.summary).toContain(r.summary.en);
      const onStart = esm.explain({ status: 400, body: JSON.stringify({ message: r.message }), method: 'start' }, { locale: 'zh' });
      expect(onStart.record!.ref).toBe(recordRef(r));
      // Its only meaning is for `start`: what it means there is the meaning, and the summary says it as the record does.
      expect(onStart.meaning).toBe(r.meanings[0].text.zh);
      expect(onStart.summary).toContain(r.summary.zh);
    });

    it('no JSDoc comment is broken out of: the constants are exactly the catalog\'s, in the .js and the .d.ts', () => {
      // Each record's constant, then its former names (deprecated aliases), and nothing else.
      const expectedMembers = (kind: string) =>
        records.filter((r) => r.kind === kind).flatMap((r) => [r.constant, ...(r.formerConstants ?? []).map((f) => f.name)]);
      for (const flavour of ['esm', 'cjs']) {
        const dts = join(repo.root, 'dist', flavour, 'generated', 'constants.d.ts');
        const source = ts.createSourceFile(dts, readFileSync(dts, 'utf8'), ts.ScriptTarget.Latest, true);
        const identifiers: string[] = [];
        const visit = (node: ts.Node) => {
          if (ts.isIdentifier(node)) identifiers.push(node.text);
          ts.forEachChild(node, visit);
        };
        visit(source);
        expect(identifiers.filter((n) => /PWNED/.test(n)), dts).toEqual([]);
        const members = (group: string) => {
          let found: string[] | undefined;
          source.forEachChild((s) => {
            if (!ts.isVariableStatement(s)) return;
            for (const d of s.declarationList.declarations) {
              if (ts.isIdentifier(d.name) && d.name.text === group && d.type && ts.isTypeLiteralNode(d.type)) {
                found = d.type.members.map((m) => (m.name && ts.isIdentifier(m.name) ? m.name.text : '?'));
              }
            }
          });
          return found;
        };
        // (In the order that gzips smallest: the same names, whatever their order.)
        expect(members('GatewayMessage')?.sort(), dts).toEqual(expectedMembers('message-error').sort());
        expect(members('ErrorCode')?.sort(), dts).toEqual(expectedMembers('error-code').sort());
        // The texts stayed inside the comment of their member.
        const text = readFileSync(dts, 'utf8');
        const comment = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*readonly HOSTILE_COMMENT:/.exec(text)?.[1] ?? '';
        expect(comment).toContain('PWNED_MESSAGE: 1');
        expect(comment).toContain('PWNED_TITLE: 1');
        expect(comment).toContain('PWNED_SUMMARY: 1');
      }
      expect(Object.keys(esm.GatewayMessage).sort()).toEqual(expectedMembers('message-error').sort());
      expect(Object.keys(cjs.ErrorCode).sort()).toEqual(expectedMembers('error-code').sort());
    });

    it('types: a consumer sees each hostile message as its exact literal type, and no injected member', () => {
      const consumer = join(repo.root, 'hostile-consumer.ts');
      const message = (ref: string) => JSON.stringify((rec(ref) as { message: string }).message);
      writeFileSync(
        consumer,
        [
          `import { ErrorCode, GatewayMessage } from './dist/esm/index.js';`,
          `export const img: ${message('message-error:hostile-img')} = GatewayMessage.HOSTILE_IMG;`,
          `export const script: ${message('message-error:hostile-script')} = GatewayMessage.HOSTILE_SCRIPT;`,
          `export const comment: ${message('message-error:hostile-comment')} = GatewayMessage.HOSTILE_COMMENT;`,
          `export const escapes: 99001 = ErrorCode.HOSTILE_ESCAPES;`,
          `// @ts-expect-error no such member`,
          `export const pwned = GatewayMessage.PWNED_MESSAGE;`,
          '',
        ].join('\n'),
      );
      const tsc = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', consumer],
        { cwd: repo.root, encoding: 'utf8' },
      );
      expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
    });
  });

  describe('the CLI', () => {
    /** C0 controls but newline, DEL and C1 controls. */
    const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
    const cli = (args: string[], stdin = '') =>
      spawnSync(process.execPath, [join(repo.root, 'dist/esm/cli.js'), ...args], { cwd: repo.root, encoding: 'utf8', input: stdin, env: { ...process.env, NO_COLOR: '', LANG: 'en_US.UTF-8' } });

    it('prints hostile texts as plain text', () => {
      for (const ref of ['message-error:hostile-img', 'message-error:hostile-script', 'message-error:hostile-comment']) {
        const r = rec(ref) as Extract<CatalogRecord, { kind: 'message-error' }>;
        for (const lang of LANGS) {
          const run = cli([r.message, '--lang', lang]);
          expect(run.status, output(run)).toBe(0);
          expect(run.stdout).toContain(`${JSON.stringify(r.message)}  ${r.title[lang]}`);
          expect(run.stdout).toContain(r.summary[lang]);
          for (const c of r.causes) expect(run.stdout).toContain(c[lang]);
        }
      }
    });

    it('passes no control character from the data to the terminal, in text or JSON', () => {
      const r = rec('error-code:99001');
      for (const lang of LANGS) {
        for (const args of [['99001'], ['99001', '--method', 'start']]) {
          const run = cli([...args, '--lang', lang]);
          expect(run.status, output(run)).toBe(0);
          expect(run.stdout, JSON.stringify(run.stdout)).not.toMatch(CONTROLS);
          // Whole escape sequences go, the text around them stays: "Escape red title".
          expect(run.stdout).toContain(lang === 'en' ? 'Escape red title' : '转义 红色 标题');
          expect(run.stdout).not.toMatch(/\[31m|\]0;pwned/);
        }
        const json = cli(['99001', '--method', 'start', '--json', '--lang', lang]);
        expect(json.stdout, JSON.stringify(json.stdout)).not.toMatch(CONTROLS);
        // JSON keeps the exact value, escaped.
        const parsed = JSON.parse(json.stdout);
        expect(parsed.title).toBe(r.title[lang]);
        expect(parsed.summary).toBe(r.summary[lang]);
        expect(parsed.meaning.reason).toBe(r.meanings[0].reason);
      }
      // explain: the record's texts, and a response's own unknown message.
      for (const body of [JSON.stringify({ code: 99001 }), JSON.stringify({ message: '\u001b[2J\u001b]0;pwned\u0007gone\u009b2J' })]) {
        for (const json of [[], ['--json']]) {
          const run = cli(['explain', '--status', '400', '--method', 'start', ...json], body);
          expect(run.stdout, JSON.stringify(run.stdout)).not.toMatch(CONTROLS);
        }
      }
    });

    it('in colour, the only escape sequences are its own', async () => {
      const { runCli } = (await import(/* @vite-ignore */ pathToFileURL(join(repo.root, 'dist/esm/cli.js')).href)) as typeof import('../../src/cli.ts');
      for (const argv of [['99001', '--method', 'start'], ['explain', '--status', '400']]) {
        let stdout = '';
        await runCli({
          argv,
          env: {},
          color: true,
          stdout: (t) => (stdout += t),
          stderr: (t) => (stdout += t),
          readStdin: async () => JSON.stringify({ code: 99001, message: '\u001b[31mred' }),
        });
        expect(stdout).toMatch(/\x1b\[1m/);
        const own = stdout.replace(/\x1b\[(?:0|1|2|33)m/g, '');
        expect(own, JSON.stringify(stdout)).not.toMatch(CONTROLS);
      }
    });
  });
});
