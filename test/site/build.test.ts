/**
 * The built site (build/site), read as files: one page per record and
 * language, the sections of a record page, hreflang and <html lang>, texts
 * rendered as text, page weight, guides, 404 pages, sitemap, search data.
 * Run after `npm run build:site` (npm test builds first).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DomUtils, parseDocument } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { KINDS, recordRef } from '../../scripts/catalog/schema.ts';
import { SITE_URL } from '../../scripts/site-url.ts';
import { DEFAULT_DATA_DIR } from '../../scripts/catalog/load.ts';
import { editUrl } from '../../site/lib/repo.ts';
import { fixOf } from '../../site/lib/fixes.ts';
import pkg from '../../package.json' with { type: 'json' };
import { builtFile, catalog, GUIDES, HTML_LANG, LANGS, type Lang, pagePath, readBuilt, shownCode, SITE_ROOT } from './helpers.ts';

const { findAll, findOne, getAttributeValue, textContent } = DomUtils;
type Element = ReturnType<typeof findAll>[number];
type Page = { html: string; all: Element[]; one(test: (e: Element) => boolean): Element | null; text: string };

function page(path: string): Page {
  const html = readBuilt(path);
  const doc = parseDocument(html);
  const all = findAll(() => true, doc.children);
  return { html, all, one: (test) => findOne(test, doc.children, true), text: textContent(doc) };
}
const attr = (e: Element | null, name: string) => (e ? getAttributeValue(e, name) : undefined);
const byId = (p: Page, id: string) => p.one((e) => attr(e, 'id') === id);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A catalog text as the page shows it: the backticks of code spans are gone. */
const shown = (text: string) => squash(text.replace(/`/g, ''));

const { records, api } = catalog();
const byRef = new Map(records.map((r) => [recordRef(r), r]));

beforeAll(() => {
  if (!existsSync(join(SITE_ROOT, 'index.html'))) throw new Error('build/site is missing: run `npm run build:site` first');
});

describe('record pages', () => {
  it('exist for every record in both languages, with <html lang>, hreflang alternates and a language switch', () => {
    for (const r of records) {
      for (const lang of LANGS) {
        const path = pagePath(r, lang);
        const p = page(path);
        const other: Lang = lang === 'zh' ? 'en' : 'zh';
        expect(attr(p.one((e) => e.name === 'html'), 'lang'), path).toBe(HTML_LANG[lang]);
        const alternates = Object.fromEntries(
          p.all.filter((e) => e.name === 'link' && attr(e, 'rel') === 'alternate').map((e) => [attr(e, 'hreflang'), attr(e, 'href')]),
        );
        expect(alternates, path).toEqual({ 'zh-CN': SITE_URL + pagePath(r, 'zh'), en: SITE_URL + pagePath(r, 'en'), 'x-default': SITE_URL + pagePath(r, 'en') });
        expect(attr(p.one((e) => e.name === 'link' && attr(e, 'rel') === 'canonical'), 'href')).toBe(SITE_URL + path);
        expect(attr(p.one((e) => attr(e, 'data-lang-switch') !== undefined), 'href'), path).toBe(pagePath(r, other));
      }
    }
  });

  it('show the code and title, summary, what to do, meanings, lifecycle, sources, snippet, and an edit link only where package.json names the repository', () => {
    for (const r of records) {
      for (const lang of LANGS) {
        const path = pagePath(r, lang);
        const p = page(path);
        const h1 = squash(textContent(p.one((e) => e.name === 'h1')!));
        expect(h1, path).toContain(shownCode(r));
        expect(h1.toLowerCase(), path).toContain(shown(r.title[lang]).toLowerCase());
        expect(squash(p.text), path).toContain(shown(r.summary[lang]));
        for (const id of ['actions', 'retry', 'meaning', 'lifecycle', 'sources', 'snippet']) expect(byId(p, id), `${path} #${id}`).not.toBeNull();
        if (r.causes.length) expect(byId(p, 'causes'), path).not.toBeNull();
        for (const c of [...r.causes, ...r.actions]) expect(squash(p.text), path).toContain(shown(c[lang]));
        // One row per meaning, each naming its source.
        const section = byId(p, 'meaning')!.parent as Element;
        const rows = findAll((e) => e.name === 'tr', section.children).filter((tr) => tr.parent && (tr.parent as Element).name === 'tbody');
        expect(rows.length, path).toBe(r.meanings.length);
        r.meanings.forEach((m, i) => {
          const source = api.sources.find((s) => s.id === m.source)!;
          expect(squash(textContent(rows[i])), `${path} meaning ${i}`).toContain(squash(source.title[lang]));
          if (m.reason) expect(textContent(rows[i])).toContain(m.reason);
          if (m.http) expect(textContent(rows[i])).toContain(String(m.http));
        });
        // Related records and the replacement are links to their pages.
        const hrefs = new Set(p.all.filter((e) => e.name === 'a').map((e) => attr(e, 'href')));
        for (const ref of [...r.related, ...(r.lifecycle.replacedBy ? [r.lifecycle.replacedBy] : [])]) {
          expect(hrefs.has(pagePath(byRef.get(ref)!, lang)), `${path} links ${ref}`).toBe(true);
        }
        for (const id of r.sources) {
          const url = api.sources.find((s) => s.id === id)?.url;
          if (url) expect(hrefs.has(url), `${path} source ${id}`).toBe(true);
        }
        // The code section names the package's constant; its copyable snippet imports the package.
        expect(squash(textContent(byId(p, 'snippet')!.parent as Element))).toContain(`${KINDS[r.kind].constantGroup}.${r.constant}`);
        const snippet = textContent(byId(p, 'snippet-code')!);
        if (!fixOf(r)) {
          expect(snippet).toContain(`import { ${KINDS[r.kind].constantGroup}, fromResponse } from '@org/agora-rec-codes';`);
          expect(snippet).toContain(`${KINDS[r.kind].constantGroup}.${r.constant}`);
        }
        // Edit this record: its YAML file in the repository package.json names, or no link at all.
        const edit = p.all.find((e) => e.name === 'a' && attr(e, 'data-ref') === recordRef(r));
        if (!(pkg as { repository?: unknown }).repository) expect(edit, `${path}: no repository, no edit link`).toBeUndefined();
        else {
          const href = attr(edit ?? null, 'href') ?? '';
          expect(href, path).toBe(editUrl(href.split('/data/')[1]));
          if (!process.env.CATALOG_DIR) expect(existsSync(join(DEFAULT_DATA_DIR, href.split('/data/')[1])), href).toBe(true);
        }
      }
    }
  });

  it('show every source of a code the sources disagree on (62, 501), each marked by source and method', () => {
    for (const ref of ['error-code:62', 'error-code:501']) {
      const r = byRef.get(ref);
      if (!r) continue;
      for (const lang of LANGS) {
        const p = page(pagePath(r, lang));
        // The newer source's rows are marked.
        expect(p.all.some((e) => attr(e, 'class') === 'badge' && textContent(e) === (lang === 'zh' ? '较新' : 'newer')), ref).toBe(true);
        const sources = new Set(r.meanings.map((m) => m.source));
        expect(sources.size).toBeGreaterThan(1);
        for (const id of sources) expect(squash(p.text)).toContain(squash(api.sources.find((s) => s.id === id)!.title[lang]));
      }
    }
  });

  it('say the retry policy in words, with the delays', () => {
    const delaysOf = (p: (typeof records)[number]['retry'] | undefined) => (p?.action === 'retry' ? p.delaysMs : undefined);
    const r = records.find((x) => delaysOf(x.retry)?.length || x.meanings.some((m) => delaysOf(m.retry)?.length));
    expect(r, 'a record with retry delays').toBeDefined();
    const delays = (delaysOf(r!.retry) ?? delaysOf(r!.meanings.find((m) => delaysOf(m.retry))!.retry))!;
    const en = textContent(byId(page(pagePath(r!, 'en')), 'retry')!.parent as Element);
    // Whole seconds read better than milliseconds: 1000 → "1 s".
    expect(squash(en)).toContain(`after ${delays[0] / 1000} s`);
    const zh = textContent(byId(page(pagePath(r!, 'zh')), 'retry')!.parent as Element);
    expect(squash(zh)).toContain(`${delays[0] / 1000} 秒`);
  });

  it('render catalog texts as text: no element the site does not write itself', () => {
    const allowed = new Set(['html', 'head', 'meta', 'title', 'link', 'style', 'script', 'body', 'a', 'header', 'nav', 'form', 'label', 'input', 'button', 'main', 'footer', 'article', 'p', 'span', 'h1', 'h2', 'h3', 'section', 'div', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre', 'ul', 'ol', 'li', 'strong', 'dl', 'dt', 'dd', 'time', 'small']);
    const withAngles = records.filter((r) => JSON.stringify(r).includes('<'));
    for (const r of records) {
      for (const lang of LANGS) {
        const p = page(pagePath(r, lang));
        const unknown = [...new Set(p.all.map((e) => e.name))].filter((n) => !allowed.has(n));
        expect(unknown, pagePath(r, lang)).toEqual([]);
      }
    }
    // A text such as `Basic <Authorization>` stays visible as text.
    for (const r of withAngles) {
      for (const lang of LANGS) {
        const html = readBuilt(pagePath(r, lang));
        const spans = [r.summary, ...r.causes, ...r.actions].flatMap((t) => t[lang].split('`').filter((_, i) => i % 2 === 1)).filter((s) => s.includes('<'));
        for (const span of spans) expect(html).toContain(`<code>${span.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code>`);
      }
    }
  });

  it('stay small: each record page with everything it loads before search is at most 20 KB gzipped', () => {
    let largest = { path: '', bytes: 0 };
    for (const r of records) {
      for (const lang of LANGS) {
        const path = pagePath(r, lang);
        const html = readBuilt(path);
        let bytes = gzipSync(html).length;
        // Anything it links: stylesheets and scripts of its own.
        for (const [, src] of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="(\/_astro\/[^"]+)"/g)) bytes += gzipSync(readFileSync(builtFile(src))).length;
        if (bytes > largest.bytes) largest = { path, bytes };
      }
    }
    expect(largest.bytes, `${largest.path}: ${largest.bytes} bytes gzipped`).toBeLessThanOrEqual(20 * 1024);
  });
});

