/**
 * Links: every internal link and #anchor of the built site resolves
 * (scripts/check-links.ts, `npm run check:links`), in both languages; and the
 * checker itself finds each kind of broken link in a small hand-made site.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/check-links.ts';
import { SITE_URL } from '../../scripts/site-url.ts';
import { ROOT } from './repo-copy.ts';

const DEFAULT_ROOT = join(ROOT, 'build', 'site');

describe('the built site (build/site)', () => {
  it('has no broken internal link or anchor, in either language', () => {
    expect(existsSync(join(DEFAULT_ROOT, 'index.html')), 'build/site is missing: run `npm run build:site` first').toBe(true);
    // Both languages are there to be checked, each with its record pages and guides.
    for (const lang of ['zh', 'en']) {
      expect(readdirSync(join(DEFAULT_ROOT, lang)), lang).toEqual(expect.arrayContaining(['index.html', '404.html', 'errors', 'guides', 'search']));
    }
    expect(checkLinks(DEFAULT_ROOT, SITE_URL)).toEqual([]);
  });
});

describe('checkLinks on a hand-made broken site', () => {
  let root: string;
  const page = (path: string, body: string) => {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `<!doctype html><html lang="en"><head><title>t</title><link rel="stylesheet" href="/style.css"><link rel="preconnect" href="/nowhere/"></head><body>${body}</body></html>`);
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'broken-site-'));
    writeFileSync(join(root, 'style.css'), 'body{}');
    page(
      'index.html',
      [
        '<h1 id="top">Home</h1>',
        // Links that resolve: a page, its anchor, this page's anchor, a file, a page by its index.html,
        // a relative link, an absolute link to the site, external and other schemes.
        '<a href="/en/">en</a> <a href="/en/#here">here</a> <a href="#top">top</a> <a href="/style.css">css</a>',
        '<a href="/en/index.html#here">index</a> <a href="en/">relative</a> <a name="old"></a> <a href="/#old">named</a>',
        `<a href="${SITE_URL}/en/#here">absolute</a> <a href="https://example.com/missing/">external</a>`,
        '<a href="mailto:a@example.com">mail</a> <a href="/en/?q=1#here">query</a>',
        // Broken: a missing page, a missing anchor, a script URL, an absolute link to a missing page.
        '<a href="/missing/">missing page</a>',
        '<a href="/en/#nowhere">missing anchor</a>',
        '<a href="javascript:alert(1)">script</a>',
        `<a href="${SITE_URL}/en/gone/">gone</a>`,
        // Bad percent escapes, in a path and in a fragment.
        '<a href="%E0%A4%A">bad escape</a>',
        '<a href="/en/#%FF">bad fragment</a>',
      ].join('\n'),
    );
    page('en/index.html', '<h2 id="here">Here</h2><a href="../">up</a> <a href="./#here">self</a> <img src="pic.png" alt="">');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports exactly what is broken: a missing page (by path, by absolute URL, an image), a missing anchor, a javascript: URL, a bad percent escape', () => {
    expect(checkLinks(root, SITE_URL)).toEqual([
      { page: '/en/', link: 'pic.png', problem: 'no file for /en/pic.png' },
      { page: '/', link: '/missing/', problem: 'no file for /missing/' },
      { page: '/', link: '/en/#nowhere', problem: 'no element with id "nowhere" on /en/' },
      { page: '/', link: 'javascript:alert(1)', problem: 'a javascript: URL' },
      { page: '/', link: `${SITE_URL}/en/gone/`, problem: 'no file for /en/gone/' },
      { page: '/', link: '%E0%A4%A', problem: 'a bad percent escape in its path (not %XX bytes of UTF-8)' },
      { page: '/', link: '/en/#%FF', problem: 'a bad percent escape in its fragment (not %XX bytes of UTF-8)' },
    ]);
  });

  it('reports nothing once they are fixed', () => {
    page('missing/index.html', '<p>now here</p>');
    page('en/gone/index.html', '<p>back</p>');
    page('en/index.html', '<h2 id="here">Here</h2><p id="nowhere"></p><a href="../">up</a>');
    writeFileSync(join(root, 'index.html'), '<!doctype html><a href="/missing/">a</a> <a href="/en/#nowhere">b</a>');
    expect(checkLinks(root, SITE_URL)).toEqual([]);
  });
});
