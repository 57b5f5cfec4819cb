/**
 * Catalog → the package's generated TypeScript (src/generated/). Pure and
 * deterministic: the same catalog and site URL give the same bytes.
 *
 * - constants.ts: one `as const` object per kind (ErrorCode, HttpStatus, …) with
 *   JSDoc per member, and a literal union type of each.
 * - records.ts: every record without its texts; a text's place holds {$t: n}.
 * - texts.zh.ts / texts.en.ts: each record's texts in one language, in order,
 *   so that importing a constant or one language pulls in nothing else.
 * - types.ts: the record types, printed from the zod schema.
 */
import type { z } from 'zod';
import {
  CatalogRecord,
  Basis,
  Facts,
  Link,
  type Catalog,
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
import { recordPath } from '../../src/paths.ts';
import { printType } from './typescript-types.ts';

const HEADER = '// Generated from data/*.yaml by scripts/build-package.ts. Do not edit.\n';
/** Editorial fields that the package leaves out. */
const OMIT = ['reviewed', 'keywords'] as const;

const json = (value: unknown) => JSON.stringify(value);

function isLocalized(value: unknown): value is { zh: string; en: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as Record<string, unknown>).zh === 'string' && typeof (value as Record<string, unknown>).en === 'string';
}

/** Split a record into its language-neutral part and its texts per language. */
export function splitTexts(record: CatalogRecordType): { neutral: unknown; texts: Record<Locale, string[]> } {
  const texts: Record<Locale, string[]> = { zh: [], en: [] };
  const walk = (value: unknown): unknown => {
    if (isLocalized(value)) {
      for (const locale of LOCALES) texts[locale].push(value[locale]);
      return { $t: texts.en.length - 1 };
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key, v]) => !(OMIT as readonly string[]).includes(key) && v !== undefined)
          .map(([key, v]) => [key, walk(v)]),
      );
    }
    return value;
  };
  return { neutral: walk(record), texts };
}

/** Text safe inside a one-line JSDoc comment: no comment end, no new line (and so no stray @tag). */
function escapeComment(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\*\//g, '*\\/').replace(/`/g, "'");
}

