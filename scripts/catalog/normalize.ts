/**
 * The one normal form of search words, shared by the catalog check of
 * data/synonyms.yaml (scripts/catalog/search-words.ts), the build of the search
 * data and the search box in the browser (site/scripts/query.ts). Pure: no
 * Node or DOM API, so every side can import it.
 */

/**
 * One form for every way of writing the same words: NFKC (full-width letters,
 * digits and punctuation become ASCII), camelCase split (resourceId →
 * resource id), lower case, every character that is neither a letter, a digit
 * nor Chinese becomes a space, Chinese runs stand apart from Latin words.
 */
export function normalize(text: string): string {
  return text
    .slice(0, 4000)
    .normalize('NFKC')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(\p{Script=Han})(?=[^\p{Script=Han}\s])|([^\p{Script=Han}\s])(?=\p{Script=Han})/gu, '$1$2 ')
    .replace(/\s+/g, ' ')
    .trim();
}
