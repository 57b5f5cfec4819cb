/**
 * A consumer's view: `npm pack`, install the tarball into an empty project,
 * import it as ESM and CommonJS, type-check a TypeScript file that uses it, run
 * the installed CLI — on Node 24 and, where the machine has it, an older Node.
 * publint and arethetypeswrong check the package as published.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const bin = (name: string) => join(root, 'node_modules/.bin', name);
let project = '';
let tarball = '';
let files: string[] = [];

beforeAll(() => {
  const packDir = mkdtempSync(join(tmpdir(), 'pack-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  tarball = join(packDir, packed[0].filename);
  files = packed[0].files.map((f: { path: string }) => f.path);
  project = mkdtempSync(join(tmpdir(), 'consumer-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], { cwd: project, stdio: 'ignore' });
});

/** Node binaries to run the consumer on: the toolchain's, and the machine's own if older (engines: >=18). */
function nodes(): string[] {
  const found = [process.execPath];
  for (const candidate of ['/usr/local/bin/node', '/usr/bin/node']) {
    if (existsSync(candidate) && !found.includes(candidate)) {
      const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout.trim();
      if (version && version !== process.version) {
        found.push(candidate);
        break;
      }
    }
  }
  return found;
}

describe('the published package', () => {
  it('holds only what consumers need', () => {
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
    expect(files).toContain('CHANGELOG.md');
    expect(files).toContain('dist/esm/index.js');
    expect(files).toContain('dist/cjs/index.js');
    expect(files).toContain('dist/esm/index.d.ts');
    expect(files.filter((f) => !/^(dist\/(esm|cjs)\/|package\.json$|README\.md$|CHANGELOG\.md$|LICENSE$)/.test(f))).toEqual([]);
    expect(files.some((f) => /\.ts$/.test(f) && !/\.d\.ts$/.test(f))).toBe(false);
  });

  it('has no runtime dependencies', () => {
    const manifest = JSON.parse(execFileSync('npm', ['pkg', 'get', 'dependencies', 'sideEffects'], { cwd: root, encoding: 'utf8' }));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.sideEffects).toBe(false);
    expect(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['@org']);
  });

  for (const node of nodes()) {
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    it(`imports as ESM on Node ${version}`, () => {
      const script = `import { ErrorCode, lookup, explain, retryPolicy } from '@org/agora-rec-codes';
import { lookup as zh } from '@org/agora-rec-codes/zh';
import { ErrorCode as C } from '@org/agora-rec-codes/constants';
import { readResponses } from '@org/agora-rec-codes/response-text';
const d = explain({ status: 206, body: '{"code":65}', method: 'start' });
const found = readResponses('POST /v1/apps/a/cloud_recording/acquire\\n{"code":2,"reason":"x"}');
console.log(JSON.stringify([ErrorCode.RESOURCE_ID_EXPIRED, C.RESOURCE_ID_EXPIRED, lookup('invalid appid').ref, zh(433).title, retryPolicy(65, 'start').delaysMs, d.retry.delaysMs, found.map((f) => [f.method, f.line])]));`;
      const out = execFileSync(node, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
      expect(JSON.parse(out)).toEqual([433, 433, 'message-error:invalid-appid', 'resource ID 已过期', [3000, 6000], [3000, 6000], [['acquire', 2]]]);
    });
    it(`requires as CommonJS on Node ${version}`, () => {
      const script = `const { ErrorCode, lookup } = require('@org/agora-rec-codes'); const en = require('@org/agora-rec-codes/en');
console.log(JSON.stringify([ErrorCode.RESOURCE_ID_EXPIRED, lookup(433).constant, en.lookup('Unauthorized').kind]));`;
      const out = execFileSync(node, ['-e', script], { cwd: project, encoding: 'utf8' });
      expect(JSON.parse(out)).toEqual([433, 'RESOURCE_ID_EXPIRED', 'message-error']);
    });
    it(`runs the installed CLI on Node ${version}`, () => {
      const cli = join(project, 'node_modules/.bin/agora-rec-codes');
      const found = spawnSync(node, [cli, '433'], { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' } });
      expect(found.status).toBe(0);
      expect(found.stdout).toMatch(/Resource ID expired/);
      const unknown = spawnSync(node, [cli, '9999'], { encoding: 'utf8' });
      expect(unknown.status).toBe(1);
      const usage = spawnSync(node, [cli, '--lang', 'fr', '433'], { encoding: 'utf8' });
      expect(usage.status).toBe(2);
      const explained = spawnSync(node, [cli, 'explain', '--status', '404', '--method', 'stop'], { input: '{"code":404,"serverResponse":{"payload":{"message":"failed to find worker"}}}', encoding: 'utf8' });
      expect(explained.status).toBe(0);
      expect(explained.stdout).toMatch(/404 WORKER_NOT_FOUND/);
      const scanned = spawnSync(node, [cli, 'scan', '--json'], { input: '{"code":433,"reason":"resource expired"}\n{"code":433,"reason":"resource expired"}\n', encoding: 'utf8' });
      expect(scanned.status).toBe(1);
      expect(JSON.parse(scanned.stdout).findings[0]).toMatchObject({ count: 2, records: [{ ref: 'error-code:433' }] });
      const version = spawnSync(node, [cli, '--version'], { encoding: 'utf8' });
      expect(version.status).toBe(0);
      expect(version.stdout).toBe(`${JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version}\n`);
    });
  }

  it('a RecordingError from the CommonJS build is an instanceof the ESM class, and the other way round', () => {
    const script = `import { createRequire } from 'node:module';
import { RecordingError, withRetry } from '@org/agora-rec-codes';
const cjs = createRequire(import.meta.url)('@org/agora-rec-codes');
const fail = () => Promise.resolve(new Response('{"code":433}', { status: 400 }));
const fromCjs = await cjs.withRetry(fail, { method: 'start' }).catch((e) => e);
const fromEsm = await withRetry(fail, { method: 'start' }).catch((e) => e);
class Mine extends RecordingError {}
console.log(JSON.stringify([cjs.RecordingError === RecordingError, fromCjs instanceof RecordingError, fromEsm instanceof cjs.RecordingError, fromEsm instanceof Error, new Error('x') instanceof RecordingError, fromEsm instanceof Mine, Object.getOwnPropertyDescriptor(fromEsm, Symbol.for('@org/agora-rec-codes/RecordingError'))?.enumerable]));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    // (The mark is not enumerable: it does not show in a logged or serialized error.)
    expect(JSON.parse(out)).toEqual([false, true, true, true, false, false, false]);
  });

  it('runs as an executable through its bin link', () => {
    const out = execFileSync(join(project, 'node_modules/.bin/agora-rec-codes'), ['Invalid authentication credentials', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}` },
    });
    expect(JSON.parse(out).kind).toBe('message-error');
  });

  it('the root speaks both languages in Node; under the browser condition it is the English root', () => {
    const script = `import { lookup, explain } from '@org/agora-rec-codes';
console.log(JSON.stringify([lookup(433, { locale: 'zh' }).locale, explain({ status: 401 }, { locale: 'zh' }).locale]));`;
    const run = (conditions: string[]) => JSON.parse(execFileSync(process.execPath, [...conditions, '--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' }));
    expect(run([])).toEqual(['zh', 'zh']);
    expect(run(['--conditions=browser'])).toEqual(['en', 'en']);
    const cjs = `const { lookup } = require('@org/agora-rec-codes'); console.log(JSON.stringify([lookup(433, { locale: 'zh' }).locale, require.resolve('@org/agora-rec-codes')]));`;
    const [locale, resolved] = JSON.parse(execFileSync(process.execPath, ['--conditions=browser', '-e', cjs], { cwd: project, encoding: 'utf8' }));
    expect(locale).toBe('en');
    expect(resolved).toMatch(/dist\/cjs\/browser\.js$/);
  });

  it('type-checks a TypeScript consumer (NodeNext, bundler and node10 resolution)', () => {
    writeFileSync(
      join(project, 'use.ts'),
      `import { ErrorCode, explain, lookup, type CatalogRecord } from '@org/agora-rec-codes';
import { explain as explainZh } from '@org/agora-rec-codes/zh';
import { ErrorCode as Codes } from '@org/agora-rec-codes/constants';
const expired: 433 = ErrorCode.RESOURCE_ID_EXPIRED;
// @ts-expect-error a code is a literal type
const wrong: 434 = ErrorCode.RESOURCE_ID_EXPIRED;
const record: CatalogRecord | undefined = lookup(expired, { method: 'start' });
if (record?.kind === 'message-error') { const m: string = record.message; void m; }
// @ts-expect-error not a method of the API
lookup(433, { method: 'resume' });
const d = explain({ status: 206, body: {}, method: 'start' });
const delays: number[] | undefined = d.retry.action === 'retry' ? d.retry.delaysMs : undefined;
void wrong; void delays; void explainZh; void Codes.TASK_CONFLICT;
`,
    );
    // node10: what `module: commonjs` resolves with by default, through typesVersions.
    for (const [module, resolution] of [['nodenext', 'nodenext'], ['esnext', 'bundler'], ['commonjs', 'node10']]) {
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { noEmit: true, strict: true, skipLibCheck: false, module, moduleResolution: resolution, target: 'es2022', types: [] }, files: ['use.ts'] }),
      );
      const run = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: project, encoding: 'utf8' });
      expect(run.stdout + run.stderr, `${module}/${resolution}`).toBe('');
      expect(run.status).toBe(0);
    }
  });

  it('passes publint', () => {
    const run = spawnSync(bin('publint'), ['--strict', tarball], { cwd: root, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toMatch(/All good!/);
    expect(run.status).toBe(0);
  });

  it('passes arethetypeswrong on every resolution (node10, Node 16+ from CJS and ESM, bundlers)', () => {
    const run = spawnSync(bin('attw'), [tarball, '--format', 'table-flipped'], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/node10/);
    expect(run.stdout).toMatch(/node16 \(from ESM\)/);
  });
});
