/**
 * node scripts/serve.ts — a LOCAL PREVIEW of build/site on http://localhost:4321/
 * (PORT overrides, PORT=0 picks a free port; HOST the address). For production,
 * put build/site on a static host that reads `_headers` (Cloudflare Pages,
 * Netlify) or behind nginx (examples/nginx.conf): see the README.
 *
 * sirv serves the files (types, ETag and 304, Range, HEAD). This thin layer
 * around it answers as those hosts do, and never falls over:
 * - the headers of the site's `_headers` file (site/public/_headers, copied into
 *   the build; scripts/headers.ts) on EVERY answer: 200, 206, 301, 304, 400,
 *   404, 405, 416 and 500 alike; without a Cache-Control of its own, an answer
 *   is revalidated (`no-cache`), as the hosts do by default;
 * - /dir → 301 /dir/ (a Location on this site only, percent-encoded), a
 *   directory's index.html, the nearest 404.html with status 404;
 * - text (HTML, CSS, JS, JSON, XML, SVG) compressed with brotli or gzip, as the
 *   client asks;
 * - GET and HEAD only (405); a path with a bad escape or a control character
 *   is a 400; nothing outside the site folder, no dotfile, not `_headers`;
 * - a file that vanishes or changes between the lookup and the read (a
 *   rebuild swaps build/site) is answered from what was opened, or as not found.
 */
import { fstatSync, type ReadStream, readFileSync, type Stats, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib';
import sirv from 'sirv';
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
  // Pagefind's index files (already compressed by Pagefind)
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export const contentType = (path: string): string => TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

/** Types worth compressing: text of any kind. Images, fonts, WebAssembly and Pagefind's index are not. */
export const compressible = (type: string): boolean => /^(?:text\/|image\/svg\+xml|application\/(?:json|xml|javascript|manifest\+json))/.test(type);

/** Smaller bodies are sent as they are (as nginx's gzip_min_length in examples/nginx.conf). */
export const COMPRESS_MIN_BYTES = 256;

/** What a host sends when `_headers` sets no Cache-Control: use it, but ask first (ETag, 304). */
export const DEFAULT_CACHE_CONTROL = 'no-cache';

type Encoding = 'br' | 'gzip';

/** The encoding to answer with, from Accept-Encoding (q-values honoured; brotli first). */
export function negotiateEncoding(accept: string | string[] | undefined): Encoding | undefined {
  const q = new Map<string, number>();
  for (const part of String(accept ?? '').split(',')) {
    const [token, ...params] = part.toLowerCase().split(';');
    const name = token?.trim();
    if (!name) continue;
    const weight = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name, weight === undefined ? 1 : Number(weight));
  }
  const accepted = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  return accepted('br') ? 'br' : accepted('gzip') ? 'gzip' : undefined;
}

const fileAt = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

/** A path of the site as a URL path: every segment percent-encoded, so `\`, `//` or a control character can never form another URL. */
const urlOf = (path: string): string =>
  path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');

/** The query of a request, with anything but printable ASCII percent-encoded (it goes back into a Location). */
const safeQuery = (search: string): string => search.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));

const CONTROL = /[\x00-\x1f\x7f]/;

/**
 * The rules of the site's own `_headers` (none when it has no such file), read
 * again when a rebuild changes it; while it cannot be read, the last rules hold.
 */
function siteRules(base: string): () => HeaderRule[] {
  const file = join(base, '_headers');
  let rules: HeaderRule[] = [];
  let version = '';
  return () => {
    const stat = fileAt(file);
    const now = stat?.isFile() ? `${stat.ino} ${stat.size} ${stat.mtimeMs}` : 'none';
    if (now !== version) {
      try {
        rules = stat?.isFile() ? readHeaders(file) : [];
        version = now;
      } catch {
        // half-written: keep the last rules, try again on the next request
      }
    }
    return rules;
  };
}

export type ServeOptions = { root?: string; port?: number; host?: string; quiet?: boolean };

