/**
 * `agora-rec-codes scan` on ten more logs written blind by a tester from the sources, in shapes the first
 * two rounds lacked (test/fixtures/logs-blind-third/: each log with its X.expected.md, written before anything
 * was run): Android logcat with Retrofit and OkHttp, iOS os_log, Deno's fetch, Java's HttpClient through
 * Logback's JSON encoder (a 75 KB line), NestJS with terminal colours, Serilog's compact JSON with Polly,
 * Rails with lograge and HTTParty, an AWS Lambda tail, Fluent Bit records of Envoy and an app, an Aliyun
 * SLS CSV export half in Chinese. Two of the ten held on the first run; the rest led to fixes of classes in
 * the paste reader, each also tested with other inputs in response-text.test.ts. Each row: method, HTTP
 * status, body code or message, outcome (and what after the retries), first line, count; where
 * X.expected.md accepts more than one reading, the row is the one scan gives.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blindRound, type FindingRow, findingsOf, scan } from './scan-run.ts';

const blind = fileURLToPath(new URL('../fixtures/logs-blind-third/', import.meta.url));

/** What each X.expected.md asks for: the findings, worst first, and the exit status. */
const EXPECTED: Record<string, { exit: number; rows: FindingRow[] }> = {
  'android-logcat.log': {
    exit: 1,
    rows: [
      ['query', 200, null, 'undecided', 130, 1],
      ['start', 400, 53, 'fix-request', 75, 1],
      ['updateLayout', 400, 1028, 'fix-request', 121, 1],
      ['start', 502, null, 'retry', 26, 1],
      ['start', 201, 7, 'already-done', 52, 1],
      ['acquire', 200, null, 'success', 15, 3],
      ['query', 200, null, 'success', 138, 2],
      ['start', 200, null, 'success', 104, 1],
      ['stop', 200, null, 'success', 156, 1],
    ],
  },
  'deno-fetch.log': {
    exit: 1,
    rows: [
      ['query', 200, null, 'fix-request', 12, 1],
      ['query', 504, 62, 'retry', 15, 1],
      ['stop', 206, 65, 'retry', 23, 1],
      ['stop', 400, 49, 'already-done', 48, 1],
      ['query', 200, null, 'success', 9, 3],
      ['acquire', 200, null, 'success', 5, 1],
      ['start', 200, null, 'success', 7, 1],
      ['query', 200, null, 'success', 8, 1],
      ['update', 200, null, 'success', 14, 1],
      ['stop', 200, null, 'success', 46, 1],
    ],
  },
  'envoy-fluentbit.log': {
    exit: 1,
    rows: [
      ['query', 404, 'no Route matched with those values', 'fix-request', 23, 1],
      ['start', 206, null, 'retry then acquire-again', 17, 1],
      ['stop', 503, null, 'retry', 30, 1],
      ['acquire', 200, null, 'success', 14, 1],
      ['start', 200, null, 'success', 19, 1],
      ['stop', 206, 435, 'success', 35, 1],
    ],
  },
  'ios-oslog.log': {
    exit: 1,
    rows: [
      ['stop', 206, null, 'undecided', 40, 1],
      // Swift's dump of the HTTPURLResponse (line 6), its headers over the lines after it, then the body (line 23): one response.
      ['acquire', 401, 'Invalid authentication credentials', 'fix-credentials', 6, 1],
      ['query', 404, 404, 'gone', 44, 1],
      ['stop', 400, 49, 'already-done', 42, 1],
      ['query', 200, null, 'success', 32, 3],
      ['acquire', 200, null, 'success', 26, 1],
      ['start', 200, null, 'success', 28, 1],
    ],
  },
  'lambda-report.log': {
    exit: 1,
    rows: [
      [null, null, 62, 'undecided', 38, 1],
      ['query', 200, null, 'gone', 26, 1],
      ['query', 404, 404, 'gone', 31, 1],
      ['acquire', 200, null, 'success', 5, 2],
      ['start', 200, null, 'success', 6, 1],
      ['query', 200, null, 'success', 11, 1],
      ['stop', 200, null, 'success', 21, 1],
    ],
  },
  'nestjs-ansi.log': {
    exit: 1,
    rows: [
      ['query', 401, 'Unauthorized', 'fix-credentials', 38, 1],
      ['query', 404, 404, 'gone', 60, 1],
      ['start', 400, 433, 'acquire-again', 12, 1],
      ['update', 206, null, 'retry', 54, 1],
      ['query', 200, null, 'in-progress', 33, 1],
      ['query', 200, null, 'success', 34, 3],
      ['acquire', 200, null, 'success', 10, 2],
      ['start', 200, null, 'success', 31, 1],
      ['updateLayout', 200, null, 'success', 55, 1],
      ['stop', 200, null, 'success', 57, 1],
    ],
  },
  'rails-lograge.log': {
    exit: 0,
    rows: [
      ['start', 201, 7, 'already-done', 55, 2],
      ['stop', 400, 49, 'already-done', 100, 1],
      ['query', 200, null, 'success', 63, 3],
      ['acquire', 200, null, 'success', 21, 1],
      ['start', 200, null, 'success', 34, 1],
      ['stop', 200, null, 'success', 86, 1],
    ],
  },
  'java-httpclient-logback.jsonl': {
    exit: 1,
    rows: [
      ['query', 200, null, 'contact-support', 17, 1],
      ['start', 206, 65, 'retry then acquire-again', 9, 2],
      ['acquire', 400, 406, 'retry then contact-support', 6, 1],
      ['stop', 504, 62, 'retry', 23, 1],
      ['query', 200, null, 'success', 14, 3],
      ['acquire', 200, null, 'success', 8, 1],
      ['start', 200, null, 'success', 13, 1],
      ['update', 200, null, 'success', 20, 1],
      ['updateLayout', 200, null, 'success', 21, 1],
      ['stop', 200, null, 'success', 25, 1],
    ],
  },
  'serilog-clef.jsonl': {
    exit: 1,
    rows: [
      ['query', 200, null, 'undecided', 13, 1],
      ['query', 200, null, 'acquire-again', 20, 1],
      ['acquire', 429, 'API rate limit exceeded', 'retry then contact-support', 4, 1],
      ['query', 200, null, 'in-progress', 9, 1],
      ['acquire', 200, null, 'success', 7, 2],
      ['start', 200, null, 'success', 8, 2],
      ['query', 200, null, 'success', 10, 2],
      ['stop', null, 435, 'success', 14, 1],
    ],
  },
  'sls-export-zh.csv': {
    exit: 1,
    rows: [
      ['acquire', 400, 62, 'fix-account', 20, 1],
      ['update', 400, 2, 'fix-request', 22, 1],
      ['query', null, 501, 'gone', 3, 1],
      ['start', 500, 62, 'retry then acquire-again', 30, 1],
      ['stop', 400, 49, 'already-done', 4, 1],
      ['query', 200, null, 'success', 24, 4],
      ['stop', 200, null, 'success', 13, 1],
      ['updateLayout', 200, null, 'success', 21, 1],
      ['start', 200, null, 'success', 28, 1],
      ['acquire', 200, null, 'success', 32, 1],
    ],
  },
};

describe('ten more blind logs (a third round): what each X.expected.md says', () => {
  blindRound(blind, EXPECTED);

  it('the 75 KB line is read from its first 64 KB, and the output says one line was cut', async () => {
    const r = await scan([join(blind, 'java-httpclient-logback.jsonl'), '--json']);
    expect(r.json().cutLines).toEqual({ count: 1, first: { file: join(blind, 'java-httpclient-logback.jsonl'), line: 23 } });
  });

  it('the waits the sources give: 65 on stop 1, 3, 6 s with the same resource ID; on start 3 s, 6 s, then acquire again', async () => {
    const deno = await findingsOf(join(blind, 'deno-fetch.log'));
    expect(deno.findings.find((f) => f.method === 'stop' && f.code === 65)?.outcome).toMatchObject({ kind: 'retry', delaysMs: [1000, 3000, 6000] });
    const java = await findingsOf(join(blind, 'java-httpclient-logback.jsonl'));
    expect(java.findings.find((f) => f.method === 'start' && f.code === 65)?.outcome).toMatchObject({ kind: 'retry', delaysMs: [3000, 6000], then: 'acquire-again' });
  });
});