describe('home', () => {
  for (const lang of LANGS) {
    it(`${lang}: one table row per record, linking its page, with kind, methods and retry`, () => {
      const p = page(`/${lang}/`);
      const table = byId(p, 'codes')!;
      const rows = findAll((e) => e.name === 'tr' && attr(e, 'data-kind') !== undefined, table.children);
      expect(rows.length).toBe(records.length);
      const links = rows.map((tr) => attr(findOne((e) => e.name === 'a', tr.children)!, 'href'));
      expect(new Set(links)).toEqual(new Set(records.map((r) => pagePath(r, lang))));
      rows.forEach((tr) => expect(findAll((e) => e.name === 'td', tr.children).length).toBe(5));
      expect(attr(p.one((e) => e.name === 'html'), 'lang')).toBe(HTML_LANG[lang]);
    });
  }
});

describe('guides', () => {
  for (const slug of GUIDES) {
    it(`${slug} exists in both languages, links the other, and is indexed for search`, () => {
      for (const lang of LANGS) {
        const path = `/${lang}/guides/${slug}/`;
        const p = page(path);
        expect(attr(p.one((e) => e.name === 'html'), 'lang')).toBe(HTML_LANG[lang]);
        expect(attr(p.one((e) => attr(e, 'data-lang-switch') !== undefined), 'href')).toBe(`/${lang === 'zh' ? 'en' : 'zh'}/guides/${slug}/`);
        expect(p.one((e) => attr(e, 'data-pagefind-body') !== undefined), path).not.toBeNull();
        // Every record link in a guide points to a record page that exists.
        for (const a of p.all.filter((e) => e.name === 'a' && /^\/(zh|en)\/(errors|http|states|recording-status|upload-status|extension-state|output-status)\//.test(attr(e, 'href') ?? ''))) {
          expect(existsSync(builtFile(attr(a, 'href')!)), `${path} → ${attr(a, 'href')}`).toBe(true);
        }
      }
    });
  }

  it('channel-names shows the rule of 1013 from the catalog and the checker', () => {
    const r = byRef.get('error-code:1013')!;
    for (const lang of LANGS) {
      const p = page(`/${lang}/guides/channel-names/`);
      expect(p.text).toContain(String(r.facts!.maxBytes));
      expect(p.text).toContain(r.facts!.allowedCharacters!);
      expect(p.one((e) => attr(e, 'data-channel-checker') !== undefined)).not.toBeNull();
    }
  });
});

describe('site-wide', () => {
  it('/ links both languages, with hreflang alternates, and sends a visitor to their language', () => {
    const p = page('/');
    const hrefs = p.all.filter((e) => e.name === 'a').map((e) => attr(e, 'href'));
    expect(hrefs).toEqual(expect.arrayContaining(['/zh/', '/en/']));
    const alternates = p.all.filter((e) => e.name === 'link' && attr(e, 'rel') === 'alternate').map((e) => attr(e, 'hreflang'));
    expect(alternates).toEqual(expect.arrayContaining(['zh-CN', 'en', 'x-default']));
    // The redirect is a script file of its own (the Content-Security-Policy allows no inline script).
    const scripts = p.all.filter((e) => e.name === 'script').map((e) => attr(e, 'src') ?? '');
    expect(scripts.some((src) => src.startsWith('/_astro/') && /navigator\.languages/.test(readFileSync(builtFile(src), 'utf8')))).toBe(true);
  });

  it('ships scripts every browser it serves can parse: no regular-expression lookbehind (Safari before 16.4 rejects the whole file)', () => {
    const scripts: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (name !== 'pagefind') walk(path);
        } else if (/\.m?js$/.test(name)) scripts.push(path);
      }
    };
    walk(SITE_ROOT);
    expect(scripts.length).toBeGreaterThan(3);
    const withLookbehind = scripts.filter((path) => /\(\?<[=!]/.test(readFileSync(path, 'utf8')));
    expect(withLookbehind).toEqual([]);
  });

  it('has a 404 page in each language, and one in both at the root', () => {
    for (const lang of LANGS) {
      const p = page(`/${lang}/404.html`);
      expect(attr(p.one((e) => e.name === 'html'), 'lang')).toBe(HTML_LANG[lang]);
      expect(p.html).toContain('noindex');
    }
    const root = page('/404.html');
    expect(root.text).toContain('Page not found');
    expect(root.text).toContain('找不到页面');
  });

  it('has a sitemap with every record page in both languages, with alternates, and no search or 404 page', () => {
    const index = readFileSync(join(SITE_ROOT, 'sitemap-index.xml'), 'utf8');
    const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(maps.length).toBeGreaterThan(0);
    const xml = maps.map((u) => readFileSync(join(SITE_ROOT, new URL(u).pathname), 'utf8')).join('\n');
    const locs = new Set([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    for (const r of records) for (const lang of LANGS) expect(locs.has(SITE_URL + pagePath(r, lang)), pagePath(r, lang)).toBe(true);
    for (const lang of LANGS) for (const slug of GUIDES) expect(locs.has(`${SITE_URL}/${lang}/guides/${slug}/`)).toBe(true);
    expect([...locs].filter((l) => /^\/(?:(?:zh|en)\/)?(?:search|404)\/?$/.test(new URL(l).pathname))).toEqual([]);
    expect(xml).toContain('hreflang="zh-CN"');
  });

  it('has a Pagefind index per language and a list of codes per language for pinning exact matches', () => {
    const files = readdirSync(join(SITE_ROOT, 'pagefind'));
    expect(files.some((f) => /^pagefind\.en_.*\.pf_meta$/.test(f))).toBe(true);
    expect(files.some((f) => /^pagefind\.zh-cn_.*\.pf_meta$/.test(f))).toBe(true);
    for (const lang of LANGS) {
      const codes = JSON.parse(readBuilt(`/${lang}/search/codes.json`)) as { u: string; c: string }[];
      expect(codes.map((c) => c.u).sort()).toEqual(records.map((r) => pagePath(r, lang)).sort());
    }
  });

  it('marks each record page for Pagefind: body, code and title meta, kind filter', () => {
    for (const r of records) {
      const p = page(pagePath(r, 'en'));
      const body = p.one((e) => attr(e, 'data-pagefind-body') !== undefined)!;
      expect(attr(body, 'data-pagefind-filter')).toBe(`kind:${r.kind}`);
      expect(textContent(p.one((e) => attr(e, 'data-pagefind-meta') === 'code')!)).toBe(shownCode(r));
      expect(p.one((e) => /^title(:|$)/.test(attr(e, 'data-pagefind-meta') ?? ''))).not.toBeNull();
    }
  });

  it('has an OpenSearch description at /opensearch.xml and one per language, with absolute URLs from SITE_URL, linked from every page', () => {
    for (const lang of [undefined, ...LANGS]) {
      const prefix = lang ? `/${lang}` : '';
      const doc = parseDocument(readBuilt(`${prefix}/opensearch.xml`), { xmlMode: true });
      const el = (name: string) => findOne((e) => e.name === name, doc.children, true);
      expect(el('OpenSearchDescription')?.attribs.xmlns).toBe('http://a9.com/-/spec/opensearch/1.1/');
      expect(textContent(el('ShortName')!).length).toBeLessThanOrEqual(16);
      expect(findAll((e) => e.name === 'Language', doc.children).map((e) => textContent(e))).toEqual(lang ? [HTML_LANG[lang]] : LANGS.map((l) => HTML_LANG[l]));
      expect(textContent(el('InputEncoding')!)).toBe('UTF-8');
      const urls = findAll((e) => e.name === 'Url', doc.children);
      // /?q= opens search in the browser's language; /{lang}/search/?q= in that language.
      expect(urls.find((u) => u.attribs.type === 'text/html')?.attribs.template).toBe(`${SITE_URL}${lang ? `/${lang}/search` : ''}/?q={searchTerms}`);
      expect(urls.find((u) => u.attribs.rel === 'self')?.attribs.template).toBe(`${SITE_URL}${prefix}/opensearch.xml`);
      expect(textContent(el('Image')!)).toBe(`${SITE_URL}/favicon.svg`);
    }
    const htmlFiles = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const path = join(dir, n);
        return statSync(path).isDirectory() ? htmlFiles(path) : n.endsWith('.html') ? [path] : [];
      });
    for (const file of htmlFiles(SITE_ROOT).filter((f) => !f.includes(`${join(SITE_ROOT, 'pagefind')}`))) {
      const p = parseDocument(readFileSync(file, 'utf8'));
      const links = findAll((e) => e.name === 'link' && e.attribs.rel === 'search', p.children);
      expect(links.every((l) => l.attribs.type === 'application/opensearchdescription+xml'), file).toBe(true);
      const lang = /[/\\](zh|en)[/\\]/.exec(file.slice(SITE_ROOT.length - 1))?.[1];
      expect(links.map((l) => l.attribs.href), file).toEqual([`${SITE_URL}/opensearch.xml`, ...(lang ? [lang] : LANGS).map((l) => `${SITE_URL}/${l}/opensearch.xml`)]);
    }
  });

  it('every page has a skip link to #main, a search box, a language switch and the JSON API in its footer', () => {
    const htmlFiles = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const path = join(dir, n);
        return statSync(path).isDirectory() ? htmlFiles(path) : n.endsWith('.html') ? [path] : [];
      });
    for (const file of htmlFiles(join(SITE_ROOT, 'en')).concat(htmlFiles(join(SITE_ROOT, 'zh')))) {
      if (/404\.html$/.test(file)) continue;
      const html = readFileSync(file, 'utf8');
      expect(html, file).toMatch(/<a class="skip" href="#main">/);
      expect(html, file).toMatch(/<main id="main"/);
      expect(html, file).toMatch(/role="search"/);
      expect(html, file).toMatch(/data-lang-switch/);
      expect(html, file).toMatch(/<footer[\s\S]*<a href="\/api\/v1\/codes\.json"/);
    }
  });
});


