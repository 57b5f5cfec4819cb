/**
 * /{lang}/diagnose/ in Chromium, as a developer or a support engineer uses it:
 * paste a body, a whole `curl -i` response, a log with several responses,
 * garbage or hostile text; pick a method; send the address to someone. What the
 * page says is what the package's explain() says, in the page's language, with
 * the records linked. Nothing is fetched once the page has loaded, the text stays
 * text, axe finds nothing serious and it fits a phone. Like every browser test,
 * no console error and no breach of the Content-Security-Policy (browse.ts).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DIAGNOSE_WORDS } from '../../site/lib/diagnose-words.ts';
import { explain } from '../../src/index.ts';
import { LANGS } from '../site/helpers.ts';
import { open, seriousViolations, useSitePages } from './browse.ts';

const log = (name: string) => readFileSync(new URL(`../fixtures/logs/${name}`, import.meta.url), 'utf8');
const plain = (s: string) => s.replace(/`/g, '');

const site = useSitePages(async (o) => {
  o.page.on('dialog', (d) => {
    o.problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await o.page.waitForSelector('[data-diagnose] form:not([hidden])');
});
const { visit } = site;

type Shown = { overview: string | null; findings: { outcome: string; next: string; what: string; facts: string; records: { href: string; text: string }[]; notes: string[] }[]; nothing: string | null };

/** What the page shows for the current paste. */
function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const out = document.querySelector('[data-diagnose-output]')!;
    const text = (e: Element | null) => e?.textContent?.trim() ?? '';
    return {
      overview: out.querySelector('.dx-overview')?.textContent ?? null,
      nothing: out.querySelector('.dx-nothing')?.textContent ?? null,
      findings: [...out.querySelectorAll('.dx-finding')].map((f) => ({
        outcome: text(f.querySelector('h2')),
        next: text(f.querySelector('.dx-next')),
        what: text(f.querySelector('.dx-what')),
        facts: text(f.querySelector('.dx-facts')),
        records: [...f.querySelectorAll('.dx-records a')].map((a) => ({ href: a.getAttribute('href') ?? '', text: text(a) })),
        notes: [...f.querySelectorAll('.dx-notes li')].map((li) => text(li)),
      })),
    };
  });
}

/**
 * Paste a text (as a person does: the box gets it, the page reacts to the
 * input, busy until it has diagnosed it), then read the diagnosis.
 */
async function paste(page: Page, text: string, method = ''): Promise<Shown> {
  await page.selectOption('#dx-method', method);
  await page.fill('#dx-text', text);
  await page.waitForSelector('[data-diagnose-output]:not([aria-busy])');
  return shown(page);
}

