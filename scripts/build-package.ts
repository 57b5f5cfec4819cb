/**
 * npm run build:package — catalog → src/generated/*.ts → dist/ (ESM, CommonJS
 * and type declarations for both). The catalog must be clean.
 *
 * It compiles into a folder of its own (dist.next-<pid>) and swaps it in only
 * when everything compiled; a second build at once waits for the first
 * (scripts/build-process.ts); Ctrl-C or SIGTERM stops the compiler and leaves
 * dist/ as it was.
 *
 * CATALOG_DIR builds from another data folder, as for the other catalog scripts.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT as root, startBuild } from './build-process.ts';
import { CatalogError, loadCatalogOrThrow } from './catalog/load.ts';
import { packageSources } from './generate/package-sources.ts';
import { SITE_URL } from './site-url.ts';

const generated = join(root, 'src/generated');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

const build = await startBuild('build:package', 'package');
const catalog = (() => {
  try {
    return loadCatalogOrThrow(process.env.CATALOG_DIR);
  } catch (error) {
    return build.fail(error instanceof CatalogError ? error.message : String(error));
  }
})();
mkdirSync(generated, { recursive: true });
const sources = (() => {
  try {
    return packageSources(catalog, SITE_URL);
  } catch (error) {
    // A generator's check (the retry table reads back as the catalog has it, …): its message says where.
    return build.fail(error instanceof Error ? error.message : String(error));
  }
})();
for (const name of readdirSync(generated)) if (!(name in sources)) rmSync(join(generated, name));
for (const [name, text] of Object.entries(sources)) {
  const path = join(generated, name);
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
}

// Build into a fresh folder of this process and swap it in only when everything compiled.
const next = build.temporary(join(root, `dist.next-${process.pid}`));
const old = build.temporary(join(root, `dist.old-${process.pid}`));
// Leftovers of builds whose process is gone (the older name had no pid).
rmSync(join(root, 'dist.next'), { recursive: true, force: true });
for (const name of readdirSync(root)) {
  if (/^dist\.(?:next|old)-\d+$/.test(name) && join(root, name) !== next && join(root, name) !== old) {
    rmSync(join(root, name), { recursive: true, force: true });
  }
}
const compile = async (project: string, outDir: string) => {
  const run = await build.run(process.execPath, [tsc, '-p', join(root, project), '--outDir', outDir], { cwd: root });
  if (run.status !== 0) build.fail(`tsc -p ${project} exited with ${run.status ?? run.signal}; dist/ was left as it was.`);
};
await compile('tsconfig.package.json', join(next, 'esm'));
await compile('tsconfig.package-cjs.json', join(next, 'cjs'));
writeFileSync(join(next, 'cjs/package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
chmodSync(join(next, 'esm/cli.js'), 0o755);
const dist = join(root, 'dist');
if (existsSync(dist)) renameSync(dist, old);
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
build.finish();
console.log(`✓ package built: ${catalog.records.length} records → dist/ (esm, cjs, types)`);
