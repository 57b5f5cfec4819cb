/**
 * A synthetic catalog `factor` times the size of the real one, for the site
 * benchmarks: a data folder that holds the real catalog (copied as it is, so
 * that the guides find the records they name) plus `factor - 1` generated
 * copies of every real record, written through the same schema.
 *
 * Each copy keeps its template's shape (fields, meanings, retry, links, facts)
 * and gets a unique code and constant, references remapped to copies of the
 * same round (so they stay valid), and texts in both languages of the same
 * length as the template's: a share of its English words and Chinese
 * characters is replaced by words and characters drawn from the real
 * catalog's texts, and code spans by other code spans or new identifiers, so
 * the vocabulary grows with the catalog as real data would. Seeded: the same
 * factor and seed always write the same files.
 *
 * HTTP statuses cannot grow past the 100–599 range: those that do not fit are
 * made up with extra body error codes, so the total is exactly `factor` times
 * the real count.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { GLOSSARY_FILE } from '../catalog/glossary.ts';
import { DEFAULT_DATA_DIR, loadCatalogOrThrow } from '../catalog/load.ts';
import { CatalogRecord, KIND_NAMES, type Kind, recordRef } from '../catalog/schema.ts';
import { reviewedHashes, textsOf } from '../catalog/translations.ts';

type Rng = () => number;

/** mulberry32: a small seeded PRNG. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

type Vocabulary = { words: string[]; han: string[]; spans: string[] };

/** Every English word, Chinese character and code span of the real texts, with their frequencies. */
function vocabulary(records: readonly CatalogRecord[]): Vocabulary {
  const v: Vocabulary = { words: [], han: [], spans: [] };
  for (const record of records) {
    for (const locale of ['zh', 'en'] as const) {
      for (const text of textsOf(record, locale)) {
        text.split('`').forEach((part, i) => {
          if (i % 2) return void v.spans.push(part);
          // No word that the schema would read as a script URL once followed by a colon.
          v.words.push(...(part.match(/[A-Za-z]{4,}/g) ?? []).filter((w) => !/^(?:javascript|vbscript|data)$/i.test(w)));
          v.han.push(...(part.match(/\p{Script=Han}/gu) ?? []));
        });
      }
    }
  }
  return v;
}

/** A text of the template's length: a `rate` share of its words, characters and code spans replaced. */
function vary(text: string, rng: Rng, v: Vocabulary, rate: number): string {
  return text
    .split('`')
    .map((part, i) => {
      if (i % 2) {
        if (rng() >= rate) return part;
        return rng() < 0.5 ? pick(rng, v.spans) : pick(rng, v.words).toLowerCase() + pick(rng, v.words).replace(/^./, (c) => c.toUpperCase());
      }
      return part
        .replace(/[A-Za-z]{4,}/g, (w) => {
          if (rng() >= rate) return w;
          const r = pick(rng, v.words);
          return /^[A-Z]/.test(w) ? r[0].toUpperCase() + r.slice(1) : r.toLowerCase();
        })
        .replace(/\p{Script=Han}/gu, (c) => (rng() < rate ? pick(rng, v.han) : c));
    })
    .join('`');
}

/** Every {zh, en} text inside a value (but links' URLs), varied; everything else as it is. */
function varyTexts(value: unknown, rng: Rng, v: Vocabulary, rate: number): unknown {
  if (Array.isArray(value)) return value.map((x) => varyTexts(x, rng, v, rate));
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(o).map(([k, x]) => [k, k === 'url' ? x : varyTexts(x, rng, v, rate)]));
  // A text {zh, en}, or an action {zh, en, basis}: its two texts varied too.
  if (typeof o.zh === 'string' && typeof o.en === 'string') Object.assign(out, { zh: vary(o.zh, rng, v, rate), en: vary(o.en, rng, v, rate) });
  return out;
}

const FILE: Record<Kind, string> = {
  'error-code': 'error-codes',
  'message-error': 'message-errors',
  'http-status': 'http-statuses',
  'service-state': 'service-states',
  'recording-status': 'recording-statuses',
  'upload-status': 'response-values',
  'extension-state': 'response-values',
  'output-status': 'response-values',
};

export type SyntheticCatalog = { dir: string; records: number; byKind: Record<string, number> };

/**
 * Write the catalog `factor` times the real one into `dir` (emptied first):
 * the real data files, plus synthetic-<file>.yaml with the generated records.
 */
