/**
 * The build's part of search (scripts/build-site.ts calls both):
 *
 * - pagefindHtml(): what Pagefind indexes for a page. For a record page, its
 *   keywords, names (reasons, constant, message) and the synonyms of the words
 *   it uses (site/lib/search-data.ts indexWords()) are added, weighted, inside
 *   its data-pagefind-body, with its one-line summary as metadata; a guide
 *   gets its kind. Only the index sees these: the page served is unchanged.
 * - bundleSearchEngine(): site/scripts/engine.ts as one ES module,
 *   /search/engine.js (with a chunk for the package's explain()), for other
 *   sites such as examples/support-portal.html.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { CatalogRecord, Locale } from '../catalog/schema.ts';
import type { Lexicon } from '../../site/scripts/query.ts';
import { indexWords } from '../../site/lib/search-data.ts';
import { href } from '../../site/lib/record.ts';
import { t } from '../../site/lib/i18n.ts';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const plain = (s: string) => s.replace(/`/g, '');

/** Weights of the added words: a record's own names and keywords, and the synonyms of its words. */
export const INDEX_WEIGHTS = { strong: 5, weak: 1 } as const;

export type PageRecords = Map<string, { record: CatalogRecord; lang: Locale }>;

/** Every record page by URL path (/en/errors/433/). */
export function recordPages(records: readonly CatalogRecord[]): PageRecords {
  const pages: PageRecords = new Map();
  for (const record of records) for (const lang of ['zh', 'en'] as const) pages.set(href(record, lang), { record, lang });
  return pages;
}

/**
 * The HTML Pagefind indexes for the page at `path`: `html` with the record's
 * search words and summary added at the end of its data-pagefind-body
 * element, or a guide's kind; any other page as it is.
 */
export function pagefindHtml(html: string, path: string, pages: PageRecords, lexicons: Record<Locale, Lexicon>): string {
  const body = /<([a-z]+)\b[^>]*\sdata-pagefind-body\b[^>]*>/.exec(html);
  if (!body) return html;
  const found = pages.get(path);
  const lang = /^\/(zh|en)\//.exec(path)?.[1] as Locale | undefined;
  let added = '';
  if (found) {
    const { record, lang: l } = found;
    const words = indexWords(record, l, lexicons[l]);
    added =
      `<div data-pagefind-weight="${INDEX_WEIGHTS.strong}">${escapeHtml(words.strong.join(' · '))}</div>` +
      `<div data-pagefind-weight="${INDEX_WEIGHTS.weak}">${escapeHtml(words.weak.join(' · '))}</div>` +
      `<span data-pagefind-meta="summary[data-summary]" data-summary="${escapeHtml(plain(record.summary[l]))}"></span>`;
  } else if (lang && /data-pagefind-filter="kind:guide"/.test(body[0])) {
    added = `<span data-pagefind-meta="kind[data-kind]" data-kind="${escapeHtml(t(lang).kindGuide)}"></span>`;
  }
  if (!added) return html;
  // The end of the body element: its closing tag after the opening one (record pages and guides use <article>).
  const close = html.indexOf(`</${body[1]}>`, body.index + body[0].length);
  if (close === -1) return html;
  return html.slice(0, close) + added + html.slice(close);
}

/**
 * How the site's own browser modules (the search engine, the diagnose box) are
 * bundled: one minified ES module for browsers since 2021, class fields as
 * written rather than helpers, Chinese as UTF-8 rather than \uXXXX escapes (a
 * module script is always read as UTF-8). The bench measures with the same.
 */
export const BROWSER_MODULE = { bundle: true, format: 'esm', platform: 'browser', minify: true, target: 'es2022', charset: 'utf8' } as const;

/** Bundle site/scripts/engine.ts into `outDir` (engine.js and its chunks). */
export async function bundleSearchEngine(outDir: string): Promise<void> {
  await build({
    entryPoints: { engine: fileURLToPath(new URL('../../site/scripts/engine.ts', import.meta.url)) },
    ...BROWSER_MODULE,
    splitting: true,
    outdir: outDir,
    chunkNames: 'chunk-[hash]',
    legalComments: 'none',
    logLevel: 'error',
  });
}
