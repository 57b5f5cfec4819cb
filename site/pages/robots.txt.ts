import type { APIRoute } from 'astro';
import { SITE_URL } from '../../scripts/site-url.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\nSitemap: ${SITE_URL}/sitemap-index.xml\n`, { headers: { 'content-type': 'text/plain' } });
