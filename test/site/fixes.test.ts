/**
 * The before/after code of the record pages (site/lib/fixes.ts) is real code:
 * every snippet, in both languages, type-checks against the built package's
 * types, and each runs with Node against a mock of the Cloud Recording API
 * that answers as the record says (timers fast-forwarded, waits recorded).
 * The "before" runs into the record; the "after" gets past it, the way the
 * page says.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, POLL_AFTER_MS } from '../../dist/esm/index.js';
import { FIX_CONTEXT, FIXES, fixOf } from '../../site/lib/fixes.ts';
import { catalog, LANGS } from './helpers.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { records } = catalog();

/** What a snippet may take as given (FIX_CONTEXT), with values pointing at the mock. */
const GIVEN: Record<(typeof FIX_CONTEXT)[number], string> = {
  api: "const api: string = `${process.env.MOCK_URL}/v1/apps/app-1/cloud_recording`;",
  headers: "const headers = { Authorization: `Basic ${btoa('customer-id:customer-secret')}`, 'Content-Type': 'application/json;charset=utf-8' };",
  cname: "const cname = 'room-1';",
  uid: "const uid = '527841';",
  resourceId: "const resourceId = 'rid-1';",
  sid: "const sid = 'sid-1';",
};
/** A snippet as a module: the givens it does not declare itself, then its code (its imports are hoisted). */
const program = (code: string): string =>
  [
    ...FIX_CONTEXT.filter((name) => !new RegExp(`^(?:const|let|var)\\s+(?:${name}\\b|\\{[^}]*\\b${name}\\b[^}]*\\})`, 'm').test(code)).map((name) => GIVEN[name]),
    code,
    '',
  ].join('\n');

let dir: string;
beforeAll(() => {
  if (!existsSync(join(root, 'dist/esm/index.d.ts'))) throw new Error('dist/ is missing: run `npm run build:package` first');
  dir = mkdtempSync(join(tmpdir(), 'fixes-'));
  mkdirSync(join(dir, 'node_modules/@org'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules/@org/agora-rec-codes'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fixes', private: true, type: 'module' }));
  // Waits of the snippet and of the package are recorded and taken at once (fetch keeps its own timers).
  writeFileSync(
    join(dir, 'fast-timers.mjs'),
    `const real = globalThis.setTimeout; const waits = []; globalThis.setTimeout = (fn, ms, ...args) => { if (/snippet-|dist[\\\\/]esm[\\\\/]/.test(new Error().stack)) { waits.push(ms); return real(fn, 0, ...args); } return real(fn, ms, ...args); }; process.on('exit', () => console.log(JSON.stringify({ waits })));`,
  );
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('before/after snippets', () => {
  it('every fix is shown on at least one record, and names only what FIX_CONTEXT gives', () => {
    for (const [name, fix] of Object.entries(FIXES)) {
      expect(records.some((r) => fixOf(r) === fix), name).toBe(true);
      for (const lang of LANGS) {
        for (const code of [fix.before(lang), fix.after(lang)]) expect(code, name).not.toMatch(/\bdeclare\b|:\s*any\b|\bas any\b/);
      }
    }
    expect(FIX_CONTEXT).toEqual(['api', 'headers', 'cname', 'uid', 'resourceId', 'sid']);
  });

  it('type-check against the built package, in both languages (tsc, strict)', () => {
    const files: string[] = [];
    for (const [name, fix] of Object.entries(FIXES)) {
      for (const lang of LANGS) {
        for (const [when, code] of [['before', fix.before(lang)], ['after', fix.after(lang)]] as const) {
          const file = `check-${name}-${when}-${lang}.ts`;
          writeFileSync(join(dir, file), program(code));
          files.push(file);
        }
      }
    }
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { noEmit: true, strict: true, module: 'nodenext', moduleResolution: 'nodenext', moduleDetection: 'force', target: 'es2022', lib: ['es2022', 'dom'], types: ['node'], typeRoots: [join(root, 'node_modules/@types')] },
        files,
      }),
    );
    const run = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: dir, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
  });
});

type Seen = { method: string; path: string; contentType?: string; body: Record<string, unknown> };
type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/** Run one snippet against a mock API that answers each request with `answer(request, requests so far)`. */
async function run(name: string, when: 'before' | 'after', answer: (req: Seen, seen: Seen[]) => Answer) {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const path = (req.url ?? '').replace('/v1/apps/app-1/cloud_recording', '');
      const request: Seen = { method: req.method ?? '', path, contentType: req.headers['content-type'], body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} };
      const a = answer(request, seen);
      seen.push(request);
      res.writeHead(a.status, { 'Content-Type': 'application/json', ...a.headers }).end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const file = `snippet-${name}-${when}.ts`;
  writeFileSync(join(dir, file), program(FIXES[name][when]('en')));
  try {
    const out = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', './fast-timers.mjs', file],
        { cwd: dir, encoding: 'utf8', env: { ...process.env, MOCK_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, NODE_NO_WARNINGS: '1' }, timeout: 30_000 },
        (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    const waits = (JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '{}') as { waits?: number[] }).waits;
    return { ...out, seen, waits };
  } finally {
    server.close();
  }
}

const ok = (body: unknown): Answer => ({ status: 200, body });
const startPath = /^\/resourceid\/([\w-]+)\/mode\/mix\/start$/;

