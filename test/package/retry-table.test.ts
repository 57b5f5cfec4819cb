/**
 * retryPolicy(), lookup(), explain() and allRecords() find records and their
 * next steps in a compact table (src/generated/retry.ts, read by
 * src/retry-table.ts). What they give is held here to the catalog itself —
 * data/*.yaml through the loader, and lookup's rule worked out record by
 * record — never to that table: every record, by every name it has, written
 * the way users paste it, on every method.
 */
import { describe, expect, it } from 'vitest';
import * as pkg from '../../src/index.ts';
import * as zh from '../../src/zh.ts';
import { loadCatalogOrThrow } from '../../scripts/catalog/load.ts';
import { type Catalog, type CatalogRecord, KIND_NAMES, KINDS, type Kind, METHODS, type RetryPolicy, recordRef } from '../../scripts/catalog/schema.ts';
import { packageSources, retryTableOf } from '../../scripts/generate/package-sources.ts';
import { SITE_URL } from '../../scripts/site-url.ts';
import { pickMeaning } from '../../src/meaning.ts';
import { readRetryTable } from '../../src/retry-table.ts';

const catalog = loadCatalogOrThrow();
const ranks = Object.fromEntries(catalog.api.sources.map((s) => [s.id, s.rank]));
const json = (value: unknown) => JSON.stringify(value);

// ---------------------------------------------------------------------------
// What a query names, from the catalog (the rule README's lookup section states).

/** A record's names, in the order lookup weighs them: id, message and state name; constant; former constants; reasons. */
const namesOf = (r: CatalogRecord): string[][] => [
  [recordRef(r), ...(r.kind === 'message-error' ? [r.message] : []), ...(typeof r.code === 'string' ? [r.code] : [])],
  [r.constant],
  (r.formerConstants ?? []).map((f) => f.name),
  r.meanings.flatMap((m) => m.reason ?? []),
];
const normalizedNames = new Map(catalog.records.map((r) => [r, namesOf(r).map((names) => names.map(pkg.normalizeQuery))]));
const numberKinds = KIND_NAMES.filter((k) => KINDS[k].idType === 'number');

/** The record a query names, found one record at a time: the first, in catalog order, of the first sort of name that matches. */
function named(query: unknown, kind?: string): CatalogRecord | undefined {
  const key = typeof query === 'number' ? (Number.isSafeInteger(query) && query >= 0 ? String(query) : '') : typeof query === 'string' ? pkg.normalizeQuery(query) : '';
  if (!key) return undefined;
  if (/^\d{1,9}$/.test(key)) {
    for (const k of kind ? [kind] : numberKinds) {
      const hit = catalog.records.find((r) => r.kind === k && r.code === Number(key));
      if (hit) return hit;
    }
    return undefined;
  }
  const qualified = /^([a-z]+)\.(.+)$/.exec(key);
  const group = qualified ? KIND_NAMES.find((k) => KINDS[k].constantGroup.toLowerCase() === qualified[1]) : undefined;
  if (group && kind && kind !== group) return undefined;
  const [scope, name] = group ? [group, qualified![2]] : [kind, key];
  for (let sort = 0; sort < 4; sort++) {
    const hit = catalog.records.find((r) => (!scope || r.kind === scope) && normalizedNames.get(r)![sort].includes(name));
    if (hit) return hit;
  }
  return undefined;
}

/** A body code or a gateway message: what a response names alone, without its HTTP status. */
const alone = (r: CatalogRecord) => r.kind === 'error-code' || r.kind === 'message-error';

/**
 * The step explain() takes for a body code or gateway message given alone on `method` (its `retry`): retryPolicy()
 * gives that one, so that the two never disagree — 433 on `stop` is not "acquire again" but "check what it means
 * there", 65 on `acquire` keeps no resource ID, 65 without a method is the retry most methods take.
 */
function explainedAlone(r: CatalogRecord, method: unknown): RetryPolicy {
  const body = r.kind === 'error-code' ? { code: r.code } : { message: r.kind === 'message-error' ? r.message : '' };
  const { retryable: _, ...step } = pkg.explain({ body, method } as never).retry!;
  return step as RetryPolicy;
}

