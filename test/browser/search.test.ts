/**
 * The search page answering what people type, in Chromium, in both languages:
 * a pasted JSON body, a question with filler words, other words for the same
 * thing, a query no page matches word for word (closest matches), nothing at
 * all (a way on), results that say what they are, the records a query names
 * shown before Pagefind has answered (and before its files are even fetched),
 * nothing moving while results arrive (phone and desktop, a slow network),
 * highlighted words readable in dark mode, the header's box answering as you
 * type, and excerpts read by the browser's own HTML parser.
 * Like every browser test, no page may log an error or break the CSP.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { catalog, type Lang, pagePath, recordByRef } from '../site/helpers.ts';
import { open, type Opened, searchResults, seriousViolations, useSitePages } from './browse.ts';

const { records } = catalog();
const byRef = (ref: string) => recordByRef(records, ref);
const plain = (s: string) => s.replace(/`/g, '');

const site = useSitePages();
const { visit } = site;
const searchFor = (lang: Lang, q: string) => visit(`/${lang}/search/?q=${encodeURIComponent(q)}`);
/** A guide's one-line description, from its front matter. */
const guideDescription = (lang: Lang, slug: string) =>
  (parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join('content', 'guides', lang, `${slug}.mdx`), 'utf8'))![1]) as { description: string }).description;

