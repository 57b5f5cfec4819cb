/**
 * Compare the facts of Agora's page (scripts/upstream/parse.ts) with the
 * catalog: what the catalog lacks, and every value that differs. Pure: facts
 * and catalog in, differences out, sorted the same way every time.
 */
import { type CatalogRecord, KIND_NAMES, type Meaning, type Method } from '../catalog/schema.ts';
import type { ItemKind, PageFacts, PageItem, PageValue } from './parse.ts';

export type DifferenceType = 'missing' | 'differs' | 'case' | 'unparsed';
const TYPE_ORDER: DifferenceType[] = ['missing', 'differs', 'case', 'unparsed'];

export type Difference = {
  /** missing: the catalog lacks it; differs: a value differs; case: only the letter case differs; unparsed: a page entry the check cannot read. */
  type: DifferenceType;
  kind?: ItemKind;
  /** The record's id when the catalog has the record (65, no-route-matched), else the page's (1099, "some message"). */
  id: string;
  /** What differs: "error-code 1099", "error-code:65 delays", "error-code:53 on acquire". */
  subject: string;
  /** "page [4000, 6000] ms, catalog [3000, 6000] ms". */
  detail?: string;
  page?: unknown;
  catalog?: unknown;
  line: number;
  /** The page line it was found on. */
  excerpt: string;
};

/** Every difference between the page and the catalog (or anything holding its records), sorted. */
export function compare(facts: PageFacts, catalog: { records: CatalogRecord[] }): Difference[] {
  const differences: Difference[] = facts.unparsed.map((u) => ({
    type: 'unparsed',
    id: '',
    subject: 'entry the check cannot read',
    line: u.line,
    excerpt: u.text,
  }));
  for (const item of facts.items) differences.push(...compareItem(item, catalog.records));
  return sortDifferences(differences);
}

const idOf = (r: CatalogRecord) => (r.kind === 'message-error' ? r.message : String(r.code));

function compareItem(item: PageItem, records: CatalogRecord[]): Difference[] {
  const ofKind = records.filter((r) => r.kind === item.kind);
  const at = { kind: item.kind, line: item.line, excerpt: item.excerpt };
  let record = ofKind.find((r) => idOf(r) === item.id);
  const out: Difference[] = [];
  if (!record) {
    record = ofKind.find((r) => idOf(r).toLowerCase() === item.id.toLowerCase());
    if (!record) {
      const shown = item.kind === 'message-error' ? JSON.stringify(item.id) : item.id;
      return [{ ...at, type: 'missing', id: item.id, subject: `${item.kind} ${shown}` }];
    }
    const field = item.kind === 'message-error' ? 'message' : 'code';
    out.push(differ('case', record, field, JSON.stringify(item.id), JSON.stringify(idOf(record)), at, item.id, idOf(record)));
  }
  const r = record;
  for (const value of item.values) {
    const d = compareValue(value, item, r);
    if (d) out.push(d);
  }
  if (item.http !== undefined && item.kind === 'message-error') {
    const statuses = [...new Set(r.meanings.flatMap((m) => (m.http === undefined ? [] : [m.http])))];
    if (!statuses.includes(item.http)) out.push(differ('differs', r, 'http', String(item.http), statuses.join(' or ') || 'none', at, item.http, statuses));
  }
  if (item.http !== undefined && item.kind === 'error-code') {
    for (const method of item.methods) {
      const d = compareMeaning(item, method, r);
      if (d) out.push(d);
    }
  }
  return out;
}

function differ(
  type: DifferenceType,
  record: CatalogRecord,
  field: string,
  page: string,
  catalog: string,
  at: { kind: ItemKind; line: number; excerpt: string },
  pageValue: unknown,
  catalogValue: unknown,
): Difference {
  return {
    ...at,
    type,
    id: String(record.code),
    subject: `${record.kind}:${record.code} ${field}`,
    detail: `page ${page}, catalog ${catalog}`,
    page: pageValue,
    catalog: catalogValue,
  };
}

const onMethods = (m: Meaning, methods: Method[]) => !methods.length || !m.methods || m.methods.some((x) => methods.includes(x));
const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const ms = (list: readonly number[]) => `[${list.join(', ')}] ms`;

