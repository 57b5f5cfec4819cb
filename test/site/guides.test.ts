/**
 * The guides as built (build/site): each opens with its "In one minute"
 * summary, shows the integration example exactly as examples/integrate.ts
 * reads in its language, cites sources that link to Agora's pages, and never
 * shows a gateway message twice in a row. Run after `npm run build:site`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { localizeExample } from '../../site/lib/example.ts';
import { catalog, GUIDES, LANGS, readBuilt } from './helpers.ts';

const { findAll, findOne, getAttributeValue, textContent, getChildren } = DomUtils;
type Element = ReturnType<typeof findAll>[number];
const attr = (e: Element | null | undefined, name: string) => (e ? getAttributeValue(e, name) : undefined);
const hasClass = (e: Element, name: string) => (attr(e, 'class') ?? '').split(/\s+/).includes(name);
const article = (lang: string, slug: string) => {
  const doc = parseDocument(readBuilt(`/${lang}/guides/${slug}/`));
  const a = findOne((e) => e.name === 'article', doc.children, true);
  if (!a) throw new Error(`/${lang}/guides/${slug}/ has no <article>`);
  return a;
};
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const { api } = catalog();

describe('built guides', () => {
  for (const slug of GUIDES) {
    for (const lang of LANGS) {
      it(`${lang}/${slug}: the summary comes first, after the title and the lead`, () => {
        // The table of contents (a short list of links, whose first entry is this summary) may stand between.
        const elements = getChildren(article(lang, slug)).filter((n): n is Element => n.type === 'tag' && !(n.name === 'nav' && hasClass(n, 'toc')));
        expect(elements.slice(0, 3).map((e) => e.name)).toEqual(['h1', 'p', 'section']);
        const summary = elements[2]!;
        expect(hasClass(summary, 'in-one-minute')).toBe(true);
        expect(squash(textContent(findOne((e) => e.name === 'h2', [summary], true)!))).toBe(lang === 'zh' ? '一分钟速览' : 'In one minute');
        expect(findAll((e) => e.name === 'li', [summary]).length).toBeGreaterThanOrEqual(3);
      });

      it(`${lang}/${slug}: citations link the sources of data/api.yaml`, () => {
        const cites = findAll((e) => e.name === 'span' && hasClass(e, 'cite'), [article(lang, slug)]);
        expect(cites.length).toBeGreaterThan(0);
        for (const cite of cites) {
          for (const a of findAll((e) => e.name === 'a', [cite])) {
            // On screen the source's id; for a screen reader's list of links, its title too.
            const hidden = findAll((e) => hasClass(e, 'sr-only'), [a]).map(textContent).join('');
            const id = textContent(a).slice(0, textContent(a).length - hidden.length);
            const source = api.sources.find((s) => s.id === id);
            expect(source, textContent(a)).toBeDefined();
            expect(attr(a, 'href')).toBe(source!.url);
            expect(hidden).toBe(` (${source!.title[lang]})`);
          }
        }
      });

      it(`${lang}/${slug}: shows each record link's code once (a message is not repeated as its title)`, () => {
        for (const a of findAll((e) => e.name === 'a' && /^\/(zh|en)\/(errors|http)\//.test(attr(e, 'href') ?? ''), [article(lang, slug)])) {
          const text = squash(textContent(a));
          const half = text.slice(0, Math.floor(text.length / 2)).trim();
          expect(text === `${half} ${half}`, text).toBe(false);
        }
      });
    }
  }

  for (const lang of LANGS) {
    it(`${lang}/integrate: shows examples/integrate.ts with the ${lang} comments, character for character`, () => {
      const block = findOne((e) => attr(e, 'data-example') === 'integrate.ts', [article(lang, 'integrate')], true);
      const code = findOne((e) => e.name === 'code', block ? [block] : [], true);
      const expected = localizeExample(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'integrate.ts'), 'utf8'), lang);
      expect(code ? textContent(code) : undefined).toBe(expected);
    });
  }
});
