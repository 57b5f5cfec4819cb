/**
 * BENCHMARKS.md from the figures of one run of scripts/bench.ts: the machine,
 * the goals and whether each is met, the figures, what limits them, and how
 * each is measured.
 */
import type { FirstSearch, PageWeight, Transfer } from './browser.ts';
import type { SizeResult, Throughput } from './package.ts';
import type { IndexSize } from './site.ts';
import { DIAGNOSE_GOAL, type DiagnoseScript, type ScanRun } from './diagnose.ts';
import type { LighthouseFigure } from './lighthouse.ts';
import { LOOKUPS, RESPONSES, THROUGHPUT_MS } from './package.ts';

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export type Search = { lang: string; query: string; runs: FirstSearch[] };
export type Scale = {
  factor: number;
  records: number;
  pages: number;
  check: number;
  package: number;
  site: number;
  total: number;
  totals: number[];
  content?: number;
  render?: number;
  astro?: number;
  index: IndexSize;
  homeGzipped: number;
  searches: Search[];
};
export type Figures = {
  date: string;
  commit: string;
  seconds: number;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; os: string; chromium: string; loadBefore: number[]; loadAfter: number[] };
  runs: { build: number; browser: number; size: number; lighthouse: number };
  sizes: SizeResult[];
  throughputs: Throughput[];
  pages: { name: string; lang: string; weight: PageWeight }[];
  scales: Scale[];
  /** The diagnose page's JavaScript per language, and `scan` over a large log. */
  diagnose?: { scripts: DiagnoseScript[]; scan: ScanRun[] };
  lighthouse: LighthouseFigure[];
};

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
const b = (n: number) => (n < 1000 ? `${n} B` : kb(n));
const mb = (n: number) => (n < 1e6 ? kb(n) : `${(n / 1e6).toFixed(1)} MB`);
const s = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(1)} s`);
const yes = (ok: boolean) => (ok ? '✅ met' : '❌ missed');
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: (string | number)[][]) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const scaleName = (f: number) => (f === 1 ? 'real' : `×${f}`);
const q = (query: string) => `“${query}”`;

/** A search's median bytes, and the run with those bytes (for its files). */
function searchFigures(search: Search) {
  const bytes = median(search.runs.map((r) => r.bytes));
  const typical = search.runs.reduce((a, r) => (Math.abs(r.bytes - bytes) < Math.abs(a.bytes - bytes) ? r : a));
  return {
    bytes,
    onLoad: median(search.runs.map((r) => r.onLoad)),
    afterTyping: median(search.runs.map((r) => r.afterTyping)),
    bodies: median(search.runs.map((r) => r.bodies)),
    requests: median(search.runs.map((r) => r.requests)),
    ms: median(search.runs.map((r) => r.msToResult)),
    files: typical.files,
  };
}

const worst = (scale: Scale) =>
  scale.searches.map((x) => ({ ...x, ...searchFigures(x) })).reduce((a, x) => (x.bytes > a.bytes ? x : a));

/** What a search downloaded, by what it is. */
function byPart(files: Transfer[]): [string, number, number][] {
  const parts: [string, RegExp][] = [
    ['search page script (ours)', /^\/_astro\//],
    ['search data, /search/{lang}/: lexicon, the words\' token files, entries, page files (ours)', /^\/search\/(?:zh|en)\//],
    ['Pagefind runtime: pagefind.js, WebAssembly, entry', /pagefind\.js|pagefind-worker\.js|\.pagefind$|pagefind-entry\.json/],
    ['Pagefind index: language meta and index chunks', /\.pf_(meta|index|filter)$/],
    ['Pagefind fragments (a page without a search entry)', /\.pf_fragment$/],
  ];
  const out = parts.map(([name, re]) => {
    const mine = files.filter((f) => re.test(f.path.replace(/\?.*$/, '')));
    return [name, mine.length, mine.reduce((n, f) => n + f.bytes, 0)] as [string, number, number];
  });
  const known = out.reduce((n, [, c]) => n + c, 0);
  if (known < files.length) out.push(['other', files.length - known, files.filter((f) => !parts.some(([, re]) => re.test(f.path.replace(/\?.*$/, '')))).reduce((n, f) => n + f.bytes, 0)]);
  return out;
}

/** The package's sizes: each import with its goal, whether it is met, and the languages its bundle carries. */
export function sizeTable(sizes: readonly SizeResult[]): string {
  const texts = (x: SizeResult) =>
    x.texts === 'any'
      ? ''
      : `${x.texts === 'none' ? 'none' : x.texts}${x.languages.ok ? '' : ` ❌ (${x.languages.han} Chinese characters, ${x.languages.english} English texts)`}`;
  return `Bundled as a consumer's bundler does — through the package's \`exports\` with the browser's conditions — by esbuild
(\`bundle\`, \`minify\`, \`format: esm\`, \`platform: browser\`, its other defaults), gzipped at level 9; http-status-codes and
statuses bundled the same way in the same run. "texts": the language whose texts the bundle may hold, checked in the bundle
(no Chinese character in an \`en\` or \`none\` bundle, none of the catalog's or the package's English texts in a \`zh\` or
\`none\` one).

${table(
  ['import', 'minified', 'gzipped', 'goal', '', 'texts'],
  sizes.map((x) => [x.name, b(x.minified), b(x.gzipped), x.goal?.text ?? '', x.goal ? (x.goal.met ? '✅' : '❌') : '', texts(x)]),
)}`;
}

