/**
 * Builds that share a machine with other builds and with a user's Ctrl-C:
 *
 * - two `build:package` at once both finish (the second waits for the first,
 *   and says so), leaving a complete dist/ and no temporary folder;
 * - a build that cannot get its output's lock in time says why and which
 *   process holds it; a lock left by a process that is gone is taken over;
 * - SIGTERM or SIGINT stops the build's child processes (Astro, tsc) — none
 *   is left running, writing a temporary folder — and leaves the previous
 *   output as it was.
 *
 * Each runs in a copy of the repository (test/hardening/repo-copy.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepo, output, type RepoCopy } from './repo-copy.ts';

/** The processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}
const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

/** Start `node <script>` in the copy, its output collected. */
function start(repo: RepoCopy, script: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [script], { cwd: repo.root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env } });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ status: number | null; signal: NodeJS.Signals | null; out: string }>((done) =>
    child.once('close', (status, signal) => done({ status, signal, out })),
  );
  return { child, exited, output: () => out };
}

/** Wait (bounded) until `ready()` holds. */
async function until(ready: () => boolean, what: string, ms = 120_000) {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}

/** A build's child processes (and theirs), found while it runs. */
const descendants = (pid: number): number[] => childrenOf(pid).flatMap((c) => [c, ...descendants(c)]);

describe('build:package, twice at once and interrupted', () => {
  let repo: RepoCopy;
  beforeAll(() => {
    repo = copyRepo({ prefix: 'builds-package-', outputs: ['dist'] });
  });
  afterAll(() => repo?.remove());
  const leftovers = () => readdirSync(repo.root).filter((n) => /^dist\./.test(n));

  it('two at once: both finish, the second after saying it waits; dist/ is whole', async () => {
    const first = start(repo, 'scripts/build-package.ts');
    await until(() => descendants(first.child.pid!).length > 0, 'the first build to start compiling');
    const second = start(repo, 'scripts/build-package.ts');
    const [a, b] = await Promise.all([first.exited, second.exited]);
    expect(a.status, a.out).toBe(0);
    expect(b.status, b.out).toBe(0);
    expect(b.out).toMatch(/another build:package \(process \d+\) is running; waiting for it to finish/);
    expect(a.out + b.out).not.toMatch(/ENOENT|^\s+at /m);
    expect(statSync(join(repo.root, 'dist', 'esm', 'cli.js')).mode & 0o111).not.toBe(0);
    expect(existsSync(join(repo.root, 'dist', 'cjs', 'package.json'))).toBe(true);
    expect(leftovers()).toEqual([]);
    expect(existsSync(join(repo.root, 'build', '.package.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that is gone', () => {
    writeFileSync(join(repo.root, 'build', '.package.lock'), '2147483646\n');
    const run = repo.run('scripts/build-package.ts');
    expect(run.status, output(run)).toBe(0);
    expect(existsSync(join(repo.root, 'build', '.package.lock'))).toBe(false);
  });

  it('says why it gives up when another build holds the lock too long', () => {
    // This test's own process plays the other build.
    writeFileSync(join(repo.root, 'build', '.package.lock'), `${process.pid}\n`);
    try {
      const run = repo.run('scripts/build-package.ts', [], { BUILD_LOCK_WAIT_MS: '1000' });
      expect(run.status, output(run)).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`another build:package \\(process ${process.pid}\\) is writing the same output; gave up waiting after \\d+ s`));
      expect(run.stderr).not.toMatch(/^\s+at /m);
    } finally {
      writeFileSync(join(repo.root, 'build', '.package.lock'), '');
      repo.run('scripts/build-package.ts'); // (an empty, old lock is taken over too)
    }
  });

  it('SIGINT while tsc compiles: tsc is stopped, dist/ untouched, nothing left behind, exit 130', async () => {
    const before = readFileSync(join(repo.root, 'dist', 'esm', 'index.js'), 'utf8');
    const build = start(repo, 'scripts/build-package.ts');
    let compilers: number[] = [];
    await until(() => {
      compilers = descendants(build.child.pid!);
      return compilers.length > 0;
    }, 'tsc to start');
    build.child.kill('SIGINT');
    const end = await build.exited;
    expect(end.status, end.out).toBe(130);
    expect(end.out).toMatch(/build:package interrupted \(SIGINT\)/);
    for (const pid of compilers) expect(running(pid), `process ${pid} still running`).toBe(false);
    expect(readFileSync(join(repo.root, 'dist', 'esm', 'index.js'), 'utf8')).toBe(before);
    expect(leftovers()).toEqual([]);
    expect(existsSync(join(repo.root, 'build', '.package.lock'))).toBe(false);
  });
});

describe('build:site interrupted', () => {
  let repo: RepoCopy;
  let build: ReturnType<typeof start> | undefined;
  beforeAll(() => {
    repo = copyRepo({ prefix: 'builds-site-', outputs: ['build/site'] });
  });
  afterAll(() => {
    build?.child.kill('SIGKILL');
    repo?.remove();
  });

  it('SIGTERM stops Astro: no orphan left writing .site-tmp-<pid>, build/site untouched, exit 143', async () => {
    const site = join(repo.root, 'build', 'site');
    const before = { inode: statSync(site).ino, index: readFileSync(join(site, 'index.html'), 'utf8') };
    build = start(repo, 'scripts/build-site.ts');
    const parent: ChildProcess = build.child;
    let astro: number[] = [];
    await until(() => {
      astro = descendants(parent.pid!);
      return astro.length > 0;
    }, 'astro to start');
    // Let Astro get going (it writes into build/.site-tmp-<pid>).
    await new Promise((done) => setTimeout(done, 1500));
    astro = [...new Set([...astro, ...descendants(parent.pid!)])];
    parent.kill('SIGTERM');
    const end = await build.exited;
    expect(end.status, end.out).toBe(143);
    expect(end.out).toMatch(/build:site interrupted \(SIGTERM\)/);
    for (const pid of astro) expect(running(pid), `process ${pid} still running`).toBe(false);
    // Nothing writes a temporary folder afterwards.
    await new Promise((done) => setTimeout(done, 1000));
    expect(readdirSync(join(repo.root, 'build'))).toEqual(['site']);
    expect(statSync(site).ino).toBe(before.inode);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe(before.index);
  });

  it('a build that cannot get the lock in time says which process holds it, and leaves build/site as it was', () => {
    writeFileSync(join(repo.root, 'build', '.site.lock'), `${process.pid}\n`);
    try {
      const run = repo.run('scripts/build-site.ts', [], { BUILD_LOCK_WAIT_MS: '1000' });
      expect(run.status, output(run)).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`another build:site \\(process ${process.pid}\\) is writing the same output; gave up waiting`));
    } finally {
      writeFileSync(join(repo.root, 'build', '.site.lock'), '2147483646\n');
    }
  });
});
