/**
 * npm run release: a maintainer records the release the plan calls for —
 * CHANGELOG.md, package.json's version and data/releases.yaml — and publishes
 * it themselves. Then the repository's own release files: consistent with
 * each other, and the package as `npm publish` would send it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_DATA_DIR, loadCatalog, loadReleases } from '../../scripts/catalog/load.ts';
import { ReleasesFile } from '../../scripts/catalog/schema.ts';
import { changelogMarkdown } from '../../scripts/release/changelog.ts';
import { ROOT } from '../hardening/repo-copy.ts';
import { gitRepo, type GitRepo, output } from './git-repo.ts';

let repo: GitRepo;
beforeAll(() => {
  repo = gitRepo({ tag: 'v0.1.0', prefix: 'release-cmd-' });
});
afterAll(() => repo?.remove());

/** A reworded summary, its translation then marked reviewed (as README's Translations says): a patch release. */
function rewordSummary(to: string) {
  const summary = loadCatalog(join(repo.root, 'data')).catalog.records.find((r) => r.kind === 'error-code' && r.code === 433)!.summary;
  repo.setField('error-code:433', ['summary', 'en'], `${summary.en} ${to}`);
  const reviewed = repo.run('scripts/translations-reviewed.ts', ['error-code:433']);
  if (reviewed.status !== 0) throw new Error(output(reviewed));
}