export function report(f: Figures): string {
  const locales = f.sizes.filter((x) => x.id === 'all-en' || x.id === 'all-zh');
  const localeMax = Math.max(...locales.map((x) => x.gzipped));
  const records = f.pages.filter((p) => p.name.startsWith('record'));
  const recordOk = records.every((p) => p.weight.total <= 20_000 && p.weight.readableWithoutJs === true);
  const real = f.scales.find((x) => x.factor === 1)!;
  const x10 = f.scales.find((x) => x.factor === 10);
  const x100 = f.scales.find((x) => x.factor === 100);
  const realWorst = worst(real);
  const x100Worst = x100 && worst(x100);
  const ratio = x10 && x100 ? x100.total / x10.total : undefined;
  const minutes = `${Math.floor(f.seconds / 60)} min ${Math.round(f.seconds % 60)} s`;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');

  const goals: (string | number)[][] = [
    ...f.sizes.filter((x) => x.goal).map((x) => [`${x.name} ${x.goal!.text} gzipped (${x.goal!.from})`, b(x.gzipped), yes(x.goal!.met)]),
    [
      'each bundle carries only its language: no Chinese character in an English or language-neutral one, no English text in a Chinese one',
      f.sizes
        .filter((x) => x.texts !== 'any')
        .filter((x) => !x.languages.ok)
        .map((x) => `${x.name}: ${x.languages.han} Chinese characters, ${x.languages.english} English texts`)
        .join('; ') || `all ${f.sizes.filter((x) => x.texts !== 'any').length} bundles`,
      yes(f.sizes.every((x) => x.languages.ok)),
    ],
    ['one locale ≤ 16 KB gzipped', `${locales.map((x) => `${x.id === 'all-zh' ? 'zh' : 'en'} ${kb(x.gzipped)}`).join(', ')} (all of \`@org/agora-rec-codes/en\` or \`/zh\`)`, yes(localeMax <= 16_000)],
    [
      'a record page ≤ 20 KB gzipped before search, with no JS needed to read it',
      records.map((p) => `${p.lang} ${kb(p.weight.total)}${p.weight.readableWithoutJs ? ', readable with JS off' : ', NOT readable with JS off'}`).join('; '),
      yes(recordOk),
    ],
    ['a first search downloads ≤ 150 KB on the real catalog', `worst ${kb(realWorst.bytes)} (${realWorst.lang} ${q(realWorst.query)})`, yes(realWorst.bytes <= 150_000)],
    ...(x100Worst ? [['a first search downloads ≤ 300 KB at ×100', `worst ${kb(x100Worst.bytes)} (${x100Worst.lang} ${q(x100Worst.query)})`, yes(x100Worst.bytes <= 300_000)]] : []),
    ...(ratio !== undefined
      ? [['build time grows no faster than linearly: ×100 ≤ 12 × the ×10 time', `×100 ${s(x100!.total)} = ${ratio.toFixed(1)} × the ×10 ${s(x10!.total)}`, yes(ratio <= 12)]]
      : []),
    [`the real catalog's full build ≤ 20 s on a 2-core machine`, `${s(real.total)} on ${f.machine.cores} cores`, yes(real.total <= 20)],
    ...(f.diagnose ? diagnoseGoals(f.diagnose) : []),
    ...lighthouseGoals(f.lighthouse),
  ];

  const out: string[] = [];
  out.push(`# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts, scripts/bench/) on ${f.date}, at commit \`${f.commit}\` and the working tree of that
moment; the whole run took ${minutes}. Do not edit it by hand: run the benchmark again.

Every figure is the median of several runs: ${f.runs.build} full builds of each catalog (the sizes interleaved), ${f.runs.browser} runs of
each browser figure (each in a fresh browser context, so with an empty cache), ${f.runs.size} bundles of each import (byte counts,
identical each time); throughputs are tinybench's median pass over ${THROUGHPUT_MS / 1000} s of passes; ${f.runs.lighthouse} Lighthouse runs of each page and preset. 1 KB = 1000 bytes.`);

  out.push(`## Machine

${table(['CPU', 'cores', 'memory', 'Node', 'Chromium', 'OS', 'load average (1, 5, 15 min) before → after'], [[f.machine.cpu, f.machine.cores, `${f.machine.memoryGiB.toFixed(0)} GiB`, f.machine.node, f.machine.chromium, f.machine.os, `${load(f.machine.loadBefore)} → ${load(f.machine.loadAfter)}`]])}

Times depend on what else the machine does; the load average says how busy it was.`);

  out.push(`## Goals

${table(['goal', 'measured', ''], goals)}`);

  out.push(`## Package

${sizeTable(f.sizes)}

${table(['function', 'calls per second', 'spread of pass times (MAD)', 'passes timed'], f.throughputs.map((t) => [t.name, Math.round(t.opsPerSecond).toLocaleString('en-US'), `± ${t.spread.toFixed(1)} %`, t.samples.toLocaleString('en-US')]))}

\`lookup\` runs over ${LOOKUPS.map((x) => `\`${JSON.stringify(x)}\``).join(', ')}; \`explain\` over ${RESPONSES.length} responses (a 206 with
code 65 on \`start\`, a gateway 401, a 404 "failed to find worker" on \`stop\`, a \`query\` 200 with status 5, and an HTML 504 page).`);

  const search = (scale: Scale) =>
    scale.searches.map((x) => {
      const m = searchFigures(x);
      return [scaleName(scale.factor), x.lang, q(x.query), kb(m.bytes), kb(m.onLoad), kb(m.afterTyping), m.requests, kb(m.bodies), `${Math.round(m.ms)} ms`];
    });
  out.push(`## Site at scale

The real catalog, and synthetic catalogs of ten and a hundred times as many records (scripts/bench/synthetic.ts: seeded; every
kind; unique codes and constants; zh and en texts as long as the real ones; valid references; checked with \`loadCatalog\` before
use). Each is built in its own copy of the project, from clean: \`npm run check\`, \`build:package\` and \`build:site\`.

${table(
  ['catalog', 'records', 'pages', 'full build', 'check', 'package', 'site', 'pages per second (site step)', 'full builds (each run)'],
  f.scales.map((x) => [scaleName(x.factor), x.records, x.pages, s(x.total), s(x.check), s(x.package), s(x.site), Math.round(x.pages / x.site), x.totals.map((t) => t.toFixed(1)).join(', ')]),
)}

Where the site step's time goes (from Astro's log): loading and validating the catalog into the content layer, rendering the pages,
and, after Astro, the JSON API, the Pagefind index and the checks of scripts/build-site.ts.

${table(
  ['catalog', 'content layer', 'rendering pages', 'all of astro build', 'after Astro (JSON API, Pagefind, checks)'],
  f.scales.map((x) => [scaleName(x.factor), s(x.content), s(x.render), s(x.astro), s(x.astro === undefined ? undefined : x.site - x.astro)]),
)}

Pagefind's index, bytes on disk of build/site/pagefind: each language's index (its meta, index chunks, one fragment per page,
filters) and Pagefind's runtime files (scripts, WebAssembly, UI files; the same at any size). And the home page, which lists
every record (HTML + CSS + JS, gzipped):

${table(
  ['catalog', 'pagefind/ in all', 'en index', 'zh index', 'runtime files', 'home page (en)'],
  f.scales.map((x) => [scaleName(x.factor), mb(x.index.total), mb(x.index.en), mb(x.index.zh), mb(x.index.runtime), mb(x.homeGzipped)]),
)}

A first search: open /{lang}/search/ with an empty cache, wait for the network to be idle, enter the query, wait for the first
result and until no request has been in flight for 300 ms. Counted: every request of the search page except its HTML, CSS and favicon — its
script, Pagefind's files and the search data — as transfer sizes (response headers + body as sent: gzipped for text, as stored
for Pagefind's already-compressed files), on load and after typing; and how much of it is bodies (HTTP/1.1 headers are
about 200 bytes a request here; HTTP/2 would compress them). The time runs from the input event to the first result in
the list, and includes the page's 120 ms debounce.

${table(['catalog', 'lang', 'query', 'downloaded', 'on load', 'after typing', 'requests', 'of which bodies', 'to first result'], f.scales.flatMap(search))}`);

  out.push(`## Page weight (real catalog)

HTML + CSS + JS as downloaded (gzipped bodies, no headers), and the JavaScript the page runs before any search (its scripts,
gzipped on their own; searching loads the search page's). A record page must be readable with JavaScript off: its title and
summary are looked for in its main content with JavaScript disabled.

${table(
  ['page', 'lang', 'HTML', 'CSS', 'JS', 'total', 'JS before the first search', 'readable without JS'],
  f.pages.map((p) => [p.name, p.lang, b(p.weight.html), b(p.weight.css), b(p.weight.js), kb(p.weight.total), b(p.weight.jsOnLoad), p.weight.readableWithoutJs === undefined ? '—' : p.weight.readableWithoutJs ? 'yes' : 'no']),
)}`);

  const parts = (label: string, w: ReturnType<typeof worst>, goal: number) => {
    const rows = byPart(w.files);
    const ours = rows.filter(([n]) => n.includes('(ours)')).reduce((n, [, , by]) => n + by, 0);
    const verdict =
      w.bytes <= goal
        ? `Within the goal of ${kb(goal)}.`
        : `Over the goal of ${kb(goal)} by ${kb(w.bytes - goal)}. Of the ${kb(w.bytes)}, Pagefind's files are ${kb(w.bytes - ours)} and ours ${kb(ours)}. ` +
          'Pagefind needs its WebAssembly, its script and an index chunk for any query; what is ours is the search data of ' +
          'the query\'s words and results.';
    return `${label} (${w.lang} ${q(w.query)}, ${kb(w.bytes)}):\n\n${table(['part', 'requests', 'bytes'], rows.map(([n, c, by]) => [n, c, kb(by)]))}\n\n${verdict}`;
  };
  if (f.lighthouse.length) out.push(lighthouseSection(f.lighthouse));

  const localeRows = locales.flatMap((x) => x.modules.slice(0, 5).map((m) => [x.id === 'all-zh' ? 'zh' : 'en', `\`${m.path}\``, b(m.bytes)]));
  out.push(`## Findings

**The heaviest first search**, by part — Pagefind's WebAssembly and script, and the one index chunk of the words it is given,
are most of it; results are shown from the search's own entries (a fragment only for a page without one):

${parts('Real catalog', realWorst, 150_000)}
${x100Worst ? `\n${parts('×100', x100Worst, 300_000)}\n` : ''}
**One language.** An entry point of one language holds that language's texts and no other; \`explain()\` holds only the short
texts it serves (title, summary, meanings), \`lookup()\` the rest too (causes, actions, links). The largest modules of each
whole entry point (minified bytes):

${table(['locale', 'module', 'minified'], localeRows)}

explain()'s texts of one language alone are ${f.sizes
    .filter((x) => x.id === 'texts-en' || x.id === 'texts-zh')
    .map((x) => `${kb(x.gzipped)} (${x.id === 'texts-zh' ? 'zh' : 'en'})`)
    .join(' and ')} gzipped: the catalog's own prose (esbuild writes Chinese as \`\\uXXXX\` escapes unless \`charset: 'utf8'\`, which is
why zh is the larger). With the language-neutral records and the code of \`explain()\` (reading any response, every note, the
phrases) on top, \`explain()\` of one language is ${f.sizes
    .filter((x) => x.id === 'explain-en' || x.id === 'explain-zh')
    .map((x) => `${kb(x.gzipped)} (${x.id === 'explain-zh' ? 'zh' : 'en'})`)
    .join(' and ')}.

**Changes made for these goals** (figures from the investigation, before each change):

- The search page downloaded /{lang}/search/codes.json, every record's code, title, summary and phrases, before any search: 6.5 KB
  on the real catalog, 486 KB (en) and 723 KB (zh) at ×100. It now reads /search/{lang}/: a query fetches the token files of
  its words and the entry files of the records it shows, no more (site/lib/search-data.ts, site/scripts/engine.ts).
  codes.json is still built.
- Pagefind was given a query's two rarest words, often in two index chunks (~25 KB each), and a fragment was fetched for each
  page it found (up to 8 KB for a guide): 179 KB for the heaviest first search on the real catalog. The build now reads
  Pagefind's index (scripts/generate/pagefind-layout.ts): the engine sends only words of one chunk and shows Pagefind's pages
  from its own entries; single Chinese characters, a dozen in a question, are in files of their own.
- Pagefind's web worker: its script (12.7 KB) was downloaded before a first search; the search page now runs Pagefind in the page
  (\`noWorker\`).
- The search page loaded a fragment for 20 results plus one per pinned record, then dropped the duplicates; it now loads only as
  many as fill the list.
- The record tables of the guides were indexed too: at ×100 a guide's Pagefind fragment was up to 947 KB, and common words found
  the guides first. They are now left out of the index (\`data-pagefind-ignore\`); each record is found on its own page.`);

  if (f.diagnose) out.push(diagnoseSection(f.diagnose));

  out.push(`## How it is measured

- Machine and load: \`os.cpus()\`, \`os.totalmem()\`, \`os.loadavg()\` before and after the run; Node is the project's (devDependency \`node\`).
- Builds: scripts/bench/workspace.ts copies site/, content/, scripts/, src/ and the configs into a temporary folder, with the catalog
  as its data/ and node_modules/ as links to the real packages (with their own Astro and Vite caches), deletes every output and cache,
  then runs scripts/check.ts, scripts/build-package.ts and scripts/build-site.ts; the full build time is the sum of the three.
- Pages: HTML files in the built site. Pages per second: pages ÷ the site step's time.
- Sizes: esbuild \`bundle\`, \`minify\`, \`format: esm\`, \`platform: browser\`, gzip level 9 (scripts/bench/package.ts).
- Browser: playwright-core driving ${f.machine.chromium} with the tests' flags (test/browser/chromium.ts); the built site is served
  by scripts/bench/server.ts, which gzips text as a static host does (level 6). Transfer sizes come from Chromium's network log:
  the response headers' size and the body's Content-Length (Chromium reports no body size for a worker's own script).
- Queries: en ${Object.values(f.scales[0].searches.filter((x) => x.lang === 'en').map((x) => q(x.query))).join(', ')}; zh ${f.scales[0].searches
    .filter((x) => x.lang === 'zh')
    .map((x) => q(x.query))
    .join(', ')}: a code, a phrase pasted whole, and the catalog's most common word.
`);
  return out.join('\n\n');
}

