/**
 * The release plan: which state was released last, what changed since (see
 * diff.ts), the semver bump that requires and the version it leads to, and
 * the release entry it drafts. Shared by `npm run release:plan` and
 * `npm run release`.
 *
 * The last release is, in this order: `--since <git-ref>`; the tag
 * v<version> of package.json's version; the commit data/releases.yaml records
 * for the last release; the newest v<x.y.z> tag HEAD descends from. A project
 * with none of these and no release recorded is at its first release.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReleases } from '../catalog/load.ts';
import { compareVersions, KIND_NAMES, KINDS, type LocalizedText, type Release, type SemverLevel } from '../catalog/schema.ts';
import { compareSnapshots, kindName, type PlannedChange, sortChanges } from './diff.ts';
import { commitOf, latestVersionTag, pathsAt, repositoryRoot, UsageError, writeTreeAt } from './git.ts';
import { emptySnapshot, type Snapshot, snapshotOf } from './snapshot.ts';

const CODE_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** What a state of the project is made of, for a release: the catalog, the code that reads it, the package. */
const TREE_PATHS = ['data', 'scripts', 'src', 'package.json'];

export type Baseline =
  | { how: 'since' | 'tag' | 'recorded' | 'latest-tag'; ref: string; commit: string }
  | { how: 'none' };

export type Plan = {
  root: string;
  baseline: Baseline;
  /** The version the working tree is at (package.json), which the release raises. */
  current: string;
  level: SemverLevel | 'initial' | 'none';
  /** The version the release must have (undefined when there is nothing to release). */
  next?: string;
  changes: PlannedChange[];
  notes: string[];
  /** Problems of the working tree's catalog: a release needs none. */
  problems: string[];
  releases: Release[];
  /** The working tree, as snapshotted (for a first release's summary). */
  snapshot: Snapshot;
};

