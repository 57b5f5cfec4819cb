/**
 * /{lang}/not-found.json: every record's page, code and title in one
 * language, for the not-found page to suggest the nearest records
 * (site/scripts/not-found.ts). Read only when an address is not found.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { NotFoundEntry } from '../../scripts/not-found.ts';
import { displayCode, href, records } from '../../lib/catalog.ts';
import { LANGS, type Lang } from '../../lib/i18n.ts';
import { plainText } from '../../lib/page-meta.ts';

export const getStaticPaths: GetStaticPaths = () => LANGS.map((lang) => ({ params: { lang } }));

export const GET: APIRoute = async ({ params }) => {
  const lang = params.lang as Lang;
  const entries: NotFoundEntry[] = (await records()).map((r) => [href(r, lang), displayCode(r), plainText(r.title[lang])]);
  return new Response(JSON.stringify(entries), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
