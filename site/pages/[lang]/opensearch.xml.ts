/** /{lang}/opensearch.xml — see site/lib/opensearch.ts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGS, type Lang } from '../../lib/i18n.ts';
import { openSearchResponse } from '../../lib/opensearch.ts';

export const getStaticPaths: GetStaticPaths = () => LANGS.map((lang) => ({ params: { lang } }));
export const GET: APIRoute = ({ params }) => openSearchResponse(params.lang as Lang);
