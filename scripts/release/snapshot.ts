/**
 * A snapshot of one state of the project, as a release compares it: the
 * catalog's records, the shape of a record (its fields and the values its
 * enumerations allow), and the package's exported surface.
 *
 * A past state is read with that state's own code (its loader, schema and
 * package generator, from the same commit), so an older schema version is
 * understood as it was meant. Where the past code cannot run, today's loader
 * reads the data and records that do not fit today's schema are compared as
 * written, field by field (with a note saying so).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import * as currentLoader from '../catalog/load.ts';
import * as currentSchema from '../catalog/schema.ts';
import { SITE_URL } from '../site-url.ts';
import { type Literal, type Surface, packageSurface } from './surface.ts';

/** A record as compared: validated by a schema where one could read it, else as written (with defaults). */
export type LooseRecord = Record<string, unknown> & { kind: string; code: string | number; constant: string };

/** The fields a record can have (dotted, `[]` for array items) and the values each enumeration allows. */
export type RecordShape = { fields: Set<string>; enums: Map<string, Set<string>> };

export type Snapshot = {
  /** "v0.1.0 (1a2b3c4)", "the working tree" … */
  label: string;
  records: LooseRecord[];
  /** Source id → rank (newer is higher) and title, from api.yaml. */
  sources: Map<string, { rank: number; title?: { zh: string; en: string } }>;
  /** data/api.yaml as read (facts about the API, its methods, sources and shared links); {} when absent. */
  api: Record<string, unknown>;
  shape?: RecordShape;
  surface: Surface;
  /** Problems of the catalog, as `npm run check` prints them (only read for the working tree). */
  problems: string[];
  /** What could not be read as intended, said once each. */
  notes: string[];
};

/** A snapshot of nothing: the state before the first release. */
export const emptySnapshot = (label: string): Snapshot => ({
  label,
  records: [],
  sources: new Map(),
  api: {},
  surface: { entries: new Map(), values: new Map() },
  problems: [],
  notes: [],
});

async function importFrom<T>(root: string, path: string, current: T, isCurrentTree: boolean): Promise<T | undefined> {
  if (isCurrentTree) return current;
  const file = join(root, path);
  if (!existsSync(file)) return undefined;
  try {
    return (await import(pathToFileURL(file).href)) as T;
  } catch {
    return undefined;
  }
}

/** The fields and enumerations of a zod schema, walked through its definition. */
export function recordShape(schema: z.ZodType): RecordShape {
  const shape: RecordShape = { fields: new Set(), enums: new Map() };
  const addValues = (path: string, values: unknown[]) => {
    const set = shape.enums.get(path) ?? new Set<string>();
    for (const v of values) set.add(String(v));
    shape.enums.set(path, set);
  };
  // The same schema (a retry policy) may sit at several paths: each is walked. Nothing is recursive (no z.lazy).
  const walk = (s: z.ZodType, path: string) => {
    const def = (s as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    switch (def.type) {
      case 'object':
        for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) {
          const p = path ? `${path}.${key}` : key;
          shape.fields.add(p);
          walk(child, p);
        }
        break;
      case 'array':
        walk(def.element as z.ZodType, `${path}[]`);
        break;
      case 'union':
        for (const option of def.options as z.ZodType[]) walk(option, path);
        break;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'nonoptional':
      case 'catch':
        walk(def.innerType as z.ZodType, path);
        break;
      case 'pipe':
        walk(def.in as z.ZodType, path);
        break;
      case 'enum':
        addValues(path, Object.values(def.entries as Record<string, unknown>));
        break;
      case 'literal':
        addValues(path, def.values as unknown[]);
        break;
    }
  };
  walk(schema, '');
  return shape;
}

/** The defaults a schema fills in for absent fields of a record of `kind` (causes: [], lifecycle: current …). */
function defaultsOf(kind: string): Record<string, unknown> {
  const option = (currentSchema.CatalogRecord.options as readonly z.ZodObject[]).find(
    (o) => (o.shape.kind as unknown as { _zod: { def: { values: unknown[] } } })._zod.def.values?.includes(kind),
  );
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(option?.shape ?? {})) {
    const parsed = (field as z.ZodType).safeParse(undefined);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out;
}

/** Every record written in the YAML files of `dataDir`, as written. */
function rawRecords(dataDir: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const name of readdirSync(dataDir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    let raw: unknown;
    try {
      raw = parse(readFileSync(join(dataDir, name), 'utf8'));
    } catch {
      continue;
    }
    const records = (raw as { records?: unknown })?.records;
    if (!Array.isArray(records)) continue;
    for (const r of records) if (r && typeof r === 'object' && !Array.isArray(r)) out.push(r as Record<string, unknown>);
  }
  return out;
}

const isRecordLike = (r: Record<string, unknown>): r is LooseRecord =>
  typeof r.kind === 'string' && (typeof r.code === 'number' || typeof r.code === 'string') && typeof r.constant === 'string';

type LoaderModule = Pick<typeof currentLoader, 'loadCatalog' | 'formatProblem'>;
type SchemaModule = Pick<typeof currentSchema, 'CatalogRecord'>;
type GeneratorModule = { packageSources(catalog: unknown, siteUrl: string): Record<string, string> };

/**
 * Snapshot the project whose files are in `root` (a repository's working tree,
 * or a past commit written to a folder). `isCurrentTree`: `root` is the tree
 * this code runs from, so its modules are the ones already loaded.
 */