describe('before/after snippets run against a mock API', () => {
  it('8: without the Content-Type the API answers code 8; with it, acquire works', async () => {
    const answer = (req: Seen): Answer =>
      req.contentType === 'application/json;charset=utf-8' ? ok({ cname: 'room-1', uid: '527841', resourceId: 'rid-9' }) : { status: 400, body: { code: 8, reason: 'bad request format' } };
    const before = await run('headers', 'before', answer);
    expect(before.seen.map((s) => s.contentType)).toEqual(['text/plain;charset=UTF-8']);
    const after = await run('headers', 'after', answer);
    expect(after.status, after.stderr).toBe(0);
    expect(after.seen.map((s) => s.contentType)).toEqual(['application/json;charset=utf-8']);
  });

  it('1013/401: the name is sent and refused; checked first, nothing is sent and the error names the character', async () => {
    const answer = (): Answer => ({ status: 400, body: { code: 401, reason: 'invalid_channel_name' } });
    const before = await run('channelName', 'before', answer);
    expect(before.seen.map((s) => s.body.cname)).toEqual(['会议室 1']);
    const after = await run('channelName', 'after', answer);
    expect(after.status).not.toBe(0);
    expect(after.stderr).toContain('Character 会 is not allowed');
    expect(after.seen).toEqual([]);
  });

  it('65: one try gives up on a 206; withRetry sends start again with the same resource ID after 3 s and gets the sid', async () => {
    const answer = (_: Seen, seen: Seen[]): Answer =>
      seen.length === 0 ? { status: 206, body: { code: 65, reason: 'request not completed' } } : ok({ cname: 'room-1', uid: '527841', resourceId: 'rid-1', sid: 'sid-1' });
    const before = await run('retryStart', 'before', answer);
    expect(before.status).not.toBe(0);
    expect(before.stderr).toContain('start failed: HTTP 206');
    const after = await run('retryStart', 'after', answer);
    expect(after.status, after.stderr).toBe(0);
    expect(after.seen.map((s) => startPath.exec(s.path)?.[1])).toEqual(['rid-1', 'rid-1']);
    const delays = explain({ status: 206, body: { code: 65, reason: 'request not completed' }, method: 'start' }).outcome;
    expect(after.waits).toEqual([(delays as { delaysMs: number[] }).delaysMs[0]]);
  });

  it('429: sending again at once waits for nothing; withRetry waits on the catalog schedule', async () => {
    const answer = (_: Seen, seen: Seen[]): Answer =>
      seen.length < 2 ? { status: 429, body: { message: 'API rate limit exceeded' } } : ok({ cname: 'room-1', uid: '527841', resourceId: 'rid-9' });
    const before = await run('rateLimit', 'before', answer);
    expect(before.status, before.stderr).toBe(0);
    expect(before.seen).toHaveLength(3);
    expect(before.waits).toEqual([]);
    const after = await run('rateLimit', 'after', answer);
    expect(after.status, after.stderr).toBe(0);
    expect(after.seen).toHaveLength(3);
    const outcome = explain({ status: 429, body: { message: 'API rate limit exceeded' }, method: 'acquire' }).outcome as { delaysMs: number[] };
    expect(after.waits).toEqual(outcome.delaysMs.slice(0, 2));
  });

  it('433: a kept resource ID fails; acquiring right before start, and once more on 433, records', async () => {
    let next = 2;
    const answer = (req: Seen, seen: Seen[]): Answer => {
      if (req.path === '/acquire') return ok({ cname: 'room-1', uid: '527841', resourceId: `rid-${next++}` });
      const rid = startPath.exec(req.path)?.[1];
      // The first resource IDs are too old by the time start arrives; the last one is fresh.
      const starts = seen.filter((s) => startPath.test(s.path)).length;
      return starts === 0 || rid === 'rid-1' ? { status: 400, body: { code: 433, reason: 'resource expired' } } : ok({ cname: 'room-1', uid: '527841', resourceId: rid, sid: 'sid-9' });
    };
    const before = await run('acquireAgain', 'before', answer);
    expect(before.status).not.toBe(0);
    expect(before.seen.map((s) => s.path)).toEqual(['/resourceid/rid-1/mode/mix/start']);
    next = 2;
    const after = await run('acquireAgain', 'after', answer);
    expect(after.status, after.stderr).toBe(0);
    expect(after.seen.map((s) => s.path)).toEqual(['/acquire', '/resourceid/rid-2/mode/mix/start', '/acquire', '/resourceid/rid-3/mode/mix/start']);
  });

  it('7: a repeated start (HTTP 201, code 7) is not a failure once the package reads it', async () => {
    const answer = (): Answer => ({ status: 201, body: { cname: 'room-1', uid: '527841', resourceId: 'rid-1', code: 7, reason: 'already started' } });
    const before = await run('alreadyStarted', 'before', answer);
    expect(before.status).not.toBe(0);
    expect(before.stderr).toContain('start failed: code 7');
    const after = await run('alreadyStarted', 'after', answer);
    expect(after.status, after.stderr).toBe(0);
  });

  it('query states: giving up on a starting recording; polling while in progress until it records', async () => {
    const statuses = [0, 2, 5];
    const answer = (_: Seen, seen: Seen[]): Answer => ok({ resourceId: 'rid-1', sid: 'sid-1', serverResponse: { status: statuses[Math.min(seen.length, 2)] } });
    const before = await run('pollQuery', 'before', answer);
    expect(before.status).not.toBe(0);
    expect(before.stderr).toContain('the recording is not running');
    const after = await run('pollQuery', 'after', answer);
    expect(after.status, after.stderr).toBe(0);
    expect(after.seen).toHaveLength(3);
    expect(after.waits).toEqual([POLL_AFTER_MS, POLL_AFTER_MS]);
  });
});
