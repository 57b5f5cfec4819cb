/**
 * Catalog → the package's generated TypeScript (src/generated/). Pure and
 * deterministic: the same catalog and site URL give the same bytes.
 *
 * - constants.ts: one `as const` object per kind (ErrorCode, HttpStatus, …) with
 *   JSDoc per member, and a literal union type of each; a record's former
 *   constant names follow it as `@deprecated` aliases of the same value. The
 *   members are in the order that gzips smallest (compressedOrder()), the
 *   `…Name` maps (value → name) in catalog order.
 * - records.ts: every record without its texts, without the fields only a
 *   full record carries (DETAIL_FIELDS) and without what retry.ts holds:
 *   what explain() and lookup() add to the retry table, in no language.
 * - details.ts: those fields' language-neutral parts (related, sources, …).
 * - retry.ts: what retryPolicy() needs alone: each record's kind, code,
 *   names, reasons and next steps (its own, and on each method, worked out
 *   here with meaning.ts's rule), as one string of short lines
 *   (scripts/generate/retry-table.ts writes it, src/retry-table.ts reads it,
 *   and retryTableOf() checks that every record reads back); records.ts holds
 *   the rest of each record, and src/record-parts.ts joins the two. So retryPolicy() imports neither
 *   the rest of the records nor any text, and a bundle that has both holds
 *   each thing once.
 * - texts.<locale>.ts: each record's texts in one language that explain()
 *   needs (title, summary, meanings, the reason behind a next step), in the
 *   record's own shape ({ title, summary, meanings: [{ text }] }).
 * - details.<locale>.ts: the texts only a full record carries (causes,
 *   actions, links, lifecycle notes), in the same shape.
 * The last three hold one entry per record, in the order of RECORDS.
 * - types.ts: the record types, printed from the zod schema.
 *
 * So importing a constant pulls in no text, a language-neutral function no
 * text either, explain() one language's short texts, lookup() all of one
 * language's texts: the entry point of a language imports only its own.
 * Strings are written as UTF-8 (JSON.stringify escapes no character outside
 * ASCII), and tsc keeps them so in dist/.
 */
import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import {
  CatalogRecord,
  Basis,
  Facts,
  Link,
  type Catalog,
  type Kind,
  type Method,
  type CatalogRecord as CatalogRecordType,
  KINDS,
  KIND_NAMES,
  type Locale,
  LOCALES,
  METHODS,
  Meaning,
  RetryPolicy,
  recordRef,
} from '../catalog/schema.ts';
import { stepAlone } from '../../src/meaning.ts';
import { joinRecord, type RecordRest } from '../../src/record-parts.ts';
import { readPolicy, readRetryTable, type RetryEntry } from '../../src/retry-table.ts';
import { recordPath } from '../../src/paths.ts';
import { writeRetryTable } from './retry-table.ts';
import { printType } from './typescript-types.ts';

const HEADER = '// Generated from data/*.yaml by scripts/build-package.ts. Do not edit.\n';
/** Editorial fields that the package leaves out. */
const OMIT = ['reviewed', 'keywords'] as const;
/** The fields only a full record carries (lookup, allRecords); explain() serves records without them. */
export const DETAIL_FIELDS = ['causes', 'actions', 'links', 'related', 'sources', 'lifecycle'] as const;

const json = (value: unknown) => JSON.stringify(value);

/**
 * A text: {zh, en}, or an action {zh, en, basis}. The package serves an action
 * as its text alone; where each step comes from is shown on the site and in
 * the JSON API (a retry policy's basis is served: see Basis in types.ts).
 */
function isLocalized(value: unknown): value is { zh: string; en: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value).filter((k) => k !== 'basis');
  return keys.length === 2 && typeof (value as Record<string, unknown>).zh === 'string' && typeof (value as Record<string, unknown>).en === 'string';
}

/** A value split into its language-neutral part and its texts, each undefined where there is none. */
type Split = { neutral?: unknown; texts?: Record<Locale, unknown> };

