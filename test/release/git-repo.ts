/**
 * A throw-away git repository holding a copy of the project (see
 * test/hardening/repo-copy.ts), committed and tagged as a release, for the
 * release tests: change files the way a maintainer would, then ask for a plan.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { copyRepo, ROOT, type RepoCopy } from '../hardening/repo-copy.ts';

export type GitRepo = RepoCopy & {
  git(...args: string[]): string;
  /** Run `npm run release:plan -- …args` (as node scripts/release-plan.ts). */
  plan(...args: string[]): SpawnSyncReturns<string>;
  /** The plan as JSON (`--json`); fails the test on a non-zero exit. */
  planJson(...args: string[]): PlanJson;
  release(...args: string[]): SpawnSyncReturns<string>;
  read(path: string): string;
  write(path: string, text: string): void;
  /** Replace `from` by `to` in a file; fails when `from` is not there exactly `count` times (1 by default). */
  edit(path: string, from: string | RegExp, to: string, count?: number): void;
  /** Set a record's field (kind:id, path inside the record) the way an editor would; `undefined` deletes it. */
  setField(ref: string, path: (string | number)[], value: unknown): void;
  removeRecord(ref: string): void;
  /** Back to the last commit: every change and every new file undone. */
  reset(): void;
};

export type PlanChange = { type: string; level: string; group: string; ref?: string; text: { zh: string; en: string } };
export type PlanJson = {
  from: { how: string; ref?: string; commit?: string; label: string };
  current: string;
  bump: 'none' | 'initial' | 'major' | 'minor' | 'patch';
  next: string | null;
  changes: PlanChange[];
  notes: string[];
  problems: string[];
  draft: { release: { version: string; changes: PlanChange[] }; markdown: string } | null;
};

export const output = (r: SpawnSyncReturns<string>): string => `exit ${r.status ?? r.signal}\n${r.stdout}\n${r.stderr}`;

/** A copy of the project in a new git repository: one commit, tagged `tag` (none when undefined). */
export function gitRepo(options: { tag?: string; prefix?: string } = {}): GitRepo {
  const repo = copyRepo({ prefix: options.prefix ?? 'release-repo-' });
  // What a release writes, besides the files a build reads.
  for (const file of ['CHANGELOG.md', 'package-lock.json']) copyFileSync(join(ROOT, file), join(repo.root, file));
  writeFileSync(join(repo.root, '.gitignore'), 'node_modules/\ndist/\nbuild/\nsrc/generated/\n.astro/\n');
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, {
      cwd: repo.root,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: repo.root },
    });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'the project as released');
  if (options.tag) git('tag', options.tag);
  const read = (path: string) => readFileSync(join(repo.root, path), 'utf8');
  const write = (path: string, text: string) => writeFileSync(join(repo.root, path), text);
  /** The data file holding a record, parsed (comments and layout kept), and the record's index there. */
  const locate = (ref: string) => {
    for (const file of git('ls-files', 'data/*.yaml').split('\n')) {
      const doc = parseDocument(read(file));
      const list = doc.get('records');
      if (!isSeq(list)) continue;
      const index = list.items.findIndex((item) => isMap(item) && `${item.get('kind')}:${item.get('code')}` === ref);
      if (index >= 0) return { file, doc, index };
    }
    throw new Error(`no record ${ref} in the copy`);
  };
  return {
    ...repo,
    git,
    plan: (...args) => repo.run('scripts/release-plan.ts', args),
    planJson: (...args) => {
      const r = repo.run('scripts/release-plan.ts', ['--json', ...args]);
      if (r.status !== 0) throw new Error(`release:plan failed\n${output(r)}`);
      return JSON.parse(r.stdout) as PlanJson;
    },
    release: (...args) => repo.run('scripts/release.ts', args),
    read,
    write,
    edit(path, from, to, count = 1) {
      const text = read(path);
      const found = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, from.flags.includes('g') ? from.flags : `${from.flags}g`)) ?? []).length;
      if (found !== count) throw new Error(`${path}: expected ${count} occurrence(s) of ${String(from)}, found ${found}`);
      write(path, typeof from === 'string' ? text.split(from).join(to) : text.replace(new RegExp(from.source, from.flags.includes('g') ? from.flags : `${from.flags}g`), to));
    },
    setField(ref, path, value) {
      const { file, doc, index } = locate(ref);
      if (value === undefined) doc.deleteIn(['records', index, ...path]);
      else doc.setIn(['records', index, ...path], doc.createNode(value));
      write(file, doc.toString({ lineWidth: 0 }));
    },
    removeRecord(ref) {
      const { file, doc, index } = locate(ref);
      doc.deleteIn(['records', index]);
      write(file, doc.toString({ lineWidth: 0 }));
    },
    reset() {
      git('checkout', '-q', '--', '.');
      git('clean', '-q', '-fd');
    },
  };
}
