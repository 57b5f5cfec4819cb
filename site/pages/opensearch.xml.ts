/** /opensearch.xml — both languages; see site/lib/opensearch.ts. */
import type { APIRoute } from 'astro';
import { openSearchResponse } from '../lib/opensearch.ts';

export const GET: APIRoute = () => openSearchResponse();
