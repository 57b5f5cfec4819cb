/**
 * Load the catalog: read every YAML file under data/, validate it against the
 * schema, and check what a schema of one record cannot see (duplicates,
 * references, sources). Every problem is collected, with the file, the line and
 * column, the record and the field it concerns; nothing stops at the first one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { ApiFile, type Catalog, type CatalogRecord, KINDS, RecordFile, RETRY_ACTIONS, recordRef } from './schema.ts';
import { reviewProblems } from './translations.ts';

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

/** One problem as one line: `data/x.yaml:12:5 error-code:433 title.en: expected ...`. */
export function formatProblem(p: Problem): string {
  const where = [p.record, p.field].filter(Boolean).join(' ');
  return `${p.file}:${p.line}:${p.column}${where ? ` ${where}` : ''}: ${p.message}`;
}

type ParsedFile = {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
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

/** The node of a key (not its value) in a map, to point at an unknown field itself. */
function keyNode(doc: Document.Parsed, path: readonly PropertyKey[], key: string): Node | undefined {
  const { node, exact } = nodeAt(doc, path);
  if (!exact || !isMap(node)) return undefined;
  const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
  return (pair?.key as Node | undefined) ?? undefined;
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
      const field = fieldPath.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
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

function parseYaml(path: string, file: string, problems: Problem[]): ParsedFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push({ file, line: 1, column: 1, message: `cannot read the file: ${(error as Error).message}` });
    return undefined;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const parsed = { file, doc, lines };
  for (const error of doc.errors) {
    problems.push({
      file,
      ...position(parsed, error.pos[0]),
      message: `YAML syntax error: ${error.message.split('\n')[0]}`,
    });
  }
  return doc.errors.length ? undefined : parsed;
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
  const records: CatalogRecord[] = [];
  const located = new Map<CatalogRecord, { parsed: ParsedFile; index: number }>();

  for (const name of names) {
    const parsed = parseYaml(join(dir, name), display(name), problems);
    if (!parsed) continue;
    const raw = parsed.doc.toJS();
    if (name === API_FILE) {
      const result = ApiFile.safeParse(raw);
      if (result.success) api = result.data;
      else problems.push(...issueProblems(parsed, result.error.issues, raw));
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
      problems.push(...issueProblems(parsed, file.error.issues, raw));
      const rawRecords = (raw as { records?: unknown })?.records;
      if (Array.isArray(rawRecords)) {
        const failed = new Set(file.error.issues.filter((i) => i.path[0] === 'records').map((i) => i.path[1]));
        rawRecords.forEach((rawRecord, index) => {
          if (failed.has(index)) return;
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
    const fieldName = field.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
    return {
      file: at.parsed.file,
      ...position(at.parsed, node?.range?.[0] ?? 0),
      record: recordRef(record),
      field: fieldName || undefined,
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

  // References must name records that exist; sources must be declared in api.yaml.
  const refs = new Set(records.map(recordRef));
  const sourceIds = new Set(api?.sources.map((s) => s.id));
  for (const record of records) {
    record.related.forEach((ref, i) => {
      if (!refs.has(ref)) problems.push({ ...where(record, ['related', i]), message: `no record ${ref} exists` });
      if (ref === recordRef(record)) problems.push({ ...where(record, ['related', i]), message: 'a record cannot be related to itself' });
    });
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

/** Load the catalog and throw, listing every problem, unless it is clean. */
export function loadCatalogOrThrow(dir?: string): Catalog {
  const { catalog, problems } = loadCatalog(dir);
  if (problems.length) {
    throw new Error(`The catalog has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
  }
  return catalog;
}
