/**
 * `npm run check:upstream -- <file>`: reads a copy of Agora's error-code page
 * (the Chinese bullets or the English per-method tables) and lists what the
 * catalog lacks and every delay, limit or header value that differs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../scripts/catalog/load.ts';
import { type Catalog, type CatalogRecord, recordRef } from '../scripts/catalog/schema.ts';
import { compare, formatDifference } from '../scripts/upstream/compare.ts';
import { detectFormat, type PageFacts, parsePage, valuesIn } from '../scripts/upstream/parse.ts';

const root = new URL('..', import.meta.url).pathname;
const fixturePath = (name: string) => join('test/fixtures/upstream', name);
const read = (name: string) => readFileSync(join(root, fixturePath(name)), 'utf8');
const seed = read('seed-zh.md');
const en = read('status-codes-en.md');
const { catalog } = loadCatalog();

function parse(text: string): PageFacts {
  const facts = parsePage(text);
  expect(facts).toBeDefined();
  return facts!;
}
const report = (text: string, against: Pick<Catalog, 'records'> = catalog) => compare(parse(text), against).map(formatDifference);
const item = (facts: PageFacts, kind: string, id: string) => facts.items.find((i) => i.kind === kind && i.id === id)!;

/** The text with `from` (which must occur exactly once) replaced. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, from).toBe(1);
  return text.replace(from, to);
}

/** A copy of the catalog with one record changed. */
function catalogWith(ref: string, change: (record: CatalogRecord) => void): Pick<Catalog, 'records'> {
  const copy = structuredClone(catalog);
  const record = copy.records.find((r) => recordRef(r) === ref);
  expect(record, ref).toBeDefined();
  change(record!);
  return copy;
}

const ALLOWED = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%&()+-:;<=.>?@[]^_{}|~,';

describe('the fixtures', () => {
  it('hold a faithful copy of the seed page and do not depend on ../shared', () => {
    expect(seed).toMatch(/^本文仅列出使用云端录制 RESTful API/);
    expect(seed).toContain('- `"no Route matched with those values`": ');
    expect(seed).toContain('" {"');
    expect(readFileSync(join(root, 'test/upstream.test.ts'), 'utf8')).not.toMatch(new RegExp(['shared', 'seed'].join('/')));
  });
});

describe('detecting the format', () => {
  it('tells the Chinese page, the English page and anything else apart', () => {
    expect(detectFormat(seed)).toBe('zh');
    expect(detectFormat(en)).toBe('en');
    expect(detectFormat('# Something else\n\n| a | b |\n| - | - |\n| 1 | 2 |\n')).toBeUndefined();
    expect(parsePage('{"name": "not a page"}')).toBeUndefined();
  });
});

describe('reading the Chinese page', () => {
  const facts = parse(seed);
  const ids = (kind: string) => facts.items.filter((i) => i.kind === kind).map((i) => i.id);

  it('lists every code, message, HTTP status and state, and nothing else', () => {
    expect(ids('error-code')).toEqual(['2', '7', '8', '49', '53', '62', '65', '109', '110', '432', '433', '435', '501', '1001', '1003', '1013', '1028']);
    // Including the odd quoting: - `"no Route matched with those values`": …
    expect(ids('message-error')).toEqual(['invalid appid', 'no Route matched with those values', 'Invalid authentication credentials']);
    expect(ids('http-status')).toEqual(['200', '201', '206', '400', '401', '404', '500', '504']);
    expect(ids('service-state')).toEqual([
      'serviceIdle', 'serviceStarted', 'serviceReady', 'serviceInProgress',
      'serviceCompleted', 'servicePartialCompleted', 'serviceValidationFailed', 'serviceAbnormal',
    ]);
    expect(facts.unparsed).toEqual([]);
  });

  it('reads the delays of 65 and the method its text names', () => {
    const code65 = item(facts, 'error-code', '65');
    expect(code65.line).toBe(14);
    expect(code65.methods).toEqual(['start']);
    expect(code65.values).toEqual([{ field: 'delaysMs', value: [3000, 6000], line: 14 }]);
  });

  it('reads the limits of 433 and 1013, and the header value of 8 from its sub-bullet', () => {
    expect(item(facts, 'error-code', '433').values).toEqual([{ field: 'expiresAfterSeconds', value: 300, line: 18 }]);
    const code1013 = item(facts, 'error-code', '1013').values;
    expect(code1013.filter((v) => v.field !== 'allowedCharacters')).toEqual([
      { field: 'maxBytes', value: 64, line: 23 },
      { field: 'characterCount', value: 89, line: 23 },
    ]);
    expect(item(facts, 'error-code', '8').values).toEqual([
      { field: 'header', name: 'Content-type', value: 'application/json;charset=utf-8', line: 7 },
    ]);
  });

  it('reads the 89 characters of 1013, with `" {"` read as `{`', () => {
    const chars = item(facts, 'error-code', '1013').values.find((v) => v.field === 'allowedCharacters');
    expect(chars?.value).toEqual([...ALLOWED]);
    expect(chars?.line).toBe(24);
  });

  it('states no value for entries whose text has none', () => {
    // "Invalid authentication credentials" names `Content-type` and its value, but does not say "为".
    expect(item(facts, 'message-error', 'Invalid authentication credentials').values).toEqual([]);
    expect(facts.items.filter((i) => i.values.length).map((i) => i.id)).toEqual(['8', '65', '433', '1013']);
  });

  it('reports a bullet it cannot read instead of skipping it', () => {
    const page = edit(seed, '- `1028`：', '- 1028：');
    expect(report(page)).toEqual(['unparsed entry the check cannot read  (page: "- 1028：`updateLayout` 方法的请求包体中参数错误。" line 30)']);
  });
});