describe('npm run release -- <version>', () => {
  it('refuses a version the plan does not call for, saying which one it does, and writes nothing', () => {
    rewordSummary('It lasts 5 minutes.');
    repo.git('commit', '-q', '-am', 'reworded');
    for (const version of ['0.2.0', '1.0.0', '0.1.0']) {
      const r = repo.release(version);
      expect(r.status, output(r)).toBe(1);
      expect(r.stderr).toContain(`release: ${version} does not match the plan: the changes since v0.1.0`);
      expect(r.stderr).toContain('are patch, so this release is 0.1.1');
    }
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('exits 2 with one line for a malformed version, a bad date or a missing version', () => {
    for (const args of [['banana'], ['1.2'], ['0.1.1', '--date', '2026-13-01'], [], ['0.1.1', '0.1.2']]) {
      const r = repo.release(...args);
      expect(r.status, `${args.join(' ')}\n${output(r)}`).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('refuses while the catalog has uncommitted changes (the release records the commit it holds)', () => {
    rewordSummary('Really.');
    try {
      const r = repo.release('0.1.1');
      expect(r.status, output(r)).toBe(1);
      expect(r.stderr).toContain('commit these first');
      expect(r.stderr).toContain('data/error-codes.yaml');
    } finally {
      repo.reset();
    }
  });

  it('--dry-run shows the entry and writes nothing', () => {
    const r = repo.release('0.1.1', '--date', '2026-12-24', '--dry-run');
    expect(r.status, output(r)).toBe(0);
    expect(r.stdout).toContain('## 0.1.1 — 2026-12-24');
    expect(r.stdout).toContain('Error code 433: reworded summary.');
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('writes CHANGELOG.md, package.json (and the lock) and data/releases.yaml, and tells what the maintainer does next', () => {
    const head = repo.git('rev-parse', 'HEAD');
    const r = repo.release('0.1.1', '--date', '2026-12-24');
    expect(r.status, output(r)).toBe(0);
    expect(r.stdout).toContain('✓ release 0.1.1 (patch, 1 change)');
    expect(r.stdout).toContain('git tag v0.1.1');
    expect(r.stdout).toContain('npm publish --provenance');
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).not.toMatch(/^\?\?/m);
    expect(repo.git('diff', '--name-only').split('\n').sort()).toEqual(['CHANGELOG.md', 'data/releases.yaml', 'package-lock.json', 'package.json']);

    expect(JSON.parse(repo.read('package.json')).version).toBe('0.1.1');
    const lock = JSON.parse(repo.read('package-lock.json'));
    expect([lock.version, lock.packages[''].version]).toEqual(['0.1.1', '0.1.1']);
    // Only the version line of package.json changed: its formatting is kept.
    expect(repo.git('diff', '--numstat', 'package.json')).toMatch(/^1\t1\tpackage\.json$/);

    const { releases, problems } = loadReleases(join(repo.root, 'data'));
    expect(problems).toEqual([]);
    expect(releases.map((x) => x.version)).toEqual(['0.1.1', '0.1.0']);
    expect(releases[0]).toMatchObject({ date: '2026-12-24', bump: 'patch', commit: head });
    expect(releases[0].changes).toEqual([expect.objectContaining({ type: 'reworded', level: 'patch', ref: 'error-code:433' })]);
    // npm run check validates the file with the rest of the catalog.
    expect(loadCatalog(join(repo.root, 'data')).problems).toEqual([]);

    const changelog = repo.read('CHANGELOG.md');
    expect(changelog).toBe(changelogMarkdown(releases));
    const headings = changelog.match(/^## .*$/gm);
    expect(headings).toEqual(['## 0.1.1 — 2026-12-24', '## 0.1.0 — 2026-11-30']);
    expect(changelog).toContain('- Error code 433: reworded summary.  \n  错误码 433：改写了摘要。');
  });

  it('leaves nothing to plan once the release is committed and tagged', () => {
    repo.git('commit', '-q', '-am', 'Release 0.1.1');
    repo.git('tag', 'v0.1.1');
    const plan = repo.planJson();
    expect(plan).toMatchObject({ bump: 'none', current: '0.1.1', from: { how: 'tag', ref: 'v0.1.1' } });
    const again = repo.release('0.1.2');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('nothing to release');
  });

  it('--changelog rewrites CHANGELOG.md from data/releases.yaml (after a hand edit of a text)', () => {
    repo.edit('data/releases.yaml', 'reworded summary.', 'reworded the summary to give the 5-minute limit.');
    const r = repo.release('--changelog');
    expect(r.status, output(r)).toBe(0);
    expect(repo.read('CHANGELOG.md')).toContain('- Error code 433: reworded the summary to give the 5-minute limit.');
    repo.reset();
  });
});

describe('the release files of this repository', () => {
  const releases = loadReleases(DEFAULT_DATA_DIR);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; files: string[] };

  it('data/releases.yaml passes the schema, newest first, and names package.json\'s version first', () => {
    expect(releases.problems).toEqual([]);
    expect(ReleasesFile.safeParse(parse(readFileSync(join(DEFAULT_DATA_DIR, 'releases.yaml'), 'utf8'))).success).toBe(true);
    expect(releases.releases[0].version).toBe(pkg.version);
    const first = releases.releases.at(-1)!;
    expect(first).toMatchObject({ version: '0.1.0', date: '2026-11-30', bump: 'initial' });
    expect(first.summary?.en).toMatch(/^First release: \d+ records in \d+ kinds/);
  });

  it('CHANGELOG.md starts with the current version and is exactly what data/releases.yaml says', () => {
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toBe(changelogMarkdown(releases.releases));
    expect(changelog.match(/^## (\S+)/m)?.[1]).toBe(pkg.version);
  });

  it('is published with its CHANGELOG (npm publish --dry-run) and passes publint', () => {
    const dry = spawnSync('npm', ['publish', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(dry.status, dry.stderr).toBe(0);
    const report = JSON.parse(dry.stdout) as Record<string, { version: string; files: { path: string }[] }>;
    const packed = Object.values(report)[0];
    expect(packed.version).toBe(pkg.version);
    expect(packed.files.map((f) => f.path)).toEqual(expect.arrayContaining(['CHANGELOG.md', 'README.md', 'LICENSE', 'package.json', 'dist/esm/index.js', 'dist/cjs/index.js']));
    const lint = execFileSync(join(ROOT, 'node_modules/.bin/publint'), ['--strict', '.'], { cwd: ROOT, encoding: 'utf8' });
    expect(lint).toContain('All good!');
  });
});

describe('npm run check on data/releases.yaml', () => {
  const check = (yaml: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'releases-check-'));
    try {
      copyFileSync(join(DEFAULT_DATA_DIR, 'api.yaml'), join(dir, 'api.yaml'));
      writeFileSync(join(dir, 'releases.yaml'), yaml);
      return loadCatalog(dir).problems.filter((p) => p.file.endsWith('releases.yaml')).map((p) => `${p.line}:${p.column} ${p.field}: ${p.message}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('points at each mistake by line and field: an unknown type of change, HTML in a text', () => {
    const problems = check(`releases:
  - version: 0.2.0
    date: 2026-12-01
    bump: patch
    changes:
      - {type: renamed, level: patch, text: {zh: x, en: x}}
      - {type: reworded, level: patch, text: {zh: x, en: <b>x</b>}}
`);
    expect(problems).toEqual([
      expect.stringMatching(/^6:\d+ releases\[0\]\.changes\[0\]\.type: expected one of "record-added"/),
      expect.stringMatching(/^7:\d+ releases\[0\]\.changes\[1\]\.text\.en: expected plain text with `code spans` only/),
    ]);
  });

  it('wants a bump that is the highest level of the changes', () => {
    expect(
      check(`releases:
  - version: 0.2.0
    date: 2026-12-01
    bump: patch
    changes: [{type: record-added, level: minor, ref: error-code:433, text: {zh: 新增, en: Added}}]
`),
    ).toEqual([expect.stringMatching(/^4:\d+ releases\[0\]\.bump: expected the highest level of its changes \(minor\)$/)]);
  });

  it('wants the newest release first, dated on or after the one before it, and only the oldest initial', () => {
    const problems = check(`releases:
  - {version: 0.1.0, date: 2026-11-30, bump: initial}
  - {version: 0.2.0, date: 2026-12-01, bump: patch, changes: [{type: keywords, level: patch, text: {zh: x, en: x}}]}
`);
    expect(problems).toEqual([
      expect.stringMatching(/^2:\d+ releases\[0\]\.version: expected a version above the one after it \(0\.2\.0\): newest first$/),
      expect.stringMatching(/^2:\d+ releases\[0\]\.date: expected a date on or after 2026-12-01/),
      expect.stringMatching(/^2:\d+ releases\[0\]\.bump: expected a semver level: only the oldest release is initial$/),
    ]);
  });
});
