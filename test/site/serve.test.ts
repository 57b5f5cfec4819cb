/**
 * scripts/serve.ts, the local preview of build/site (sirv and a thin layer):
 * content types, directory index.html, /dir → /dir/, the nearest 404.html with
 * status 404, no way out of the site folder, GET and HEAD only, PORT from the
 * environment; `_headers` on every answer, whatever its status; brotli and gzip
 * for text; and no request — control characters, `//host` paths, files that
 * vanish under it — can make it fall over or send the visitor elsewhere.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { type IncomingHttpHeaders, request, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeaders } from '../../scripts/headers.ts';
import { negotiateEncoding, serve } from '../../scripts/serve.ts';

const outside = mkdtempSync(join(tmpdir(), 'serve-'));
const root = join(outside, 'site');
/** A page long enough to be compressed. */
const LONG_PAGE = `<!doctype html><html lang="en"><title>long</title>${'<p>Resource ID expired: acquire again.</p>\n'.repeat(200)}`;
const HEADERS_FILE = [
  '/*',
  "  Content-Security-Policy: default-src 'self'",
  '  X-Content-Type-Options: nosniff',
  '/api/*',
  '  Access-Control-Allow-Origin: *',
  '/pagefind/*',
  '  Access-Control-Allow-Origin: *',
  '/_astro/*',
  '  Cache-Control: public, max-age=31536000, immutable',
  '',
].join('\n');
const rules = parseHeaders(HEADERS_FILE);
const files: Record<string, string> = {
  _headers: HEADERS_FILE,
  'en/long/index.html': LONG_PAGE,
  '_astro/app.B_UNUIHV.js': `export const text = ${JSON.stringify('x'.repeat(2000))};`,
  'api/v1/codes.json': JSON.stringify({ records: Array.from({ length: 50 }, (_, i) => ({ code: i, title: 'Resource ID expired' })) }),
  'café/index.html': '<!doctype html><title>café</title>',
  'index.html': '<!doctype html><title>root</title>',
  '404.html': '<!doctype html><title>not found</title>',
  'zh/404.html': '<!doctype html><html lang="zh-CN"><title>找不到页面</title>',
  'en/404.html': '<!doctype html><html lang="en"><title>Page not found</title>',
  'en/errors/433/index.html': '<!doctype html><title>433</title>',
  'style.css': 'body{}',
  'app.js': 'export {}',
  'data.json': '{}',
  'sitemap-index.xml': '<x/>',
  'favicon.svg': '<svg/>',
  'pagefind/wasm.en.pagefind': 'x'.repeat(4000),
  'pagefind/pagefind.en_1.pf_meta': 'x',
  'pagefind/pagefind.js': 'export {}',
  'robots.txt': 'User-agent: *',
};
for (const [path, content] of Object.entries(files)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
writeFileSync(join(outside, 'outside-secret.txt'), 'secret');

let server: Server;
let base: string;
beforeAll(async () => {
  server = await serve({ root, port: 0, quiet: true });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const get = (path: string, init?: RequestInit) => fetch(base + path, { redirect: 'manual', ...init });

type Answer = { status: number; headers: IncomingHttpHeaders; body: Buffer };
/** One request, the path sent as it is (no normalising), the body as it came (not decompressed). */
function raw(at: string, path: string, { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request(at + path, { method, headers, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to ${method} ${path}`)));
    req.on('error', fail);
    req.end();
  });
}
/** The headers of an answer that come from `_headers` (and Cache-Control). */
const ruledHeaders = (a: Answer) =>
  Object.fromEntries(Object.entries(a.headers).filter(([name]) => ['content-security-policy', 'x-content-type-options', 'access-control-allow-origin'].includes(name)));

/** scripts/serve.ts as `npm start` runs it: its own process (so that a crash shows), on a free port. */
async function startProcess(siteRoot: string): Promise<{ url: string; child: ChildProcessWithoutNullStreams; stop(): void }> {
  const script = fileURLToPath(new URL('../../scripts/serve.ts', import.meta.url));
  const child = spawn(process.execPath, [script, siteRoot], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1' } });
  child.stderr.resume();
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/localhost:(\d+)\//.exec(out);
      if (m) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        ok(`http://127.0.0.1:${m[1]}`);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => fail(new Error(`serve.ts exited with ${code}: ${out}`)));
    setTimeout(() => fail(new Error(`no URL printed: ${out}`)), 20_000);
  });
  return { url, child, stop: () => child.kill() };
}

describe('scripts/serve.ts', () => {
  it('serves files with their content types', async () => {
    const types: [string, RegExp][] = [
      ['/index.html', /^text\/html; charset=utf-8$/],
      ['/style.css', /^text\/css/],
      ['/app.js', /^text\/javascript/],
      ['/pagefind/pagefind.js', /^text\/javascript/],
      ['/data.json', /^application\/json/],
      ['/sitemap-index.xml', /^application\/xml/],
      ['/favicon.svg', /^image\/svg\+xml$/],
      ['/robots.txt', /^text\/plain/],
      ['/pagefind/wasm.en.pagefind', /^application\/octet-stream$/],
      ['/pagefind/pagefind.en_1.pf_meta', /^application\/octet-stream$/],
    ];
    for (const [path, type] of types) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(type);
      expect(await res.text()).toBe(files[path.slice(1)]);
    }
  });

  it('serves index.html for a directory, and redirects a directory without its slash (keeping the query)', async () => {
    expect(await (await get('/')).text()).toBe(files['index.html']);
    expect(await (await get('/en/errors/433/')).text()).toBe(files['en/errors/433/index.html']);
    const res = await get('/en/errors/433?q=1');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/en/errors/433/?q=1');
  });

  it('answers 404 with the nearest 404 page: per language under /zh/ and /en/, else the root one', async () => {
    const zh = await get('/zh/errors/99999/');
    expect(zh.status).toBe(404);
    expect(zh.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await zh.text()).toBe(files['zh/404.html']);
    expect(await (await get('/en/nope')).text()).toBe(files['en/404.html']);
    const other = await get('/nope/');
    expect(other.status).toBe(404);
    expect(await other.text()).toBe(files['404.html']);
  });

  it('never serves a file outside the site folder', async () => {
    for (const path of ['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/en/..%2f..%2foutside-secret.txt', '/%2e%2e%2foutside-secret.txt']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('secret');
    }
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });

  it('answers HEAD without a body, and refuses other methods', async () => {
    const head = await get('/style.css', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(files['style.css'].length));
    expect(await head.text()).toBe('');
    const post = await get('/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('runs from the command line on PORT (0: any free port) and says where', async () => {
    const script = fileURLToPath(new URL('../../scripts/serve.ts', import.meta.url));
    const child = spawn(process.execPath, [script, root], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((ok, fail) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /http:\/\/localhost:(\d+)\//.exec(out);
          if (m) ok(`http://localhost:${m[1]}/`);
        });
        child.once('exit', (code) => fail(new Error(`serve.ts exited with ${code}: ${out}`)));
        setTimeout(() => fail(new Error(`no URL printed: ${out}`)), 20_000);
      });
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(files['index.html']);
    } finally {
      child.kill();
    }
  });
});

describe('what every answer carries', () => {
  it('the headers of _headers, whatever the status: 200, 206, 301, 304, 400, 404, 405, 416', async () => {
    const page = await raw(base, '/en/long/');
    const etag = String(page.headers.etag);
    const cases: [string, Parameters<typeof raw>[2], number][] = [
      ['/en/long/', {}, 200],
      ['/style.css', { headers: { range: 'bytes=0-1' } }, 206],
      ['/style.css', { headers: { range: 'bytes=100-200' } }, 416],
      ['/en/errors/433', {}, 301],
      ['/en/long/', { headers: { 'if-none-match': etag } }, 304],
      ['/%E0%A4%A', {}, 400],
      ['/en/%00', {}, 400],
      ['/en/nope/', {}, 404],
      ['/en/', { method: 'POST' }, 405],
      ['/api/v1/codes.json', { method: 'DELETE' }, 405],
      ['/api/v1/nope.json', {}, 404],
      ['/pagefind/nope.pf_fragment', {}, 404],
      ['/api/v1/codes.json', { headers: { 'if-none-match': String((await raw(base, '/api/v1/codes.json')).headers.etag) } }, 304],
    ];
    for (const [path, init, status] of cases) {
      const answer = await raw(base, path, init);
      const label = `${init?.method ?? 'GET'} ${path} ${JSON.stringify(init?.headers ?? {})}`;
      expect(answer.status, label).toBe(status);
      const expected = headersFor(rules, path);
      expect(ruledHeaders(answer), label).toEqual(Object.fromEntries(Object.entries(expected).filter(([n]) => n !== 'cache-control')));
      expect(answer.headers['cache-control'], label).toBeDefined();
    }
  });

  it('CORS on not-found answers under /api/ and /pagefind/ too, so that another origin can read them', async () => {
    for (const path of ['/api/v1/error-code/99999.json', '/pagefind/fragment/en_0000.pf_fragment', '/api/']) {
      const answer = await raw(base, path);
      expect(answer.status, path).toBe(404);
      expect(answer.headers['access-control-allow-origin'], path).toBe('*');
    }
    expect((await raw(base, '/en/nope/')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('Cache-Control: a year for fingerprinted files, revalidation for pages and for every error', async () => {
    expect((await raw(base, '/_astro/app.B_UNUIHV.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await raw(base, '/en/long/')).headers['cache-control']).toBe('no-cache');
    expect((await raw(base, '/api/v1/codes.json')).headers['cache-control']).toBe('no-cache');
    // Not a year of "not found" for a bundle that a rebuild has not written yet.
    expect((await raw(base, '/_astro/missing.js')).headers['cache-control']).toBe('no-cache');
    const revalidated = await raw(base, '/_astro/app.B_UNUIHV.js', { headers: { 'if-none-match': String((await raw(base, '/_astro/app.B_UNUIHV.js')).headers.etag) } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});

describe('compression', () => {
  it('sends text as brotli or gzip, as the client asks, and as it is otherwise', async () => {
    for (const path of ['/en/long/', '/_astro/app.B_UNUIHV.js', '/api/v1/codes.json']) {
      const plain = await raw(base, path);
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(plain.headers.vary, path).toMatch(/accept-encoding/i);
      const br = await raw(base, path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(br.headers['content-encoding'], path).toBe('br');
      expect(br.headers.vary, path).toMatch(/accept-encoding/i);
      expect(br.body.length, path).toBeLessThan(plain.body.length);
      expect(brotliDecompressSync(br.body).equals(plain.body), path).toBe(true);
      const gz = await raw(base, path, { headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding'], path).toBe('gzip');
      expect(gunzipSync(gz.body).equals(plain.body), path).toBe(true);
    }
    expect((await raw(base, '/en/long/', { headers: { 'accept-encoding': 'br;q=0, gzip;q=0.5' } })).headers['content-encoding']).toBe('gzip');
    expect((await raw(base, '/en/long/', { headers: { 'accept-encoding': 'identity' } })).headers['content-encoding']).toBeUndefined();
  });

  it('compresses the not-found page too, but never binaries, tiny files or byte ranges', async () => {
    const missing = await raw(base, '/nope/', { headers: { 'accept-encoding': 'br' } });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined(); // 404.html of the fixture is tiny
    const wasm = await raw(base, '/pagefind/wasm.en.pagefind', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(wasm.headers['content-encoding']).toBeUndefined();
    expect(wasm.body.toString()).toBe(files['pagefind/wasm.en.pagefind']);
    const tiny = await raw(base, '/style.css', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe(files['style.css']);
    const part = await raw(base, '/en/long/', { headers: { 'accept-encoding': 'br, gzip', range: 'bytes=0-14' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-encoding']).toBeUndefined();
    expect(part.body.toString()).toBe(LONG_PAGE.slice(0, 15));
  });

  it('answers HEAD with the headers GET would send, and no body', async () => {
    const get = await raw(base, '/en/long/', { headers: { 'accept-encoding': 'gzip' } });
    const head = await raw(base, '/en/long/', { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } });
    expect(head.body.length).toBe(0);
    for (const name of ['content-type', 'content-encoding', 'etag', 'cache-control', 'vary', 'content-security-policy']) expect(head.headers[name], name).toBe(get.headers[name]);
  });

  it('reads Accept-Encoding as RFC 9110 does: q-values, `*`, refusals', () => {
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('BR ; q=0.8')).toBe('br');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0, gzip;q=0.1')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBeUndefined();
    expect(negotiateEncoding('')).toBeUndefined();
    expect(negotiateEncoding(undefined)).toBeUndefined();
  });
});

describe('hostile requests, against the server process that `npm start` runs', () => {
  let site: Awaited<ReturnType<typeof startProcess>>;
  beforeAll(async () => {
    site = await startProcess(root);
  });
  afterAll(() => site?.stop());
  const alive = async () => {
    expect(site.child.exitCode, 'the server process has exited').toBeNull();
    const home = await raw(site.url, '/');
    expect(home.status).toBe(200);
    expect(home.body.toString()).toBe(files['index.html']);
  };

  it('answers 400 to a path that decodes to a control character, wherever it is, and goes on serving', async () => {
    const controls = [...Array.from({ length: 32 }, (_, i) => i), 0x7f].map((c) => `%${c.toString(16).padStart(2, '0').toUpperCase()}`);
    for (const c of controls) {
      // Where a redirect would be built (a folder without its slash), in a file name, and the issue's own case.
      for (const path of [`/${c}%2f..%2fzh`, `/en${c}`, `/en/errors/433${c}`, `/zh/${c}`, `/${c}`, `/${c}/..%2fen`]) {
        const answer = await raw(site.url, path);
        expect(answer.status, path).toBe(400);
        expect(answer.headers['content-security-policy'], path).toBe("default-src 'self'");
        expect(answer.headers.location, path).toBeUndefined();
      }
    }
    await alive();
  });

  it('answers a request line Node cannot parse with 400 and the site headers, and goes on serving', async () => {
    const { port, hostname } = new URL(site.url);
    for (const line of ['GET /\x01 HTTP/1.1', 'GET / HTTP/1.1\r\nHost: x\r\nBad Header', 'NOT-HTTP']) {
      const reply = await new Promise<string>((ok, fail) => {
        const socket = connect(Number(port), hostname, () => socket.end(`${line}\r\n\r\n`));
        let text = '';
        socket.on('data', (c) => (text += c.toString()));
        socket.on('close', () => ok(text));
        socket.on('error', fail);
        socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
      });
      expect(reply, JSON.stringify(line)).toMatch(/^HTTP\/1\.1 400 /);
      expect(reply.toLowerCase(), JSON.stringify(line)).toContain("content-security-policy: default-src 'self'");
    }
    await alive();
  });

  it('never redirects to another host: a Location always stays on this site', async () => {
    const evil = [
      '/%2fevil.example%2f..%2fzh',
      '//evil.example/..%2fzh',
      '//evil.example/../en',
      '/%2F%2Fevil.example/../en',
      '/%5cevil.example%2f..%2fen',
      '/%5C%5Cevil.example/..%2Fen',
      '/\\evil.example/../en',
      '/./%2f%2fevil.example%2f..%2f..%2fen',
      '/http:%2f%2fevil.example%2f..%2f..%2fen',
      '/en/%2e%2e/%2fevil.example/..',
      '/%09/evil.example/../en',
    ];
    for (const path of evil) {
      const answer = await raw(site.url, path);
      expect(answer.status, path).toBeLessThan(500);
      const location = answer.headers.location;
      if (location !== undefined) {
        expect(location, path).toMatch(/^\/(?![/\\])/);
        expect(new URL(location, site.url).origin, path).toBe(new URL(site.url).origin);
      }
    }
    // A folder whose name needs escaping gets a Location that is a valid header.
    const cafe = await raw(site.url, '/caf%C3%A9?q=%E2%9C%93');
    expect(cafe.status).toBe(301);
    expect(cafe.headers.location).toBe('/caf%C3%A9/?q=%E2%9C%93');
    await alive();
  });

  it('keeps serving while files vanish and the site folder is swapped under it, as a rebuild does', async () => {
    const swapRoot = join(outside, 'swap');
    const page = (version: string) => `<!doctype html><title>${version}</title>${version.repeat(300 * (version === 'old' ? 1 : 3))}`;
    const write = (dir: string, version: string) => {
      mkdirSync(join(dir, 'en'), { recursive: true });
      writeFileSync(join(dir, 'index.html'), page(version));
      writeFileSync(join(dir, 'en', 'page.html'), page(version));
      writeFileSync(join(dir, '404.html'), 'not found');
    };
    const live = join(swapRoot, 'site');
    write(live, 'old');
    write(join(swapRoot, 'next'), 'new');
    const swapped = await startProcess(live);
    try {
      let renaming = true;
      // A rebuild's swap (site → old, next → site, old → next) and a file renamed away and back, over and over.
      const churn = (async () => {
        for (let i = 0; renaming && i < 2000; i++) {
          await rename(live, join(swapRoot, 'old'));
          await rename(join(swapRoot, 'next'), live);
          await rename(join(swapRoot, 'old'), join(swapRoot, 'next'));
          await rename(join(live, 'en', 'page.html'), join(live, 'en', 'page.moved'));
          await rename(join(live, 'en', 'page.moved'), join(live, 'en', 'page.html'));
        }
      })();
      const seen = new Set<string>();
      try {
        for (let i = 0; i < 300; i++) {
          const path = i % 2 ? '/en/page.html' : '/';
          const answer = await raw(swapped.url, path, { headers: i % 3 === 0 ? { 'accept-encoding': 'gzip' } : {} });
          const body = answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.body).toString() : answer.body.toString();
          expect([200, 404], `${path} #${i}`).toContain(answer.status);
          if (answer.status === 200) {
            // Whole, and one version or the other: never a mix, never cut to the other one's length.
            expect([page('old'), page('new')], `${path} #${i}`).toContain(body);
            seen.add(body === page('old') ? 'old' : 'new');
          }
        }
      } finally {
        renaming = false;
        await churn;
      }
      expect(seen.size).toBeGreaterThan(0);
      expect(swapped.child.exitCode, 'the server process has exited').toBeNull();
    } finally {
      swapped.stop();
      rmSync(swapRoot, { recursive: true, force: true });
    }
  });
});

describe('a rebuilt _headers', () => {
  it('applies from the next request on, without a restart', async () => {
    const site = mkdtempSync(join(tmpdir(), 'serve-headers-'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(site, '_headers'), '/*\n  X-Version: 1\n');
    const running = await serve({ root: site, port: 0, quiet: true });
    const at = `http://127.0.0.1:${(running.address() as AddressInfo).port}`;
    try {
      expect((await raw(at, '/')).headers['x-version']).toBe('1');
      writeFileSync(join(site, '_headers'), '/*\n  X-Version: 2\n  X-Added: yes\n');
      const after = await raw(at, '/');
      expect(after.headers['x-version']).toBe('2');
      expect(after.headers['x-added']).toBe('yes');
      // A file it cannot read (half-written) leaves the last rules in force.
      writeFileSync(join(site, '_headers'), '  X-Broken: before any path\n');
      expect((await raw(at, '/')).headers['x-version']).toBe('2');
    } finally {
      await new Promise<void>((ok) => running.close(() => ok()));
      rmSync(site, { recursive: true, force: true });
    }
  });
});