function constantsModule(catalog: Catalog, siteUrl: string): string {
  const groups: string[] = [];
  for (const kind of KIND_NAMES) {
    const { constantGroup, segment } = KINDS[kind];
    const records = catalog.records.filter((r) => r.kind === kind);
    if (!records.length) continue;
    const members = records.map((r) => {
      const value = r.kind === 'message-error' ? r.message : r.code;
      // Only a replaced record is deprecated; a legacy one may still be sent (older wording, older docs).
      const legacy =
        r.lifecycle.status === 'replaced'
          ? `\n   * @deprecated replaced by ${r.lifecycle.replacedBy}`
          : r.lifecycle.status === 'legacy'
            ? `\n   * Legacy: from older docs or wording${r.lifecycle.replacedBy ? `; see ${r.lifecycle.replacedBy}` : ''}.`
            : '';
      return [
        `  /**`,
        `   * ${escapeComment(json(value))} — ${escapeComment(r.title.en)} · ${escapeComment(r.title.zh)}`,
        `   *`,
        `   * ${escapeComment(r.summary.en)}`,
        `   * @see ${siteUrl}${recordPath(segment, r.code, 'en')}${legacy}`,
        `   */`,
        `  ${r.constant}: ${json(value)},`,
      ].join('\n');
    });
    const valueType = KINDS[kind].idType === 'number' ? 'number' : 'string';
    const names = records.map((r) => `  [${json(r.kind === 'message-error' ? r.message : r.code)}]: ${json(r.constant)},`);
    groups.push(
      `/** ${kind} records: name → value. */\n` +
        `export const ${constantGroup} = {\n${members.join('\n')}\n} as const;\n` +
        `export type ${constantGroup} = (typeof ${constantGroup})[keyof typeof ${constantGroup}];\n` +
        `/** ${kind} records: value → constant name (\`${constantGroup}Name[value]\`). */\n` +
        `export const ${constantGroup}Name = {\n${names.join('\n')}\n} as const;\n` +
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
    `export type RecordData =\n  | ${printType(CatalogRecord, localized)};\n`
  );
}

function recordsModule(catalog: Catalog, siteUrl: string, neutral: unknown[]): string {
  const channelRules = catalog.records.filter((r) => r.facts?.allowedCharacters && r.facts.maxBytes);
  if (channelRules.length !== 1) {
    throw new Error(`expected exactly one record with facts.allowedCharacters and facts.maxBytes (the channel-name rule), found ${channelRules.length}`);
  }
  const [rule] = channelRules;
  const sources = Object.fromEntries(catalog.api.sources.map((s) => [s.id, s.rank]));
  return (
    HEADER +
    `import type { Kind, Method } from './types.ts';\n\n` +
    `export const SITE_URL = ${json(siteUrl)};\n` +
    `export const METHODS: readonly Method[] = ${json(METHODS)};\n` +
    `export const KIND_NAMES: readonly Kind[] = ${json(KIND_NAMES)};\n` +
    `/** The kinds a number may name, in the order a bare number is looked up: body codes first. */\n` +
    `export const NUMBER_KINDS: readonly Kind[] = ${json(KIND_NAMES.filter((k) => KINDS[k].idType === 'number'))};\n` +
    `/** Constant group (lower case) → its kind: "httpstatus" → "http-status". */\n` +
    `export const CONSTANT_GROUPS: Readonly<Record<string, Kind>> = ${json(Object.fromEntries(KIND_NAMES.map((k) => [KINDS[k].constantGroup.toLowerCase(), k])))};\n` +
    `export const KIND_SEGMENTS: Readonly<Record<Kind, string>> = ${json(Object.fromEntries(KIND_NAMES.map((k) => [k, KINDS[k].segment])))};\n` +
    `/** Which source wins where two give a meaning for the same method: higher is newer. */\n` +
    `export const SOURCE_RANKS: Readonly<Record<string, number>> = ${json(sources)};\n` +
    `/** The channel-name rule: ${rule.kind}:${rule.code}. */\n` +
    `export const CHANNEL_NAME_RULE = ${json({ ref: recordRef(rule), maxBytes: rule.facts!.maxBytes, allowedCharacters: rule.facts!.allowedCharacters })} as const;\n` +
    `/** Every record without its texts; {$t: n} stands for text n of the record in texts.<locale>.ts. */\n` +
    `export const RECORDS: readonly NeutralRecord[] = ${json(neutral)} as unknown as readonly NeutralRecord[];\n\n` +
    `export type NeutralRecord = { kind: Kind; code: number | string; constant: string; message?: string; [field: string]: unknown };\n`
  );
}

function textsModule(texts: Record<string, string[]>, locale: Locale): string {
  return (
    HEADER +
    `\n/** Every record's texts in ${locale === 'zh' ? 'Chinese (zh-CN)' : 'English'}, by record reference, in the order of its {$t: n} places. */\n` +
    `export const TEXTS: Readonly<Record<string, readonly string[]>> = ${json(texts)};\n`
  );
}

/** The generated modules, by file name in src/generated/. */
export function packageSources(catalog: Catalog, siteUrl: string): Record<string, string> {
  const neutral: unknown[] = [];
  const texts: Record<Locale, Record<string, string[]>> = { zh: {}, en: {} };
  for (const record of catalog.records) {
    const split = splitTexts(record);
    neutral.push(split.neutral);
    for (const locale of LOCALES) texts[locale][recordRef(record)] = split.texts[locale];
  }
  return {
    'types.ts': typesModule(),
    'constants.ts': constantsModule(catalog, siteUrl),
    'records.ts': recordsModule(catalog, siteUrl, neutral),
    'texts.zh.ts': textsModule(texts.zh, 'zh'),
    'texts.en.ts': textsModule(texts.en, 'en'),
  };
}
