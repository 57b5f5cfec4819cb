/**
 * The site's permanent URL paths for records. Shared by the site's routes, the
 * JSON API and the package's docUrl(), so every product links the same page.
 */
export type PageLocale = 'zh' | 'en';

/** The URL-safe id of a record: its number, slug or state name. */
export const pageSlug = (code: string | number): string => encodeURIComponent(String(code));

/** `/en/errors/433/` — the path of a record's page, given its kind's URL segment. */
export function recordPath(segment: string, code: string | number, locale: PageLocale): string {
  return `/${locale}/${segment}/${pageSlug(code)}/`;
}
