/**
 * The entry points by language: the same functions everywhere; the root in
 * Node speaks both languages, the root in a browser bundle (src/browser.ts,
 * the `browser` condition) English only, /en and /zh their own; explain()
 * serves records in brief, lookup() whole.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../scripts/catalog/load.ts';
import { recordRef } from '../../scripts/catalog/schema.ts';
import * as browser from '../../src/browser.ts';
import * as en from '../../src/en.ts';
import * as root from '../../src/index.ts';
import type { ExplainInput } from '../../src/index.ts';
import * as zh from '../../src/zh.ts';

const catalog = loadCatalogOrThrow();
const DETAIL_FIELDS = ['causes', 'actions', 'links', 'related', 'sources', 'lifecycle'];

describe('every entry point has the same functions', () => {
  it('the root in Node, the root in a browser, /en and /zh export the same names', () => {
    const names = Object.keys(root).sort();
    expect(names).toContain('explain');
    expect(Object.keys(browser).sort()).toEqual(names);
    expect(Object.keys(en).sort()).toEqual(names);
    expect(Object.keys(zh).sort()).toEqual(names);
  });

  it('what speaks no language is the very same in each', () => {
    for (const entry of [browser, en, zh]) {
      expect(entry.retryPolicy).toBe(root.retryPolicy);
      expect(entry.ErrorCode).toBe(root.ErrorCode);
      expect(entry.validateChannelName).toBe(root.validateChannelName);
      expect(entry.docUrl).toBe(root.docUrl);
      expect(entry.RecordingError).toBe(root.RecordingError);
    }
  });
});

describe('the root in a browser bundle speaks English', () => {
  it('answers in English, asked in English or Chinese, and says why in explain()', () => {
    expect(browser.lookup(433)?.title).toBe(root.lookup(433)?.title);
    expect(browser.lookup(433, { locale: 'zh' })?.locale).toBe('en');
    const d = browser.explain({ status: 401, body: { message: 'Unauthorized' } }, { locale: 'zh' });
    expect(d.locale).toBe('en');
    expect(d.notes.at(-1)).toMatch(/@org\/agora-rec-codes\/zh/);
    expect(browser.explain({ status: 401, body: { message: 'Unauthorized' } }).notes.join(' ')).not.toMatch(/agora-rec-codes\/zh/);
    const policy = root.retryPolicy(65, 'start')!;
    expect(browser.describeRetry(policy, 'zh')).toBe(root.describeRetry(policy, 'en'));
    expect(browser.allRecords('zh').every((r) => r.locale === 'en')).toBe(true);
  });

  it('its client helpers say it too', async () => {
    const d = await browser.fromResponse(new Response('{"code":433}', { status: 400 }), 'start', { locale: 'zh' });
    expect(d.outcome.kind).toBe('acquire-again');
    expect(d.locale).toBe('en');
  });
});

describe('the root in Node speaks both languages; /en and /zh their own', () => {
  it('Chinese on request, English otherwise', () => {
    expect(root.explain({ status: 401, body: { message: 'Unauthorized' } }, { locale: 'zh' }).summary).toBe(zh.explain({ status: 401, body: { message: 'Unauthorized' } }).summary);
    expect(root.explain({ status: 401, body: { message: 'Unauthorized' } }).summary).toBe(en.explain({ status: 401, body: { message: 'Unauthorized' } }).summary);
    expect(root.allRecords('zh')).toEqual(zh.allRecords());
  });

  it('a one-language entry point keeps its language whatever a caller passes', () => {
    const options = { locale: 'zh' } as unknown as Parameters<typeof en.explain>[1];
    expect(en.explain({ status: 401 }, options).locale).toBe('en');
    expect(en.lookup(433, { locale: 'zh' } as never)?.locale).toBe('en');
    expect(zh.lookup(433, { locale: 'en' } as never)?.locale).toBe('zh');
  });
});

describe('explain() serves records in brief; lookup() whole', () => {
  it('a brief record is the whole record without causes, actions, links, related, sources and lifecycle', () => {
    // Every body code and gateway message, as a response carries it; the recording statuses as query reads them.
    const responses: [string, ExplainInput][] = catalog.records.flatMap((r): [string, ExplainInput][] =>
      r.kind === 'error-code'
        ? [[recordRef(r), { status: 400, body: { code: r.code } }]]
        : r.kind === 'message-error'
          ? [[recordRef(r), { status: 401, body: { message: r.message } }]]
          : r.kind === 'recording-status'
            ? [[recordRef(r), { status: 200, method: 'query', body: { serverResponse: { status: r.code } } }]]
            : [],
    );
    expect(responses.length).toBeGreaterThan(40);
    for (const [ref, response] of responses) {
      for (const entry of [en, zh]) {
        const record = entry.explain(response).records.find((r) => r.ref === ref)!;
        expect(record, ref).toBeDefined();
        for (const field of DETAIL_FIELDS) expect(record, `${ref} ${field}`).not.toHaveProperty(field);
        const { meaning: _brief, ...brief } = record as typeof record & { meaning?: unknown };
        const { meaning: _whole, ...whole } = entry.lookup(ref)! as ReturnType<typeof entry.lookup> & { meaning?: unknown };
        expect(brief, ref).toEqual(Object.fromEntries(Object.entries(whole).filter(([k]) => !DETAIL_FIELDS.includes(k))));
      }
    }
  });

  it('a whole record has every field of the catalog, in the catalog’s order, and the same texts', () => {
    const source = catalog.records.find((r) => recordRef(r) === 'error-code:433')!;
    const whole = zh.lookup(433)!;
    expect(Object.keys(whole).slice(0, 4)).toEqual(['kind', 'code', 'constant', 'title']);
    expect(whole.causes).toEqual(source.causes.map((c) => c.zh));
    expect(whole.actions).toEqual(source.actions.map((a) => a.zh));
    expect(whole.related).toEqual(source.related);
    expect(whole.lifecycle).toEqual({ status: source.lifecycle.status, ...(source.lifecycle.replacedBy && { replacedBy: source.lifecycle.replacedBy }) });
  });

  it('records are frozen and a next step handed out is a copy: no caller changes the catalog', () => {
    const policy = root.retryPolicy(65, 'start')!;
    if (policy.action === 'retry') policy.delaysMs.push(99_000);
    expect(root.retryPolicy(65, 'start')).toMatchObject({ delaysMs: [3000, 6000] });
    const record = root.lookup(433)!;
    expect(() => (record.causes as string[]).push('x')).toThrow(TypeError);
    expect(root.lookup(433)!.causes).toHaveLength(catalog.records.find((r) => recordRef(r) === 'error-code:433')!.causes.length);
  });
});
