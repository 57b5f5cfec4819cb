/**
 * The catalog: complete, bilingual, and checked. `npm run check` must catch
 * every class of mistake with a message that names the file, line and field.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, formatProblem, loadCatalog, type Problem } from '../scripts/catalog/load.ts';
import { LOCALES, recordRef } from '../scripts/catalog/schema.ts';
import { textsOf } from '../scripts/catalog/translations.ts';
import { JSON_SCHEMA_FILES, jsonSchemaText } from '../scripts/generate/json-schema.ts';
import { catalogWith, fixturePath } from './fixtures/catalog.ts';

const root = new URL('..', import.meta.url).pathname;
const fixture = fixturePath;

function problemsOf(fixtureName: string): Problem[] {
  return loadCatalog(catalogWith(fixtureName)).problems.filter((p) => !/not marked reviewed/.test(p.message));
}

describe('the real catalog', () => {
  const { catalog, problems } = loadCatalog();

  it('passes every check', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('passes `npm run check` with exit status 0', () => {
    const out = execFileSync(process.execPath, ['scripts/check.ts'], { cwd: root, encoding: 'utf8' });
    expect(out).toMatch(/catalog OK: \d+ records/);
  });

  const has = (ref: string) => catalog.records.find((r) => recordRef(r) === ref);
  const required = {
    'error codes from Agora\'s page': [2, 7, 8, 49, 53, 62, 65, 109, 110, 432, 433, 435, 501, 1001, 1003, 1013, 1028].map((c) => `error-code:${c}`),
    'newer per-method body codes': [400, 401, 404, 405, 406, 500, 501, 502, 504].map((c) => `error-code:${c}`),
    'legacy codes': ['error-code:1004', 'error-code:1005'],
    'message errors': ['invalid appid', 'no Route matched with those values', 'Invalid authentication credentials', 'appid is invalid', 'Unauthorized', 'API rate limit exceeded'],
    'HTTP statuses': [200, 201, 206, 400, 401, 404, 429, 500, 504].map((c) => `http-status:${c}`),
    'service states': ['serviceIdle', 'serviceStarted', 'serviceReady', 'serviceInProgress', 'serviceCompleted', 'servicePartialCompleted', 'serviceValidationFailed', 'serviceAbnormal', 'serviceUnknown'].map((s) => `service-state:${s}`),
    'recording status values of query': [0, 1, 2, 3, 4, 5, 6, 7, 8, 20].map((v) => `recording-status:${v}`),
    'other enumerations': ['upload-status:uploaded', 'upload-status:backuped', 'upload-status:unknown', 'extension-state:init', 'extension-state:inProgress', 'extension-state:exit', 'output-status:connecting', 'output-status:publishing', 'output-status:onhold', 'output-status:disconnected'],
  };
  for (const [group, refs] of Object.entries(required)) {
    it(`holds every one of the ${group}, with texts in zh and en`, () => {
      for (const ref of refs) {
        const record = ref.includes(':') && !ref.includes(' ') ? has(ref) : catalog.records.find((r) => r.kind === 'message-error' && r.message === ref);
        expect(record, ref).toBeDefined();
        for (const locale of LOCALES) {
          const texts = textsOf(record!, locale);
          expect(texts.length, `${ref} ${locale}`).toBeGreaterThanOrEqual(2);
          for (const text of texts) expect(text.trim(), `${ref} ${locale}`).not.toBe('');
        }
      }
    });
  }

  it('keeps the exact facts: delays of 65, the 5 minutes of 433, the limits of 1013', () => {
    const e65 = has('error-code:65')!;
    const seedOnStart = e65.meanings.find((m) => m.methods?.includes('start') && m.source === 'seed');
    expect(seedOnStart?.retry).toMatchObject({ action: 'retry', delaysMs: [3000, 6000], sameResourceId: true });
    expect(textsOf(e65, 'en').join(' ')).toMatch(/3 s.*6 s/);
    expect(textsOf(e65, 'zh').join(' ')).toMatch(/3 秒.*6 秒/);
    const e433 = has('error-code:433')!;
    expect(e433.summary.en).toMatch(/5 minutes/);
    expect(e433.summary.zh).toMatch(/5 分钟/);
    expect(e433.facts?.expiresAfterSeconds).toBe(300);
    const e1013 = has('error-code:1013')!;
    for (const [locale, bytes] of [['en', /64 bytes/], ['zh', /64 字节/]] as const) {
      expect(textsOf(e1013, locale).join(' ')).toMatch(bytes);
      expect(textsOf(e1013, locale).join(' ')).toMatch(/89/);
    }
    expect(e1013.facts).toEqual({
      maxBytes: 64,
      allowedCharacters: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%&()+-:;<=.>?@[]^_{}|~,',
    });
    expect(has('error-code:8')!.facts?.headers).toEqual({ 'Content-Type': 'application/json;charset=utf-8' });
  });

  it('keeps one meaning per method and source where a code means different things (62, 501)', () => {
    for (const ref of ['error-code:62', 'error-code:501']) {
      const sources = new Set(has(ref)!.meanings.map((m) => m.source));
      expect(sources, ref).toContain('seed');
      expect(sources, ref).toContain('sc');
    }
    const e62 = has('error-code:62')!;
    expect(e62.meanings.find((m) => m.source === 'seed' && m.methods?.includes('acquire'))).toBeDefined();
    expect(e62.meanings.find((m) => m.source === 'sc' && m.reason === 'request timeout')).toBeDefined();
  });

  it('keeps body codes and HTTP statuses apart: body 404 is not HTTP 404', () => {
    expect(has('error-code:404')!.title.en).not.toEqual(has('http-status:404')!.title.en);
  });
});

describe('the next step of every record is one a client can act on', () => {
  const { catalog } = loadCatalog();
  const has = (ref: string) => catalog.records.find((r) => recordRef(r) === ref)!;
  const policies = catalog.records.flatMap((r) => [
    { where: recordRef(r), policy: r.retry },
    ...r.meanings.flatMap((m, i) => (m.retry ? [{ where: `${recordRef(r)} meanings[${i}]`, policy: m.retry }] : [])),
  ]);
  const on = (ref: string, method: string, reason?: string) => {
    const r = has(ref);
    const meaning = r.meanings.find((m) => m.methods?.includes(method) && (reason === undefined || m.reason === reason));
    return meaning?.retry ?? r.retry;
  };

  it('every retry says how long to wait', () => {
    for (const { where, policy } of policies) {
      if (policy.action === 'retry') expect(policy.delaysMs.length, where).toBeGreaterThan(0);
    }
  });

  it('HTTP 206 is never a blind retry; on `start` it waits like 65 (3 s, then 6 s)', () => {
    expect(has('http-status:206').retry.action).not.toBe('retry');
    expect(on('http-status:206', 'stop', 'no recorded data').action).not.toBe('retry');
    expect(on('http-status:206', 'start')).toMatchObject({ action: 'retry', delaysMs: [3000, 6000], sameResourceId: true, then: 'acquire-again' });
    expect(has('error-code:65').retry).toMatchObject({ action: 'retry', delaysMs: [3000, 6000] });
  });

  it('7 and 201 on `start`, 49 on `stop` are already done; "failed to find worker" is gone', () => {
    expect(on('error-code:7', 'start').action).toBe('already-done');
    expect(on('http-status:201', 'start').action).toBe('already-done');
    expect(on('error-code:49', 'stop').action).toBe('already-done');
    expect(on('error-code:404', 'stop').action).toBe('gone');
    expect(on('error-code:404', 'query').action).toBe('gone');
  });

  it('credentials, account and quota each get their own step', () => {
    expect(has('message-error:invalid-authentication-credentials').retry.action).toBe('fix-credentials');
    expect(has('http-status:401').retry.action).toBe('fix-credentials');
    expect(on('error-code:62', 'acquire').action).toBe('fix-account');
    expect(has('error-code:405').retry.action).toBe('fix-account');
    // 406: its actions say wait for fewer tasks, then ask support for a higher limit.
    expect(has('error-code:406').retry).toMatchObject({ action: 'retry', then: 'contact-support' });
    expect(on('http-status:400', 'acquire', 'vendor_over_load')).toEqual(has('error-code:406').retry);
  });

  it('query states: not started yet is poll, 20 is start over', () => {
    for (const v of [0, 1, 2, 3, 6, 7]) expect(has(`recording-status:${v}`).retry.action, String(v)).toBe('poll');
    for (const v of [4, 5]) expect(has(`recording-status:${v}`).retry.action, String(v)).toBe('none');
    expect(has('recording-status:20').retry.action).toBe('acquire-again');
  });
});

describe('npm run check catches each mistake, pointing at file, line and field', () => {
  const cases: [fixture: string, line: number, record: string, field: string | undefined, message: RegExp][] = [
    ['yaml-syntax.yaml', 6, '', undefined, /YAML syntax error/],
    ['wrong-type.yaml', 3, 'error-code:433x', 'code', /expected a whole number/],
    ['unknown-field.yaml', 5, 'error-code:9001', 'tilte', /unknown field/],
    ['missing-english.yaml', 7, 'error-code:9001', 'summary.en', /missing required field/],
    ['empty-text.yaml', 6, 'error-code:9001', 'summary.en', /non-empty text/],
    ['duplicate-code.yaml', 10, 'error-code:9001', 'code', /duplicate code 9001 within kind error-code/],
    ['duplicate-constant.yaml', 11, 'error-code:9002', 'constant', /duplicate constant name FIXTURE_ONE/],
    ['missing-related.yaml', 8, 'error-code:9001', 'related[0]', /no record http-status:9999 exists/],
    ['missing-replaced-by.yaml', 11, 'error-code:9001', 'lifecycle.replacedBy', /no record error-code:9999 exists/],
    ['malformed-url.yaml', 12, 'error-code:9001', 'links[0].url.en', /https:\/\/ URL/],
    ['bad-retry-delay.yaml', 7, 'error-code:9001', 'retry.delaysMs[1]', /positive number of milliseconds/],
    ['unknown-retry-action.yaml', 7, 'error-code:9001', 'retry.action', /unknown next step \(expected one of: none, poll, already-done, retry, acquire-again, fix-request, fix-credentials, fix-account, gone, contact-support\)/],
    ['retry-without-delays.yaml', 11, 'error-code:9001', 'meanings[0].retry.delaysMs', /missing required field/],
    ['unknown-method.yaml', 8, 'error-code:9001', 'meanings[0].methods[1]', /"acquire"\|"start"\|"query"\|"update"\|"updateLayout"\|"stop"/],
    ['hostile-text.yaml', 5, 'error-code:9001', 'title.en', /HTML tag/],
    ['unknown-kind.yaml', 2, 'error-cod:9001', 'kind', /unknown kind/],
    ['fact-differs-from-api.yaml', 9, 'error-code:9001', 'facts.headers.Content-Type', /differs from contentType in api.yaml/],
  ];
  for (const [name, line, record, field, message] of cases) {
    it(`${name.replace('.yaml', '')}: reports records.yaml:${line} ${record} ${field ?? ''}`, () => {
      const problems = problemsOf(name);
      const match = problems.find((p) => message.test(p.message));
      expect(match, problems.map(formatProblem).join('\n')).toBeDefined();
      expect(match!.file).toMatch(/records\.yaml$/);
      expect(match!.line).toBe(line);
      if (record) expect(match!.record).toBe(record);
      expect(match!.field).toBe(field);
      expect(formatProblem(match!)).toMatch(new RegExp(`records\\.yaml:${line}:\\d+`));
    });
  }

  it('reports every problem of a file in one run, one line each, and exits non-zero', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    copyFileSync(join(DEFAULT_DATA_DIR, 'api.yaml'), join(dir, 'api.yaml'));
    copyFileSync(fixture('hostile-text.yaml'), join(dir, 'a.yaml'));
    copyFileSync(fixture('unknown-method.yaml'), join(dir, 'b.yaml'));
    copyFileSync(fixture('malformed-url.yaml'), join(dir, 'c.yaml'));
    const run = spawnSync(process.execPath, ['scripts/check.ts', dir], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => /\.yaml:\d+:\d+/.test(l));
    expect(lines.some((l) => /a\.yaml:5:\d+ .*title\.en/.test(l))).toBe(true);
    expect(lines.some((l) => /a\.yaml:6:\d+ .*summary\.en/.test(l))).toBe(true);
    expect(lines.some((l) => /b\.yaml:8:\d+ .*meanings\[0\]\.methods\[1\]/.test(l))).toBe(true);
    expect(lines.some((l) => /c\.yaml:12:\d+ .*links\[0\]\.url\.en/.test(l))).toBe(true);
  });
});

describe('translations', () => {
  it('flags the other language for review when one language changes, until marked reviewed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    for (const name of ['api.yaml', 'error-codes.yaml']) copyFileSync(join(DEFAULT_DATA_DIR, name), join(dir, name));
    const file = join(dir, 'error-codes.yaml');
    const original = readFileSync(file, 'utf8');
    const reviewProblems = () => loadCatalog(dir).problems.filter((p) => /review/.test(p.message));
    expect(reviewProblems()).toEqual([]);

    writeFileSync(file, original.replace('en: Resource ID expired', 'en: The resource ID has expired'));
    const enChanged = reviewProblems();
    expect(enChanged).toHaveLength(1);
    expect(enChanged[0]).toMatchObject({ record: 'error-code:433', field: 'reviewed.zh' });
    expect(enChanged[0].message).toMatch(/zh needs review/);

    const mark = spawnSync(process.execPath, ['scripts/translations-reviewed.ts', 'error-code:433'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CATALOG_DIR: dir },
    });
    expect(mark.status, mark.stderr).toBe(0);
    expect(reviewProblems()).toEqual([]);
    expect(readFileSync(file, 'utf8')).toContain('The resource ID has expired');
  });
});

describe('the JSON Schema for editors', () => {
  for (const name of Object.keys(JSON_SCHEMA_FILES) as (keyof typeof JSON_SCHEMA_FILES)[]) {
    it(`data/${name} is up to date with the zod schema (run npm run schema)`, () => {
      expect(readFileSync(join(DEFAULT_DATA_DIR, name), 'utf8')).toBe(jsonSchemaText(name));
    });
  }

  it('is referenced from every YAML file', () => {
    const files = execFileSync('git', ['ls-files', 'data/*.yaml'], { cwd: root, encoding: 'utf8' }).trim().split('\n');
    for (const f of files) {
      expect(readFileSync(join(root, f), 'utf8').split('\n')[0], f).toMatch(/^# yaml-language-server: \$schema=\.\/(catalog|api)\.schema\.json$/);
    }
  });
});