/** A next step as retryPolicy() gives it: in no language, its basis (and its then's) only where a source says so. */
function neutral(policy: RetryPolicy): object {
  const { basis, ...rest } = policy;
  const thenBasis = 'thenBasis' in rest ? rest.thenBasis : undefined;
  if ('thenBasis' in rest) delete rest.thenBasis;
  return {
    ...rest,
    ...(basis && 'source' in basis && { basis: { source: basis.source } }),
    ...(thenBasis && 'source' in thenBasis && { thenBasis: { source: thenBasis.source } }),
  };
}

/** A value in one language: every {zh, en} text as that language's. */
const inLanguage = (value: unknown, locale: 'zh' | 'en') =>
  JSON.parse(JSON.stringify(value), (_, v) => (v && typeof v === 'object' && typeof v.zh === 'string' && typeof v.en === 'string' ? v[locale] : v));

/** How users write a name: pasted with spaces, in another case, quoted, with a trailing full stop. */
function asTyped(name: string): string[] {
  const alternate = [...name].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('');
  return [name, name.toUpperCase(), name.toLowerCase(), alternate, `  ${name}\t`, name.replace(/ /g, '   '), `"${name}"`, `“${name}”`, `'${name}.`];
}

/** Every way a user names a record: its value, id, reference, constants (alone and as Group.NAME), message and reasons. */
function queriesOf(r: CatalogRecord): (string | number)[] {
  const group = KINDS[r.kind].constantGroup;
  const constants = [r.constant, ...(r.formerConstants ?? []).map((f) => f.name)];
  const numbers = typeof r.code === 'number' ? [r.code, String(r.code), ` ${r.code} `, `0${r.code}`, String(r.code).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))] : [];
  return [
    ...numbers,
    ...[recordRef(r), ...namesOf(r).flat(), ...constants.map((c) => `${group}.${c}`)].flatMap(asTyped),
    `${group.toLowerCase()}.${r.constant.toLowerCase()}`,
  ];
}

const METHOD_VALUES: (string | undefined)[] = [undefined, ...METHODS, 'getStatus', '', '__proto__'];
const KIND_VALUES: (string | undefined)[] = [undefined, ...KIND_NAMES, 'foo', '', 'errorcode', 'error-code request', 'error-code\t', 'error-code:'];
const digitsOnly = (q: unknown) => typeof q === 'number' || /^\s*\d+\s*$/.test(String(q));

describe('every record, by every name, on every method, as the catalog says', () => {
  for (const r of catalog.records) {
    const queries = queriesOf(r);
    it(`${recordRef(r)}: retryPolicy by ${queries.length} names on ${METHOD_VALUES.length} methods`, () => {
      for (const query of queries) {
        // A number, or a string of digits, is a body code first.
        const found = named(query, digitsOnly(query) ? 'error-code' : undefined) ?? named(query);
        for (const method of METHOD_VALUES) {
          const onMethod = (METHODS as readonly unknown[]).includes(method) ? pickMeaning(found?.meanings ?? [], method, ranks)?.retry : undefined;
          const expected = found && neutral(alone(found) ? explainedAlone(found, method) : (onMethod ?? found.retry));
          // The same fields, in the same order.
          expect(json(pkg.retryPolicy(query as never, method as never)), `${json(query)} on ${method}`).toBe(json(expected));
        }
      }
    });

    it(`${recordRef(r)}: lookup by the same names, in every kind and in kinds that are none`, () => {
      for (const query of queries) {
        for (const kind of KIND_VALUES) {
          expect(pkg.lookup(query, { kind: kind as Kind })?.ref, `${json(query)} in ${json(kind)}`).toBe(named(query, kind) && recordRef(named(query, kind)!));
        }
      }
    });
  }

  it('a record is found by its own names: the rule above is not vacuous', () => {
    for (const r of catalog.records) {
      expect(pkg.lookup(recordRef(r))?.ref).toBe(recordRef(r));
      expect(pkg.lookup(r.constant, { kind: r.kind })?.ref).toBe(recordRef(r));
      for (const reason of r.meanings.flatMap((m) => m.reason ?? [])) expect(named(reason, r.kind), reason).toBeDefined();
    }
    // Where names collide, the sort of name decides, then catalog order.
    expect(pkg.lookup('unauthorized')?.ref).toBe('message-error:unauthorized');
    expect(pkg.lookup('UNAUTHORIZED', { kind: 'http-status' })?.ref).toBe('http-status:401');
    expect(pkg.lookup('IN_PROGRESS')?.ref).toBe('extension-state:inProgress');
    expect(pkg.lookup('request timeout')?.ref).toBe('error-code:62');
    expect(pkg.lookup('HttpStatus.Request Timeout')?.ref).toBe('http-status:500');
  });

  it('what is no name finds nothing, and never throws', () => {
    for (const query of ['constructor.name', 'Constructor.prototype', 'toString.x', 'errorcode.433', 'httpstatus.', 'no such message', '1234567890', 'x'.repeat(2000)]) {
      expect(pkg.lookup(query), query).toBeUndefined();
      expect(pkg.retryPolicy(query), query).toBeUndefined();
      expect(pkg.explain({ body: { message: query } }).record, query).toBeUndefined();
    }
  });
});