/** Every HTML page of the build (Pagefind's own files aside), as URL paths. */
function htmlPaths(dir: string = SITE_ROOT): string[] {
  return readdirSync(dir).flatMap((n) => {
    const path = join(dir, n);
    if (statSync(path).isDirectory()) return n === 'pagefind' && dir === SITE_ROOT ? [] : htmlPaths(path);
    if (!n.endsWith('.html')) return [];
    return ['/' + path.slice(SITE_ROOT.length).replace(/^[/\\]/, '').split(/[/\\]/).join('/').replace(/index\.html$/, '')];
  });
}
const meta = (p: Page, key: string) => attr(p.one((e) => e.name === 'meta' && (attr(e, 'property') === key || attr(e, 'name') === key)), 'content');
const indexable = (p: Page) => !/noindex/.test(meta(p, 'robots') ?? '');

describe('record pages answer first', () => {
  it('the meaning, then what to do, then the details: meanings, causes, exact values, related, sources, lifecycle, code', () => {
    const order = ['actions', 'meaning', 'causes', 'facts', 'related', 'sources', 'lifecycle', 'snippet'];
    for (const r of records) {
      for (const lang of LANGS) {
        const p = page(pagePath(r, lang));
        const at = (e: Element | null) => (e ? p.all.indexOf(e) : -1);
        const summary = at(p.one((e) => e.name === 'p' && attr(e, 'class') === 'summary'));
        const positions = order.map((id) => at(byId(p, id))).filter((i) => i >= 0);
        expect(summary, pagePath(r, lang)).toBeGreaterThan(0);
        expect([summary, ...positions], pagePath(r, lang)).toEqual([summary, ...positions].sort((a, b) => a - b));
        // "What to do" holds the next step: no separate retry section says it again.
        expect(p.all.filter((e) => e.name === 'h2').map((e) => textContent(e)), pagePath(r, lang)).not.toContain(lang === 'zh' ? '重试策略' : 'Retry policy');
      }
    }
  });

  it('no column of a table is empty on any record page (no HTTP or reason column that is all “—”)', () => {
    for (const r of records) {
      for (const lang of LANGS) {
        const p = page(pagePath(r, lang));
        for (const table of p.all.filter((e) => e.name === 'table')) {
          const rows = findAll((e) => e.name === 'tr' && (e.parent as Element).name === 'tbody', table.children);
          const columns = findAll((e) => e.name === 'th', table.children).length;
          for (let c = 0; c < columns; c++) {
            const cells = rows.map((tr) => squash(textContent(findAll((e) => e.name === 'td', tr.children)[c])));
            expect(cells.every((t) => t === '—' || t === ''), `${pagePath(r, lang)} column ${c}`).toBe(false);
          }
        }
      }
    }
  });

  it('service states say where they are found (subServiceStatus in query), on query, not on every method', () => {
    for (const r of records.filter((x) => x.kind === 'service-state')) {
      for (const lang of LANGS) {
        const p = page(pagePath(r, lang));
        const where = textContent(p.one((e) => e.name === 'p' && attr(e, 'class') === 'where')!);
        expect(where, pagePath(r, lang)).toContain('subServiceStatus');
        expect(where).toContain('query');
        const text = squash(p.text);
        expect(text).not.toContain(lang === 'zh' ? '所有方法' : 'every method');
      }
    }
  });

  it('titles say the code and the title once', () => {
    for (const path of htmlPaths()) {
      const title = textContent(page(path).one((e) => e.name === 'title')!).split(' · ')[0].toLowerCase();
      const words = title.split(/\s+/);
      // A phrase said twice in a row ("Invalid authentication credentials Invalid authentication
      // credentials"), or a one-word title twice; two different phrases may share a word at their
      // seam ("appid is invalid" + "Invalid App ID").
      if (words.length === 2) expect(words[0], `${path}: "${title}"`).not.toBe(words[1]);
      for (let n = 2; n <= words.length / 2; n++) {
        for (let i = 0; i + 2 * n <= words.length; i++) {
          expect(words.slice(i, i + n).join(' '), `${path}: "${title}"`).not.toBe(words.slice(i + n, i + 2 * n).join(' '));
        }
      }
    }
  });
});