/**
 * What "constant memory" means for `scan`: the largest log's peak memory at most this many times the peak of a log a tenth
 * its size (the garbage collector's slack grows a little with the work; what the scan keeps does not grow with the log).
 */
const SCAN_GROWTH = 1.5;

function diagnoseGoals(d: NonNullable<Figures['diagnose']>): (string | number)[][] {
  const worstScript = Math.max(...d.scripts.map((x) => x.gzipped));
  const large = d.scan[d.scan.length - 1];
  const tenth = d.scan[d.scan.length - 2];
  return [
    [`the diagnose page's JavaScript ≤ ${kb(DIAGNOSE_GOAL)} gzipped per language`, d.scripts.map((x) => `${x.lang} ${kb(x.gzipped)}`).join(', '), yes(worstScript <= DIAGNOSE_GOAL)],
    [
      `\`agora-rec-codes scan\` runs in constant memory: a ${mb(large.bytes)} log peaks ≤ ${SCAN_GROWTH} × the peak of a ${mb(tenth.bytes)} one`,
      d.scan.map((r) => `${r.peakMB.toFixed(0)} MB on ${mb(r.bytes)}`).join(', '),
      yes(large.peakMB <= SCAN_GROWTH * tenth.peakMB),
    ],
  ];
}

const LH_GOALS = { performance: 95, cls: 0.05, searchLcpMs: 2000, score: 100 };
const lhName = (x: LighthouseFigure) => `${x.type} ${x.lang} ${x.formFactor}`;
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${Math.round(n)} ms`);

/** The goals of the Lighthouse run: one row each, naming the pages that miss it. */
export function lighthouseGoals(figures: LighthouseFigure[]): (string | number)[][] {
  if (!figures.length) return [];
  const worstOf = (key: 'performance' | 'accessibility' | 'bestPractices' | 'seo') => figures.reduce((a, x) => (x[key] < a[key] ? x : a));
  const missing = (ok: (x: LighthouseFigure) => boolean) => figures.filter((x) => !ok(x));
  const missed = (list: LighthouseFigure[], show: (x: LighthouseFigure) => string) => (list.length ? `; missed by ${list.map((x) => `${lhName(x)} (${show(x)})`).join(', ')}` : '');
  const perf = worstOf('performance');
  const cls = figures.reduce((a, x) => (x.cls > a.cls ? x : a));
  const search = figures.filter((x) => x.type.startsWith('search') && x.formFactor === 'mobile');
  const scores = ['accessibility', 'bestPractices', 'seo'] as const;
  const below = figures.filter((x) => scores.some((k) => x[k] < LH_GOALS.score));
  return [
    [
      `Lighthouse performance ≥ ${LH_GOALS.performance} on every page (mobile and desktop, both languages)`,
      `lowest ${perf.performance} (${lhName(perf)})${missed(missing((x) => x.performance >= LH_GOALS.performance), (x) => String(x.performance))}`,
      yes(perf.performance >= LH_GOALS.performance),
    ],
    [`CLS ≤ ${LH_GOALS.cls} on every page`, `highest ${cls.cls.toFixed(3)} (${lhName(cls)})${missed(missing((x) => x.cls <= LH_GOALS.cls), (x) => x.cls.toFixed(3))}`, yes(cls.cls <= LH_GOALS.cls)],
    ...(search.length
      ? [[`LCP ≤ ${LH_GOALS.searchLcpMs / 1000} s on the search page (mobile)`, search.map((x) => `${x.lang} ${ms(x.lcp)}`).join(', '), yes(search.every((x) => x.lcp <= LH_GOALS.searchLcpMs))]]
      : []),
    [
      'accessibility, best practices and SEO 100 on every page (search and not-found pages: SEO without is-crawlable and http-status-code; the not-found page: best practices without the console error of its own 404)',
      below.length ? below.map((x) => `${lhName(x)}: ${scores.map((k) => x[k]).join(' / ')} (${x.failing.join(', ') || '—'})`).join('; ') : 'all 100',
      yes(below.length === 0),
    ],
  ];
}

function diagnoseSection(d: NonNullable<Figures['diagnose']>): string {
  const run = (r: ScanRun) => [mb(r.bytes), r.lines.toLocaleString('en-US'), r.responses.toLocaleString('en-US'), r.findings, `${r.seconds.toFixed(1)} s`, `${(r.bytes / 1e6 / r.seconds).toFixed(0)} MB/s`, `${r.peakMB.toFixed(0)} MB`];
  const over = d.scripts.filter((x) => x.gzipped > 15_000);
  return `## Diagnose