/**
 * Split a value: every {zh, en} text goes to `texts` (one tree per language, in
 * the shape of the value), everything else to `neutral`. An array keeps its
 * positions: an element without one side holds null there.
 */
function split(value: unknown): Split {
  if (isLocalized(value)) return { texts: { zh: value.zh, en: value.en } };
  if (Array.isArray(value)) {
    if (value.length === 0) return { neutral: [] };
    const parts = value.map(split);
    return {
      ...(parts.some((p) => p.neutral !== undefined) && { neutral: parts.map((p) => p.neutral ?? null) }),
      ...(parts.some((p) => p.texts) && { texts: perLocale((locale) => parts.map((p) => p.texts?.[locale] ?? null)) }),
    };
  }
  if (value && typeof value === 'object') {
    const neutral: Record<string, unknown> = {};
    const texts: Record<string, Split['texts']> = {};
    for (const [key, v] of Object.entries(value)) {
      if ((OMIT as readonly string[]).includes(key) || v === undefined) continue;
      const part = split(v);
      if (part.neutral !== undefined) neutral[key] = part.neutral;
      if (part.texts) texts[key] = part.texts;
    }
    const keys = Object.keys(texts);
    return {
      ...(Object.keys(neutral).length > 0 && { neutral }),
      ...(keys.length > 0 && { texts: perLocale((locale) => Object.fromEntries(keys.map((k) => [k, texts[k]![locale]]))) }),
    };
  }
  return { neutral: value };
}

const perLocale = <T>(f: (locale: Locale) => T): Record<Locale, T> => Object.fromEntries(LOCALES.map((l) => [l, f(l)])) as Record<Locale, T>;

export type RecordParts = {
  /** What explain(), retryPolicy() and the index need, in no language. */
  core: Record<string, unknown>;
  /** The language-neutral parts of DETAIL_FIELDS. */
  details?: unknown;
  /** Per language: the texts of the core fields (title, summary, meanings, …). */
  texts: Record<Locale, unknown>;
  /** Per language: the texts of DETAIL_FIELDS (causes, actions, links, …). */
  detailTexts: Record<Locale, unknown>;
};

/** Split a record into its language-neutral core and details, and each language's texts of both. */
export function splitRecord(record: CatalogRecordType): RecordParts {
  const entries = Object.entries(record);
  const isDetail = (key: string) => (DETAIL_FIELDS as readonly string[]).includes(key);
  const core = split(Object.fromEntries(entries.filter(([key]) => !isDetail(key))));
  const details = split(Object.fromEntries(entries.filter(([key]) => isDetail(key))));
  return {
    core: core.neutral as Record<string, unknown>,
    ...(details.neutral !== undefined && { details: details.neutral }),
    texts: core.texts ?? perLocale(() => ({})),
    detailTexts: details.texts ?? perLocale(() => ({})),
  };
}

/** Text safe inside a one-line JSDoc comment: no comment end, no new line (and so no stray @tag). */
function escapeComment(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\*\//g, '*\\/').replace(/`/g, "'");
}

/**
 * The blocks in the order whose rendering gzips smallest, as far as a short
 * search finds it: swaps of two blocks, from catalog order, kept when the
 * minified text does not grow; its random numbers come from a fixed seed, so
 * the same blocks give the same order. The order of an object's members means
 * nothing to its users, and `import { ErrorCode }` is the bundle a browser
 * app pays for most often (issue 12: ≤ 450 B gzipped; catalog order gave 458).
 */
/** The most members a constant group may have for compressedOrder() to search their order (600 swaps each). */
const MAX_ORDERED_MEMBERS = 60;