describe('full records join the table with the rest of each record, as the catalog has them', () => {
  for (const locale of ['en', 'zh'] as const) {
    it(`allRecords('${locale}'): every record's names, meanings and next steps, in catalog order`, () => {
      const served = pkg.allRecords(locale);
      expect(served.map((s) => s.ref)).toEqual(catalog.records.map(recordRef));
      served.forEach((s, i) => {
        const r = catalog.records[i];
        const ref = recordRef(r);
        expect(json([s.kind, s.code, s.constant, s.formerConstants]), ref).toBe(json([r.kind, r.code, r.constant, r.formerConstants]));
        expect(s.kind === 'message-error' ? s.message : undefined, ref).toBe(r.kind === 'message-error' ? r.message : undefined);
        expect(json(s.retry), ref).toBe(json(inLanguage(r.retry, locale)));
        expect(s.meanings, ref).toEqual(inLanguage(r.meanings, locale));
        // A meaning's reason and next step come from the table: the same, field for field.
        expect(json(s.meanings.map((m) => [m.reason, m.retry])), ref).toBe(json(inLanguage(r.meanings.map((m) => [m.reason, m.retry]), locale)));
      });
    });
  }

  it("explain(): a response's code, reason and HTTP status pick the meaning the catalog has for them", () => {
    for (const r of catalog.records.filter((x) => x.kind === 'error-code')) {
      for (const method of METHODS) {
        for (const m of [undefined, ...r.meanings]) {
          const status = m?.http ?? 200;
          const d = zh.explain({ status, body: { code: r.code, ...(m?.reason && { reason: m.reason }) }, method });
          const meaning = pickMeaning(r.meanings, method, ranks, status, m?.reason, r.code);
          const where = `${recordRef(r)} on ${method} (${json(m?.reason)}, HTTP ${m?.http})`;
          expect(d.record?.ref, where).toBe(recordRef(r));
          expect(d.meaning, where).toBe(meaning?.text.zh);
          expect(d.record?.meaning, where).toEqual(meaning && inLanguage(meaning, 'zh'));
          const elsewhere = r.meanings.length > 0 && r.meanings.every((x) => x.methods && !x.methods.includes(method));
          if (!elsewhere) expect(d.retry.action, where).toBe((meaning?.retry ?? r.retry).action);
        }
      }
    }
  });
});