The JavaScript of /{lang}/diagnose/: the files its \`<script src>\` load (one module, /lib/diagnose.{lang}.js, which the support
portal imports too), gzipped at level 9; and the share of each part in its minified bytes (esbuild's metafile).

${table(['lang', 'files', 'minified', 'gzipped', ...d.scripts[0].parts.map((p) => `${p.name} (minified)`)], d.scripts.map((x) => [x.lang, x.files.join(', '), b(x.minified), b(x.gzipped), ...x.parts.map((p) => b(p.minified))]))}

${over.length ? `Over the goal of 15 KB: most of the module is the package's \`explain()\` with the language-neutral records and one language's texts (the one-locale figures above); the goal follows from shrinking the package per language.` : 'Within the goal of 15 KB.'}

\`agora-rec-codes scan --json\` over a generated log written to a temporary file (scripts/bench/diagnose.ts: seeded; mostly noise lines,
and Cloud Recording responses as JSON lines, plain text with JSON, Node objects over several lines and access-log lines), as its own
process (the built \`dist/esm/cli.js\`); peak resident memory from \`process.resourceUsage().maxRSS\` at exit. Time is what this
machine took, not a goal.

${table(['log', 'lines', 'responses', 'findings', 'time', 'throughput', 'peak memory'], d.scan.map(run))}`;
}