export function compressedOrder<T>(blocks: readonly T[], render: (block: T) => string, name: string): T[] {
  // As esbuild minifies the object alone in a bundle.
  const size = (order: readonly T[]) => gzipSync(`var E={${order.map(render).join(',')}};export{E as ${name}};`, { level: 9 }).length;
  let seed = 0x9e3779b9;
  const random = (n: number) => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return Math.floor((seed / 2 ** 32) * n);
  };
  let order = [...blocks];
  // A few hundred bytes gained where a browser app pays for them (a catalog's groups of tens of members); a group of
  // hundreds costs kilobytes whatever its order, and the search would cost the build minutes: catalog order.
  if (blocks.length > MAX_ORDERED_MEMBERS) return order;
  let best = size(order);
  for (let i = 0; i < 600 * blocks.length; i++) {
    const next = [...order];
    const a = random(next.length);
    const b = random(next.length);
    [next[a], next[b]] = [next[b], next[a]];
    const bytes = size(next);
    if (bytes <= best) [order, best] = [next, bytes];
  }
  return order;
}

function constantsModule(catalog: Catalog, siteUrl: string): string {
  const groups: string[] = [];
  for (const kind of KIND_NAMES) {
    const { constantGroup, segment } = KINDS[kind];
    const records = catalog.records.filter((r) => r.kind === kind);
    if (!records.length) continue;
    const members = compressedOrder(records, (r) =>
      [r.constant, ...(r.formerConstants ?? []).map((f) => f.name)].map((name) => `${name}:${json(r.kind === 'message-error' ? r.message : r.code)}`).join(','),
      constantGroup,
    ).map((r) => {
      const value = r.kind === 'message-error' ? r.message : r.code;
      // Only a replaced record is deprecated; a legacy one may still be sent (older wording, older docs).
      const legacy =
        r.lifecycle.status === 'replaced'
          ? `\n   * @deprecated replaced by ${r.lifecycle.replacedBy}`
          : r.lifecycle.status === 'legacy'
            ? `\n   * Legacy: from older docs or wording${r.lifecycle.replacedBy ? `; see ${r.lifecycle.replacedBy}` : ''}.`
            : '';
      // A former name stays an alias of the same value, marked deprecated, until its removedIn version.
      const aliases = (r.formerConstants ?? []).map((former) =>
        [
          `  /**`,
          `   * ${escapeComment(json(value))} — former name of ${constantGroup}.${r.constant}.`,
          `   * @deprecated Use ${constantGroup}.${r.constant} instead; this old name is removed in version ${former.removedIn}.`,
          `   */`,
          `  ${former.name}: ${json(value)},`,
        ].join('\n'),
      );
      return [
        `  /**`,
        `   * ${escapeComment(json(value))} — ${escapeComment(r.title.en)} · ${escapeComment(r.title.zh)}`,
        `   *`,
        `   * ${escapeComment(r.summary.en)}`,
        `   * @see ${siteUrl}${recordPath(segment, r.code, 'en')}${legacy}`,
        `   */`,
        `  ${r.constant}: ${json(value)},`,
        ...aliases,
      ].join('\n');
    });
    const valueType = KINDS[kind].idType === 'number' ? 'number' : 'string';
    const names = records.map((r) => `  [${json(r.kind === 'message-error' ? r.message : r.code)}]: ${json(r.constant)},`);
    groups.push(
      `/** ${kind} records: name → value. */\n` +
        `export const ${constantGroup} = {\n${members.join('\n')}\n} as const;\n` +
        `export type ${constantGroup} = (typeof ${constantGroup})[keyof typeof ${constantGroup}];\n` +
        `/** ${kind} records: value → constant name (\`${constantGroup}Name[value]\`). */\n` +
        `export const ${constantGroup}Name = /* @__PURE__ */ Object.freeze({\n${names.join('\n')}\n} as const);\n` +
        `/** true when \`value\` is a ${constantGroup} value the catalog knows (e.g. a number read from a response). */\n` +
        `export function is${constantGroup}(value: unknown): value is ${constantGroup} {\n` +
        `  return typeof value === ${json(valueType)} && Object.prototype.hasOwnProperty.call(${constantGroup}Name, value);\n` +
        `}\n`,
    );
  }
  return HEADER + '\n' + groups.join('\n');
}

