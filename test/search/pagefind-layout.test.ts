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
import { fragmentUrl, pagefindLayout } from '../../scripts/generate/pagefind-layout.ts';
import { chunksOf, rarestWords } from '../../site/scripts/engine.ts';
import type { SearchEntry, SearchLexicon } from '../../site/scripts/pin.ts';
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
      const fragments = readdirSync(join(SITE_ROOT, 'pagefind', 'fragment')).filter((f) => f.startsWith(prefix));
      expect(Object.keys(head.pagefind!.pages).sort()).toEqual(fragments.map((f) => f.replace(/\.pf_fragment$/, '')).sort());
      for (const [page, n] of Object.entries(head.pagefind!.pages)) {
        const url = fragmentUrl(readFileSync(join(SITE_ROOT, 'pagefind', 'fragment', `${page}.pf_fragment`)), page);
        expect(entryOf(lang, head, n).u, page).toBe(url);
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
    expect(() => pagefindLayout(gzipSync('pagefind_dcd'), 'pagefind.en.pf_meta', () => '/', () => 0)).toThrow(/pagefind\.en\.pf_meta/);
  });
});

describe('the words sent to Pagefind share one index chunk', () => {
  const chunks: [string, string][] = [
    ['0', 'mal'],
    ['man', 'ur'],
    ['us', 'zz'],
  ];
  it('finds a word\'s chunk as Pagefind does: in its range, or by its prefix when it falls between two', () => {
    expect(chunksOf('expired', chunks)).toEqual([0]);
    expect(chunksOf('resource', chunks)).toEqual([1]);
    expect(chunksOf('Uses', chunks)).toEqual([2]);
    // "malformed" sorts after "mal" and before "man": Pagefind's loose check takes the first chunk.
    expect(chunksOf('malformed', chunks)).toEqual([0]);
  });

  it('sends the words of the one chunk whose rarest words say the most', () => {
    const search = (rarity: Record<string, number>, text: string, layout?: [string, string][]) =>
      // The search's tokens are stems (resourc, expir).
      rarestWords(text, 'en', (t) => Object.entries(rarity).find(([word]) => word.startsWith(t))?.[1], layout, 1000);
    // Two fairly rare words in one chunk say more than the rarest word alone in another.
    expect(search({ expired: 2, resource: 1, fix: 30, id: 40 }, 'fix resource id expired', chunks)).toBe('fix expired');
    // A very rare word says more than two common ones.
    expect(search({ expired: 900, resource: 1, fix: 800, id: 950 }, 'fix resource id expired', chunks)).toBe('resource');
    // A word the search does not know (a typo) comes after the known ones, in the same chunk.
    expect(search({ limit: 12 }, 'concurent limit', chunks)).toBe('concurent limit');
    // Without the index's layout: the two rarest, wherever they are.
    expect(search({ expired: 2, resource: 1, fix: 30, id: 40 }, 'fix resource id expired')).toBe('resource expired');
  });
});
