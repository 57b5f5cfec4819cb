/**
 * The records in no language: an index to find them by number, numeric
 * string, constant name, message, reason string or state name, the meaning
 * that applies on a method, the next step (retryPolicy) and the page of a
 * record (docUrl). No text: a language's texts are joined on in language.ts.
 */
import { KIND_SEGMENTS, MEANING_FIELDS, METHOD_VERBS, NUMBER_KINDS, RECORD_REST, SITE_URL, SOURCE_RANKS, type NeutralRecord } from './generated/records.ts';
import { RETRY_TABLE } from './generated/retry.ts';
import type { DetailField, Kind, Locale, Meaning, Method, RecordData } from './generated/types.ts';
import { pickMeaning } from './meaning.ts';
import { recordPath } from './paths.ts';
import { joinRecord } from './record-parts.ts';
import { readPolicy, readRetryTable, type RetryEntry, type RetryTable } from './retry-table.ts';

export type { DetailField, Kind, Locale, Meaning, Method, RetryPolicy } from './generated/types.ts';

type Extras = {
  /** kind:id, e.g. "error-code:433". */
  ref: string;
  /** The language of the texts. */
  locale: Locale;
  /** The value a response carries: the code, the message string or the state name. */
  value: number | string;
  /** The record's page on the site, in each language. */
  urls: { zh: string; en: string };
  /** Where `method` was asked for: the meaning that applies on it, if the catalog has one. */
  meaning?: Meaning;
};

/** A catalog record in one language, with everything it says (lookup, allRecords). Narrow on `kind`. */
export type CatalogRecord = RecordData & Extras;
export type RecordOfKind<K extends Kind> = Extract<RecordData, { kind: K }> & Extras;

/**
 * A record as explain() serves it: a CatalogRecord without the fields only a
 * full record carries (causes, actions, links, related, sources, lifecycle).
 * `lookup(record.ref)` gives the full record.
 */
export type BriefRecord = (RecordData extends infer R ? (R extends unknown ? Omit<R, DetailField> : never) : never) & Extras;

export { METHODS, METHOD_VERBS, KIND_NAMES } from './generated/records.ts';

export type { NeutralRecord } from './generated/records.ts';

/**
 * The HTTP verb a request was sent with (any case, spaces around), when it is a verb and not `method`'s own
 * (GET on `stop`): such a request matches no route, and the gateway answers HTTP 404 without a body code (a body
 * code says the request reached the service). explain() and the search's reading of a paste both ask this.
 */
export function wrongVerb(method: Method | undefined, verb: unknown): string | undefined {
  const upper = typeof verb === 'string' ? verb.trim().toUpperCase() : '';
  return method && /^[A-Z]{3,7}$/.test(upper) && upper !== METHOD_VERBS[method] ? upper : undefined;
}

let table: RetryTable | undefined;
/** The retry table (src/retry-table.ts), read at first use. */
export const retryTable = (): RetryTable => (table ??= readRetryTable(RETRY_TABLE));

let records: readonly NeutralRecord[] | undefined;
/** Every record in no language, in catalog order: the retry table and the rest of each record joined (once, at first use). */
export function neutralRecords(): readonly NeutralRecord[] {
  if (!records) {
    const { entries, steps } = retryTable();
    const policies = steps.map(readPolicy);
    records = entries.map((entry, i) => joinRecord(entry, RECORD_REST[i], policies, MEANING_FIELDS) as NeutralRecord);
  }
  return records;
}

export const refOf = (r: Pick<NeutralRecord, 'kind' | 'code'>): string => `${r.kind}:${r.code}`;

/** The permanent page of a record on the site. */
export function docUrl(record: Pick<NeutralRecord, 'kind' | 'code'>, locale: Locale = 'en'): string {
  return SITE_URL + recordPath(KIND_SEGMENTS[record.kind], record.code, locale);
}

/** Lower-case, trim, fold white space and quotes: `" invalid AppID "` → `invalid appid`. */
export function normalizeQuery(text: string): string {
  return text
    .slice(0, 1000)
    .normalize('NFKC')
    .trim()
    .replace(/^["'`“”‘’]+|["'`“”‘’.。]+$/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/**
 * The index, built at the first query: per kind, and for every kind (''),
 * each record by its names — ids, messages and string codes first, then
 * constants, then former constants, reasons last; a name keeps the first
 * record that has it — and in its own kind by its code after a tab (what a
 * number finds: a name, normalized, holds no tab).
 */
let index: Map<string, Map<string, RetryEntry>> | undefined;

function buildIndex(): Map<string, Map<string, RetryEntry>> {
  const { entries } = retryTable();
  const names = new Map<string, Map<string, RetryEntry>>();
  const put = (scope: string, key: string, e: RetryEntry) => {
    const keys = names.get(scope) ?? new Map<string, RetryEntry>();
    names.set(scope, keys);
    if (!keys.has(key)) keys.set(key, e);
  };
  for (const e of entries) put(e.kind, `\t${e.code}`, e);
  // Names by weight (RetryEntry.names): former constants (deprecated aliases) still find their record, after every current name.
  for (let weight = 0; weight < 4; weight++) {
    for (const e of entries) {
      for (const name of e.names[weight]) {
        const key = name && normalizeQuery(name);
        if (key) for (const scope of ['', e.kind]) put(scope, key, e);
      }
    }
  }
  return names;
}

export type LookupOptions = {
  /** Only this kind: pass 'http-status' to read a number as an HTTP status. */
  kind?: Kind;
  /** Fill in `meaning`: what the record means on this method. */
  method?: Method;
  locale?: Locale;
};

/**
 * Find the neutral record for a query, or undefined. A number is read as a body
 * code first, then in the other numeric kinds (NUMBER_KINDS); `Group.CONSTANT`
 * (e.g. "HttpStatus.UNAUTHORIZED") is read in the group's kind.
 */
export function findRecord(query: unknown, kind?: Kind): NeutralRecord | undefined {
  const entry = findEntry(query, kind);
  return entry && neutralRecords()[retryTable().entries.indexOf(entry)];
}

/** findRecord() in the retry table alone (retryPolicy() needs no more). */
export function findEntry(query: unknown, kind?: Kind): RetryEntry | undefined {
  index ??= buildIndex();
  const names = index;
  const key = typeof query === 'number' ? (Number.isSafeInteger(query) && query >= 0 ? String(query) : '') : typeof query === 'string' ? normalizeQuery(query) : '';
  if (!key) return undefined;
  if (/^\d{1,9}$/.test(key)) {
    const number = `\t${Number(key)}`;
    for (const k of kind ? [kind] : NUMBER_KINDS) {
      const hit = names.get(k)?.get(number);
      if (hit) return hit;
    }
    return undefined;
  }
  const [, prefix, name] = /^([a-z]+)\.(.+)$/.exec(key) ?? [];
  const group = retryTable().groups.get(prefix);
  if (group) return !kind || kind === group ? names.get(group)?.get(name) : undefined;
  return names.get(kind ?? '')?.get(key);
}

/** The meaning of a record on a method (see pickMeaning): one with the response's body code or reason first, then its HTTP status, then the newest source. */
export function meaningOn(record: Pick<RecordData, 'meanings'>, method: Method | undefined, http?: number, reason?: string, code?: number): Meaning | undefined {
  return pickMeaning(record.meanings, method, SOURCE_RANKS, http, reason, code);
}
