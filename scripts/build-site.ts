/**
 * npm run build:site — build the documentation site into build/site.
 *
 * 1. `astro build` into a temporary folder beside build/site;
 * 2. move each language's not-found page to /{lang}/404.html, and write the
 *    static JSON API (scripts/generate/json-api.ts) under /api/;
 * 3. index it with Pagefind (one index per <html lang>) into <tmp>/pagefind/;
 * 4. check the result, then swap it in for build/site.
 * Any failure leaves the previous build/site as it was.
 *
 * It prints a few lines: warnings and errors, then what was built. `--verbose`
 * adds Astro's own progress and its list of routes. Without a terminal (a log
 * file, CI) no colour codes are written.
 *
 * CATALOG_DIR builds from another data folder; SITE_URL sets the site's address.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCatalogOrThrow } from './catalog/load.ts';
import { SITE_URL } from './site-url.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = join(root, 'build');
const target = join(buildDir, 'site');
const LANGS = ['zh', 'en'];
const tmp = join(buildDir, `.site-tmp-${process.pid}`);
const verbose = process.argv.includes('--verbose');

function fail(message: string): never {
  rmSync(tmp, { recursive: true, force: true });
  console.error(`\n✗ build:site failed: ${message}\n  build/site was left as it was.`);
  process.exit(1);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function main() {
  const started = performance.now();
  mkdirSync(buildDir, { recursive: true });
  // Leftovers of an interrupted build (whose process is gone).
  for (const name of readdirSync(buildDir)) {
    const pid = Number(/^\.site-(?:tmp|old)-(\d+)$/.exec(name)?.[1]);
    if (pid && !alive(pid)) rmSync(join(buildDir, name), { recursive: true, force: true });
  }

  // 1. Astro, in a child process so that its exit status is the verdict.
  const colour = process.stdout.isTTY && !process.env.NO_COLOR ? {} : { NO_COLOR: '1', FORCE_COLOR: '0' };
  const astro = spawnSync(process.execPath, [join(root, 'scripts', 'astro-build.ts'), tmp, verbose ? 'info' : 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...colour },
  });
  if (astro.status !== 0) fail(`astro build exited with ${astro.status ?? astro.signal}`);

  // 2. Cloudflare Pages and scripts/serve.ts look for the nearest 404.html.
  for (const lang of LANGS) {
    const page = join(tmp, lang, '404', 'index.html');
    if (!existsSync(page)) fail(`missing ${lang}/404/index.html`);
    renameSync(page, join(tmp, lang, '404.html'));
    rmSync(dirname(page), { recursive: true });
  }
  let apiFiles = 0;
  const jsonApi = join(root, 'scripts', 'generate', 'json-api.ts');
  if (existsSync(jsonApi)) {
    const { jsonApiFiles } = (await import(pathToFileURL(jsonApi).href)) as {
      jsonApiFiles(catalog: ReturnType<typeof loadCatalogOrThrow>, siteUrl: string): Record<string, string>;
    };
    const files = jsonApiFiles(loadCatalogOrThrow(process.env.CATALOG_DIR), SITE_URL);
    for (const [path, content] of Object.entries(files)) {
      const file = join(tmp, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    apiFiles = Object.keys(files).length;
    if (verbose) console.log(`json api: ${apiFiles} files`);
  }

  // 3. Pagefind.
  let indexed = 0;
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) fail(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: tmp });
    if (added.errors.length) fail(`pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(tmp, 'pagefind') });
    if (written.errors.length) fail(`pagefind: ${written.errors.join('; ')}`);
    indexed = added.page_count;
    if (verbose) console.log(`pagefind: indexed ${indexed} pages`);
    if (added.page_count === 0) fail('pagefind indexed no page');
  } finally {
    await pagefind.close();
  }

  // 4. Check, then swap.
  const required = ['index.html', '404.html', 'pagefind/pagefind.js', 'sitemap-index.xml', ...LANGS.flatMap((l) => [`${l}/index.html`, `${l}/404.html`, `${l}/search/index.html`, `${l}/search/codes.json`])];
  const missing = required.filter((p) => !existsSync(join(tmp, p)));
  if (missing.length) fail(`missing from the build: ${missing.join(', ')}`);
  const indexes = readdirSync(join(tmp, 'pagefind')).filter((n) => /^pagefind\..+\.pf_meta$/.test(n));
  if (indexes.length < LANGS.length) fail(`expected a Pagefind index per language, found ${indexes.join(', ') || 'none'}`);

  const old = join(buildDir, `.site-old-${process.pid}`);
  if (existsSync(target)) renameSync(target, old);
  try {
    renameSync(tmp, target);
  } catch (error) {
    if (existsSync(old)) renameSync(old, target);
    fail(`could not move the new build in place: ${(error as Error).message}`);
  }
  rmSync(old, { recursive: true, force: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`✓ build/site built in ${seconds} s: ${indexed} pages indexed for search, ${apiFiles} JSON API files`);
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
