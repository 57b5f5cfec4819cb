/**
 * Where the site is published. Set SITE_URL at build time to publish elsewhere;
 * the package's docUrl() and the site's absolute links (sitemap, hreflang,
 * OpenSearch, JSON API) all use it.
 */
export const SITE_URL = (process.env.SITE_URL ?? 'https://agora-rec-codes.pages.dev').replace(/\/+$/, '');
