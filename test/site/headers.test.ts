/**
 * The site's response headers, one source of truth: site/public/_headers.
 * The build ships it; scripts/serve.ts sends exactly what it says; every page
 * carries its Content-Security-Policy in a <meta> (less frame-ancestors); the
 * policy is strict; no page needs an inline script or style; examples/nginx.conf
 * says the same; CORS is open on /pagefind/*, /search/*, /api/* and /lib/* only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADERS_FILE, headersFor, metaPolicy, pagePolicy, parseHeaders, pathMatches, readHeaders } from '../../scripts/headers.ts';
import { serve } from '../../scripts/serve.ts';
import { SITE_ROOT } from './helpers.ts';

const rules = readHeaders(HEADERS_FILE);
const policy = pagePolicy(rules);
/** A policy as a map: directive → its sources. */
const directives = (p: string) =>
  new Map(
    p
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources] as const),
  );

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const path = join(dir, n);
    return statSync(path).isDirectory() ? htmlFiles(path) : n.endsWith('.html') ? [path] : [];
  });
/** The URL path of a built HTML file: en/errors/433/index.html → /en/errors/433/. */
const urlPath = (file: string) => '/' + relative(SITE_ROOT, file).split(sep).join('/').replace(/index\.html$/, '');

describe('site/public/_headers', () => {
  it('parses: paths with their headers; `*` and `:name` patterns; every matching rule applies', () => {
    const parsed = parseHeaders('# c\n/*\n  A: 1\n\n/api/*\n  B: two words\n  A: 2\n/x/:id/\n  C: c\n');
    // A splat matches anything, even a character no URL should hold.
    expect(pathMatches('/*', '/\n/../zh')).toBe(true);
    expect(pathMatches('/pagefind/*.pf_meta', '/pagefind/pagefind.en_1a.pf_meta')).toBe(true);
    expect(pathMatches('/pagefind/*.pf_meta', '/pagefind/pagefind.js')).toBe(false);
    expect(parsed).toEqual([
      { path: '/*', headers: [['A', '1']] },
      { path: '/api/*', headers: [['B', 'two words'], ['A', '2']] },
      { path: '/x/:id/', headers: [['C', 'c']] },
    ]);
    expect(headersFor(parsed, '/api/v1/codes.json')).toEqual({ a: '1, 2', b: 'two words' });
    expect(headersFor(parsed, '/x/1/')).toEqual({ a: '1', c: 'c' });
    expect(pathMatches('/x/:id/', '/x/1/2/')).toBe(false);
    expect(pathMatches('/api/*', '/apix')).toBe(false);
    expect(() => parseHeaders('  A: 1\n')).toThrow(/_headers:1/);
    expect(() => parseHeaders('/*\n  no colon\n')).toThrow(/_headers:2/);
  });

  it('is shipped at the root of the build, unchanged', () => {
    expect(readFileSync(join(SITE_ROOT, '_headers'), 'utf8')).toBe(readFileSync(HEADERS_FILE, 'utf8'));
  });

  it('sets a strict Content-Security-Policy on every path', () => {
    const d = directives(policy);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    for (const sources of d.values()) {
      for (const s of sources) expect(["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'http:', 'https:']).not.toContain(s);
    }
    for (const path of ['/', '/en/errors/433/', '/pagefind/pagefind.js', '/api/v1/codes.json', '/nope']) {
      expect(headersFor(rules, path)['content-security-policy'], path).toBe(policy);
      expect(headersFor(rules, path)['x-content-type-options'], path).toBe('nosniff');
    }
  });

  it('opens CORS on /pagefind/*, /search/*, /api/* and /lib/* only', () => {
    for (const path of ['/search/engine.js', '/search/en/lexicon.json', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/wasm.en.pagefind', '/pagefind/fragment/x.pf_fragment', '/api/v1/codes.json', '/api/v1/error-code/433.json', '/api/v1/schema.json', '/lib/diagnose.en.js']) {
      expect(headersFor(rules, path)['access-control-allow-origin'], path).toBe('*');
    }
    for (const path of ['/', '/en/', '/en/errors/433/', '/zh/search/codes.json', '/sitemap-index.xml', '/en/diagnose/']) {
      expect(headersFor(rules, path)['access-control-allow-origin'], path).toBeUndefined();
    }
  });
});

describe('every page', () => {
  const files = htmlFiles(SITE_ROOT).filter((f) => !f.startsWith(join(SITE_ROOT, 'pagefind')));

  it('carries the policy of _headers in a <meta>, first in <head>, less frame-ancestors', () => {
    const meta = metaPolicy(policy);
    expect(meta).not.toMatch(/frame-ancestors/);
    expect(directives(meta)).toEqual(new Map([...directives(policy)].filter(([name]) => name !== 'frame-ancestors')));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const doc = parseDocument(readFileSync(file, 'utf8'));
      const head = DomUtils.findOne((e) => e.name === 'head', doc.children)!;
      const metas = DomUtils.findAll((e) => e.name === 'meta' && e.attribs['http-equiv']?.toLowerCase() === 'content-security-policy', doc.children);
      expect(metas.length, file).toBe(1);
      expect(metas[0].attribs.content, file).toBe(meta);
      // Before any script, style or link it governs.
      const first = DomUtils.findOne((e) => ['script', 'style', 'link'].includes(e.name) || e === metas[0], head.children);
      expect(first, file).toBe(metas[0]);
    }
  });

  it('needs no inline script, inline style, style attribute or event handler attribute', () => {
    for (const file of files) {
      const all = DomUtils.findAll(() => true, parseDocument(readFileSync(file, 'utf8')).children);
      const inlineScripts = all.filter((e) => e.name === 'script' && !e.attribs.src && DomUtils.textContent(e).trim() && e.attribs.type !== 'application/ld+json');
      expect(inlineScripts.length, file).toBe(0);
      expect(all.filter((e) => e.name === 'style').length, file).toBe(0);
      const attrs = all.flatMap((e) => Object.keys(e.attribs).filter((a) => a === 'style' || /^on/i.test(a)).map((a) => `<${e.name} ${a}>`));
      expect(attrs, file).toEqual([]);
    }
  });
});

describe('scripts/serve.ts on the built site', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = await serve({ root: SITE_ROOT, port: 0, quiet: true });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  /** What serve.ts adds to any static file server: the answer's own mechanics. */
  const OWN = new Set([
    ...['content-type', 'content-length', 'content-encoding', 'vary', 'location', 'allow', 'etag', 'last-modified', 'accept-ranges', 'content-range'],
    ...['date', 'connection', 'keep-alive', 'transfer-encoding'],
  ]);
  /** Cache-Control is _headers' own where it says one (fingerprinted files), else the hosts' default: revalidate. */
  const expected = (path: string, status: number) => ({ 'cache-control': status < 400 ? (headersFor(rules, path)['cache-control'] ?? 'no-cache') : 'no-cache', ...headersFor(rules, path) , ...(status >= 400 ? { 'cache-control': 'no-cache' } : {}) });
  const extra = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => !OWN.has(name)));

  it('sends exactly the headers of _headers: pages, 404s, redirects, Pagefind and the JSON API', async () => {
    const paths: [string, number][] = [
      ['/', 200],
      ['/en/', 200],
      ['/zh/errors/433/', 200],
      ['/en/search/', 200],
      ['/zh/search/codes.json', 200],
      ['/pagefind/pagefind.js', 200],
      ['/pagefind/pagefind-entry.json', 200],
      ['/api/v1/codes.json', 200],
      ['/api/v1/error-code/433.json', 200],
      ['/api/v1/schema.json', 200],
      ['/en/opensearch.xml', 200],
      ['/zh/errors/99999/', 404],
      ['/api/v1/nope.json', 404],
      ['/en/errors/433', 301],
      [`/_astro/${readdirSync(join(SITE_ROOT, '_astro'))[0]}`, 200],
      [`/pagefind/${readdirSync(join(SITE_ROOT, 'pagefind')).find((n) => n.endsWith('.pf_meta'))}`, 200],
      [`/pagefind/fragment/${readdirSync(join(SITE_ROOT, 'pagefind', 'fragment'))[0]}`, 200],
      ['/_astro/gone.js', 404],
      ['/pagefind/fragment/gone.pf_fragment', 404],
      ['/en/%E0%A4%A', 400],
    ];
    for (const [path, status] of paths) {
      const res = await fetch(base + path, { redirect: 'manual' });
      expect(res.status, path).toBe(status);
      expect(extra(res), path).toEqual(expected(path, status));
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      for (const path of ['/en/', '/api/v1/codes.json', '/pagefind/pagefind.js']) {
        const res = await fetch(base + path, { method, redirect: 'manual' });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(extra(res), `${method} ${path}`).toEqual(expected(path, 405));
      }
    }
    // Revalidation: the 304 carries them too.
    for (const path of ['/en/', `/_astro/${readdirSync(join(SITE_ROOT, '_astro'))[0]}`, '/api/v1/codes.json']) {
      const etag = (await fetch(base + path)).headers.get('etag') ?? '';
      const res = await fetch(base + path, { headers: { 'if-none-match': etag } });
      expect(res.status, path).toBe(304);
      expect(extra(res), path).toEqual(expected(path, 304));
    }
  });

  it('keeps fingerprinted files a year and revalidates every page, and compresses text', async () => {
    const immutable = 'public, max-age=31536000, immutable';
    for (const name of readdirSync(join(SITE_ROOT, '_astro'))) {
      expect((await fetch(`${base}/_astro/${name}`)).headers.get('cache-control'), name).toBe(immutable);
    }
    for (const dir of ['index', 'fragment', 'filter']) {
      const name = readdirSync(join(SITE_ROOT, 'pagefind', dir)).find((n) => !n.startsWith('.'));
      if (name) expect((await fetch(`${base}/pagefind/${dir}/${name}`)).headers.get('cache-control'), name).toBe(immutable);
    }
    for (const path of ['/', '/en/', '/zh/errors/433/', '/en/search/', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/api/v1/codes.json', '/sitemap-index.xml']) {
      expect((await fetch(base + path)).headers.get('cache-control'), path).toBe('no-cache');
    }
    for (const [path, encoding] of [['/en/errors/433/', 'br'], ['/zh/', 'gzip'], ['/api/v1/codes.json', 'br'], [`/_astro/${readdirSync(join(SITE_ROOT, '_astro')).find((n) => n.endsWith('.css'))}`, 'gzip']] as const) {
      const res = await fetch(base + path, { headers: { 'accept-encoding': encoding } });
      expect(res.headers.get('content-encoding'), path).toBe(encoding);
      expect((await res.text()).length, path).toBeGreaterThan(0);
    }
  });

  it('serves the JSON API as application/json, and keeps _headers itself private', async () => {
    for (const path of ['/api/v1/codes.json', '/api/v1/schema.json', '/api/v1/message-error/invalid-authentication-credentials.json']) {
      const res = await fetch(base + path);
      expect(res.headers.get('content-type'), path).toBe('application/json; charset=utf-8');
      expect(await res.json(), path).toBeTypeOf('object');
    }
    expect((await fetch(base + '/_headers')).status).toBe(404);
  });

  it('sends on every page a policy equal to its <meta> one, plus frame-ancestors', async () => {
    for (const file of htmlFiles(SITE_ROOT).filter((f) => !f.endsWith('404.html'))) {
      const path = urlPath(file);
      const res = await fetch(base + path);
      const header = res.headers.get('content-security-policy') ?? '';
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(await res.text())?.[1].replace(/&#39;/g, "'");
      expect(meta, path).toBe(metaPolicy(header));
      expect(directives(header).get('frame-ancestors'), path).toEqual(["'none'"]);
    }
  });
});

describe('README.md', () => {
  it('shows _headers as it is (less comments)', () => {
    const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
    const file = readFileSync(HEADERS_FILE, 'utf8').split('\n').filter((l) => l.trim() && !l.trim().startsWith('#')).join('\n');
    expect(readme).toContain('```\n' + file + '\n```');
  });
});

describe('examples/nginx.conf', () => {
  const conf = readFileSync(fileURLToPath(new URL('../../examples/nginx.conf', import.meta.url)), 'utf8').replace(/(^|\s)#.*$/gm, '$1');
  const csp = /set \$csp "([^"]*)";/.exec(conf)?.[1];
  /** The variables the file sets (`set $csp "…";`). */
  const variables = new Map([...conf.matchAll(/set \$(\w+) "([^"]*)";/g)].map(([, name, value]) => [`$${name}`, value]));
  /** The add_header lines of a block, with its variables filled in. */
  const addHeaders = (block: string) =>
    Object.fromEntries(
      [...block.matchAll(/add_header\s+(\S+)\s+("[^"]*"|\S+)\s+always;/g)].map(([, name, quoted]) => {
        const value = quoted.replace(/^"|"$/g, '');
        return [name.toLowerCase(), variables.get(value) ?? value];
      }),
    );
  const locations = new Map([...conf.matchAll(/location\s+([^{]+?)\s*\{([^}]*)\}/g)].map(([, path, body]) => [path.trim(), body]));
  const serverLevel = conf.replace(/location\s+[^{]+\{[^}]*\}/g, '');

  /** The location nginx picks for a path: an exact match, else the regular expressions in order, else the longest prefix (none here uses ^~). */
  const locationFor = (path: string): string | undefined => {
    const names = [...locations.keys()];
    const exact = names.find((n) => n.startsWith('= ') && n.slice(2) === path);
    if (exact) return exact;
    const regex = names.find((n) => n.startsWith('~ ') && new RegExp(n.slice(2).replace(/^"|"$/g, '')).test(path));
    if (regex) return regex;
    return names.filter((n) => !/^[=~@]/.test(n) && path.startsWith(n)).sort((a, b) => b.length - a.length)[0];
  };
  /** The add_header lines nginx applies to a path: its location's, or the server's when that location has none. */
  const headersAt = (path: string) => {
    const own = addHeaders(locations.get(locationFor(path) ?? '') ?? '');
    return Object.keys(own).length ? own : addHeaders(serverLevel);
  };
  /** _headers, plus the revalidation the hosts do by default (Cache-Control: no-cache) where it sets none. */
  const hosted = (path: string) => ({ 'cache-control': 'no-cache', ...headersFor(rules, path) });

  it('sends the policy and headers of _headers, and CORS on /pagefind/ and /api/', () => {
    expect(csp).toBe(policy);
    expect(addHeaders(serverLevel)).toEqual(hosted('/'));
    for (const path of ['/', '/en/', '/zh/errors/433/', '/_astro/app.B_UNUIHV.js', '/_astro/HeadCommon.CSn0L5RT.css', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/wasm.en.pagefind', '/pagefind/pagefind.en_934a458513.pf_meta', '/pagefind/fragment/en_0a1b2c.pf_fragment', '/pagefind/index/en_0a1b2c.pf_index', '/pagefind/filter/en_0a1b2c.pf_filter', '/api/v1/codes.json', '/api/v1/error-code/433.json', '/lib/diagnose.en.js', '/search/engine.js', '/search/en/lexicon.json']) {
      expect(headersAt(path), `${path} (location ${locationFor(path)})`).toEqual(hosted(path));
    }
    // A location with add_header of its own drops the server's: each must repeat them all.
    for (const [path, body] of locations) {
      const own = addHeaders(body);
      if (Object.keys(own).length) for (const name of Object.keys(hosted('/'))) expect(own[name], `${path} ${name}`).toBeDefined();
    }
    expect(locations.get('= /_headers')).toMatch(/return 404;/);
  });

  it('answers not-found under /api/ and /pagefind/ with CORS, and never keeps a not-found a year', () => {
    for (const path of ['/api/v1/nope.json', '/pagefind/nope.js', '/pagefind/fragment/en_gone.pf_fragment', '/pagefind/pagefind.en_gone.pf_meta', '/_astro/gone.js']) {
      const page = /error_page\s+404\s+(\S+);/.exec(locations.get(locationFor(path) ?? '') ?? '')?.[1];
      expect(page, path).toMatch(/^@/);
      const notFound = addHeaders(locations.get(page!) ?? '');
      expect(notFound['cache-control'], path).toBe('no-cache');
      expect(notFound['access-control-allow-origin'], path).toBe(headersFor(rules, path)['access-control-allow-origin']);
      expect(locations.get(page!), path).toMatch(/try_files \/404\.html =404;/);
    }
  });

  it('compresses text', () => {
    expect(serverLevel).toMatch(/^\s*gzip on;/m);
    const types = /gzip_types ([^;]+);/.exec(serverLevel)?.[1].split(/\s+/) ?? [];
    for (const type of ['text/css', 'application/javascript', 'text/javascript', 'application/json', 'application/xml', 'image/svg+xml']) expect(types).toContain(type);
    expect(serverLevel).toMatch(/^\s*gzip_vary on;/m);
  });
});
