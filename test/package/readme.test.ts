/**
 * The README's package examples work: each TypeScript block of "The package"
 * type-checks against the package, and the recording client runs — against a
 * local mock of the API that answers `start` with 65 once and `query` with 65
 * once — retrying on the catalog's schedule (its timers fast-forwarded).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## The package'), readme.indexOf('### CLI'));
const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'readme-'));
  mkdirSync(join(dir, 'node_modules/@org'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules/@org/agora-rec-codes'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'readme-example', private: true, type: 'module' }));
  return dir;
}

describe('README: The package', () => {
  it('has the client example and the reference example', () => {
    expect(blocks.length).toBe(2);
    expect(blocks[0]).toMatch(/withRetry/);
  });

  it('every example type-checks against the published types', () => {
    const dir = project();
    blocks.forEach((code, i) => writeFileSync(join(dir, `example${i}.ts`), `${code}\nexport {};\n`));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { noEmit: true, strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: ['node'], typeRoots: [join(root, 'node_modules/@types')], noUnusedLocals: false },
        files: blocks.map((_, i) => `example${i}.ts`),
      }),
    );
    const run = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: dir, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
  });

  it('the recording client runs: start after 65 (3 s), query after 65 (1 s)', async () => {
    const script = [
      ['POST', /\/acquire$/, 200, { cname: 'room-1', uid: '527841', resourceId: 'rid-1' }],
      ['POST', /\/resourceid\/rid-1\/mode\/mix\/start$/, 206, { code: 65, reason: 'request not completed' }],
      ['POST', /\/resourceid\/rid-1\/mode\/mix\/start$/, 200, { cname: 'room-1', uid: '527841', resourceId: 'rid-1', sid: 'sid-1' }],
      ['GET', /\/resourceid\/rid-1\/sid\/sid-1\/mode\/mix\/query$/, 206, { code: 65, reason: 'request not completed' }],
      ['GET', /\/resourceid\/rid-1\/sid\/sid-1\/mode\/mix\/query$/, 200, { serverResponse: { status: 5 } }],
    ] as const;
    const seen: string[] = [];
    const server = createServer((req, res) => {
      const step = script[seen.length];
      seen.push(`${req.method} ${req.url} ${req.headers.authorization}`);
      req.resume();
      if (!step || req.method !== step[0] || !step[1].test(req.url ?? '')) return void res.writeHead(599).end();
      res.writeHead(step[2], { 'Content-Type': 'application/json' }).end(JSON.stringify(step[3]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const dir = project();
      const main = `
const started = await startRecording();
const res = await send(() => fetch(\`\${api}/resourceid/\${started.resourceId}/sid/\${started.sid}/mode/mix/query\`, { headers }), 'query');
console.log(JSON.stringify({ started, query: res.status, waits: (globalThis as any).__waits }));`;
      writeFileSync(join(dir, 'client.ts'), blocks[0].replace('https://api.sd-rtn.com', base) + main);
      // Timers fast-forwarded: every wait is recorded and taken at once.
      writeFileSync(
        join(dir, 'fast-timers.mjs'),
        // Only the example's and the package's own waits are recorded (fetch keeps timers of its own).
        `const real = globalThis.setTimeout; globalThis.__waits = []; globalThis.setTimeout = (fn, ms, ...args) => { if (/client\\.(?:js|ts)/.test(new Error().stack)) { globalThis.__waits.push(ms); return real(fn, 0, ...args); } return real(fn, ms, ...args); };`,
      );
      // Asynchronously: the mock server answers from this process meanwhile.
      const run = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', './fast-timers.mjs', 'client.ts'],
          { cwd: dir, encoding: 'utf8', env: { ...process.env, AGORA_APP_ID: 'app', AGORA_CUSTOMER_ID: 'id', AGORA_CUSTOMER_SECRET: 'secret', NODE_NO_WARNINGS: '1' } },
          (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toEqual({ started: { resourceId: 'rid-1', sid: 'sid-1' }, query: 200, waits: [3000, 1000] });
      expect(run.stderr).toMatch(/65 REQUEST_NOT_COMPLETED.*Retrying in 3000 ms\./);
      expect(seen.length).toBe(5);
      expect(seen.every((s) => s.endsWith(`Basic ${btoa('id:secret')}`))).toBe(true);
    } finally {
      server.close();
    }
  });
});
