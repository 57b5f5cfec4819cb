/**
 * Atomic builds: a build that fails leaves the previous output byte for byte
 * as it was.
 *
 * - The package (scripts/build-package.ts compiles into dist.next-<pid> and swaps it
 *   in): on a catalog problem (CATALOG_DIR), and on a compile error.
 * - The site (scripts/build-site.ts builds into build/.site-tmp-<pid> and swaps
 *   it in): on failures after Astro has started writing pages — a page that
 *   throws while rendering, and a build that lacks a required file. (A catalog
 *   problem, which stops the build before any page, is test/site/build-site.test.ts.)
 *
 * Each runs in a copy of the repository (test/hardening/repo-copy.ts) holding a
 * copy of the real dist/ and build/site/, so the real ones are never at risk.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenCatalog } from '../fixtures/catalog.ts';
import { copyRepo, output, type RepoCopy } from './repo-copy.ts';

/** Every file under `dir`: its path, mode and content hash; and the folder's inode. */
function snapshot(dir: string) {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = `${(lstatSync(path).mode & 0o777).toString(8)} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    }
  };
  walk(dir);
  return { inode: statSync(dir).ino, files };
}

describe('npm run build:package', () => {
  let repo: RepoCopy;
  beforeAll(() => {
    repo = copyRepo({ prefix: 'atomic-package-', outputs: ['dist'] });
  });
  afterAll(() => repo?.remove());
  const dist = () => join(repo.root, 'dist');

  it('fails on a catalog problem (CATALOG_DIR) and leaves dist/ and src/generated/ byte-identical', () => {
    const before = snapshot(dist());
    const generated = snapshot(join(repo.root, 'src', 'generated'));
    const run = repo.run('scripts/build-package.ts', [], { CATALOG_DIR: brokenCatalog(join(repo.root, 'broken-data')) });
    expect(run.status, output(run)).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/error-code:9001 related\[0\]: no record http-status:9999 exists/);
    expect(snapshot(dist())).toEqual(before);
    expect(snapshot(join(repo.root, 'src', 'generated'))).toEqual(generated);
    expect(readdirSync(repo.root).filter((n) => /^dist\./.test(n))).toEqual([]);
  });

  it('fails on a compile error and leaves dist/ byte-identical', () => {
    const before = snapshot(dist());
    const broken = join(repo.root, 'src', 'zz-broken.ts');
    writeFileSync(broken, "export const broken: number = 'not a number';\n");
    try {
      const run = repo.run('scripts/build-package.ts');
      expect(run.status, output(run)).not.toBe(0);
      expect(run.stdout + run.stderr).toMatch(/zz-broken\.ts.*TS2322/);
      expect(snapshot(dist())).toEqual(before);
    } finally {
      rmSync(broken);
    }
  });
});

describe('npm run build:site', () => {
  let repo: RepoCopy;
  beforeAll(() => {
    repo = copyRepo({ prefix: 'atomic-site-', outputs: ['build/site'] });
  });
  afterAll(() => repo?.remove());
  const target = () => join(repo.root, 'build', 'site');
  const leftovers = () => readdirSync(join(repo.root, 'build')).filter((n) => n !== 'site');

  it('fails on a page that throws while rendering and leaves build/site byte-identical', () => {
    const before = snapshot(target());
    const page = join(repo.root, 'site', 'pages', '[lang]', 'zz-throws.astro');
    writeFileSync(page, "---\nexport const getStaticPaths = () => [{ params: { lang: 'zh' } }, { params: { lang: 'en' } }];\nthrow new Error('this page fails on purpose');\n---\n");
    try {
      const run = repo.run('scripts/build-site.ts');
      expect(run.status, output(run)).not.toBe(0);
      expect(run.stdout + run.stderr).toMatch(/this page fails on purpose/);
      expect(run.stdout + run.stderr).toMatch(/build\/site was left as it was/);
      expect(snapshot(target())).toEqual(before);
      expect(leftovers()).toEqual([]);
    } finally {
      rmSync(page);
    }
  });

  it('fails when the build lacks a required file and leaves build/site byte-identical', () => {
    const before = snapshot(target());
    const route = join(repo.root, 'site', 'pages', '[lang]', 'search', 'codes.json.ts');
    const saved = readFileSync(route);
    rmSync(route);
    try {
      const run = repo.run('scripts/build-site.ts');
      expect(run.status, output(run)).not.toBe(0);
      expect(run.stdout + run.stderr).toMatch(/missing from the build: .*search\/codes\.json/);
      expect(snapshot(target())).toEqual(before);
      expect(leftovers()).toEqual([]);
    } finally {
      writeFileSync(route, saved);
    }
  });
});
