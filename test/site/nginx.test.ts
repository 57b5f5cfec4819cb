/**
 * examples/nginx.conf, run by a real nginx on the built site (on a Unix socket:
 * no port), answers as the preview server (scripts/serve.ts) does — the same
 * headers of `_headers`, the same Cache-Control, CORS kept on not-found answers
 * under /api/ and /pagefind/, the nearest 404 page — and compresses text.
 * .ci/run installs nginx; without it (a developer's machine) this file is skipped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingHttpHeaders, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.ts';
import { SITE_ROOT } from './helpers.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const MIME_TYPES = '/etc/nginx/mime.types';

type Answer = { status: number; headers: IncomingHttpHeaders; body: Buffer };
function get(target: { socketPath?: string; port?: number }, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request({ ...target, host: '127.0.0.1', path, headers: { host: 'codes.example.com', ...headers }, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to ${path}`)));
    req.on('error', fail);
    req.end();
  });
}
/** What both must agree on. */
const policyOf = (a: Answer) =>
  Object.fromEntries(['content-security-policy', 'x-content-type-options', 'access-control-allow-origin', 'cache-control'].map((n) => [n, a.headers[n]]));

describe.skipIf(!NGINX || !existsSync(MIME_TYPES))('examples/nginx.conf in nginx', () => {
  let dir: string;
  let nginx: ChildProcess;
  let socketPath: string;
  let preview: Server;
  let previewPort: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nginx-'));
    socketPath = join(dir, 'nginx.sock');
    mkdirSync(join(dir, 'logs'));
    const example = readFileSync(fileURLToPath(new URL('../../examples/nginx.conf', import.meta.url)), 'utf8');
    const server = example.replace(/listen 80;/, `listen unix:${socketPath};`).replace(/root \/srv\/agora-rec-codes\/site;/, `root ${SITE_ROOT};`);
    expect(server).toContain(`root ${SITE_ROOT};`);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(dir, t)};`).join(' ');
    writeFileSync(
      join(dir, 'nginx.conf'),
      `daemon off;\nworker_processes 1;\npid ${join(dir, 'nginx.pid')};\nerror_log ${join(dir, 'logs', 'error.log')};\nevents {}\nhttp {\n  include ${MIME_TYPES};\n  access_log off;\n  ${temp}\n${server}\n}\n`,
    );
    nginx = spawn(NGINX!, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    nginx.stderr?.on('data', (c: Buffer) => (errors += c.toString()));
    const end = Date.now() + 20_000;
    while (!existsSync(socketPath)) {
      if (nginx.exitCode !== null || Date.now() > end) throw new Error(`nginx did not start: ${errors}`);
      await new Promise((done) => setTimeout(done, 50));
    }
    preview = await serve({ root: SITE_ROOT, port: 0, quiet: true });
    previewPort = (preview.address() as AddressInfo).port;
  });
  afterAll(async () => {
    nginx?.kill('SIGTERM');
    await new Promise<void>((done) => (preview ? preview.close(() => done()) : done()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const astro = () => readdirSync(join(SITE_ROOT, '_astro'));
  const fingerprinted = () => [
    `/_astro/${astro()[0]}`,
    `/pagefind/${readdirSync(join(SITE_ROOT, 'pagefind')).find((n) => n.endsWith('.pf_meta'))}`,
    `/pagefind/fragment/${readdirSync(join(SITE_ROOT, 'pagefind', 'fragment'))[0]}`,
    `/pagefind/index/${readdirSync(join(SITE_ROOT, 'pagefind', 'index'))[0]}`,
  ];

  it('answers with the status and the headers the preview server sends', async () => {
    const paths = [
      '/',
      '/en/',
      '/zh/errors/433/',
      '/en/search/',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json',
      '/api/v1/codes.json',
      '/api/v1/error-code/433.json',
      '/sitemap-index.xml',
      ...fingerprinted(),
      '/zh/errors/99999/',
      '/en/nope/',
      '/nope/',
      '/api/v1/nope.json',
      '/pagefind/nope.js',
      '/pagefind/fragment/en_gone.pf_fragment',
      '/_astro/gone.js',
      '/_headers',
    ];
    for (const path of paths) {
      const [fromNginx, fromPreview] = [await get({ socketPath }, path), await get({ port: previewPort }, path)];
      expect(fromNginx.status, path).toBe(fromPreview.status);
      expect(policyOf(fromNginx), path).toEqual(policyOf(fromPreview));
    }
  });

  it('answers not-found with the nearest 404 page, keeping CORS under /api/ and /pagefind/', async () => {
    for (const [path, page, cors] of [
      ['/zh/errors/99999/', 'zh/404.html', false],
      ['/en/nope/', 'en/404.html', false],
      ['/nope/', '404.html', false],
      ['/api/v1/nope.json', '404.html', true],
      ['/pagefind/fragment/en_gone.pf_fragment', '404.html', true],
    ] as const) {
      const answer = await get({ socketPath }, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString(), path).toBe(readFileSync(join(SITE_ROOT, page), 'utf8'));
      expect(answer.headers['access-control-allow-origin'], path).toBe(cors ? '*' : undefined);
    }
  });

  it('compresses text, and not what Pagefind has compressed already', async () => {
    // The largest bundle of each type: nginx leaves answers under gzip_min_length (256 bytes) as they are.
    const largest = (ext: string) => astro().filter((n) => n.endsWith(ext)).sort((x, y) => readFileSync(join(SITE_ROOT, '_astro', y)).length - readFileSync(join(SITE_ROOT, '_astro', x)).length)[0];
    for (const path of ['/en/', '/api/v1/codes.json', `/_astro/${largest('.js')}`, `/_astro/${largest('.css')}`]) {
      const answer = await get({ socketPath }, path, { 'accept-encoding': 'gzip' });
      expect(answer.headers['content-encoding'], path).toBe('gzip');
      expect(answer.headers.vary, path).toMatch(/accept-encoding/i);
    }
    const wasm = readdirSync(join(SITE_ROOT, 'pagefind')).find((n) => n.startsWith('wasm.'));
    expect((await get({ socketPath }, `/pagefind/${wasm}`, { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBeUndefined();
  });
});
