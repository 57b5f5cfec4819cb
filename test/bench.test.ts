/**
 * The benchmark's synthetic catalog (scripts/bench/synthetic.ts) is a valid
 * catalog: it passes the loader with no problem, holds `factor` times the real
 * records of every kind, in both languages, and the same seed writes the same
 * files. (Performance itself is measured by `npm run bench`, never here.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, loadCatalog } from '../scripts/catalog/load.ts';
import { KIND_NAMES, LOCALES } from '../scripts/catalog/schema.ts';
import { textsOf } from '../scripts/catalog/translations.ts';
import { writeSyntheticCatalog } from '../scripts/bench/synthetic.ts';
import { throughput } from '../scripts/bench/package.ts';
import { categoryScore, type LighthouseFigure } from '../scripts/bench/lighthouse.ts';
import { lighthouseGoals } from '../scripts/bench/report.ts';

const dirs: string[] = [];
const synthetic = (factor: number, seed?: number) => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-catalog-'));
  dirs.push(dir);
  return writeSyntheticCatalog(dir, factor, seed);
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the synthetic catalog of the benchmark', () => {
  const real = loadCatalog().catalog.records;
  const factor = 3;
  const written = synthetic(factor);
  const { catalog, problems } = loadCatalog(written.dir);

  it('passes loadCatalog with no problem', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it(`holds ${factor} times the real records of every kind, each with its texts in both languages`, () => {
    expect(catalog.records).toHaveLength(factor * real.length);
    expect(written.records).toBe(factor * real.length);
    for (const kind of KIND_NAMES) {
      const count = (records: typeof real) => records.filter((r) => r.kind === kind).length;
      expect(count(catalog.records), kind).toBe(factor * count(real));
    }
    for (const locale of LOCALES) {
      const complete = catalog.records.filter((r) => r.title[locale] && r.summary[locale] && textsOf(r, locale).every((t) => t.trim() !== ''));
      expect(complete, locale).toHaveLength(factor * real.length);
    }
  });

  it('keeps the real records and gives every copy new texts', () => {
    const titles = (locale: 'zh' | 'en') => new Set(catalog.records.map((r) => r.title[locale]));
    for (const r of real) expect(catalog.records.some((c) => c.kind === r.kind && c.code === r.code && c.title.en === r.title.en)).toBe(true);
    for (const locale of LOCALES) expect(titles(locale).size, locale).toBeGreaterThan(real.length * 2);
  });

  it('writes the same files for the same seed', () => {
    const read = (dir: string) => readdirSync(dir).sort().map((name) => readFileSync(join(dir, name), 'utf8').replace(/^# .*\n/, ''));
    expect(read(synthetic(factor).dir)).toEqual(read(written.dir));
    expect(read(synthetic(factor, 2).dir)).not.toEqual(read(written.dir));
  });
});

describe('the throughput figures of the benchmark (tinybench)', () => {
  it('time passes over every input and turn the median pass into calls per second', async () => {
    const seen = new Map<unknown, number>();
    const figure = await throughput('count', ['a', 'b', 3], (x) => seen.set(x, (seen.get(x) ?? 0) + 1), 50);
    expect(figure.name).toBe('count');
    expect([...seen.keys()]).toEqual(['a', 'b', 3]);
    // Every input as often as the others: whole passes only.
    expect(new Set(seen.values()).size).toBe(1);
    expect(figure.samples).toBeGreaterThan(0);
    expect(seen.get('a')).toBeGreaterThanOrEqual(figure.samples);
    expect(figure.opsPerSecond).toBeGreaterThan(0);
    expect(Number.isFinite(figure.spread)).toBe(true);
  });

  it('fail, naming the function, when it throws', async () => {
    await expect(throughput('explodes', [1], () => { throw new Error('boom'); }, 20)).rejects.toThrow(/explodes.*boom/);
  });
});

describe('the Lighthouse figures of the benchmark', () => {
  const lhr = (seo: Record<string, number>) => ({
    categories: { seo: { score: 0, auditRefs: Object.keys(seo).map((id) => ({ id, weight: 1 })) } },
    audits: Object.fromEntries(Object.entries(seo).map(([id, score]) => [id, { score }])),
  });

  it('scores a category as Lighthouse does (weighted mean), leaving out exempt audits only when asked', () => {
    const page = lhr({ 'is-crawlable': 0, 'http-status-code': 0, 'meta-description': 1, 'document-title': 1 });
    expect(categoryScore(page, 'seo')).toBe(50);
    expect(categoryScore(page, 'seo', ['is-crawlable', 'http-status-code'])).toBe(100);
  });

  it('names every page that misses a goal', () => {
    const figure = (over: Partial<LighthouseFigure>): LighthouseFigure => ({
      type: 'home', lang: 'en', path: '/en/', formFactor: 'mobile', noindex: false, performance: 100, accessibility: 100, bestPractices: 100, seo: 100,
      fcp: 900, lcp: 900, tbt: 0, cls: 0, si: 900, failing: [], runs: 3, version: '12.8.2', ...over,
    });
    const goals = lighthouseGoals([
      figure({}),
      figure({ type: 'search', path: '/en/search/?q=433', performance: 80, cls: 0.2, lcp: 2500 }),
      figure({ type: 'guide', lang: 'zh', accessibility: 96, failing: ['color-contrast'] }),
    ]);
    const [perf, cls, lcp, scores] = goals;
    expect(perf[1]).toContain('search en mobile (80)');
    expect(perf[2]).toBe('❌ missed');
    expect(cls[1]).toContain('0.200');
    expect(lcp[1]).toBe('en 2.50 s');
    expect(lcp[2]).toBe('❌ missed');
    expect(scores[1]).toContain('guide zh mobile: 96 / 100 / 100 (color-contrast)');
    expect(lighthouseGoals([figure({})]).every((g) => g[2] === '✅ met')).toBe(true);
  });
});
