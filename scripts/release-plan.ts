/**
 * npm run release:plan — what the next release must be.
 *
 * Compares the catalog and the package's exports at the last release (the tag
 * v<version>, see scripts/release/plan.ts) with the working tree, and prints the
 * semver bump it requires, why (one line per change, with its level), and the
 * CHANGELOG entry `npm run release -- <version>` would write, in both languages.
 *
 *   npm run release:plan -- [--since <git-ref>] [--json]
 *
 * Exit status: 0 the plan is printed (whatever the bump, "none" included; problems
 * of the catalog, which `npm run release` refuses, are listed after it); 2 bad usage.
 */
import { changeGroup } from './catalog/schema.ts';
import { releaseMarkdown } from './release/changelog.ts';
import { baselineLabel, draftRelease, makePlan, planText, today, UsageError } from './release/plan.ts';

const USAGE = 'usage: npm run release:plan -- [--since <git-ref>] [--json]';

function parseArgs(argv: string[]): { since?: string; json: boolean } {
  const out: { since?: string; json: boolean } = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') out.json = true;
    else if (arg === '--since' || arg.startsWith('--since=')) {
      const value = arg === '--since' ? argv[++i] : arg.slice('--since='.length);
      if (!value || value.startsWith('--')) throw new UsageError(`--since needs a git ref (a tag, branch or commit) (${USAGE})`);
      if (out.since !== undefined) throw new UsageError(`--since given twice (${USAGE})`);
      out.since = value;
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new UsageError(`unexpected argument ${JSON.stringify(arg)} (${USAGE})`);
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const plan = await makePlan(process.cwd(), { since: args.since });
  const draft = draftRelease(plan, today());
  if (args.json) {
    const json = {
      from: { ...plan.baseline, label: baselineLabel(plan.baseline) },
      current: plan.current,
      bump: plan.level,
      next: plan.next ?? null,
      changes: plan.changes.map((c) => ({ ...c, group: changeGroup(c) })),
      notes: plan.notes,
      problems: plan.problems,
      draft: draft ? { release: draft, markdown: releaseMarkdown(draft) } : null,
    };
    process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    return;
  }
  let out = planText(plan);
  if (draft) out += `\nDraft CHANGELOG entry (\`npm run release -- ${draft.version}\` writes it, with the day of the release):\n\n${releaseMarkdown(draft)}`;
  process.stdout.write(out);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`release:plan: ${error.message}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