describe('metadata for search engines and link previews', () => {
  it('every indexable page has a description that fits (160 characters in English, 80 in Chinese) and its Open Graph and Twitter tags', () => {
    const pages = htmlPaths().filter((path) => indexable(page(path)));
    expect(pages.length).toBeGreaterThan(records.length * 2);
    for (const path of pages) {
      const p = page(path);
      const lang = attr(p.one((e) => e.name === 'html'), 'lang');
      const description = meta(p, 'description') ?? '';
      expect(description.length, path).toBeGreaterThan(10);
      expect([...description].length, `${path}: ${description}`).toBeLessThanOrEqual(lang === 'zh-CN' ? 80 : 160);
      const canonical = attr(p.one((e) => e.name === 'link' && attr(e, 'rel') === 'canonical'), 'href');
      expect(canonical, path).toBe(SITE_URL + path);
      expect(meta(p, 'og:url'), path).toBe(canonical);
      expect(meta(p, 'og:title'), path).toBeTruthy();
      expect(textContent(p.one((e) => e.name === 'title')!)).toContain(meta(p, 'og:title'));
      expect(meta(p, 'og:description'), path).toBe(description);
      expect(meta(p, 'og:site_name'), path).toBeTruthy();
      expect(meta(p, 'og:type'), path).toMatch(/^(website|article)$/);
      expect(meta(p, 'og:locale'), path).toBe(lang === 'zh-CN' ? 'zh_CN' : 'en_US');
      expect(meta(p, 'og:locale:alternate'), path).toBe(lang === 'zh-CN' ? 'en_US' : 'zh_CN');
      expect(meta(p, 'twitter:card'), path).toBe('summary');
      expect(meta(p, 'twitter:title'), path).toBe(meta(p, 'og:title'));
      expect(meta(p, 'twitter:description'), path).toBe(description);
    }
  });

  it('record pages carry a schema.org DefinedTerm, guides a TechArticle, home pages a WebSite with its search', () => {
    const ld = (path: string) => {
      const scripts = page(path).all.filter((e) => e.name === 'script' && attr(e, 'type') === 'application/ld+json');
      expect(scripts, path).toHaveLength(1);
      const text = textContent(scripts[0]);
      expect(text, path).not.toMatch(/[<>]/);
      return JSON.parse(text) as Record<string, unknown>;
    };
    for (const r of records) {
      for (const lang of LANGS) {
        const data = ld(pagePath(r, lang));
        expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'DefinedTerm', termCode: shownCode(r), url: SITE_URL + pagePath(r, lang), inLanguage: HTML_LANG[lang] });
        expect(data.name).toBe(shown(r.title[lang]));
        expect((data.inDefinedTermSet as { url: string }).url).toBe(`${SITE_URL}/${lang}/`);
      }
    }
    for (const lang of LANGS) {
      for (const slug of GUIDES) expect(ld(`/${lang}/guides/${slug}/`)).toMatchObject({ '@type': 'TechArticle', url: `${SITE_URL}/${lang}/guides/${slug}/`, inLanguage: HTML_LANG[lang] });
      const home = ld(`/${lang}/`);
      expect(home).toMatchObject({ '@type': 'WebSite', url: `${SITE_URL}/${lang}/` });
      expect(JSON.stringify(home.potentialAction)).toContain(`${SITE_URL}/${lang}/search/?q={q}`);
    }
  });

  it("the sitemap's alternates of each page are exactly the page's own hreflang links", () => {
    const index = readFileSync(join(SITE_ROOT, 'sitemap-index.xml'), 'utf8');
    const xml = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => readFileSync(join(SITE_ROOT, new URL(m[1]).pathname), 'utf8')).join('\n');
    const urls = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(records.length * 2);
    for (const u of urls) {
      const loc = /<loc>([^<]+)<\/loc>/.exec(u)![1];
      const inSitemap = [...u.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`).sort();
      const p = page(new URL(loc).pathname);
      const onPage = p.all.filter((e) => e.name === 'link' && attr(e, 'rel') === 'alternate' && attr(e, 'hreflang')).map((e) => `${attr(e, 'hreflang')} ${attr(e, 'href')}`).sort();
      expect(inSitemap, loc).toEqual(onPage);
      expect(new Set(inSitemap.map((l) => l.split(' ')[0])).size, `${loc}: each hreflang once`).toBe(inSitemap.length);
    }
  });

  it('no page links a placeholder host (example.com, localhost, github.com/org/…)', () => {
    const placeholder = /^(?:https?:)?\/\/(?:[\w-]+\.)*(?:example\.(?:com|org|net)|localhost|127\.0\.0\.1)(?:[:/]|$)|github\.com\/org\/|your-?(?:org|name|repo)/i;
    for (const path of htmlPaths()) {
      for (const e of page(path).all) {
        for (const name of ['href', 'src', 'action', 'content']) {
          const value = attr(e, name);
          if (value && /^(?:https?:)?\/\//.test(value)) expect(value, `${path} <${e.name} ${name}>`).not.toMatch(placeholder);
        }
      }
    }
  });
});

describe('navigation', () => {
  it('each guide has a table of contents of its sections, linking their headings', () => {
    for (const lang of LANGS) {
      for (const slug of GUIDES) {
        const p = page(`/${lang}/guides/${slug}/`);
        const article = p.one((e) => e.name === 'article')!;
        const sections = findAll((e) => e.name === 'h2' && !!attr(e, 'id'), article.children).filter((h) => attr(h, 'id') !== 'toc-h');
        if (sections.length < 2) continue;
        const toc = p.one((e) => e.name === 'nav' && attr(e, 'class') === 'toc')!;
        expect(toc, `${slug} ${lang}`).not.toBeNull();
        const links = findAll((e) => e.name === 'a', toc.children).map((a) => attr(a, 'href'));
        for (const h of sections) expect(links, `${slug} ${lang}`).toContain(`#${attr(h, 'id')}`);
      }
    }
  });

  it('records link the one before and after in their kind: one chain through every record of the kind', () => {
    for (const lang of LANGS) {
      for (const kind of new Set(records.map((r) => r.kind))) {
        const paths = records.filter((r) => r.kind === kind).map((r) => pagePath(r, lang));
        const links = new Map(paths.map((path) => {
          const p = page(path);
          const link = (rel: string) => attr(p.one((e) => e.name === 'a' && attr(e, 'rel') === rel), 'href');
          return [path, { prev: link('prev'), next: link('next') }];
        }));
        const first = paths.filter((path) => !links.get(path)!.prev);
        expect(first, `${kind} ${lang}: one first record`).toHaveLength(1);
        const chain: string[] = [];
        for (let at: string | undefined = first[0]; at; at = links.get(at)!.next) {
          if (chain.length) expect(links.get(at)!.prev, at).toBe(chain.at(-1));
          chain.push(at);
          expect(chain.length).toBeLessThanOrEqual(paths.length);
        }
        expect(chain.sort(), `${kind} ${lang}`).toEqual([...paths].sort());
      }
    }
  });

  it('the not-found pages carry what their script needs, and /{lang}/not-found.json lists every record', () => {
    for (const lang of LANGS) {
      const p = page(`/${lang}/404.html`);
      const block = p.one((e) => attr(e, 'data-not-found') !== undefined)!;
      expect(attr(block, 'data-lang')).toBe(lang);
      expect(attr(block, 'data-not-in-catalog')).toContain('{code}');
      expect(p.one((e) => e.name === 'a' && attr(e, 'class') === 'nf-search'), lang).not.toBeNull();
      const entries = JSON.parse(readBuilt(`/${lang}/not-found.json`)) as [string, string, string][];
      expect(entries.map((e) => e[0]).sort()).toEqual(records.map((r) => pagePath(r, lang)).sort());
    }
    expect(page('/404.html').all.filter((e) => attr(e, 'data-not-found') !== undefined).map((e) => attr(e, 'data-lang'))).toEqual(['en', 'zh']);
  });
});

describe('before and after code', () => {
  it('records whose fix is a change of code show the code before and after, the after one copyable', () => {
    const withFix = records.filter((r) => fixOf(r));
    for (const ref of ['error-code:8', 'error-code:1013', 'error-code:401', 'error-code:65', 'http-status:429', 'error-code:433', 'error-code:7']) {
      expect(withFix.map(recordRef), ref).toContain(ref);
    }
    expect(withFix.some((r) => r.kind === 'recording-status')).toBe(true);
    for (const r of withFix) {
      for (const lang of LANGS) {
        const p = page(pagePath(r, lang));
        const fix = fixOf(r)!;
        expect(squash(textContent(byId(p, 'before')!.parent as Element)), pagePath(r, lang)).toContain(squash(fix.before(lang)));
        expect(textContent(byId(p, 'snippet-code')!)).toBe(fix.after(lang));
      }
    }
  });
});