for (const lang of LANGS) {
  const words = DIAGNOSE_WORDS[lang];
  const nextLabel = words.nextLabel;
  describe(`${lang}: the diagnose page`, () => {
    it('a body: the outcome, what to do next, what happened, the records linked to their pages', async () => {
      const { page } = await visit(`/${lang}/diagnose/`);
      const body = '{"code":433,"reason":"resource expired"}';
      const r = await paste(page, body);
      const d = explain({ body }, { locale: lang });
      expect(r.overview).toBeNull();
      expect(r.findings).toHaveLength(1);
      const f = r.findings[0];
      expect(f.next).toBe(nextLabel + plain(d.next));
      expect(f.what).toBe(plain(d.summary));
      expect(f.facts).toContain(words.methodUnknown);
      expect(f.records[0]).toEqual({ href: `/${lang}/errors/433/`, text: `433 ${plain(d.record!.title)}` });
      // The link goes to the record's page, in the page's language.
      await page.click('.dx-records a');
      await page.waitForURL(`**/${lang}/errors/433/`);
    });

    it('a whole curl -i response: the method from the URL of the command, the HTTP status, every record', async () => {
      const { page } = await visit(`/${lang}/diagnose/`);
      const r = await paste(page, log('curl-i.txt'));
      const d = explain({ status: 206, body: '{"code":65,"reason":"request not completed"}', method: 'start' }, { locale: lang });
      expect(r.findings).toHaveLength(1);
      expect(r.findings[0].next).toBe(nextLabel + plain(d.next));
      expect(r.findings[0].facts).toContain(words.methodValue('start', words.methodFrom(1)));
      expect(r.findings[0].facts).toContain('206');
      expect(r.findings[0].records.map((x) => x.href)).toEqual(d.records.map((x) => new URL(x.urls[lang]).pathname));
      expect(r.findings[0].records.map((x) => x.href)).toEqual(expect.arrayContaining([`/${lang}/errors/65/`, `/${lang}/http/206/`]));
    });

    it('curl -v redirected with 2>&1 (progress meter, data notes): one finding, the method of the request line, the status, the body', async () => {
      const { page } = await visit(`/${lang}/diagnose/`);
      const r = await paste(page, log('curl-v-2to1.txt'));
      const d = explain({ status: 400, body: '{"code":62,"reason":"cloud recording not enabled"}', method: 'start' }, { locale: lang });
      expect(r.overview).toBeNull();
      expect(r.findings).toHaveLength(1);
      expect(r.findings[0].next).toBe(nextLabel + plain(d.next));
      expect(r.findings[0].facts).toContain(words.methodValue('start', words.methodFrom(15)));
      expect(r.findings[0].facts).toContain('400');
      expect(r.findings[0].records[0].href).toBe(`/${lang}/errors/62/`);
    });

    it('a service log: logfmt bodies with escaped quotes, a Spring exception carrying an HTML page', async () => {
      const { page } = await visit(`/${lang}/diagnose/`);
      const r = await paste(page, log('service.log'));
      expect(r.overview).toBe(words.overview(5, 5, 3));
      const hrefs = r.findings.map((f) => f.records[0]?.href);
      expect(hrefs).toEqual(expect.arrayContaining([`/${lang}/errors/49/`, `/${lang}/errors/65/`, `/${lang}/errors/433/`, `/${lang}/http/504/`]));
    });

    it('a query response: the recording status and every sub-service state, each linked to its page', async () => {
      const { page } = await visit(`/${lang}/diagnose/`);
      const body = JSON.stringify({ resourceId: 'R1', sid: 'S1', serverResponse: { status: 5, subServiceStatus: { recordingService: 'serviceAbnormal', uploaderService: 'serviceReady' } } });
      const r = await paste(page, `GET https://api.sd-rtn.com/v1/apps/6f1c/cloud_recording/resourceid/R1/sid/S1/mode/mix/query\nHTTP/1.1 200 OK\n\n${body}`);
      const d = explain({ status: 200, body, method: 'query' }, { locale: lang });
      expect(r.findings[0].next).toBe(nextLabel + plain(d.next));
      expect(r.findings[0].records.map((x) => x.href)).toEqual(
        expect.arrayContaining([`/${lang}/recording-status/5/`, `/${lang}/states/serviceAbnormal/`, `/${lang}/states/serviceReady/`, `/${lang}/http/200/`]),
      );
    });

    it('an HTML page from a proxy: says so in a note or in what happened', async () => {
      const { page } = await visit(`/${lang}/diagnose/`);
      const html = '<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body>\n</html>';
      const r = await paste(page, `HTTP/1.1 502 Bad Gateway\nContent-Type: text/html\n\n${html}`, 'start');
      const d = explain({ status: 502, body: html, method: 'start', headers: { 'content-type': 'text/html' } }, { locale: lang });
      expect(d.body).toBe('html');
      expect(r.findings[0].what).toBe(plain(d.summary));
      expect(r.findings[0].next).toBe(nextLabel + plain(d.next));
    });

    it('a log with several responses: an overview, one finding per kind of response, worst first, with counts and lines', async () => {
      const { page } = await visit(`/${lang}/diagnose/`);
      const r = await paste(page, log('json-lines.log'));
      // The two 65s on start were retried and the start on line 7 succeeded: settled, which their next step says.
      expect(r.overview).toBe(words.overview(7, 4, 1));
      expect(r.findings).toHaveLength(4);
      expect(r.findings[0].outcome).toContain(lang === 'zh' ? '3 次' : '3×');
      expect(r.findings[0].outcome).toContain(lang === 'zh' ? '第 9–11 行' : 'lines 9–11');
      expect(r.findings[0].records[0].href).toBe(`/${lang}/errors/invalid-authentication-credentials/`);
      expect(r.findings[1].records[0].href).toBe(`/${lang}/errors/65/`);
      const classes = await page.$$eval('.dx-finding', (els) => els.map((e) => e.classList.contains('dx-act')));
      expect(classes).toEqual([true, false, false, false]);
      expect(r.findings[1].next).toContain(lang === 'zh' ? '第 7 行' : 'line 7');
    });

    it('garbage: says nothing was found, and offers to search for it instead', async () => {
      const { page } = await visit(`/${lang}/diagnose/`);
      const r = await paste(page, 'recording stopped after a while???');
      expect(r.findings).toEqual([]);
      expect(r.nothing).toBe(words.nothing);
      expect(await page.getAttribute('.dx-result a', 'href')).toBe(`/${lang}/search/?q=${encodeURIComponent('recording stopped after a while???')}`);
    });

    it('hostile text stays text', async () => {
      const { page } = await visit(`/${lang}/diagnose/`);
      const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>';
      const r = await paste(page, `HTTP/1.1 400 Bad Request\n\n{"message":"${evil.replace(/"/g, '\\"')}","request_id":"1"}\n${evil}`);
      expect(r.findings).toHaveLength(1);
      expect(r.findings[0].notes.join(' ')).toContain(evil);
      expect(await page.locator('[data-diagnose-output] img, [data-diagnose-output] script').count()).toBe(0);
      expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    });

    it('the method changes the diagnosis of 62: acquire vs start', async () => {
      const { page } = await visit(`/${lang}/diagnose/`);
      const body = '{"code":62}';
      const onAcquire = await paste(page, body, 'acquire');
      const onStart = await paste(page, body, 'start');
      const a = explain({ body, method: 'acquire' }, { locale: lang });
      const s = explain({ body, method: 'start' }, { locale: lang });
      expect(a.next).not.toBe(s.next);
      expect(onAcquire.findings[0].next).toBe(nextLabel + plain(a.next));
      expect(onStart.findings[0].next).toBe(nextLabel + plain(s.next));
      expect(onStart.findings[0].facts).toContain(words.methodValue('start', words.methodChosen));
      // A method chosen over the one in the paste says so.
      const over = await paste(page, log('curl-i.txt').replace('HTTP/1.1 206', 'HTTP/1.1 500').replace('"code":65,"reason":"request not completed"', '"code":62'), 'acquire');
      expect(over.findings[0].notes).toContain(plain(words.chosenOverrides('start', 1, 'acquire')));
    });

    it('the address restores a diagnosis: a link a support engineer can send', async () => {
      const { page } = await visit(`/${lang}/diagnose/`);
      const first = await paste(page, log('curl-v.txt'), 'acquire');
      const address = page.url();
      expect(address).toMatch(/#method=acquire&text=/);
      expect(await page.getAttribute('[data-diagnose-link]', 'href')).toBe(new URL(address).hash);
      // The credentials of the curl command are not in the link, and the page says so.
      expect(decodeURIComponent(address)).not.toContain('Y3VzdG9tZXI6c2VjcmV0');
      expect(await page.textContent('[data-diagnose-link-note]')).toBe(words.linkWithoutCredentials);
      const other = await visit(new URL(address).pathname + new URL(address).hash);
      await other.page.waitForFunction(() => document.querySelector('[data-diagnose-output]')!.childElementCount > 0);
      expect(await other.page.inputValue('#dx-method')).toBe('acquire');
      expect(await other.page.inputValue('#dx-text')).toContain('{"code":62}');
      expect(await shown(other.page)).toEqual(first);
      // It opens on the verdict: the outcome's heading is on the first screen, at a phone's width too.
      const phone = await visit(new URL(address).pathname + new URL(address).hash, { viewport: { width: 390, height: 844 } });
      await phone.page.waitForFunction(() => document.querySelector('[data-diagnose-output]')!.childElementCount > 0);
      const top = await phone.page.evaluate(() => document.querySelector('.dx-outcome')!.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(844 / 2);
    });

    it('fetches nothing once loaded: the paste never leaves the page', async () => {
      const o = await visit(`/${lang}/diagnose/`);
      await o.page.waitForLoadState('networkidle');
      const requests: { url: string; method: string; body: string | null; headers: Record<string, string> }[] = [];
      o.page.on('request', async (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData(), headers: await r.allHeaders() }));
      const texts = [log('mixed.log'), log('curl-v.txt'), '{"code":65,"reason":"secret-marker-1"}', 'Invalid authentication credentials'];
      for (const text of texts) await paste(o.page, text);
      await paste(o.page, '{"code":62,"reason":"secret-marker-2"}', 'start');
      await o.page.click('[data-diagnose] button[type=submit]');
      await o.page.waitForTimeout(300);
      // The page asks for nothing; Chromium itself re-reads the site's icon when the
      // address changes (the icon is sent with no-cache). The fragment, which holds
      // the paste, is never part of a request.
      expect(requests.filter((r) => new URL(r.url).pathname !== '/favicon.svg'), JSON.stringify(requests)).toEqual([]);
      for (const r of requests) {
        expect(r.method).toBe('GET');
        expect(r.body).toBeNull();
        expect(JSON.stringify(r)).not.toMatch(/secret-marker|room-7|Y3VzdG9tZXI6c2VjcmV0|text=/);
      }
    });

    it('axe finds no serious violation, with a diagnosis shown', async () => {
      const { page } = await visit(`/${lang}/diagnose/`);
      await paste(page, log('mixed.log'));
      const violations = await seriousViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    });

    it('fits a 390 px phone', async () => {
      const { page } = await visit(`/${lang}/diagnose/`, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      await paste(page, log('mixed.log') + '\n{"message":"' + 'x'.repeat(300) + '"}');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });

    it('the search page offers a pasted response to the diagnose page, with the text carried over', async () => {
      const o = await open(site.browser, site.url, `/${lang}/search/?q=433`);
      site.track(o);
      const { page } = o;
      await page.waitForLoadState('networkidle');
      expect(await page.isHidden('#diagnose-offer')).toBe(true);
      const body = '{"code":62,"reason":"request timeout"}';
      await page.fill('#q', body);
      await page.waitForSelector('#diagnose-offer:not([hidden])');
      expect(await page.textContent('#diagnose-offer a')).toBe(words.offer);
      await page.click('#diagnose-offer a');
      await page.waitForURL(`**/${lang}/diagnose/#text=*`);
      await page.waitForSelector('[data-diagnose-output] .dx-finding');
      expect(await page.inputValue('#dx-text')).toBe(body);
      expect((await shown(page)).findings[0].records[0].href).toBe(`/${lang}/errors/62/`);
      // A search page opened with a pasted body in ?q= offers it at once.
      await page.goto(`${site.url}/${lang}/search/?q=${encodeURIComponent('HTTP/1.1 401 Unauthorized')}`);
      await page.waitForSelector('#diagnose-offer:not([hidden])');
    });

    it('is linked from every page’s navigation', async () => {
      const { page } = await visit(`/${lang}/diagnose/`);
      await page.goto(`${site.url}/${lang}/errors/433/`);
      await page.click(`.site-header nav a[href="/${lang}/diagnose/"]`);
      await page.waitForURL(`**/${lang}/diagnose/`);
      expect(await page.textContent('h1')).toBe(words.title);
    });
  });
}
