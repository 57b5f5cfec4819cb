/**
 * The agora-rec-codes command: what it prints, its exit status, its usage errors.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localeFromEnv, methodsNamed, onMethod, parseCli, runCli, USAGE, UsageError } from '../../src/cli.ts';
import { allRecords, lookup } from '../../src/index.ts';

const log = (name: string) => readFileSync(new URL(`../fixtures/logs/${name}`, import.meta.url), 'utf8');

async function run(argv: string[], { stdin = '', env = {}, color = false }: { stdin?: string; env?: Record<string, string>; color?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const status = await runCli({ argv, env, color, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => stdin });
  return { status, stdout, stderr };
}

describe('agora-rec-codes <query>', () => {
  it('prints a code with its meaning, what to do, retry and page; exit 0', async () => {
    const r = await run(['433']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^433 {2}Resource ID expired/);
    expect(r.stdout).toMatch(/Next step: Call `acquire` again for a new resource ID, then call `start` with it\./);
    expect(r.stdout).toMatch(/\/en\/errors\/433\//);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('finds a pasted message, in Chinese with --lang zh', async () => {
    const r = await run(['Invalid authentication credentials', '--lang', 'zh']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/"Invalid authentication credentials"/);
    expect(r.stdout).toMatch(/原因：/);
    expect(r.stdout).toMatch(/\/zh\/errors\/invalid-authentication-credentials\//);
  });

  it('takes the language from the environment', async () => {
    expect((await run(['433'], { env: { LANG: 'zh_CN.UTF-8' } })).stdout).toMatch(/resource ID 已过期/);
    expect(localeFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeFromEnv({})).toBe('en');
  });

  it('shows the meaning on a method with --method', async () => {
    const r = await run(['62', '--method', 'start']);
    // Answer first: the meaning on the method, then the next step, then what to do and the causes.
    expect(r.stdout.split('\n')[1]).toMatch(/^On `start` \(HTTP 500; "request timeout"; sc\): /);
    expect(r.stdout.split('\n')[3]).toMatch(/^Next step: Retry/);
    expect(r.stdout.indexOf('What to do:')).toBeLessThan(r.stdout.indexOf('Causes:'));
  });

  it('prints JSON with --json', async () => {
    const r = await run(['65', '--method', 'start', '--json']);
    const record = JSON.parse(r.stdout);
    expect(record).toMatchObject({ kind: 'error-code', code: 65, constant: 'REQUEST_NOT_COMPLETED' });
    expect(record.meaning).toMatchObject({ source: "sc", http: 206, reason: "request not completed" });
    expect(record.retry.delaysMs).toEqual([3000, 6000]);
  });

  it('gives scripts with --json --method what the text shows: that method\'s step, meanings, causes and actions', async () => {
    const whole = JSON.parse((await run(['62', '--json'])).stdout);
    const onAcquire = JSON.parse((await run(['62', '--method', 'acquire', '--json'])).stdout);
    const onStart = JSON.parse((await run(['62', '--method', 'start', '--json'])).stdout);
    expect(onAcquire.retry).toMatchObject({ action: 'fix-account' });
    expect(onStart.retry).toMatchObject({ action: 'retry', sameResourceId: true, then: 'acquire-again' });
    for (const [record, method] of [[onAcquire, 'acquire'], [onStart, 'start']]) {
      expect(record.meanings.length).toBeGreaterThan(0);
      for (const m of record.meanings) if (m.methods) expect(m.methods).toContain(method);
      for (const list of ['causes', 'actions']) for (const text of record[list]) expect(whole[list]).toContain(text);
    }
    // Enabling Cloud Recording for the App ID is acquire's step, never start's.
    expect(JSON.stringify(onStart.actions)).not.toMatch(/enable it/);
    expect(JSON.stringify(onAcquire.actions)).toMatch(/enable it/);
    expect(whole.meanings.length).toBeGreaterThan(onStart.meanings.length);
  });

  it('reads a number as an HTTP status with --kind http-status', async () => {
    expect((await run(['404', '--kind', 'http-status', '--json'])).stdout).toMatch(/"kind": "http-status"/);
  });

  it('exits 1 on an unknown code, with a link to the site\'s search', async () => {
    const r = await run(['9999']);
    expect(r.status).toBe(1);
    // No code is a typo away: the closest codes are listed, as the site's not-found page lists them, then the search.
    expect(r.stderr).toMatch(/^Unknown: 9999\nNo code is near it; the closest in the catalog:\n {2}1028 {2}Invalid parameter in updateLayout {2}\(body code\)\n(?: {2}.+\n){4}Search the site: https:\/\/\S+\/en\/search\/\?q=9999\n$/);
    const json = JSON.parse((await run(['9999', '--json'])).stdout);
    expect(json).toMatchObject({ found: false, query: '9999', nearest: [], search: expect.stringMatching(/\/en\/search\/\?q=9999$/) });
    expect(json.closest.map((c: { code: number }) => c.code)).toEqual([1028, 1013, 1005, 1004, 1003]);
    // Words no record is near: no list, only the search.
    expect((await run(['recording failed'])).stderr).toMatch(/^Unknown: recording failed\nSearch the site: /);
    expect((await run(['录制 失败', '--lang', 'zh'])).stderr).toMatch(/未找到：录制 失败\n在网站上搜索：\S+\/zh\/search\/\?q=%E5%BD%95%E5%88%B6%20%E5%A4%B1%E8%B4%A5/);
  });

  it('accepts the lookup form', async () => {
    const r = await run(['lookup', '433']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^433 {2}Resource ID expired/);
  });

  it('a number that names several kinds shows each: body code 401 and HTTP 401', async () => {
    const r = await run(['401']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Also: body code 401 and HTTP status 401\n/);
    expect(r.stdout).toMatch(/401 {2}Unsupported characters in the channel name \(body code 401\) {2}\(body code: error-code:401, CHANNEL_NAME_UNSUPPORTED_CHARACTERS\)/);
    expect(r.stdout).toMatch(/401 {2}Unauthorized {2}\(HTTP status: http-status:401/);
    expect(r.stdout.indexOf('error-code:401')).toBeLessThan(r.stdout.indexOf('http-status:401'));
    const json = JSON.parse((await run(['401', '--json'])).stdout);
    expect(json.ref).toBe('error-code:401');
    expect(json.also.map((a: { ref: string }) => a.ref)).toEqual(['http-status:401']);
    expect((await run(['2'])).stdout).toMatch(/Also: body code 2 and recording status \(query\) 2/);
    expect((await run(['433'])).stdout).not.toMatch(/Also:/);
    expect((await run(['401', '--kind', 'http-status'])).stdout).not.toMatch(/Also:|body code 401/);
  });

  it('--method shows nothing about another method: 62 on acquire has no retry or backoff of query … stop', async () => {
    const r = await run(['62', '--method', 'acquire']);
    const steps = r.stdout.slice(r.stdout.indexOf('What to do:'), r.stdout.indexOf('Causes:'));
    expect(steps).toMatch(/On `acquire`, the setting to change is Cloud Recording itself/);
    expect(steps).not.toMatch(/`start`|`query`|`stop`|Back off/);
    expect(r.stdout.match(/other methods differ/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/^Only what applies on `acquire` is shown; other methods differ: `agora-rec-codes 62` shows them all\.$/m);
    const zh = (await run(['62', '--method', 'acquire', '--lang', 'zh'])).stdout;
    expect(zh).not.toMatch(/退避|`query`/);
    expect(zh).toMatch(/其他方法上的情况不同，运行 `agora-rec-codes 62` 查看全部/);
  });

  it('--method stop on HTTP 206: no client\'s retries of `start`; --method query on 65: no step that goes on from `start`\'s', async () => {
    // The steps and causes (the summary is the record's, about every method).
    const listed = (out: string) => out.slice(out.search(/^(?:What to do|处理|Causes|原因)/m), out.search(/^https:/m));
    for (const lang of ['en', 'zh']) {
      const stop = listed((await run(['206', '--method', 'stop', '--lang', lang])).stdout);
      expect(stop, lang).not.toMatch(/`start`/);
      expect(stop, lang).toMatch(/435/);
      const onQuery = (await run(['65', '--method', 'query', '--lang', lang])).stdout;
      const query = listed(onQuery);
      expect(query, lang).not.toMatch(/`start`|`acquire`/);
      // On `query` the next step is the policy's retries, said once, on the Next step line.
      expect(onQuery, lang).toMatch(/^(?:Next step: Retry the same request with the same resource ID after 1 s|下一步：重试同一请求（使用同一个 resource ID）：第 1 次等待 1 秒)/m);
      const start = (await run(['65', '--method', 'start', '--lang', lang])).stdout;
      expect(start, lang).toMatch(/3 s and 6 s are an example|3 秒和 6 秒是示例/);
      expect(start, lang).toMatch(/if it still fails, call `acquire` again|如仍失败，重新调用 `acquire`/);
      expect(start, lang).toMatch(/Go REST/);
      expect(start, lang).not.toMatch(/On `query`|在 `query`/);
    }
  });

  it('every step and cause of the catalog that names a method where it says what it is about is kept on that method only', () => {
    for (const ref of ['error-code:62', 'error-code:65', 'http-status:206', 'error-code:501']) {
      for (const locale of ['en', 'zh'] as const) {
        const r = lookup(ref.split(':')[1], { kind: ref.split(':')[0] as 'error-code', locale })!;
        const texts = [...r.causes, ...r.actions];
        const onSome = texts.filter((t) => methodsNamed(t));
        expect(onSome.length, `${ref} ${locale}`).toBeGreaterThan(0);
        for (const text of onSome) for (const method of ['acquire', 'start', 'query', 'update', 'updateLayout', 'stop'] as const) {
          expect(onMethod([text], method).length, `${text} on ${method}`).toBe(methodsNamed(text)!.includes(method) ? 1 : 0);
        }
      }
    }
    expect(methodsNamed('An internal error on `acquire` (body `code` 500 `internal_error`).')).toEqual(['acquire']);
    expect(methodsNamed('A task with the same channel name and UID already exists (`start`, body `code` 53 `task conflict`).')).toEqual(['start']);
    expect(methodsNamed('`acquire` 时没有可用资源（响应包体 `code` 501、`no_worker_manager_available`）。')).toEqual(['acquire']);
    expect(methodsNamed('Back off between attempts, for example 1 s, 3 s and then 6 s; on `query`, `update`, `updateLayout` or `stop`, send the same request again the same way.')).toEqual(['query', 'update', 'updateLayout', 'stop']);
    expect(methodsNamed("Agora's official Go REST client retries `start` by itself on a 206 (up to 3 times, after 1, 2 and 3 s).")).toEqual(['start']);
    expect(methodsNamed('声网官方 Go REST 客户端在 `start` 收到 206 时会自行重试（最多 3 次）。')).toEqual(['start']);
    expect(methodsNamed('Read the body `code` first: 65 means retry; 435 on `stop` means nothing was recorded.')).toBeUndefined();
    expect(methodsNamed('Call `acquire` again for a new resource ID, then call `start` with it.')).toBeUndefined();
    expect(onMethod(['On `start`, send `start` again.', 'If the retries fail, call `acquire` again.', 'Check the App ID.'], 'query')).toEqual(['Check the App ID.']);
  });

  it('each cause and step is about the same methods in Chinese and in English', () => {
    const [en, zh] = [allRecords('en'), allRecords('zh')];
    const scoped = (text: string) => (methodsNamed(text) ?? []).sort().join(' ');
    let some = 0;
    en.forEach((record, i) => {
      for (const field of ['causes', 'actions'] as const) {
        record[field].forEach((text, j) => {
          expect(scoped(zh[i][field][j]), `${record.ref} ${field}[${j}]: ${text}`).toBe(scoped(text));
          if (scoped(text)) some++;
        });
      }
    });
    expect(some).toBeGreaterThan(20);
  });

  it('--method keeps only the causes and steps of that method', async () => {
    const all = (await run(['62'])).stdout;
    expect(all).toMatch(/On `acquire`, the setting to change is Cloud Recording itself/);
    expect(all).toMatch(/\(`start`\) A network problem kept the request/);
    const onStart = (await run(['62', '--method', 'start'])).stdout;
    expect(onStart).toMatch(/\(`start`\) A network problem kept the request/);
    expect(onStart).not.toMatch(/On `acquire`|\(`acquire`\)/);
    expect(onStart).toMatch(/\(`start`, `query`, `update`, `updateLayout`, `stop`\) The recording service did not answer in time/);
    const zh = (await run(['62', '--method', 'acquire', '--lang', 'zh'])).stdout;
    expect(zh).toMatch(/在 `acquire` 上遇到时/);
    expect(zh).toMatch(/（`acquire`）该 App ID 尚未开通云端录制服务/);
    expect(zh).not.toMatch(/（`start`/);
    expect((await run(['65', '--method', 'query'])).stdout).toMatch(/Next step: Retry the same request with the same resource ID after 1 s, then 3 s, then 6 s\./);
  });

  it('a typo finds the nearest records: a code one edit away, the same code in another kind, a name', async () => {
    const r = await run(['4333']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Unknown: 4333\nDid you mean:\n {2}433 {2}Resource ID expired {2}\(body code\)\nSearch the site: \S+\/en\/search\/\?q=4333\n$/);
    expect(JSON.parse((await run(['4333', '--json'])).stdout).nearest).toEqual([
      { ref: 'error-code:433', kind: 'error-code', code: 433, title: 'Resource ID expired', url: expect.stringMatching(/\/en\/errors\/433\/$/) },
    ]);
    expect((await run(['206', '--kind', 'error-code'])).stderr).toMatch(/Did you mean:\n {2}206 {2}Partial Content {2}\(HTTP status\)\nSearch/);
    expect((await run(['serviceidel'])).stderr).toMatch(/Did you mean:\n {2}"serviceIdle" /);
    expect((await run(['Invalid authentification credentials'])).stderr).toMatch(/Did you mean:\n {2}"Invalid authentication credentials" /);
    expect((await run(['4333', '--lang', 'zh'])).stderr).toMatch(/你要找的是不是：\n {2}433 {2}resource ID 已过期/);
    // Nothing near: no list, only the search.
    expect((await run(['hello world'])).stderr).not.toMatch(/Did you mean/);
  });

  it('a query in Chinese is answered in Chinese, with the Chinese search, unless --lang says otherwise', async () => {
    for (const env of [{}, { LANG: 'en_US.UTF-8' }, { LANG: 'C' }] as Record<string, string>[]) {
      const r = await run(['资源过期'], { env });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^未找到：资源过期\n在网站上搜索：\S+\/zh\/search\/\?q=%E8%B5%84%E6%BA%90%E8%BF%87%E6%9C%9F\n$/);
    }
    // Words that describe records (files not uploaded) suggest them: 206 and `backuped` say so.
    expect((await run(['录制文件没有上传'])).stderr).toMatch(/^未找到：录制文件没有上传\n你要找的是不是：\n {2}206 .*\n {2}"backuped" .*\n(?: {2}.*\n)?在网站上搜索：\S+\/zh\//);
    expect((await run(['录制文件没有上传', '--lang', 'en'])).stderr).toMatch(/^Unknown: 录制文件没有上传\nDid you mean:\n {2}206 {2}Partial Content .*\n(?: {2}.*\n){1,2}Search the site: \S+\/en\//);
    // A question around one code is answered with that code, on the method it names.
    expect((await run(['433 是什么意思'])).stdout).toMatch(/^433 {2}resource ID 已过期/);
    const stop = await run(['stop 返回 206 怎么办']);
    expect(stop.status).toBe(0);
    expect(stop.stdout).toMatch(/^206 {2}部分完成/);
    expect(stop.stdout).toMatch(/下一步：仅凭状态码无法判断是哪种情况.*65：重试（1 秒、3 秒、6 秒）；435：无需处理/);
    expect((await run(['what does 65 mean on query'])).stdout).toMatch(/On `query` \(HTTP 206/);
    // Not a number that is an id, nor two numbers.
    expect((await run(['uid 0 不行'])).status).toBe(1);
    expect((await run(['room 7 and 433'])).stderr).toMatch(/Did you mean:\n {2}433/);
    expect((await run(['433'])).stdout).toMatch(/^433 {2}Resource ID expired/);
  });

  it('a title copied from a page or typed from the seed, in either language, finds its record', async () => {
    expect((await run(['resource id expired'])).stdout).toMatch(/^433 {2}Resource ID expired/);
    const zh = await run(['频道名不合法']);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toMatch(/^1013 {2}频道名不合法/);
    // The whole English title, with what it adds in brackets.
    expect((await run(['Invalid channel name (too long or unsupported characters)'])).stdout).toMatch(/^1013 /);
    // Words that are no title stay unknown.
    expect((await run(['resource expired maybe'])).status).toBe(1);
  });

  it('a body a log cut inside a state is undecided here too, cut where it was; so is one cut in its file list (the extensions\' states come after it)', async () => {
    const cut = await run(['explain', '--method', 'query', '--status', '200', '--json', '{"sid":"s1","serverResponse":{"status":5,"subServiceStatus":{"recordingService":"serviceInProgress","uploaderService":"serviceAbn']);
    expect(JSON.parse(cut.stdout)).toMatchObject({ outcome: { kind: 'undecided' }, notes: expect.arrayContaining([expect.stringMatching(/cut off inside `serverResponse\.subServiceStatus(?:\.uploaderService)?`/)]) });
    const scanned = await run(['scan', '--json'], { stdin: '2026-12-02T10:00:00Z INFO query -> 200 {"sid":"s1","serverResponse":{"status":5,"subServiceStatus":{"recordingService":"serviceInProgress","uploaderService":"serviceAbn\n' });
    expect(JSON.parse(scanned.stdout).findings[0].outcome.kind).toBe('undecided');
    const files = await run(['explain', '--method', 'query', '--status', '200', '--json', '{"sid":"s1","serverResponse":{"status":5,"fileList":[{"fileName":"a.m3u8","trackType":"aud']);
    expect(JSON.parse(files.stdout).outcome.kind).toBe('undecided');
  });

  it('a question naming two methods is read on the one next to the code', async () => {
    const asked = async (q: string) => JSON.parse((await run(['explain', q, '--json'])).stdout);
    expect(await asked('query 404 after start succeeded, why?')).toMatchObject({ method: 'query', outcome: { kind: 'gone' } });
    expect(await asked('start 成功后 query 返回 404 是什么原因')).toMatchObject({ method: 'query', outcome: { kind: 'gone' } });
    expect(await asked('after acquire, start returned 433')).toMatchObject({ method: 'start', outcome: { kind: 'acquire-again' } });
  });

  it('colours only when asked (on a TTY)', async () => {
    expect((await run(['433'], { color: true })).stdout).toMatch(/\x1b\[1m/);
  });
});

describe('agora-rec-codes <query>, as a blind audit of the CLI asked (blind27)', () => {
  it('a code or status whose step the sources give per method, looked up without one, does not give one method\'s step as the next', async () => {
    for (const [query, says] of [
      ['62', /^Next step: What to do depends on the method; .*acquire: Fix the account/m],
      ['501', /^Next step: What to do depends on the method; .*query: Task gone/m],
      ['206', /^Next step: The status alone does not tell which case this is; the body `code` does/m],
    ] as const) {
      const r = await run([query]);
      expect(r.stdout, query).toMatch(says);
    }
    // 65 without its method: the retry most methods take, never start's acquire-and-start-again.
    expect((await run(['65'])).stdout).toMatch(/^Next step: Retry the same request with the same resource ID after 1 s, then 3 s, then 6 s\.$/m);
    // With the method, that method's step.
    expect((await run(['62', '--method', 'acquire'])).stdout).toMatch(/^Next step: Check the App ID/m);
  });

  it('the seed\'s own wording of a record, not its title, is not found but suggests that record', async () => {
    for (const [query, code] of [['停止后 没有录制文件产生', '435'], ['录制服务正在退出了', '501'], ['resource ID 过期了', '433']] as const) {
      const r = await run([query, '--lang', 'zh']);
      expect(r.status, query).toBe(1);
      expect(r.stderr, query).toMatch(new RegExp(`你要找的是不是：\\n  ${code}  `));
    }
    const json = await run(['录制服务正在退出了', '--json']);
    expect(JSON.parse(json.stdout).nearest[0]).toMatchObject({ ref: 'error-code:501' });
    // Words no record holds, or that every record holds (the, is, recording), suggest nothing.
    expect((await run(['香蕉 奶昔 配方', '--lang', 'zh'])).stderr).not.toMatch(/你要找的是不是/);
    for (const words of ['the request is slow', 'the recording is not working', 'recording service is exiting']) expect((await run([words])).stderr, words).not.toMatch(/Did you mean/);
  });

  it('--json with --method gives the step retryPolicy() and explain() give for the code on that method', async () => {
    const step = async (...args: string[]) => JSON.parse((await run([...args, '--json'])).stdout).retry;
    expect(await step('433', '--method', 'stop')).toEqual({ action: 'contact-support' });
    expect(await step('49', '--method', 'update')).toEqual({ action: 'contact-support' });
    expect(await step('65', '--method', 'acquire')).not.toHaveProperty('sameResourceId');
    expect(await step('433', '--method', 'start')).toMatchObject({ action: 'acquire-again' });
    expect(await step('62', '--method', 'start')).toMatchObject({ action: 'retry', sameResourceId: true, then: 'acquire-again' });
  });

  it('a Retry-After longer than the schedule: the finding\'s heading gives the waits its next step gives (the first one the server\'s)', async () => {
    const r = await run(['scan'], { stdin: 'HTTP/2 429\nretry-after: 12\ncontent-type: application/json\n\n{"message":"API rate limit exceeded"}\n' });
    expect(r.stdout).toMatch(/✗ Retry \(12 s, 3 s, 6 s\) .*\n {2}Next: Retry the same request after 12 s, then 3 s, then 6 s/);
  });
});

describe('a pasted response given to lookup is explained, as explain would', () => {
  it('a gateway body, a body code, a status line with its body', async () => {
    for (const argv of [['{"message":"Invalid authentication credentials"}'], ['lookup', '{"message":"Invalid authentication credentials"}']]) {
      const r = await run(argv);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe((await run(['explain', argv.at(-1)!])).stdout);
      expect(r.stdout).toMatch(/^"Invalid authentication credentials" INVALID_AUTHENTICATION_CREDENTIALS/);
      expect(r.stdout).toMatch(/Next: Check the Customer ID/);
    }
    expect((await run(['{"code":433,"reason":"resource expired"}', '--method', 'start'])).stdout).toMatch(/^433 RESOURCE_ID_EXPIRED — Resource ID expired\. The resource ID used in `start` has expired/);
    expect((await run(["{'code': 65}", '--status', '206', '--method', 'query', '--json'])).stdout).toMatch(/"status": 206/);
    expect(JSON.parse((await run(['HTTP/1.1 429 Too Many Requests\nRetry-After: 2\n\n{"message":"API rate limit exceeded"}', '--method', 'query', '--json'])).stdout)).toMatchObject({ status: 429, outcome: { kind: 'retry', retryAfterMs: 2000 } });
  });
  it('a code, a message or a name stays a lookup', async () => {
    expect((await run(['Invalid authentication credentials'])).stdout).toMatch(/\(gateway message: message-error:invalid-authentication-credentials/);
    expect((await run(['433', '--json'])).stdout).toMatch(/"ref": "error-code:433"/);
  });
});

describe('agora-rec-codes explain', () => {
  it('answers a question with no response in it: the code or status it asks about, on the method it names', async () => {
    const asked = async (q: string) => JSON.parse((await run(['explain', q, '--json'])).stdout);
    expect(await asked('what does 433 mean on start?')).toMatchObject({ code: 433, method: 'start', outcome: { kind: 'acquire-again' } });
    expect(await asked('HTTP 429 on query, is that bad?')).toMatchObject({ status: 429, method: 'query', outcome: { kind: 'retry' } });
    expect(await asked('stop 报 49 怎么办')).toMatchObject({ code: 49, method: 'stop', outcome: { kind: 'already-done' }, locale: 'zh' });
    // A number that is only an HTTP status is read as one: 206 on stop, where the body code decides.
    expect(await asked('is a 206 from stop a problem?')).toMatchObject({ status: 206, method: 'stop', outcome: { kind: 'undecided' } });
    // Text that asks nothing stays text.
    expect(await asked('upstream 502 bad gateway')).toMatchObject({ body: 'text', outcome: { kind: 'undecided' } });
  });
  it('reads curl -v output as one response: the method of its request line, its status, headers and body', async () => {
    for (const text of [log('curl-v-2to1.txt'), log('curl-v.txt')]) {
      const json = JSON.parse((await run(['explain', '--json'], { stdin: text })).stdout);
      expect(Array.isArray(json)).toBe(false);
      expect(json).toMatchObject({ method: expect.stringMatching(/^(?:start|acquire)$/), status: 400, code: 62, known: true });
    }
    const r = await run(['explain'], { stdin: log('curl-v-2to1.txt') });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^62 NOT_ENABLED_OR_REQUEST_TIMEOUT[^\n]*On `start`/);
    expect(r.stdout).not.toMatch(/plain text|Contact Agora support/);
    // The same text as an argument, and on stdin with the "left intact" note run on after the body.
    expect((await run(['explain', log('curl-v-2to1.txt')])).stdout).toBe(r.stdout);
    const glued = log('curl-v-2to1.txt').replace(/\* Connection #0 to host api.sd-rtn.com left intact\n(\{.*\})\n$/, '$1* Connection #0 to host api.sd-rtn.com left intact\n');
    expect(glued).not.toBe(log('curl-v-2to1.txt'));
    expect((await run(['explain'], { stdin: glued })).stdout).toBe(r.stdout);
  });
  it('where a person must change something, the deciding record\'s own actions on the method follow the next step', async () => {
    const conflict = await run(['explain'], { stdin: 'POST /v1/apps/x/cloud_recording/resourceid/R/mode/mix/start\nHTTP/1.1 400\n{"code":53,"reason":"task conflict"}\n' });
    // The next step, whose step it is (the seed's), then the record's own actions.
    expect(conflict.stdout).toMatch(/^53 TASK_CONFLICT[^\n]*\n\nNext: [^\n]+\nAgora's documentation says so \(source: seed\)\.\n\nWhat to do:\n {2}- [^\n]*different UID/);
    // Our own advice is labelled ours, as scan labels it (49: treating it as done is our reading).
    expect((await run(['explain', 'stop 报 49 怎么办'])).stdout).toMatch(/\n下一步：[^\n]+\n这是我们的建议：/);
    const token = await run(['explain', '--method', 'start', '--lang', 'zh'], { stdin: '{"code":109}' });
    expect(token.stdout).toMatch(/处理：\n {2}- [^\n]*token/);
    // A retry needs no one: no list (433 starts over by itself).
    expect((await run(['explain', '--method', 'start'], { stdin: '{"code":433}' })).stdout).not.toMatch(/What to do:/);
  });
  it('a lookup on a method the sources do not give the code on says so first; a question\'s "show all" command is the code alone', async () => {
    expect((await run(['433', '--method', 'acquire'])).stdout).toMatch(/^433 {2}Resource ID expired[^\n]*\n! The sources give this code only for `start`, not for `acquire`/);
    expect((await run(['433', '--method', 'start'])).stdout).not.toMatch(/The sources give this code only/);
    expect((await run(['stop 返回 206 怎么办'])).stdout).toMatch(/运行 `agora-rec-codes 206` 查看全部/);
  });
  it('a question in Chinese that names one method gives the method of the body under it; --method wins', async () => {
    const stdin = 'acquire 调了三次都是这个，是账号的问题吗\n\n{"code":62}';
    const json = JSON.parse((await run(['explain', '--json'], { stdin })).stdout);
    expect(json).toMatchObject({ method: 'acquire', code: 62, outcome: { kind: 'fix-account' } });
    const onStart = JSON.parse((await run(['explain', '--json', '--method', 'start'], { stdin })).stdout);
    expect(onStart).toMatchObject({ method: 'start', outcome: { kind: 'retry' } });
  });
  it('answers a paste written in Chinese in Chinese, as a query; a Chinese channel name alone does not', async () => {
    const question = await run(['explain'], { stdin: '同事贴过来的：stop 返回 {"code":435,"reason":"no recorded data"} 这是啥意思' });
    expect(question.stdout).toMatch(/^435 NO_RECORDED_DATA — 没有产生录制文件/);
    const log = await run(['explain'], { stdin: '2026-12-01 10:00:00 ERROR 调用开始录制接口失败：{"code":433}' });
    expect(log.stdout).toMatch(/下一步/);
    expect((await run(['explain', '--method', 'start'], { stdin: '{"cname":"会议室","code":433}' })).stdout).toMatch(/^433 RESOURCE_ID_EXPIRED — Resource ID expired/);
    expect((await run(['explain', '--lang', 'en'], { stdin: '同事贴过来的：{"code":435}' })).stdout).toMatch(/No recorded data/);
  });
  it('says each thing once: a paste it cannot read is said in the summary, not again as a note', async () => {
    for (const lang of ['en', 'zh']) {
      const r = await run(['explain', '--lang', lang, '--method', 'start'], { stdin: 'recording did not start, no idea why' });
      expect(r.status).toBe(1);
      const said = r.stdout.split('\n').filter((l) => l.includes('recording did not start'));
      expect(said, r.stdout).toHaveLength(1);
    }
  });
  it('reads a paste as scan reads it: a logfmt line, a Spring exception with an HTML page', async () => {
    const logfmt = (await run(['explain', '--json'], { stdin: 'time="2026-12-02T16:10:13+08:00" level=error msg="recording call failed" method=stop status=400 body="{\\"code\\":49,\\"reason\\":\\"invalid operation\\"}"' })).stdout;
    expect(JSON.parse(logfmt)).toMatchObject({ method: 'stop', status: 400, code: 49, reason: 'invalid operation' });
    const spring = JSON.parse((await run(['explain', '--json', '--method', 'start'], { stdin: 'o.s.w.c.HttpServerErrorException$GatewayTimeout: 504 Gateway Time-out: "<html><body><h1>504 Gateway Time-out</h1></body></html>"' })).stdout);
    expect(spring).toMatchObject({ method: 'start', status: 504, body: 'html', outcome: { kind: 'retry' } });
  });
  it('a whole log pasted: the first 50 responses explained, then how many more and what sums them up; --json gives all', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `start -> 206 {"cname":"c${i}","code":65,"reason":"request not completed"}`).join('\n');
    const r = await run(['explain'], { stdin: lines });
    expect(r.stdout).toMatch(/^120 responses in the text/);
    expect(r.stdout.match(/^Line \d+:$/gm)).toHaveLength(50);
    expect(r.stdout).toMatch(/… and 70 more, not shown: `agora-rec-codes scan` sums up a log/);
    expect(JSON.parse((await run(['explain', '--json'], { stdin: lines })).stdout)).toHaveLength(120);
  });
  it('bytes that are no text are not taken for Chinese; a paste with Chinese words is', async () => {
    const bytes = Buffer.from([0x8f, 0xe4, 0xb8, 0x80, 0x00, 0xff, 0x41, 0x9c]).toString('utf8');
    expect((await run(['explain'], { stdin: bytes })).stdout).toMatch(/^The body is plain text/);
    expect((await run(['explain'], { stdin: '停止录制失败 {"code":49,"reason":"invalid operation"}' })).stdout).toMatch(/\p{Script=Han}{2}/u);
  });
  it('a paste with several responses: each explained, with its lines', async () => {
    const r = await run(['explain'], { stdin: log('service.log') });
    expect(r.stdout).toMatch(/^5 responses in the text, each explained below \(`agora-rec-codes scan` sums up a log\)\.\n\nLine 1:\n/);
    expect(r.stdout).toMatch(/\n\nLine 2:\n49 RECORDING_ALREADY_EXITING/);
    const json = JSON.parse((await run(['explain', '--json'], { stdin: log('service.log') })).stdout);
    expect(json.map((d: { line: number; method?: string; status?: number }) => [d.line, d.method, d.status])).toEqual([
      [1, 'acquire', 200],
      [2, 'stop', 400],
      [3, 'start', 206],
      [4, undefined, 504],
      [5, 'start', 400],
    ]);
    expect((await run(['explain', '--lang', 'zh'], { stdin: log('service.log') })).stdout).toMatch(/^文本中有 5 个响应，逐一解释如下（`agora-rec-codes scan` 可汇总整个日志）。\n\n第 1 行：\n/);
  });
  it('nothing to explain: exit 2, saying how to give a response', async () => {
    const r = await run(['explain'], { stdin: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^agora-rec-codes: give the response to explain, as an argument or on standard input/);
  });

  it('reads the body from stdin', async () => {
    const r = await run(['explain', '--status', '206', '--method', 'start'], { stdin: '{"code":65,"reason":"request not completed"}' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/65 REQUEST_NOT_COMPLETED/);
    expect(r.stdout).toMatch(/with the same resource ID after 3 s, then 6 s; if it still fails, call `acquire` again/);
  });
  it('takes the body as an argument too, half a body included', async () => {
    const r = await run(['explain', '{"code":65,"rea', '--status', '206', '--method', 'start'], { stdin: 'ignored' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^65 REQUEST_NOT_COMPLETED/);
    expect(r.stdout).toMatch(/! The body is cut off/);
  });
  it('reads a whole response pasted from `curl -si`: status, Retry-After and body', async () => {
    const r = await run(['explain', '--method', 'acquire', '--json'], { stdin: 'HTTP/2 429 \r\ncontent-type: application/json\r\nretry-after: 3\r\n\r\n{"message":"API rate limit exceeded"}\n' });
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 429, outcome: { kind: 'retry', retryAfterMs: 3000 } });
  });
  it('leads with what to do on a running recording whose sub-service failed', async () => {
    const r = await run(['explain', '--status', '200', '--method', 'query', '--lang', 'zh'], { stdin: '{"serverResponse":{"status":5,"subServiceStatus":{"recordingService":"serviceAbnormal"}}}' });
    expect(r.stdout).toMatch(/^`serverResponse\.subServiceStatus\.recordingService` 为 `serviceAbnormal`：子模块状态异常。/);
    expect(r.stdout).toMatch(/下一步：联系声网技术支持/);
  });
  it('exits 1 when the response names a code the catalog lacks', async () => {
    const r = await run(['explain', '--status', '400'], { stdin: '{"code":9999}' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/9999 is not in the catalog/);
  });
  it('prints the diagnosis as JSON', async () => {
    const r = await run(['explain', '--status', '401', '--json'], { stdin: '{"message":"Unauthorized"}' });
    expect(JSON.parse(r.stdout).record.ref).toBe('message-error:unauthorized');
  });
});

describe('bad usage: exit 2 with one line naming the problem, and how to get help', () => {
  const cases: [string[], RegExp][] = [
    [[], /give a code or message/],
    [['433', '401'], /give one code or message/],
    [['433', '--method', 'begin'], /--method must be one of acquire, start/],
    [['433', '--lang', 'fr'], /--lang must be zh or en/],
    [['433', '--kind', 'errors'], /--kind must be one of/],
    [['433', '--bogus'], /^agora-rec-codes: unknown option --bogus$/m],
    [['--bogus'], /^agora-rec-codes: unknown option --bogus$/m],
    [['433', '-x'], /^agora-rec-codes: unknown option -x$/m],
    [['433', '--json=yes'], /^agora-rec-codes: --json takes no value$/m],
    [['433', '--method'], /^agora-rec-codes: --method needs a value$/m],
    [['433', '--lang', '--json'], /^agora-rec-codes: --lang needs a value$/m],
    [['explain', '--status', '99x'], /--status must be an HTTP status/],
    [['explain', '{}', 'extra'], /explain takes at most one body \(quote it\); unexpected "extra"/],
    [['lookup'], /give a code or message to look up/],
    [['433', '--status', '400'], /--status goes with explain/],
  ];
  for (const [argv, message] of cases) {
    it(argv.join(' ') || '(nothing)', async () => {
      const r = await run(argv);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      const lines = r.stderr.split('\n');
      expect(lines[0]).toMatch(/^agora-rec-codes: /);
      expect(lines.slice(-2)).toEqual(['Run `agora-rec-codes --help` for usage.', '']);
      // An option it does not know (or misused) is followed by the usage; any other problem is one line.
      if (/option|value/.test(lines[0])) expect(lines.slice(1, -2)).toEqual(USAGE.split('\n').slice(0, 4));
      else expect(lines).toHaveLength(3);
      expect(r.stderr).not.toMatch(/To specify a positional|'-- "/);
      expect(r.stdout).toBe('');
    });
  }
  it('--help prints the usage, exit 0', async () => {
    const r = await run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage:/);
  });
  it('--version prints the installed package\'s version, exit 0; exit 1 with a reason when it cannot be read', async () => {
    let stdout = '';
    let stderr = '';
    const io = { argv: ['--version'], env: {}, color: false, stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), readStdin: async () => '' };
    expect(await runCli({ ...io, version: () => '1.2.3' })).toBe(0);
    expect(stdout).toBe('1.2.3\n');
    expect(await runCli(io)).toBe(1);
    expect(stderr).toMatch(/version is unknown/);
  });
  it('parseCli throws UsageError, nothing else', () => {
    expect(() => parseCli(['--method'])).toThrow(UsageError);
  });
});

describe('the real process', () => {
  const root = new URL('../..', import.meta.url).pathname;
  const sh = (script: string) => spawnSync('bash', ['-c', script], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'C', NODE: process.execPath } });

  it('a closed pipe (`| true`, `| head -1`) ends it quietly', () => {
    for (const script of ['"$NODE" src/cli.ts 433 --json | true; echo "exit ${PIPESTATUS[0]}"', '"$NODE" src/cli.ts 62 | head -1 >/dev/null; echo "exit ${PIPESTATUS[0]}"']) {
      const r = sh(script);
      expect(r.stderr, script).toBe('');
      expect(r.stdout.trim(), script).toBe('exit 0');
    }
  });

  it('a full disk gives one line and exit 1, no stack trace', () => {
    const r = sh('"$NODE" src/cli.ts 433 > /dev/full');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('agora-rec-codes: cannot write the output (ENOSPC)\n');
  });

  it('escape sequences in the query or --method never reach the terminal', () => {
    for (const argv of [['\u001b]0;X\u0007\u001b[2J'], ['433', '--method', '\u001b[2Jstart'], ['\u001b[31m433'], ['explain', '--status', '\u001b[2J400']]) {
      const r = spawnSync(process.execPath, ['src/cli.ts', ...argv], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
      expect(r.stdout + r.stderr, JSON.stringify(argv)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(r.stderr, JSON.stringify(argv)).not.toMatch(/\]0;X|\[2J/);
    }
  });

  it('--json carries no escape sequence of a response in any string (jq -r prints them raw)', async () => {
    const body = '{"code":2,"reason":"\\u001b]0;pwned\\u0007\\u001b[2J invalid \\u009b31m value\\u202e"}';
    for (const argv of [['explain', '--method', 'start', '--json'], ['scan', '--json']]) {
      const r = await run(argv, { stdin: argv[0] === 'scan' ? `start -> 400 ${body}\n` : body });
      const strings: string[] = [];
      JSON.parse(r.stdout, (_k, v) => {
        if (typeof v === 'string') strings.push(v);
        return v;
      });
      expect(strings.join(' '), argv[0]).toMatch(/invalid/);
      expect(strings.join(' '), argv[0]).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
  });

  it('runs from source with node and pipes without colour', () => {
    const r = spawnSync(process.execPath, ['src/cli.ts', 'no Route matched with those values'], { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/no Route matched with those values/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });
});
