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
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explain, retryLabel } from '../../src/en.ts';
import { readResponses } from '../../src/response-text.ts';
import { blindLogs, findingRow as row, findingsOf as findingsOfFile, scan } from './scan-run.ts';

const blind = fileURLToPath(new URL('../fixtures/logs-blind/', import.meta.url));

const findingsOf = (name: string) => findingsOfFile(join(blind, name));

describe('the blind logs: what each X.expected.md says', () => {
  it('every blind log has its expectations', () => {
    const files = readdirSync(blind);
    const logs = blindLogs(blind);
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
    // The 504 on `stop` was retried and the same `stop` succeeded: settled, which is what its next step says now; the
    // retry it called for (the same resource ID) stays in its outcome.
    expect(findings[1].next).toMatch(/settled: the same `stop` succeeded later/);
    expect(findings[1]).toMatchObject({ outcome: { kind: 'retry', sameResourceId: true } });
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
    ]);
    // The second `stop` (line 35) found the task the first one (435, lines 26–27) had ended: expected, nothing to act on.
    expect(requests.findings.find((f) => f.first.line === 35)).toMatchObject({ needsAction: false, afterStop: { line: 26 }, outcome: { kind: 'gone' } });
    const chinese = await findingsOf('chinese-service.log');
    expect(chinese.findings.filter((f) => f.needsAction).map((f) => [f.status ?? null, f.code ?? null, f.outcome.kind, f.first.line])).toEqual([
      [400, 401, 'fix-request', 3],
      [400, 2, 'fix-request', 6],
      [null, null, 'fix-request', 10],
      [null, 1003, 'fix-request', 36],
      [null, null, 'gone', 27],
      [500, 504, 'retry', 32],
    ]);
    // The query 404 on line 30 comes after the log's own `stop` of that task (line 29): gone, as expected.
    expect(chinese.findings.find((f) => f.first.line === 30)).toMatchObject({ needsAction: false, afterStop: { line: 29 }, outcome: { kind: 'gone' } });
  });
});

const URL_OF = {
  acquire: 'https://api.sd-rtn.com/v1/apps/7d1e/cloud_recording/acquire',
  start: 'https://api.sd-rtn.com/v1/apps/7d1e/cloud_recording/resourceid/R1/mode/individual/start',
  query: 'https://api.sd-rtn.com/v1/apps/7d1e/cloud_recording/resourceid/R1/sid/S1/mode/individual/query',
  stop: 'https://api.sd-rtn.com/v1/apps/7d1e/cloud_recording/resourceid/R1/sid/S1/mode/individual/stop',
  update: 'https://api.sd-rtn.com/v1/apps/7d1e/cloud_recording/resourceid/R1/sid/S1/mode/mix/update',
};
const shape = (text: string) => readResponses(text).map((f) => [f.method ?? null, f.status ?? null, (f.body as { code?: number } | undefined)?.code ?? null, f.line, f.endLine]);

describe('a request or a note is not a response', () => {
  it('records with a method or an operation and neither a status nor a body are left alone', () => {
    const log = [
      `{"event":"outbound call","action":"query","endpoint":"${URL_OF.query}"}`,
      `{"severity":"INFO","operation":"stop","note":"will retry","waitMs":3000}`,
      `{"api":"acquire"}`,
      `time=2025-01-01T00:00:00Z level=info msg="calling agora" method=start`,
    ].join('\n');
    expect(readResponses(log)).toEqual([]);
  });
  it('the same record with a status is a response', () => {
    expect(shape(`{"event":"done","action":"query","httpStatus":404,"endpoint":"${URL_OF.query}"}`)).toEqual([['query', 404, null, 1, 1]]);
  });
  it('scan says nothing of a log of requests, and exits 0', async () => {
    const r = await scan([], `{"op":"stop"}\n{"method":"start","url":"${URL_OF.start}"}\n`);
    expect(r).toMatchObject({ status: 0, stdout: 'No Cloud Recording response in 2 lines.\n' });
  });
  it('a response that says nothing decidable is headed "Not enough to decide", never "Contact support"', async () => {
    const r = await scan([], '{"code":4343,"reason":"something new"}\n');
    expect(r.stdout).toMatch(/^✗ Not enough to decide/m);
    expect(r.stdout).not.toMatch(/Contact support/);
    const zh = await scan(['--lang', 'zh'], '{"code":4343,"reason":"something new"}\n');
    expect(zh.stdout).toMatch(/^✗ 信息不足，无法判断/m);
  });
});