/** The version after `current` for a change of `level` (semver: 0.1.0 + major → 1.0.0). */
export function nextVersion(current: string, level: SemverLevel): string {
  const [major, minor, patch] = current.split('.').map(Number);
  if (level === 'major') return `${major + 1}.0.0`;
  if (level === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

function readVersion(root: string): string | undefined {
  try {
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' && /^\d+\.\d+\.\d+$/.test(version) ? version : undefined;
  } catch {
    return undefined;
  }
}

export function findBaseline(root: string, since: string | undefined, version: string | undefined, releases: readonly Release[]): Baseline {
  if (since !== undefined) {
    const commit = commitOf(root, since);
    if (!commit) throw new UsageError(`--since ${since}: no commit, tag or branch of that name in this repository`);
    return { how: 'since', ref: since, commit };
  }
  if (version) {
    const commit = commitOf(root, `refs/tags/v${version}`);
    if (commit) return { how: 'tag', ref: `v${version}`, commit };
  }
  const last = releases[0];
  if (last?.commit) {
    const commit = commitOf(root, last.commit);
    if (commit) return { how: 'recorded', ref: last.version, commit };
  }
  const tag = latestVersionTag(root);
  if (tag) {
    const commit = commitOf(root, `refs/tags/${tag}`);
    if (commit) return { how: 'latest-tag', ref: tag, commit };
  }
  if (!releases.length) return { how: 'none' };
  throw new UsageError(
    `no earlier release to compare with: no tag v${version ?? last.version}` +
      (last.commit ? `, and the commit data/releases.yaml records for ${last.version} (${last.commit.slice(0, 12)}) is not in this repository` : '') +
      '; pass --since <git-ref>',
  );
}

export function baselineLabel(b: Baseline): string {
  switch (b.how) {
    case 'none':
      return 'no earlier release';
    case 'since':
      return `${b.ref} (${b.commit.slice(0, 7)}, from --since)`;
    case 'tag':
      return `${b.ref} (${b.commit.slice(0, 7)})`;
    case 'recorded':
      return `${b.ref} (commit ${b.commit.slice(0, 7)}, recorded in data/releases.yaml; no tag v${b.ref})`;
    case 'latest-tag':
      return `${b.ref} (${b.commit.slice(0, 7)}, the newest version tag)`;
  }
}

function nodeModules(): string | undefined {
  for (let dir = CODE_ROOT; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', 'zod'))) return join(dir, 'node_modules');
    if (dirname(dir) === dir) return undefined;
  }
}

/** Snapshot a past commit: its files written to a temporary folder, read with its own code. */
async function snapshotAt(root: string, commit: string, label: string): Promise<Snapshot> {
  const dir = mkdtempSync(join(tmpdir(), 'release-plan-'));
  try {
    const present = pathsAt(root, commit, TREE_PATHS);
    writeTreeAt(root, commit, present, dir);
    const modules = nodeModules();
    if (modules) symlinkSync(modules, join(dir, 'node_modules'), 'dir');
    return await snapshotOf(dir, label, false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Snapshot a working tree that is not this code's and has no node_modules of
 * its own (a bare copy of data/ and scripts/): its files copied beside this
 * code's node_modules, so that its own loader and schema can run.
 */
async function snapshotCopy(root: string, label: string): Promise<Snapshot> {
  const dir = mkdtempSync(join(tmpdir(), 'release-tree-'));
  try {
    for (const path of TREE_PATHS) if (existsSync(join(root, path))) cpSync(join(root, path), join(dir, path), { recursive: true });
    const modules = nodeModules();
    if (modules) symlinkSync(modules, join(dir, 'node_modules'), 'dir');
    const snapshot = await snapshotOf(dir, label, false);
    return { ...snapshot, problems: snapshot.problems.map((p) => p.split(`${dir}/`).join('')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sameFolder = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};

/** Plan a release of the working tree of the repository that holds `cwd`. */
export async function makePlan(cwd: string, options: { since?: string } = {}): Promise<Plan> {
  const root = repositoryRoot(cwd);
  if (!root) throw new UsageError(`${cwd} is not inside a git repository: the plan compares with a release in git`);
  const { releases, problems: releaseProblems } = loadReleases(join(root, 'data'));
  const current = readVersion(root) ?? releases[0]?.version ?? '0.0.0';
  const baseline = findBaseline(root, options.since, readVersion(root), releases);

  const ownCode = sameFolder(root, CODE_ROOT);
  const working =
    ownCode || existsSync(join(root, 'node_modules')) ? await snapshotOf(root, 'the working tree', ownCode) : await snapshotCopy(root, 'the working tree');
  const notes: string[] = [];
  if (releases[0] && releases[0].version !== current) {
    notes.push(`package.json says ${current}, but the last release in data/releases.yaml is ${releases[0].version}`);
  }
  const problems = [...working.problems, ...releaseProblems.map((p) => `${p.file}:${p.line}:${p.column} ${p.field ?? ''}: ${p.message}`)];

  if (baseline.how === 'none') {
    // Everything is new: the changes are the records, one each (exports and fields have nothing to compare with).
    const { changes } = compareSnapshots({ ...emptySnapshot('nothing'), surface: { values: new Map() } }, { ...working, shape: undefined, surface: { values: new Map() } });
    return { root, baseline, current, level: 'initial', next: current, changes, notes: [...notes, ...working.notes], problems, releases, snapshot: working };
  }
  const released = await snapshotAt(root, baseline.commit, baseline.how === 'recorded' ? `release ${baseline.ref}` : baseline.ref);
  const comparison = compareSnapshots(released, working);
  const level = comparison.level;
  const next = level === 'none' ? undefined : nextVersion(current, level);
  // Deprecated aliases whose announced removal this release reaches.
  for (const r of working.records) {
    for (const former of Array.isArray(r.formerConstants) ? (r.formerConstants as { name?: unknown; removedIn?: unknown }[]) : []) {
      if (next && typeof former?.removedIn === 'string' && /^\d+\.\d+\.\d+$/.test(former.removedIn) && compareVersions(former.removedIn, next) <= 0) {
        notes.push(`${r.kind}:${r.code}: the deprecated alias ${String(former.name)} was announced as removed in ${former.removedIn}, and this release is ${next}: remove it (a major change) or move removedIn later`);
      }
    }
  }
  return {
    root,
    baseline,
    current,
    level,
    next,
    changes: comparison.changes,
    notes: [...notes, ...comparison.notes],
    problems,
    releases,
    snapshot: working,
  };
}

/** What a first release holds, in a sentence per language, from the working tree. */
function firstReleaseSummary(s: Snapshot): LocalizedText {
  const kinds = KIND_NAMES.map((k) => ({ k, n: s.records.filter((r) => r.kind === k).length })).filter((x) => x.n);
  const groups = new Set(Object.values(KINDS).map((k) => k.constantGroup as string));
  const root = s.surface.entries?.get('.');
  const functions = root ? [...root].filter(([name, kind]) => kind === 'value' && !groups.has(name) && !s.surface.values.has(name)).map(([n]) => `\`${n}\``) : [];
  const n = s.records.length;
  const en =
    `First release: ${n} records in ${kinds.length} kinds (${kinds.map((x) => `${kindName(x.k, 'en')}: ${x.n}`).join(', ')}); ` +
    `the npm package \`@org/agora-rec-codes\` with a typed constant per record${functions.length ? ` and ${functions.join(', ')}` : ''}, and a CLI; ` +
    'the site in Chinese and English with its search, and the JSON API.';
  const zh =
    `首个版本：${kinds.length} 类共 ${n} 条记录（${kinds.map((x) => `${kindName(x.k, 'zh')} ${x.n} 条`).join('，')}）；` +
    `npm 包 \`@org/agora-rec-codes\`：每条记录一个带类型的常量${functions.length ? `，以及 ${functions.join('、')}` : ''}，附命令行工具；` +
    '中英双语网站及其搜索，以及 JSON API。';
  return { zh, en };
}

/** The release entry the plan drafts, dated `date`, recording `commit` as the state it holds. */
export function draftRelease(plan: Plan, date: string, commit?: string): Release | undefined {
  if (plan.level === 'none' || !plan.next) return undefined;
  return {
    version: plan.next,
    date,
    ...(commit ? { commit } : {}),
    bump: plan.level,
    ...(plan.level === 'initial' ? { summary: firstReleaseSummary(plan.snapshot) } : {}),
    changes: sortChanges(plan.changes),
  };
}

export const today = (): string => new Date().toISOString().slice(0, 10);

/** The plan as the terminal shows it (the draft entry is printed after it). */
export function planText(plan: Plan): string {
  const lines: string[] = [];
  lines.push(`Release plan: ${baselineLabel(plan.baseline)} → the working tree`, '');
  if (plan.level === 'none') {
    lines.push(`Semver bump: none. Nothing a release would carry changed since ${plan.baseline.how === 'none' ? 'the start' : plan.baseline.ref}; the version stays ${plan.current}.`);
  } else if (plan.level === 'initial') {
    lines.push(`Semver bump: initial. No release yet: this is the first, ${plan.next}, and holds every record (${plan.changes.length}).`);
  } else {
    const counts = (['major', 'minor', 'patch'] as const).map((l) => [l, plan.changes.filter((c) => c.level === l).length] as const).filter(([, n]) => n);
    lines.push(`Semver bump: ${plan.level}: ${plan.current} → ${plan.next}`);
    lines.push(`(${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'}: ${counts.map(([l, n]) => `${n} ${l}`).join(', ')}; the highest decides)`, '', 'Why:');
    for (const c of plan.changes) lines.push(`  ${c.level.padEnd(5)}  ${c.text.en}`);
  }
  if (plan.notes.length) lines.push('', 'Notes:', ...plan.notes.map((n) => `  - ${n}`));
  if (plan.problems.length) {
    const more = plan.problems.length > 10 ? [`  … and ${plan.problems.length - 10} more (npm run check lists them all)`] : [];
    lines.push('', `Before the release: the catalog has ${plan.problems.length} problem(s) that \`npm run check\` reports and \`npm run release\` refuses:`, ...plan.problems.slice(0, 10).map((p) => `  ${p}`), ...more);
  }
  return lines.join('\n') + '\n';
}

export { compareVersions, UsageError };
