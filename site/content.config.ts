/**
 * The site's content: the catalog (data/*.yaml, through the project's own
 * loader and zod schema: any problem fails the build) and the guides (MDX).
 *
 * CATALOG_DIR overrides the data folder, as for the other catalog scripts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'zod';
import { parse } from 'yaml';
import { DEFAULT_DATA_DIR, loadCatalogOrThrow, NON_RECORD_FILES } from '../scripts/catalog/load.ts';
import { ApiFile, CatalogRecord, recordRef, type Catalog } from '../scripts/catalog/schema.ts';

const dataDir = process.env.CATALOG_DIR ?? DEFAULT_DATA_DIR;

/** The catalog, checked by the project's loader; throws (failing the build) on any problem. */
const catalog = (): Catalog => loadCatalogOrThrow(dataDir);

/** Which YAML file holds each record (kind:code → data/<file>.yaml), for "edit this record". */
function recordFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dataDir).filter((n) => /\.ya?ml$/.test(n) && !NON_RECORD_FILES.includes(n))) {
    const raw = parse(readFileSync(join(dataDir, name), 'utf8')) as { records?: { kind?: unknown; code?: unknown }[] };
    for (const r of raw?.records ?? []) files.set(`${r.kind}:${r.code}`, name);
  }
  return files;
}

const catalogLoader = (what: 'records' | 'api'): Loader => ({
  name: `agora-rec-codes-${what}`,
  load: async ({ store, parseData, watcher }) => {
    watcher?.add(dataDir);
    const { api, records } = catalog();
    store.clear();
    if (what === 'api') {
      store.set({ id: 'api', data: await parseData({ id: 'api', data: api as Record<string, unknown> }) });
      return;
    }
    const files = recordFiles();
    for (const record of records) {
      const id = recordRef(record);
      const file = files.get(id);
      const data = await parseData({ id, data: record as Record<string, unknown> });
      store.set({ id, data, filePath: file ? relative(process.cwd(), join(dataDir, file)) : undefined });
    }
  },
});

const records = defineCollection({ loader: catalogLoader('records'), schema: CatalogRecord });
const api = defineCollection({ loader: catalogLoader('api'), schema: ApiFile });

const guides = defineCollection({
  loader: glob({ base: './content/guides', pattern: '{zh,en}/*.mdx' }),
  schema: z.strictObject({
    title: z.string().min(1),
    description: z.string().min(1),
    order: z.int().nonnegative(),
  }),
});

export const collections = { records, api, guides };