describe('search finds the answer to what people type', () => {
  const cases: [lang: Lang, what: string, query: string, ref: string][] = [
    ['en', 'a pasted JSON body', '{"resourceId":"JyvK8nXHuV1BE64","sid":"38f8e3cf","code":435,"reason":"no recorded data"}', 'error-code:435'],
    ['zh', 'a pasted JSON body', 'HTTP/1.1 401 Unauthorized\n{"message":"Invalid authentication credentials"}', 'message-error:invalid-authentication-credentials'],
    ['en', 'half a body', '"code":433,"reason":"resource exp', 'error-code:433'],
    ['zh', 'half a body', '"reason":"vendor_over_load","co', 'error-code:406'],
    ['en', 'a question with filler words', 'how do I fix a resource ID that expired?', 'error-code:433'],
    ['zh', 'a question with filler words', '频道名太长了怎么办？', 'error-code:1013'],
    ['en', 'other words for the same thing', 'my account is in arrears', 'error-code:405'],
    ['zh', 'other words for the same thing', '账号欠费了', 'error-code:405'],
    ['en', 'a code in context', 'getting error 65 when calling start', 'error-code:65'],
    ['zh', 'a code in context', '录制状态 20 是什么情况', 'recording-status:20'],
    ['en', 'a log line with the body in a quoted string', '2026-06-01T09:12:07Z level=warn msg="stop failed" status=404 body="{\\"code\\":435,\\"reason\\":\\"no recorded data\\"}"', 'error-code:435'],
    ['zh', 'a log line with the body in a quoted string', '2026-06-01 09:12:07.331 [rec-pool-4] 调用 stop 失败 resp="{\\"code\\":49}"', 'error-code:49'],
    ['en', 'an HTTP client\'s error', "AxiosError: Request failed with status code 404 ... data: { message: 'no Route matched with those values' }", 'message-error:no-route-matched'],
    ['zh', 'a body code and an HTTP status both named in words', 'HTTP 状态是 400，但是 body 里的 code 是 1013', 'error-code:1013'],
    ['en', 'a long chatty question', 'hi all, quick one: our second recorder in the same channel with the same uid gets refused with a conflict as soon as it starts, any idea?', 'error-code:53'],
    ['zh', 'a long chatty question', '大家好，问一下：我们同一个频道同一个 uid 又开了一个录制，第二个一 start 就说冲突，这是为啥', 'error-code:53'],
    ['en', 'a gateway message beside its HTTP status, in words', 'acquire gave us 401 Invalid authentication credentials this morning', 'message-error:invalid-authentication-credentials'],
    ['zh', 'a gateway message beside its HTTP status, in words', 'stop 用 GET 发的，结果 404 no Route matched with those values', 'message-error:no-route-matched'],
    ['en', 'a count of attempts is no code', 'start still fails with task conflict after 2 retries', 'error-code:53'],
  ];
  for (const [lang, what, query, ref] of cases) {
    it(`${lang}: ${what} leads to ${ref}`, async () => {
      const { page } = await searchFor(lang, query);
      // A search box keeps one line: a pasted body arrives without its line breaks.
      expect(await page.inputValue('#q')).toBe(query.replace(/\n/g, ''));
      // The first link of the answer: among the results, or first of the closest matches when no page has every word.
      await searchResults(page);
      const first = await page.$$eval('#results li > a, #closest li > a', (links) => links.map((a) => a.getAttribute('href'))[0]);
      expect(first).toBe(pagePath(byRef(ref), lang));
    });
  }

  it('a number shared by kinds: the body code first, unless the words name an HTTP or recording status', async () => {
    const first = async (lang: Lang, q: string) => (await searchResults((await searchFor(lang, q)).page)).slice(0, 2);
    expect(await first('en', '404')).toEqual(['/en/errors/404/', '/en/http/404/']);
    expect((await first('en', 'HTTP 404'))[0]).toBe('/en/http/404/');
    expect((await first('zh', '状态码 401'))[0]).toBe('/zh/http/401/');
    expect((await first('en', 'query status 8'))[0]).toBe('/en/recording-status/8/');
    expect((await first('zh', '等了 5 分钟才 start'))[0]).toBe('/zh/errors/433/');
    // The words name the kind: "error code 2" is no recording status 2, "code 7" none either.
    const named = async (lang: Lang, q: string) => searchResults((await searchFor(lang, q)).page);
    const twoAndFour = await named('en', 'got http 400 with error code 2');
    expect(twoAndFour.slice(0, 2).sort()).toEqual(['/en/errors/2/', '/en/http/400/']);
    expect(twoAndFour.slice(0, 3)).not.toContain('/en/recording-status/2/');
    expect((await named('zh', 'start 返回 code 7 是什么意思')).slice(0, 3)).not.toContain('/zh/recording-status/7/');
  });

  const noExact: [lang: Lang, query: string, ref: string][] = [
    ['en', 'chanel nmae lenght', 'error-code:1013'],
    ['zh', '欠废账户', 'error-code:405'],
  ];
  for (const [lang, query, ref] of noExact) {
    it(`${lang}: a query no page matches word for word shows the closest matches, under a line that says so`, async () => {
      const { page } = await searchFor(lang, query);
      const results = await searchResults(page);
      const closest = await page.$$eval('#closest li > a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect([...results, ...closest].slice(0, 3)).toContain(pagePath(byRef(ref), lang));
      expect(closest.length).toBeGreaterThan(0);
      expect(await page.isVisible('#closest-line')).toBe(true);
      expect(await page.textContent('#status')).not.toBe(await page.getAttribute('#status', 'data-none'));
    });
  }

  for (const [lang, fillers] of [['en', 'how do i the and of to'], ['zh', '请问 了 吗 怎么办']] as const) {
    it(`${lang}: nothing but filler words finds nothing, and says so`, async () => {
      const { page } = await searchFor(lang, fillers);
      await searchResults(page);
      expect(await page.locator('#results li, #closest li').count()).toBe(0);
      expect(await page.textContent('#status')).toBe(await page.getAttribute('#status', 'data-none'));
      expect(await page.isVisible('#nothing')).toBe(true);
    });
  }

  it('keyboard mashing finds nothing: no page only because it shares the first letters of a word (Pagefind\'s prefix fallback)', async () => {
    for (const q of ['asdkjh qwezx', 'sdfsdf']) {
      const { page } = await searchFor('en', q);
      await searchResults(page);
      expect(await page.locator('#results li, #closest li').count(), q).toBe(0);
      expect(await page.isVisible('#nothing'), q).toBe(true);
    }
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: with nothing at all, says so and links the whole table and a filtered view`, async () => {
      const { page } = await searchFor(lang, 'qqxzv wvkkj');
      await searchResults(page);
      expect(await page.textContent('#status')).toBe(await page.getAttribute('#status', 'data-none'));
      expect(await page.isVisible('#nothing')).toBe(true);
      const links = await page.$$eval('#nothing a', (as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual([`/${lang}/`, `/${lang}/?kind=error-code`]);
      await page.click('#filtered-view');
      await page.waitForURL(`**/${lang}/?kind=error-code`);
      expect(await page.inputValue('select[name="kind"]')).toBe('error-code');
    });
  }
});

describe('results say what they are', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: kind, code, title and the record's one-line summary`, async () => {
      const { page } = await searchFor(lang, '433');
      await searchResults(page);
      const r = byRef('error-code:433');
      const first = page.locator('#results li').first();
      expect(await first.locator('.r-kind').textContent()).toBe(lang === 'zh' ? '错误码' : 'Error code');
      expect(await first.locator('.r-code').textContent()).toBe('433');
      expect(await first.locator('.r-title').textContent()).toBe(plain(r.title[lang]));
      expect(await first.locator('p').textContent()).toBe(plain(r.summary[lang]));
    });
  }

  it('zh: a guide found by its text shows its one-line description, Chinese punctuation kept', async () => {
    const { page } = await searchFor('zh', '退避');
    await searchResults(page);
    const guide = page.locator('#results li').filter({ has: page.locator('a[href^="/zh/guides/"]') }).first();
    expect(await guide.locator('.r-kind').textContent()).toBe('指南');
    const slug = /\/zh\/guides\/([^/]+)\//.exec((await guide.locator('a').getAttribute('href')) ?? '')![1];
    const line = (await guide.locator('p').textContent()) ?? '';
    expect(line).toBe(guideDescription('zh', slug));
    expect(line).toMatch(/[，。：；、（）]/);
  });

  it('highlighted words keep a contrast of at least 4.5:1 in dark mode', async () => {
    const { page } = await visit('/en/search/?q=jitter', { colorScheme: 'dark' });
    await searchResults(page);
    const colours = await page.$eval('#results mark', (m) => {
      const style = getComputedStyle(m);
      return [style.color, style.backgroundColor];
    });
    const luminance = (css: string) => {
      const [r, g, b] = css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [fg, bg] = colours.map(luminance);
    expect((Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  for (const colorScheme of ['dark', 'light'] as const) {
    it(`axe finds nothing serious in ${colorScheme} mode: highlighted words, closest matches, the offer to diagnose a response`, async () => {
      const failures: string[] = [];
      for (const [lang, q, shown] of [
        ['en', 'jitter', '#results mark'],
        ['zh', '退避', '#results mark'],
        ['en', 'chanel nmae lenght', '#closest li'],
        ['zh', '{"code":433,"reason":"resource expired"}', '#diagnose-offer:not([hidden])'],
      ] as const) {
        const { page } = await visit(`/${lang}/search/?q=${encodeURIComponent(q)}`, { colorScheme });
        await searchResults(page);
        await page.waitForSelector(shown, { timeout: 5000 });
        for (const v of await seriousViolations(page)) failures.push(`${lang} "${q}": ${v.id} ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('the search page while results arrive', () => {
  it('shows the records the query names without waiting for Pagefind, then Pagefind\'s pages under them', async () => {
    const o = await open(site.browser, site.url, '/en/');
    site.track(o);
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    await o.page.route('**/pagefind/**', async (route) => {
      await gate;
      await route.continue();
    });
    const pagefindFiles: string[] = [];
    o.page.on('requestfinished', (r) => void (r.url().includes('/pagefind/') && pagefindFiles.push(new URL(r.url()).pathname)));
    await o.page.goto(`${site.url}/en/search/?q=${encodeURIComponent('{"code":1013}')}`);
    // Pagefind is still held back: the record the body names is there already, first.
    await o.page.waitForSelector('#results li > a');
    const early = await o.page.$$eval('#results li > a', (as) => as.map((a) => a.getAttribute('href')));
    expect(early[0]).toBe('/en/errors/1013/');
    expect(pagefindFiles).toEqual([]);
    release();
    // Then Pagefind's pages come under them: the first ones stay in place, no page twice.
    const all = await searchResults(o.page);
    expect(all.slice(0, early.length)).toEqual(early);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(early.length);
    // Pagefind answered from one index chunk, and its pages were shown from the search's own
    // entries: no fragment downloaded.
    expect(pagefindFiles.filter((f) => f.includes('/index/'))).toHaveLength(1);
    expect(pagefindFiles.filter((f) => f.includes('/fragment/'))).toEqual([]);
  });

  it('a long question downloads one of Pagefind\'s index chunks and none of its fragments, in both languages', async () => {
    const questions: [Lang, string][] = [
      ['en', 'why does my recording stop by itself after a while'],
      ['en', 'uploading to the storage bucket keeps failing, access denied?'],
      ['en', 'acquire refused because we send too many requests per second'],
      ['zh', '录制到一半自己停了是怎么回事'],
      ['zh', '上传到对象存储一直失败，权限不对吗'],
      ['zh', '调用 stop 的时候返回 404 应该怎么处理'],
    ];
    for (const [lang, question] of questions) {
      const o = await open(site.browser, site.url, `/${lang}/`);
      site.track(o);
      const files: string[] = [];
      o.page.on('requestfinished', (r) => void (r.url().includes('/pagefind/') && files.push(new URL(r.url()).pathname)));
      await o.page.goto(`${site.url}/${lang}/search/?q=${encodeURIComponent(question)}`);
      await searchResults(o.page);
      expect(await o.page.locator('#results li, #closest li').count(), question).toBeGreaterThan(0);
      await o.page.waitForLoadState('networkidle');
      expect(files.filter((f) => f.includes('/index/')).length, question).toBeLessThanOrEqual(1);
      expect(files.filter((f) => f.includes('/fragment/')), question).toEqual([]);
    }
  });

  it('with search data that does not know Pagefind\'s pages (an older build), shows them from their fragments', async () => {
    const o = await open(site.browser, site.url, '/en/');
    site.track(o);
    await o.page.route('**/search/en/lexicon.json', async (route) => {
      const { pagefind: _, ...lexicon } = (await (await route.fetch()).json()) as Record<string, unknown>;
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(lexicon) });
    });
    const fragments: string[] = [];
    o.page.on('requestfinished', (r) => void (r.url().includes('/pagefind/fragment/') && fragments.push(r.url())));
    await o.page.goto(`${site.url}/en/search/?q=backoff`);
    const all = await searchResults(o.page);
    expect(all.length).toBeGreaterThan(0);
    expect(fragments.length).toBeGreaterThan(0);
    const guide = o.page.locator('#results li').filter({ has: o.page.locator('a[href^="/en/guides/"]') }).first();
    expect(await guide.locator('p mark').count()).toBeGreaterThan(0);
  });

  /** When (performance.now()) the first result was added, and when each file of the search was requested. */
  const timeline = async (o: Opened, path: string) => {
    await o.context.addInitScript(() => {
      const w = window as unknown as { firstResult?: number };
      new MutationObserver((_, observer) => {
        if (document.querySelector('#results li')) {
          w.firstResult = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const wasm = o.page.waitForRequest(/\/pagefind\/wasm\.[a-z-]+\.pagefind$/);
    await o.page.goto(site.url + path);
    await searchResults(o.page);
    await wasm;
    await o.page.waitForLoadState('networkidle');
    return o.page.evaluate(() => ({
      firstResult: (window as unknown as { firstResult?: number }).firstResult ?? Number.POSITIVE_INFINITY,
      requested: Object.fromEntries(performance.getEntriesByType('resource').map((r) => [new URL(r.name).pathname, r.startTime])),
      preloads: [...document.querySelectorAll('head link[rel="preload"], head link[rel="modulepreload"]')].map((l) => l.getAttribute('href')),
    }));
  };

  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: with a code in ?q=, the lexicon is fetched from the head and Pagefind only after the records are shown`, async () => {
      const o = await visit(`/${lang}/`);
      const t = await timeline(o, `/${lang}/search/?q=433`);
      expect(t.preloads).toEqual([`/search/${lang}/lexicon.json`]);
      expect(t.firstResult).toBeLessThan(Number.POSITIVE_INFINITY);
      // Pagefind is on its way for "more" and the next query, but never slowed the answer.
      const pagefind = Object.entries(t.requested).filter(([path]) => path.startsWith('/pagefind/'));
      expect(pagefind.map(([path]) => path)).toContain('/pagefind/pagefind.js');
      for (const [path, at] of pagefind) expect(at, path).toBeGreaterThan(t.firstResult);
    });
  }

  it('with words that name no record, Pagefind is fetched for the first results', async () => {
    const o = await visit('/en/');
    const t = await timeline(o, '/en/search/?q=jitter');
    expect(t.requested['/pagefind/pagefind.js']).toBeLessThan(t.firstResult);
  });

  it('without a query, Pagefind is fetched at once, ready for the first one typed, with no preload in the head', async () => {
    const { page } = await visit('/en/');
    const wasm = page.waitForRequest(/\/pagefind\/wasm\.en\.pagefind$/);
    await page.goto(`${site.url}/en/search/`);
    expect((await wasm).url()).toBe(`${site.url}/pagefind/wasm.en.pagefind`);
    expect(await page.locator('head link[rel="preload"], head link[rel="modulepreload"]').count()).toBe(0);
  });

  // The answer is what a reader waits for: once the records a query names are on screen, nothing
  // arriving after them (Pagefind's pages, closest matches) is painted larger, so the page's
  // largest paint (LCP) is the heading area or the answer, never a later result.
  for (const [lang, q] of [
    ['en', '433'],
    ['zh', '433'],
    ['en', '{"code":435,"reason":"no recorded data"}'],
    ['zh', '资源 ID 过期'],
  ] as const) {
    it(`${lang}: "${q}" on a phone: the answer is the last largest paint, and it is whole`, async () => {
      const o = await visit(`/${lang}/`, { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
      await o.context.addInitScript(() => {
        const w = window as unknown as { largest: Element[] };
        w.largest = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { element: Element | null })[]) if (e.element) w.largest.push(e.element);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await o.page.goto(`${site.url}/${lang}/search/?q=${encodeURIComponent(q)}`);
      await searchResults(o.page);
      await o.page.waitForLoadState('networkidle');
      await o.page.waitForTimeout(300);
      const last = await o.page.evaluate(() => {
        const largest = (window as unknown as { largest: Element[] }).largest.at(-1);
        const result = largest?.closest('#results li, #closest li');
        return { inResults: !!result, named: !!result?.classList.contains('r-named'), text: largest?.textContent?.slice(0, 60) };
      });
      expect(last.inResults ? last.named : true, JSON.stringify(last)).toBe(true);
      // The answer's summary is whole: not cut to two lines like the pages found by their words.
      const answer = o.page.locator('#results li.r-named p').first();
      expect(await answer.evaluate((p) => p.scrollHeight <= p.clientHeight + 1)).toBe(true);
    });
  }

  // What a first paint may not be followed by: anything moving. Measured on a slow phone's terms
  // (the network and CPU throttled, as Lighthouse's mobile preset assumes) so that the page paints
  // before its scripts, the named records, Pagefind's results and the response reader arrive.
  const viewports = { mobile: { width: 390, height: 844 }, desktop: { width: 1350, height: 940 } } as const;
  const queries: [lang: Lang, what: string, q: string][] = [
    ['en', 'a code', '433'],
    ['zh', 'a code', '433'],
    ['zh', 'a question in Chinese', '录制结束了但是没有生成文件怎么办'],
    ['en', 'a question', 'how do I fix a resource id that expired'],
    ['en', 'words no page has together', 'concurent recordng limt'],
    ['zh', 'nothing that matches', 'qwxzv'],
    ['en', 'a pasted response', 'HTTP/1.1 400 Bad Request\n{"code":433,"reason":"resource expired"}'],
  ];
  for (const [form, viewport] of Object.entries(viewports)) {
    for (const [lang, what, q] of queries) {
      it(`nothing moves after the first paint (${form}, ${lang}, ${what}: "${q.replace(/\n/g, ' ')}")`, async () => {
        const o = await open(site.browser, site.url, '/en/', { viewport, isMobile: form === 'mobile', hasTouch: form === 'mobile' });
        site.track(o);
        await o.context.addInitScript(() => {
          const w = window as unknown as { shifts: string[] };
          w.shifts = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] })[]) {
              if (e.hadRecentInput) continue;
              const moved = e.sources.map(({ node }) => (node instanceof Element ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.className ? `.${String(node.className).replace(/ /g, '.')}` : ''}` : (node?.nodeName ?? '?')));
              w.shifts.push(`${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms: ${moved.join(', ')}`);
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        const cdp = await o.context.newCDPSession(o.page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await o.page.goto(`${site.url}/${lang}/search/?q=${encodeURIComponent(q)}`);
        await searchResults(o.page);
        // The response reader and Pagefind may still arrive after the count.
        await o.page.waitForLoadState('networkidle');
        await o.page.waitForTimeout(300);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        const shifts = await o.page.evaluate(() => (window as unknown as { shifts: string[] }).shifts);
        const total = shifts.reduce((sum, s) => sum + Number.parseFloat(s), 0);
        expect(total, `layout shifts:\n${shifts.join('\n')}`).toBeLessThanOrEqual(0.01);
        // What moves at all, even by less: nothing but subpixel rounding.
        expect(shifts.filter((s) => Number.parseFloat(s) > 0.0001)).toEqual([]);
      });
    }
  }
});

describe('what the build adds to the search index', () => {
  it('finds a record by a synonym it never shows: in the index, not on the page', async () => {
    // 65 says "timed out"; the build adds its set's first term, "timeout", for Pagefind only.
    const { page } = await visit('/en/guides/');
    const html = await (await page.request.get(`${site.url}/en/errors/65/`)).text();
    expect(html.toLowerCase()).not.toContain('timeout');
    // A string, so that the test runner leaves its import() alone.
    const urls = (await page.evaluate(`(async () => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.options({ noWorker: true });
      await pf.init();
      const { results } = await pf.search('timeout');
      return Promise.all(results.map(async (r) => (await r.data()).url));
    })()`)) as string[];
    expect(urls, urls.join(' ')).toContain('/en/errors/65/');
    // And a reader's "timed out" reaches it through the search page.
    const o = await searchFor('en', 'the response timed out because of a network hiccup');
    expect((await searchResults(o.page))[0]).toBe('/en/errors/65/');
  });
});

describe('the header\'s search box', () => {
  it('answers as you type, over the page, and Enter opens the search page', async () => {
    const { page } = await visit(pagePath(byRef('error-code:65'), 'zh'));
    await page.fill('#site-q', '资源ID过期了');
    await page.waitForSelector('#site-answers:not([hidden]) a');
    const links = await page.$$eval('#site-answers a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links[0]).toBe('/zh/errors/433/');
    expect(links.at(-1)).toBe(`/zh/search/?q=${encodeURIComponent('资源ID过期了')}`);
    expect(await page.$eval('#site-answers', (e) => getComputedStyle(e).position)).toBe('absolute');
    await page.press('#site-q', 'Escape');
    expect(await page.isHidden('#site-answers')).toBe(true);
    // Escape also empties a search box (the browser's own behaviour): type again, then Enter.
    await page.fill('#site-q', '资源ID过期了');
    await page.press('#site-q', 'Enter');
    await page.waitForURL('**/zh/search/?q=*');
    expect((await searchResults(page))[0]).toBe('/zh/errors/433/');
  });
});

describe('excerpts are read by the browser\'s HTML parser', () => {
  it('decodes every entity, keeps marks, and never throws', async () => {
    const bundled = await build({
      stdin: {
        contents: `import { excerptNodes } from ${JSON.stringify(join(process.cwd(), 'site/scripts/search.ts'))}; window.excerptNodes = excerptNodes;`,
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    const page = await site.browser.newPage();
    try {
      await page.setContent('<!doctype html><title>excerpts</title>');
      await page.addScriptTag({ content: bundled.outputFiles[0].text });
      const out = await page.evaluate(() => {
        const nodes = (window as unknown as { excerptNodes(s: string): Node[] }).excerptNodes;
        const read = (s: string) => nodes(s).map((n) => (n.nodeName === 'MARK' ? `[${n.textContent}]` : n.textContent)).join('');
        return [
          read('a &hellip; b &amp;lt; &#x110000; &#65; &nbsp;c'),
          read('频道名<mark>太长</mark>，超过 64 字节。'),
          read('<img src=x onerror=alert(1)>x<script>bad()</script>'),
        ];
      });
      expect(out[0]).toBe('a … b &lt; \uFFFD A \u00a0c');
      expect(out[1]).toBe('频道名[太长]，超过 64 字节。');
      expect(out[2]).toBe('xbad()');
      expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    } finally {
      await page.close();
    }
  });
});
