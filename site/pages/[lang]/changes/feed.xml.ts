/** /{lang}/changes/feed.xml — the Atom feed of the releases, one per language (scripts/generate/changes.ts). */
import type { APIRoute } from 'astro';
import { SITE_URL } from '../../../../scripts/site-url.ts';
import { atomFeed } from '../../../../scripts/generate/changes.ts';
import { releases, siteCatalog } from '../../../lib/changes.ts';
import { LANGS, type Lang } from '../../../lib/i18n.ts';

export function getStaticPaths() {
  return LANGS.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = async ({ params }) =>
  new Response(atomFeed(releases(), await siteCatalog(), params.lang as Lang, SITE_URL, { name: 'agora-rec-codes', uri: SITE_URL }), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
  });
