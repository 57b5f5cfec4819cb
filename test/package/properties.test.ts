/**
 * Hostile input to the package (property-based, fast-check): whatever a
 * service hands it — arbitrary JSON, huge or deeply nested values, __proto__ and
 * constructor keys, lone surrogates, NaN, -0, 1e309 — lookup, explain,
 * validateChannelName and the CLI's argument parser never throw, never return
 * another record's data, and finish on 1 MB inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAME, explain, lookup, normalizeQuery, validateChannelName } from '../../src/index.ts';
import { parseCli, UsageError } from '../../src/cli.ts';

const nasty = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '\ud800', '\udfff', '', ' ', '\u0000', NaN, -0, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, 433.5, '433abc', '0x1B1', '4.33e2'),
  fc.string({ unit: 'binary' }),
  fc.integer(),
  fc.double(),
);
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 6 }), fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }), nasty);
const deep = (depth: number) => {
  let value: unknown = { code: 433 };
  for (let i = 0; i < depth; i++) value = { serverResponse: value, code: value, message: [value] };
  return value;
};

describe('lookup on anything', () => {
  it('never throws; what it returns is the record its query names', () => {
    fc.assert(
      fc.property(anyValue, fc.option(fc.constantFrom('error-code', 'http-status', 'nope'), { nil: undefined }), (query, kind) => {
        const record = lookup(query as never, { kind: kind as never });
        if (record) {
          const q = normalizeQuery(String(query));
          const names = [String(record.code), record.constant, record.ref, typeof record.value === 'string' ? record.value : ''].map((n) => normalizeQuery(n));
          const numeric = /^\d+$/.test(q) && Number(q) === record.code;
          const byReason = record.meanings.some((m) => m.reason && normalizeQuery(m.reason) === q);
          expect(numeric || byReason || names.includes(q) || names.includes(q.replace(/^[a-z]+\./, '')), `${String(query)} → ${record.ref}`).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
  it('is fast on a 1 MB query', () => {
    expect(lookup('4'.repeat(1_000_000))).toBeUndefined();
    expect(lookup(' '.repeat(500_000) + 'invalid appid')).toBeUndefined(); // cut at 1000 characters: not a real message
  });
});

describe('explain on anything', () => {
  it('never throws and always says what to do', () => {
    fc.assert(
      fc.property(anyValue, anyValue, fc.oneof(fc.constantFrom('acquire', 'start', 'stop', '__proto__'), nasty), (status, body, method) => {
        for (const input of [{ status, body, method }, { status, body: JSON.stringify(body) ?? '', method }]) {
          const d = explain(input as never);
          expect(typeof d.summary).toBe('string');
          expect(typeof d.next).toBe('string');
          expect(d.next.length).toBeGreaterThan(0);
          expect(typeof d.retry.retryable).toBe('boolean');
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('matches a body code only to the record of that code (0 is no error code: see outcome.test.ts)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.constantFrom(200, 206, 400, 404, 500, 504), (code, status) => {
        const d = explain({ status, body: { code } });
        const byCode = d.records.find((r) => r.kind === 'error-code');
        if (byCode) expect(byCode.code).toBe(code);
        expect(d.known).toBe(lookup(code, { kind: 'error-code' }) !== undefined);
      }),
      { numRuns: 1000 },
    );
  });

  it('survives deep nesting, prototype keys and 1 MB bodies', () => {
    const bodies = [
      deep(5000),
      JSON.parse('{"__proto__":{"code":433,"message":"Unauthorized"},"constructor":{"prototype":{"code":7}}}'),
      '{"code":' + '9'.repeat(1_000_000) + '}',
      '['.repeat(100_000),
      '{"message":"' + 'a'.repeat(1_000_000) + '"}',
      JSON.stringify({ code: 65, reason: '\ud800'.repeat(1000) }),
      Object.create({ code: 433, message: 'Unauthorized' }), // inherited fields are not the response's
    ];
    for (const body of bodies) {
      const d = explain({ status: 400, body, method: 'start' });
      expect(d.record?.ref ?? '').not.toBe('error-code:433');
      expect(d.record?.ref ?? '').not.toBe('message-error:unauthorized');
    }
  });
});

describe('validateChannelName on anything', () => {
  const allowed = new Set(CHANNEL_NAME.allowedCharacters);
  it('accepts exactly the names of allowed characters within the byte limit', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: fc.constantFrom(...CHANNEL_NAME.allowedCharacters), maxLength: 80 })), (name) => {
        const result = validateChannelName(name);
        const valid = name.length > 0 && [...name].every((c) => allowed.has(c)) && new TextEncoder().encode(name).length <= CHANNEL_NAME.maxBytes;
        expect(result.ok).toBe(valid);
        if (!result.ok && result.reason === 'character') {
          expect(allowed.has(result.character)).toBe(false);
          expect(name.slice(result.index, result.index + result.character.length)).toBe(result.character);
          expect([...name.slice(0, result.index)].every((c) => allowed.has(c))).toBe(true);
        }
        if (!result.ok && result.reason === 'too-long') expect(result.bytes).toBe(new TextEncoder().encode(name).length);
      }),
      { numRuns: 3000 },
    );
  });
  it('never throws on anything, and is fast on 1 MB', () => {
    fc.assert(fc.property(anyValue, (v) => void validateChannelName(v)), { numRuns: 500 });
    expect(validateChannelName('a'.repeat(1_000_000))).toMatchObject({ ok: false, reason: 'too-long', bytes: 1_000_000 });
  });
});

describe('the CLI parser on anything', () => {
  it('returns arguments or throws a UsageError, nothing else', () => {
    const token = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('explain', '--method', '--lang', '--kind', '--status', '--json', '-h', '--', '433', 'start', 'zh', '--__proto__', '--constructor'));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (argv) => {
        try {
          const args = parseCli(argv);
          expect(['lookup', 'explain', 'help']).toContain(args.command);
          expect(['zh', 'en']).toContain(args.locale);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
