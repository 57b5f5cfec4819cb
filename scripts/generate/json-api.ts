/**
 * Catalog → the static JSON API (served under /api/v1/ by the site). Pure and
 * deterministic: the same catalog and site URL give the same bytes.
 *
 *   /api/v1/codes.json          every record, both languages, with page URLs
 *   /api/v1/{kind}/{id}.json    one record
 *   /api/v1/schema.json         the JSON Schema of both (generated from the zod schema)
 */
import { z } from 'zod';
import { recordPath } from '../../src/paths.ts';
import { type Catalog, CatalogRecord, type CatalogRecord as CatalogRecordType, KINDS, recordRef } from '../catalog/schema.ts';

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

export const ApiSchema = z.union([ApiCodes, ApiRecord]).meta({
  title: 'agora-rec-codes JSON API v1',
  description: 'codes.json (every record) or {kind}/{id}.json (one record)',
});

export const recordApiPath = (r: Pick<CatalogRecordType, 'kind' | 'code'>) => `${API_BASE}/${r.kind}/${encodeURIComponent(String(r.code))}.json`;

function apiRecord(record: CatalogRecordType, siteUrl: string): ApiRecord {
  const { reviewed: _reviewed, ...rest } = record;
  const segment = KINDS[record.kind].segment;
  return {
    ...rest,
    ref: recordRef(record),
    urls: { zh: siteUrl + recordPath(segment, record.code, 'zh'), en: siteUrl + recordPath(segment, record.code, 'en') },
    api: siteUrl + recordApiPath(record),
  } as ApiRecord;
}

const text = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/** Every file of the JSON API, by path under the site root. */
export function jsonApiFiles(catalog: Catalog, siteUrl: string): Record<string, string> {
  const records = catalog.records.map((r) => apiRecord(r, siteUrl));
  const files: Record<string, string> = {
    [`${API_BASE}/codes.json`]: JSON.stringify({ version: API_VERSION, site: siteUrl, schema: `${siteUrl}${API_BASE}/schema.json`, count: records.length, records }) + '\n',
    [`${API_BASE}/schema.json`]: text({ $id: `${siteUrl}${API_BASE}/schema.json`, ...z.toJSONSchema(ApiSchema, { target: 'draft-2020-12', reused: 'ref', unrepresentable: 'any' }) }),
  };
  catalog.records.forEach((r, i) => (files[recordApiPath(r)] = text(records[i])));
  return files;
}
