/**
 * npm run check — validate the whole catalog and print every problem, one line
 * each (file:line:column record field: what was expected); past the first
 * hundred, how many more there are. Exit status 1 on any problem.
 * `npm run check -- <dir>` checks another data folder.
 */
import { formatProblems, loadCatalog } from './catalog/load.ts';

const dir = process.argv[2];
const { catalog, problems } = loadCatalog(dir);
for (const line of formatProblems(problems)) console.error(line);
if (problems.length) {
  console.error(`\n✗ ${problems.length} problem(s) in the catalog.`);
  process.exit(1);
}
console.log(`✓ catalog OK: ${catalog.records.length} records in ${new Set(catalog.records.map((r) => r.kind)).size} kinds.`);
