/**
 * A language's texts of the records, laid over the language-neutral records
 * (the package's own sentences are phrases/<locale>.ts).
 *
 * A language's texts come in two tables (src/generated/): what explain()
 * needs — titles, summaries, meanings, the reason behind a next step — in
 * `texts.<locale>.ts`, and what only a full record carries — causes, actions,
 * links, lifecycle notes — in `details.<locale>.ts`. explain() reads the first
 * only (BriefRecord); lookup() and allRecords() read both (CatalogRecord). An
 * entry point imports the tables of its own language and nothing else, so a
 * bundle holds the texts of the languages and the uses it has.
 */
import { DETAILS } from './generated/details.ts';
import { RECORD_FIELDS } from './generated/records.ts';
import type { Locale, Method } from './generated/types.ts';
import { type BriefRecord, type CatalogRecord, docUrl, findRecord, type LookupOptions, meaningOn, METHODS, type NeutralRecord, neutralRecords, refOf } from './records.ts';

/** A language's texts of each record in the record's shape (`{ title, summary, meanings: [{ text }] }`): one entry per record, in catalog order. */
export type TextTable = readonly (object | null)[];

/** A language's texts of the records: what explain() serves (texts.<locale>.ts). A full record adds the details (details.<locale>.ts). */
export type Language = {
  locale: Locale;
  texts: TextTable;
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A new value: `texts` laid over `neutral`, position by position in arrays and
 * key by key in objects (null stands for "nothing here"). Neither is changed.
 */
function overlay(neutral: unknown, texts: unknown): unknown {
  const a = neutral ?? undefined;
  const b = texts ?? undefined;
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = (Array.isArray(a) ? a : []) as unknown[];
    const y = (Array.isArray(b) ? b : []) as unknown[];
    return Array.from({ length: Math.max(x.length, y.length) }, (_, i) => overlay(x[i], y[i]));
  }
  if (isObject(a) || isObject(b)) {
    const x = isObject(a) ? a : {};
    const y = isObject(b) ? b : {};
    const out: Record<string, unknown> = {};
    for (const key of [...Object.keys(x), ...Object.keys(y)]) if (!(key in out)) out[key] = overlay(x[key], y[key]);
    return out;
  }
  return b ?? a;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

let positions: Map<NeutralRecord, number> | undefined;
/** Where a record is in catalog order, and so in every table. */
function positionOf(neutral: NeutralRecord): number {
  positions ??= new Map(neutralRecords().map((r, i) => [r, i]));
  return positions.get(neutral) ?? -1;
}

/** A record's fields in the schema's order, then its ref, locale, value and pages. */
function served(neutral: NeutralRecord, layers: unknown[], locale: Locale): object {
  let data: unknown = neutral;
  for (const layer of layers) data = overlay(data, layer);
  const fields = data as Record<string, unknown>;
  const record: Record<string, unknown> = {};
  for (const key of [...RECORD_FIELDS, ...Object.keys(fields)]) if (key in fields && !(key in record)) record[key] = fields[key];
  record.ref = refOf(neutral);
  record.locale = locale;
  record.value = neutral.kind === 'message-error' ? neutral.message : neutral.code;
  record.urls = { zh: docUrl(neutral, 'zh'), en: docUrl(neutral, 'en') };
  return deepFreeze(record);
}

/** Records already served, per text table (deeply frozen); callers get a shallow copy with the meaning on their method. */
const cache = new WeakMap<TextTable, Map<NeutralRecord, object>>();

function cached(table: TextTable, neutral: NeutralRecord, make: () => object): object {
  let records = cache.get(table);
  if (!records) {
    records = new Map();
    cache.set(table, records);
  }
  let record = records.get(neutral);
  if (!record) {
    record = make();
    records.set(neutral, record);
  }
  return record;
}

function withMeaning<R extends BriefRecord>(record: R, method?: Method, http?: number, reason?: string, code?: number): R {
  const meaning = meaningOn(record, method, http, reason, code);
  return meaning ? { ...record, meaning } : { ...record };
}

/** A record as explain() serves it, in `language`: without the fields only a full record carries. */
export function briefRecord(neutral: NeutralRecord, language: Language, method?: Method, http?: number, reason?: string, code?: number): BriefRecord {
  const record = cached(language.texts, neutral, () => served(neutral, [language.texts[positionOf(neutral)]], language.locale)) as BriefRecord;
  return withMeaning(record, method, http, reason, code);
}

/** A full record in `language`: its brief texts and `details` (details.<locale>.ts) laid over it. */
export function fullRecord(neutral: NeutralRecord, language: Language, details: TextTable, method?: Method): CatalogRecord {
  const at = positionOf(neutral);
  const record = cached(details, neutral, () => served(neutral, [DETAILS[at], language.texts[at], details[at]], language.locale)) as CatalogRecord;
  return withMeaning(record, method);
}

/** A title as people type it: no case, width, spaces or punctuation, and without what it adds in brackets. */
export const titleKey = (text: string): string =>
  text.normalize('NFKC').replace(/\s*[（(][^）)]*[）)]\s*$/, '').toLowerCase().replace(/[\s\p{P}]+/gu, '');

/** The record whose title in one of `titled` (languages' texts) is `query`, as a page shows it (`Resource ID expired`). */
function byTitle(query: unknown, titled: readonly TextTable[], kind?: unknown): NeutralRecord | undefined {
  // (No title is longer than a few dozen characters: a long query is none, and is not read.)
  const key = typeof query === 'string' && query.length <= 200 ? titleKey(query) : '';
  if (!key) return undefined;
  return neutralRecords().find((r, i) => (!kind || r.kind === kind) && titled.some((texts) => titleKey(String((texts[i] as { title?: string } | null)?.title ?? '')) === key));
}

/**
 * lookup() in one language: by what names a record (findRecord), else by its title in `titled` (the language's own, or
 * both where the entry point holds both).
 */
export function lookupIn(language: Language, details: TextTable, query: unknown, options: LookupOptions = {}, titled: readonly TextTable[] = [language.texts]): CatalogRecord | undefined {
  const opts = options && typeof options === 'object' ? options : {};
  const method = METHODS.includes(opts.method as Method) ? opts.method : undefined;
  const neutral = findRecord(query, opts.kind) ?? byTitle(query, titled, opts.kind);
  return neutral && fullRecord(neutral, language, details, method);
}

/** All records of the catalog, in catalog order, in one language. */
export function allRecordsIn(language: Language, details: TextTable): CatalogRecord[] {
  return neutralRecords().map((r) => fullRecord(r, language, details));
}
