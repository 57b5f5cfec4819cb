/**
 * Load the catalog: read every YAML file under data/, validate it against the
 * schema, and check what a schema of one record cannot see (duplicates,
 * references, sources). Every problem is collected, with the file, the line and
 * column, the record and the field it concerns; nothing stops at the first one,
 * and nothing a file holds — bytes that are not UTF-8, a file too large, YAML
 * aliases that multiply, a hundred thousand mistakes — ends in a stack trace.
 * One mistake gives one message: a record that fails the schema still exists
 * for the records that refer to it.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { ApiFile, type Catalog, type CatalogRecord, GlossaryFile, KINDS, RecordFile, RETRY_ACTIONS, type Release, ReleasesFile, recordRef } from './schema.ts';
import { basisProblems } from './basis.ts';
import { constantProblems, relatedProblems, titleProblems } from './cross-checks.ts';
import { describeTermUse, GLOSSARY_FILE, glossaryProblems, type TermUse } from './glossary.ts';
import { reviewProblems } from './translations.ts';
import { SEARCH_WORDS_FILE, searchWordsProblems } from './search-words.ts';
import { SearchWordsFile } from './schema.ts';

export type Problem = {
  file: string;
  line: number;
  column: number;
  /** The record concerned, as kind:id (or records[3] when it has no valid id). */
  record?: string;
  /** The field concerned, as a dotted path inside the record (or the file). */
  field?: string;
  message: string;
};

export type LoadResult = { catalog: Catalog; problems: Problem[] };

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
export const API_FILE = 'api.yaml';
/** The largest catalog file read (the real ones are a few dozen KB; the benchmark's ×100 ones a few MB). */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** How many times YAML aliases may be expanded in one file (yaml's guard against "billion laughs"). */
export const MAX_ALIAS_COUNT = 100;
/** How many problems are printed before the rest is counted. */
export const PRINTED_PROBLEMS = 100;
/** Files of data/ that hold no records. */
/** The history of releases (written by `npm run release`); optional: a catalog without it has no release yet. */
export const RELEASES_FILE = 'releases.yaml';
export const NON_RECORD_FILES: readonly string[] = [API_FILE, GLOSSARY_FILE, RELEASES_FILE, SEARCH_WORDS_FILE];
/** The package's version, which bounds how long a former constant name stays exported. */
const PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url));

/** One problem as one line: `data/x.yaml:12:5 error-code:433 title.en: expected ...`. */
export function formatProblem(p: Problem): string {
  const where = [p.record, p.field].filter(Boolean).join(' ');
  return `${p.file}:${p.line}:${p.column}${where ? ` ${where}` : ''}: ${p.message}`;
}

/** The problems as lines, the first `limit` of them, then how many more there are. */
export function formatProblems(problems: readonly Problem[], limit: number = PRINTED_PROBLEMS): string[] {
  const lines = problems.slice(0, limit).map(formatProblem);
  if (problems.length > limit) {
    lines.push(`… and ${(problems.length - limit).toLocaleString('en-US')} more (${problems.length.toLocaleString('en-US')} problems in all; fix these first)`);
  }
  return lines;
}

/** Thrown by loadCatalogOrThrow: the problems, and a message that lists them (no stack trace needed to read it). */
export class CatalogError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(`The catalog has ${problems.length} problem(s):\n${formatProblems(problems).join('\n')}`);
    this.name = 'CatalogError';
    this.problems = problems;
  }
}

/** The offset of the first byte that does not begin a valid UTF-8 sequence, or -1 (WHATWG's decoder: no overlongs, surrogates or values past U+10FFFF). */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) length = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      length = 2;
      if (c === 0xe0) low = 0xa0;
      if (c === 0xed) high = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      length = 3;
      if (c === 0xf0) low = 0x90;
      if (c === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += length + 1;
  }
  return -1;
}

type ParsedFile = {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The file's text, to point at a word inside a value. */
  source: string;
};

function position(parsed: ParsedFile, offset: number) {
  const { line, col } = parsed.lines.linePos(offset);
  return { line, column: col };
}

