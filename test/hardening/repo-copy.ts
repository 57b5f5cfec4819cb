/**
 * A throw-away copy of the repository for the hardening tests, so that they can
 * build the package and the site from another catalog (or break a build on
 * purpose) without touching the real src/generated/, dist/ or build/site/ that
 * the other tests read, and that other people may be rebuilding meanwhile.
 *
 * The copy holds the files a build reads (scripts, src, site, content, examples, data,
 * the configs) and a node_modules folder whose entries are links to the real
 * ones, but whose caches (.astro, .vite) are its own: Astro keeps its content
 * store in node_modules/.astro, and a shared one would mix two catalogs.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What a build reads. Outputs (dist, build/site) are copied only when asked for. */
const SOURCES = ['package.json', 'tsconfig.json', 'tsconfig.package.json', 'tsconfig.package-cjs.json', 'astro.config.mjs', 'scripts', 'src', 'site', 'content', 'examples', 'data'];
/** Caches that must not be shared with the real tree. */
const OWN = new Set(['.astro', '.vite', '.cache']);

export type RepoCopy = {
  root: string;
  /** Run `node <script> …args` in the copy with the project's Node (the one running the tests). */
  run(script: string, args?: string[], env?: Record<string, string | undefined>): SpawnSyncReturns<string>;
  remove(): void;
};

export function copyRepo({ prefix = 'agora-rec-codes-copy-', outputs = [] }: { prefix?: string; outputs?: ('dist' | 'build/site')[] } = {}): RepoCopy {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of [...SOURCES, ...outputs]) {
    const from = join(ROOT, entry);
    if (!existsSync(from)) throw new Error(`cannot copy the repository: ${from} is missing (run \`npm run build\` first)`);
    cpSync(from, join(root, entry), { recursive: true, preserveTimestamps: true });
  }
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (!OWN.has(name)) symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
  }
  return {
    root,
    run(script, args = [], env = {}) {
      return spawnSync(process.execPath, [script, ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
        timeout: 480_000,
        maxBuffer: 64 * 1024 * 1024,
      });
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A command's output, for assertion messages. */
export const output = (r: SpawnSyncReturns<string>): string => `exit ${r.status ?? r.signal}\n${r.stdout}\n${r.stderr}`;
