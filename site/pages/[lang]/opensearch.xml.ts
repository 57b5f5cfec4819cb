/**
 * /{lang}/opensearch.xml: an OpenSearch description per language, so a browser
 * can add the site as a search engine. Each language's pages link their own, and
 * its template opens that language's search page directly: results come in the
 * language the reader chose, with no redirect and no JavaScript needed to pick
 * it (a language-neutral /?q= would go by the browser's language instead).
 * `/` and `/404.html`, in both languages, link both.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE_URL } from '../../../scripts/site-url.ts';
import { HTML_LANG, LANGS, type Lang, t } from '../../lib/i18n.ts';

export const getStaticPaths: GetStaticPaths = () => LANGS.map((lang) => ({ params: { lang } }));

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function openSearchDescription(lang: Lang, site: string = SITE_URL): string {
  const ui = t(lang);
  return `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">
  <ShortName>${xml(ui.openSearchName)}</ShortName>
  <Description>${xml(ui.openSearchDescription)}</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Language>${HTML_LANG[lang]}</Language>
  <Image width="16" height="16" type="image/svg+xml">${xml(site)}/favicon.svg</Image>
  <Url type="text/html" method="get" template="${xml(site)}/${lang}/search/?q={searchTerms}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${xml(site)}/${lang}/opensearch.xml"/>
  <moz:SearchForm>${xml(site)}/${lang}/search/</moz:SearchForm>
</OpenSearchDescription>
`;
}

export const GET: APIRoute = ({ params }) =>
  new Response(openSearchDescription(params.lang as Lang), { headers: { 'content-type': 'application/opensearchdescription+xml' } });