/** The deepest node that exists along `path`, and whether it is the whole path. */
function nodeAt(doc: Document.Parsed, path: readonly PropertyKey[]): { node: Node | undefined; exact: boolean } {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const next = isMap(node) || isSeq(node) ? (node as { get(k: unknown, keep: true): unknown }).get(path[i], true) : undefined;
    if (next === undefined || next === null) return { node: node as Node, exact: false };
    node = next;
  }
  return { node: node as Node, exact: true };
}

/** Where a word found in the text at `path` is written in the file (the start of the value if it cannot be found as written). */
function wordPosition(parsed: ParsedFile, path: readonly PropertyKey[], text: string, use: TermUse) {
  const node = nodeAt(parsed.doc, path).node;
  const [start, , end] = node?.range ?? [0, 0, 0];
  const nth = text.slice(0, use.index).split(use.found).length - 1;
  let at = start - 1;
  for (let i = 0; i <= nth; i++) {
    at = parsed.source.indexOf(use.found, at + 1);
    if (at < 0 || at >= end) return position(parsed, start);
  }
  return position(parsed, at);
}

/** The node of a key (not its value) in a map, to point at an unknown field itself. */
function keyNode(doc: Document.Parsed, path: readonly PropertyKey[], key: string): Node | undefined {
  const { node, exact } = nodeAt(doc, path);
  if (!exact || !isMap(node)) return undefined;
  const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
  return (pair?.key as Node | undefined) ?? undefined;
}

/** A path inside a record or file as a reader writes it: meanings[0].retry.delaysMs[1]. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

function recordLabel(raw: unknown, index: number): string {
  if (raw && typeof raw === 'object') {
    const { kind, code } = raw as Record<string, unknown>;
    if (typeof kind === 'string' && (typeof code === 'number' || typeof code === 'string')) return `${kind}:${code}`;
  }
  return `records[${index}]`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field (expected one of the schema's fields; check the spelling)`;
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator === 'action') {
        return `unknown next step (expected one of: ${RETRY_ACTIONS.join(', ')})`;
      }
      if ('discriminator' in issue && issue.discriminator) {
        return `unknown kind (expected one of: ${Object.keys(KINDS).join(', ')})`;
      }
      return 'expected ' + issue.message.replace(/^Invalid input:?\s*/i, '');
    default: {
      const message = issue.message.replace(/^(?:Invalid input|Too small|Too big|Invalid string|Invalid option):\s*/i, '');
      if (issue.code === 'invalid_type' && /received undefined/.test(message)) {
        return `missing required field (${message.replace(/, received undefined/, '')})`;
      }
      return /^expected/i.test(message) ? message : `expected ${message}`;
    }
  }
}

function issueProblems(parsed: ParsedFile, issues: readonly z.core.$ZodIssue[], raw: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      const path = key === undefined ? issue.path : [...issue.path, key];
      let record: string | undefined;
      let fieldPath = path;
      if (path[0] === 'records' && typeof path[1] === 'number') {
        record = recordLabel((raw as { records?: unknown[] })?.records?.[path[1]], path[1]);
        fieldPath = path.slice(2);
      }
      const at =
        key !== undefined ? keyNode(parsed.doc, issue.path, key) ?? nodeAt(parsed.doc, path).node : nodeAt(parsed.doc, path).node;
      const offset = at?.range?.[0] ?? 0;
      const field = fieldName(fieldPath);
      problems.push({
        file: parsed.file,
        ...position(parsed, offset),
        record,
        field: field || undefined,
        message: describeIssue(issue),
      });
    }
  }
  return problems;
}

/** The text of a file, or a problem: unreadable, too large, or not UTF-8 (with where the first bad byte is). */
function readText(path: string, file: string, problems: Problem[]): string | undefined {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      problems.push({ file, line: 1, column: 1, message: `the file is ${mb(size)}: larger than the ${mb(MAX_FILE_BYTES)} a catalog file may be (split it)` });
      return undefined;
    }
    bytes = readFileSync(path);
  } catch (error) {
    problems.push({ file, line: 1, column: 1, message: `cannot read the file: ${(error as Error).message}` });
    return undefined;
  }
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) {
    const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
    let line = 1;
    for (let i = bytes.indexOf(0x0a); i >= 0 && i < bad; i = bytes.indexOf(0x0a, i + 1)) line++;
    const column = [...bytes.subarray(lineStart, bad).toString('utf8')].length + 1;
    const byte = `0x${bytes[bad]!.toString(16).padStart(2, '0')}`;
    problems.push({ file, line, column, message: `not valid UTF-8 at byte offset ${bad} (byte ${byte}): save the file as UTF-8` });
    return undefined;
  }
  // A byte order mark is not part of the text.
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

