/**
 * /{lang}/search/codes.json: every record's code, message, title and keywords
 * (site/lib/code-entries.ts) in one file, for scripts. The site's search reads
 * the same facts split by word, from /search/{lang}/ (site/lib/search-data.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { codeEntries } from '../../../lib/code-entries.ts';
import { LANGS, type Lang } from '../../../lib/i18n.ts';

export const getStaticPaths: GetStaticPaths = () => LANGS.map((lang) => ({ params: { lang } }));

export type { CodeEntry } from '../../../lib/code-entries.ts';

export const GET: APIRoute = async ({ params }) => {
  const entries = await codeEntries(params.lang as Lang);
  return new Response(JSON.stringify(entries), { headers: { 'content-type': 'application/json' } });
};