describe('the table, as the build writes and checks it', () => {
  const lineOf = (text: string, ref: string) => {
    const lines = text.split('\n');
    const records = lines.map((line, i) => ({ line, i })).filter(({ line, i }) => i > 0 && !line.startsWith('#'));
    return records[catalog.records.findIndex((r) => recordRef(r) === ref)].i;
  };

  it('reads back as the catalog; a table that does not fails the build, naming the record', () => {
    const retry = retryTableOf(catalog);
    expect(() => retry.readBack(retry.text)).not.toThrow();
    const lines = retry.text.split('\n');
    const at = lineOf(retry.text, 'error-code:65');
    const fields = lines[at].split(';');
    fields[1] = String(Number(fields[1]) + 1);
    lines[at] = fields.join(';');
    expect(() => retry.readBack(lines.join('\n'))).toThrow(/does not read back as written: error-code:65\n/);
    // A record lost, a next step changed: each named.
    expect(() => retry.readBack(retry.text.split('\n').slice(0, -1).join('\n'))).toThrow(/the number of records/);
    expect(() => retry.readBack(retry.text.replace(/^fix-request/, 'fix-account'))).toThrow(/its next steps/);
  });

  const variant = (records: CatalogRecord[]): Catalog => ({ ...catalog, records });

  it('holds any catalog: codes in any order, a kind in several runs, a kind without records, names that are not derived', () => {
    const shuffled = [...catalog.records].reverse().filter((r) => r.kind !== 'output-status');
    shuffled.push(shuffled.splice(3, 1)[0]);
    const renamed = shuffled.map((r) => (r.kind === 'service-state' ? { ...r, constant: `${r.constant}_STATE` } : r));
    const retry = retryTableOf(variant(renamed));
    expect(() => retry.readBack(retry.text)).not.toThrow();
    const table = readRetryTable(retry.text);
    expect(table.entries.map((e) => `${e.kind}:${e.code}`)).toEqual(renamed.map(recordRef));
    expect(table.entries.map((e) => e.names[1][0])).toEqual(renamed.map((r) => r.constant));
    expect(table.groups.get('outputstatus')).toBe('output-status');
  });

  it('is written as a template literal that reads back whatever a message holds: backticks, backslashes, ${', () => {
    const odd = catalog.records.map((r) => (r.kind === 'message-error' && r.code === 'unauthorized' ? { ...r, message: 'Un`auth\\orized ${x} \\` "quoted"' } : r));
    const source = packageSources(variant(odd), SITE_URL)['retry.ts'];
    const literal = source.slice(source.indexOf('export const RETRY_TABLE = ') + 'export const RETRY_TABLE = '.length, source.lastIndexOf(';'));
    const text = new Function(`return ${literal}`)() as string;
    expect(text).toBe(retryTableOf(variant(odd)).text);
    expect(readRetryTable(text).entries.find((e) => e.code === 'unauthorized')?.message).toBe('Un`auth\\orized ${x} \\` "quoted"');
  });

  it('a value that holds one of its separators fails the build, saying which and where', () => {
    const records = catalog.records.map((r) =>
      recordRef(r) === 'error-code:7' ? { ...r, meanings: r.meanings.map((m) => (m.reason ? { ...m, reason: 'already|started' } : m)) } : r,
    );
    expect(() => packageSources(variant(records), SITE_URL)).toThrow('error-code:7: the reason "already|started" holds "|", which separates the fields of the retry table');
    const newline = catalog.records.map((r) => (r.kind === 'message-error' && r.code === 'unauthorized' ? { ...r, message: 'Unauthorized;' } : r));
    expect(() => packageSources(variant(newline), SITE_URL)).toThrow('message-error:unauthorized: its message "Unauthorized;" holds ";"');
    const hash = catalog.records.map((r) => (r.kind === 'message-error' && r.code === 'unauthorized' ? { ...r, message: '#Unauthorized' } : r));
    expect(() => packageSources(variant(hash), SITE_URL)).toThrow('message-error:unauthorized: its message "#Unauthorized" starts with "#"');
  });

  it('leaves out what the reader derives: a state constant, a message slug, a kind\'s group', () => {
    const { text } = retryTableOf(catalog);
    const line = (ref: string) => text.split('\n')[lineOf(text, ref)];
    expect(line('service-state:serviceIdle')).toMatch(/^serviceIdle;\d+$/);
    expect(line('output-status:onhold')).toMatch(/^onhold;\d+;on hold$/);
    expect(line('message-error:appid-is-invalid')).toMatch(/^appid is invalid;\d+;;appid is invalid$/);
    expect(text).toContain('\n#error-code\n');
    expect(text).toContain('\n#message-error;gatewaymessage\n');
  });
});
