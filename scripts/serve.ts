/**
 * node scripts/serve.ts — serve build/site on http://localhost:4321/ (PORT
 * overrides; PORT=0 picks a free port). A static server on node:http alone:
 * content types, directory index.html, /dir → /dir/, the nearest 404.html.
 * Only GET and HEAD; never serves a file outside the site folder.
 * Response headers come from the site's own `_headers` file (site/public/_headers,
 * copied into the build), as Netlify and Cloudflare Pages would send them; the
 * file itself is not served.
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { createServer, type OutgoingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type HeaderRule, headersFor, readHeaders } from './headers.ts';

export const DEFAULT_ROOT = fileURLToPath(new URL('../build/site/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  // Pagefind's index files
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export const contentType = (path: string): string => TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

const fileAt = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

export type ServeOptions = { root?: string; port?: number; host?: string; quiet?: boolean };

/** Start the server; resolves once it listens. `server.address().port` is the port. */
export function serve({ root = DEFAULT_ROOT, port = 4321, host = '127.0.0.1', quiet = false }: ServeOptions = {}): Promise<Server> {
  const base = resolve(root);
  const headersFile = join(base, '_headers');
  const rules: HeaderRule[] = fileAt(headersFile)?.isFile() ? readHeaders(headersFile) : [];
  const server = createServer((req, res) => {
    const started = Date.now();
    const log = (status: number) => {
      if (!quiet) console.log(`${status} ${req.method} ${req.url} ${Date.now() - started}ms`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method Not Allowed\n');
      return log(405);
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad Request\n');
      return log(400);
    }
    // What `_headers` says for this path, on every answer (pages, 404s, redirects).
    const head = (status: number, headers: OutgoingHttpHeaders) => res.writeHead(status, { ...headersFor(rules, pathname), ...headers });
    const send = (file: string, stat: Stats, status = 200) => {
      head(status, {
        'content-type': contentType(file),
        'content-length': stat.size,
        'cache-control': 'no-cache',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
      log(status);
    };
    const notFound = () => {
      // The nearest 404.html: /zh/… → zh/404.html, else the bilingual /404.html.
      const lang = /^\/(zh|en)(\/|$)/.exec(pathname)?.[1];
      for (const candidate of [lang && join(base, lang, '404.html'), join(base, '404.html')]) {
        const stat = candidate ? fileAt(candidate) : undefined;
        if (candidate && stat?.isFile()) return send(candidate, stat, 404);
      }
      head(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found\n');
      log(404);
    };

    const file = resolve(join(base, pathname));
    if (pathname.includes('\0') || (file !== base && !file.startsWith(base + sep)) || file === headersFile) return notFound();
    const stat = fileAt(file);
    if (stat?.isFile()) return send(file, stat);
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        const search = new URL(req.url ?? '/', 'http://localhost').search;
        head(301, { location: `${pathname}/${search}` }).end();
        return log(301);
      }
      const index = join(file, 'index.html');
      const indexStat = fileAt(index);
      if (indexStat?.isFile()) return send(index, indexStat);
    }
    notFound();
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok(server);
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = process.env.PORT === undefined ? 4321 : Number(process.env.PORT);
  const root = process.argv[2] ?? DEFAULT_ROOT;
  if (!fileAt(join(root, 'index.html'))) {
    console.error(`No site in ${root}: run \`npm run build\` (or \`npm run build:site\`) first.`);
    process.exit(1);
  }
  const server = await serve({ root, port, host: process.env.HOST ?? 'localhost' });
  const { port: actual } = server.address() as AddressInfo;
  console.log(`Serving ${root} on http://localhost:${actual}/`);
}
