/**
 * /{lang}/search/codes.json: every record's code, message, title and words a
 * query may name it by, in catalog order, in one file (for scripts and other
 * sites). The search itself reads the same facts split by token, from
 * /search/{lang}/ (site/lib/search-data.ts).
 */
import { displayCode, href, records } from './catalog.ts';
import { kindLabel, type Lang } from './i18n.ts';

/** u: page path, c: code as shown, i: id, k: kind, kl: kind label, t: title, s: summary, w: reasons, constant, keywords. */
export type CodeEntry = { u: string; c: string; i: string; k: string; kl: string; t: string; s: string; w: string[] };

const plain = (s: string) => s.replace(/`/g, '');

export async function codeEntries(lang: Lang): Promise<CodeEntry[]> {
  return (await records()).map((r) => ({
    u: href(r, lang),
    c: displayCode(r),
    i: String(r.code),
    k: r.kind,
    kl: kindLabel(r.kind, lang),
    t: plain(r.title[lang]),
    s: plain(r.summary[lang]),
    w: [...new Set([...r.meanings.flatMap((m) => (m.reason ? [m.reason] : [])), r.constant, ...(r.keywords?.[lang] ?? [])])],
  }));
}
