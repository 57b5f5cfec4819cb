/**
 * The little of git that a release needs: where the repository is, which commit
 * a ref or tag names, a past tree's files (written to a folder, never checked
 * out), and whether files have uncommitted changes. Nothing here writes to the
 * repository.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A mistake in how a command was called (exit status 2), with a one-line message. */
export class UsageError extends Error {}

function run(cwd: string, args: string[], input?: string): { ok: boolean; stdout: string; stderr: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`cannot run git: ${r.error.message}`);
  return { ok: r.status === 0, stdout: r.stdout, stderr: r.stderr.trim() };
}

/** The top folder of the git repository holding `cwd`, or undefined outside one. */
export function repositoryRoot(cwd: string): string | undefined {
  const r = run(cwd, ['rev-parse', '--show-toplevel']);
  return r.ok ? r.stdout.trim() : undefined;
}

/** The full hash of the commit a ref names (tag, branch, hash, HEAD~2 …), or undefined. */
export function commitOf(root: string, ref: string): string | undefined {
  if (ref.startsWith('-')) return undefined;
  const r = run(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  return r.ok ? r.stdout.trim() : undefined;
}

/** The newest tag v<major.minor.patch> that HEAD descends from, or undefined. */
export function latestVersionTag(root: string): string | undefined {
  const r = run(root, ['describe', '--tags', '--abbrev=0', '--match', 'v[0-9]*.[0-9]*.[0-9]*', 'HEAD']);
  return r.ok ? r.stdout.trim() : undefined;
}

/** The day of a commit (YYYY-MM-DD, committer date in UTC). */
export function commitDate(root: string, commit: string): string | undefined {
  const r = run(root, ['show', '-s', '--format=%cd', '--date=format-local:%Y-%m-%d', commit]);
  return r.ok ? r.stdout.trim() : undefined;
}

/** Which of `paths` (files or folders) the commit holds. */
export function pathsAt(root: string, commit: string, paths: readonly string[]): string[] {
  const r = run(root, ['ls-tree', '--name-only', commit, '--', ...paths]);
  return r.ok ? r.stdout.split('\n').filter(Boolean) : [];
}

/**
 * Write the files under `paths` as they are in `commit` into `dest` (same
 * layout), reading them in one `git cat-file --batch`. Returns the files written.
 */
export function writeTreeAt(root: string, commit: string, paths: readonly string[], dest: string): string[] {
  const listing = run(root, ['ls-tree', '-r', '-z', commit, '--', ...paths]);
  if (!listing.ok) throw new Error(`git ls-tree ${commit}: ${listing.stderr}`);
  const blobs = listing.stdout
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t');
      const [mode, type, hash] = meta.split(' ');
      return { mode, type, hash, path };
    })
    .filter((e) => e.type === 'blob' && e.mode !== '120000');
  if (!blobs.length) return [];
  const batch = spawnSync('git', ['cat-file', '--batch'], {
    cwd: root,
    input: blobs.map((b) => b.hash).join('\n') + '\n',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (batch.status !== 0) throw new Error(`git cat-file: ${batch.stderr.toString().trim()}`);
  const out = batch.stdout;
  let at = 0;
  for (const blob of blobs) {
    const headerEnd = out.indexOf(0x0a, at);
    const header = out.subarray(at, headerEnd).toString('utf8').split(' ');
    const size = Number(header[2]);
    const content = out.subarray(headerEnd + 1, headerEnd + 1 + size);
    at = headerEnd + 1 + size + 1;
    const file = join(dest, blob.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return blobs.map((b) => b.path);
}

/** The files under `paths` that differ from HEAD (changed, added, deleted or untracked). */
export function uncommitted(root: string, paths: readonly string[]): string[] {
  const r = run(root, ['status', '--porcelain', '--untracked-files=all', '--', ...paths]);
  if (!r.ok) throw new Error(`git status: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
}

/** The commit HEAD names, or undefined in a repository without commits. */
export const headCommit = (root: string): string | undefined => commitOf(root, 'HEAD');
