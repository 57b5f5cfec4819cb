/** /llms-full.txt — every record's meaning and next steps as plain Markdown, both languages (scripts/generate/llms.ts). */
import type { APIRoute } from 'astro';
import { llmsFullTxt } from '../../scripts/generate/llms.ts';
import { SITE_URL } from '../../scripts/site-url.ts';
import { siteCatalog } from '../lib/changes.ts';

export const GET: APIRoute = async () => new Response(llmsFullTxt(await siteCatalog(), SITE_URL), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
