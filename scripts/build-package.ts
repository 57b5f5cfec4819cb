/**
 * npm run build:package — catalog → src/generated/*.ts → dist/ (ESM, CommonJS
 * and type declarations for both). The catalog must be clean.
 *
 * CATALOG_DIR builds from another data folder, as for the other catalog scripts.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogOrThrow } from './catalog/load.ts';
import { packageSources } from './generate/package-sources.ts';
import { SITE_URL } from './site-url.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const generated = join(root, 'src/generated');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

const catalog = loadCatalogOrThrow(process.env.CATALOG_DIR);
mkdirSync(generated, { recursive: true });
const sources = packageSources(catalog, SITE_URL);
for (const name of readdirSync(generated)) if (!(name in sources)) rmSync(join(generated, name));
for (const [name, text] of Object.entries(sources)) {
  const path = join(generated, name);
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
}

// Build into a fresh folder and swap it in only when everything compiled.
const next = join(root, 'dist.next');
rmSync(next, { recursive: true, force: true });
const compile = (project: string, outDir: string) =>
  execFileSync(process.execPath, [tsc, '-p', join(root, project), '--outDir', outDir], { cwd: root, stdio: 'inherit' });
compile('tsconfig.package.json', join(next, 'esm'));
compile('tsconfig.package-cjs.json', join(next, 'cjs'));
writeFileSync(join(next, 'cjs/package.json'), JSON.stringify({ type: 'commonjs' }) + '\n');
chmodSync(join(next, 'esm/cli.js'), 0o755);
rmSync(join(root, 'dist'), { recursive: true, force: true });
renameSync(next, join(root, 'dist'));
console.log(`✓ package built: ${catalog.records.length} records → dist/ (esm, cjs, types)`);
