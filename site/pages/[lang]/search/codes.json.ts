/**
 * /{lang}/search/codes.json: every record's code, message, title and keywords,
 * so the search page can pin exact matches (433, "2" before 200, a pasted
 * message, a Chinese phrase) above Pagefind's ranked results.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { displayCode, href, records } from '../../../lib/catalog.ts';
import { kindLabel, LANGS, type Lang } from '../../../lib/i18n.ts';

export const getStaticPaths: GetStaticPaths = () => LANGS.map((lang) => ({ params: { lang } }));

const plain = (s: string) => s.replace(/`/g, '');

export type CodeEntry = {
  /** URL of the record page */
  u: string;
  /** the code as shown: 433, invalid appid, serviceIdle */
  c: string;
  /** the id in URLs: 433, invalid-appid, serviceIdle */
  i: string;
  /** kind, and its label in this language */
  k: string;
  kl: string;
  /** title and summary, plain text */
  t: string;
  s: string;
  /** more exact phrases: reason strings, the constant, keywords */
  w: string[];
};

export const GET: APIRoute = async ({ params }) => {
  const lang = params.lang as Lang;
  const entries: CodeEntry[] = (await records()).map((r) => ({
    u: href(r, lang),
    c: displayCode(r),
    i: String(r.code),
    k: r.kind,
    kl: kindLabel(r.kind, lang),
    t: plain(r.title[lang]),
    s: plain(r.summary[lang]),
    w: [...new Set([...r.meanings.flatMap((m) => (m.reason ? [m.reason] : [])), r.constant, ...(r.keywords?.[lang] ?? [])])],
  }));
  return new Response(JSON.stringify(entries), { headers: { 'content-type': 'application/json' } });
};