function compareValue(value: PageValue, item: PageItem, r: CatalogRecord): Difference | undefined {
  const at = { kind: item.kind, line: value.line, excerpt: item.excerpt };
  const facts = r.facts ?? {};
  switch (value.field) {
    case 'delaysMs': {
      // The record's own retry, or that of any meaning on a method the text names.
      const policies = [r.retry, ...r.meanings.filter((m) => onMethods(m, item.methods)).map((m) => m.retry)];
      const lists = policies.flatMap((p) => (p?.action === 'retry' ? [p.delaysMs] : []));
      if (lists.some((l) => sameList(l, value.value))) return undefined;
      const distinct = [...new Map(lists.map((l) => [l.join(), l])).values()];
      return differ('differs', r, 'delays', ms(value.value), distinct.map(ms).join(' or ') || 'none', at, value.value, distinct);
    }
    case 'maxBytes':
    case 'expiresAfterSeconds':
    case 'requestsPerSecond': {
      const unit = { maxBytes: ' bytes', expiresAfterSeconds: ' s', requestsPerSecond: '/s' }[value.field];
      const have = facts[value.field];
      if (have === value.value) return undefined;
      return differ('differs', r, value.field, `${value.value}${unit}`, have === undefined ? 'none' : `${have}${unit}`, at, value.value, have);
    }
    case 'characterCount': {
      const have = facts.allowedCharacters === undefined ? undefined : [...facts.allowedCharacters].length;
      if (have === value.value) return undefined;
      return differ('differs', r, 'allowedCharacters count', String(value.value), have === undefined ? 'none' : String(have), at, value.value, have);
    }
    case 'allowedCharacters': {
      const have = [...(facts.allowedCharacters ?? '')];
      if ([...value.value].sort().join('') === [...have].sort().join('')) return undefined;
      const pageOnly = [...new Set(value.value.filter((c) => !have.includes(c)))].join('');
      const catalogOnly = have.filter((c) => !value.value.includes(c)).join('');
      const repeated = [...new Set(value.value.filter((c, i) => value.value.indexOf(c) !== i))].join('');
      const detail = [
        pageOnly && `page has ${JSON.stringify(pageOnly)} that the catalog lacks`,
        catalogOnly && `catalog has ${JSON.stringify(catalogOnly)} that the page lacks`,
        repeated && `page repeats ${JSON.stringify(repeated)}`,
      ].filter(Boolean).join('; ');
      return { ...at, type: 'differs', id: String(r.code), subject: `${r.kind}:${r.code} allowedCharacters`, detail, page: value.value.join(''), catalog: facts.allowedCharacters };
    }
    case 'header': {
      // Header names are compared without regard to case, as HTTP does; their values exactly.
      const name = Object.keys(facts.headers ?? {}).find((k) => k.toLowerCase() === value.name.toLowerCase());
      const have = name === undefined ? undefined : facts.headers![name];
      if (have === value.value) return undefined;
      return differ('differs', r, `headers.${name ?? value.name}`, JSON.stringify(value.value), have === undefined ? 'none' : JSON.stringify(have), at, value.value, have);
    }
  }
}

/** On the English page: is (HTTP status, code, reason) among the record's meanings on this method? */
function compareMeaning(item: PageItem, method: Method, r: CatalogRecord): Difference | undefined {
  const on = r.meanings.filter((m) => m.methods === undefined || m.methods.includes(method));
  const reason = item.reason;
  const sameReason = (m: Meaning) => reason === undefined || m.reason === reason;
  const at = { kind: item.kind, line: item.line, excerpt: item.excerpt };
  if (on.some((m) => m.http === item.http && sameReason(m))) return undefined;
  const caseOnly = on.find((m) => m.http === item.http && reason && m.reason?.toLowerCase() === reason.toLowerCase());
  if (caseOnly) return differ('case', r, `reason on ${method}`, JSON.stringify(reason), JSON.stringify(caseOnly.reason), at, reason, caseOnly.reason);
  const otherStatus = [...new Set(on.filter((m) => sameReason(m) && m.http !== undefined).map((m) => m.http!))];
  if (otherStatus.length) return differ('differs', r, `http on ${method}`, String(item.http), otherStatus.join(' or '), at, item.http, otherStatus);
  const otherReason = [...new Set(on.filter((m) => m.http === item.http && m.reason).map((m) => m.reason!))];
  if (otherReason.length) {
    return differ('differs', r, `reason on ${method}`, JSON.stringify(reason), otherReason.map((x) => JSON.stringify(x)).join(' or '), at, reason, otherReason);
  }
  return {
    ...at,
    type: 'missing',
    id: String(r.code),
    subject: `${r.kind}:${r.code} on ${method}: HTTP ${item.http}${reason === undefined ? '' : `, reason ${JSON.stringify(reason)}`}`,
  };
}

/** By type (missing, differs, case, unparsed), then kind, id (numbers by value), subject and line. */
export function sortDifferences(list: Difference[]): Difference[] {
  const byId = (a: string, b: string) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0);
  const kindIndex = (d: Difference) => (d.kind ? KIND_NAMES.indexOf(d.kind) : -1);
  return [...list].sort(
    (a, b) =>
      TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
      kindIndex(a) - kindIndex(b) ||
      byId(a.id, b.id) ||
      (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0) ||
      a.line - b.line,
  );
}

/** A page line, spaces collapsed and cut to `max` characters. */
const short = (text: string, max = 60) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
};

/** One difference as one line of the report. */
export function formatDifference(d: Difference): string {
  const type = d.type.padEnd(8);
  if (d.type === 'missing' || d.type === 'unparsed') return `${type} ${d.subject}  (page: "${short(d.excerpt)}" line ${d.line})`;
  return `${type} ${d.subject}  ${d.detail} (line ${d.line})`;
}