describe("Node's printed errors (util.inspect) are read", () => {
  it('a got-style HTTPError over many lines: class names, URL objects, symbol keys, placeholders; the method from the URL', () => {
    const log = [
      'HTTPError: Response code 400 (Bad Request)',
      '    at Request.<anonymous> (file:///srv/node_modules/got/dist/source/as-promise/index.js:118:42)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5) {',
      "  input: undefined,",
      "  code: 'ERR_NON_2XX_3XX_RESPONSE',",
      '  options: Options {',
      `    url: URL { href: '${URL_OF.update}', protocol: 'https:' },`,
      "    method: 'POST',",
      '    hooks: { beforeRequest: [ [AsyncFunction: sign] ], afterResponse: [] },',
      '    agent: [Object: null prototype] {},',
      '    [Symbol(kCapture)]: false',
      '  },',
      '  response: <ref *1> IncomingMessage {',
      '    statusCode: 400,',
      "    rawBody: <Buffer 7b 22 63 6f 64 65 22 3a 32 7d>,",
      "    body: { code: 2, reason: 'update: invalid streamSubscribe' },",
      '    req: [ClientRequest],',
      '    [Symbol(kHeaders)]: { server: \'kong\' }',
      '  },',
      '  timings: [Object]',
      '}',
    ].join('\n');
    expect(shape(log)).toEqual([['update', 400, 2, 1, 21]]);
  });
});

describe('a status and its body logged apart are one response', () => {
  it("an HTTP client's status line, then the app's line with the body", () => {
    const log = `2025-01-01 10:00:00 INFO reqwest: HTTP Request: GET ${URL_OF.query} "HTTP/2 404 Not Found"\n2025-01-01 10:00:00 WARN app: body {"code":404,"reason":"failed to find worker"}`;
    expect(shape(log)).toEqual([['query', 404, 404, 1, 2]]);
  });
  it('a status, a Python traceback, the same status again, then the body: one response', () => {
    const log = [
      `aiohttp.client_exceptions.ClientResponseError: 400, message='Bad Request', url=URL('${URL_OF.stop}')`,
      'Traceback (most recent call last):',
      '  File "/srv/app/rec.py", line 12, in stop',
      '    resp.raise_for_status()',
      '  File "/srv/app/client.py", line 40, in raise_for_status',
      '    raise ClientResponseError(...)',
      `aiohttp.client_exceptions.ClientResponseError: 400, message='Bad Request', url=URL('${URL_OF.stop}')`,
      "ERROR rec: stop body {'code': 49, 'reason': 'invalid operation'}",
    ].join('\n');
    expect(shape(log)).toEqual([['stop', 400, 49, 1, 8]]);
  });
  it('two retries of one call, each a status line without a body, stay two responses', () => {
    const log = `INFO httpx: HTTP Request: POST ${URL_OF.start} "HTTP/1.1 504 Gateway Timeout"\nINFO httpx: HTTP Request: POST ${URL_OF.start} "HTTP/1.1 504 Gateway Timeout"`;
    expect(shape(log)).toEqual([
      ['start', 504, null, 1, 1],
      ['start', 504, null, 2, 2],
    ]);
  });
  it('the same response printed again right after keeps the method of the request before it', () => {
    const log = [
      `POST ${URL_OF.update}`,
      'ERROR c.e.Rec : failed: org.springframework.web.client.HttpClientErrorException$BadRequest: 400 Bad Request: "{"code":2,"reason":"invalid audioUidList"}"',
      'org.springframework.web.client.HttpClientErrorException$BadRequest: 400 Bad Request: "{"code":2,"reason":"invalid audioUidList"}"',
    ].join('\n');
    expect(readResponses(log).map((f) => [f.method, f.status, f.methodLine])).toEqual([
      ['update', 400, 1],
      ['update', 400, 1],
    ]);
  });
  it('a log message naming a method\'s result names the body that follows, over an answered request line', () => {
    const log = [`DEBUG POST ${URL_OF.start}`, 'INFO start answered {"code":0,"sid":"S1","resourceId":"R1"}', 'INFO msg="stop response" trace=ab12', '{', '  "code": 435,', '  "reason": "no recorded data"', '}'].join('\n');
    expect(readResponses(log).map((f) => [f.method, f.line])).toEqual([
      ['start', 2],
      ['stop', 4],
    ]);
  });
  it("a body cut inside a string ends on its line, not on the log's next record", () => {
    const log = [
      `[2025-01-01 10:00:00] app.ERROR: Server error: \`POST ${URL_OF.start}\` resulted in a \`500 Internal Server Error\` response:`,
      '{"code":62,"reason":"request time (truncated...)',
      ' {"tenant":7,"exception":"[object] (ServerException(code: 500))"}',
    ].join('\n');
    expect(shape(log)).toEqual([['start', 500, 62, 1, 2]]);
  });
});

