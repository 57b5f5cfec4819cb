/**
 * What an import costs a browser bundle, and which language it carries: every
 * case of scripts/bench/package.ts (the goals of `npm run bench`) bundled by
 * esbuild from the built package, resolved as a consumer's bundler resolves
 * it (the package's `exports`, the browser's conditions). Bytes, not times.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../scripts/catalog/load.ts';
import { recordRef } from '../../scripts/catalog/schema.ts';
import { bundledSize, englishTexts, goalOf, hanCharacters, languagesIn, SIZE_CASES, type SizeCase, type SizeFigure } from '../../scripts/bench/package.ts';
import { PHRASES_EN } from '../../src/phrases/en.ts';
import { PHRASES_ZH } from '../../src/phrases/zh.ts';

const root = new URL('../..', import.meta.url).pathname;
const catalog = loadCatalogOrThrow();
const english = englishTexts(catalog, PHRASES_EN);
const figures = new Map<string, SizeFigure>();
const figure = (id: string) => figures.get(id)!;
const caseOf = (id: string) => SIZE_CASES.find((c) => c.id === id)!;

beforeAll(async () => {
  for (const sizeCase of SIZE_CASES) figures.set(sizeCase.id, await bundledSize(sizeCase, root));
}, 120_000);

const r433 = catalog.records.find((r) => recordRef(r) === 'error-code:433')!;

describe('each bundle carries its own language and no other', () => {
  for (const sizeCase of SIZE_CASES.filter((c) => c.texts !== 'any')) {
    it(`${sizeCase.name}: ${sizeCase.texts === 'none' ? 'no text' : sizeCase.texts}`, () => {
      const found = languagesIn(figure(sizeCase.id), english);
      if (sizeCase.texts === 'en' || sizeCase.texts === 'none') expect(found.han, 'Chinese characters').toEqual([]);
      if (sizeCase.texts === 'zh' || sizeCase.texts === 'none') expect(found.english, 'English texts').toEqual([]);
    });
  }

  it('the checks see a language where there is one: /zh holds Chinese, /en English', () => {
    expect(hanCharacters(figure('explain-zh').text).length).toBeGreaterThan(1000);
    expect(languagesIn(figure('explain-en'), english).english.length).toBeGreaterThan(100);
    expect(figure('explain-zh').text).toContain(r433.title.zh);
    expect(figure('explain-en').text).toContain(r433.title.en);
    expect(figure('explain-en').text).not.toContain(r433.title.zh);
    expect(figure('explain-zh').text).not.toContain(r433.summary.en);
  });

  it("the root in a browser bundle speaks English only: a caller who uses one language pays for one", () => {
    for (const id of ['explain-root', 'lookup-root', 'all-root', 'require-root']) expect(hanCharacters(figure(id).text), id).toEqual([]);
    expect(figure('explain-root').text).toContain(r433.summary.en);
  });

  it('explain() carries what it serves (title, summary, meanings), not what only a full record has (causes, actions)', async () => {
    // Causes and actions, but not those that say word for word what a title, summary, meaning or next step says.
    const phrases = await Promise.all(
      ['en', 'zh'].map((l) => bundledSize({ id: `phrases-${l}`, name: '', texts: 'any', code: `import { describeRetry } from '@org/agora-rec-codes/${l}'; console.log(describeRetry);` }, root)),
    );
    const brief = [figure('texts-en').text, figure('texts-zh').text, ...phrases.map((p) => p.text)].join('\n');
    const details = catalog.records.flatMap((r) => [...r.causes, ...r.actions]).filter((t) => !brief.includes(t.en) && !brief.includes(t.zh));
    expect(details.length).toBeGreaterThan(100);
    for (const id of ['explain-en', 'explain-root', 'client-en']) {
      expect(details.filter((t) => figure(id).text.includes(t.en)).map((t) => t.en), id).toEqual([]);
    }
    expect(details.filter((t) => figure('explain-zh').text.includes(t.zh)).map((t) => t.zh)).toEqual([]);
    for (const record of catalog.records) {
      expect(figure('explain-en').text, recordRef(record)).toContain(record.summary.en);
      for (const m of record.meanings) expect(figure('explain-zh').text, recordRef(record)).toContain(m.text.zh);
    }
    // lookup() serves full records: causes and actions are there.
    expect(figure('lookup-root').text).toContain(r433.causes[0].en);
    expect(figure('lookup-zh').text).toContain(r433.actions[0].zh);
  });

  it('language-neutral imports carry no record text in any language', () => {
    for (const id of ['error-code', 'is-error-code', 'validate-channel-name', 'doc-url', 'retry-policy', 'require-constants']) {
      expect(hanCharacters(figure(id).text), id).toEqual([]);
      expect(languagesIn(figure(id), english).english, id).toEqual([]);
      // Nor the package's sentences.
      expect(figure(id).text, id).not.toContain(PHRASES_EN.noInformation);
    }
  });
});

describe('what an import costs (gzipped bytes)', () => {
  const goalCases = SIZE_CASES.filter((c): c is SizeCase & { goal: NonNullable<SizeCase['goal']> } => c.goal !== undefined);
  for (const sizeCase of goalCases) {
    const bound = sizeCase.ceiling === undefined ? 'its goal' : 'today\'s size (its goal is not met yet; it may only shrink)';
    it(`${sizeCase.name} stays within ${bound}`, () => {
      const goal = goalOf(sizeCase, [...figures.values()])!;
      expect(figure(sizeCase.id).gzipped).toBeLessThanOrEqual(sizeCase.ceiling ?? goal);
      // A ceiling is only for a goal that is missed: once met, the goal itself is what holds.
      if (sizeCase.ceiling !== undefined) expect(figure(sizeCase.id).gzipped, 'goal met: drop the ceiling').toBeGreaterThan(goal);
    });
  }

  it('the root costs what /en costs, not both languages', () => {
    expect(figure('explain-root').gzipped).toBeLessThanOrEqual(figure('explain-en').gzipped + 1000);
    expect(figure('all-root').gzipped).toBeLessThan(figure('all-en').gzipped + 1000);
  });

  it('retryPolicy beside explain costs little: what both read (names, next steps) is in the bundle once', () => {
    expect(figure('explain-retry-en').gzipped).toBeLessThanOrEqual(figure('explain-en').gzipped + 400);
  });

  it('CommonJS: /constants costs a fraction of the root', () => {
    expect(figure('require-constants').gzipped * 5).toBeLessThan(figure('require-root').gzipped);
    expect(caseOf('require-constants').texts).toBe('none');
  });
});

describe('the published JavaScript writes Chinese as UTF-8', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
  const escapedHan = (text: string) =>
    [...text.matchAll(/\\u([0-9a-fA-F]{4})/g)].map((m) => String.fromCharCode(parseInt(m[1], 16))).filter((c) => hanCharacters(c).length > 0);

  for (const format of ['esm', 'cjs']) {
    it(`dist/${format}: no Chinese character as a \\u escape; the texts as they are written`, () => {
      const all = files(join(root, 'dist', format));
      for (const file of all) expect(escapedHan(readFileSync(file, 'utf8')), file).toEqual([]);
      const zh = readFileSync(join(root, 'dist', format, 'generated', 'texts.zh.js'), 'utf8');
      expect(zh).toContain(r433.title.zh);
      expect(readFileSync(join(root, 'dist', format, 'phrases', 'zh.js'), 'utf8')).toContain(PHRASES_ZH.noInformation);
    });
  }
});