function typesModule(): string {
  const named = new Map<z.ZodType, string>([
    [RetryPolicy, 'RetryPolicy'],
    [Basis, 'Basis'],
    [Meaning, 'Meaning'],
    [Link, 'Link'],
    [Facts, 'Facts'],
  ]);
  const localized = { localized: true, omit: OMIT, named };
  return (
    HEADER +
    `\nexport type Kind = ${KIND_NAMES.map(json).join(' | ')};\n` +
    `export type Method = ${METHODS.map(json).join(' | ')};\n` +
    `export type Locale = ${LOCALES.map(json).join(' | ')};\n\n` +
    `/** Where advice comes from: a source that says so, or our recommendation and why. */\n` +
    `export type Basis = ${printType(Basis, localized)};\n\n` +
    `/** What a client should do next, and whether and how to retry. */\n` +
    `export type RetryPolicy = ${printType(RetryPolicy, localized)};\n\n` +
    `/** One meaning of a record on some methods, per one source. */\n` +
    `export type Meaning = ${printType(Meaning, localized)};\n\n` +
    `/** A link to a page, in one language. */\n` +
    `export type Link = ${printType(Link, localized)};\n\n` +
    `/** Exact values that code relies on: limits, time-outs, header values. */\n` +
    `export type Facts = ${printType(Facts, localized)};\n\n` +
    `/** The data of a catalog record, its texts in one language. */\n` +
    `export type RecordData =\n  | ${printType(CatalogRecord, localized)};\n\n` +
    `/** The fields only a full record carries (lookup, allRecords); explain() serves records without them. */\n` +
    `export type DetailField = ${DETAIL_FIELDS.map(json).join(' | ')};\n`
  );
}

/** Every field of a record in the schema's order (kind, code, message, constant, title, …), so that records are served in that order. */
export function recordFields(): string[] {
  const fields: string[] = [];
  for (const option of CatalogRecord.options) {
    let at = 0;
    for (const key of Object.keys(option.shape)) {
      const i = fields.indexOf(key);
      if (i >= 0) at = i + 1;
      else fields.splice(at++, 0, key);
    }
  }
  return fields.filter((f) => !(OMIT as readonly string[]).includes(f));
}

/**
 * An array literal with one record's entry per line, in catalog order (the
 * order of RECORDS), each line ending with the record's reference as a comment.
 * Positions rather than references as keys: the references would cost each
 * bundle a kilobyte.
 */
const byRecord = (entries: [string, unknown][]): string => `[\n${entries.map(([ref, value]) => `  ${json(value ?? null)}, // ${ref}`).join('\n')}\n]`;

/** The HTTP verb api.yaml gives a method; a method it lacks fails the build. */
function verbOf(catalog: Catalog, method: string): string {
  const verb = catalog.api.methods.find((m) => m.name === method)?.verb;
  if (!verb) throw new Error(`data/api.yaml gives no verb for the method ${method}`);
  return verb;
}

