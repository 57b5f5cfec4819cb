/**
 * The records as the package serves them: the generated language-neutral data
 * joined with one language's texts, and an index to find them by number,
 * numeric string, constant name, message, reason string or state name.
 */
import { KIND_SEGMENTS, RECORDS, SITE_URL, SOURCE_RANKS, type NeutralRecord } from './generated/records.ts';
import type { Kind, Locale, Meaning, Method, RecordData, RetryPolicy } from './generated/types.ts';
import { recordPath } from './paths.ts';

export type { Kind, Locale, Meaning, Method, RetryPolicy } from './generated/types.ts';

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

/** A catalog record in one language. Narrow on `kind`. */
export type CatalogRecord = RecordData & Extras;
export type RecordOfKind<K extends Kind> = Extract<RecordData, { kind: K }> & Extras;

export type TextTable = Readonly<Record<string, readonly string[]>>;
export type TextTables = Partial<Record<Locale, TextTable>>;

export const METHOD_NAMES: readonly Method[] = ['acquire', 'start', 'query', 'update', 'updateLayout', 'stop'];

const refOf = (r: NeutralRecord) => `${r.kind}:${r.code}`;
const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** The permanent page of a record on the site. */
export function docUrl(record: Pick<NeutralRecord, 'kind' | 'code'>, locale: Locale = 'en'): string {
  return SITE_URL + recordPath(KIND_SEGMENTS[record.kind], record.code, locale);
}

function join(neutral: NeutralRecord, texts: readonly string[], locale: Locale): CatalogRecord {
  const fill = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === 'object') {
      if (own(value, '$t')) return texts[(value as { $t: number }).$t] ?? '';
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) out[key] = fill((value as Record<string, unknown>)[key]);
      return out;
    }
    return value;
  };
  const record = fill(neutral) as RecordData;
  return {
    ...record,
    ref: refOf(neutral),
    locale,
    value: neutral.kind === 'message-error' ? (neutral.message as string) : neutral.code,
    urls: { zh: docUrl(neutral, 'zh'), en: docUrl(neutral, 'en') },
  } as CatalogRecord;
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

type Index = {
  byKind: Map<Kind, Map<string, NeutralRecord>>;
  byName: Map<string, NeutralRecord>;
};
let index: Index | undefined;

/** Numbers are read as body codes first, then HTTP statuses, then recording status values. */
const NUMBER_KINDS: readonly Kind[] = ['error-code', 'http-status', 'recording-status'];

function buildIndex(): Index {
  const byKind = new Map<Kind, Map<string, NeutralRecord>>();
  const byName = new Map<string, NeutralRecord>();
  const name = (key: string, record: NeutralRecord) => {
    const k = normalizeQuery(key);
    if (k && !byName.has(k)) byName.set(k, record);
  };
  // Exact names first (constants, messages, state names, references), reasons last.
  for (const record of RECORDS) {
    if (!byKind.has(record.kind)) byKind.set(record.kind, new Map());
    byKind.get(record.kind)!.set(String(record.code), record);
    name(refOf(record), record);
    if (record.kind === 'message-error') name(record.message!, record);
    if (typeof record.code === 'string') name(record.code, record);
  }
  for (const record of RECORDS) name(record.constant, record);
  for (const record of RECORDS) {
    for (const meaning of (record.meanings as { reason?: string }[] | undefined) ?? []) {
      if (meaning.reason) name(meaning.reason, record);
    }
  }
  return { byKind, byName };
}

function getIndex(): Index {
  return (index ??= buildIndex());
}

export type LookupOptions = {
  /** Only this kind: pass 'http-status' to read a number as an HTTP status. */
  kind?: Kind;
  /** Fill in `meaning`: what the record means on this method. */
  method?: Method;
  locale?: Locale;
};

/** Find the neutral record for a query, or undefined. */
export function findRecord(query: unknown, kind?: Kind): NeutralRecord | undefined {
  const { byKind, byName } = getIndex();
  let key: string | undefined;
  if (typeof query === 'number') key = Number.isSafeInteger(query) && query >= 0 ? String(query) : undefined;
  else if (typeof query === 'string') key = normalizeQuery(query);
  if (!key) return undefined;
  if (/^\d{1,9}$/.test(key)) {
    const number = String(Number(key));
    for (const k of kind ? [kind] : NUMBER_KINDS) {
      const hit = byKind.get(k)?.get(number);
      if (hit) return hit;
    }
    return undefined;
  }
  // "ErrorCode.RESOURCE_ID_EXPIRED" → the constant name.
  const bare = key.replace(/^[a-z]+\./, '');
  const hit = byName.get(key) ?? byName.get(bare);
  if (hit && (!kind || hit.kind === kind)) return hit;
  if (kind) {
    for (const record of RECORDS) {
      if (record.kind !== kind) continue;
      if ([record.constant, String(record.code), record.message ?? ''].some((n) => normalizeQuery(n) === bare)) return record;
    }
  }
  return undefined;
}

/** The meaning of a record on a method: the newest source wins, one with the given HTTP status first. */
export function meaningOn(record: Pick<RecordData, 'meanings'>, method: Method | undefined, http?: number): Meaning | undefined {
  if (!method) return undefined;
  const candidates = record.meanings.filter((m) => !m.methods || m.methods.includes(method));
  const score = (m: Meaning) => (http !== undefined && m.http === http ? 1000 : 0) + (SOURCE_RANKS[m.source] ?? 0) * 10 + (m.methods ? 1 : 0);
  return candidates.reduce<Meaning | undefined>((best, m) => (!best || score(m) > score(best) ? m : best), undefined);
}

export function localize(neutral: NeutralRecord, tables: TextTables, locale: Locale, method?: Method, http?: number): CatalogRecord {
  const table = tables[locale] ?? tables.en ?? tables.zh ?? {};
  const used: Locale = tables[locale] ? locale : tables.en ? 'en' : 'zh';
  const record = join(neutral, table[refOf(neutral)] ?? [], used);
  const meaning = meaningOn(record, method, http);
  return meaning ? { ...record, meaning } : record;
}

export function lookupIn(tables: TextTables, defaultLocale: Locale, query: unknown, options: LookupOptions = {}): CatalogRecord | undefined {
  const opts = options && typeof options === 'object' ? options : {};
  const method = METHOD_NAMES.includes(opts.method as Method) ? opts.method : undefined;
  const neutral = findRecord(query, opts.kind);
  return neutral && localize(neutral, tables, opts.locale === 'zh' || opts.locale === 'en' ? opts.locale : defaultLocale, method);
}

/** All records of the catalog, in catalog order, in one language. */
export function allRecordsIn(tables: TextTables, locale: Locale): CatalogRecord[] {
  return RECORDS.map((r) => localize(r, tables, locale));
}

/**
 * What to do after `code` on `method`: the policy of the meaning that applies
 * there, else the record's own. A number is read as a body code; a string may be
 * a message, constant or reason. undefined for a code the catalog lacks.
 */
export function retryPolicy(code: number | string, method?: Method): RetryPolicy | undefined {
  const neutral = findRecord(code, typeof code === 'number' || /^\s*\d+\s*$/.test(String(code)) ? 'error-code' : undefined) ?? findRecord(code);
  if (!neutral) return undefined;
  const retry = neutral.retry as RetryPolicy;
  const meaning = meaningOn({ meanings: (neutral.meanings as Meaning[]) ?? [] }, method);
  return meaning?.retry ?? retry;
}
