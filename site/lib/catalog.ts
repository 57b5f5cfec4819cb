/**
 * The catalog as the pages see it: records in a fixed order, the API facts,
 * lookups by reference, and the records a guide names. Everything comes from
 * the content layer (site/content.config.ts), which validated it with the
 * schema. What is said about one record lives in record.ts (no Astro there).
 */
import { basename } from 'node:path';
import { getCollection, getEntry } from 'astro:content';
import { type ApiFile, type CatalogRecord, type Kind, KIND_NAMES, type Method, recordRef } from '../../scripts/catalog/schema.ts';
import { isRetryable, type Rec, recordMethods } from './record.ts';

export * from './record.ts';
export { editUrl, PACKAGE_NAME } from './repo.ts';

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
/** The records before and after one in its kind, in catalog order (prev/next links). */
export async function neighbours(r: Rec): Promise<{ previous?: Rec; next?: Rec }> {
  const kind = (await records()).filter((x) => x.kind === r.kind);
  const at = kind.findIndex((x) => recordRef(x) === recordRef(r));
  return { previous: kind[at - 1], next: kind[at + 1] };
}

/**
 * The records a guide names: by reference (error-code:433), by a gateway
 * message exactly as sent ("Unauthorized"), by kind, or by method. Throws, and
 * so fails the build, when a named record does not exist.
 */
export async function select(q: {
  refs?: string[];
  messages?: string[];
  kind?: string;
  method?: Method;
  /** with `method`: only meanings that name the method, not those for every method */
  explicit?: boolean;
  /** only records with a meaning for every method (none named) */
  anyMethod?: boolean;
  retryable?: boolean;
}): Promise<Rec[]> {
  const all = await records();
  const out: Rec[] = [];
  for (const ref of q.refs ?? []) out.push(await byRef(ref));
  for (const message of q.messages ?? []) {
    const found = all.find((r) => r.kind === 'message-error' && r.message === message);
    if (!found) throw new Error(`no gateway message "${message}" in the catalog`);
    out.push(found);
  }
  if (q.kind || q.method || q.retryable || q.anyMethod) {
    out.push(
      ...all.filter(
        (r) =>
          (!q.kind || r.kind === q.kind) &&
          (!q.method || (q.explicit ? r.meanings.some((m) => m.methods?.includes(q.method!)) : recordMethods(r).includes(q.method))) &&
          (!q.anyMethod || r.meanings.some((m) => !m.methods)) &&
          (!q.retryable || isRetryable(r)),
      ),
    );
  }
  if (out.length === 0) throw new Error(`a guide asks for records that do not exist: ${JSON.stringify(q)}`);
  return out;
}


/**
 * The sources a guide cites, by id ("seed sc"), in the order given. An id
 * that data/api.yaml does not list fails the build.
 */
export async function citedSources(ids: string): Promise<ApiFile['sources']> {
  const { sources } = await api();
  const wanted = ids.trim().split(/\s+/).filter(Boolean);
  if (wanted.length === 0) throw new Error('a citation names no source');
  return wanted.map((id) => {
    const found = sources.find((s) => s.id === id);
    if (!found) throw new Error(`a guide cites source "${id}", which data/api.yaml does not list (known: ${sources.map((s) => s.id).join(', ')})`);
    return found;
  });
}