export function writeSyntheticCatalog(dir: string, factor: number, seed = 1, source = DEFAULT_DATA_DIR): SyntheticCatalog {
  const real = loadCatalogOrThrow(source);
  const rng = seeded(seed);
  const v = vocabulary(real.records);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The glossary stays behind: varied texts may join characters into a word it avoids, and the
  // benchmark measures size and speed, not wording.
  for (const name of readdirSync(source).filter((n) => n !== GLOSSARY_FILE)) cpSync(join(source, name), join(dir, name));

  // 1. Which copies to make: round j = 1 … factor-1 of every record; HTTP
  //    statuses only while free statuses remain, the rest as more error codes.
  const freeStatuses = Array.from({ length: 500 }, (_, i) => 100 + i).filter(
    (s) => !real.records.some((r) => r.kind === 'http-status' && r.code === s),
  );
  const copies: { template: CatalogRecord; round: number }[] = [];
  let statuses = 0;
  let missing = 0;
  for (let round = 1; round < factor; round++) {
    for (const template of real.records) {
      if (template.kind !== 'http-status') copies.push({ template, round });
      else if (statuses < freeStatuses.length) {
        copies.push({ template, round });
        statuses++;
      } else missing++;
    }
  }
  const errorCodes = real.records.filter((r) => r.kind === 'error-code');
  for (let i = 0, round = factor; i < missing; i++) {
    copies.push({ template: errorCodes[i % errorCodes.length], round });
    if (i % errorCodes.length === errorCodes.length - 1) round++;
  }

  // 2. Their ids, so that references can point at copies of the same round.
  let nextStatus = 0;
  const idOf = (r: CatalogRecord, round: number): string | number => {
    switch (r.kind) {
      case 'error-code':
        return round * 100_000 + r.code;
      case 'recording-status':
        return round * 1000 + r.code;
      case 'http-status':
        return freeStatuses[nextStatus++];
      case 'message-error':
        return `${r.code}-s${round}`;
      default:
        return `${r.code}S${round}`;
    }
  };
  const ids = new Map<string, string | number>(); // "<round> <kind:code>" → new code
  for (const { template, round } of copies) ids.set(`${round} ${recordRef(template)}`, idOf(template, round));
  /** The copy of `ref` in the same round, if that round has one. */
  const remap = (ref: string, round: number): string | undefined => {
    const id = ids.get(`${round} ${ref}`);
    return id === undefined ? undefined : `${ref.split(':')[0]}:${id}`;
  };

  // 3. The records, by file.
  const messages = new Set(real.records.flatMap((r) => (r.kind === 'message-error' ? [r.message.toLowerCase()] : [])));
  const files = new Map<string, unknown[]>();
  const byKind: Record<string, number> = Object.fromEntries(KIND_NAMES.map((k) => [k, real.records.filter((r) => r.kind === k).length]));
  for (const { template, round } of copies) {
    const { reviewed: _, ...rest } = template;
    const record = varyTexts(rest, rng, v, 0.35) as Record<string, unknown> & CatalogRecord;
    record.code = ids.get(`${round} ${recordRef(template)}`)!;
    record.constant = `${template.constant}_S${round}`;
    // Former names belong to the real record only.
    delete record.formerConstants;
    // Titles stay distinct (the check compares them without their notes in brackets): each names its copy.
    const title = varyTexts(template.title, rng, v, 0.6) as CatalogRecord['title'];
    const copyRef = `${template.kind}:${record.code}`;
    record.title = { zh: `${title.zh} — ${copyRef}`, en: `${title.en} — ${copyRef}` };
    // Links stay two-way: to copies of the same round only (a record without a copy in this round is left out).
    record.related = template.related.flatMap((ref) => remap(ref, round) ?? []);
    if (template.lifecycle.replacedBy) {
      record.lifecycle = { ...record.lifecycle, replacedBy: remap(template.lifecycle.replacedBy, round) ?? template.lifecycle.replacedBy };
    }
    // The channel-name rule (facts.allowedCharacters) is one record's only.
    if (record.facts?.allowedCharacters) record.facts = { ...record.facts, allowedCharacters: undefined };
    record.meanings = record.meanings.map((m) => (m.reason ? { ...m, reason: vary(m.reason, rng, v, 0.35) } : m));
    if (template.keywords) {
      record.keywords = {
        zh: template.keywords.zh.map((w) => vary(w, rng, v, 0.5)),
        en: template.keywords.en.map((w) => vary(w, rng, v, 0.5)),
      };
    }
    if (record.kind === 'message-error') {
      let message = vary(record.message, rng, v, 0.5);
      while (messages.has(message.toLowerCase())) message += ` ${round}`;
      messages.add(message.toLowerCase());
      record.message = message;
    }
    const parsed = CatalogRecord.parse(record);
    const out = { ...record, reviewed: reviewedHashes(parsed) };
    const file = `synthetic-${FILE[template.kind]}.yaml`;
    if (!files.has(file)) files.set(file, []);
    files.get(file)!.push(out);
    byKind[template.kind]++;
  }
  for (const [file, records] of files) {
    writeFileSync(
      join(dir, file),
      `# Synthetic records written by scripts/bench/synthetic.ts (factor ${factor}, seed ${seed}); not real data.\n` +
        stringify({ records }, { lineWidth: 0, aliasDuplicateObjects: false }),
    );
  }
  return { dir, records: real.records.length + copies.length, byKind };
}
