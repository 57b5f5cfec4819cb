/**
 * Running `agora-rec-codes scan` in a test as a user does, and a finding as one row to compare:
 * shared by the scan tests of the blind logs (scan-blind.test.ts, scan-blind-second.test.ts).
 */
import { Readable } from 'node:stream';
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