describe('reading the English page', () => {
  const facts = parse(en);

  it('reads the gateway messages with their HTTP statuses', () => {
    const messages = facts.items.filter((i) => i.kind === 'message-error').map((i) => [i.http, i.id]);
    expect(messages).toEqual([
      [400, 'appid is invalid'],
      [401, 'Unauthorized'],
      [401, 'Invalid authentication credentials'],
      [404, 'no Route matched with those values'],
      [429, 'API rate limit exceeded'],
    ]);
    expect(item(facts, 'message-error', 'API rate limit exceeded').values).toEqual([{ field: 'requestsPerSecond', value: 10, line: 39 }]);
  });

  it('reads a table as Markdown does: an escaped \\| stays in its cell, a table may follow a paragraph, missing cells are empty', () => {
    const page = [
      '### start',
      'Errors of start:',
      '| HTTP status code | Error code | Reason | Description |',
      '| --- | --- | --- | --- |',
      '| 400 | 2 | `a\\|b` | Either a\\|b or `c`. |',
      '| 400 | 53 | task\\|conflict |',
      '',
      '| HTTP status code | Message | Description |',
      '|:-:|--|--|',
      '| 401 | `Unauthorized \\| retry` | no header |',
    ].join('\n');
    const facts = parse(page);
    expect(facts.items.filter((i) => i.kind === 'error-code').map((i) => [i.id, i.reason, i.line])).toEqual([
      ['2', 'a|b', 5],
      ['53', 'task|conflict', 6],
    ]);
    expect(facts.items.filter((i) => i.kind === 'message-error').map((i) => [i.id, i.http, i.line, i.excerpt])).toEqual([
      ['Unauthorized | retry', 401, 10, '| 401 | `Unauthorized \\| retry` | no header |'],
    ]);
    expect(facts.unparsed).toEqual([]);
  });

  it('reads each per-method row with the methods of its heading, its status, code and reason', () => {
    const rows = facts.items.filter((i) => i.kind === 'error-code').map((i) => `${i.methods.join(',')} ${i.http} ${i.id} ${i.reason ?? '-'}`);
    expect(rows).toEqual([
      'acquire 400 2 -',
      'acquire 400 400 invalid_appid',
      'acquire 400 401 invalid_channel_name',
      'acquire 400 405 no_active_status',
      'acquire 400 406 vendor_over_load',
      'acquire 500 500 internal_error',
      'acquire 500 501 no_worker_manager_available',
      'acquire 500 504 allocate_timeout',
      'start 201 7 already started',
      'start 206 65 request not completed',
      'start 400 2 -',
      'start 400 53 task conflict',
      'start 500 502 Failed to allocate worker',
      'start 500 62 request timeout',
      'query,update,updateLayout 206 65 request not completed',
      'query,update,updateLayout 400 2 -',
      'query,update,updateLayout 404 404 failed to find worker',
      'query,update,updateLayout 504 62 request timeout',
      'stop 206 65 request not completed',
      'stop 206 435 no recorded data',
      'stop 400 2 -',
      'stop 400 49 invalid operation',
      'stop 404 404 failed to find worker',
      'stop 504 62 request timeout',
    ]);
    expect(facts.unparsed).toEqual([]);
  });

  it('lists every HTTP status its tables use, once', () => {
    const statuses = facts.items.filter((i) => i.kind === 'http-status').map((i) => Number(i.id));
    expect(statuses.sort((a, b) => a - b)).toEqual([201, 206, 400, 401, 404, 429, 500, 504]);
  });

  it('does not take a line in a code block for a heading', () => {
    const page = edit(en, '### start\n', '### start\n\n```bash\n# Set URL to your request URL first\ncurl -X POST "$URL"\n```\n');
    expect(report(page)).toEqual([]);
  });

  it('reports a row it cannot read', () => {
    const page = edit(en, '| 400 | 53 | `task conflict` |', '| 400 | 53 or 54 | `task conflict` |');
    expect(report(page)).toEqual([
      'unparsed entry the check cannot read  (page: "| 400 | 53 or 54 | `task conflict` | A task with the same `c…" line 65)',
    ]);
  });

  it('reads values in English wording too', () => {
    const lines = [
      'Wait 3 seconds, then wait 6 s. At most 64 bytes, valid for 5 minutes.',
      'One of 89 characters. `Content-Type` must be `application/json`. Up to 10 requests per second.',
    ].map((text, i) => ({ n: i + 1, text }));
    expect(valuesIn(lines)).toEqual([
      { field: 'maxBytes', value: 64, line: 1 },
      { field: 'expiresAfterSeconds', value: 300, line: 1 },
      { field: 'characterCount', value: 89, line: 2 },
      { field: 'requestsPerSecond', value: 10, line: 2 },
      { field: 'header', name: 'Content-Type', value: 'application/json', line: 2 },
      { field: 'delaysMs', value: [3000, 6000], line: 1 },
    ]);
  });
});

