/**
 * The integration guide's example (examples/integrate.ts), run for real
 * against a local mock of the API (mock-agora.ts): a whole recording, and each
 * answer the guide promises it handles — 65, 7/201, 433, 429 (with and without
 * Retry-After), a 404 after `start`, the query states, status 20, a lost
 * `stop` answer, a dead domain, refused credentials. The waits are recorded by
 * an injected sleep, so the delays are asserted exactly and no test waits.
 * Then the code each guide shows (zh and en: the same code, localized
 * comments) is type-checked against the built package and run with Node as a
 * reader would run it.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_LANGS, exampleProblems, localizeExample } from '../../site/lib/example.ts';
import { record, type Recording, type Settings } from '../../examples/integrate.ts';
import { type MockAgora, type Scenario, startMockAgora } from './mock-agora.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'integrate.ts');
const source = readFileSync(EXAMPLE, 'utf8');
const run = promisify(execFile);

const credentials = { appId: 'app0123456789abcdef', customerId: 'customer-id', customerSecret: 'customer-secret' };
let mock: MockAgora | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

/** Run the example's record() against a mock with `scenario`, recording every wait instead of waiting. */
async function session(scenario: Partial<Scenario>, settings: Partial<Settings> | ((url: string) => Partial<Settings>) = {}) {
  mock = await startMockAgora({ ...credentials, ...scenario });
  const url = mock.url;
  const waits: number[] = [];
  const lines: string[] = [];
  const outcome = await record(
    {
      ...credentials,
      channel: 'demo room 1',
      uid: '527841',
      token: '007eJxTYBBZ',
      mode: 'mix',
      baseUrls: [mock.url],
      storageConfig: { vendor: 2, region: 3, bucket: 'recordings', accessKey: 'ak', secretKey: 'sk' },
      recordForMs: 0,
      ...(typeof settings === 'function' ? settings(url) : settings),
    },
    { sleep: async (ms) => void waits.push(ms), log: (line) => lines.push(line) },
  ).then(
    (result: Recording) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error }),
  );
  const requests = mock.requests.map((r) => `${r.method}${r.resourceId ? ` ${r.resourceId}` : ''} → ${r.answered}`);
  return { ...outcome, waits, lines, requests, log: mock.requests };
}

const code65 = { status: 206, body: { resourceId: 'x', code: 65, reason: 'request not completed' } };
const rateLimited = { status: 429, body: { message: 'API rate limit exceeded' } };

describe('the example on a whole recording', () => {
  it('acquires, starts, polls until the recording runs, stops and reports the upload', async () => {
    const s = await session({ statuses: [0, 1, 4] });
    expect(s.error).toBeUndefined();
    expect(s.requests).toEqual(['acquire → 200', 'start rid-1 → 200', 'query rid-1 → 200', 'query rid-1 → 200', 'query rid-1 → 200', 'stop rid-1 → 200']);
    // Status 0 and 1: poll again after the package's pollAfterMs (5 s).
    expect(s.waits).toEqual([5000, 5000]);
    expect(s.result).toMatchObject({ resourceId: 'rid-1', sid: 'sid-2', ended: 'stopped', uploadingStatus: 'uploaded' });
    expect(s.result!.fileList).toHaveLength(1);
  });

  it('sends what the API asks for: the same uid and channel, the token, one mode, async_stop false', async () => {
    const s = await session({ statuses: [4] });
    const [acquire, start, query, stop] = s.log;
    expect(acquire!.body).toEqual({ cname: 'demo room 1', uid: '527841', clientRequest: {} });
    expect(start!.body).toMatchObject({ cname: 'demo room 1', uid: '527841', clientRequest: { token: '007eJxTYBBZ', storageConfig: { vendor: 2 } } });
    expect([start!.mode, query!.mode, stop!.mode]).toEqual(['mix', 'mix', 'mix']);
    expect(stop!.body).toMatchObject({ clientRequest: { async_stop: false } });
  });

  it('keeps recording for recordForMs, checking once a minute that the task still runs', async () => {
    const s = await session({ statuses: [5] }, { recordForMs: 150_000 });
    expect(s.requests.filter((r) => r.startsWith('query'))).toHaveLength(3);
    expect(s.waits).toEqual([60_000, 60_000, 30_000]);
    expect(s.result?.ended).toBe('stopped');
  });
});

