/**
 * `npm run check` on catalog files nobody should write, but someone will: YAML
 * aliases that multiply ("billion laughs"), a file with a hundred thousand
 * mistakes, bytes that are not UTF-8, a file far too large, nesting too deep —
 * each answered with `file:line:col` lines and exit status 1, never a stack
 * trace; and one broken record gives one message, not one per record that
 * refers to it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, formatProblem, invalidUtf8Offset, loadCatalog, MAX_FILE_BYTES, PRINTED_PROBLEMS } from '../../scripts/catalog/load.ts';
import { ROOT } from './repo-copy.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A data folder: the real api.yaml and `records.yaml` holding `content`. */
function dataWith(content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-input-'));
  dirs.push(dir);
  copyFileSync(join(DEFAULT_DATA_DIR, 'api.yaml'), join(dir, 'api.yaml'));
  writeFileSync(join(dir, 'records.yaml'), content);
  return dir;
}

/** `npm run check -- dir`, as a user runs it. */
function check(dir: string) {
  const run = spawnSync(process.execPath, ['scripts/check.ts', dir], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  const problemLines = run.stderr.split('\n').filter((l) => /records\.yaml:\d+:\d+/.test(l));
  return { ...run, problemLines };
}

/** No stack trace, no "node:internal", no error class name where a user expects a sentence. */
function expectNoStackTrace(output: string) {
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toMatch(/node:internal|RangeError|ReferenceError|TypeError/);
}

/** A valid record (a title of its own, a next step with its basis), plus `extra` lines. */
const record = (code: number, extra = '', title = `{zh: 测试 ${code}, en: Test ${code}}`) =>
  [
    '  - kind: error-code',
    `    code: ${code}`,
    `    constant: FIXTURE_${code}`,
    `    title: ${title}`,
    '    summary: {zh: 测试记录。, en: A test record.}',
    '    retry: {action: fix-request, basis: {source: seed}}',
    '    sources: [seed]',
    extra,
  ]
    .filter(Boolean)
    .join('\n');

describe('npm run check on hostile catalog files', () => {
  it('a YAML alias bomb: one file:line:col message at the first alias, exit 1, no stack trace', () => {
    // Four nested anchors of nine aliases each under records: (9^4 nodes from a few lines).
    const bomb = [
      'records:',
      '  - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      '  - &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      '  - &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      '  - &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      '',
    ].join('\n');
    const run = check(dataWith(bomb));
    expect(run.status).toBe(1);
    expectNoStackTrace(run.stderr);
    expect(run.problemLines).toHaveLength(1);
    expect(run.problemLines[0]).toMatch(/records\.yaml:3:9: YAML aliases expand to too many nodes/);
  });

  it('a file with 200,000 problems: the first hundred printed, the rest counted, exit 1', () => {
    // 40,000 records, each with five fields the schema does not know.
    const records = Array.from({ length: 40_000 }, (_, i) => record(10_000 + i, '    tilte: x\n    colour: red\n    size: big\n    extra: 1\n    note: n'));
    const run = check(dataWith(`records:\n${records.join('\n')}\n`));
    expect(run.status).toBe(1);
    expectNoStackTrace(run.stderr);
    expect(run.problemLines).toHaveLength(PRINTED_PROBLEMS);
    expect(run.problemLines[0]).toMatch(/^\S+records\.yaml:9:5 error-code:10000 tilte: unknown field/);
    expect(run.stderr).toMatch(/… and 199,900 more \(200,000 problems in all/);
    expect(run.stderr).toMatch(/✗ 200000 problem\(s\) in the catalog/);
  });

  it('bytes that are not UTF-8: where they are, by line, column and byte offset', () => {
    const [head, tail] = `records:\n${record(9001, '', '{zh: 测试, en: "T@@st"}')}\n`.split('@@');
    const before = Buffer.from(head!);
    const text = Buffer.concat([before, Buffer.from([0xe9, 0xff]), Buffer.from(tail!)]);
    // The title line is the 5th; "    title: {zh: 测试, en: \"T" is 26 characters.
    const offset = before.length;
    const run = check(dataWith(text));
    expect(run.status).toBe(1);
    expectNoStackTrace(run.stderr);
    expect(run.problemLines).toEqual([expect.stringMatching(new RegExp(`records\\.yaml:5:27: not valid UTF-8 at byte offset ${offset} \\(byte 0xe9\\)`))]);
    // Silently turned into U+FFFD, it would have passed.
    expect(loadCatalog(dataWith(Buffer.concat([before, Buffer.from('\uFFFD'), Buffer.from(tail!)]))).problems.filter((p) => !/reviewed/.test(p.message))).toEqual([]);
  });

  it('finds the first byte that is not UTF-8 exactly where the platform decoder fails', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), fc.string({ unit: 'binary', maxLength: 8 }), (noise, text) => {
        const bytes = Buffer.concat([Buffer.from(text), noise]);
        const offset = invalidUtf8Offset(bytes);
        let decodes = true;
        try {
          fatal.decode(bytes);
        } catch {
          decodes = false;
        }
        expect(offset === -1).toBe(decodes);
        if (offset >= 0) {
          // Everything before it decodes; the sequence starting there does not.
          expect(() => fatal.decode(bytes.subarray(0, offset))).not.toThrow();
        }
      }),
      { numRuns: 3000 },
    );
    for (const bad of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80], [0xff]]) {
      expect(invalidUtf8Offset(Buffer.from([0x61, ...bad])), bad.join(' ')).toBe(1);
    }
    expect(invalidUtf8Offset(Buffer.from('测试 🎉 ok'))).toBe(-1);
  });

  it('a file larger than the loader reads: one message, without reading it', () => {
    const run = check(dataWith(Buffer.alloc(MAX_FILE_BYTES + 1, '#')));
    expect(run.status).toBe(1);
    expectNoStackTrace(run.stderr);
    expect(run.problemLines).toEqual([expect.stringMatching(/records\.yaml:1:1: the file is 32\.0 MB: larger than the 32\.0 MB a catalog file may be/)]);
  });

  it('nesting too deep for the parser: a message, not a crash', () => {
    const run = check(dataWith(`records: ${'['.repeat(100_000)}`));
    expect(run.status).toBe(1);
    expectNoStackTrace(run.stderr);
    expect(run.problemLines.length).toBeGreaterThan(0);
    expect(run.problemLines.length).toBeLessThanOrEqual(3);
    expect(run.problemLines[0]).toMatch(/records\.yaml:1:\d+: YAML/);
  });
});