function parseYaml(path: string, file: string, problems: Problem[]): ParsedFile | undefined {
  const text = readText(path, file, problems);
  if (text === undefined) return undefined;
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The parser itself gave up (e.g. nesting too deep for its stack).
    problems.push({ file, line: 1, column: 1, message: `cannot parse the YAML: ${(error as Error).message}` });
    return undefined;
  }
  const parsed = { file, doc, lines, source: text };
  // The same error at the same place, as a parser that gave up repeats it, is said once.
  const said = new Set<string>();
  for (const error of doc.errors) {
    const first = error.message.split('\n')[0]!;
    const message = /maximum call stack/i.test(first) ? 'YAML nested too deeply to read' : `YAML syntax error: ${first}`;
    const problem = { file, ...position(parsed, error.pos[0]), message };
    const key = formatProblem(problem);
    if (said.has(key)) continue;
    said.add(key);
    problems.push(problem);
  }
  return doc.errors.length ? undefined : parsed;
}

/** The file's data, or a problem where it cannot be built: aliases that expand past MAX_ALIAS_COUNT. */
function dataOf(parsed: ParsedFile, problems: Problem[]): { value: unknown } | undefined {
  try {
    return { value: parsed.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    let first: Node | undefined;
    visit(parsed.doc, {
      Alias(_, node) {
        first = node;
        return visit.BREAK;
      },
    });
    const aliasing = first !== undefined && /alias/i.test((error as Error).message);
    problems.push({
      file: parsed.file,
      ...position(parsed, first?.range?.[0] ?? 0),
      message: aliasing
        ? `YAML aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT} expansions, from here on): write the values out instead of repeating anchors`
        : `cannot read the YAML: ${(error as Error).message}`,
    });
    return undefined;
  }
}

/**
 * Read and check the catalog in `dir`. Returns the records that passed the
 * schema, and every problem found; the catalog is trustworthy only when
 * `problems` is empty.
 */
export function loadCatalog(dir: string = DEFAULT_DATA_DIR): LoadResult {
  const problems: Problem[] = [];
  const display = (name: string) => {
    const path = relative(process.cwd(), join(dir, name));
    return path.startsWith('..') ? join(dir, name) : path;
  };
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (error) {
    problems.push({ file: dir, line: 1, column: 1, message: `cannot read the data folder: ${(error as Error).message}` });
  }
  if (!names.includes(API_FILE)) {
    problems.push({ file: display(API_FILE), line: 1, column: 1, message: 'missing: the API facts file (methods, sources, links)' });
  }

  let api: ApiFile | undefined;
  let apiParsed: ParsedFile | undefined;
  let glossary: GlossaryFile | undefined;
  const records: CatalogRecord[] = [];
  const located = new Map<CatalogRecord, { parsed: ParsedFile; index: number }>();
  /** Records that failed the schema but name themselves (kind and code): they exist for references. */
  const invalidRefs = new Set<string>();
  // One by one: a file with a hundred thousand problems is more than a spread (...) can pass.
  const report = (more: readonly Problem[]) => {
    for (const p of more) problems.push(p);
  };

  for (const name of names) {
    const parsed = parseYaml(join(dir, name), display(name), problems);
    if (!parsed) continue;
    const data = dataOf(parsed, problems);
    if (!data) continue;
    const raw = data.value;
    if (name === API_FILE) {
      const result = ApiFile.safeParse(raw);
      if (result.success) [api, apiParsed] = [result.data, parsed];
      else report(issueProblems(parsed, result.error.issues, raw));
      continue;
    }
    if (name === GLOSSARY_FILE) {
      const result = GlossaryFile.safeParse(raw);
      if (result.success) glossary = result.data;
      else report(issueProblems(parsed, result.error.issues, raw));
      continue;
    }
    if (name === RELEASES_FILE) {
      const result = ReleasesFile.safeParse(raw);
      if (!result.success) problems.push(...issueProblems(parsed, result.error.issues, raw));
      continue;
    }
    if (name === SEARCH_WORDS_FILE) {
      const words = SearchWordsFile.safeParse(raw);
      if (!words.success) problems.push(...issueProblems(parsed, words.error.issues, raw));
      else {
        for (const p of searchWordsProblems(words.data)) {
          problems.push({ file: parsed.file, ...position(parsed, nodeAt(parsed.doc, p.path).node?.range?.[0] ?? 0), field: p.path.join('.').replace(/\.(\d+)/g, '[$1]'), message: p.message });
        }
      }
      continue;
    }
    // Validate record by record, so that one bad record does not hide the good ones.
    const file = RecordFile.safeParse(raw);
    if (file.success) {
      file.data.records.forEach((record, index) => {
        records.push(record);
        located.set(record, { parsed, index });
      });
    } else {
      report(issueProblems(parsed, file.error.issues, raw));
      const rawRecords = (raw as { records?: unknown })?.records;
      if (Array.isArray(rawRecords)) {
        const failed = new Set(file.error.issues.filter((i) => i.path[0] === 'records').map((i) => i.path[1]));
        rawRecords.forEach((rawRecord, index) => {
          if (failed.has(index)) {
            const label = recordLabel(rawRecord, index);
            if (label !== `records[${index}]`) invalidRefs.add(label);
            return;
          }
          const one = RecordFile.shape.records.element.safeParse(rawRecord);
          if (one.success) {
            records.push(one.data);
            located.set(one.data, { parsed, index });
          }
        });
      }
    }
  }

  const where = (record: CatalogRecord, field: PropertyKey[]): Problem => {
    const at = located.get(record)!;
    const node = nodeAt(at.parsed.doc, ['records', at.index, ...field]).node;
        return {
      file: at.parsed.file,
      ...position(at.parsed, node?.range?.[0] ?? 0),
      record: recordRef(record),
      field: fieldName(field) || undefined,
      message: '',
    };
  };

  // Uniqueness within each kind: the id, the constant name, and a message's text.
  const seen = new Map<string, CatalogRecord>();
  const claim = (key: string, record: CatalogRecord, field: string, what: string) => {
    const first = seen.get(key);
    if (first) {
      const firstAt = where(first, [field]);
      problems.push({ ...where(record, [field]), message: `duplicate ${what} within kind ${record.kind} (first at ${firstAt.file}:${firstAt.line})` });
    } else seen.set(key, record);
  };
  for (const record of records) {
    claim(`id ${record.kind} ${record.code}`, record, 'code', `code ${JSON.stringify(record.code)}`);
    claim(`constant ${record.kind} ${record.constant}`, record, 'constant', `constant name ${record.constant}`);
    if (record.kind === 'message-error') {
      claim(`message ${record.message.trim().toLowerCase()}`, record, 'message', `message ${JSON.stringify(record.message)}`);
    }
  }

  // Names a reader could confuse, and links that go one way only.
  const locate = (record: CatalogRecord, field: PropertyKey[]) => {
    const at = where(record, field);
    return `${at.file}:${at.line}`;
  };
  const crossProblems = [
    ...constantProblems(records, packageVersion(), locate),
    ...titleProblems(records, locate),
    ...relatedProblems(records, locate),
  ];
  for (const p of crossProblems) problems.push({ ...where(p.record, p.field), message: p.message });

  // The glossary's terms, in every text of every record and of api.yaml.
  if (glossary) {
    for (const record of records) {
      const at = located.get(record)!;
      for (const { path, locale, use } of glossaryProblems(glossary, record)) {
        const field = fieldName(path);
        const text = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], record) as string;
        problems.push({
          file: at.parsed.file,
          ...wordPosition(at.parsed, ['records', at.index, ...path], text, use),
          record: recordRef(record),
          field,
          message: describeTermUse(use, locale),
        });
      }
    }
    if (api && apiParsed) {
      for (const { path, locale, use } of glossaryProblems(glossary, api)) {
        const field = fieldName(path);
        const text = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], api) as string;
        problems.push({ file: apiParsed.file, ...wordPosition(apiParsed, path, text, use), field, message: describeTermUse(use, locale) });
      }
    }
  }

  // References must name records that exist; sources must be declared in api.yaml.
  const refs = new Set([...records.map(recordRef), ...invalidRefs]);
  const sourceIds = new Set(api?.sources.map((s) => s.id));
  for (const record of records) {
    record.related.forEach((ref, i) => {
      if (!refs.has(ref)) problems.push({ ...where(record, ['related', i]), message: `no record ${ref} exists` });
      if (ref === recordRef(record)) problems.push({ ...where(record, ['related', i]), message: 'a record cannot be related to itself' });
    });
    // A meaning's body codes are error codes of the catalog, and only an HTTP status's meaning names them.
    record.meanings.forEach((m, i) =>
      m.codes?.forEach((code, j) => {
        const at = where(record, ['meanings', i, 'codes', j]);
        if (record.kind !== 'http-status') problems.push({ ...at, message: 'only a meaning of an http-status record names body codes' });
        else if (!refs.has(`error-code:${code}`)) problems.push({ ...at, message: `no record error-code:${code} exists` });
      }),
    );
    const replacedBy = record.lifecycle.replacedBy;
    if (replacedBy && !refs.has(replacedBy)) {
      problems.push({ ...where(record, ['lifecycle', 'replacedBy']), message: `no record ${replacedBy} exists` });
    }
    if (api) {
      record.sources.forEach((id, i) => {
        if (!sourceIds.has(id)) problems.push({ ...where(record, ['sources', i]), message: `source ${id} is not declared in ${API_FILE}` });
      });
      record.meanings.forEach((m, i) => {
        if (!sourceIds.has(m.source)) problems.push({ ...where(record, ['meanings', i, 'source']), message: `source ${m.source} is not declared in ${API_FILE}` });
      });
    }
    for (const p of reviewProblems(record)) problems.push({ ...where(record, p.field), message: p.message });
    for (const p of basisProblems(record)) problems.push({ ...where(record, p.field), message: p.message });
    // A fact stated both in a record and in api.yaml must be the same fact.
    const contentType = record.facts?.headers?.['Content-Type'];
    if (api && contentType !== undefined && contentType !== api.contentType) {
      problems.push({ ...where(record, ['facts', 'headers', 'Content-Type']), message: `differs from contentType in ${API_FILE} (${api.contentType})` });
    }
    const rate = record.facts?.requestsPerSecond;
    if (api && rate !== undefined && rate !== api.rateLimitPerSecond) {
      problems.push({ ...where(record, ['facts', 'requestsPerSecond']), message: `differs from rateLimitPerSecond in ${API_FILE} (${api.rateLimitPerSecond})` });
    }
  }

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  const fallbackApi = api ?? (undefined as unknown as ApiFile);
  return { catalog: { api: fallbackApi, records }, problems };
}

