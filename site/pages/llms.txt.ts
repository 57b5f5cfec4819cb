/** /llms.txt — what the site is, with a link to every record and guide (scripts/generate/llms.ts). */
import type { APIRoute } from 'astro';
import { llmsTxt } from '../../scripts/generate/llms.ts';
import { SITE_URL } from '../../scripts/site-url.ts';
import { siteCatalog } from '../lib/changes.ts';
import { guideEntries } from '../lib/llms.ts';

export const GET: APIRoute = async () =>
  new Response(llmsTxt(await siteCatalog(), await guideEntries(), SITE_URL), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
