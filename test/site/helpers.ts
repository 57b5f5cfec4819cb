/**
 * Shared by the site tests: where the built site is, and the catalog it was
 * built from (CATALOG_DIR, as for the build, else data/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogOrThrow } from '../../scripts/catalog/load.ts';
import { type CatalogRecord, KINDS, type Catalog, recordRef } from '../../scripts/catalog/schema.ts';
import { DEFAULT_ROOT } from '../../scripts/serve.ts';
import { recordPath } from '../../src/paths.ts';

export const SITE_ROOT = DEFAULT_ROOT;
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const HTML_LANG = { zh: 'zh-CN', en: 'en' } as const;

/** The catalog the site was built from. */
export const catalog = (): Catalog => loadCatalogOrThrow(process.env.CATALOG_DIR);

/** The record a reference names (error-code:433); throws when the catalog has none. */
export function recordByRef(records: readonly CatalogRecord[], ref: string): CatalogRecord {
  const r = records.find((x) => recordRef(x) === ref);
  if (!r) throw new Error(`the catalog has no ${ref}`);
  return r;
}

export const pagePath = (r: Pick<CatalogRecord, 'kind' | 'code'>, lang: Lang): string => recordPath(KINDS[r.kind].segment, r.code, lang);

/** The built file of a URL path: /en/errors/433/ → build/site/en/errors/433/index.html. */
export function builtFile(path: string): string {
  const file = join(SITE_ROOT, decodeURIComponent(path));
  return path.endsWith('/') ? join(file, 'index.html') : file;
}

export function readBuilt(path: string): string {
  const file = builtFile(path);
  if (!existsSync(file)) throw new Error(`not built: ${path} (${file}); run \`npm run build:site\` first`);
  return readFileSync(file, 'utf8');
}

/** The message of a record as shown on the site: the number, the gateway message, or the state name. */
export const shownCode = (r: CatalogRecord): string => (r.kind === 'message-error' ? r.message : String(r.code));

export const GUIDES = ['integrate', 'reading-errors', 'retries', 'authentication', 'channel-names', 'lifecycle'] as const;
