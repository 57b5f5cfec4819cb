/**
 * npm run build:site — build the documentation site into build/site.
 *
 * 1. `astro build` into a temporary folder beside build/site;
 * 2. move each language's not-found page to /{lang}/404.html, and write the
 *    static JSON API (scripts/generate/json-api.ts) under /api/;
 *    bundle the diagnose box for each language into /lib/;
 * 3. bundle the search engine for other sites (/search/engine.js), and index
 *    it with Pagefind (one index per <html lang>, a record's search words
 *    added) into <tmp>/pagefind/, and add the index's layout (its chunks'
 *    word ranges, its pages' search entries) to each language's lexicon;
 * 4. check the result, then swap it in for build/site.
 * Any failure leaves the previous build/site as it was. A second build at once
 * waits for the first (scripts/build-process.ts); Ctrl-C or SIGTERM stops Astro
 * and Pagefind, removes the temporary folder and leaves build/site as it was.
 *
 * It prints a few lines: warnings and errors, then what was built. `--verbose`
 * adds Astro's own progress and its list of routes. Without a terminal (a log
 * file, CI) no colour codes are written.
 *
 * CATALOG_DIR builds from another data folder; SITE_URL sets the site's address.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { alive, ROOT as root, startBuild } from './build-process.ts';
import { CatalogError, DEFAULT_DATA_DIR, loadCatalogOrThrow, loadReleasesOrThrow } from './catalog/load.ts';
import { lexiconOf, loadSearchWords } from './catalog/search-words.ts';
import { BROWSER_MODULE, bundleSearchEngine, pagefindHtml, recordPages } from './generate/search-build.ts';
import { fragmentUrl, type IndexLayout, indexLayout, layoutFiles } from './generate/pagefind-layout.ts';
import { SITE_URL } from './site-url.ts';
import { HTML_LANG, LANGS } from '../site/lib/i18n.ts';

const buildDir = join(root, 'build');
const target = join(buildDir, 'site');
const build = await startBuild('build:site', 'site');
const tmp = build.temporary(join(buildDir, `.site-tmp-${process.pid}`));
const verbose = process.argv.includes('--verbose');

function fail(message: string): never {
  return build.fail(`${message}\n  build/site was left as it was.`);
}

async function main() {
  const started = performance.now();
  // A catalog problem stops the build before Astro starts, with its file:line:col lines.
  const checked = catalog();
  mkdirSync(buildDir, { recursive: true });
  // Leftovers of an interrupted build (whose process is gone).
  for (const name of readdirSync(buildDir)) {
    const pid = Number(/^\.site-(?:tmp|old)-(\d+)$/.exec(name)?.[1]);
    if (pid && !alive(pid)) rmSync(join(buildDir, name), { recursive: true, force: true });
  }

  // 1. Astro, in a child process so that its exit status is the verdict.
  const colour = process.stdout.isTTY && !process.env.NO_COLOR ? {} : { NO_COLOR: '1', FORCE_COLOR: '0' };
  const astro = await build.run(process.execPath, [join(root, 'scripts', 'astro-build.ts'), tmp, verbose ? 'info' : 'warn'], {
    cwd: root,
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
      jsonApiFiles(catalog: ReturnType<typeof loadCatalogOrThrow>, siteUrl: string, releases: ReturnType<typeof loadReleasesOrThrow>): Record<string, string>;
    };
    const files = jsonApiFiles(checked, SITE_URL, loadReleasesOrThrow(process.env.CATALOG_DIR));
    for (const [path, content] of Object.entries(files)) {
      const file = join(tmp, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    apiFiles = Object.keys(files).length;
    if (verbose) console.log(`json api: ${apiFiles} files`);
  }

  // The diagnose box, one module per language (site/scripts/diagnose.{lang}.ts): loaded by
  // /{lang}/diagnose/ and by pages on other origins, so at a stable address, /lib/.
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: LANGS.map((lang) => ({ in: join(root, 'site', 'scripts', `diagnose.${lang}.ts`), out: `diagnose.${lang}` })),
    outdir: join(tmp, 'lib'),
    ...BROWSER_MODULE,
    logLevel: 'warning',
  }).catch((error: Error) => fail(`diagnose module: ${error.message}`));
  if (verbose) console.log(`lib: ${LANGS.map((lang) => `diagnose.${lang}.js`).join(', ')}`);

  // 3. Search: the engine module for other sites (/search/engine.js), then Pagefind (a service
  // process of its own, closed on interruption too), fed each page with a record's search words
  // added (scripts/generate/search-build.ts).
  await bundleSearchEngine(join(tmp, 'search'));
  const catalogDir = process.env.CATALOG_DIR ?? DEFAULT_DATA_DIR;
  const words = loadSearchWords(catalogDir);
  const lexicons = { zh: lexiconOf(words, 'zh'), en: lexiconOf(words, 'en') };
  const pages = recordPages(checked.records);
  const htmlFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
    );
  let indexed = 0;
  const pagefind = await import('pagefind');
  build.onAbort(async () => {
    await pagefind.close();
  });
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) fail(`pagefind: ${errors.join('; ')}`);
    let pageCount = 0;
    for (const file of htmlFiles(tmp)) {
      const sourcePath = relative(tmp, file).split(sep).join('/');
      const path = `/${sourcePath.replace(/(?:^|\/)index\.html$/, '/')}`.replace(/^\/\//, '/');
      const added = await index.addHTMLFile({ sourcePath, content: pagefindHtml(readFileSync(file, 'utf8'), path, pages, lexicons) });
      if (added.errors.length) fail(`pagefind: ${sourcePath}: ${added.errors.join('; ')}`);
      if (added.file) pageCount++;
    }
    const written = await index.writeFiles({ outputPath: join(tmp, 'pagefind') });
    if (written.errors.length) fail(`pagefind: ${written.errors.join('; ')}`);
    indexed = pageCount;
    if (verbose) console.log(`pagefind: indexed ${pageCount} pages`);
    if (pageCount === 0) fail('pagefind indexed no page');
  } finally {
    await pagefind.close();
  }
  addPagefindLayout(tmp);

  // 4. Check, then swap.
  const required = ['index.html', '404.html', 'pagefind/pagefind.js', 'sitemap-index.xml', 'llms.txt', 'llms-full.txt', ...LANGS.flatMap((l) => [`${l}/index.html`, `${l}/404.html`, `${l}/search/index.html`, `${l}/search/codes.json`, `${l}/diagnose/index.html`, `lib/diagnose.${l}.js`, `${l}/changes/index.html`, `${l}/changes/feed.xml`, `search/${l}/lexicon.json`]), 'search/engine.js'];
  const missing = required.filter((p) => !existsSync(join(tmp, p)));
  if (missing.length) fail(`missing from the build: ${missing.join(', ')}`);
  const indexes = readdirSync(join(tmp, 'pagefind')).filter((n) => /^pagefind\..+\.pf_meta$/.test(n));
  if (indexes.length < LANGS.length) fail(`expected a Pagefind index per language, found ${indexes.join(', ') || 'none'}`);

  const old = build.temporary(join(buildDir, `.site-old-${process.pid}`));
  if (existsSync(target)) renameSync(target, old);
  try {
    renameSync(tmp, target);
  } catch (error) {
    if (existsSync(old)) renameSync(old, target);
    fail(`could not move the new build in place: ${(error as Error).message}`);
  }
  rmSync(old, { recursive: true, force: true });
  build.finish();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`✓ build/site built in ${seconds} s: ${indexed} pages indexed for search, ${apiFiles} JSON API files`);
}

/**
 * Each language's search files (/search/{lang}/) get the layout of its
 * Pagefind index (scripts/generate/pagefind-layout.ts): the word range of
 * each index chunk in lexicon.json, and which search entry each indexed page
 * is in page files (p{n}.json).
 */
