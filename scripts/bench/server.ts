/**
 * A static server for the browser figures: serves a built site as a static
 * host would (Cloudflare Pages compresses text): HTML, CSS, JS, JSON, SVG and
 * XML gzipped (level 6), everything else as stored (Pagefind's index files and
 * WebAssembly are already gzipped by Pagefind). Directory index.html; an
 * unknown address gets the nearest 404.html (/{lang}/404.html, else /404.html)
 * with status 404, as Cloudflare Pages answers.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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
  const send = (req: IncomingMessage, res: ServerResponse, path: string, status: number) => {
    const body = readFileSync(path);
    const ext = extname(path);
    const text = TEXT[ext];
    const gzip = text !== undefined && /\bgzip\b/.test(String(req.headers['accept-encoding']));
    const out = gzip ? gzipSync(body, { level: 6 }) : body;
    res.writeHead(status, {
      'content-type': text ?? BINARY[ext] ?? 'application/octet-stream',
      'content-length': out.length,
      'cache-control': 'max-age=3600',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    res.end(out);
  };
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let path = join(base, pathname);
    if (!path.startsWith(base + sep) && path !== base) return void res.writeHead(403).end();
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      send(req, res, path, 200);
    } catch {
      const lang = /^\/(zh|en)\//.exec(pathname)?.[1];
      const notFound = [lang && join(base, lang, '404.html'), join(base, '404.html')].find((p) => p && existsSync(p));
      if (notFound) send(req, res, notFound, 404);
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
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
