/**
 * npm run release — record a release: the version the plan calls for, in
 * CHANGELOG.md, package.json (and package-lock.json) and data/releases.yaml.
 * Publishing stays with the maintainer (`npm publish --provenance`).
 *
 *   npm run release -- <version> [--since <git-ref>] [--date YYYY-MM-DD] [--dry-run]
 *   npm run release -- --changelog      rewrite CHANGELOG.md from data/releases.yaml
 *
 * The version must be the one `npm run release:plan` prints; the catalog must
 * pass `npm run check`; data/, src/, scripts/ and package.json must be
 * committed (the release records the commit it holds, so that a later plan can
 * compare with it even where the tag is missing).
 *
 * Exit status: 0 written; 1 refused (another version, nothing to release,
 * uncommitted changes, catalog problems); 2 bad usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadReleases, RELEASES_FILE } from './catalog/load.ts';
import { type Release, ReleasesFile } from './catalog/schema.ts';
import { changelogMarkdown, releaseMarkdown } from './release/changelog.ts';
import { headCommit, repositoryRoot, uncommitted } from './release/git.ts';
import { baselineLabel, draftRelease, makePlan, planText, today, UsageError } from './release/plan.ts';

const USAGE = 'usage: npm run release -- <version> [--since <git-ref>] [--date YYYY-MM-DD] [--dry-run]  |  npm run release -- --changelog';

/** What data/releases.yaml says of itself. */
const RELEASES_HEADER = `# yaml-language-server: $schema=./releases.schema.json
# Every release of @org/agora-rec-codes, newest first. Written by \`npm run release\`
# (see README.md, Releases); the site's changes page, its Atom feeds, each record's
# "added / last changed", /api/v1/changes.json and CHANGELOG.md are built from it,
# so that no build needs the git history. Texts may be edited by hand; then run
# \`npm run release -- --changelog\` to rewrite CHANGELOG.md.
`;

/** data/releases.yaml's text for `releases` (newest first). Same releases → same bytes. */
export function releasesYaml(releases: readonly Release[]): string {
  return RELEASES_HEADER + stringify({ releases }, { lineWidth: 0 });
}

type Args = { version?: string; since?: string; date?: string; dryRun: boolean; changelog: boolean };

function parseArgs(argv: string[]): Args {
  const args: Args = { dryRun: false, changelog: false };
  const value = (i: number, name: string) => {
    const v = argv[i];
    if (!v || v.startsWith('--')) throw new UsageError(`${name} needs a value (${USAGE})`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--changelog') args.changelog = true;
    else if (arg === '--since') args.since = value(++i, '--since');
    else if (arg.startsWith('--since=')) args.since = arg.slice(8);
    else if (arg === '--date') args.date = value(++i, '--date');
    else if (arg.startsWith('--date=')) args.date = arg.slice(7);
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (!arg.startsWith('-') && args.version === undefined) args.version = arg.replace(/^v(?=\d)/, '');
    else throw new UsageError(`unexpected argument ${JSON.stringify(arg)} (${USAGE})`);
  }
  if (args.changelog) {
    if (args.version || args.since || args.date || args.dryRun) throw new UsageError(`--changelog takes no other argument (${USAGE})`);
    return args;
  }
  if (!args.version) throw new UsageError(`which version? ${USAGE}`);
  if (!/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(args.version)) throw new UsageError(`${JSON.stringify(args.version)} is not a version major.minor.patch (e.g. 1.2.0)`);
  if (args.date !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(args.date) && !Number.isNaN(Date.parse(`${args.date}T00:00:00Z`)) && new Date(`${args.date}T00:00:00Z`).toISOString().startsWith(args.date))) {
    throw new UsageError(`--date ${args.date}: expected a day YYYY-MM-DD`);
  }
  return args;
}

function refuse(message: string): never {
  console.error(`release: ${message}`);
  process.exit(1);
}