function recordsModule(catalog: Catalog, siteUrl: string, refs: string[], rests: RecordRest[]): string {
  const channelRules = catalog.records.filter((r) => r.facts?.allowedCharacters && r.facts.maxBytes);
  if (channelRules.length !== 1) {
    throw new Error(`expected exactly one record with facts.allowedCharacters and facts.maxBytes (the channel-name rule), found ${channelRules.length}`);
  }
  const [rule] = channelRules;
  const sources = Object.fromEntries(catalog.api.sources.map((s) => [s.id, s.rank]));
  return (
    HEADER +
    `import type { RecordRest } from '../record-parts.ts';\n` +
    `import type { Kind, Method } from './types.ts';\n\n` +
    `export const SITE_URL = ${json(siteUrl)};\n` +
    `export const METHODS: readonly Method[] = /* @__PURE__ */ Object.freeze(${json(METHODS)});\n` +
    `/** The HTTP verb of each method (data/api.yaml): a request with another one gets 404 \`no Route matched with those values\`. */\n` +
    `export const METHOD_VERBS: Readonly<Record<Method, string>> = /* @__PURE__ */ Object.freeze(${json(Object.fromEntries(METHODS.map((m) => [m, verbOf(catalog, m)])))});\n` +
    `export const KIND_NAMES: readonly Kind[] = ${json(KIND_NAMES)};\n` +
    `/** The kinds a number may name, in the order a bare number is looked up: body codes first. */\n` +
    `export const NUMBER_KINDS: readonly Kind[] = ${json(KIND_NAMES.filter((k) => KINDS[k].idType === 'number'))};\n` +
    `export const KIND_SEGMENTS: Readonly<Record<Kind, string>> = ${json(Object.fromEntries(KIND_NAMES.map((k) => [k, KINDS[k].segment])))};\n` +
    `/** Which source wins where two give a meaning for the same method: higher is newer. */\n` +
    `export const SOURCE_RANKS: Readonly<Record<string, number>> = ${json(sources)};\n` +
    `/** The fields of a record in the order they are served. */\n` +
    `export const RECORD_FIELDS: readonly string[] = ${json(recordFields())};\n` +
    `/** The channel-name rule: ${rule.kind}:${rule.code}. */\n` +
    `export const CHANNEL_NAME_RULE = /* @__PURE__ */ Object.freeze(${json({ ref: recordRef(rule), maxBytes: rule.facts!.maxBytes, allowedCharacters: rule.facts!.allowedCharacters })} as const);\n` +
    `/** The states whose next step is none but whose record says what to check (\`backuped\`: the storage): read beside a state that is fine, they say what is left. */\n` +
    `export const LEFT_TO_CHECK: readonly string[] = ${json(catalog.records.filter((r) => !['error-code', 'message-error', 'http-status'].includes(r.kind) && r.retry.action === 'none' && r.actions?.length).map(recordRef))};\n` +
    `/** The fields of a meaning in the order they are served (without its text). */\n` +
    `export const MEANING_FIELDS: readonly string[] = ${json(MEANING_FIELDS)};\n` +
    `/**\n * Every record in no language, without ${DETAIL_FIELDS.join(', ')} (details.ts) and without what\n` +
    ` * retry.ts holds (kind, code, names, reasons, next steps as positions in its steps; of former constants their names): one entry per record,\n` +
    ` * in catalog order. src/record-parts.ts joins the two. Texts are in texts.<locale>.ts.\n */\n` +
    `export const RECORD_REST: readonly RecordRest[] = [\n${rests.map((r, i) => `  ${json(r)}, // ${refs[i]}`).join('\n')}\n];\n\n` +
    `export type NeutralRecord = { kind: Kind; code: number | string; constant: string; message?: string; [field: string]: unknown };\n`
  );
}

/**
 * Every distinct next step, each named by its position: in the order of
 * `ranked` (the most used first, so that most positions are one digit), then
 * as they come. Counts how often each is named.
 */
class PolicyTable {
  readonly keys: string[];
  readonly uses = new Map<string, number>();
  constructor(ranked: readonly string[] = []) {
    this.keys = [...ranked];
  }
  at(policy: unknown): number {
    const key = json(policy);
    if (!this.keys.includes(key)) this.keys.push(key);
    this.uses.set(key, (this.uses.get(key) ?? 0) + 1);
    return this.keys.indexOf(key);
  }
  get policies(): object[] {
    return this.keys.map((k) => JSON.parse(k) as object);
  }
  /** The keys, the most used first (ties in the order they came). */
  get ranked(): string[] {
    return this.keys.map((key, i) => ({ key, i, n: this.uses.get(key)! })).sort((a, b) => b.n - a.n || a.i - b.i).map((k) => k.key);
  }
}

/** The fields of a meaning in the schema's order, without its text. */
const MEANING_FIELDS = Object.keys(Meaning.shape).filter((k) => k !== 'text');

/**
 * A neutral record split by use (see src/record-parts.ts): what retryPolicy()
 * needs — kind, code, names, reasons, next steps (its own, and on each method
 * and without one where that differs, worked out with explain()'s rules for a
 * body code alone: stepAlone in src/meaning.ts) — and the rest.
 */
