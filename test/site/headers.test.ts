/**
 * The site's response headers, one source of truth: site/public/_headers.
 * The build ships it; scripts/serve.ts sends exactly what it says; every page
 * carries its Content-Security-Policy in a <meta> (less frame-ancestors); the
 * policy is strict; no page needs an inline script or style; examples/nginx.conf
 * says the same; CORS is open on /pagefind/*, /search/* and /api/* only.
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

  it('opens CORS on /pagefind/*, /search/* and /api/* only', () => {
    for (const path of ['/search/engine.js', '/search/en/lexicon.json', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/wasm.en.pagefind', '/pagefind/fragment/x.pf_fragment', '/api/v1/codes.json', '/api/v1/error-code/433.json', '/api/v1/schema.json']) {
      expect(headersFor(rules, path)['access-control-allow-origin'], path).toBe('*');
    }
    for (const path of ['/', '/en/', '/en/errors/433/', '/zh/search/codes.json', '/sitemap-index.xml']) {
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
  const OWN = new Set(['content-type', 'content-length', 'cache-control', 'location', 'date', 'connection', 'keep-alive', 'transfer-encoding']);
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
    ];
    for (const [path, status] of paths) {
      const res = await fetch(base + path, { redirect: 'manual' });
      expect(res.status, path).toBe(status);
      expect(extra(res), path).toEqual(headersFor(rules, path));
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
  const conf = readFileSync(fileURLToPath(new URL('../../examples/nginx.conf', import.meta.url)), 'utf8').replace(/#.*$/gm, '');
  const csp = /set \$csp "([^"]*)";/.exec(conf)?.[1];
  /** The add_header lines of a block, with $csp filled in. */
  const addHeaders = (block: string) =>
    Object.fromEntries(
      [...block.matchAll(/add_header\s+(\S+)\s+("[^"]*"|\S+)\s+always;/g)].map(([, name, value]) => [
        name.toLowerCase(),
        value.replace(/^"|"$/g, '') === '$csp' ? csp : value.replace(/^"|"$/g, ''),
      ]),
    );
  const locations = new Map([...conf.matchAll(/location\s+([^{]+?)\s*\{([^}]*)\}/g)].map(([, path, body]) => [path.trim(), body]));
  const serverLevel = conf.replace(/location\s+[^{]+\{[^}]*\}/g, '');

  it('sends the policy and headers of _headers, and CORS on /pagefind/, /search/ and /api/', () => {
    expect(csp).toBe(policy);
    expect(addHeaders(serverLevel)).toEqual(headersFor(rules, '/'));
    expect(addHeaders(locations.get('/pagefind/') ?? '')).toEqual(headersFor(rules, '/pagefind/pagefind.js'));
    expect(addHeaders(locations.get('/api/') ?? '')).toEqual(headersFor(rules, '/api/v1/codes.json'));
    expect(addHeaders(locations.get('/search/') ?? '')).toEqual(headersFor(rules, '/search/engine.js'));
    // A location with add_header of its own drops the server's: each must repeat them all.
    for (const [path, body] of locations) {
      const own = addHeaders(body);
      if (Object.keys(own).length) for (const name of Object.keys(headersFor(rules, '/'))) expect(own[name], `${path} ${name}`).toBeDefined();
    }
    expect(locations.get('= /_headers')).toMatch(/return 404;/);
  });
});
