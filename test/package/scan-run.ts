/**
 * Running `agora-rec-codes scan` in a test as a user does, a finding as one row to compare, and a round
 * of blind logs checked against what each X.expected.md asks: shared by the scan-blind*.test.ts files.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { runScan } from '../../src/scan.ts';

/** `scan` with these arguments and, if given, this text on standard input: its exit status and output. */
export async function scan(argv: string[], stdin?: string) {
  let stdout = '';
  let stderr = '';
  const status = await runScan(argv, {
    env: {},
    color: false,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdin: { stream: Readable.from(stdin === undefined ? [] : [Buffer.from(stdin)]) },
  });
  return { status, stdout, stderr, json: () => JSON.parse(stdout) };
}

/** A finding as `scan --json` prints it (the fields the tests read). */
export type JsonFinding = {
  method?: string;
  verb?: string;
  status?: number;
  code?: number;
  message?: string;
  outcome: { kind: string; then?: string; delaysMs?: number[] };
  first: { line: number };
  last: { line: number };
  count: number;
  needsAction: boolean;
  next: string;
  notes: string[];
};

/** A finding as a row: method, HTTP status, body code or message, outcome (and what after the retries), first line, count. */
export type FindingRow = [method: string | null, status: number | null, codeOrMessage: number | string | null, outcome: string, first: number, count: number];
export const findingRow = (f: JsonFinding): FindingRow => [f.method ?? null, f.status ?? null, f.code ?? f.message ?? null, f.outcome.kind + (f.outcome.then ? ` then ${f.outcome.then}` : ''), f.first.line, f.count];

/** `scan FILE --json`: its exit status and its findings, worst first. */
export async function findingsOf(file: string): Promise<{ status: number; findings: JsonFinding[] }> {
  const r = await scan([file, '--json']);
  return { status: r.status, findings: r.json().findings };
}

/** The logs of a blind round's folder: every file but the expectations (X.expected.md) and the notes (*.md). */
export const blindLogs = (dir: string): string[] => readdirSync(dir).filter((f) => !f.endsWith('.md')).sort();

/**
 * A blind round's tests, inside the caller's describe(): every log in `dir` has its X.expected.md and its
 * expected rows here, and scan gives each log exactly those findings (worst first) and that exit status.
 */
export function blindRound(dir: string, expected: Record<string, { exit: number; rows: FindingRow[] }>): void {
  it('every log has its expectations, and every one is checked here', () => {
    const files = readdirSync(dir);
    const logs = blindLogs(dir);
    expect(logs).toEqual(Object.keys(expected).sort());
    for (const log of logs) expect(files, log).toContain(log.replace(/\.\w+$/, '.expected.md'));
  });

  for (const [name, { exit, rows }] of Object.entries(expected)) {
    it(`${name}: its findings, worst first, and exit ${exit}`, async () => {
      const r = await findingsOf(join(dir, name));
      expect(r.findings.map(findingRow)).toEqual(rows);
      expect(r.status).toBe(exit);
    });
  }
}
