/**
 * Every link of every built page says where it goes: no link whose whole text
 * is a word such as "here", "more" or "start" (Lighthouse's SEO audit
 * `link-text` fails a page for one, and a screen reader's list of links reads
 * them out of context). A guide's citation [start] is the source id `start`:
 * its link text carries the source's title too, for readers that list links.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { readBuilt, SITE_ROOT } from './helpers.ts';

/**
 * Lighthouse 12's non-descriptive English link texts (core/audits/seo/link-text.js), compared as it does: trimmed, lower
 * case; like it, links within the page (a table of contents' "#start") are not counted.
 */
const NON_DESCRIPTIVE = new Set(['click here', 'click this', 'go', 'here', 'information', 'learn more', 'more', 'more info', 'more information', 'right here', 'read more', 'see more', 'start', 'this']);

const linkTexts = (html: string): string[] =>
  DomUtils.getElementsByTagName('a', parseDocument(html))
    .filter((a) => !/^(#|javascript:|mailto:)/i.test(a.attribs.href ?? '#') && !/\bnofollow\b/.test(a.attribs.rel ?? ''))
    .map((a) => DomUtils.textContent(a).trim().toLowerCase().replace(/\s+/g, ' '));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
}

describe('link texts', () => {
  it('no link on any built page is only a word that says nothing of where it goes', () => {
    const files = htmlFiles(SITE_ROOT);
    expect(files.length).toBeGreaterThan(100);
    const vague = files.flatMap((file) => linkTexts(readFileSync(file, 'utf8')).filter((t) => NON_DESCRIPTIVE.has(t)).map((t) => `${relative(SITE_ROOT, file)}: "${t}"`));
    expect(vague).toEqual([]);
  });

  it('a citation keeps its short id on screen and names its source in the link', () => {
    const texts = linkTexts(readBuilt('/en/guides/retries/'));
    expect(texts).toContain('start (agora docs: start method reference)');
    expect(readBuilt('/en/guides/retries/')).toMatch(/>start<span class="sr-only" data-pagefind-ignore[^>]*> \(Agora docs: start method reference\)<\/span><\/a>/);
  });
});
