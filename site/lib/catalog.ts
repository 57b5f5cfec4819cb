/**
 * The catalog as the pages see it: records in a fixed order, their URLs, the
 * methods they occur on, and lookups by reference. Everything comes from the
 * content layer (site/content.config.ts), which validated it with the schema.
 */
import { basename } from 'node:path';
import { getCollection, getEntry } from 'astro:content';
import { recordPath } from '../../src/paths.ts';
import {
  type ApiFile,
  type CatalogRecord,
  type Kind,
  KIND_NAMES,
  KINDS,
  METHODS,
  type Method,
  recordRef,
  type RetryPolicy,
} from '../../scripts/catalog/schema.ts';
import type { Lang } from './i18n.ts';

/** The repository; every "edit" link starts here. */
export const REPO_URL = 'https://github.com/org/agora-rec-codes';
/** The npm package whose constants the snippets use. */
export const PACKAGE_NAME = '@org/agora-rec-codes';

export type Rec = CatalogRecord & { file?: string };

const kindOrder = (k: Kind) => KIND_NAMES.indexOf(k);
const compareCodes = (a: string | number, b: string | number) =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en');

let cache: Promise<Rec[]> | undefined;
/** Every record, by kind (in KINDS order), then by code. */
export function records(): Promise<Rec[]> {
  cache ??= getCollection('records').then((entries) =>
    entries
      .map((e) => ({ ...(e.data as CatalogRecord), file: e.filePath ? basename(e.filePath) : undefined }) as Rec)
      .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || compareCodes(a.code, b.code)),
  );
  return cache;
}

export async function api(): Promise<ApiFile> {
  const entry = await getEntry('api', 'api');
  if (!entry) throw new Error('the catalog has no API facts (data/api.yaml)');
  return entry.data as ApiFile;
}

/** The record a reference (error-code:433) names; the loader already checked it exists. */
export async function byRef(ref: string): Promise<Rec> {
  const found = (await records()).find((r) => recordRef(r) === ref);
  if (!found) throw new Error(`no record ${ref} in the catalog`);
  return found;
}

export const href = (r: Pick<CatalogRecord, 'kind' | 'code'>, lang: Lang): string =>
  recordPath(KINDS[r.kind].segment, r.code, lang);

/** What a reader recognises a record by: the number, the message, the state name. */
export const displayCode = (r: CatalogRecord): string => (r.kind === 'message-error' ? r.message : String(r.code));

/** The file of a record in the repository's data folder, for "edit this record". */
export const editUrl = (r: Rec): string => `${REPO_URL}/edit/main/data/${r.file ?? ''}`;

/** The methods a record occurs on, in API order; all of them when a meaning applies to every method. */
export function recordMethods(r: CatalogRecord): Method[] {
  if (r.meanings.some((m) => !m.methods)) return [...METHODS];
  const set = new Set(r.meanings.flatMap((m) => m.methods ?? []));
  return METHODS.filter((m) => set.has(m));
}

export const RETRYABLE: readonly RetryPolicy['action'][] = ['retry', 'acquire-again'];
/** A record is retryable when sending again (possibly after a new acquire) can succeed, by default or on some method. */
export const isRetryable = (r: CatalogRecord): boolean =>
  [r.retry, ...r.meanings.map((m) => m.retry)].some((p) => p && RETRYABLE.includes(p.action));

/** The retry policies of a record: its default, then each meaning that says otherwise. */
export function retryPolicies(r: CatalogRecord): { policy: RetryPolicy; methods?: Method[]; source?: string }[] {
  const out: { policy: RetryPolicy; methods?: Method[]; source?: string }[] = [{ policy: r.retry }];
  for (const m of r.meanings) {
    if (m.retry && JSON.stringify(m.retry) !== JSON.stringify(r.retry)) out.push({ policy: m.retry, methods: m.methods, source: m.source });
  }
  return out;
}

/** The records a method can return: those with a meaning on it (or on every method). */
export async function recordsOnMethod(method: Method): Promise<Rec[]> {
  return (await records()).filter((r) => r.meanings.some((m) => !m.methods || m.methods.includes(method)));
}

/** True where two sources give a meaning for the same method (62, 501): the page shows both. */
export function sourcesDisagree(r: CatalogRecord): boolean {
  const byMethod = new Map<Method, Set<string>>();
  for (const m of r.meanings) {
    for (const method of m.methods ?? METHODS) {
      const set = byMethod.get(method) ?? new Set();
      set.add(m.source);
      byMethod.set(method, set);
    }
  }
  return [...byMethod.values()].some((s) => s.size > 1);
}
