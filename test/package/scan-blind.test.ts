/**
 * `agora-rec-codes scan` on twelve logs written blind by a tester from the sources
 * (test/fixtures/logs-blind/: each log with its X.expected.md), then the classes of
 * failure that run showed, each with inputs of other clients and other field names:
 * a request or a note is not a response; Node's printed errors are read; a status
 * and its body logged apart are one response; a method a log message names wins;
 * a line cut at 64 KB is said; a finding says each thing once.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/index.ts';
import { readResponses } from '../../src/response-text.ts';
import { runScan } from '../../src/scan.ts';

const blind = fileURLToPath(new URL('../fixtures/logs-blind/', import.meta.url));

async function scan(argv: string[], stdin?: string) {
  let stdout = '';
  let stderr = '';
  const status = await runScan(argv, {
    env: {},
    color: false,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    ...(stdin !== undefined && { stdin: { stream: Readable.from([Buffer.from(stdin)]) } }),
  });
  return { status, stdout, stderr, json: () => JSON.parse(stdout) };
}

type JsonFinding = {
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
const row = (f: JsonFinding) => [f.method ?? null, f.status ?? null, f.code ?? f.message ?? null, f.outcome.kind + (f.outcome.then ? ` then ${f.outcome.then}` : ''), f.first.line, f.count];

async function findingsOf(name: string): Promise<{ status: number; findings: JsonFinding[] }> {
  const r = await scan([join(blind, name), '--json']);
  return { status: r.status, findings: r.json().findings };
}

describe('the blind logs: what each X.expected.md says', () => {
  it('every blind log has its expectations', () => {
    const files = readdirSync(blind);
    const logs = files.filter((f) => /\.(?:log|jsonl|txt)$/.test(f));
    expect(logs).toHaveLength(12);
    for (const log of logs) expect(files, log).toContain(log.replace(/\.\w+$/, '.expected.md'));
  });

  it('go-zap.jsonl: request and back-off records (an `op`, no status, no body) are not responses', async () => {
    const { status, findings } = await findingsOf('go-zap.jsonl');
    expect(status).toBe(1);
    expect(findings.map(row)).toEqual([
      ['acquire', 400, 401, 'fix-request', 18, 1],
      ['query', 404, 404, 'gone', 13, 1],
      ['stop', 404, 404, 'gone', 16, 1],
      ['start', 206, 65, 'retry then acquire-again', 6, 2],
      ['acquire', 429, 'API rate limit exceeded', 'retry then contact-support', 19, 1],
      ['query', 200, null, 'success', 11, 2],
      ['acquire', 200, null, 'success', 4, 1],
      ['start', 200, null, 'success', 10, 1],
    ]);
    // Seed: wait 3 s, then 6 s.
    expect(findings[3].outcome.delaysMs).toEqual([3000, 6000]);
  });

  it('node-axios-winston.log: the AxiosError printed by console.error is one start 400 with body code 1001', async () => {
    const { status, findings } = await findingsOf('node-axios-winston.log');
    expect(status).toBe(1);
    expect(findings.map(row)).toEqual([
      ['start', 400, 1001, 'acquire-again', 7, 1],
      ['stop', 206, 65, 'retry', 86, 1],
      ['acquire', null, null, 'success', 5, 1],
      ['stop', null, null, 'success', 87, 1],
    ]);
    expect(findings[0]).toMatchObject({ verb: 'POST', last: { line: 84 } });
    expect(findings[1].next).not.toMatch(/acquire/);
  });

  it('php-laravel-guzzle.log: a body Guzzle cut (`(truncated...)`) before Laravel\'s context line is still read', async () => {
    const { findings } = await findingsOf('php-laravel-guzzle.log');
    expect(findings.map(row)).toEqual([
      ['acquire', 401, 'Invalid authentication credentials', 'fix-credentials', 2, 1],
      ['stop', 404, 404, 'gone', 28, 1],
      ['start', 500, 502, 'acquire-again', 17, 1],
      ['query', 206, null, 'retry', 27, 1],
      ['acquire', 200, null, 'success', 16, 1],
      ['start', 200, null, 'success', 26, 1],
    ]);
    expect(findings[1].last.line).toBe(29);
  });

  it('python-httpx-aiohttp.log: httpx\'s status line and the body logged after it are one response', async () => {
    const { findings } = await findingsOf('python-httpx-aiohttp.log');
    expect(findings.map((f) => [...row(f), f.last.line])).toEqual([
      ['acquire', 401, 'Invalid authentication credentials', 'fix-credentials', 5, 1, 6],
      ['updateLayout', 400, 1028, 'fix-request', 39, 1, 40],
      ['query', 404, null, 'gone', 22, 1, 28],
      ['query', null, null, 'acquire-again', 13, 1, 20],
      ['start', 400, 433, 'acquire-again', 29, 1, 38],
      ['acquire', 200, null, 'success', 8, 1, 8],
      ['start', 200, null, 'success', 9, 1, 9],
    ]);
  });

  it('spring-resttemplate.log: the same start 502 printed twice keeps its method', async () => {
    const { findings } = await findingsOf('spring-resttemplate.log');
    expect(findings.map(row)).toEqual([
      ['acquire', 400, 2, 'fix-request', 50, 1],
      ['stop', 404, 404, 'gone', 45, 1],
      ['start', 500, 502, 'acquire-again', 17, 2],
      ['query', 504, null, 'retry', 36, 1],
      ['acquire', null, null, 'success', 14, 1],
      ['start', null, null, 'success', 34, 1],
      ['query', null, null, 'success', 43, 1],
    ]);
  });

  it('go-logrus.log: the pretty-printed body after msg="query result" is query\'s, not the answered start request\'s', async () => {
    const { findings } = await findingsOf('go-logrus.log');
    expect(findings.map(row)).toEqual([
      ['acquire', 400, 'appid is invalid', 'fix-account', 47, 1],
      ['query', null, null, 'fix-request', 10, 1],
      ['start', 500, 62, 'retry then acquire-again', 6, 1],
      ['stop', 400, 49, 'already-done', 45, 1],
      ['acquire', 200, null, 'success', 4, 1],
      ['start', 200, null, 'success', 8, 1],
      ['stop', 200, null, 'success', 43, 1],
    ]);
    expect(findings[1].notes.join(' ')).not.toMatch(/request on line 5/);
    expect(findings[2].next).not.toMatch(/enable/i);
  });

  it('k8s-nginx-proxy.log: the proxy\'s access line and the app\'s record of one response are one finding, with its method', async () => {
    const { findings } = await findingsOf('k8s-nginx-proxy.log');
    expect(findings.map(row)).toEqual([
      ['query', 404, 'no Route matched with those values', 'fix-request', 9, 1],
      ['stop', 504, null, 'retry', 15, 1],
      ['acquire', 429, null, 'retry then contact-support', 19, 1],
      ['acquire', 200, null, 'success', 6, 1],
      ['start', 200, null, 'success', 7, 1],
      ['query', 200, null, 'success', 11, 1],
      ['stop', 200, null, 'success', 17, 1],
    ]);
    expect(findings[0].verb).toBe('POST');
    expect(findings[0].notes.join(' ')).toMatch(/`query` uses GET/);
    expect(findings[1].next).toMatch(/same resource ID/);
  });

  it('curl-transcripts.txt: `curl -si -X POST -u … …/query` gives the verb, and the wrong one is said', async () => {
    const { findings } = await findingsOf('curl-transcripts.txt');
    expect(findings.map(row)).toEqual([
      ['acquire', 401, 'Unauthorized', 'fix-credentials', 3, 1],
      ['query', 404, 'no Route matched with those values', 'fix-request', 60, 1],
      ['stop', 404, 404, 'gone', 78, 1],
      ['start', 400, 433, 'acquire-again', 45, 1],
      ['query', null, null, 'in-progress', 69, 1],
      ['acquire', 200, null, 'success', 33, 1],
      ['start', null, null, 'success', 52, 1],
      ['stop', 206, 435, 'success', 71, 1],
    ]);
    expect(findings[1]).toMatchObject({ verb: 'POST' });
    expect(findings[1].notes.join(' ')).toMatch(/`query` uses GET/);
  });

  it('the logs that passed the first run still do', async () => {
    const pino = await findingsOf('node-pino.jsonl');
    expect(pino.findings.filter((f) => f.needsAction).map(row)).toEqual([
      ['acquire', 400, 405, 'fix-account', 3, 1],
      ['query', 404, 'no Route matched with those values', 'fix-request', 12, 1],
      ['start', 400, 110, 'fix-request', 15, 1],
      ['start', 400, 109, 'fix-request', 16, 1],
    ]);
    const dotnet = await findingsOf('dotnet-ilogger.log');
    expect(dotnet.findings.filter((f) => f.needsAction).map(row)).toEqual([
      ['update', 400, 2, 'fix-request', 44, 1],
      ['query', 504, null, 'retry', 29, 1],
    ]);
    const requests = await findingsOf('python-requests.log');
    expect(requests.findings.filter((f) => f.needsAction).map(row)).toEqual([
      ['query', 200, null, 'contact-support', 23, 1],
      ['start', 400, 53, 'fix-request', 14, 1],
      ['stop', 404, null, 'gone', 35, 1],
    ]);
    const chinese = await findingsOf('chinese-service.log');
    expect(chinese.findings.filter((f) => f.needsAction).map((f) => [f.status ?? null, f.code ?? null, f.outcome.kind, f.first.line])).toEqual([
      [400, 401, 'fix-request', 3],
      [400, 2, 'fix-request', 6],
      [null, null, 'fix-request', 10],
      [null, 1003, 'fix-request', 36],
      [null, null, 'gone', 27],
      [404, 404, 'gone', 30],
      [500, 504, 'retry', 32],
    ]);
  });
});