/** Every Lighthouse figure, by page, language and preset. */
export function lighthouseSection(figures: LighthouseFigure[]): string {
  const runs = figures[0]?.runs ?? 0;
  return `## Lighthouse

Lighthouse ${figures[0]?.version ?? ''} in the browser above (headless), with its two presets: **mobile** (its default: a mid-range phone, simulated slow 4G
and a 4× slower CPU) and **desktop**. Each page of each type, in both languages, ${runs} run${runs === 1 ? '' : 's'} per preset; every figure is the
median of its runs. Scores are 0–100; FCP, LCP and SI (speed index) are times, TBT (total blocking time) the time the main thread was
blocked, CLS the layout shift. Pages are served gzipped by scripts/bench/server.ts; an unknown address gets the 404.html of its
language with status 404, which Lighthouse is told to accept. The search and not-found pages ask search engines not to index them, so
their SEO score leaves out the two audits that fail for that reason (is-crawlable, http-status-code); and since Chromium logs a
page's own 404 status as a console error, the not-found page's best-practices score leaves out errors-in-console when that is the
only error it logged.

${table(
    ['page', 'lang', 'preset', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'SI', 'audits below 1'],
    figures.map((x) => [
      `${x.type} (\`${x.path}\`)`,
      x.lang,
      x.formFactor,
      x.performance,
      x.accessibility,
      x.bestPractices,
      x.seo,
      ms(x.fcp),
      ms(x.lcp),
      ms(x.tbt),
      x.cls.toFixed(3),
      ms(x.si),
      x.failing.join(', ') || '—',
    ]),
  )}`;
}
