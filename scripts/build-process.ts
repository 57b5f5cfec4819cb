/**
 * What a build step (scripts/build-package.ts, scripts/build-site.ts) owns
 * while it runs, and gives back however it ends:
 *
 * - a lock on its output (build/.package.lock, build/.site.lock): a second
 *   build of the same output waits for the first — saying so — and then runs,
 *   so that `npm run build` twice at once builds twice and both finish
 *   (BUILD_LOCK_WAIT_MS bounds the wait, 15 minutes by default; past it, the
 *   second says why it gave up). A lock whose process is gone is taken over.
 * - its child processes (tsc, astro): on SIGINT, SIGTERM or SIGHUP they are
 *   stopped and waited for before anything else, so none is left writing;
 * - its temporary folders, removed on failure and on interruption.
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LOCK_DIR = join(ROOT, 'build');
const DEFAULT_WAIT_MS = 15 * 60 * 1000;

/** Is a process of this id running (ours or another user's)? */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type BuildProcess = {
  /** Run a command to its end; it is stopped if this build is interrupted. Resolves with its exit status (or signal). */
  run(command: string, args: string[], options?: SpawnOptions): Promise<{ status: number | null; signal: NodeJS.Signals | null }>;
  /** A folder (or file) of this build only, removed when the build fails or is interrupted. */
  temporary(path: string): string;
  /** Something else to undo when the build fails or is interrupted (e.g. close Pagefind's service). */
  onAbort(undo: () => void | Promise<void>): void;
  /** Print why, undo, release the lock, exit 1. */
  fail(message: string): never;
  /** The build is done: keep what it made, release the lock. */
  finish(): void;
};

/**
 * Start a build step named `name` ("build:site"), holding the lock `lock`
 * ("site") for its whole run. Waits while another process holds it.
 */
export async function startBuild(name: string, lock: string): Promise<BuildProcess> {
  const lockFile = join(LOCK_DIR, `.${lock}.lock`);
  const children = new Set<ChildProcess>();
  const temporaries: string[] = [];
  const undos: (() => void | Promise<void>)[] = [];
  let locked = false;
  let ending = false;

  const release = () => {
    if (!locked) return;
    locked = false;
    try {
      if (Number(readFileSync(lockFile, 'utf8').trim()) === process.pid) rmSync(lockFile, { force: true });
    } catch {
      // already gone
    }
  };
  const removeTemporaries = () => {
    for (const path of temporaries) rmSync(path, { recursive: true, force: true });
  };
  // Whatever happens, a lock this process holds does not outlive it.
  process.once('exit', release);

  const stopChildren = async () => {
    const running = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
    for (const child of running) child.kill('SIGTERM');
    const exited = Promise.all(running.map((child) => new Promise((done) => child.once('exit', done))));
    const slow = setTimeout(() => {
      for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }, 5000);
    await exited;
    clearTimeout(slow);
  };

  const abort = async () => {
    await stopChildren();
    for (const undo of undos.reverse()) {
      try {
        await undo();
      } catch {
        // undoing as much as possible
      }
    }
    removeTemporaries();
    release();
  };

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (ending) return;
      ending = true;
      console.error(`\n✗ ${name} interrupted (${signal}): stopping its processes and removing what it had written.`);
      void abort().finally(() => process.exit(128 + constants.signals[signal]));
    });
  }

  // The lock: a file created only if absent, holding our pid.
  mkdirSync(LOCK_DIR, { recursive: true });
  const waitMs = Number(process.env.BUILD_LOCK_WAIT_MS ?? DEFAULT_WAIT_MS);
  const started = Date.now();
  let told = false;
  while (!locked) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      locked = true;
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holderOf = () => {
      try {
        const text = readFileSync(lockFile, 'utf8');
        return { text, pid: Number(text.trim()), age: Date.now() - statSync(lockFile).mtimeMs };
      } catch {
        return undefined; // released meanwhile
      }
    };
    const seen = holderOf();
    if (!seen) continue;
    const holder = seen.pid;
    if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) {
      // An empty file is a build that is just taking the lock: give it a moment to write its pid.
      if (seen.text === '' && seen.age < 1000) {
        await new Promise((done) => setTimeout(done, 50));
        continue;
      }
      // Left by a build that is gone: take it over, if it is still that file.
      if (holderOf()?.text === seen.text) rmSync(lockFile, { force: true });
      continue;
    }
    if (Date.now() - started >= waitMs) {
      console.error(
        `✗ ${name}: another ${name} (process ${holder}) is writing the same output; gave up waiting after ${Math.round((Date.now() - started) / 1000)} s.\n` +
          `  Wait for it to finish (or stop it), then run the build again. (${lockFile})`,
      );
      process.exit(1);
    }
    if (!told) {
      console.error(`${name}: another ${name} (process ${holder}) is running; waiting for it to finish…`);
      told = true;
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  if (told) console.error(`${name}: the other build finished; building now.`);

  return {
    run(command, args, options = {}) {
      return new Promise((done, failed) => {
        const child = spawn(command, args, { stdio: 'inherit', ...options });
        children.add(child);
        child.once('error', (error) => {
          children.delete(child);
          failed(error);
        });
        child.once('exit', (status, signal) => {
          children.delete(child);
          // An interrupted build does not go on with its next step.
          if (!ending) done({ status, signal });
        });
      });
    },
    temporary(path) {
      temporaries.push(path);
      return path;
    },
    onAbort(undo) {
      undos.push(undo);
    },
    fail(message): never {
      ending = true;
      for (const child of children) child.kill('SIGTERM');
      removeTemporaries();
      release();
      console.error(`\n✗ ${name} failed: ${message}`);
      process.exit(1);
    },
    finish() {
      ending = true;
      release();
    },
  };
}
