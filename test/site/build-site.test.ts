/**
 * scripts/build-site.ts is atomic: a build that fails (here, on a catalog
 * problem, which must fail the build) leaves the previous build/site as it
 * was and no temporary folder behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brokenCatalog } from '../fixtures/catalog.ts';
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
