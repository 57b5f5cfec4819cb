/**
 * npm run bench — measure the package and the site side by side and write
 * BENCHMARKS.md (`npm run bench -- --quick`: the real and ×10 catalogs, one
 * run each, printed rather than written).
 *
 * 1. Catalogs: the real one (data/), and synthetic ones ×10 and ×100
 *    (scripts/bench/synthetic.ts), each checked with loadCatalog first.
 * 2. Builds: each catalog in its own copy of the project (scripts/bench/
 *    workspace.ts; the real build/site, dist/ and caches are not touched),
 *    `npm run build` from clean, BUILD_RUNS times, the sizes interleaved.
 * 3. Package: sizes (with their goals and languages) and throughput, on the
 *    dist/ the real catalog's build made; the diagnose page's JavaScript, and
 *    `agora-rec-codes scan` over a 1 GB generated log (peak memory of the real
 *    process). `npm run bench -- --package` does only the sizes and throughput,
 *    in a workspace of its own, and prints the table.
 * 4. Browser: page weights (real catalog) and first searches (every size), in
 *    Chromium, from its network log.
 * 5. Lighthouse (scripts/bench/lighthouse.ts): every page type, both languages,
 *    mobile and desktop presets, on the real catalog's site.
 * Every figure is the median of its runs. The test suite must not run meanwhile.
 *
 * `npm run bench -- --lighthouse`: only the Lighthouse figures and their goals
 * (one build of the real catalog, 3 runs each), printed rather than written;
 * `--page <words>` limits it to the page types whose name contains them
 * (`--page search`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { searchSection } from './eval-search.ts';
import { cpus, loadavg, tmpdir, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import { formatProblem, loadCatalog, loadCatalogOrThrow } from './catalog/load.ts';
import { firstSearch, launch, pageWeight, type FirstSearch, type PageWeight } from './bench/browser.ts';
import { englishTexts, measureSizes, packageThroughput, type Throughput } from './bench/package.ts';
import { median, report, sizeTable, type Scale } from './bench/report.ts';
import { PHRASES_EN } from '../src/phrases/en.ts';
import { serveGzipped } from './bench/server.ts';
import { LIGHTHOUSE_PAGES, lighthouseFigure, type LighthouseFigure, startChrome } from './bench/lighthouse.ts';
import { lighthouseGoals, lighthouseSection } from './bench/report.ts';
import { countPages, pagefindSize, sitePhases } from './bench/site.ts';
import { diagnoseScript, scanFigures } from './bench/diagnose.ts';
import { writeSyntheticCatalog } from './bench/synthetic.ts';
import { buildWorkspace, createWorkspace, ROOT } from './bench/workspace.ts';

const quick = process.argv.includes('--quick');
const lighthouseOnly = process.argv.includes('--lighthouse');
const pageArg = process.argv.indexOf('--page');
const pageFilter = pageArg === -1 ? undefined : process.argv[pageArg + 1];
if (pageArg !== -1 && !lighthouseOnly) {
  console.error('--page goes with --lighthouse (the whole bench measures every page type)');
  process.exit(2);
}
if (pageArg !== -1 && (!pageFilter || !LIGHTHOUSE_PAGES.some((p) => p.type.includes(pageFilter)))) {
  console.error(`--page ${pageFilter ?? ''}: names no page type; one of: ${LIGHTHOUSE_PAGES.map((p) => p.type).join(', ')}`);
  process.exit(2);
}
const LIGHTHOUSE_RUNS = quick ? 1 : 3;
const FACTORS = quick ? [1, 10] : [1, 10, 100];
const BUILD_RUNS = quick ? 1 : 3;
const BROWSER_RUNS = quick ? 1 : 5;
const SIZE_RUNS = quick ? 1 : 3;
const QUERIES: Record<'en' | 'zh', string[]> = {
  en: ['433', 'invalid authentication credentials', 'recording', '{"code":65,"reason":"request not completed"}', 'how do I fix a resource id that expired'],
  zh: ['433', '资源 ID 过期', '录制', '录制结束了但是没有生成文件怎么办'],
};

const started = performance.now();
const log = (message: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${message}`);

/** Lighthouse on every page type of a built site, both languages, both presets. */
async function lighthouseFigures(site: string): Promise<LighthouseFigure[]> {
  const server = await serveGzipped(site);
  const chrome = await startChrome();
  const figures: LighthouseFigure[] = [];
  try {
    for (const page of LIGHTHOUSE_PAGES.filter((p) => !pageFilter || p.type.includes(pageFilter))) {
      for (const lang of ['en', 'zh'] as const) {
        for (const formFactor of ['mobile', 'desktop'] as const) {
          const figure = await lighthouseFigure(chrome, server.url, page, lang, formFactor, LIGHTHOUSE_RUNS);
          figures.push(figure);
          log(`lighthouse ${figure.path} ${formFactor}: ${figure.performance} / ${figure.accessibility} / ${figure.bestPractices} / ${figure.seo}, CLS ${figure.cls.toFixed(3)}`);
        }
      }
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return figures;
}

if (lighthouseOnly) {
  // A folder of its own: another bench (another checkout) may run meanwhile.
  const work1 = mkdtempSync(join(tmpdir(), 'agora-rec-codes-bench-lighthouse-'));
  const dir = createWorkspace(join(work1, 'x1'), join(ROOT, 'data'));
  buildWorkspace(dir);
  log('real catalog built');
  const figures = await lighthouseFigures(join(dir, 'build', 'site'));
  rmSync(work1, { recursive: true, force: true });
  const rows = lighthouseGoals(figures).map((r) => `| ${r.join(' | ')} |`).join('\n');
  console.log(`${lighthouseSection(figures)}\n\n| goal | measured |  |\n| --- | --- | --- |\n${rows}`);
  process.exit(0);
}
const loadBefore = loadavg();
// A folder of its own: another bench (another checkout) may run meanwhile.
const work = mkdtempSync(join(tmpdir(), 'agora-rec-codes-bench-'));
const english = englishTexts(loadCatalogOrThrow(), PHRASES_EN);

if (process.argv.includes('--package')) {
  // The package alone: built from the real catalog in a workspace, measured, printed.
  const dir = createWorkspace(join(work, 'package'), join(ROOT, 'data'));
  execFileSync(process.execPath, [join(dir, 'scripts', 'build-package.ts')], { cwd: dir, stdio: 'inherit' });
  const sizes = await measureSizes(dir, english);
  console.log(`\n${sizeTable(sizes)}\n`);
  rmSync(work, { recursive: true, force: true });
  const missed = sizes.filter((x) => (x.goal && !x.goal.met) || !x.languages.ok);
  log(missed.length ? `${missed.length} goal(s) missed: ${missed.map((x) => x.id).join(', ')}` : 'every goal met');
  process.exit(0);
}

// 1. Catalogs, and a workspace for each.
const workspaces = new Map<number, string>();
const recordCounts = new Map<number, number>();
for (const factor of FACTORS) {
  const data = factor === 1 ? join(ROOT, 'data') : writeSyntheticCatalog(join(work, `data-x${factor}`), factor).dir;
  const { catalog, problems } = loadCatalog(data);
  if (problems.length) throw new Error(`the ×${factor} catalog has problems:\n${problems.slice(0, 20).map(formatProblem).join('\n')}`);
  recordCounts.set(factor, catalog.records.length);
  log(`${factor === 1 ? 'real' : `×${factor}`} catalog: ${catalog.records.length} records, valid`);
  workspaces.set(factor, createWorkspace(join(work, `x${factor}`), data));
}

// 2. Builds, interleaved so that a busy moment of the machine does not fall on one size only.
const builds = new Map<number, ReturnType<typeof buildWorkspace>[]>(FACTORS.map((f) => [f, []]));
for (let run = 1; run <= BUILD_RUNS; run++) {
  for (const factor of FACTORS) {
    const times = buildWorkspace(workspaces.get(factor)!);
    builds.get(factor)!.push(times);
    log(`build ${run}/${BUILD_RUNS} ×${factor}: ${times.total.toFixed(1)} s`);
  }
}

// 3. Package, built by the real catalog's workspace.
const dist = join(workspaces.get(1)!, 'dist');
const sizes = await measureSizes(workspaces.get(1)!, english, SIZE_RUNS);
const throughputs: Throughput[] = await packageThroughput(dist);
log('package measured');
// The diagnose page's JavaScript, and `scan` over a large generated log (1 GB; 100 MB with --quick).
const diagnose = {
  scripts: await Promise.all((['en', 'zh'] as const).map((lang) => diagnoseScript(join(workspaces.get(1)!, 'build', 'site'), lang))),
  scan: await scanFigures(dist, work, quick ? [1e6, 1e7, 1e8] : [1e6, 1e8, 1e9]),
};
log(`diagnose measured: scan peaked at ${diagnose.scan.map((r) => `${r.peakMB.toFixed(0)} MB over ${(r.bytes / 1e6).toFixed(0)} MB`).join(', ')}`);

// 4. Browser.
const browser = await launch();
const chromium = browser.version();
const scales: Scale[] = [];
const pages: { name: string; lang: string; weight: PageWeight }[] = [];
for (const factor of FACTORS) {
  const site = join(workspaces.get(factor)!, 'build', 'site');
  const server = await serveGzipped(site);
  try {
    const searches: { lang: string; query: string; runs: FirstSearch[] }[] = [];
    for (const lang of ['en', 'zh'] as const) {
      for (const query of QUERIES[lang]) {
        const runs: FirstSearch[] = [];
        for (let i = 0; i < BROWSER_RUNS; i++) runs.push(await firstSearch(browser, server.url, lang, query));
        searches.push({ lang, query, runs });
      }
    }
    if (factor === 1) {
      const catalog = loadCatalogOrThrow();
      const r433 = catalog.records.find((r) => r.kind === 'error-code' && r.code === 433)!;
      for (const lang of ['en', 'zh'] as const) {
        for (const [name, path, read] of [
          ['home', `/${lang}/`, undefined],
          ['record page (error 433)', `/${lang}/errors/433/`, [r433.title[lang], r433.summary[lang]]],
          ['guide (retries)', `/${lang}/guides/retries/`, undefined],
        ] as const) {
          const runs: PageWeight[] = [];
          for (let i = 0; i < BROWSER_RUNS; i++) runs.push(await pageWeight(browser, server.url, path, read ? [...read] : undefined));
          const m = (k: 'html' | 'css' | 'js' | 'jsOnLoad' | 'total') => median(runs.map((r) => r[k]));
          pages.push({ name, lang, weight: { ...runs[0], html: m('html'), css: m('css'), js: m('js'), jsOnLoad: m('jsOnLoad'), total: m('total') } });
        }
      }
    }
    const homes: PageWeight[] = [];
    for (let i = 0; i < BROWSER_RUNS; i++) homes.push(await pageWeight(browser, server.url, '/en/'));
    const b = builds.get(factor)!;
    const phases = b.map((x) => sitePhases(x.siteLog));
    const phase = (k: 'content' | 'render' | 'astro') => (phases.every((p) => p[k] !== undefined) ? median(phases.map((p) => p[k]!)) : undefined);
    scales.push({
      factor,
      records: recordCounts.get(factor)!,
      pages: countPages(site),
      check: median(b.map((x) => x.check)),
      package: median(b.map((x) => x.package)),
      site: median(b.map((x) => x.site)),
      total: median(b.map((x) => x.total)),
      totals: b.map((x) => x.total),
      content: phase('content'),
      render: phase('render'),
      astro: phase('astro'),
      index: pagefindSize(site),
      homeGzipped: median(homes.map((h) => h.total)),
      searches,
    });
    log(`×${factor} browser figures measured`);
  } finally {
    await server.close();
  }
}
await browser.close();

// 5. Lighthouse, on the real catalog's site.
const lighthouse = await lighthouseFigures(join(workspaces.get(1)!, 'build', 'site'));
rmSync(work, { recursive: true, force: true });

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const markdown = report({
  date: new Date().toISOString().slice(0, 10),
  commit,
  seconds: (performance.now() - started) / 1000,
  machine: {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: totalmem() / 2 ** 30,
    node: process.version,
    os: `${platform()} ${release()}`,
    chromium,
    loadBefore,
    loadAfter: loadavg(),
  },
  runs: { build: BUILD_RUNS, browser: BROWSER_RUNS, size: SIZE_RUNS, lighthouse: LIGHTHOUSE_RUNS },
  sizes,
  throughputs,
  pages,
  scales,
  diagnose,
  lighthouse,
});
if (quick) console.log(markdown);
else {
  // The "Search quality" section is written by `npm run eval:search`: keep it.
  const previous = existsSync(join(ROOT, 'BENCHMARKS.md')) ? searchSection(readFileSync(join(ROOT, 'BENCHMARKS.md'), 'utf8')) : undefined;
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), previous ? `${markdown.trimEnd()}\n\n${previous}\n` : markdown);
}
log(quick ? 'done (quick: BENCHMARKS.md not written)' : 'BENCHMARKS.md written');
