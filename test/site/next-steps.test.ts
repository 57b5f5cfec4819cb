/**
 * What a reader sees of the next step, in the built site (run after
 * `npm run build:site`): a record page's "What to do" names only the methods
 * the sources give the record on, and where the body code decides (HTTP 206
 * on `stop`: 65 or 435) it leads with "Read the body code"; the home table
 * holds each record's step on every method, the one the package gives there;
 * a record page's Sources are its sources, its links apart, no page twice.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { recordRef } from '../../scripts/catalog/schema.ts';
import { recordMethods } from '../../site/lib/record.ts';
import { retryLabel, retryPolicy } from '../../src/index.ts';
import { catalog, LANGS, pagePath, readBuilt, recordByRef, shownCode } from './helpers.ts';

const { findAll, findOne, getAttributeValue, textContent } = DomUtils;
type Element = ReturnType<typeof findAll>[number];

const { records, api } = catalog();
const byRef = (ref: string) => recordByRef(records, ref);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function doc(path: string) {
  return parseDocument(readBuilt(path)).children;
}
const byId = (nodes: ReturnType<typeof doc>, id: string) => findOne((e) => getAttributeValue(e, 'id') === id, nodes, true);
/** The section a heading names: <section aria-labelledby="id">. */
const section = (nodes: ReturnType<typeof doc>, id: string) =>
  findOne((e) => e.name === 'section' && getAttributeValue(e, 'aria-labelledby') === id, nodes, true);
/** "What to do", without the "Agora says so / We recommend this" lines (they name sources, not steps). */
const stepText = (e: Element) => {
  const copy = parseDocument(DomUtils.getOuterHTML(e));
  for (const basis of findAll((x) => (getAttributeValue(x, 'class') ?? '').includes('basis'), copy.children)) DomUtils.removeElement(basis);
  return squash(textContent(copy));
};
const ON = { en: (m: string) => `On ${m}`, zh: (m: string) => `在 ${m} 上` } as const;

describe('HTTP 206: "What to do" leads with the body code on stop', () => {
  for (const lang of LANGS) {
    it(`${lang}: first "On stop: Read the body code: 65 → retry, 435 → nothing to do", no acquire, the start step said once`, () => {
      const nodes = doc(`/${lang}/http/206/`);
      const todo = byId(nodes, 'retry')!;
      const terms = findAll((e) => e.name === 'dt', [todo]).map((e) => squash(textContent(e)));
      expect(terms[0]).toBe(ON[lang]('stop'));
      // No source gives a 206 on acquire: What to do does not say what to do there.
      expect(terms.join(' | ')).not.toContain('acquire');
      const first = stepText(findAll((e) => e.name === 'dd', [todo])[0]);
      if (lang === 'en') {
        expect(first).toMatch(/^Read the body code: 65 → Retry the same request with the same resource ID after 1 s, then 3 s, then 6 s\. 435 → Nothing to do\. No body code → /);
      } else {
        expect(first).toMatch(/^先看响应包体中的 code： 65 → 重试同一请求.*第 1 次等待 1 秒后重试，第 2 次等待 3 秒后重试，第 3 次等待 6 秒后重试。 435 → 无需处理。 没有 code → /);
      }
      // Each code links its record.
      const links = findAll((e) => e.name === 'a', [findAll((e) => e.name === 'dd', [todo])[0]]).map((a) => getAttributeValue(a, 'href'));
      expect(links).toEqual(expect.arrayContaining([`/${lang}/errors/65/`, `/${lang}/errors/435/`]));
      // The start step (3 s, then 6 s) is said once in What to do.
      const delays = lang === 'en' ? 'after 3 s, then 6 s' : '第 1 次等待 3 秒后重试，第 2 次等待 6 秒';
      expect(stepText(todo).split(delays).length - 1).toBe(1);
      // The meanings table does not put the Chinese page's 206 on every method: it names none.
      const meanings = section(nodes, 'meaning')!;
      const firstRow = findAll((e) => e.name === 'tr', [meanings])[1];
      expect(squash(textContent(findAll((e) => e.name === 'td', [firstRow])[0]))).toBe(lang === 'en' ? 'not named' : '未指明');
    });
  }

  it('every record page: What to do names each method the record occurs on once, and no other', () => {
    for (const r of records) {
      for (const lang of LANGS) {
        const path = pagePath(r, lang);
        const todo = byId(doc(path), 'retry')!;
        const named = findAll((e) => e.name === 'dt', [todo]).flatMap((dt) => findAll((e) => e.name === 'code', [dt]).map((c) => textContent(c)));
        if (named.length) expect(named.sort(), path).toEqual(recordMethods(r).sort());
      }
    }
  });
});

