/**
 * Translation review: each record keeps, per language, a hash of its texts as
 * they were when the translation was last reviewed. When one language's texts
 * change and the other's do not, the other language needs review.
 */
import { createHash } from 'node:crypto';
import { type CatalogRecord, type Locale, LOCALES, recordRef } from './schema.ts';

/** Every text of one language in a record, in a fixed order (the record's own field order). */
export function textsOf(record: CatalogRecord, locale: Locale): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key: string): void => {
    if (key === 'reviewed' || key === 'keywords' || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) walk(v, '');
      return;
    }
    const object = value as Record<string, unknown>;
    // A text ({zh, en}), or an action ({zh, en, basis}): its text first, then what its basis says.
    if (typeof object.zh === 'string' && typeof object.en === 'string') out.push(object[locale] as string);
    for (const [k, v] of Object.entries(object)) if (k !== 'zh' && k !== 'en') walk(v, k);
  };
  walk(record, '');
  return out;
}

export function textHash(record: CatalogRecord, locale: Locale): string {
  return createHash('sha256').update(textsOf(record, locale).join('\u0000')).digest('hex').slice(0, 12);
}

export function reviewedHashes(record: CatalogRecord): { zh: string; en: string } {
  return { zh: textHash(record, 'zh'), en: textHash(record, 'en') };
}

export type ReviewProblem = { field: PropertyKey[]; message: string };

export function reviewProblems(record: CatalogRecord): ReviewProblem[] {
  const mark = `npm run translations:reviewed -- ${recordRef(record)}`;
  if (!record.reviewed) {
    return [{ field: [], message: `translation not marked reviewed: once zh and en say the same, run \`${mark}\`` }];
  }
  const changed = LOCALES.filter((l) => textHash(record, l) !== record.reviewed![l]);
  if (changed.length === 0) return [];
  if (changed.length === 2) {
    return [{ field: ['reviewed'], message: `zh and en texts both changed since the last review: check they agree, then run \`${mark}\`` }];
  }
  const [source] = changed;
  const other = source === 'zh' ? 'en' : 'zh';
  return [
    {
      field: ['reviewed', other],
      message: `${other} needs review: the ${source} texts changed since the last review; update ${other} to match, then run \`${mark}\``,
    },
  ];
}
