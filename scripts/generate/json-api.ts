/**
 * Catalog → the static JSON API (served under /api/v1/ by the site). Pure and
 * deterministic: the same catalog and site URL give the same bytes.
 *
 *   /api/v1/codes.json          every record, both languages, with page URLs
 *   /api/v1/{kind}/{id}.json    one record
 *   /api/v1/changes.json        every release and its changes (data/releases.yaml)
 *   /api/v1/schema.json         the JSON Schema of all three (generated from the zod schema)
 */
import { z } from 'zod';
import { recordPath } from '../../src/paths.ts';
import {
  type Catalog,
  CHANGE_GROUPS,
  CHANGE_TYPES,
  CatalogRecord,
  type CatalogRecord as CatalogRecordType,
  changeGroup,
  KINDS,
  LocalizedText,
  type Release,
  recordRef,
  SEMVER_LEVELS,
} from '../catalog/schema.ts';
import { groupedChanges } from '../release/changelog.ts';
import { changedRecord, changesPath, feedPath, releaseAnchor, summaryOf } from './changes.ts';

export const API_VERSION = 1;
export const API_BASE = `/api/v${API_VERSION}`;

/** Where a record lives: its pages and its own JSON. */
const Locations = {
  ref: z.string().meta({ description: 'kind:id, e.g. error-code:433' }),
  urls: z.strictObject({ zh: z.url(), en: z.url() }).meta({ description: 'The record\'s page on the site, per language' }),
  api: z.url().meta({ description: 'This record\'s own JSON' }),
};

/** A record as the API serves it: the catalog record (less editorial fields) and its locations. */
export const ApiRecord = z.discriminatedUnion(
  'kind',
  (CatalogRecord.options as readonly z.ZodObject[]).map((option) => option.omit({ reviewed: true }).extend(Locations)) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
);
export type ApiRecord = z.infer<typeof ApiRecord>;

export const ApiCodes = z.strictObject({
  version: z.literal(API_VERSION),
  site: z.url(),
  schema: z.url(),
  count: z.int().nonnegative(),
  records: z.array(ApiRecord),
});

const Urls = z.strictObject({ zh: z.url(), en: z.url() });

/** /api/v1/changes.json: every release, newest first, its changes in the order the changes page lists them. */
export const ApiChanges = z
  .strictObject({
    version: z.literal(API_VERSION),
    site: z.url(),
    pages: Urls.meta({ description: 'The changes page in each language' }),
    feeds: Urls.meta({ description: 'The Atom feed of each language' }),
    count: z.int().nonnegative().meta({ description: 'How many releases' }),
    releases: z.array(
      z.strictObject({
        version: z.string(),
        date: z.iso.date(),
        bump: z.enum(['initial', ...SEMVER_LEVELS]),
        summary: LocalizedText,
        urls: Urls.meta({ description: 'The release on the changes page, per language' }),
        changes: z.array(
          z.strictObject({
            type: z.enum(CHANGE_TYPES),
            level: z.enum(SEMVER_LEVELS),
            group: z.enum(CHANGE_GROUPS).meta({ description: 'The kind of change it is listed under' }),
            ref: z.string().nullable().meta({ description: 'The record it is about (kind:id), if any' }),
            text: LocalizedText,
            record: z
              .strictObject({ urls: Urls, api: z.url() })
              .nullable()
              .meta({ description: 'Where the record lives now; null when it no longer exists or the change names none' }),
          }),
        ),
      }),
    ),
  })
  .meta({ description: 'Every release and its changes, newest first' });
export type ApiChanges = z.infer<typeof ApiChanges>;

export const ApiSchema = z.union([ApiCodes, ApiRecord, ApiChanges]).meta({
  title: 'agora-rec-codes JSON API v1',
  description: 'codes.json (every record), {kind}/{id}.json (one record) or changes.json (every release)',
});

export const recordApiPath = (r: Pick<CatalogRecordType, 'kind' | 'code'>) => `${API_BASE}/${r.kind}/${encodeURIComponent(String(r.code))}.json`;

/** A record's pages and its own JSON, as absolute URLs. */
function locations(record: CatalogRecordType, siteUrl: string): { urls: { zh: string; en: string }; api: string } {
  const segment = KINDS[record.kind].segment;
  return {
    urls: { zh: siteUrl + recordPath(segment, record.code, 'zh'), en: siteUrl + recordPath(segment, record.code, 'en') },
    api: siteUrl + recordApiPath(record),
  };
}

function apiRecord(record: CatalogRecordType, siteUrl: string): ApiRecord {
  const { reviewed: _reviewed, ...rest } = record;
  return { ...rest, ref: recordRef(record), ...locations(record, siteUrl) } as ApiRecord;
}

const text = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/** changes.json: the releases, each change with the pages and JSON of its record where it still exists. */
export function apiChanges(releases: readonly Release[], catalog: Catalog, siteUrl: string): ApiChanges {
  const anchor = (lang: 'zh' | 'en', version: string) => `${siteUrl}${changesPath(lang)}#${releaseAnchor(version)}`;
  return {
    version: API_VERSION,
    site: siteUrl,
    pages: { zh: siteUrl + changesPath('zh'), en: siteUrl + changesPath('en') },
    feeds: { zh: siteUrl + feedPath('zh'), en: siteUrl + feedPath('en') },
    count: releases.length,
    releases: releases.map((release) => ({
      version: release.version,
      date: release.date,
      bump: release.bump,
      summary: summaryOf(release),
      urls: { zh: anchor('zh', release.version), en: anchor('en', release.version) },
      changes: groupedChanges(release.changes).flatMap(({ changes }) =>
        changes.map((change) => {
          const record = changedRecord(change.ref, catalog);
          return {
            type: change.type,
            level: change.level,
            group: changeGroup(change),
            ref: change.ref ?? null,
            text: change.text,
            record: record ? locations(record, siteUrl) : null,
          };
        }),
      ),
    })),
  };
}

/** Every file of the JSON API, by path under the site root. */
export function jsonApiFiles(catalog: Catalog, siteUrl: string, releases: readonly Release[] = []): Record<string, string> {
  const records = catalog.records.map((r) => apiRecord(r, siteUrl));
  const files: Record<string, string> = {
    [`${API_BASE}/changes.json`]: text(apiChanges(releases, catalog, siteUrl)),
    [`${API_BASE}/codes.json`]: JSON.stringify({ version: API_VERSION, site: siteUrl, schema: `${siteUrl}${API_BASE}/schema.json`, count: records.length, records }) + '\n',
    [`${API_BASE}/schema.json`]: text({ $id: `${siteUrl}${API_BASE}/schema.json`, ...z.toJSONSchema(ApiSchema, { target: 'draft-2020-12', reused: 'ref', unrepresentable: 'any' }) }),
  };
  catalog.records.forEach((r, i) => (files[recordApiPath(r)] = text(records[i])));
  return files;
}
