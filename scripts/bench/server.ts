/**
 * A static server for the browser figures: serves a built site as a static
 * host would (Cloudflare Pages compresses text): HTML, CSS, JS, JSON, SVG and
 * XML gzipped (level 6), everything else as stored (Pagefind's index files and
 * WebAssembly are already gzipped by Pagefind). Directory index.html, no cache.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TEXT: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const BINARY: Record<string, string> = { '.wasm': 'application/wasm' };

export type Site = { url: string; close(): Promise<void> };

export function serveGzipped(root: string): Promise<Site> {
  const base = resolve(root);
  const server: Server = createServer((req, res) => {
    let path = join(base, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(base + sep) && path !== base) return void res.writeHead(403).end();
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      const body = readFileSync(path);
      const ext = extname(path);
      const text = TEXT[ext];
      const gzip = text !== undefined && /\bgzip\b/.test(String(req.headers['accept-encoding']));
      const out = gzip ? gzipSync(body, { level: 6 }) : body;
      res.writeHead(200, {
        'content-type': text ?? BINARY[ext] ?? 'application/octet-stream',
        'content-length': out.length,
        'cache-control': 'max-age=3600',
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      });
      res.end(out);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
      }),
    ),
  );
}
