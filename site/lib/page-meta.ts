/**
 * What a page says about itself to search engines and to link previews (Open
 * Graph, Twitter cards, JSON-LD), as pure functions: the alternates of a path
 * (one rule for the <link rel="alternate"> of every page and for the sitemap),
 * descriptions cut to fit a result snippet or a card, and JSON-LD that cannot
 * break out of its <script>.
 */
import { HTML_LANG, LANGS, type Lang, swapLang } from './i18n.ts';

/** Search engines show about this many characters of a description: 160 in English, 80 in Chinese. */
export const DESCRIPTION_MAX: Record<Lang, number> = { zh: 80, en: 160 };

export type Alternate = { hreflang: string; path: string };

/**
 * The language versions of a page, as hreflang → path: one per language, and
 * x-default. The home pages' x-default is `/` (it sends a visitor to their
 * browser's language); any other page's is its English version, the language
 * `/` picks for a browser that is neither Chinese nor English.
 */
export function alternates(path: string): Alternate[] {
  const home = path === '/' || /^\/(?:zh|en)\/$/.test(path);
  const of = (lang: Lang) => (path === '/' ? `/${lang}/` : swapLang(path, lang));
  return [...LANGS.map((lang) => ({ hreflang: HTML_LANG[lang], path: of(lang) })), { hreflang: 'x-default', path: home ? '/' : of('en') }];
}

/** A catalog text as plain text: code spans lose their backticks, white space is squashed. */
export const plainText = (text: string): string => text.replace(/`/g, '').replace(/\s+/g, ' ').trim();

/**
 * A description that fits: the text itself when it is short enough; else as
 * many whole sentences as fit; else the first sentence cut at a word (English)
 * or a character (Chinese) with an ellipsis. Lengths count characters, not bytes.
 */
export function fitDescription(text: string, lang: Lang, max: number = DESCRIPTION_MAX[lang]): string {
  const plain = plainText(text);
  const length = (s: string) => [...s].length;
  if (length(plain) <= max) return plain;
  const sentences = lang === 'zh' ? plain.match(/[^。！？；]+[。！？；]?/g) ?? [plain] : plain.split(/(?<=[.!?;])\s+/);
  let out = '';
  for (const sentence of sentences) {
    const next = out ? (lang === 'zh' ? out + sentence : `${out} ${sentence}`) : sentence;
    if (length(next) > max) break;
    out = next;
  }
  if (out) return out;
  const chars = [...plain].slice(0, max - 1);
  if (lang === 'en') {
    const cut = chars.join('').replace(/[\s,;:]+\S*$/, '');
    return `${cut.replace(/[\s,;:.]+$/, '')}…`;
  }
  return `${chars.join('').replace(/[，、：\s]+$/, '')}…`;
}

/**
 * JSON-LD as the text of a <script type="application/ld+json">: `<`, `>`, `&`
 * and the two line separators JavaScript treats as line ends are written as
 * \u escapes, so no text (`</script>`, `<!--`) can end or change the element.
 */
export function jsonLd(data: object): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
