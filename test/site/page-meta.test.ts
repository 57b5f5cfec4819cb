/**
 * What the pages compute about themselves, as pure functions: alternates
 * (pages and sitemap), descriptions that fit a result snippet or a card,
 * JSON-LD that stays inside its <script>, the edit link from package.json's
 * `repository`, a record's title and its next step per method, and the
 * not-found page's reading of an address and its nearest records.
 */
import { describe, expect, it } from 'vitest';
import { alternates, fitDescription, jsonLd } from '../../site/lib/page-meta.ts';
import { editUrlOf, repositoryWebUrl } from '../../site/lib/repo.ts';
import { nextSteps, pageTitle, recordMethods } from '../../site/lib/record.ts';
import { retryText } from '../../site/lib/i18n.ts';
import { editDistance, nearest } from '../../src/nearest.ts';
import { type NotFoundEntry, readPath } from '../../site/scripts/not-found.ts';
import { catalog, recordByRef } from './helpers.ts';

const { records } = catalog();
const byRef = (ref: string) => recordByRef(records, ref);

describe('alternates: one rule for <link rel="alternate"> and the sitemap', () => {
  it('a record page: each language, and x-default = the English page (what / picks for other browsers)', () => {
    expect(alternates('/en/errors/433/')).toEqual([
      { hreflang: 'zh-CN', path: '/zh/errors/433/' },
      { hreflang: 'en', path: '/en/errors/433/' },
      { hreflang: 'x-default', path: '/en/errors/433/' },
    ]);
  });
  it('the home pages and / : each language once, x-default = / (it sends a visitor to their language)', () => {
    for (const path of ['/', '/zh/', '/en/']) {
      expect(alternates(path), path).toEqual([
        { hreflang: 'zh-CN', path: '/zh/' },
        { hreflang: 'en', path: '/en/' },
        { hreflang: 'x-default', path: '/' },
      ]);
    }
  });
});

describe('fitDescription', () => {
  it('keeps a short text whole, without its code-span backticks and extra spaces', () => {
    expect(fitDescription('The `sid`  does not   match.', 'en')).toBe('The sid does not match.');
  });
  it('keeps whole sentences within 160 characters in English', () => {
    const text = 'First sentence is here. ' + 'Second sentence is long, '.repeat(8) + 'and ends. Third one.';
    const out = fitDescription(text, 'en');
    expect(out).toBe('First sentence is here.');
  });
  it('cuts one long English sentence at a word, with an ellipsis, within the limit', () => {
    const out = fitDescription('word '.repeat(60).trim() + '.', 'en');
    expect([...out].length).toBeLessThanOrEqual(160);
    expect(out).toMatch(/ word…$/);
  });
  it('counts Chinese in characters: at most 80, cut at a sentence end where one fits', () => {
    const text = '录制服务加入频道时用的鉴权令牌已经过期。'.repeat(3) + '需要换一个新的令牌并重新发送请求。'.repeat(3);
    const out = fitDescription(text, 'zh');
    expect([...out].length).toBeLessThanOrEqual(80);
    expect(out.endsWith('。')).toBe(true);
    const long = '这是一个没有句号的很长的句子'.repeat(10);
    const cut = fitDescription(long, 'zh');
    expect([...cut].length).toBe(80);
    expect(cut.endsWith('…')).toBe(true);
  });
  it('every record summary fits in both languages', () => {
    for (const r of records) {
      expect([...fitDescription(r.summary.en, 'en')].length).toBeLessThanOrEqual(160);
      expect([...fitDescription(r.summary.zh, 'zh')].length).toBeLessThanOrEqual(80);
    }
  });
});

