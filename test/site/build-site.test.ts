/**
 * scripts/build-site.ts is atomic: a build that fails (here, on a catalog
 * problem, which must fail the build) leaves the previous build/site as it
 * was and no temporary folder behind. And a first build is quiet.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brokenCatalog } from '../fixtures/catalog.ts';
import { copyRepo } from '../hardening/repo-copy.ts';
import { SITE_ROOT } from './helpers.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

function snapshot() {
  const index = join(SITE_ROOT, 'index.html');
  return {
    dir: statSync(SITE_ROOT).ino,
    index: readFileSync(index, 'utf8'),
    mtime: statSync(index).mtimeMs,
    listing: readdirSync(SITE_ROOT).sort(),
  };
}

describe('npm run build:site', () => {
  it('fails on a catalog problem and leaves the previous build/site untouched', () => {
    expect(existsSync(join(SITE_ROOT, 'index.html')), 'build/site must exist: run `npm run build:site` first').toBe(true);
    const before = snapshot();

    const data = brokenCatalog();
    const run = spawnSync(process.execPath, ['scripts/build-site.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CATALOG_DIR: data },
      timeout: 300_000,
    });
    const output = run.stdout + run.stderr;
    expect(run.status, output).not.toBe(0);
    expect(output).toMatch(/no record http-status:9999 exists/);
    expect(output).toMatch(/build\/site was left as it was/);

    expect(snapshot()).toEqual(before);
    // Its temporary folder is gone.
    expect(readdirSync(join(SITE_ROOT, '..'))).not.toContain(`.site-tmp-${run.pid}`);
  });
});

describe('a first build', () => {
  it('`npm run build` on a clean checkout fits on one screen: no warning, no list of routes, no colour codes in a pipe', () => {
    const copy = copyRepo({ prefix: 'agora-rec-codes-quiet-' });
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
      delete env.NO_COLOR;
      delete env.FORCE_COLOR;
      const run = spawnSync('npm', ['run', 'build'], { cwd: copy.root, encoding: 'utf8', env, timeout: 480_000, maxBuffer: 1 << 26 });
      const out = run.stdout + run.stderr;
      expect(run.status, out).toBe(0);
      const lines = out.split('\n').filter((l) => l.trim());
      expect(lines.length, out).toBeLessThanOrEqual(40);
      expect(out).not.toMatch(/\bWARN|warning|MODULE_LEVEL_DIRECTIVE/i);
      expect(out).not.toMatch(/generating static routes|├─/);
      // eslint-disable-next-line no-control-regex
      expect(out).not.toMatch(/\x1b\[/);
      expect(out).toMatch(/✓ build\/site built in [\d.]+ s/);
    } finally {
      copy.remove();
    }
  });
});
