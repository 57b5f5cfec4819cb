/**
 * A throwaway copy of the project to build a catalog in, so that a benchmark
 * build never touches the real build/site, dist/, src/generated/ or the Astro
 * cache that others use. It holds copies of the sources (site/, content/, examples/,
 * scripts/, src/, the configs) and the catalog as its data/; node_modules/ is
 * a folder of links to the real packages, but with its own .astro/ and .vite/
 * caches. In it, the project's own commands run unchanged.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const COPIED = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'tsconfig.package.json', 'tsconfig.package-cjs.json', 'content', 'examples', 'scripts', 'site', 'src'];
const CACHES = ['node_modules/.astro', 'node_modules/.vite', '.astro', 'build', 'dist', 'dist.next', 'src/generated'];

/** A fresh copy of the project in `dir`, with `dataDir` as its catalog. */
export function createWorkspace(dir: string, dataDir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  for (const name of COPIED) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  rmSync(join(dir, 'src/generated'), { recursive: true, force: true });
  cpSync(dataDir, join(dir, 'data'), { recursive: true });
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name !== '.astro' && name !== '.vite') symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

export type BuildTimes = { check: number; package: number; site: number; total: number; siteLog: string };

/**
 * `npm run build` in the workspace, from a clean state (no build output, no
 * Astro or Vite cache): check → package → site, each step timed (seconds).
 */
export function buildWorkspace(dir: string): BuildTimes {
  for (const name of CACHES) rmSync(join(dir, name), { recursive: true, force: true });
  const step = (script: string, ...args: string[]): { seconds: number; log: string } => {
    const started = performance.now();
    const run = spawnSync(process.execPath, [script, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CATALOG_DIR: join(dir, 'data') },
      maxBuffer: 1 << 28,
    });
    const log = run.stdout + run.stderr;
    if (run.status !== 0) throw new Error(`${script} failed in ${dir}:\n${log.slice(-4000)}`);
    return { seconds: (performance.now() - started) / 1000, log };
  };
  const check = step('scripts/check.ts').seconds;
  const pkg = step('scripts/build-package.ts').seconds;
  // --verbose: Astro's own log says where the site step's time went (scripts/bench/site.ts).
  const site = step('scripts/build-site.ts', '--verbose');
  return { check, package: pkg, site: site.seconds, total: check + pkg + site.seconds, siteLog: site.log };
}
