/**
 * The history of releases as the pages see it: data/releases.yaml (read with
 * the project's loader and schema; a problem fails the build), each record's
 * "added / last changed", and the site's words about changes. The history is
 * a committed file, never the git log: hosts build from shallow clones.
 */
import { resolve } from 'node:path';
import { loadReleasesOrThrow } from '../../scripts/catalog/load.ts';
import type { Catalog, Release } from '../../scripts/catalog/schema.ts';
import { CHANGES_WORDS, type RecordHistory, recordHistories } from '../../scripts/generate/changes.ts';
import { api, records } from './catalog.ts';
import type { Lang } from './i18n.ts';

export { changesPath, feedPath, releaseAnchor } from '../../scripts/generate/changes.ts';

// Pages are bundled, so a path relative to this module would point into the bundle:
// the data folder is the one the build runs beside (astro runs at the repository's root), or CATALOG_DIR.
const dataDir = process.env.CATALOG_DIR ?? resolve('data');

let cache: Release[] | undefined;
/** Every release, newest first. */
export const releases = (): Release[] => (cache ??= loadReleasesOrThrow(dataDir));

let histories: Map<string, RecordHistory> | undefined;
/** When a record (kind:id) was added and last changed; {} when no release holds it yet. */
export function historyOf(ref: string): RecordHistory {
  histories ??= recordHistories(releases());
  return histories.get(ref) ?? {};
}

export const changesWords = (lang: Lang) => CHANGES_WORDS[lang];

/** The catalog the site was built from, as the generators take it. */
export async function siteCatalog(): Promise<Catalog> {
  return { api: await api(), records: await records() };
}