describe('comparing with the catalog', () => {
  it('finds no difference on the seed page or the English page', () => {
    expect(report(seed)).toEqual([]);
    expect(report(en)).toEqual([]);
  });

  it('reports a code, status or state the catalog lacks', () => {
    expect(report(read('zh-added-code.md'))).toEqual(['missing  error-code 1099  (page: "- `1099`：录制服务暂时不可用，请稍后重试。" line 31)']);
    expect(report(read('zh-added-status-and-state.md'))).toEqual([
      'missing  http-status 403  (page: "| 403 | 服务器拒绝执行请求。 |" line 48)',
      'missing  service-state servicePaused  (page: "| "servicePaused" | 子模块服务已暂停。 |" line 65)',
    ]);
    const without435 = { records: catalog.records.filter((r) => recordRef(r) !== 'error-code:435') };
    expect(report(seed, without435)).toEqual(['missing  error-code 435  (page: "- `435`：没有录制文件产生。频道内没有用户发流，无录制对象。" line 19)']);
  });

  it('compares messages exactly, and reports a difference of letter case as its own kind', () => {
    const renamed = edit(seed, '`"no Route matched', '`"No Route matched');
    expect(report(renamed)).toEqual([
      'case     message-error:no-route-matched message  page "No Route matched with those values", catalog "no Route matched with those values" (line 32)',
    ]);
    const other = edit(en, '`appid is invalid`', '`appid not valid`');
    expect(report(other)).toEqual(['missing  message-error "appid not valid"  (page: "| 400 | `appid not valid` | The App ID in the request URL is…" line 35)']);
  });

  it('reports a differing delay, limit, character set or header value', () => {
    expect(report(read('zh-changed-delay.md'))).toEqual(['differs  error-code:65 delays  page [4000, 6000] ms, catalog [3000, 6000] ms (line 14)']);
    expect(report(read('zh-changed-limit.md'))).toEqual([
      'differs  error-code:433 expiresAfterSeconds  page 600 s, catalog 300 s (line 18)',
      'differs  error-code:1013 maxBytes  page 128 bytes, catalog 64 bytes (line 23)',
    ]);
    expect(report(read('zh-changed-header.md'))).toEqual([
      'differs  error-code:8 headers.Content-Type  page "application/json", catalog "application/json;charset=utf-8" (line 7)',
    ]);
    expect(report(edit(seed, '共 89 个字符', '共 90 个字符'))).toEqual(['differs  error-code:1013 allowedCharacters count  page 90, catalog 89 (line 23)']);
    expect(report(edit(seed, '"~", ","', '"*", ","'))).toEqual([
      'differs  error-code:1013 allowedCharacters  page has "*" that the catalog lacks; catalog has "~" that the page lacks (line 24)',
    ]);
    expect(report(edit(seed, '"!", "#"', '"!", "!", "#"'))).toEqual(['differs  error-code:1013 allowedCharacters  page repeats "!" (line 24)']);
    expect(report(edit(en, '10 requests per second', '20 requests per second'))).toEqual([
      'differs  message-error:api-rate-limit-exceeded requestsPerSecond  page 20/s, catalog 10/s (line 39)',
    ]);
  });

  it('reports a value the page states but the catalog lacks', () => {
    const noFacts = catalogWith('error-code:433', (r) => delete r.facts);
    expect(report(seed, noFacts)).toEqual(['differs  error-code:433 expiresAfterSeconds  page 300 s, catalog none (line 18)']);
  });

  it('takes the delays of the record or of a meaning on the method the text names, not of other methods', () => {
    const delaysOn = (methods: ('start' | 'stop')[]) =>
      catalogWith('error-code:65', (r) => {
        r.retry = { action: 'retry', delaysMs: [1000] };
        r.meanings = [{ methods, source: 'seed', text: { zh: '文', en: 'text' }, retry: { action: 'retry', delaysMs: [3000, 6000] } }];
      });
    expect(report(seed, delaysOn(['start']))).toEqual([]);
    expect(report(seed, delaysOn(['stop']))).toEqual(['differs  error-code:65 delays  page [3000, 6000] ms, catalog [1000] ms (line 14)']);
  });

  it('reports a per-method code or reason the catalog lacks, and a changed HTTP status', () => {
    // Numbers sort by value: 53 before 1099.
    expect(report(read('en-added-code.md'))).toEqual([
      'missing  error-code:53 on acquire: HTTP 400, reason "task conflict"  (page: "| 400 | 53 | `task conflict` | A task with the same `cname` …" line 51)',
      'missing  error-code 1099  (page: "| 400 | 1099 | `invalid_mode` | The `mode` in the request UR…" line 86)',
    ]);
    expect(report(read('en-changed-http.md'))).toEqual(['differs  error-code:65 http on start  page 500, catalog 206 (line 63)']);
  });

  it('reports a differing reason, a reason differing only in case, and a message with another HTTP status', () => {
    expect(report(edit(en, '`already started`', '`already_started`'))).toEqual([
      'differs  error-code:7 reason on start  page "already_started", catalog "already started" (line 62)',
    ]);
    expect(report(edit(en, '`already started`', '`Already started`'))).toEqual([
      'case     error-code:7 reason on start  page "Already started", catalog "already started" (line 62)',
    ]);
    expect(report(edit(en, '| 401 | `Unauthorized`', '| 403 | `Unauthorized`'))).toEqual([
      'missing  http-status 403  (page: "| 403 | `Unauthorized` | The request has no `Authorization` …" line 36)',
      'differs  message-error:unauthorized http  page 403, catalog 401 (line 36)',
    ]);
  });

  it('checks each method of a shared section on its own', () => {
    const stopOnly = catalogWith('error-code:404', (r) => {
      r.meanings = r.meanings.filter((m) => m.methods?.includes('stop'));
    });
    expect(report(en, stopOnly)).toEqual([
      'missing  error-code:404 on query: HTTP 404, reason "failed to find worker"  (page: "| 404 | 404 | `failed to find worker` | The task does not ex…" line 75)',
      'missing  error-code:404 on update: HTTP 404, reason "failed to find worker"  (page: "| 404 | 404 | `failed to find worker` | The task does not ex…" line 75)',
      'missing  error-code:404 on updateLayout: HTTP 404, reason "failed to find worker"  (page: "| 404 | 404 | `failed to find worker` | The task does not ex…" line 75)',
    ]);
  });

  it('sorts the same way whatever the order of the page', () => {
    const page = edit(read('zh-changed-limit.md'), '- `1028`：', '- `1099`：新的错误码。\n- `1028`：');
    const facts = parse(page);
    const sorted = compare(facts, catalog).map(formatDifference);
    expect(compare({ ...facts, items: [...facts.items].reverse() }, catalog).map(formatDifference)).toEqual(sorted);
    expect(sorted.map((l) => l.slice(0, 30))).toEqual([
      'missing  error-code 1099  (pag',
      'differs  error-code:433 expire',
      'differs  error-code:1013 maxBy',
    ]);
  });
});

