/**
 * /search/{lang}/lexicon.json, t{n}.json, c{n}.json and e{n}.json: what the site's search
 * (site/scripts/engine.ts) reads, split by token so that a query downloads the
 * few files of its own words (site/lib/search-data.ts). Served with
 * Access-Control-Allow-Origin: * (site/public/_headers) for other sites.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { resolve } from 'node:path';
import { lexiconOf, loadSearchWords } from '../../../../scripts/catalog/search-words.ts';
import { records } from '../../../lib/catalog.ts';
import { LANGS, type Lang } from '../../../lib/i18n.ts';
import { guideOutline, searchFiles } from '../../../lib/search-data.ts';

const files = new Map<Lang, Promise<Map<string, unknown>>>();

function filesOf(lang: Lang): Promise<Map<string, unknown>> {
  if (!files.has(lang)) {
    // The build runs in the project folder; this module is bundled elsewhere, so not relative to it.
    const words = loadSearchWords(resolve(process.env.CATALOG_DIR ?? 'data'));
    files.set(
      lang,
      Promise.all([records(), getCollection('guides')]).then(([all, guides]) =>
        searchFiles(
          all,
          lang,
          lexiconOf(words, lang),
          guides
            .filter((g) => g.id.startsWith(`${lang}/`))
            .sort((a, b) => a.data.order - b.data.order)
            .map((g) => ({ u: `/${lang}/guides/${g.id.slice(lang.length + 1)}/`, title: g.data.title, description: g.data.description, ...guideOutline(g.body ?? '') })),
        ),
      ),
    );
  }
  return files.get(lang)!;
}

export const getStaticPaths: GetStaticPaths = async () =>
  (await Promise.all(LANGS.map(async (lang) => [...(await filesOf(lang)).keys()].map((file) => ({ params: { lang, file } }))))).flat();

export const GET: APIRoute = async ({ params }) => {
  const data = (await filesOf(params.lang as Lang)).get(params.file!);
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
};