describe('jsonLd', () => {
  it('cannot be ended or changed by a text: <, >, & and line separators are escaped, the JSON is the same', () => {
    const data = { name: '</script><script>alert(1)</script> <!-- & \u2028' };
    const text = jsonLd(data);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe('the edit link: from package.json `repository`, or none', () => {
  it('reads the forms npm accepts', () => {
    for (const repository of [
      'acme/rec-codes',
      'github:acme/rec-codes',
      'https://github.com/acme/rec-codes',
      'https://github.com/acme/rec-codes.git',
      'git+https://github.com/acme/rec-codes.git',
      'git@github.com:acme/rec-codes.git',
      { type: 'git', url: 'git+https://github.com/acme/rec-codes.git' },
    ]) {
      expect(repositoryWebUrl(repository)?.web, JSON.stringify(repository)).toBe('https://github.com/acme/rec-codes');
      expect(editUrlOf(repository, 'data/error-codes.yaml')).toBe('https://github.com/acme/rec-codes/edit/main/data/error-codes.yaml');
    }
  });
  it('follows `directory` (a package inside a monorepo) and GitLab', () => {
    expect(editUrlOf({ type: 'git', url: 'https://github.com/acme/mono.git', directory: 'packages/codes' }, 'data/x.yaml')).toBe(
      'https://github.com/acme/mono/edit/main/packages/codes/data/x.yaml',
    );
    expect(editUrlOf('gitlab:acme/rec-codes', 'data/x.yaml')).toBe('https://gitlab.com/acme/rec-codes/-/edit/main/data/x.yaml');
  });
  it('gives none for no repository, an unknown host or something unreadable', () => {
    expect(editUrlOf(undefined, 'data/x.yaml')).toBeUndefined();
    expect(editUrlOf('https://git.example.org/acme/rec-codes', 'data/x.yaml')).toBeUndefined();
    expect(editUrlOf('not a repository', 'data/x.yaml')).toBeUndefined();
    expect(editUrlOf({ type: 'git' }, 'data/x.yaml')).toBeUndefined();
  });
});

describe('a record page says each thing once', () => {
  it('titles: a code its title already holds is not repeated (gateway messages, states); codes come first', () => {
    expect(pageTitle(byRef('output-status:connecting'), 'en')).toBe('Connecting');
    expect(pageTitle(byRef('message-error:invalid-authentication-credentials'), 'en')).toBe('Invalid authentication credentials');
    expect(pageTitle(byRef('message-error:unauthorized'), 'en')).not.toMatch(/^Unauthorized Unauthorized/);
    expect(pageTitle(byRef('error-code:433'), 'en')).toBe(`433 ${byRef('error-code:433').title.en}`);
    for (const r of records) {
      for (const lang of ['zh', 'en'] as const) {
        const words = pageTitle(r, lang).toLowerCase().split(/\s+/);
        const half = words.length / 2;
        if (Number.isInteger(half)) expect(words.slice(0, half).join(' '), pageTitle(r, lang)).not.toBe(words.slice(half).join(' '));
      }
    }
  });

  it('what to do: every method the record occurs on, once, grouped by the same next step', () => {
    for (const r of records) {
      const steps = nextSteps(r);
      const methods = steps.flatMap((s) => s.methods);
      expect(methods.sort(), `${r.kind}:${r.code}`).toEqual(recordMethods(r).sort());
      // One group per next step and its basis (a step Agora gives and the same step we recommend are said apart),
      // and, where the body code decides, per step of each code.
      const key = (p: (typeof steps)[number]['policy']) => JSON.stringify([retryText(p, 'en'), p.basis ?? null]);
      const texts = steps.map((s) => JSON.stringify([key(s.policy), s.byCode?.map((c) => [c.codes, key(c.policy)])]));
      expect(new Set(texts).size, `${r.kind}:${r.code}`).toBe(texts.length);
      // Where the body code decides, that comes first.
      const split = steps.findIndex((s) => s.byCode);
      if (split >= 0) expect(steps.slice(0, split).every((s) => s.byCode), `${r.kind}:${r.code}`).toBe(true);
    }
  });

  it('a record occurs on the methods its sources give it on: HTTP 206 not on acquire, 435 on stop, 500 on acquire and start', () => {
    expect(recordMethods(byRef('http-status:206'))).toEqual(['start', 'query', 'update', 'updateLayout', 'stop']);
    expect(recordMethods(byRef('error-code:435'))).toEqual(['stop']);
    expect(recordMethods(byRef('http-status:500'))).toEqual(['acquire', 'start']);
    // A meaning for every method that says what to do there still holds on every method: a wrong URL gets 404 anywhere.
    expect(recordMethods(byRef('http-status:404'))).toEqual(['acquire', 'start', 'query', 'update', 'updateLayout', 'stop']);
    // Where no meaning names a method, the record is on every method.
    expect(recordMethods(byRef('error-code:8'))).toHaveLength(6);
  });

  it('HTTP 206 on stop: the body code decides (65 retry, 435 nothing to do), and stop comes first', () => {
    const steps = nextSteps(byRef('http-status:206'));
    expect(steps[0].methods).toEqual(['stop']);
    expect(steps[0].byCode?.map((c) => [c.codes, c.policy.action])).toEqual([
      [[65], 'retry'],
      [[435], 'none'],
    ]);
    expect(steps.find((s) => s.methods.includes('start'))).toMatchObject({ methods: ['start'], policy: { action: 'retry', delaysMs: [3000, 6000] } });
    expect(steps.find((s) => s.methods.includes('start'))!.byCode).toBeUndefined();
  });

  it('HTTP 500 on start: 502 acquire again, 62 retry; on acquire one step for 500, 501 and 504', () => {
    const steps = nextSteps(byRef('http-status:500'));
    expect(steps.map((s) => s.methods)).toEqual([['start'], ['acquire']]);
    expect(steps[0].byCode?.map((c) => [c.codes, c.policy.action])).toEqual([
      [[502], 'acquire-again'],
      [[62], 'retry'],
    ]);
    expect(steps[1]).toMatchObject({ policy: { action: 'retry' } });
  });

  it('65: start has its own next step (3000 and 6000 ms, then acquire again); the other methods share one', () => {
    const steps = nextSteps(byRef('error-code:65'));
    const start = steps.find((s) => s.methods.includes('start'))!;
    expect(start.methods).toEqual(['start']);
    expect(start.policy).toMatchObject({ action: 'retry', delaysMs: [3000, 6000] });
    expect(steps.find((s) => s.methods.includes('stop'))!.methods).toEqual(['query', 'update', 'updateLayout', 'stop']);
  });

  it('values read from a query response are found on query, not on every method', () => {
    for (const r of records.filter((x) => ['service-state', 'recording-status', 'extension-state', 'output-status'].includes(x.kind))) {
      expect(recordMethods(r), `${r.kind}:${r.code}`).toEqual(['query']);
    }
    for (const r of records.filter((x) => x.kind === 'upload-status')) expect(recordMethods(r)).toEqual(['stop']);
  });
});

describe('the not-found page reads the address', () => {
  it('a record address: language, kind, id (decoded)', () => {
    expect(readPath('/en/errors/9999/')).toEqual({ lang: 'en', segment: 'errors', id: '9999' });
    expect(readPath('/zh/states/service%20Idle/')).toEqual({ lang: 'zh', segment: 'states', id: 'service Idle' });
    expect(readPath('/errors/433/')).toEqual({ lang: undefined, segment: 'errors', id: '433' });
    expect(readPath('/en/some/deep/path/')).toEqual({ lang: 'en', id: 'path' });
    expect(readPath('/en/')).toEqual({ lang: 'en', id: '' });
    expect(readPath('/en/errors/%E0%A4%A/')).toEqual({ lang: 'en', segment: 'errors', id: '%E0%A4%A' });
  });

  const entries: NotFoundEntry[] = records.map((r) => [
    `/en/${r.kind === 'http-status' ? 'http' : r.kind === 'service-state' ? 'states' : 'errors'}/${r.code}/`,
    r.kind === 'message-error' ? r.message : String(r.code),
    r.title.en,
  ]);
  const codes = (found: NotFoundEntry[]) => found.map((e) => e[1]);

  it('a mistyped code finds the code (4333 → 433, 1031 → 1013 among the first)', () => {
    expect(codes(nearest(entries, readPath('/en/errors/4333/')))[0]).toBe('433');
    expect(codes(nearest(entries, readPath('/en/errors/1031/')))).toContain('1013');
  });
  it('a code of another kind comes first (/en/errors/206/ → HTTP 206)', () => {
    expect(nearest(entries, readPath('/en/errors/206/'))[0][0]).toBe('/en/http/206/');
  });
  it('an unknown number finds the numerically closest codes (9999 → the largest)', () => {
    const largest = records.filter((r) => r.kind === 'error-code').map((r) => Number(r.code)).sort((a, b) => b - a).slice(0, 3).map(String);
    expect(codes(nearest(entries, readPath('/en/errors/9999/'))).slice(0, 3).sort()).toEqual(largest.sort());
  });
  it('a misspelt state or message finds it, whatever the case', () => {
    expect(codes(nearest(entries, readPath('/en/states/serviceidel/')))[0]).toBe('serviceIdle');
    expect(codes(nearest(entries, readPath('/en/errors/invalid-authentication-credential/')))[0]).toBe('Invalid authentication credentials');
  });
  it('at most five, none for an empty id', () => {
    expect(nearest(entries, readPath('/en/errors/1/'))).toHaveLength(5);
    expect(nearest(entries, readPath('/en/'))).toEqual([]);
  });
  it('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('会议室', '会议')).toBe(1);
  });
});