function addPagefindLayout(site: string): void {
  const dir = join(site, 'pagefind');
  let entry: { languages: Record<string, { hash: string }> };
  try {
    entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as typeof entry;
  } catch (error) {
    fail(`pagefind layout: pagefind/pagefind-entry.json: ${(error as Error).message}`);
  }
  for (const lang of LANGS) {
    // Pagefind names an index by <html lang>, lower-cased.
    const language = entry.languages[HTML_LANG[lang].toLowerCase()];
    if (!language) fail(`pagefind: no index for ${lang} (indexes: ${Object.keys(entry.languages).join(', ')})`);
    const search = join(site, 'search', lang);
    const file = join(search, 'lexicon.json');
    const lexicon = JSON.parse(readFileSync(file, 'utf8')) as { entriesPerFile: number };
    const paths = new Map<string, number>();
    for (const name of readdirSync(search).filter((n) => /^e\d+\.json$/.test(n))) {
      const first = Number(/\d+/.exec(name)![0]) * lexicon.entriesPerFile;
      const entries = JSON.parse(readFileSync(join(search, name), 'utf8')) as { u: string }[];
      entries.forEach((e, i) => paths.set(e.u, first + i));
    }
    const metaName = `pagefind.${language.hash}.pf_meta`;
    let layout: IndexLayout;
    try {
      layout = indexLayout(
        readFileSync(join(dir, metaName)),
        metaName,
        (page) => fragmentUrl(readFileSync(join(dir, 'fragment', `${page}.pf_fragment`)), `fragment/${page}.pf_fragment`),
        (path) => paths.get(path),
      );
    } catch (error) {
      fail(`pagefind layout: ${(error as Error).message}`);
    }
    // A page the search has no entry for still shows, from its Pagefind fragment; say so.
    if (layout.withoutEntry.length) console.warn(`pagefind layout: ${layout.withoutEntry.length} ${lang} page(s) have no search entry and will load their fragment: ${layout.withoutEntry.slice(0, 5).join(', ')}`);
    const written = layoutFiles(layout);
    writeFileSync(file, JSON.stringify({ ...lexicon, pagefind: written.layout }));
    for (const [name, pages] of written.files) writeFileSync(join(search, `${name}.json`), JSON.stringify(pages));
  }
}

/** The catalog, checked: a problem in it ends the build with its file:line:col lines, no stack trace. */
function catalog() {
  try {
    return loadCatalogOrThrow(process.env.CATALOG_DIR);
  } catch (error) {
    return fail(error instanceof CatalogError ? error.message : String(error));
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