describe('npm run check:upstream', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/check-upstream.ts', ...args], { cwd: root, encoding: 'utf8' });

  it('is declared in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts['check:upstream']).toBe('node scripts/check-upstream.ts');
  });

  for (const [name, format] of [['seed-zh.md', 'Chinese'], ['status-codes-en.md', 'English']]) {
    it(`exits 0 on ${name}`, () => {
      const result = run(fixturePath(name!));
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(`✓ ${fixturePath(name!)} (${format} page) matches the catalog: ${name === 'seed-zh.md' ? 36 : 37} entries checked.\n`);
      expect(result.status).toBe(0);
    });
  }

  const changed: Record<string, string[]> = {
    'zh-added-code.md': ['missing  error-code 1099 '],
    'zh-changed-delay.md': ['differs  error-code:65 delays  page [4000, 6000] ms, catalog [3000, 6000] ms (line 14)'],
    'zh-changed-limit.md': ['differs  error-code:433 expiresAfterSeconds ', 'differs  error-code:1013 maxBytes '],
    'zh-changed-header.md': ['differs  error-code:8 headers.Content-Type '],
    'zh-added-status-and-state.md': ['missing  http-status 403 ', 'missing  service-state servicePaused '],
    'en-added-code.md': ['missing  error-code:53 on acquire: HTTP 400, reason "task conflict" ', 'missing  error-code 1099 '],
    'en-changed-http.md': ['differs  error-code:65 http on start  page 500, catalog 206 (line 63)'],
  };
  for (const [name, starts] of Object.entries(changed)) {
    it(`exits 1 on ${name} and prints one line per difference, then a summary`, () => {
      const result = run(fixturePath(name));
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines.length).toBe(starts.length + 2);
      starts.forEach((start, i) => expect(lines[i]!.startsWith(start), `${lines[i]} starts with ${start}`).toBe(true));
      expect(lines.at(-1)).toMatch(new RegExp(`^✗ ${starts.length} difference\\(s\\) between ${fixturePath(name).replace(/\./g, '\\.')} `));
      expect(result.status).toBe(1);
    });
  }

  it('prints the differences as JSON with --json', () => {
    const result = run('--json', fixturePath('zh-changed-limit.md'));
    expect(result.status).toBe(1);
    const out = JSON.parse(result.stdout);
    expect(out.format).toBe('zh');
    expect(out.differences.map((d: { subject: string; page: unknown; catalog: unknown; line: number }) => [d.subject, d.page, d.catalog, d.line])).toEqual([
      ['error-code:433 expiresAfterSeconds', 600, 300, 18],
      ['error-code:1013 maxBytes', 128, 64, 23],
    ]);
    const clean = run(fixturePath('seed-zh.md'), '--json');
    expect(clean.status).toBe(0);
    expect(JSON.parse(clean.stdout).differences).toEqual([]);
  });

  it('exits 2 with a clear message on bad usage, an unreadable file or a page in neither format', () => {
    const none = run();
    expect([none.status, none.stderr]).toEqual([2, expect.stringMatching(/no file given\nusage: npm run check:upstream -- \[--json\] <file>/)]);
    const two = run(fixturePath('seed-zh.md'), fixturePath('status-codes-en.md'));
    expect([two.status, two.stderr]).toEqual([2, expect.stringMatching(/give exactly one file/)]);
    const option = run('--jsn', fixturePath('seed-zh.md'));
    expect([option.status, option.stderr]).toEqual([2, expect.stringMatching(/unknown option --jsn/)]);
    const missing = run('test/fixtures/upstream/no-such-page.md');
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringMatching(/^cannot read test\/fixtures\/upstream\/no-such-page\.md: ENOENT/)]);
    const folder = run('test/fixtures/upstream');
    expect([folder.status, folder.stderr]).toEqual([2, expect.stringMatching(/^cannot read test\/fixtures\/upstream: EISDIR/)]);
    const other = run('package.json');
    expect([other.status, other.stderr]).toEqual([2, expect.stringMatching(/^package\.json is not a copy of Agora's error-code page/)]);
    for (const r of [none, two, option, missing, folder, other]) expect(r.stdout).toBe('');
  });
});
