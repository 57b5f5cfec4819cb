/**
 * The search page pins exact matches above Pagefind's results (site/scripts/pin.ts),
 * over the codes.json the build wrote for each language.
 */
import { describe, expect, it } from 'vitest';
import { normalize, pinned, type CodeEntry } from '../../site/scripts/pin.ts';
import { readBuilt } from './helpers.ts';

const codes = (lang: 'zh' | 'en') => JSON.parse(readBuilt(`/${lang}/search/codes.json`)) as CodeEntry[];
const first = (lang: 'zh' | 'en', q: string) => pinned(codes(lang), q)[0]?.u;

describe('pinned search results', () => {
  it('normalizes a query: case, quotes, punctuation at the ends, runs of space', () => {
    expect(normalize('  "Invalid   Authentication credentials."  ')).toBe('invalid authentication credentials');
    expect(normalize('「资源 ID 过期」。')).toBe('资源 id 过期');
    expect(normalize('')).toBe('');
  });

  it('puts the record with that exact code first, before codes it prefixes', () => {
    expect(first('en', '433')).toBe('/en/errors/433/');
    expect(first('en', '2')).toBe('/en/errors/2/');
    const two = pinned(codes('en'), '2').map((e) => e.u);
    expect(two).not.toContain('/en/http/200/');
    expect(first('zh', '2')).toBe('/zh/errors/2/');
  });

  it('orders a number shared by kinds body code first, and "HTTP 404" names the HTTP status', () => {
    const both = pinned(codes('en'), '404').map((e) => e.u);
    expect(both.slice(0, 2)).toEqual(['/en/errors/404/', '/en/http/404/']);
    expect(first('en', 'HTTP 404')).toBe('/en/http/404/');
  });

  it('finds a gateway message pasted whole, whatever its case and quotes', () => {
    expect(first('en', 'Invalid authentication credentials')).toBe('/en/errors/invalid-authentication-credentials/');
    expect(first('en', '"no Route matched with those values"')).toBe('/en/errors/no-route-matched/');
    expect(first('zh', 'INVALID APPID')).toBe('/zh/errors/invalid-appid/');
  });

  it('finds Chinese phrases, with or without spaces', () => {
    expect(first('zh', '频道名不合法')).toBe('/zh/errors/1013/');
    expect(first('zh', '资源 ID 过期')).toBe('/zh/errors/433/');
    expect(first('zh', '资源ID过期')).toBe('/zh/errors/433/');
  });

  it('pins nothing for words that name no record exactly', () => {
    expect(pinned(codes('en'), 'how do I record')).toEqual([]);
    expect(pinned(codes('en'), '   ')).toEqual([]);
  });
});

describe('pinned search results for a common Chinese word', () => {
  it('leave a word found in many titles to Pagefind', () => {
    const many = codes('zh').filter((e) => e.t.includes('录制')).length;
    expect(many).toBeGreaterThan(5);
    expect(pinned(codes('zh'), '录制')).toEqual([]);
  });
});