describe('the example on each answer the guide names', () => {
  it('65 on start: the same start with the same resource ID after 3 s, then 6 s', async () => {
    const s = await session({ script: [{ method: 'start', ...code65 }, { method: 'start', ...code65 }] });
    expect(s.requests.slice(0, 4)).toEqual(['acquire → 200', 'start rid-1 → 206', 'start rid-1 → 206', 'start rid-1 → 200']);
    expect(s.waits).toEqual([3000, 6000]);
    expect(s.result?.ended).toBe('stopped');
  });

  it('65 on start three times: acquire again, then start with the new resource ID', async () => {
    const s = await session({ script: [1, 2, 3].map(() => ({ method: 'start' as const, ...code65 })) });
    expect(s.requests.slice(0, 6)).toEqual(['acquire → 200', 'start rid-1 → 206', 'start rid-1 → 206', 'start rid-1 → 206', 'acquire → 200', 'start rid-2 → 200']);
    expect(s.waits).toEqual([3000, 6000]);
    expect(s.result).toMatchObject({ resourceId: 'rid-2', ended: 'stopped' });
  });

  it('a start that worked but whose answer was lost: the retry gets 201 / code 7, and the recording goes on', async () => {
    const s = await session({ script: [{ method: 'start', apply: true, ...code65 }] });
    expect(s.requests.slice(0, 3)).toEqual(['acquire → 200', 'start rid-1 → 206', 'start rid-1 → 201']);
    expect(s.requests.filter((r) => r.startsWith('acquire'))).toHaveLength(1);
    expect(s.result).toMatchObject({ resourceId: 'rid-1', sid: 'sid-2', ended: 'stopped' });
  });

  it('201 / code 7 without a sid: stops with an error that says the recording may run, rather than starting another', async () => {
    const s = await session({ script: [{ method: 'start', status: 201, body: { code: 7, reason: 'already started' } }] });
    expect(String(s.error)).toMatch(/no sid/);
    expect(s.requests).toEqual(['acquire → 200', 'start rid-1 → 201']);
  });

  it('433 on start: a new resource ID, then start', async () => {
    const s = await session({ script: [{ method: 'start', status: 400, body: { code: 433, reason: 'resource expired' } }] });
    expect(s.requests.slice(0, 4)).toEqual(['acquire → 200', 'start rid-1 → 400', 'acquire → 200', 'start rid-2 → 200']);
    expect(s.waits).toEqual([]);
    expect(s.result).toMatchObject({ resourceId: 'rid-2', ended: 'stopped' });
  });

  it('429 on acquire: the same request after 1 s, then 3 s (the best-practice backoff)', async () => {
    const s = await session({ script: [{ method: 'acquire', ...rateLimited }, { method: 'acquire', ...rateLimited }] });
    expect(s.requests.slice(0, 3)).toEqual(['acquire → 429', 'acquire → 429', 'acquire → 200']);
    expect(s.waits).toEqual([1000, 3000]);
    expect(s.result?.ended).toBe('stopped');
  });

  it('429 with Retry-After: waits as long as the server asks when that is longer', async () => {
    const s = await session({ script: [{ method: 'query', ...rateLimited, headers: { 'retry-after': '4' } }], statuses: [5] });
    expect(s.requests).toContain('query rid-1 → 429');
    expect(s.waits).toEqual([4000]);
  });

  it('a 404 from query right after start: the task is gone, nothing is stopped', async () => {
    const s = await session({ exitsAtOnce: true });
    expect(s.requests).toEqual(['acquire → 200', 'start rid-1 → 200', 'query rid-1 → 404']);
    expect(s.result).toEqual({ resourceId: 'rid-1', sid: 'sid-2', ended: 'exited' });
    expect(s.lines.join('\n')).toMatch(/query:/);
  });

  it('status 20 (exited abnormally): starts over with a new resource ID', async () => {
    const s = await session({ statuses: [20] });
    expect(s.requests.slice(0, 5)).toEqual(['acquire → 200', 'start rid-1 → 200', 'query rid-1 → 200', 'acquire → 200', 'start rid-3 → 200']);
    expect(s.result).toMatchObject({ resourceId: 'rid-3', ended: 'stopped' });
  });

  it('a stop whose answer was lost: the retried stop gets 49, which means it is stopped', async () => {
    const s = await session({ script: [{ method: 'stop', lose: true }] });
    expect(s.requests.slice(-2)).toEqual(['stop rid-1 → lost', 'stop rid-1 → 400']);
    expect(s.result).toMatchObject({ ended: 'already-stopped' });
  });

  it('a stop sent again after the task ended: 404 means it is stopped', async () => {
    const s = await session({
      script: [
        { method: 'stop', ...code65, apply: true },
        { method: 'stop', status: 404, body: { code: 404, serverResponse: { command: 'StopCloudRecorder', payload: { message: 'failed to find worker' } } } },
      ],
    });
    expect(s.requests.slice(-2)).toEqual(['stop rid-1 → 206', 'stop rid-1 → 404']);
    expect(s.result).toMatchObject({ ended: 'already-stopped' });
  });

  it('a first stop that finds no task: the recording had exited on its own', async () => {
    const s = await session({ script: [{ method: 'stop', status: 404, body: { code: 404, serverResponse: { payload: { message: 'failed to find worker' } } } }] });
    expect(s.result).toMatchObject({ ended: 'exited' });
  });

  it('a domain that does not answer: the same domain once more, then the alternative one', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}`;
    const s = await session({}, (url) => ({ baseUrls: [dead, url] }));
    expect(s.result?.ended).toBe('stopped');
    expect(s.requests).toEqual(['acquire → 200', 'start rid-1 → 200', 'query rid-1 → 200', 'stop rid-1 → 200']);
    // Two requests to the dead domain got no answer; each was followed by a wait, then the mock answered.
    expect(s.lines.filter((l) => l.startsWith('acquire:'))).toHaveLength(2);
    expect(s.waits).toHaveLength(2);
  });

  it('refused credentials: fails at once with what to fix, without retrying', async () => {
    const s = await session({}, { customerSecret: 'wrong' });
    expect(s.requests).toEqual(['acquire → 401']);
    expect(s.waits).toEqual([]);
    expect(s.error).toMatchObject({ name: 'RecordingError', outcome: { kind: 'fix-credentials' }, status: 401 });
  });
});

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the code the guides show', () => {
  const OUT = join(ROOT, 'build', 'examples');
  const files = Object.fromEntries(EXAMPLE_LANGS.map((lang) => [lang, join(OUT, `integrate.${lang}.ts`)])) as Record<(typeof EXAMPLE_LANGS)[number], string>;
  beforeAll(() => {
    mkdirSync(OUT, { recursive: true });
    for (const lang of EXAMPLE_LANGS) writeFileSync(files[lang], localizeExample(source, lang));
  });

  it('has a comment in both languages wherever it has one', () => {
    expect(exampleProblems(source, 'examples/integrate.ts')).toEqual([]);
    expect(exampleProblems('const a = 1;\n// en: only English\nconst b = 2; // zh: 行尾\n', 'x.ts')).toEqual([
      'x.ts:2: a comment in en has no "// zh:" lines next to it',
      'x.ts:3: a "// zh:" or "// en:" comment must have a line of its own',
    ]);
  });

  it('is the same code in zh and en, with comments in that language only', () => {
    const code = (lang: (typeof EXAMPLE_LANGS)[number]) =>
      localizeExample(source, lang)
        .split('\n')
        .filter((l) => !/^\s*\/\//.test(l))
        .join('\n');
    expect(code('zh')).toBe(code('en'));
    expect(localizeExample(source, 'zh')).toMatch(/\/\/ .*[\u4e00-\u9fff]/);
    expect(localizeExample(source, 'zh')).not.toMatch(/\/\/ (?:en|zh):/);
    expect(localizeExample(source, 'en')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('type-checks against the built package, in both languages', async () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const args = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--allowImportingTsExtensions', '--types', 'node', '--skipLibCheck', ...Object.values(files)];
    const result = await run(process.execPath, [tsc, ...args], { cwd: ROOT }).catch((e: { stdout?: string; stderr?: string }) => e);
    expect(`${result.stdout ?? ''}${result.stderr ?? ''}`).toBe('');
  });

  for (const lang of EXAMPLE_LANGS) {
    it(`${lang}: runs with Node against the mock as a reader runs it, from the environment`, async () => {
      mock = await startMockAgora({ ...credentials, script: [{ method: 'acquire', status: 429, body: { message: 'API rate limit exceeded' } }], statuses: [5] });
      const env = {
        PATH: process.env.PATH ?? '',
        AGORA_APP_ID: credentials.appId,
        AGORA_CUSTOMER_ID: credentials.customerId,
        AGORA_CUSTOMER_SECRET: credentials.customerSecret,
        AGORA_CHANNEL: 'demo',
        AGORA_STORAGE: '{"vendor":2,"region":3,"bucket":"b","accessKey":"a","secretKey":"s"}',
        AGORA_RECORD_SECONDS: '0',
        AGORA_BASE_URLS: mock.url,
      };
      const { stdout } = await run(process.execPath, [files[lang]], { cwd: ROOT, env, timeout: 30_000 });
      const last = JSON.parse(stdout.trim().split('\n').at(-1)!) as Recording;
      expect(last).toMatchObject({ resourceId: 'rid-1', ended: 'stopped', uploadingStatus: 'uploaded' });
      expect(stdout).toMatch(/acquire: .*Request 2 in 1000 ms\./);
      expect(mock.requests.map((r) => `${r.method} → ${r.answered}`)).toEqual(['acquire → 429', 'acquire → 200', 'start → 200', 'query → 200', 'stop → 200']);
    });
  }
});