describe('the home table: the next step on the chosen method', () => {
  for (const lang of LANGS) {
    it(`${lang}: a row whose step differs by method says so, and holds the step on each method; error codes as the package's retryPolicy() gives them`, () => {
      const nodes = doc(`/${lang}/`);
      const rows = findAll((e) => e.name === 'tr' && getAttributeValue(e, 'data-kind') !== undefined, [byId(nodes, 'codes')!]);
      // The row of a record: the one linking its page.
      const rowOf = (ref: string) => rows.find((tr) => findOne((e) => e.name === 'a', [tr], true) && getAttributeValue(findOne((e) => e.name === 'a', [tr], true)!, 'href') === pagePath(byRef(ref), lang))!;
      const stepCell = (tr: Element) => findAll((e) => e.name === 'td', [tr])[4];
      const on = (ref: string, method: string) => getAttributeValue(stepCell(rowOf(ref)), `data-on-${method.toLowerCase()}`);
      const depends = lang === 'en' ? 'Depends on the method' : '因方法而异';
      expect(squash(textContent(stepCell(rowOf('error-code:65'))))).toBe(depends);
      expect(squash(textContent(stepCell(rowOf('error-code:62'))))).toBe(depends);
      expect(on('error-code:62', 'acquire')).toBe(lang === 'en' ? 'Fix the account' : retryLabel({ action: 'fix-account' }, 'zh'));
      expect(on('error-code:501', 'acquire')).toBe(lang === 'en' ? 'Retry (1 s, 3 s, 6 s)' : '重试（1 秒、3 秒、6 秒）');
      expect(on('error-code:501', 'query')).toBe(lang === 'en' ? 'Task gone' : retryLabel({ action: 'gone' }, 'zh'));
      expect(on('error-code:65', 'start')).toBe(lang === 'en' ? 'Retry (3 s, 6 s)' : '重试（3 秒、6 秒）');
      expect(on('error-code:65', 'stop')).toBe(lang === 'en' ? 'Retry (1 s, 3 s, 6 s)' : '重试（1 秒、3 秒、6 秒）');
      // Where the body code decides, the cell says each code's step.
      expect(on('http-status:206', 'stop')).toBe(lang === 'en' ? 'code 65: Retry (1 s, 3 s, 6 s); code 435: Nothing to do' : 'code 65：重试（1 秒、3 秒、6 秒）；code 435：无需处理');
      // Every row: one step said for all its methods, or "depends on the method" and the step on each of them.
      for (const r of records) {
        const row = rowOf(recordRef(r));
        const cell = stepCell(row);
        const methods = (getAttributeValue(row, 'data-methods') ?? '').split(' ').filter(Boolean);
        expect(methods, recordRef(r)).toEqual(recordMethods(r));
        const perMethod = methods.map((m) => getAttributeValue(cell, `data-on-${m.toLowerCase()}`));
        if (squash(textContent(cell)) !== depends) {
          expect(perMethod.every((x) => x === undefined), recordRef(r)).toBe(true);
          continue;
        }
        expect(new Set(perMethod).size, recordRef(r)).toBeGreaterThan(1);
        methods.forEach((m, j) => {
          expect(perMethod[j], `${recordRef(r)} on ${m}`).toBeTruthy();
          // The package's one rule: the site's step on a method is retryPolicy()'s there.
          if (r.kind === 'error-code') expect(perMethod[j], `${recordRef(r)} on ${m}`).toBe(retryLabel(retryPolicy(r.code as number, m as never)!, lang));
        });
      }
    });
  }
});

describe('record pages: Sources are the sources; links apart; no page twice', () => {
  const hrefs = (e: Element | null) => (e ? findAll((x) => x.name === 'a', [e]).map((a) => getAttributeValue(a, 'href')!) : []);
  const items = (e: Element | null) => (e ? findAll((x) => x.name === 'li', [e]).map((li) => squash(textContent(li))) : []);
  for (const lang of LANGS) {
    it(`${lang}: every record`, () => {
      for (const r of records) {
        const path = pagePath(r, lang);
        const nodes = doc(path);
        const sources = section(nodes, 'sources');
        const listed = items(sources);
        expect(listed.length, path).toBe(r.sources.length);
        r.sources.forEach((id, i) => expect(listed[i], `${path} source ${id}`).toContain(squash(api.sources.find((s) => s.id === id)!.title[lang])));
        const links = section(nodes, 'links');
        const linked = [...hrefs(sources), ...hrefs(links)];
        expect(new Set(linked).size, `${path}: a page listed twice`).toBe(linked.length);
        // Every link of the record, and Agora's status-code page, are there once: as a source or a link.
        for (const url of [...r.links.map((l) => l.url[lang]), api.links.docs.url[lang]]) expect(linked, `${path} ${url}`).toContain(url);
        for (const l of r.links) expect(listed.join(' | '), `${path}: ${l.title.en} is no source`).not.toContain(squash(l.title[lang].replace(/`/g, '')));
      }
    });
  }

  it('serviceAbnormal lists "Contact Agora support" under Links, not Sources; 435 lists the status-code page once', () => {
    const abnormal = doc(pagePath(byRef('service-state:serviceAbnormal'), 'en'));
    expect(items(section(abnormal, 'sources')).join(' | ')).not.toContain('Contact Agora support');
    expect(items(section(abnormal, 'links'))).toContain('Contact Agora support (open a ticket)');
    const r435 = byRef('error-code:435');
    for (const lang of LANGS) {
      const nodes = doc(pagePath(r435, lang));
      const all = [...hrefs(section(nodes, 'sources')), ...hrefs(section(nodes, 'links'))];
      expect(all.filter((h) => h === api.links.docs.url[lang]), `${shownCode(r435)} ${lang}`).toHaveLength(1);
    }
  });
});