function packageVersion(): string | undefined {
  try {
    return (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** Load the catalog and throw a CatalogError, listing its problems, unless it is clean. */
export function loadCatalogOrThrow(dir?: string): Catalog {
  const { catalog, problems } = loadCatalog(dir);
  if (problems.length) throw new CatalogError(problems);
  return catalog;
}

/**
 * The releases in data/releases.yaml, newest first ([] when the file is absent),
 * and every problem of the file. `npm run check` reports the same problems.
 */
export function loadReleases(dir: string = DEFAULT_DATA_DIR): { releases: Release[]; problems: Problem[] } {
  const path = join(dir, RELEASES_FILE);
  const problems: Problem[] = [];
  if (!existsSync(path)) return { releases: [], problems };
  const rel = relative(process.cwd(), path);
  const display = rel.startsWith('..') ? path : rel;
  const parsed = parseYaml(path, display, problems);
  if (!parsed) return { releases: [], problems };
  const raw = parsed.doc.toJS();
  const result = ReleasesFile.safeParse(raw);
  if (!result.success) return { releases: [], problems: issueProblems(parsed, result.error.issues, raw) };
  return { releases: result.data.releases, problems };
}

/** The releases, or throw listing every problem of the file. */
export function loadReleasesOrThrow(dir?: string): Release[] {
  const { releases, problems } = loadReleases(dir);
  if (problems.length) throw new Error(`${RELEASES_FILE} has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
  return releases;
}
