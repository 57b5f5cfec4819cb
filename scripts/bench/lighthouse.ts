/**
 * Lighthouse figures: each page of `LIGHTHOUSE_PAGES`, in both languages, on
 * the mobile preset (Lighthouse's default: a mid-range phone, simulated slow
 * 4G and CPU) and the desktop preset, `runs` times each, in one headless
 * Chromium (the tests' Chromium: CHROME_PATH or /usr/bin/chromium), served
 * gzipped by scripts/bench/server.ts. Every figure is the median of its runs.
 *
 * SEO: the search page and the not-found page ask search engines not to index
 * them (noindex), and the not-found page answers 404, as they should; their
 * SEO score is computed without the audits that fail for that reason
 * (is-crawlable, http-status-code), the same weighted mean Lighthouse takes.
 * Likewise Chromium logs a page's own 404 status as a console error: on the
 * not-found page, when that is the only console error, best practices are
 * computed without errors-in-console.
 */
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumPath } from '../../test/browser/chromium.ts';
import { median } from './report.ts';

export type LighthousePage = { type: string; path: (lang: 'zh' | 'en') => string; noindex?: boolean; notFound?: boolean };

/** One page of every type. */
export const LIGHTHOUSE_PAGES: LighthousePage[] = [
  { type: 'home', path: (l) => `/${l}/` },
  { type: 'record (error 433)', path: (l) => `/${l}/errors/433/` },
  { type: 'record (gateway message)', path: (l) => `/${l}/errors/invalid-authentication-credentials/` },
  { type: 'record (recording status)', path: (l) => `/${l}/recording-status/5/` },
  { type: 'guide (retries)', path: (l) => `/${l}/guides/retries/` },
  { type: 'guides', path: (l) => `/${l}/guides/` },
  { type: 'search (?q=433)', path: (l) => `/${l}/search/?q=433`, noindex: true },
  { type: 'not found (/errors/9999/)', path: (l) => `/${l}/errors/9999/`, noindex: true, notFound: true },
];

export type FormFactor = 'mobile' | 'desktop';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** SEO audits that fail on a page by design when it is noindex or a 404. */
const EXEMPT_WHEN_NOINDEX = ['is-crawlable', 'http-status-code'];

export type LighthouseFigure = {
  type: string;
  lang: 'zh' | 'en';
  path: string;
  formFactor: FormFactor;
  noindex: boolean;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Seconds / milliseconds / unitless, as Lighthouse reports them. */
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
  /** Audits below 1 in the median-performance run (accessibility, best practices, SEO), by id. */
  failing: string[];
  runs: number;
  /** Lighthouse's version. */
  version: string;
};

type Lhr = {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode?: string; details?: { items?: { source?: string; sourceLocation?: { url?: string } }[] } }>;
  runtimeError?: { message: string };
  lighthouseVersion?: string;
};

/** Audits a page fails by design: on a not-found page, the console error of its own 404 status and nothing else. */
function exemptByDesign(lhr: Lhr, url: string, page: LighthousePage): string[] {
  if (!page.notFound) return [];
  const items = lhr.audits['errors-in-console']?.details?.items ?? [];
  return items.length > 0 && items.every((i) => i.source === 'network' && i.sourceLocation?.url === url) ? ['errors-in-console'] : [];
}

/** A category's score (0–100) as Lighthouse computes it, leaving out `exempt` audits. */
export function categoryScore(lhr: Lhr, id: string, exempt: string[] = []): number {
  const refs = lhr.categories[id].auditRefs.filter((r) => r.weight > 0 && !exempt.includes(r.id));
  const scored = refs.filter((r) => lhr.audits[r.id]?.score !== null && lhr.audits[r.id]?.scoreDisplayMode !== 'notApplicable');
  const weight = scored.reduce((n, r) => n + r.weight, 0);
  if (!weight) return 100;
  return Math.round((100 * scored.reduce((n, r) => n + r.weight * (lhr.audits[r.id].score ?? 0), 0)) / weight);
}

export async function startChrome(): Promise<LaunchedChrome> {
  return launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Lighthouse on one page, `runs` times; the median of each figure. */
export async function lighthouseFigure(chrome: LaunchedChrome, base: string, page: LighthousePage, lang: 'zh' | 'en', formFactor: FormFactor, runs: number): Promise<LighthouseFigure> {
  const path = page.path(lang);
  const results: Lhr[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await lighthouse(
      base + path,
      // A not-found page answers 404 by design; Lighthouse measures it all the same.
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES], ignoreStatusCode: page.notFound },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    const lhr = result?.lhr as unknown as Lhr | undefined;
    if (!lhr) throw new Error(`lighthouse gave no result for ${path} (${formFactor})`);
    if (lhr.runtimeError) throw new Error(`lighthouse on ${path} (${formFactor}): ${lhr.runtimeError.message}`);
    results.push(lhr);
  }
  const exempt = page.noindex ? EXEMPT_WHEN_NOINDEX : [];
  const byDesign = (lhr: Lhr) => exemptByDesign(lhr, base + path, page);
  const m = (f: (lhr: Lhr) => number) => median(results.map(f));
  const metric = (id: string) => (lhr: Lhr) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const byPerformance = [...results].sort((a, b) => categoryScore(a, 'performance') - categoryScore(b, 'performance'));
  const middle = byPerformance[Math.floor((byPerformance.length - 1) / 2)];
  const failing = ['accessibility', 'best-practices', 'seo'].flatMap((c) =>
    middle.categories[c].auditRefs
      .filter((r) => r.weight > 0 && !(c === 'seo' && exempt.includes(r.id)) && !byDesign(middle).includes(r.id) && (middle.audits[r.id]?.score ?? 1) < 1)
      .map((r) => r.id),
  );
  return {
    type: page.type,
    lang,
    path,
    formFactor,
    noindex: !!page.noindex,
    performance: m((l) => categoryScore(l, 'performance')),
    accessibility: m((l) => categoryScore(l, 'accessibility')),
    bestPractices: m((l) => categoryScore(l, 'best-practices', byDesign(l))),
    seo: m((l) => categoryScore(l, 'seo', exempt)),
    fcp: m(metric('first-contentful-paint')),
    lcp: m(metric('largest-contentful-paint')),
    tbt: m(metric('total-blocking-time')),
    cls: m(metric('cumulative-layout-shift')),
    si: m(metric('speed-index')),
    failing: [...new Set(failing)],
    runs,
    version: results[0].lighthouseVersion ?? '',
  };
}
