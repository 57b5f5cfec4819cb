/**
 * Every record page's "Use it in code" snippet works: each one, in both
 * languages, type-checks against the package as published (dist/ and its
 * types), and runs — given a response that carries the record, its `if`
 * holds and it prints the outcome, summary and next step.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../scripts/catalog/load.ts';
import { type CatalogRecord, recordRef } from '../../scripts/catalog/schema.ts';
import { snippet, snippetMethod } from '../../site/lib/snippet.ts';

const root = new URL('../..', import.meta.url).pathname;
const records = loadCatalogOrThrow().records;
const LANGS = ['en', 'zh'] as const;

/** A response as the API sends it when it carries this record (the test's own knowledge of where each kind lives). */
function responseFor(r: CatalogRecord): { status: number; body: unknown } {
  const http = r.meanings.find((m) => m.http !== undefined)?.http;
  switch (r.kind) {
    case 'error-code':
      return { status: http ?? 400, body: { code: r.code, ...(r.meanings.find((m) => m.reason)?.reason && { reason: r.meanings.find((m) => m.reason)!.reason }) } };
    case 'message-error':
      return { status: http ?? 400, body: { message: r.message } };
    case 'http-status':
      return { status: r.code, body: {} };
    case 'recording-status':
      return { status: 200, body: { serverResponse: { status: r.code } } };
    case 'upload-status':
      return { status: 200, body: { serverResponse: { uploadingStatus: r.code } } };
    case 'service-state':
      return { status: 200, body: { serverResponse: { status: 5, subServiceStatus: { recordingService: r.code } } } };
    case 'extension-state':
      return { status: 200, body: { serverResponse: { status: 5, extensionServiceState: [{ serviceName: 'web_recorder_service', payload: { state: r.code } }] } } };
    case 'output-status':
      return { status: 200, body: { serverResponse: { status: 5, extensionServiceState: [{ serviceName: 'rtmp_publish_service', payload: { state: 'inProgress', outputs: [{ rtmpUrl: 'rtmp://x', status: r.code }] } }] } } };
  }
}

const run = (cwd: string, args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) =>
    execFile(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 16 << 20 }, (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr })),
  );

let dir = '';
const files: { file: string; ref: string; lang: string; record: CatalogRecord }[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'snippets-'));
  mkdirSync(join(dir, 'node_modules/@org'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules/@org/agora-rec-codes'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'snippets', private: true, type: 'module' }));
  records.forEach((record, i) => {
    for (const lang of LANGS) {
      const file = `s${i}-${lang}.ts`;
      writeFileSync(join(dir, file), snippet(record, lang) + '\n');
      files.push({ file, ref: recordRef(record), lang, record });
    }
  });
});

describe('"Use it in code" snippets', () => {
  it('name the method whose response carries the record', () => {
    const byRef = (ref: string) => records.find((r) => recordRef(r) === ref)!;
    expect(snippetMethod(byRef('error-code:433'))).toBe('start');
    expect(snippetMethod(byRef('error-code:1028'))).toBe('updateLayout');
    expect(snippetMethod(byRef('upload-status:backuped'))).toBe('stop');
    expect(snippetMethod(byRef('service-state:serviceAbnormal'))).toBe('query');
    expect(snippet(byRef('error-code:433'), 'zh')).toMatch(/\/\/ ErrorCode\.RESOURCE_ID_EXPIRED === 433: resource ID 已过期/);
  });

  it('type-check against the published package, every record in both languages', async () => {
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { noEmit: true, strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [], skipLibCheck: false },
        files: files.map((f) => f.file),
      }),
    );
    const r = await run(dir, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.']);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('run: given a response carrying the record, each prints its outcome, summary and next step', async () => {
    const cases = files.map((f) => ({ ...f, response: responseFor(f.record) }));
    writeFileSync(
      join(dir, 'run.ts'),
      `const cases = ${JSON.stringify(cases.map(({ file, ref, lang, response }) => ({ file, ref, lang, response })))};
const results = [];
for (const c of cases) {
  const printed: unknown[][] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void printed.push(args);
  try {
    const { onResponse } = await import('./' + c.file);
    await onResponse(new Response(JSON.stringify(c.response.body), { status: c.response.status, headers: { 'Content-Type': 'application/json' } }));
  } finally {
    console.log = log;
  }
  results.push({ ref: c.ref, lang: c.lang, printed });
}
process.stdout.write(JSON.stringify(results));
`,
    );
    const r = await run(dir, ['run.ts']);
    expect(r.status, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout) as { ref: string; lang: string; printed: string[][] }[];
    expect(results.length).toBe(records.length * 2);
    for (const { ref, lang, printed } of results) {
      expect(printed.length, `${ref} (${lang}): the snippet's if holds`).toBe(1);
      const [kind, summary, next] = printed[0];
      expect(['success', 'in-progress', 'already-done', 'retry', 'acquire-again', 'fix-request', 'fix-credentials', 'fix-account', 'gone', 'contact-support'], ref).toContain(kind);
      expect(summary.length, ref).toBeGreaterThan(0);
      expect(next.length, ref).toBeGreaterThan(0);
      if (lang === 'zh') expect(summary + next, ref).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
