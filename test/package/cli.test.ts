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
    expect(r.stdout).toMatch(/Retry: Call `acquire` again for a new resource ID, then call `start` with it\./);
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

  it('exits 1 on an unknown code', async () => {
    const r = await run(['9999']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Unknown: 9999/);
    expect((await run(['9999', '--json'])).stdout).toBe('{"found":false,"query":"9999"}\n');
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

describe('bad usage: exit 2 with a message and the usage', () => {
  const cases: [string[], RegExp][] = [
    [[], /give a code or message/],
    [['433', '401'], /give one code or message/],
    [['433', '--method', 'begin'], /--method must be one of acquire, start/],
    [['433', '--lang', 'fr'], /--lang must be zh or en/],
    [['433', '--kind', 'errors'], /--kind must be one of/],
    [['433', '--bogus'], /Unknown option '--bogus'/],
    [['explain', '--status', '99x'], /--status must be an HTTP status/],
    [['explain', 'extra'], /unexpected "extra"/],
    [['433', '--status', '400'], /--status goes with explain/],
  ];
  for (const [argv, message] of cases) {
    it(argv.join(' ') || '(nothing)', async () => {
      const r = await run(argv);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/Usage:/);
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
  it('runs from source with node and pipes without colour', () => {
    const r = spawnSync(process.execPath, ['src/cli.ts', 'no Route matched with those values'], { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/no Route matched with those values/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });
});