describe("curl's verb wherever the command has it", () => {
  it('-X after other flags, combined short flags, --request, data flags', () => {
    const verbOf = (cmd: string) => readResponses(`$ ${cmd}\nHTTP/1.1 404 Not Found\n\n{"message":"no Route matched with those values"}`)[0]?.verb;
    expect(verbOf(`curl -s -u "$K:$S" -X POST "${URL_OF.query}"`)).toBe('POST');
    expect(verbOf(`curl -sSX PUT -H 'Accept: application/json' '${URL_OF.query}'`)).toBe('PUT');
    expect(verbOf(`curl --silent --request DELETE -u k:s ${URL_OF.query}`)).toBe('DELETE');
    expect(verbOf(`curl -s -H "Content-Type: application/json" --data-raw '{"cname":"c"}' "${URL_OF.query}"`)).toBe('POST');
    expect(verbOf(`curl -s "${URL_OF.query}"`)).toBeUndefined();
  });
});

describe('a finding says each thing once, and its heading agrees with its next step', () => {
  it('a status whose body codes call for different steps lists each code once, by step, after the step of the status alone', () => {
    // 206 on `stop` calls for nothing by the status alone: that is not said as a step (its codes are listed alone).
    expect(explain({ status: 206, method: 'stop' }).next).toMatch(/^The status alone does not tell which case this is; the body `code` does, and each has its own step \(65: Retry \(1 s, 3 s, 6 s\); 435: Nothing to do\)\.$/);
    for (const input of [{ status: 400 }, { status: 400, method: 'acquire' as const }, { status: 404, method: 'query' as const }]) {
      const d = explain(input);
      const list = /\((?:by the status alone: ([^)]*))\)[^(]*\((.*)\)\.$/.exec(d.next);
      expect(list, JSON.stringify(input)).not.toBeNull();
      // What the heading says (the step for the status alone) is what the next step names.
      expect(list![1]).toBe(retryLabel(d.retry));
      const codes = list![2].split('; ').flatMap((group) => group.replace(/: [^:]*$/, '').split(', '));
      expect(new Set(codes).size, d.next).toBe(codes.length);
    }
    expect(explain({ status: 404, method: 'query' }).next).toMatch(/^The status alone does not tell which case this is \(by the status alone: Task gone\)/);
  });
  it("advice of ours that the next step already says is not said again", async () => {
    const r = await scan([], `{"method":"stop","status":200,"body":{"resourceId":"R1","sid":"S1","serverResponse":{"uploadingStatus":"backuped"}}}\n`);
    const next = /Next: (.*)/.exec(r.stdout)![1];
    expect(r.stdout.split(next).length - 1).toBe(1);
    expect(r.stdout).toMatch(/! The next step is our advice\./);
  });
});

describe('a line cut at 64 KB is said', () => {
  it('the response after the cut is not seen, and the output says which line was cut', async () => {
    const log = `{"pad":"${'x'.repeat(70_000)}","status":400,"code":433}\n{"status":206,"method":"stop","body":{"code":65,"reason":"request not completed"}}\n`;
    const r = await scan([], log);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      '1 Cloud Recording response in 2 lines: 1 finding, it needs action.',
      '! 1 line is longer than 64 KB (the first: line 1): only the first 64 KB of each were read; a response after that was not seen.',
    ]);
    expect((await scan(['--json'], log)).json().cutLines).toEqual({ count: 1, first: { line: 1 } });
    expect((await scan([], `${'y'.repeat(70_000)}\n`)).stdout).toMatch(/^No Cloud Recording response in 1 line\.\n! 1 line is longer than 64 KB/);
  });
  it('a missing file among valid ones stops the scan before any output (exit 2, the name said)', async () => {
    const r = await scan([join(blind, 'go-zap.jsonl'), join(blind, 'no-such.log')]);
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toMatch(/cannot read ".*no-such\.log": no such file/);
  });
});
