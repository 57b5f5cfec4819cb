/**
 * OpenSearch descriptions, so a browser or a portal can add the knowledge base
 * as a search engine: `/opensearch.xml` (both languages: its template is
 * `/?q=`, which opens search in the reader's browser language) and
 * `/{lang}/opensearch.xml` (one language: its template opens that language's
 * search page directly). Every page links `/opensearch.xml`; a page in one
 * language also links its own.
 */
import { SITE_URL } from '../../scripts/site-url.ts';
import { HTML_LANG, LANGS, type Lang, t } from './i18n.ts';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The description's path: `/opensearch.xml`, or `/{lang}/opensearch.xml` for one language. */
export const openSearchPath = (lang?: Lang): string => (lang ? `/${lang}/opensearch.xml` : '/opensearch.xml');

/** The <link rel="search"> targets of a page: the bilingual description, then one per language of the page. */
export const openSearchLinks = (langs: readonly Lang[]): { href: string; title: string }[] => [
  { href: SITE_URL + openSearchPath(), title: `${t('en').siteName} · ${t('zh').siteName}` },
  ...langs.map((lang) => ({ href: SITE_URL + openSearchPath(lang), title: t(lang).siteName })),
];

export function openSearchDescription(lang?: Lang, site: string = SITE_URL): string {
  const langs = lang ? [lang] : LANGS;
  const name = lang ? t(lang).openSearchName : t('en').openSearchName;
  const description = langs.map((l) => t(l).openSearchDescription).join(' / ');
  const search = lang ? `${site}/${lang}/search/` : `${site}/`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">
  <ShortName>${xml(name)}</ShortName>
  <Description>${xml(description)}</Description>
  <InputEncoding>UTF-8</InputEncoding>
${langs.map((l) => `  <Language>${HTML_LANG[l]}</Language>`).join('\n')}
  <Image width="16" height="16" type="image/svg+xml">${xml(site)}/favicon.svg</Image>
  <Url type="text/html" method="get" template="${xml(search)}?q={searchTerms}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${xml(site + openSearchPath(lang))}"/>
  <moz:SearchForm>${xml(search)}</moz:SearchForm>
</OpenSearchDescription>
`;
}

export const openSearchResponse = (lang?: Lang): Response =>
  new Response(openSearchDescription(lang), { headers: { 'content-type': 'application/opensearchdescription+xml' } });
