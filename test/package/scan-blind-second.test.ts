/**
 * `agora-rec-codes scan` on ten more logs written blind by a tester from the sources, in shapes the
 * first round lacked (test/fixtures/logs-blind-second/: each log with its X.expected.md, written before
 * anything was run): Rust tracing, Elixir's Req and Tesla, Log4j2 with OkHttp, structlog, Python
 * requests' tracebacks, journald, docker compose, a CloudWatch export, PHP's error log, Ktor with CRLF.
 * Five of the ten held on the first run; the rest led to fixes of classes in the reader (a collector's
 * prefix on every line, Elixir maps, a client's retry notes, Faraday's and Ktor's status lines, a log
 * export's events read line by line), each also tested with other inputs in response-text.test.ts.
 * Each row: method, HTTP status, body code or message, outcome (and what after the retries), first
 * line, count; where X.expected.md accepts more than one reading, the row is the one scan gives.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blindRound, type FindingRow, findingsOf as findingsOfFile } from './scan-run.ts';

const blind = fileURLToPath(new URL('../fixtures/logs-blind-second/', import.meta.url));

const findingsOf = (name: string) => findingsOfFile(join(blind, name));

/** What each X.expected.md asks for: the findings, worst first, and the exit status. */
const EXPECTED: Record<string, { exit: number; rows: FindingRow[] }> = {
  'rust-tracing.log': {
    exit: 1,
    rows: [
      ['start', 400, 53, 'fix-request', 7, 1],
      ['query', 200, null, 'acquire-again', 19, 1],
      ['query', 504, null, 'retry', 17, 1],
      ['acquire', 200, null, 'success', 5, 2],
      ['start', 200, null, 'success', 12, 1],
      ['query', 200, null, 'success', 15, 1],
      ['stop', 206, 435, 'success', 25, 1],
    ],
  },
  'elixir-req.log': {
    exit: 1,
    rows: [
      ['acquire', 401, 'Invalid authentication credentials', 'fix-credentials', 6, 1],
      ['stop', 404, 404, 'gone', 24, 1],
      ['start', 400, 433, 'acquire-again', 13, 1],
      ['start', 500, null, 'retry then acquire-again', 17, 2],
      ['acquire', null, null, 'success', 9, 2],
      ['start', null, null, 'success', 19, 1],
      ['query', null, null, 'success', 22, 1],
    ],
  },
  'log4j2-okhttp.log': {
    exit: 1,
    rows: [
      ['start', 500, 502, 'acquire-again', 24, 1],
      ['acquire', 500, 501, 'retry', 41, 1],
      ['stop', 400, 49, 'already-done', 54, 1],
      ['acquire', 200, null, 'success', 12, 1],
    ],
  },
  'structlog-mixed.log': {
    exit: 1,
    rows: [
      ['update', 400, 2, 'fix-request', 8, 1],
      ['updateLayout', 400, 1028, 'fix-request', 11, 1],
      ['query', 200, null, 'gone', 15, 1],
      ['query', 200, null, 'in-progress', 7, 1],
      ['acquire', 200, null, 'success', 4, 1],
      ['start', 200, null, 'success', 5, 1],
      ['query', 200, null, 'success', 12, 1],
      ['stop', 200, null, 'success', 18, 1],
    ],
  },
  'python-requests.log': {
    exit: 1,
    rows: [
      ['start', 401, 'Unauthorized', 'fix-credentials', 8, 1],
      ['query', 404, 'no Route matched with those values', 'fix-request', 19, 1],
      ['query', 404, 404, 'gone', 27, 1],
      ['acquire', 429, 'API rate limit exceeded', 'retry then contact-support', 4, 1],
      ['stop', 504, null, 'retry', 35, 1],
      ['acquire', 200, null, 'success', 6, 1],
    ],
  },
  'journald-node.log': {
    exit: 1,
    rows: [
      ['start', 500, 62, 'retry then acquire-again', 6, 1],
      ['stop', 504, 62, 'retry', 31, 1],
      ['acquire', 200, null, 'success', 4, 1],
      ['start', 200, null, 'success', 18, 1],
      ['query', 200, null, 'success', 21, 1],
    ],
  },
  'compose-rails-go.log': {
    exit: 1,
    rows: [
      ['acquire', 400, 2, 'fix-request', 8, 1],
      ['query', 504, null, 'retry', 26, 1],
      ['start', 201, 7, 'already-done', 22, 1],
      ['stop', 400, 49, 'already-done', 32, 1],
      ['acquire', 200, null, 'success', 14, 1],
      ['start', 200, null, 'success', 19, 1],
      ['query', null, null, 'success', 28, 1],
    ],
  },
  'cloudwatch-export.json': {
    exit: 1,
    rows: [
      ['start', 206, 65, 'retry then acquire-again', 20, 2],
      ['query', 429, 'API rate limit exceeded', 'retry then contact-support', 48, 1],
      ['acquire', 200, null, 'success', 13, 1],
      ['start', 200, null, 'success', 41, 1],
    ],
  },
  'php-error-log.log': {
    exit: 1,
    rows: [
      ['acquire', 401, 'Invalid authentication credentials', 'fix-credentials', 18, 1],
      ['start', 400, 109, 'fix-request', 9, 1],
      ['acquire', 200, null, 'success', 2, 1],
      ['query', 200, null, 'success', 23, 1],
      ['stop', 206, 435, 'success', 39, 1],
    ],
  },
  'ktor-crlf.log': {
    exit: 0,
    rows: [
      ['start', 201, 7, 'already-done', 24, 1],
      ['acquire', 200, null, 'success', 6, 1],
      ['start', 200, null, 'success', 17, 1],
      ['stop', 206, 435, 'success', 38, 1],
    ],
  },
};

describe('ten more blind logs: what each X.expected.md says', () => {
  blindRound(blind, EXPECTED);

  it('the waits the sources give: 65 on start 3 s then 6 s; 429 and 5xx 1, 3, 6 s', async () => {
    const cloudwatch = await findingsOf('cloudwatch-export.json');
    expect(cloudwatch.findings[0].outcome.delaysMs).toEqual([3000, 6000]);
    expect(cloudwatch.findings[1].outcome.delaysMs).toEqual([1000, 3000, 6000]);
    const journald = await findingsOf('journald-node.log');
    expect(journald.findings.map((f) => f.outcome.delaysMs)).toContainEqual([1000, 3000, 6000]);
  });
});
