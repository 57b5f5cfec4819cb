/**
 * scripts/serve.ts: a static server for build/site — content types, directory
 * index.html, /dir → /dir/, the nearest 404.html with status 404, no way out
 * of the site folder, GET and HEAD only, PORT from the environment.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.ts';

const outside = mkdtempSync(join(tmpdir(), 'serve-'));
const root = join(outside, 'site');
const files: Record<string, string> = {
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
  'pagefind/wasm.en.pagefind': 'x',
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