function splitByUse(record: Record<string, unknown>, table: PolicyTable, ranks: Record<string, number>): { entry: RetryEntry; rest: RecordRest } {
  const { kind, code, constant, message, formerConstants, retry, meanings, ...others } = record;
  const list = (meanings as ({ reason?: string; retry?: unknown } & Record<string, unknown>)[] | undefined) ?? [];
  const formers = (formerConstants as { name: string }[] | undefined) ?? [];
  const reasons = [...new Set(list.flatMap((m) => m.reason ?? []))];
  const own = table.at(retry);
  // Its step on each method, then without one (stepAlone: explain()'s rules for a code alone).
  const alone = { kind: kind as Kind, meanings: list as unknown as { source: string; methods?: Method[]; retry?: { action: string } }[], retry: retry as { action: string } };
  const byMethod = [...METHODS, undefined].map((method) => {
    const at = table.at(stepAlone(alone, method, ranks, METHODS).step);
    return at === own ? '' : String(at);
  });
  const entry: RetryEntry = {
    kind: kind as string,
    code: code as number | string,
    message: message as string | undefined,
    names: [[`${kind}:${code}`, message as string | undefined, typeof code === 'string' ? code : undefined], [constant as string], formers.map((f) => f.name), reasons],
    retry: String(own),
    byMethod,
  };
  const rest: RecordRest = {
    ...(formerConstants !== undefined && { formerConstants: formers.map(({ name: _, ...f }) => f as { removedIn: string }) }),
    ...others,
    ...(meanings !== undefined && {
      meanings: list.map(({ reason, retry: policy, ...m }) => ({
        ...m,
        ...(reason !== undefined && { reason: reasons.indexOf(reason) }),
        ...(policy !== undefined && { retry: table.at(policy) }),
      })),
    }),
  };
  return { entry, rest };
}

export type RetryTableParts = {
  /** The table, as src/retry-table.ts reads it. */
  text: string;
  /** Each record's other fields (RECORD_REST), in catalog order. */
  rests: RecordRest[];
  /**
   * Reads `text` back as retryPolicy(), explain() and lookup() read it: its
   * next steps must be the table's, its groups the kinds', each record joined
   * with its rest the record it came from, and its next step on each method
   * the one worked out for it. Else it throws, naming the record. The build
   * runs it on the text it writes.
   */
  readBack(text: string): void;
};

/** The retry table of a catalog: each record split by use (splitByUse), its next steps the most used first. */
export function retryTableOf(catalog: Catalog): RetryTableParts {
  const records = catalog.records.map((record) => splitRecord(record).core);
  const refs = catalog.records.map(recordRef);
  const ranks = Object.fromEntries(catalog.api.sources.map((s) => [s.id, s.rank]));
  const counted = new PolicyTable();
  for (const record of records) splitByUse(record, counted, ranks);
  const table = new PolicyTable(counted.ranked);
  const split = records.map((record) => splitByUse(record, table, ranks));
  const groups = Object.fromEntries(KIND_NAMES.map((k) => [k, KINDS[k].constantGroup.toLowerCase()]));
  const readBack = (text: string) => {
    const read = readRetryTable(text);
    const fail = (what: string, expected: unknown, found: unknown): never => {
      throw new Error(`the retry table (src/generated/retry.ts) does not read back as written: ${what}\nexpected ${json(expected)}\nread     ${json(found)}`);
    };
    const policies = read.steps.map(readPolicy);
    if (json(policies) !== json(table.policies)) fail('its next steps', table.policies, policies);
    const readGroups = Object.fromEntries([...read.groups].map(([group, kind]) => [kind, group]));
    if (read.groups.size !== Object.keys(groups).length || Object.entries(groups).some(([kind, group]) => readGroups[kind] !== group)) {
      fail('the constant group of each kind', groups, readGroups);
    }
    if (read.entries.length !== records.length) fail('the number of records', records.length, read.entries.length);
    const sorted = (r: Record<string, unknown>) => json(Object.fromEntries(Object.entries(r).sort(([x], [y]) => (x < y ? -1 : 1))));
    const onMethods = (e: RetryEntry) => [...METHODS, undefined].map((_, m) => e.byMethod[m] || e.retry);
    records.forEach((record, i) => {
      const entry = read.entries[i];
      const joined = joinRecord(entry, split[i].rest, policies, MEANING_FIELDS);
      if (sorted(joined) !== sorted(record)) fail(refs[i], record, joined);
      if (json(entry.names) !== json(split[i].entry.names)) fail(`${refs[i]}: its names`, split[i].entry.names, entry.names);
      if (json(onMethods(entry)) !== json(onMethods(split[i].entry))) {
        fail(`${refs[i]}: its next step on each method (${METHODS.join(', ')}, and without one)`, onMethods(split[i].entry), onMethods(entry));
      }
    });
  };
  return { text: writeRetryTable(table.policies, split.map((b) => b.entry), refs, groups), rests: split.map((b) => b.rest), readBack };
}

