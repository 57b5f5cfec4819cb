/**
 * The agora-rec-codes command: what it prints, its exit status, its usage errors.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { localeFromEnv, parseCli, runCli, UsageError } from '../../src/cli.ts';

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
    expect(r.stdout).toMatch(/On this method \(start; HTTP 500; "request timeout"; sc\):/);
  });

  it('prints JSON with --json', async () => {
    const r = await run(['65', '--method', 'start', '--json']);
    const record = JSON.parse(r.stdout);
    expect(record).toMatchObject({ kind: 'error-code', code: 65, constant: 'REQUEST_NOT_COMPLETED' });
    expect(record.meaning).toMatchObject({ source: "sc", http: 206, reason: "request not completed" });
    expect(record.retry.delaysMs).toEqual([3000, 6000]);
  });

  it('reads a number as an HTTP status with --kind http-status', async () => {
    expect((await run(['404', '--kind', 'http-status', '--json'])).stdout).toMatch(/"kind": "http-status"/);
  });

  it('exits 1 on an unknown code, with a link to the site\'s search', async () => {
    const r = await run(['9999']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Unknown: 9999\nSearch the site: https:\/\/\S+\/en\/search\/\?q=9999\n$/);
    expect(JSON.parse((await run(['9999', '--json'])).stdout)).toEqual({ found: false, query: '9999', search: expect.stringMatching(/\/en\/search\/\?q=9999$/) });
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

  it('--method keeps only the causes and steps of that method', async () => {
    const all = (await run(['62'])).stdout;
    expect(all).toMatch(/On `acquire`, enable Cloud Recording/);
    expect(all).toMatch(/On `start`, send `start` again/);
    const onStart = (await run(['62', '--method', 'start'])).stdout;
    expect(onStart).toMatch(/On `start`, send `start` again/);
    expect(onStart).not.toMatch(/On `acquire`|\(`acquire`\)/);
    expect(onStart).toMatch(/\(`start`, `query`, `update`, `updateLayout`, `stop`\) The recording service did not answer in time/);
    const zh = (await run(['62', '--method', 'acquire', '--lang', 'zh'])).stdout;
    expect(zh).toMatch(/在 `acquire` 上遇到时/);
    expect(zh).not.toMatch(/在 `start` 上遇到时/);
    expect((await run(['65', '--method', 'query'])).stdout).toMatch(/Next step: Retry the same request with the same resource ID after 1000 ms, then 3000 ms, then 6000 ms\./);
  });

  it('colours only when asked (on a TTY)', async () => {
    expect((await run(['433'], { color: true })).stdout).toMatch(/\x1b\[1m/);
  });
});

describe('agora-rec-codes explain', () => {
  it('reads the body from stdin', async () => {
    const r = await run(['explain', '--status', '206', '--method', 'start'], { stdin: '{"code":65,"reason":"request not completed"}' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/65 REQUEST_NOT_COMPLETED/);
    expect(r.stdout).toMatch(/with the same resource ID after 3000 ms, then 6000 ms; if it still fails, call `acquire` again/);
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
    [['433', '--bogus'], /Unknown option '--bogus'/],
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
      expect(r.stderr.split('\n')).toEqual([expect.stringMatching(/^agora-rec-codes: /), 'Run `agora-rec-codes --help` for usage.', '']);
      expect(r.stdout).toBe('');
    });
  }
  it('--help prints the usage, exit 0', async () => {
    const r = await run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage:/);
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

  it('runs from source with node and pipes without colour', () => {
    const r = spawnSync(process.execPath, ['src/cli.ts', 'no Route matched with those values'], { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/no Route matched with those values/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });
});