export async function snapshotOf(root: string, label: string, isCurrentTree: boolean): Promise<Snapshot> {
  const notes: string[] = [];
  const dataDir = join(root, 'data');
  if (!existsSync(dataDir)) return { ...emptySnapshot(label), notes: [`${label} has no data/ folder: compared as an empty catalog`] };

  // 1. The catalog, with the state's own loader.
  const ownLoader = await importFrom<LoaderModule>(root, 'scripts/catalog/load.ts', currentLoader, isCurrentTree);
  const loader = ownLoader ?? currentLoader;
  if (!ownLoader) notes.push(`${label}: its own catalog loader could not run; read with today's loader`);
  const { catalog, problems } = loader.loadCatalog(dataDir);
  const records: LooseRecord[] = (catalog.records as unknown as Record<string, unknown>[]).filter(isRecordLike);
  const loaded = new Set(records.map((r) => `${r.kind}:${r.code}`));
  // Records its schema rejected are still compared, as written (with today's defaults).
  const asWritten: string[] = [];
  for (const raw of rawRecords(dataDir)) {
    if (!isRecordLike(raw)) continue;
    const ref = `${raw.kind}:${raw.code}`;
    if (loaded.has(ref)) continue;
    loaded.add(ref);
    records.push({ ...defaultsOf(raw.kind), ...raw } as LooseRecord);
    asWritten.push(ref);
  }
  if (asWritten.length && !isCurrentTree) {
    notes.push(`${label}: ${asWritten.length} record(s) do not fit its schema and were compared as written (${asWritten.slice(0, 5).join(', ')}${asWritten.length > 5 ? ', …' : ''})`);
  }

  const sources = new Map<string, { rank: number; title?: { zh: string; en: string } }>();
  let apiData = catalog.api as unknown as { sources?: { id: string; rank: number; title?: { zh: string; en: string } }[] } | undefined;
  if (!apiData) {
    try {
      apiData = parse(readFileSync(join(dataDir, currentLoader.API_FILE), 'utf8'));
    } catch {
      apiData = undefined;
    }
  }
  for (const s of apiData?.sources ?? []) if (s && typeof s.id === 'string') sources.set(s.id, { rank: Number(s.rank) || 0, title: s.title });

  // 2. The shape of a record, from the state's own schema.
  const schemaModule = await importFrom<SchemaModule>(root, 'scripts/catalog/schema.ts', currentSchema, isCurrentTree);
  let shape: RecordShape | undefined;
  try {
    if (schemaModule?.CatalogRecord) shape = recordShape(schemaModule.CatalogRecord as unknown as z.ZodType);
  } catch {
    shape = undefined;
  }
  if (!shape) notes.push(`${label}: its schema could not be read; fields and allowed values were not compared`);

  // 3. The package's surface: the state's own generator, then its sources read by TypeScript.
  const surface = await surfaceOf(root, label, { api: catalog.api, records }, isCurrentTree, notes);

  const api = apiData && typeof apiData === 'object' ? (apiData as Record<string, unknown>) : {};
  return { label, records, sources, api, shape, surface, problems: problems.map((p) => loader.formatProblem(p)), notes };
}

async function surfaceOf(root: string, label: string, catalog: { api: unknown; records: LooseRecord[] }, isCurrentTree: boolean, notes: string[]): Promise<Surface> {
  let generated: Record<string, string> | undefined;
  const generator = isCurrentTree
    ? ((await import('../generate/package-sources.ts').catch(() => undefined)) as GeneratorModule | undefined)
    : await importFrom<GeneratorModule>(root, 'scripts/generate/package-sources.ts', undefined as never, false);
  try {
    generated = generator?.packageSources(catalog, SITE_URL);
  } catch {
    generated = undefined;
  }
  const srcDir = join(root, 'src');
  const pkgFile = join(root, 'package.json');
  if (generated && existsSync(srcDir) && existsSync(pkgFile)) {
    try {
      const files = new Map<string, string>();
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          const rel = relative(root, path).split('\\').join('/');
          if (entry.isDirectory()) {
            if (rel !== 'src/generated') walk(path);
          } else if (/\.(?:ts|mts|cts)$/.test(entry.name)) files.set(rel, readFileSync(path, 'utf8'));
        }
      };
      walk(srcDir);
      for (const [name, text] of Object.entries(generated)) files.set(`src/generated/${name}`, text);
      return packageSurface(files, JSON.parse(readFileSync(pkgFile, 'utf8')));
    } catch (error) {
      notes.push(`${label}: the package's exports could not be read (${(error as Error).message.split('\n')[0]})`);
    }
  } else {
    notes.push(`${label}: the package's exports were not compared (${!generated ? 'its package generator could not run' : 'no src/ or package.json'}); constants were read from the catalog`);
  }
  return constantsFromRecords(catalog.records);
}

/** The constants a catalog stands for, read from its records: ErrorCode.NAME → code (deprecated aliases from formerConstants). */
export function constantsFromRecords(records: readonly LooseRecord[]): Surface {
  const values: Surface['values'] = new Map();
  const kinds = currentSchema.KINDS as Record<string, { constantGroup: string }>;
  for (const r of records) {
    const group = kinds[r.kind]?.constantGroup ?? r.kind;
    const value = (r.kind === 'message-error' ? r.message : r.code) as Literal;
    const entry = values.get(group) ?? { members: new Map() };
    if (!('members' in entry)) continue;
    entry.members.set(r.constant, { value, deprecated: (r.lifecycle as { status?: string } | undefined)?.status === 'replaced' });
    for (const former of (Array.isArray(r.formerConstants) ? r.formerConstants : []) as unknown[]) {
      const name = typeof former === 'string' ? former : (former as { name?: unknown })?.name;
      if (typeof name === 'string' && !entry.members.has(name)) entry.members.set(name, { value, deprecated: true });
    }
    values.set(group, entry);
  }
  return { values };
}
