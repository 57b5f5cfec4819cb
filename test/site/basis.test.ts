/**
 * Record pages tell Agora's word from ours, in both languages: every step of
 * "What to do" and the retry policy end with "Agora says so: <source>" (linked
 * to that source) or "We recommend this: <why>"; a meaning that is our reading
 * of a value Agora only lists says "Our reading". Run after `npm run build:site`.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { type Basis, recordRef } from '../../scripts/catalog/schema.ts';
import { nextSteps } from '../../site/lib/record.ts';
import { catalog, LANGS, type Lang, pagePath, readBuilt, recordByRef } from './helpers.ts';

const { findAll, findOne, getAttributeValue, textContent } = DomUtils;
type Element = ReturnType<typeof findAll>[number];

const { records, api } = catalog();
const LABELS = {
  zh: { agora: '声网文档如此说明', us: '这是我们的建议', reading: '这是我们的理解' },
  en: { agora: 'Agora says so', us: 'We recommend this', reading: 'Our reading' },
} as const;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const shown = (text: string) => squash(text.replace(/`/g, ''));

function section(path: string, id: string): Element | null {
  const doc = parseDocument(readBuilt(path));
  return findOne((e) => e.name === 'section' && getAttributeValue(e, 'aria-labelledby') === id, doc.children, true);
}
/** The element of a record page with this id ("retry": the next step of "What to do"). */
function byId(path: string, id: string): Element | null {
  return findOne((e) => getAttributeValue(e, 'id') === id, parseDocument(readBuilt(path)).children, true);
}
const classes = (e: Element) => (getAttributeValue(e, 'class') ?? '').split(/\s+/);
const basisSpans = (within: Element) => findAll((e) => e.name === 'span' && classes(e).includes('basis'), [within]);

/** What the page must say for a basis, in a language. */
function expectBasis(span: Element | undefined, basis: Basis, lang: Lang, where: string, reading = false): void {
  expect(span, where).toBeDefined();
  const text = squash(textContent(span!));
  if ('source' in basis) {
    const source = api.sources.find((s) => s.id === basis.source)!;
    expect(text, where).toBe(`${LABELS[lang].agora}${lang === 'zh' ? '：' : ': '}${source.title[lang]}`);
    const link = findOne((e) => e.name === 'a', [span!], true);
    if (source.url) expect(link && getAttributeValue(link, 'href'), where).toBe(source.url);
  } else {
    const label = reading ? LABELS[lang].reading : LABELS[lang].us;
    expect(text, where).toBe(`${label}${lang === 'zh' ? '：' : ': '}${shown(basis.recommendation[lang])}`);
  }
}

describe('record pages mark each step as Agora\'s or ours', () => {
  for (const lang of LANGS) {
    it(`in ${lang}: every action and the retry policy of every record`, () => {
      for (const r of records) {
        const path = pagePath(r, lang);
        if (r.actions.length) {
          // The record's own steps: the numbered list under "What to do" (after the next step per method).
          const steps = findOne((e) => e.name === 'ol' && classes(e).includes('steps'), [section(path, 'actions')!], true)!;
          const items = findAll((e) => e.name === 'li', [steps]);
          expect(items.length, path).toBe(r.actions.length);
          r.actions.forEach((a, i) => {
            expect(squash(textContent(items[i])), `${path} action ${i + 1}`).toContain(shown(a[lang]));
            expectBasis(basisSpans(items[i])[0], a.basis!, lang, `${path} action ${i + 1}`);
          });
        }
        const retry = byId(path, 'retry')!;
        const spans = basisSpans(retry);
        expect(spans.length, `${path} retry`).toBeGreaterThanOrEqual(1);
        // One next step for every method: the one that applies there (a meaning's, else the record's own).
        if (spans.length === 1) expectBasis(spans[0], nextSteps(r)[0].policy.basis!, lang, `${path} retry`);
      }
    });
  }

  it('says "Agora says so" and "We recommend this" apart on one page, e.g. 406 (best practice vs our advice) in both languages', () => {
    const r = recordByRef(records, 'error-code:406');
    for (const lang of LANGS) {
      const steps = findOne((e) => e.name === 'ol' && classes(e).includes('steps'), [section(pagePath(r, lang), 'actions')!], true)!;
      const spans = basisSpans(steps);
      // Its steps after the policy's retries: fewer tasks at once (ours), a higher quota (the best practice).
      expect(spans.map((s) => getAttributeValue(s, 'data-basis')), lang).toEqual(['us', 'agora']);
      expect(spans.map((s) => getAttributeValue(s, 'data-source') ?? null), lang).toEqual([null, 'bp']);
    }
  });

  it('marks a meaning that is our reading of a value Agora only lists', () => {
    const r = recordByRef(records, 'upload-status:backuped');
    for (const lang of LANGS) {
      const meaning = section(pagePath(r, lang), 'meaning')!;
      const reading = basisSpans(meaning).find((s) => classes(s).includes('basis-reading'));
      expectBasis(reading, r.meanings[0].basis!, lang, `${recordRef(r)} ${lang}`, true);
    }
  });
});