/** Set the version in package.json (keeping its formatting) and in package-lock.json. */
function setVersion(root: string, version: string): string[] {
  const written: string[] = [];
  const pkgPath = join(root, 'package.json');
  const pkg = readFileSync(pkgPath, 'utf8');
  const updated = pkg.replace(/^(\s*"version"\s*:\s*)"[^"]*"/m, `$1"${version}"`);
  if (updated === pkg && !pkg.includes(`"version": "${version}"`)) refuse('package.json has no "version" field to set');
  writeFileSync(pkgPath, updated);
  written.push('package.json');
  const lockPath = join(root, 'package-lock.json');
  let lock: { version?: string; packages?: Record<string, { version?: string }> } | undefined;
  try {
    lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  } catch {
    lock = undefined;
  }
  if (lock) {
    lock.version = version;
    if (lock.packages?.['']) lock.packages[''].version = version;
    writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
    written.push('package-lock.json');
  }
  return written;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const root = repositoryRoot(process.cwd());
  if (!root) throw new UsageError(`${process.cwd()} is not inside a git repository`);
  const dataDir = join(root, 'data');

  if (args.changelog) {
    const { releases, problems } = loadReleases(dataDir);
    if (problems.length) refuse(`data/${RELEASES_FILE} has problems (npm run check):\n${problems.map((p) => `  ${p.file}:${p.line}:${p.column} ${p.field ?? ''}: ${p.message}`).join('\n')}`);
    writeFileSync(join(root, 'CHANGELOG.md'), changelogMarkdown(releases));
    console.log(`✓ CHANGELOG.md rewritten from data/${RELEASES_FILE} (${releases.length} release${releases.length === 1 ? '' : 's'})`);
    return;
  }

  const plan = await makePlan(process.cwd(), { since: args.since });
  if (plan.problems.length) {
    process.stderr.write(planText(plan));
    refuse('the catalog has problems; fix them first (npm run check)');
  }
  if (plan.level === 'none') refuse(`nothing to release: nothing changed since ${baselineLabel(plan.baseline)} (npm run release:plan)`);
  if (args.version !== plan.next) {
    const why = plan.level === 'initial' ? 'the first release has the version package.json holds' : `the changes since ${baselineLabel(plan.baseline)} are ${plan.level}`;
    refuse(`${args.version} does not match the plan: ${why}, so this release is ${plan.next} (npm run release:plan says why)`);
  }
  if (plan.releases.some((r) => r.version === args.version)) refuse(`data/${RELEASES_FILE} already has a release ${args.version}`);
  const dirty = uncommitted(root, ['data', 'src', 'scripts', 'package.json']).filter((f) => f !== `data/${RELEASES_FILE}`);
  if (dirty.length && !args.dryRun) {
    refuse(`commit these first (the release records the commit whose catalog it holds): ${dirty.slice(0, 8).join(', ')}${dirty.length > 8 ? ', …' : ''}`);
  }

  const release = draftRelease(plan, args.date ?? today(), headCommit(root))!;
  const releases = [release, ...plan.releases];
  const checked = ReleasesFile.safeParse({ releases });
  if (!checked.success) refuse(`the release entry does not fit the schema: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (args.dryRun) {
    process.stdout.write(`Dry run: nothing written. ${release.version} (${release.bump}) would add to CHANGELOG.md:\n\n${releaseMarkdown(release)}`);
    return;
  }
  writeFileSync(join(dataDir, RELEASES_FILE), releasesYaml(releases));
  writeFileSync(join(root, 'CHANGELOG.md'), changelogMarkdown(releases));
  const versionFiles = release.version === plan.current ? [] : setVersion(root, release.version);
  const files = [`data/${RELEASES_FILE}`, 'CHANGELOG.md', ...versionFiles];
  console.log(
    [
      `✓ release ${release.version} (${release.bump}, ${release.changes.length} change${release.changes.length === 1 ? '' : 's'}) written to ${files.join(', ')}.`,
      '',
      'Next:',
      `  git add ${files.join(' ')}`,
      `  git commit -m "Release ${release.version}"`,
      `  git tag v${release.version}`,
      '  git push --follow-tags',
      `  npm publish --provenance     (the maintainer, from CI with an OIDC token; check first with npm publish --dry-run)`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`release: ${error.message}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