/** The request handler: exported to be mounted elsewhere; `serve` runs it on a server. */
export function siteHandler({ root = DEFAULT_ROOT, quiet = true }: Pick<ServeOptions, 'root' | 'quiet'> = {}) {
  const base = resolve(root);
  const rules = siteRules(base);
  const files = sirv(base, {
    dev: true, // look every file up when asked: a rebuild replaces them all
    etag: true,
    extensions: [], // this layer resolves directories; sirv serves exactly the file it is given
    dotfiles: true, // this layer refuses them before sirv is asked
    setHeaders(res, pathname) {
      res.setHeader('content-type', contentType(pathname));
    },
  });

  return function handle(req: IncomingMessage, res: ServerResponse): void {
    const started = Date.now();
    if (!quiet) res.once('close', () => console.log(`${res.statusCode} ${req.method} ${JSON.stringify(req.url)} ${Date.now() - started}ms`));
    // A client that goes away mid-answer is not an error of the server's.
    req.on('error', () => res.destroy());
    res.on('error', () => res.destroy());

    // The path as sent (no URL parsing against a base: `//evil.example/…` is a path here, not a host).
    let raw = req.url ?? '/';
    if (/^https?:\/\//i.test(raw)) {
      try {
        const url = new URL(raw);
        raw = url.pathname + url.search;
      } catch {
        raw = '';
      }
    }
    const q = raw.indexOf('?');
    const rawPath = q < 0 ? raw : raw.slice(0, q);
    const search = q < 0 ? '' : raw.slice(q);
    let pathname: string | undefined;
    try {
      pathname = decodeURIComponent(rawPath);
    } catch {
      pathname = undefined;
    }
    const valid = pathname?.startsWith('/') === true && !CONTROL.test(pathname);
    /** What `_headers` says for this path (for a path that is not valid, for the path as sent). */
    const ruled = (status: number, headers: OutgoingHttpHeaders): OutgoingHttpHeaders => ({
      'cache-control': DEFAULT_CACHE_CONTROL,
      ...headersFor(rules(), valid ? (pathname as string) : rawPath.startsWith('/') ? rawPath : '/'),
      // An error is never kept: not even where `_headers` says a file may be kept a year.
      ...(status >= 400 ? { 'cache-control': DEFAULT_CACHE_CONTROL } : {}),
      ...headers,
    });
    /** A whole answer from memory: compressed when it is text and the client takes it. */
    const reply = (status: number, type: string, body: Buffer | string, extra: OutgoingHttpHeaders = {}) => {
      let bytes = typeof body === 'string' ? Buffer.from(body) : body;
      const headers: OutgoingHttpHeaders = { 'content-type': type, ...extra };
      if (compressible(type) && bytes.length >= COMPRESS_MIN_BYTES) {
        headers.vary = 'Accept-Encoding';
        const encoding = negotiateEncoding(req.headers['accept-encoding']);
        if (encoding) {
          bytes = encoding === 'br' ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : gzipSync(bytes, { level: 6 });
          headers['content-encoding'] = encoding;
        }
      }
      headers['content-length'] = bytes.length;
      res.writeHead(status, ruled(status, headers));
      res.end(req.method === 'HEAD' ? undefined : bytes);
    };
    const plain = (status: number, text: string, extra?: OutgoingHttpHeaders) => reply(status, 'text/plain; charset=utf-8', `${text}\n`, extra);
    /** The nearest 404.html: /zh/… → zh/404.html, else the bilingual /404.html. */
    const notFound = () => {
      const lang = /^\/(zh|en)(\/|$)/.exec(pathname ?? '')?.[1];
      for (const candidate of [lang && join(base, lang, '404.html'), join(base, '404.html')]) {
        if (!candidate) continue;
        try {
          return reply(404, TYPES['.html'], readFileSync(candidate));
        } catch {
          // not there (or gone meanwhile): the next one
        }
      }
      plain(404, 'Not Found');
    };

    /** The answer to this request: each branch sends one. */
    const route = (): void => {
      if (!valid || pathname === undefined) {
        plain(400, 'Bad Request');
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        plain(405, 'Method Not Allowed', { allow: 'GET, HEAD' });
        return;
      }
      // `..`, `.` and repeated slashes resolved; never above the site folder; no dotfile, not _headers.
      const clean = posix.normalize(pathname);
      const path = join(base, clean);
      const inside = path === base || path.startsWith(base + sep);
      const stat = inside && clean !== '/_headers' && !clean.split('/').some((s) => s.startsWith('.')) ? fileAt(path) : undefined;
      if (stat?.isDirectory() && !clean.endsWith('/')) {
        reply(301, 'text/plain; charset=utf-8', '', { location: urlOf(`${clean}/`) + safeQuery(search) });
        return;
      }
      const file = stat?.isFile() ? path : stat?.isDirectory() && fileAt(join(path, 'index.html'))?.isFile() ? join(path, 'index.html') : undefined;
      if (file) sendFile(req, res, file, `/${relative(base, file).split(sep).join('/')}`, ruled, notFound);
      else notFound();
    };
    try {
      route();
    } catch (error) {
      if (!res.headersSent) plain(500, 'Internal Server Error');
      else res.destroy(error as Error);
    }
  };

  /**
   * Let sirv send `file` (ETag, 304, Range, HEAD), with this layer's headers,
   * compression, and the cases sirv leaves open: the file gone before it is
   * opened (answered as not found), or replaced by another of another size (the
   * length of what was opened is sent).
   */
  function sendFile(
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    urlPath: string,
    ruled: (status: number, headers: OutgoingHttpHeaders) => OutgoingHttpHeaders,
    notFound: () => void,
  ): void {
    const type = contentType(file);
    const ranged = req.headers.range !== undefined;
    const encoding = compressible(type) && !ranged ? negotiateEncoding(req.headers['accept-encoding']) : undefined;
    const { writeHead } = res;
    const write = res.write as (chunk: unknown, ...rest: unknown[]) => boolean;
    const end = res.end as (...args: unknown[]) => ServerResponse;
    let status: number | undefined;
    let headers: OutgoingHttpHeaders = {};
    let started = false;
    let zip: ReturnType<typeof createGzip> | undefined;
    let source: ReadStream | undefined;

    // Hold the head until the body starts: until then, another answer can still be given.
    res.writeHead = ((code: number, ...rest: unknown[]) => {
      status = code;
      const given = rest.find((x) => x && typeof x === 'object') as OutgoingHttpHeaders | undefined;
      headers = Object.fromEntries(Object.entries({ ...headers, ...given }).map(([k, v]) => [k.toLowerCase(), v]));
      return res;
    }) as typeof res.writeHead;
    const start = () => {
      if (started) return;
      started = true;
      res.writeHead = writeHead;
      status ??= res.statusCode;
      const own: OutgoingHttpHeaders = status === 304 ? {} : { 'content-type': type };
      if (compressible(type)) own.vary = 'Accept-Encoding';
      const size = Number(headers['content-length'] ?? res.getHeader('content-length'));
      if (status === 200 && encoding && size >= COMPRESS_MIN_BYTES) {
        zip = encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: size } }) : createGzip({ level: 6 });
        own['content-encoding'] = encoding;
        delete headers['content-length'];
        res.removeHeader('content-length');
        zip.on('data', (chunk: Buffer) => {
          if (!write.call(res, chunk)) zip?.pause();
        });
        res.on('drain', () => zip?.resume());
        zip.on('drain', () => res.emit('drain'));
        zip.on('end', () => end.call(res));
        zip.on('error', (error) => res.destroy(error));
      }
      // sirv's own Cache-Control gives way to _headers' (and to the host default).
      delete headers['cache-control'];
      res.removeHeader('cache-control');
      writeHead.call(res, status, ruled(status, { ...headers, ...own }));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      start();
      if (zip) return zip.write(chunk as Buffer);
      return write.call(res, chunk, ...rest);
    }) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      start();
      if (!zip) return end.apply(res, args);
      const [chunk] = args;
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') zip.write(chunk as Buffer);
      zip.end();
      return res;
    }) as typeof res.end;

    // sirv pipes a read stream of the file into the answer: watch it.
    res.once('pipe', (stream) => {
      source = stream as ReadStream;
      source.once('open', (fd: number) => {
        // The file now opened may not be the one sirv looked at (a rebuild swapped the folder).
        const size = fstatSync(fd).size;
        if (!started && (status ?? 200) === 200 && !ranged && Number(headers['content-length']) !== size) {
          headers['content-length'] = size;
          delete headers.etag;
          delete headers['last-modified'];
        }
      });
      source.once('error', () => {
        if (started) return res.destroy();
        // Nothing sent yet: answer as for a file that is not there.
        source?.unpipe(res);
        restore();
        notFound();
      });
      res.once('close', () => source?.destroy());
    });
    const restore = () => {
      res.writeHead = writeHead;
      res.write = write as typeof res.write;
      res.end = end as typeof res.end;
      for (const name of res.getHeaderNames()) res.removeHeader(name);
    };

    req.url = urlOf(urlPath);
    try {
      files(req, res, () => {
        restore();
        notFound();
      });
    } catch {
      // The file went away between the lookups (sirv's existsSync and statSync).
      if (started) {
        res.destroy();
        return;
      }
      restore();
      notFound();
    }
  }
}

/** Start the server; resolves once it listens. `server.address().port` is the port. */
export function serve({ root = DEFAULT_ROOT, port = 4321, host = '127.0.0.1', quiet = false }: ServeOptions = {}): Promise<Server> {
  const rules = siteRules(resolve(root));
  const server = createServer(siteHandler({ root, quiet }));
  // A request Node cannot even parse still gets an answer with the site's headers.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const headers = Object.entries({ ...headersFor(rules(), '/'), 'cache-control': DEFAULT_CACHE_CONTROL })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(`HTTP/1.1 ${status}\r\n${headers}content-type: text/plain; charset=utf-8\r\ncontent-length: 12\r\nconnection: close\r\n\r\nBad Request\n`);
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
  console.log(`Serving ${root} on http://localhost:${actual}/ — a local preview; to host the site, see "Hosting" in README.md.`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.closeAllConnections();
      server.close(() => process.exit(0));
    });
  }
}
