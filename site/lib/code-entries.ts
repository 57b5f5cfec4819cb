/**
 * What the search page pins exact matches with: one entry per record, in
 * catalog order (site/scripts/pin.ts). Written whole to /{lang}/search/codes.json
 * and, split by key, to /{lang}/search/pin/ (which the search page reads).
 */
import type { CodeEntry } from '../scripts/pin.ts';
import { displayCode, href, records } from './catalog.ts';
import { kindLabel, type Lang } from './i18n.ts';

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