function retryModule(text: string): string {
  // A template literal, one record a line: only \, ` and ${ need escaping.
  const template = text.replace(/\\|`|\$\{/g, (s) => `\\${s}`);
  return (
    HEADER +
    `\n/**\n` +
    ` * The retry table: what retryPolicy() needs of each record (kind, code, names, reasons, next steps),\n` +
    ` * one record a line. Its format is described once, where it is read: src/retry-table.ts.\n` +
    ` * src/record-parts.ts joins each record with the rest of it (RECORD_REST in records.ts).\n` +
    ` */\n` +
    `export const RETRY_TABLE = \`${template}\`;\n`
  );
}

function detailsModule(details: [string, unknown][]): string {
  return (
    HEADER +
    `\n/** The language-neutral parts of ${DETAIL_FIELDS.join(', ')}, what only a full record carries: one entry per record, in the order of RECORDS. */\n` +
    `export const DETAILS: readonly (object | null)[] = ${byRecord(details)};\n`
  );
}

const LANGUAGE_NAMES: Record<Locale, string> = { zh: 'Chinese (zh-CN)', en: 'English' };

function textsModule(texts: [string, unknown][], locale: Locale): string {
  return (
    HEADER +
    `\n/**\n * Each record's texts in ${LANGUAGE_NAMES[locale]} that explain() needs (title, summary, meanings, …),\n` +
    ` * in the record's shape: one entry per record, in the order of RECORDS. The rest is in details.${locale}.ts.\n */\n` +
    `export const TEXTS: readonly (object | null)[] = ${byRecord(texts)};\n`
  );
}

function detailTextsModule(texts: [string, unknown][], locale: Locale): string {
  return (
    HEADER +
    `\n/** Each record's texts in ${LANGUAGE_NAMES[locale]} that only a full record carries (${DETAIL_FIELDS.join(', ')}), in the record's shape: one entry per record, in the order of RECORDS. */\n` +
    `export const DETAIL_TEXTS: readonly (object | null)[] = ${byRecord(texts)};\n`
  );
}

/** The generated modules, by file name in src/generated/. */
export function packageSources(catalog: Catalog, siteUrl: string): Record<string, string> {
  const parts = catalog.records.map((record) => ({ ref: recordRef(record), ...splitRecord(record) }));
  const refs = parts.map((p) => p.ref);
  const retry = retryTableOf(catalog);
  retry.readBack(retry.text);
  const sources: Record<string, string> = {
    'types.ts': typesModule(),
    'constants.ts': constantsModule(catalog, siteUrl),
    'records.ts': recordsModule(catalog, siteUrl, refs, retry.rests),
    'details.ts': detailsModule(parts.map((p) => [p.ref, p.details])),
    'retry.ts': retryModule(retry.text),
  };
  for (const locale of LOCALES) {
    sources[`texts.${locale}.ts`] = textsModule(parts.map((p) => [p.ref, p.texts[locale]]), locale);
    sources[`details.${locale}.ts`] = detailTextsModule(parts.map((p) => [p.ref, p.detailTexts[locale]]), locale);
  }
  return sources;
}
