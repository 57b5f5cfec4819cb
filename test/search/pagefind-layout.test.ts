/**
 * What the search knows of Pagefind's index (scripts/generate/pagefind-layout.ts,
 * added to each language's lexicon by the build): every page Pagefind indexed
 * is the search entry of the same page, and the chunks' word ranges are
 * Pagefind's own, in order — so the engine can show a page without its
 * fragment and send Pagefind only words that share one index chunk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fragmentUrl, indexLayout, layoutFiles } from '../../scripts/generate/pagefind-layout.ts';
import { chunksOf, rarestWords } from '../../site/scripts/engine.ts';
import { pageFileOf, type SearchEntry, type SearchLexicon } from '../../site/scripts/pin.ts';
import { SITE_ROOT } from '../site/helpers.ts';

const LANGS = ['en', 'zh'] as const;
const lexiconOf = (lang: string) => JSON.parse(readFileSync(join(SITE_ROOT, 'search', lang, 'lexicon.json'), 'utf8')) as SearchLexicon;
const entryOf = (lang: string, head: SearchLexicon, n: number) =>
  (JSON.parse(readFileSync(join(SITE_ROOT, 'search', lang, `e${Math.floor(n / head.entriesPerFile)}.json`), 'utf8')) as SearchEntry[])[n % head.entriesPerFile];

describe('the search knows the layout of Pagefind\'s index', () => {
  for (const lang of LANGS) {
    it(`${lang}: every page Pagefind indexed is the search entry of the same page`, () => {
      const head = lexiconOf(lang);
      const prefix = lang === 'zh' ? 'zh-cn_' : `${lang}_`;
      const pages = readdirSync(join(SITE_ROOT, 'pagefind', 'fragment'))
        .filter((f) => f.startsWith(prefix))
        .map((f) => f.replace(/\.pf_fragment$/, ''));
      expect(pages.length).toBeGreaterThan(0);
      const pageFile = (name: string) => JSON.parse(readFileSync(join(SITE_ROOT, 'search', lang, `${name}.json`), 'utf8')) as Record<string, number>;
      for (const page of pages) {
        const n = pageFile(pageFileOf(page, head.pagefind!.pageFiles))[page];
        const url = fragmentUrl(readFileSync(join(SITE_ROOT, 'pagefind', 'fragment', `${page}.pf_fragment`)), page);
        expect(n, page).toBeTypeOf('number');
        expect(entryOf(lang, head, n).u, page).toBe(url);
      }
      // Each page file holds only the pages it is the file of.
      for (let f = 0; f < head.pagefind!.pageFiles; f++) {
        for (const page of Object.keys(pageFile(`p${f}`))) expect(pageFileOf(page, head.pagefind!.pageFiles)).toBe(`p${f}`);
      }
    });

    it(`${lang}: the index chunks' word ranges are ordered and do not overlap`, () => {
      const { chunks } = lexiconOf(lang).pagefind!;
      expect(chunks.length).toBeGreaterThan(0);
      for (let i = 0; i < chunks.length; i++) {
        expect(chunks[i][0] <= chunks[i][1], `chunk ${i}`).toBe(true);
        if (i > 0) expect(chunks[i - 1][1] < chunks[i][0], `chunks ${i - 1} and ${i}`).toBe(true);
      }
    });
  }

  it('a file that is not Pagefind\'s is refused by name', () => {
    expect(() => fragmentUrl(gzipSync('{"url":"/x/"}'), 'fragment/x.pf_fragment')).toThrow(/fragment\/x\.pf_fragment: not a Pagefind file/);
    expect(() => indexLayout(gzipSync('pagefind_dcd'), 'pagefind.en.pf_meta', () => '/', () => 0)).toThrow(/^pagefind\.en\.pf_meta: unreadable metadata \(/);
    expect(() => indexLayout(Buffer.from('{}'), 'pagefind.en.pf_meta', () => '/', () => 0)).toThrow(/^pagefind\.en\.pf_meta: not a gzipped Pagefind file \([^:]*$/);
  });

  it('splits the pages into files by id as the site grows: a search loads only its results\' files', () => {
    const pages = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`en_${(i * 2654435761).toString(16).slice(-7).padStart(7, '0')}${i}`, i]));
    const { layout, files } = layoutFiles({ chunks: [['0', 'z']], pages });
    expect(layout.pageFiles).toBe(files.size);
    expect(files.size).toBeGreaterThan(20);
    for (const [name, file] of files) {
      expect(JSON.stringify(file).length, name).toBeLessThan(6_000);
      for (const page of Object.keys(file)) expect(pageFileOf(page, layout.pageFiles)).toBe(name);
    }
    expect([...files.values()].reduce((n, f) => n + Object.keys(f).length, 0)).toBe(5000);
  });
});

describe('the words sent to Pagefind share one index chunk', () => {
  const chunks: [string, string][] = [
    ['0', 'mal'],
    ['man', 'ur'],
    ['us', 'zz'],
  ];
  it('finds a word\'s chunk as Pagefind does: in its range, or by its prefix when it falls between two', () => {
    // A Chinese word is looked up as it is (no stemmer): not cut into another chunk.
    expect(chunksOf('录制已在退出', [['0', '录制已在进'], ['录制已在退', '龥']])).toEqual([1]);
    expect(chunksOf('expired', chunks)).toEqual([0]);
    expect(chunksOf('resource', chunks)).toEqual([1]);
    expect(chunksOf('Uses', chunks)).toEqual([2]);
    // "malformed" sorts after "mal" and before "man": Pagefind's loose check takes the first chunk.
    expect(chunksOf('malformed', chunks)).toEqual([0]);
  });

  it('sends the words of the one chunk whose rarest words say the most', () => {
    const search = (rarity: Record<string, number>, text: string, layout?: [string, string][]) =>
      // The search's tokens are stems (resourc, expir).
      rarestWords(text, 'en', (t) => Object.entries(rarity).find(([word]) => word.startsWith(t))?.[1], layout, 1000).text;
    // Two fairly rare words in one chunk say more than the rarest word alone in another.
    expect(search({ expired: 2, resource: 1, fix: 30, id: 40 }, 'fix resource id expired', chunks)).toBe('fix expired');
    // A very rare word says more than two common ones.
    expect(search({ expired: 900, resource: 1, fix: 800, id: 950 }, 'fix resource id expired', chunks)).toBe('resource');
    // A word the search does not know (a typo) comes after the known ones, in the same chunk.
    expect(search({ limit: 12 }, 'concurent limit', chunks)).toBe('concurent limit');
    // A one-character Chinese word the data has (a particle) is left out while there are others.
    const zh = (rarity: Record<string, number>, text: string) =>
      rarestWords(text, 'zh', (t) => rarity[t], [['0', '龥']], 1000).text;
    expect(zh({ 已: 3, 在: 5, 退出: 10 }, '已 在 退出')).toBe('退出');
    expect(zh({ 已: 3 }, '已')).toBe('已');
    // A word the search's data lacks comes first: a word only a guide's text has, or a typo.
    expect(search({ set: 50, up: 60 }, 'set up firewall', chunks)).toBe('firewall');
    // Without the index's layout: the two rarest, wherever they are.
    expect(search({ expired: 2, resource: 1, fix: 30, id: 40 }, 'fix resource id expired')).toBe('resource expired');
  });
});
