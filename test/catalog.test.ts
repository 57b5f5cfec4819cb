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
import { type CatalogRecord, LOCALES, type Locale, METHODS, type Method, type RetryPolicy, recordRef } from '../scripts/catalog/schema.ts';
import { pickMeaning } from '../src/meaning.ts';
import { textsOf } from '../scripts/catalog/translations.ts';
import { titleKey } from '../scripts/catalog/cross-checks.ts';
import { textsWithPaths } from '../scripts/catalog/glossary.ts';
import { parse } from 'yaml';
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
      basis: { source: 'seed' },
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
  const on = (ref: string, method: Method, reason?: string) => {
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

describe('a record\'s own steps add to its next step and never say it again', () => {
  // Pages and the CLI show the next step (describeRetry's sentence) first and the record's
  // own steps after it: a step that says the next step again is read twice.
  const { catalog } = loadCatalog();
  const has = (ref: string) => catalog.records.find((r) => recordRef(r) === ref)!;
  const ranks = Object.fromEntries(catalog.api.sources.map((s) => [s.id, s.rank]));
  /** Every next step the record gives, on some method or without one. */
  const nextSteps = (r: CatalogRecord): RetryPolicy[] => [r.retry, ...METHODS.map((m) => pickMeaning(r.meanings, m, ranks)?.retry ?? r.retry)];
  /** How a step says each next step again, in each language. */
  const SAID_AGAIN: Partial<Record<RetryPolicy['action'], Record<Locale, RegExp>>> = {
    retry: { en: /\b1 s, 3 s and (then )?6 s|after 1 s, then 3 s/, zh: /1 秒、3 秒、6 秒|第 1 次等待 1 秒/ },
    'acquire-again': { en: /call `acquire`( again)? for a new resource ID/i, zh: /调用 `acquire` 获取新的 resource ID/ },
    gone: { en: /call `acquire` (for a new resource ID )?and( then)? `start`|`acquire` and `start` again|do not retry/i, zh: /调用 `acquire`( 获取新的 resource ID，再调用| 和) `start`|重试没有用|不要重试/ },
    'fix-request': { en: /then send (it|the request) again|then call `\w+` again/, zh: /(改正|修正)后(再|重新)(发送|调用)|再发送请求/ },
    'fix-account': { en: /then send (it|the request) again|then call `\w+` again/, zh: /后再发送|再调用 `acquire`/ },
    'already-done': { en: /^do not (send|call|repeat)|treat (it|the recording) as (started|stopped|success)/i, zh: /^不要(再|重复|用同一个)|视为(录制)?已经/ },
    poll: { en: /(call `query`|query) again later/i, zh: /稍后再(调用 `query`|查询)/ },
    none: { en: /^do not retry/i, zh: /^不要重试/ },
    'contact-support': { en: /ticket|Agora support/, zh: /工单|技术支持/ },
  };

  it('no step says a next step of its record again, in either language', () => {
    const repeats: string[] = [];
    for (const r of catalog.records) {
      const kinds = new Set(nextSteps(r).map((p) => p.action));
      for (const [i, a] of r.actions.entries()) {
        for (const kind of kinds) for (const l of LOCALES) if (SAID_AGAIN[kind]?.[l].test(a[l])) repeats.push(`${recordRef(r)} actions[${i}].${l} says ${kind} again: ${a[l]}`);
      }
    }
    expect(repeats).toEqual([]);
  });

  it('no step gives, word for word, the reason its record gives for a next step', () => {
    for (const r of catalog.records) {
      const reasons = new Set(nextSteps(r).flatMap((p) => [p.basis, 'thenBasis' in p ? p.thenBasis : undefined]).flatMap((b) => (b && 'recommendation' in b ? LOCALES.map((l) => b.recommendation[l]) : [])));
      for (const [i, a] of r.actions.entries()) {
        if (a.basis && 'recommendation' in a.basis) for (const l of LOCALES) expect(reasons.has(a.basis.recommendation[l]), `${recordRef(r)} actions[${i}]`).toBe(false);
      }
    }
  });

  it('the steps the first-time review found said twice now say only what the next step does not', () => {
    // 433: the next step acquires again; the step adds the 5 minutes.
    expect(has('error-code:433').actions[0]).toMatchObject({ en: expect.stringMatching(/5 minutes/), zh: expect.stringMatching(/5 分钟/), basis: { source: 'seed' } });
    // 62: on `acquire` which setting (Cloud Recording, with Agora's guide); start and query are their policies alone.
    const e62 = has('error-code:62');
    expect(e62.actions.map((a) => a.en)).toEqual([expect.stringMatching(/^On `acquire`, .*Cloud Recording.*guide/)]);
    expect(e62.links.map((l) => l.url.zh)).toContainEqual(expect.stringMatching(/cloud_recording_rest/));
    // 501 on `query` (after `stop`): one step, where the upload status is; its next step says not to query again.
    expect(has('error-code:501').actions.map((a) => a.en)).toEqual([expect.stringMatching(/^On `query` after `stop`.*uploadingStatus.*`stop` response/)]);
    for (const ref of ['service-state:serviceAbnormal', 'error-code:502', 'error-code:1005', 'http-status:504']) expect(has(ref).actions, ref).toEqual([]);
    // 20: the next step acquires again; what is left is what to do if it keeps happening.
    expect(has('recording-status:20').actions.map((a) => a.en)).toEqual([expect.stringMatching(/again and again, open a ticket/)]);
    // 435: "Nothing to do" for this request; the step is about the next recording.
    expect(has('error-code:435').actions.map((a) => a.en)).toEqual([expect.stringMatching(/^For the next recording/)]);
  });

  it('53 (task conflict) says what to change: not the `start`, but the UID in `acquire`, as the seed says', () => {
    const e53 = has('error-code:53');
    expect(e53.retry).toMatchObject({ action: 'fix-request', basis: { source: 'seed' } });
    const [first] = e53.actions;
    expect(first.basis).toEqual({ source: 'seed' });
    expect(first.en).toMatch(/already in progress: do not start it again.*the UID in `acquire`: call `acquire` with a different UID, then call `start` with the new resource ID/);
    expect(first.zh).toMatch(/录制已在进行中，不要再次发起.*`acquire` 中的 UID.*不同的 UID 调用 `acquire`.*新 resource ID 调用 `start`/);
  });
});

describe('the glossary: the catalog writes Agora\'s terms', () => {
  it('rejects a word the glossary avoids, at its line and column, naming the term to write', () => {
    const problems = problemsOf('banned-term.yaml').filter((p) => /glossary/.test(p.message));
    expect(problems.map((p) => [p.line, p.column, p.field])).toEqual([
      [7, 11, 'summary.zh'],
      [8, 29, 'summary.en'],
    ]);
    expect(problems[0].message).toMatch(/"网页录制" is not the catalog's term in Chinese: write "页面录制" instead/);
    expect(problems[1].message).toMatch(/"cloud recording" is not the catalog's term in English: write "Cloud Recording" instead/);
    // Code spans quote what the API sends, and keywords hold what readers type: neither is checked.
    expect(formatProblem(problems[0])).toMatch(/records\.yaml:7:11 error-code:9001 summary\.zh: .*see data\/glossary\.yaml/);
  });

  it('names the words the issue found and the terms that replace them', () => {
    const glossary = parse(readFileSync(join(DEFAULT_DATA_DIR, 'glossary.yaml'), 'utf8')) as Record<'zh' | 'en', { use: string; avoid: string[] }[]>;
    const uses = (locale: 'zh' | 'en', word: string) => glossary[locale].find((t) => t.avoid.includes(word))?.use;
    expect(uses('zh', '网页录制')).toBe('页面录制');
    expect(uses('zh', '资源 ID')).toBe('resource ID');
    expect(uses('zh', '对不上')).toBe('不匹配');
    expect(uses('zh', '解不开')).toBe('无法解密');
    expect(uses('zh', '手上有')).toBeDefined();
    expect(uses('zh', '无从录起')).toBeDefined();
    expect(uses('en', 'cloud recording')).toBe('Cloud Recording');
  });

  it('holds in every text of the real catalog and of api.yaml (keywords aside)', () => {
    const { catalog } = loadCatalog();
    const all = (locale: 'zh' | 'en') => [...catalog.records.flatMap((r) => textsOf(r, locale)), ...textsWithPaths(catalog.api).map((t) => t.text[locale])].join('\n');
    for (const word of ['网页录制', '获取资源 ID', '服务解不开', '录制无从录起', '手上有', '对不上']) expect(all('zh')).not.toContain(word);
    for (const phrase of ['must belong together one to one', 'how the upload of the files went']) expect(all('en')).not.toContain(phrase);
  });
});

describe('every claim is sourced or marked as our advice', () => {
  const { catalog } = loadCatalog();
  const has = (ref: string) => catalog.records.find((r) => recordRef(r) === ref)!;
  const policies = catalog.records.flatMap((r) => [
    { record: r, where: `${recordRef(r)} retry`, policy: r.retry },
    ...r.meanings.flatMap((m, i) => (m.retry ? [{ record: r, where: `${recordRef(r)} meanings[${i}].retry`, policy: m.retry }] : [])),
  ]);

  it('every retry policy, every action and every set of facts says where it comes from, in a source the record cites', () => {
    const bases = catalog.records.flatMap((r) => [
      ...policies.filter((p) => p.record === r).map((p) => ({ where: p.where, basis: p.policy.basis, record: r })),
      ...r.actions.map((a, i) => ({ where: `${recordRef(r)} actions[${i}]`, basis: a.basis, record: r })),
      ...(r.facts ? [{ where: `${recordRef(r)} facts`, basis: r.facts.basis, record: r }] : []),
    ]);
    expect(bases.length).toBeGreaterThan(150);
    for (const { where, basis, record } of bases) {
      expect(basis, where).toBeDefined();
      if (basis && 'source' in basis) expect(record.sources, where).toContain(basis.source);
      if (basis && 'recommendation' in basis) for (const l of LOCALES) expect(basis.recommendation[l].length, where).toBeGreaterThan(5);
    }
  });

  it('backoff is claimed where a source asks for it, and only there: the Chinese page on 65 (退避策略), Response status codes on acquire\'s 500, 501 and 504, and the best practice wherever its delays are used', () => {
    for (const { where, policy } of policies) {
      const source = policy.basis && 'source' in policy.basis ? policy.basis.source : undefined;
      if ('backoff' in policy && policy.backoff) {
        expect(source, where).toMatch(/^(sc|bp|seed)$/);
        if (source === 'seed') expect(where, where).toMatch(/^(error-code:65|http-status:206)/);
        if (source === 'sc') expect(where, where).toMatch(/^(error-code:(500|501|504)|http-status:500)/);
      }
      // The best practice asks for backoff with every retry it gives ("use a backoff strategy").
      if (policy.action === 'retry' && source === 'bp') expect(policy.backoff, where).toBe(true);
    }
  });

  it('names the source of the step after the retries where another source gives it (65 and 62 on start: acquiring again is from Response status codes)', () => {
    for (const { where, policy } of policies) {
      if (policy.action === 'retry' && policy.then === 'acquire-again') expect(policy.thenBasis ?? policy.basis, where).toEqual({ source: 'sc' });
    }
  });

  it('cites each source only for what it holds', () => {
    // "appid is invalid" is not on the Chinese page, which has only the older wording.
    expect(has('message-error:appid-is-invalid').sources).not.toContain('seed');
    // The official clients are cited where their behaviour differs from the docs' advice (Go: start retried after 1, 2 and 3 s).
    const e65 = has('error-code:65');
    expect(e65.sources).toContain('clients');
    expect(e65.actions.find((a) => a.basis && 'source' in a.basis && a.basis.source === 'clients')?.en).toMatch(/1, 2 and 3 s/);
    // The integration sources are declared with their pages.
    for (const id of ['bp', 'acq', 'start', 'stop', 'api']) expect(catalog.api.sources.find((s) => s.id === id)?.url, id).toMatch(/^https:\/\/docs(-beta)?\.agora\.io\//);
    // Values Agora only lists are read by their names, and say so.
    for (const ref of ['upload-status:backuped', 'extension-state:init', 'output-status:disconnected']) {
      for (const m of has(ref).meanings) expect(m.basis && 'recommendation' in m.basis, ref).toBe(true);
    }
    expect(has('extension-state:init').summary.en).not.toMatch(/web page recording/);
  });

  it('keeps the seed\'s suggestion a suggestion, and states no frequency no source gives', () => {
    const e65 = has('error-code:65');
    // The seed's waits are said where the step is: an action based on the seed.
    const onStart = e65.actions.find((a) => a.basis && 'source' in a.basis && a.basis.source === 'seed' && /3/.test(a.en))!;
    expect(onStart.zh).toMatch(/建议.*如/);
    expect(onStart.en).toMatch(/suggests.*for example/);
    // Not "must … at most twice" (应…最多重试两次): the page suggests two retries as an example.
    for (const locale of LOCALES) expect(textsOf(e65, locale).join(' ')).not.toMatch(/最多重试两次|应以|at most twice|must retry/);
    const every = (locale: 'zh' | 'en') => catalog.records.flatMap((r) => textsOf(r, locale)).join('\n');
    expect(every('en')).not.toMatch(/most often|most commonly/i);
    expect(every('zh')).not.toMatch(/最常见|多半/);
  });

  it('gives each record a name and a title a reader cannot confuse with another\'s', () => {
    const constants = catalog.records.map((r) => r.constant);
    expect(new Set(constants).size).toBe(constants.length);
    for (const locale of LOCALES) {
      const titles = catalog.records.map((r) => titleKey(r.title[locale]));
      expect(titles.filter((t, i) => titles.indexOf(t) !== i), locale).toEqual([]);
    }
    expect(has('error-code:401').constant).not.toBe(has('error-code:1013').constant.replace('ILLEGAL', 'INVALID'));
    expect(has('error-code:401').title.en).not.toMatch(/^Invalid channel name/);
    expect(has('error-code:1004').constant).toMatch(/^LEGACY_/);
    expect(has('message-error:unauthorized').constant).not.toBe(has('http-status:401').constant);
    expect(has('recording-status:5').constant).not.toBe(has('extension-state:inProgress').constant);
  });

  it('links both ways, and links the three signs that Cloud Recording is not enabled to each other', () => {
    for (const r of catalog.records) {
      for (const ref of r.related) expect(has(ref).related, `${ref} → ${recordRef(r)}`).toContain(recordRef(r));
    }
    const trio = ['error-code:62', 'http-status:400', 'message-error:invalid-authentication-credentials'];
    for (const a of trio) for (const b of trio) if (a !== b) expect(has(a).related, `${a} → ${b}`).toContain(b);
  });

  it('handles HTTP 400\'s "not enabled" case as an account fix, and 406 as its policy and steps say (retry, then ask for more)', () => {
    const notEnabled = has('http-status:400').meanings.find((m) => m.source === 'seed' && /not been enabled/.test(m.text.en));
    expect(notEnabled?.retry?.action).toBe('fix-account');
    const e406 = has('error-code:406');
    expect(e406.retry).toMatchObject({ action: 'retry', then: 'contact-support', basis: { source: 'bp' } });
    // The retries are the policy's; the steps add what it does not say, without saying the retries again.
    expect(e406.actions.map((a) => a.en).join(' ')).toMatch(/raise the quota/);
    expect(e406.actions.map((a) => a.en).join(' ')).not.toMatch(/Retry `acquire`|1 s, 3 s/);
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
    // A status's meaning that is a body code names one the catalog has; a code's own meaning names none.
    ['meaning-body-codes.yaml', 11, 'http-status:599', 'meanings[0].codes[0]', /no record error-code:9999 exists/],
    ['meaning-body-codes.yaml', 22, 'error-code:9001', 'meanings[0].codes[0]', /only a meaning of an http-status record names body codes/],
    ['missing-replaced-by.yaml', 11, 'error-code:9001', 'lifecycle.replacedBy', /no record error-code:9999 exists/],
    ['malformed-url.yaml', 12, 'error-code:9001', 'links[0].url.en', /https:\/\/ URL/],
    ['bad-retry-delay.yaml', 7, 'error-code:9001', 'retry.delaysMs[1]', /positive number of milliseconds/],
    ['unknown-retry-action.yaml', 7, 'error-code:9001', 'retry.action', /unknown next step \(expected one of: none, poll, already-done, retry, acquire-again, fix-request, fix-credentials, fix-account, gone, contact-support\)/],
    ['retry-without-delays.yaml', 11, 'error-code:9001', 'meanings[0].retry.delaysMs', /missing required field/],
    ['unknown-method.yaml', 8, 'error-code:9001', 'meanings[0].methods[1]', /"acquire"\|"start"\|"query"\|"update"\|"updateLayout"\|"stop"/],
    ['hostile-text.yaml', 5, 'error-code:9001', 'title.en', /HTML tag/],
    ['unknown-kind.yaml', 2, 'error-cod:9001', 'kind', /unknown kind/],
    ['fact-differs-from-api.yaml', 9, 'error-code:9001', 'facts.headers.Content-Type', /differs from contentType in api.yaml/],
    // Where a claim comes from: a delay, a backoff or a limit said to be Agora's names a source the record cites.
    ['sourced-delay-not-cited.yaml', 7, 'error-code:9001', 'retry.basis.source', /delaysMs \[3000, 6000\]\): marked as from source seed, but the record does not cite seed in sources/],
    ['sourced-backoff-not-cited.yaml', 15, 'error-code:9001', 'meanings[0].retry.basis.source', /backoff: true\): marked as from source bp, but the record does not cite bp in sources/],
    ['sourced-limit-not-cited.yaml', 10, 'error-code:9001', 'facts.basis.source', /the facts \(maxBytes 64\): marked as from source seed, but the record does not cite seed/],
    ['recommended-backoff.yaml', 10, 'error-code:9001', 'retry.backoff', /backoff: true says a source asks for backoff, but the basis is our recommendation/],
    ['missing-basis.yaml', 8, 'error-code:9001', 'actions[0]', /action 1: no basis says where it comes from: basis: \{source: .*\} when a source says so, or basis: \{recommendation: \{zh, en\}\}/],
    ['missing-basis.yaml', 9, 'error-code:9001', 'retry', /the next step \(fix-request\): no basis says where it comes from/],
    // Links go both ways.
    ['one-way-related.yaml', 8, 'error-code:9001', 'related[0]', /links to error-code:9002, which does not link back: add error-code:9001 to the related of error-code:9002 \(\S*records\.yaml:11\)/],
    // Names a reader could confuse.
    ['confusable-names.yaml', 13, 'message-error:fixture-unauthorized', 'constant', /constant name FIXTURE_UNAUTHORIZED is also ErrorCode\.FIXTURE_UNAUTHORIZED \(error-code:9001, \S*records\.yaml:4\): name each for what differs/],
    ['confusable-names.yaml', 25, 'error-code:9002', 'title.zh', /the same title as error-code:9001 \(\S*records\.yaml:5\) once the note in brackets is left out/],
    ['confusable-names.yaml', 23, 'error-code:9002', 'formerConstants[0].removedIn', /the package is at \d+\.\d+\.\d+, so the deprecated alias ErrorCode\.FIXTURE_OLD_CHANNEL is past its time \(removed in 0\.0\.9\): delete this entry/],
    // An export can only go in a major version: an alias "removed in 12.1.0" would break code in a minor release.
    ['confusable-names.yaml', 24, 'error-code:9002', 'formerConstants[1].removedIn', /removing ErrorCode\.FIXTURE_OLDER_CHANNEL breaks the code that uses it, so it can only go in a major version, not in 12\.1\.0 \(e\.g\. 13\.0\.0\)/],
    ['confusable-names.yaml', 32, 'error-code:9003', 'constant', /a legacy record's constant starts with LEGACY_ .*LEGACY_FIXTURE_OLD_CODE/],
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
      const first = readFileSync(join(root, f), 'utf8').split('\n')[0];
      expect(first, f).toMatch(/^# yaml-language-server: \$schema=\.\/[\w-]+\.schema\.json$/);
      expect(Object.keys(JSON_SCHEMA_FILES), f).toContain(first.slice(first.indexOf('./') + 2));
    }
  });
});