describe('one mistake, one message', () => {
  it('a record that fails the schema still exists for the records that refer to it', () => {
    // Record 9002's title is broken; five records refer to it, one refers to a record that does not exist.
    const refersTo = (ref: string) => `    related: [${ref}]`;
    const text = [
      'records:',
      record(9001, refersTo('error-code:9002')),
      record(9002, '', '{zh: 测试}'),
      ...[9003, 9004, 9005, 9006].map((code) => record(code, refersTo('error-code:9002'))),
      record(9007, refersTo('error-code:9999')),
      '',
    ].join('\n');
    const problems = loadCatalog(dataWith(text)).problems.filter((p) => !/not marked reviewed/.test(p.message));
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/records\.yaml:\d+:\d+ error-code:9002 title\.en: missing required field/),
      expect.stringMatching(/records\.yaml:\d+:\d+ error-code:9007 related\[0\]: no record error-code:9999 exists/),
    ]);
  });

  it('npm run check prints that one line for it', () => {
    const text = ['records:', record(9001, '    related: [error-code:9002]'), record(9002, '', '{zh: 测试, en: ""}'), record(9003, '    related: [error-code:9002]'), ''].join('\n');
    const run = check(dataWith(text));
    expect(run.status).toBe(1);
    expect(run.problemLines.filter((l) => !/not marked reviewed/.test(l))).toEqual([expect.stringMatching(/error-code:9002 title\.en: expected a non-empty text|error-code:9002 title\.en:/)]);
  });
});
