/**
 * Reading what people paste: a body, half a body, a whole HTTP response, curl
 * output, log lines of every common shape. Each response found is an input for
 * explain() with the line numbers it came from.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLooseValue } from '../../src/loose-value.ts';
import { looksLikeResponse, methodInText, methodOfQuestion, readResponses, ResponseReader } from '../../src/response-text.ts';

const log = (name: string) => readFileSync(new URL(`../fixtures/logs/${name}`, import.meta.url), 'utf8');
const one = (text: string) => {
  const found = readResponses(text);
  expect(found, text).toHaveLength(1);
  return found[0];
};

describe('a body pasted alone', () => {
  it('reads a JSON body', () => {
    expect(one('{"code":65,"reason":"request not completed"}')).toEqual({ body: { code: 65, reason: 'request not completed' }, line: 1, endLine: 1, evidence: 'body' });
  });
  it('reads a body printed over several lines', () => {
    const found = one('\n{\n  "code": 433,\n  "reason": "resource expired"\n}\n');
    expect(found).toMatchObject({ body: { code: 433, reason: 'resource expired' }, line: 2, endLine: 5 });
  });
  it('reads a gateway body and a success body', () => {
    expect(one('{"message":"Invalid authentication credentials"}').body).toEqual({ message: 'Invalid authentication credentials' });
    expect(one('{"message":"no Route matched with those values","request_id":"9f1c"}').body).toMatchObject({ message: 'no Route matched with those values' });
    expect(one('{"cname":"room-7","uid":"100","resourceId":"Xq1"}').body).toMatchObject({ resourceId: 'Xq1' });
  });
  it('keeps what comes before the cut of half a body, and drops a number cut short', () => {
    expect(one('{"code":65,"reason":"request not compl')).toMatchObject({ body: { code: 65 }, partial: true });
    expect(one('{"cname":"c","code":404,"serverResponse":{"command":"StopCloudRecorder","payload":{"message":"failed to find')).toMatchObject({
      body: { code: 404, serverResponse: { command: 'StopCloudRecorder' } },
      method: 'stop',
      partial: true,
    });
    const cut = one('{"code":43');
    expect(cut).toMatchObject({ partial: true, body: {} });
  });
  it('reads a fragment copied without its braces', () => {
    expect(one('"code": 433, "reason": "resource expired",')).toMatchObject({ body: { code: 433, reason: 'resource expired' }, partial: true });
  });
  it('reads what Python and Node print for a body', () => {
    expect(one("{'code': 435, 'reason': 'no recorded data', 'ok': False, 'sid': None}").body).toEqual({ code: 435, reason: 'no recorded data', ok: false, sid: null });
    expect(one("{ code: 53, reason: 'task conflict', serverResponse: [Object] }").body).toEqual({ code: 53, reason: 'task conflict', serverResponse: null });
    expect(one("agora error {\n  code: 65,\n  reason: 'request not completed'\n}\nretrying").body).toEqual({ code: 65, reason: 'request not completed' });
  });
  it('reads a body escaped inside a JSON string', () => {
    expect(one('{"msg":"agora response","status":206,"body":"{\\"code\\":65,\\"reason\\":\\"request not completed\\"}"}')).toMatchObject({
      status: 206,
      body: { code: 65, reason: 'request not completed' },
    });
  });
});

describe('a body cut short says where it was cut, and scan reads it there', () => {
  it('cut after serverResponse ended: every state was read; cut inside it: not', async () => {
    const whole = '{"cname":"hall","resourceId":"R9","sid":"S9","serverResponse":{"status":5,"fileList":[],"sliceStartTime":1764662400},"uid":"77"}';
    const after = readResponses(`query -> 200 ${whole.slice(0, whole.indexOf(',"uid"') + 4)}`)[0];
    expect(after).toMatchObject({ partial: true, cut: '' });
    const inside = readResponses(`query -> 200 ${whole.slice(0, whole.indexOf('"sliceStartTime"') + 10)}`)[0];
    expect(inside.cut).toMatch(/^serverResponse/);
    const { runScan } = await import('../../src/scan.ts');
    const kinds: string[] = [];
    for (const line of [`query -> 200 ${whole.slice(0, whole.indexOf(',"uid"') + 4)}`, `query -> 200 ${whole.slice(0, whole.indexOf('"sliceStartTime"') + 10)}`]) {
      let out = '';
      await runScan(['--json'], { env: {}, color: false, stdout: (t) => (out += t), stderr: () => {}, stdin: { stream: (async function* () { yield Buffer.from(`${line}\n`); })() } });
      kinds.push(JSON.parse(out).findings[0].outcome.kind);
    }
    expect(kinds).toEqual(['success', 'undecided']);
  });
});

describe('a line that mentions another URL is no request to it', () => {
  it('a storage or webhook URL logged between a request and its answer does not hide the answer', () => {
    const lines = [
      '2026-12-02 11:00:00 INFO POST https://api.sd-rtn.com/v1/apps/abc/cloud_recording/acquire',
      '2026-12-02 11:00:00 DEBUG snapshot bucket url: https://files.example.com/snaps/2026/12/02/',
      '2026-12-02 11:00:01 WARN reply {"code":2,"reason":"Acquire: invalid resourceExpiredHour value!"}',
    ];
    expect(readResponses(lines.join('\n'))).toMatchObject([{ method: 'acquire', body: { code: 2 }, line: 3 }]);
    // A request to it, with a verb or a status beside the URL, still is one (its answer is not ours).
    expect(readResponses('POST https://hooks.example.com/rec/notify -> 401 {"message":"Invalid authentication credentials"}')).toEqual([]);
  });
});

describe('a whole HTTP response', () => {
  it('reads curl -i: the method from the URL of the command, the status line, the headers and the body', () => {
    expect(one(log('curl-i.txt'))).toEqual({
      method: 'start',
      methodLine: 1,
      // The task its URL names.
      resourceId: 'JyvK8nXFW7Hd0W1wsxNvEbcvMRU_jQ0hgqRDqM7O',
      verb: 'POST',
      status: 206,
      headers: {
        date: 'Wed, 01 May 2024 10:00:14 GMT',
        'content-type': 'application/json; charset=utf-8',
        'content-length': '44',
        connection: 'keep-alive',
        'x-request-id': '3f0c1d2e9b',
      },
      body: { code: 65, reason: 'request not completed' },
      line: 2,
      endLine: 9,
      evidence: 'status-line',
    });
  });
  it('reads curl -v: the method from the request line, response headers only (no Authorization)', () => {
    const found = one(log('curl-v.txt'));
    expect(found).toMatchObject({ method: 'acquire', methodLine: 6, status: 400, body: { code: 62 }, line: 14, endLine: 19 });
    expect(JSON.stringify(found)).not.toMatch(/Basic|authorization/i);
  });
  it('keeps Retry-After', () => {
    expect(one('HTTP/1.1 429 Too Many Requests\nRetry-After: 2\n\n{"message":"API rate limit exceeded"}').headers).toEqual({ 'retry-after': '2' });
  });
  it('reads an HTML page from a proxy as the body, with its status', () => {
    const found = one('HTTP/1.1 504 Gateway Time-out\r\nServer: nginx\r\nContent-Type: text/html\r\n\r\n<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n</body>\r\n</html>\r\n');
    expect(found).toMatchObject({ status: 504, line: 1, endLine: 9 });
    expect(found.body).toMatch(/^<html>/);
    expect(one('<html><head><title>502 Bad Gateway</title></head><body></body></html>')).toMatchObject({ status: 502 });
  });
  it('reads a plain-text body', () => {
    expect(one('HTTP/1.1 504 Gateway Timeout\ncontent-type: text/plain\n\nupstream request timeout')).toMatchObject({ status: 504, body: 'upstream request timeout' });
  });
  it('reads a status line without a body', () => {
    expect(one('HTTP/2 502\n\n')).toMatchObject({ status: 502, line: 1, endLine: 1 });
  });
});

describe('what a client prints between a status and its body is no body', () => {
  const URL_START = 'https://api.sd-rtn.com/v1/apps/app1/cloud_recording/resourceid/Rk2/mode/individual/start';
  it('curl --raw: the chunk sizes around a chunked body', () => {
    const text = ['> POST /v1/apps/app1/cloud_recording/resourceid/Rk2/mode/individual/start HTTP/1.1', '> Host: api.sd-rtn.com', '>', '< HTTP/1.1 200 OK', '< Transfer-Encoding: chunked', '<', '5a\r', '{"cname":"lab-3","uid":"18","resourceId":"Rk2","sid":"Sk2"}\r', '0\r', ''].join('\n');
    expect(one(text)).toMatchObject({ method: 'start', status: 200, body: { sid: 'Sk2' } });
  });
  it('Ktor\'s logging: METHOD, FROM (its URL names the call), COMMON HEADERS, BODY START … BODY END', () => {
    const text = ['RESPONSE: 206 Partial Content', 'METHOD: HttpMethod(value=POST)', `FROM: ${URL_START.replace('start', 'stop').replace('/mode', '/sid/Sk2/mode')}`, 'COMMON HEADERS', '-> content-type: application/json', 'BODY Content-Type: application/json', 'BODY START', '{"cname":"lab-3","code":435,"reason":"no recorded data"}', 'BODY END'].join('\n');
    expect(one(text)).toMatchObject({ method: 'stop', status: 206, body: { code: 435 } });
  });
  it('a traceback after the status: the body the app logs after it answers the same request', () => {
    const text = [`INFO httpx: HTTP Request: POST ${URL_START} "HTTP/1.1 400 Bad Request"`, 'Traceback (most recent call last):', '  File "/srv/rec.py", line 41, in start', '    r.raise_for_status()', 'httpx.HTTPStatusError: Client error \'400 Bad Request\'', 'ERROR rec: body={"code":53,"reason":"task conflict"}'].join('\n');
    expect(one(text)).toMatchObject({ method: 'start', status: 400, body: { code: 53 } });
  });
  it('.NET: the body on a line of its own name after the braced headers', () => {
    const text = [`      POST ${URL_START.replace('resourceid/Rk2/mode/individual/start', 'acquire')} -> StatusCode: 400, ReasonPhrase: 'Bad Request', Version: 1.1, Content: System.Net.Http.HttpConnectionResponseContent, Headers:`, '      {', '        Content-Type: application/json', '      }', '      Body: {"code":401,"reason":"invalid_channel_name"}'].join('\n');
    expect(one(text)).toMatchObject({ method: 'acquire', status: 400, body: { code: 401 } });
  });
  it('a Chinese log line with its keys in Chinese: the code, the reason, the status and the one method it names', () => {
    expect(one('2026-03-01 09:00:01 ERROR [rec] 调用 start 接口失败 错误码:53 错误原因:task conflict 返回:400')).toMatchObject({ method: 'start', status: 400, body: { code: 53, reason: 'task conflict' } });
  });
  it('a HAR entry whose body Firefox saved as base64', () => {
    const body = Buffer.from('{"code":65,"reason":"request not completed"}').toString('base64');
    const har = JSON.stringify({ log: { entries: [{ request: { method: 'POST', url: URL_START }, response: { status: 206, content: { mimeType: 'application/json', text: body, encoding: 'base64' } } }] } }, null, 2);
    expect(one(har)).toMatchObject({ method: 'start', status: 206, body: { code: 65 } });
  });
});

describe('curl -v as a terminal shows it: one response, whatever curl writes around it', () => {
  const request = [
    '*   Trying 120.92.10.33:443...',
    '* Connected to api.sd-rtn.com (120.92.10.33) port 443 (#0)',
    '> POST /v1/apps/0123456789abcdef/cloud_recording/resourceid/JyvK8nVRrc/mode/mix/start HTTP/1.1',
    '> Host: api.sd-rtn.com',
    '> Authorization: Basic c2VjcmV0OnNlY3JldA==',
    '> Content-Type: application/json;charset=utf-8',
    '>',
  ];
  const response = ['< HTTP/1.1 400 Bad Request', '< Content-Type: application/json', '< Content-Length: 50', '<'];
  const body = '{"code":62,"reason":"cloud recording not enabled"}';
  const intact = '* Connection #0 to host api.sd-rtn.com left intact';
  const expected = { method: 'start', methodLine: 3, status: 400, headers: { 'content-type': 'application/json', 'content-length': '50' }, body: { code: 62, reason: 'cloud recording not enabled' }, line: 9, evidence: 'status-line' };
  const pastes: [string, string[]][] = [
    ['with its data notes ({ [50 bytes data]) and the note after the body', [...request, '} [120 bytes data]', ...response, '{ [50 bytes data]', body, intact]],
    ['with "left intact" printed before the body (stderr before stdout)', [...request, '} [120 bytes data]', ...response, '{ [50 bytes data]', intact, body]],
    ['with "left intact" run on after the body (2>&1, no newline after the body)', [...request, ...response, '{ [50 bytes data]', `${body}${intact}`]],
    ['without data notes', [...request, ...response, body, intact]],
    ['with the progress meter of 2>&1 around it', [
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current',
      '                                 Dload  Upload   Total   Spent    Left  Speed',
      `  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0${request[0]}`,
      ...request.slice(1),
      '} [120 bytes data]',
      '* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):',
      '{ [57 bytes data]',
      ...response,
      '{ [50 bytes data]',
      '100   170  100    50  100   120    210    504 --:--:-- --:--:-- --:--:--   714',
      intact,
      body,
    ]],
    ['after an interim 100 Continue', [...request.slice(0, -1), '> Expect: 100-continue', '>', '< HTTP/1.1 100 Continue', '<', '} [120 bytes data]', '* We are completely uploaded and fine', ...response, body]],
  ];
  for (const [name, lines] of pastes) {
    it(name, () => {
      const found = one(lines.join('\n'));
      expect(found).toMatchObject({ ...expected, line: lines.findIndex((l) => l.startsWith('< HTTP/1.1 4')) + 1, methodLine: lines.findIndex((l) => l.startsWith('> POST')) + 1 });
      expect(found.endLine).toBe(lines.findIndex((l) => l.startsWith(body)) + 1);
      expect(JSON.stringify(found)).not.toMatch(/Basic|authorization/i);
    });
  }
  it('a body printed over several lines after the data note', () => {
    const found = one(['> GET /v1/apps/a/cloud_recording/resourceid/R/sid/S/mode/mix/query HTTP/2', '>', '< HTTP/2 404', '<', '{ [120 bytes data]', '{', '  "code": 404,', '  "reason": "failed to find worker"', '}', intact].join('\n'));
    expect(found).toMatchObject({ method: 'query', status: 404, body: { code: 404, reason: 'failed to find worker' }, line: 3, endLine: 9 });
  });
  it('curl -i and a pasted HTTP/2 response still read as before', () => {
    expect(one('HTTP/2 400\ncontent-type: application/json\n\n{"code":2,"reason":"Start: invalid clientRequest"}')).toMatchObject({ status: 400, body: { code: 2 }, headers: { 'content-type': 'application/json' } });
    expect(one('HTTP/1.1 206 Partial Content\r\nContent-Type: application/json\r\n\r\n{"code":435}\r\n')).toMatchObject({ status: 206, body: { code: 435 }, line: 1, endLine: 4 });
  });
});

describe('key=value logs: quoted values, their escapes undone', () => {
  it('logrus: body="{\\"code\\":49,…}" is the body, with the status and method of the line', () => {
    expect(one('time="2026-12-02T16:10:13+08:00" level=error msg="recording call failed" method=stop status=400 body="{\\"code\\":49,\\"reason\\":\\"invalid operation\\"}"')).toMatchObject({
      method: 'stop',
      status: 400,
      body: { code: 49, reason: 'invalid operation' },
      evidence: 'body',
    });
  });
  it('zap / slog with a URL, a single-quoted value, Go\'s %q in plain text', () => {
    expect(one(`level=warn msg="start failed" url=/v1/apps/x/cloud_recording/resourceid/r/mode/mix/start http_status=206 resp='{"code":65,"reason":"request not completed"}'`)).toMatchObject({
      method: 'start',
      status: 206,
      body: { code: 65 },
    });
    expect(one(`op=acquire status=401 resp='{"message":"Invalid authentication credentials"}'`)).toMatchObject({ method: 'acquire', status: 401, body: { message: 'Invalid authentication credentials' } });
    expect(one('level=error err="agora stop: status 400: {\\"code\\":49,\\"reason\\":\\"invalid operation\\"}" method=stop')).toMatchObject({ method: 'stop', status: 400, body: { code: 49 } });
    expect(one('a="x" b="{\\"code\\":435}" method=stop status=206')).toMatchObject({ method: 'stop', status: 206, body: { code: 435 } });
    expect(one('2026/12/02 16:10:13 agora query: status 404, body "{\\"code\\": 404, \\"reason\\": \\"failed to find worker\\"}" method=query')).toMatchObject({
      method: 'query',
      status: 404,
      body: { code: 404, reason: 'failed to find worker' },
    });
  });
  it('an escaped quote inside the body stays a quote', () => {
    expect(one('status=400 method=start body="{\\"code\\":2,\\"reason\\":\\"Start: invalid \\\\\\"token\\\\\\"\\"}"').body).toEqual({ code: 2, reason: 'Start: invalid "token"' });
  });
});

describe('an HTTP client\'s exception with the status and the body in its message', () => {
  it('Spring RestTemplate: an HTML page from a proxy, on one line (Spring 6 writes line breaks as <LF>)', () => {
    const found = one('2026-12-02 16:10:20.000 ERROR 4121 --- [exec-6] c.e.rec.AgoraClient : o.s.w.c.HttpServerErrorException$GatewayTimeout: 504 Gateway Time-out: "<html><body><h1>504 Gateway Time-out</h1>The server didn\'t respond in time.</body></html>"');
    expect(found).toMatchObject({ status: 504, line: 1, endLine: 1 });
    expect(found.body).toBe("<html><body><h1>504 Gateway Time-out</h1>The server didn't respond in time.</body></html>");
    const lf = one('org.springframework.web.client.HttpServerErrorException$BadGateway: 502 Bad Gateway: "<html><LF><head><title>502 Bad Gateway</title></head><LF></html><LF>"');
    expect(lf).toMatchObject({ status: 502, body: '<html> <head><title>502 Bad Gateway</title></head> </html>' });
    expect(one('org.springframework.web.client.HttpClientErrorException$BadRequest: 400 Bad Request: "{<LF>  "code": 433,<LF>  "reason": "resource expired"<LF>}"')).toMatchObject({ status: 400, body: { code: 433, reason: 'resource expired' } });
  });
  it('Spring 5 in brackets, a page over several lines, then the log goes on', () => {
    const found = readResponses(
      [
        'ERROR c.e.rec.AgoraClient - stop failed: org.springframework.web.client.HttpServerErrorException: 503 Service Unavailable: [<html>',
        '<head><title>503 Service Temporarily Unavailable</title></head>',
        '<body>',
        '2026-12-02 16:10:21.000  INFO 4121 --- [exec-7] c.e.rec.AgoraClient : retrying',
      ].join('\n'),
    );
    expect(found).toMatchObject([{ status: 503, line: 1, endLine: 3 }]);
  });
  it('a status whose reason phrase the reader does not list, a Feign exception with its URL', () => {
    expect(one('org.springframework.web.client.HttpClientErrorException$UnprocessableEntity: 422 Unprocessable Entity: "{"code":2,"reason":"invalid param"}"')).toMatchObject({ status: 422, body: { code: 2 } });
    expect(
      one('feign.FeignException$ServiceUnavailable: [503 Service Unavailable] during [POST] to [https://api.sd-rtn.com/v1/apps/a/cloud_recording/acquire] [AgoraClient#acquire(AcquireRequest)]: [<html><body><h1>503 Service Unavailable</h1></body></html>]'),
    ).toMatchObject({ method: 'acquire', status: 503, body: '<html><body><h1>503 Service Unavailable</h1></body></html>' });
    expect(one('feign.FeignException$BadRequest: [400 Bad Request] during [POST] to [https://api.sd-rtn.com/v1/apps/a/cloud_recording/resourceid/R/sid/S/mode/mix/stop] [AgoraClient#stop(String)]: [{"code":49,"reason":"invalid operation"}]')).toMatchObject({
      method: 'stop',
      status: 400,
      body: { code: 49 },
    });
  });
  it('an HTML page on a line without a status is not a response', () => {
    expect(readResponses('INFO rendered template: <html><body>Welcome</body></html>')).toEqual([]);
  });
});

describe('the method', () => {
  const urls: [string, string][] = [
    ['https://api.sd-rtn.com/v1/apps/6f1c/cloud_recording/acquire', 'acquire'],
    ['https://api.agora.io/v1/apps/6f1c/cloud_recording/resourceid/R1/mode/mix/start', 'start'],
    ['/v1/apps/6f1c/cloud_recording/resourceid/R1/sid/S1/mode/individual/query', 'query'],
    ['/v1/apps/6f1c/cloud_recording/resourceid/R1/sid/S1/mode/mix/update', 'update'],
    ['/v1/apps/6f1c/cloud_recording/resourceid/R1/sid/S1/mode/mix/updateLayout', 'updateLayout'],
    ['/v1/apps/6f1c/cloud_recording/resourceid/R1/sid/S1/mode/web/stop?x=1', 'stop'],
  ];
  for (const [url, method] of urls) it(`${method} from ${url}`, () => expect(methodInText(`POST ${url} HTTP/1.1`)).toBe(method));
  it('from a method field, not from an HTTP verb or another word', () => {
    expect(methodInText('method=start code=65')).toBe('start');
    expect(methodInText('{"api":"acquire"}')).toBe('acquire');
    expect(methodInText('"method":"POST" /v1/other/start')).toBeUndefined();
    expect(methodInText('restart the stopwatch')).toBeUndefined();
  });
  it('a request line gives its method to the next response only', () => {
    const found = readResponses('POST /v1/apps/x/cloud_recording/acquire\n{"code":2,"reason":"bad"}\n{"code":2,"reason":"bad"}');
    expect(found.map((f) => f.method)).toEqual(['acquire', undefined]);
  });
  it('the response’s own URL wins over an earlier request line', () => {
    const found = readResponses('GET /v1/apps/x/cloud_recording/resourceid/r/sid/s/mode/mix/query\nstatus=400 {"code":2,"reason":"x"} /v1/apps/x/cloud_recording/resourceid/r/sid/s/mode/mix/stop');
    expect(found).toMatchObject([{ method: 'stop', status: 400 }]);
  });
});

describe('logs as services write them', () => {
  it('JSON lines: status and body from the record, the method from its URL or the request before', () => {
    const found = readResponses(log('json-lines.log'));
    expect(found.map((f) => [f.line, f.method, f.status, (f.body as { code?: number }).code ?? (f.body as { message?: string }).message ?? 'ok'])).toEqual([
      [3, 'acquire', 200, 'ok'],
      [5, 'start', 206, 65],
      [6, 'start', 206, 65],
      [7, 'start', 200, 'ok'],
      [9, 'acquire', 401, 'Invalid authentication credentials'],
      [10, 'acquire', 401, 'Invalid authentication credentials'],
      [11, 'acquire', 401, 'Invalid authentication credentials'],
    ]);
  });
  it('plain text with JSON, a Python dict and a Node object over several lines in it', () => {
    const found = readResponses(log('plain-text.log'));
    expect(found.map((f) => [f.line, f.endLine, f.method, f.status, (f.body as { code: number }).code])).toEqual([
      [3, 3, 'acquire', 400, 2],
      [4, 4, 'start', 400, 53],
      [5, 5, 'stop', 206, 435],
      [6, 16, 'query', undefined, 404],
    ]);
  });
  it('access-log lines: Cloud Recording calls only', () => {
    const found = readResponses(log('nginx-access.log'));
    expect(found.map((f) => [f.line, f.method, f.status, f.evidence])).toEqual([
      [1, 'acquire', 200, 'access-log'],
      [3, 'start', 504, 'access-log'],
      [4, 'start', 200, 'access-log'],
      [5, 'query', 200, 'access-log'],
      [6, 'stop', 404, 'access-log'],
    ]);
  });
  it('a mixed log: syslog, JSON, pretty JSON, an access line, an HTML page from a proxy, half a body', () => {
    const found = readResponses(log('mixed.log'));
    expect(found.map((f) => [f.line, f.endLine, f.method, f.status, f.partial ?? false])).toEqual([
      [3, 3, 'acquire', 200, false],
      [4, 4, 'start', 400, false],
      [6, 16, 'query', undefined, false],
      [18, 18, 'query', 404, false],
      [20, 31, 'stop', 502, false],
      [33, 33, 'stop', undefined, false],
      [34, 34, undefined, undefined, true],
    ]);
    expect(found[2].body).toMatchObject({ serverResponse: { status: 20 } });
    expect(found[4].body).toMatch(/<title>502 Bad Gateway<\/title>/);
  });
  it('a status and a URL on one line, without a body', () => {
    expect(one('12:00:01 POST https://api.sd-rtn.com/v1/apps/x/cloud_recording/resourceid/r/mode/mix/start 206 (85 ms)')).toMatchObject({ method: 'start', status: 206 });
    expect(one('GET /v1/apps/x/cloud_recording/resourceid/r/sid/s/mode/mix/query -> 404 Not Found')).toMatchObject({ method: 'query', status: 404 });
    expect(one('{"level":"error","message":"Request failed with status code 429","status":429,"config":{"url":"https://api.sd-rtn.com/v1/apps/x/cloud_recording/acquire"}}')).toMatchObject({ method: 'acquire', status: 429 });
  });
  it('logfmt, a Python requests error, a Spring client error', () => {
    expect(one('time=2024-05-01T10:00:00Z level=error msg="agora start failed" status=400 code=53 reason="task conflict" url=/v1/apps/x/cloud_recording/resourceid/r/mode/mix/start')).toMatchObject({
      method: 'start',
      status: 400,
      body: { code: 53, reason: 'task conflict' },
    });
    expect(one('requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.sd-rtn.com/v1/apps/x/cloud_recording/acquire')).toEqual({
      method: 'acquire',
      status: 401,
      line: 1,
      endLine: 1,
      evidence: 'status-line',
    });
    expect(one('org.springframework.web.client.HttpClientErrorException$BadRequest: 400 Bad Request: "{"code":2,"reason":"Start: invalid clientRequest"}"')).toMatchObject({
      status: 400,
      body: { code: 2 },
    });
    expect(readResponses('level=info msg="listening" code=200\nexit code=1 after 3 tries')).toEqual([]);
  });

  it('a gateway message in plain text, but not a status line’s reason phrase', () => {
    expect(one('ERROR agora acquire: Invalid authentication credentials')).toMatchObject({ body: { message: 'Invalid authentication credentials' }, evidence: 'message' });
    expect(one('GET /v1/apps/x/cloud_recording/acquire -> 401 Unauthorized')).toEqual({ method: 'acquire', verb: 'GET', status: 401, line: 1, endLine: 1, evidence: 'status-line' });
    expect(readResponses('WARN Unauthorized access to /admin from 10.0.0.8')).toEqual([]);
  });
});

describe('a method named before its response: `method -> response`, `method: response`', () => {
  const cases: [string, string, Partial<ReturnType<typeof one>>][] = [
    ['Python logging, a dict after an arrow', "2026-12-02 16:10:11,201 INFO recorder.agora acquire -> {'cname': 'class_42', 'uid': '527841', 'resourceId': 'JyvK8n'}", { method: 'acquire', body: { cname: 'class_42', uid: '527841', resourceId: 'JyvK8n' } }],
    ['a resource ID alone (a body cut down by the log)', 'acquire -> {"resourceId":"JyvK8nXFW7Hd0W1w"}', { method: 'acquire', body: { resourceId: 'JyvK8nXFW7Hd0W1w' } }],
    ['a status between the arrow and the body', "2026-12-02 16:10:20,000 WARNING recorder stop -> 206 {'code': 435, 'reason': 'no recorded data'}", { method: 'stop', status: 206, body: { code: 435, reason: 'no recorded data' } }],
    ['a fat arrow and a Node object', "[2026-12-02T08:10:11.123Z] ERROR start => 400 { code: 53, reason: 'task conflict' }", { method: 'start', status: 400, body: { code: 53, reason: 'task conflict' } }],
    ['a colon and a status (Go)', '2026/12/02 16:10:12 query: 404 {"code":404,"reason":"failed to find worker"}', { method: 'query', status: 404, body: { code: 404 } }],
    ['in brackets, HTTP and the status', '2026-12-02 16:10:12.345  WARN 4121 --- [rec-1] c.e.Agora : [stop] HTTP 206 {"code":435}', { method: 'stop', status: 206, body: { code: 435 } }],
    ['a dotted name and "failed:"', 'ERROR recording.start failed: {"code":53,"reason":"task conflict"}', { method: 'start', body: { code: 53 } }],
    ['a call with its parentheses, a reason phrase before the body', 'agora.stop() -> 206 Partial Content {"code":435}', { method: 'stop', status: 206, body: { code: 435 } }],
    ['any case: updatelayout is updateLayout', 'UPDATELAYOUT -> 400 {"code":2,"reason":"invalid layoutConfig"}', { method: 'updateLayout', status: 400, body: { code: 2 } }],
    ['updatelayout in lower case', 'updatelayout: 400 {"code":2}', { method: 'updateLayout', status: 400 }],
    ['update is not updateLayout', 'update -> 200 {"resourceId":"r","sid":"s"}', { method: 'update', status: 200 }],
    ['a snake-case name with "recording"', 'stop_recording -> 206 {"code":435}', { method: 'stop', status: 206 }],
    ['a camel-case name', 'acquireResource -> {"cname":"c","uid":"1","resourceId":"r"}', { method: 'acquire' }],
    ['"start recording returned"', 'WARN start recording returned 400 Bad Request {"code":53}', { method: 'start', status: 400, body: { code: 53 } }],
    ['Ruby: the response object between the words and the body', 'E, [2026-12-02T16:10:12 #4121] ERROR -- : agora stop failed: #<Net::HTTPBadRequest 400 Bad Request readbody=true> {"code":49,"reason":"invalid operation"}', { method: 'stop', status: 400, body: { code: 49 } }],
    ['a gateway message after the words', 'ERROR acquire failed: Invalid authentication credentials', { method: 'acquire', body: { message: 'Invalid authentication credentials' }, evidence: 'message' }],
    ['a status alone after an arrow', 'INFO stop -> 404', { method: 'stop', status: 404, evidence: 'status-line' }],
    ['"returned" and a status with a colon after it', 'stop() returned 206: {"code":435}', { method: 'stop', status: 206, body: { code: 435 } }],
    ['a status and its reason phrase after a colon', 'query: 404 Not Found', { method: 'query', status: 404, evidence: 'status-line' }],
  ];
  for (const [name, text, expected] of cases) it(name, () => expect(one(text)).toMatchObject(expected));

  it('in Chinese: the method between Chinese words, full-width colon and comma, 状态码 after the body', () => {
    expect(one('2026-12-02 16:10:11 [ERROR] 录制 start 失败 -> 400 {"code":53}')).toMatchObject({ method: 'start', status: 400, body: { code: 53 } });
    expect(one('[2026-12-02 16:10:11] 启动录制失败 start 返回 HTTP 400，响应内容：{"code":1013,"reason":"频道名不合法"}')).toMatchObject({
      method: 'start',
      status: 400,
      body: { code: 1013, reason: '频道名不合法' },
    });
    expect(one('[2026-12-02 16:10:12] 查询录制状态 query 响应：{"resourceId":"x","sid":"y","serverResponse":{"status":5}}')).toMatchObject({ method: 'query' });
    expect(one('[2026-12-02 16:10:13] 调用 acquire 失败：{"message":"invalid appid"} 状态码 400')).toMatchObject({ method: 'acquire', status: 400, body: { message: 'invalid appid' } });
    expect(one('[2026-12-02 16:10:14] stop 成功 {"resourceId":"x","sid":"y","serverResponse":{"uploadingStatus":"uploaded"}}')).toMatchObject({ method: 'stop' });
  });

  it('the method of an arrow or colon that ends a line is the method of the body on the next line only', () => {
    const found = readResponses(['2026-12-02 10:00:02 INFO query returned:', '{"resourceId":"r","sid":"s","serverResponse":{"status":5}}', '{"code":2,"reason":"x"}'].join('\n'));
    expect(found.map((f) => [f.line, f.method, f.methodLine])).toEqual([
      [2, 'query', 1],
      [3, undefined, undefined],
    ]);
  });

  it('a Cloud Recording URL on the line wins over a word before it', () => {
    expect(one('stop -> 400 {"code":2} url=/v1/apps/a/cloud_recording/resourceid/r/mode/mix/start')).toMatchObject({ method: 'start', status: 400 });
  });

  it('a method word before an object that is no body does not make one', () => {
    expect(readResponses('query => {"status": 500, "rows": 0}\nstop: {"reason":"shutdown","signal":"SIGTERM"}')).toEqual([]);
  });
});

describe('a status where an app logs it beside the call: after the URL, or alone before the body', () => {
  it('right after a Cloud Recording URL, the body on the same line', () => {
    expect(one('2026-12-02 10:00:01 rec INFO GET https://api.agora.io/v1/apps/a1/cloud_recording/resourceid/R/sid/S/mode/individual/query 404 {"code":404,"reason":"failed to find worker"}')).toMatchObject({ method: 'query', status: 404, body: { code: 404 } });
    expect(one('[svc] POST "https://api.sd-rtn.com/v1/apps/a1/cloud_recording/resourceid/R/sid/S/mode/mix/stop" 206 {"code":435}')).toMatchObject({ method: 'stop', status: 206, body: { code: 435 } });
  });
  it('alone at the start of the line before the body, after the request line', () => {
    expect(one('POST https://api.sd-rtn.com/v1/apps/a1/cloud_recording/resourceid/R/sid/S/mode/mix/updateLayout\n400 {"code":1028}')).toMatchObject({ method: 'updateLayout', status: 400, body: { code: 1028 } });
  });
  it('not a number that is part of something else: a duration, a count, a size', () => {
    expect(one('GET https://api.agora.io/v1/apps/a1/cloud_recording/resourceid/R/sid/S/mode/mix/query 120.5ms {"resourceId":"R","sid":"S","serverResponse":{"status":5}}').status).toBeUndefined();
    expect(one('took 250 {"resourceId":"R","sid":"S","serverResponse":{"status":5}} after query').status).toBeUndefined();
  });
});

describe('a method named in a question in Chinese', () => {
  it('before the body, across Chinese punctuation', () => {
    expect(one('stop 又报错了！ {"code":49,"reason":"invalid operation"}')).toMatchObject({ method: 'stop', body: { code: 49 } });
    expect(one('update 之后返回这个，正常吗？ {"code":2}')).toMatchObject({ method: 'update', body: { code: 2 } });
  });
  it('the one method the question names is the paste\'s, wherever the body is', () => {
    expect(methodOfQuestion('updateLayout 调完以后一直这样，怎么回事\n\n{"code":1028}')).toBe('updateLayout');
    expect(methodOfQuestion('我们先 acquire 再调，结果：\n{"code":2}')).toBe('acquire');
  });
  it('none where it names two methods, none, or is not written in Chinese, or names one only inside a URL', () => {
    expect(methodOfQuestion('start 和 stop 都返回 {"code":2}')).toBeUndefined();
    expect(methodOfQuestion('返回 {"code":2}')).toBeUndefined();
    expect(methodOfQuestion('why does the recording stop? {"code":2}')).toBeUndefined();
    expect(methodOfQuestion('这个地址 https://api.sd-rtn.com/v1/apps/a/cloud_recording/acquire 返回 {"code":2}')).toBeUndefined();
  });
});

describe('a status on one line and its body on the next: one response', () => {
  const py = [
    '2026-12-02 16:10:12,500 ERROR recorder start failed',
    'Traceback (most recent call last):',
    '  File "/app/recorder.py", line 88, in start_recording',
    '    resp.raise_for_status()',
    'requests.exceptions.HTTPError: 400 Client Error: Bad Request for url: https://api.sd-rtn.com/v1/apps/abc/cloud_recording/resourceid/JyvK8n/mode/mix/start',
    '2026-12-02 16:10:12,501 ERROR recorder response body: {"code":53,"reason":"task conflict"}',
    '2026-12-02 16:10:13,000 INFO recorder retrying in 3 s',
  ];
  it('Python requests: the exception names status and URL, the next line the body', () => {
    expect(one(py.join('\n'))).toEqual({ method: 'start', resourceId: 'JyvK8n', status: 400, body: { code: 53, reason: 'task conflict' }, line: 5, endLine: 6, evidence: 'status-line' });
  });
  it('the same with CRLF line ends', () => {
    expect(one(py.join('\r\n'))).toMatchObject({ method: 'start', status: 400, body: { code: 53 }, line: 5, endLine: 6 });
  });
  it('the body up to three lines later, or starting there and printed over several lines', () => {
    const error = py[4];
    expect(one([error, '    at one', '    at two', 'body: {"code":53}'].join('\n'))).toMatchObject({ status: 400, body: { code: 53 }, line: 1, endLine: 4 });
    expect(one([error, 'response body:', '{', '  "code": 53,', '  "reason": "task conflict"', '}'].join('\n'))).toMatchObject({ method: 'start', status: 400, body: { code: 53 }, line: 1, endLine: 6 });
  });
  it('axios, Guzzle, a status after the method: each with the body logged after it', () => {
    expect(one("AxiosError: Request failed with status code 404\n    at settle (/app/node_modules/axios/dist/node/axios.cjs:1966:12)\nresponse.data: { code: 404, reason: 'failed to find worker' }")).toMatchObject({
      status: 404,
      body: { code: 404 },
      line: 1,
      endLine: 3,
    });
    expect(
      one('[2026-12-02 10:00:00] app.ERROR: Client error: `POST https://api.sd-rtn.com/v1/apps/a/cloud_recording/resourceid/r/mode/mix/start` resulted in a `400 Bad Request` response:\n{"code":53,"reason":"task conflict"}'),
    ).toMatchObject({ method: 'start', verb: 'POST', status: 400, body: { code: 53 }, line: 1, endLine: 2 });
    expect(one('ERROR c.e.Agora - stop -> 206\n{"code":435,"reason":"no recorded data"}')).toMatchObject({ method: 'stop', status: 206, body: { code: 435 }, line: 1, endLine: 2 });
    expect(
      one('2026-12-02 16:10:12.345 ERROR 4121 --- [exec-1] c.e.AgoraClient : start failed with HTTP 400\r\n2026-12-02 16:10:12.346 ERROR 4121 --- [exec-1] c.e.AgoraClient : response: {"code":53}\r\n'),
    ).toMatchObject({ method: 'start', status: 400, body: { code: 53 }, line: 1, endLine: 2 });
    expect(one('2026-12-02 16:10:12 [ERROR] 录制 start 请求失败，HTTP 状态码 400\n2026-12-02 16:10:12 [ERROR] 响应内容：{"code":53,"reason":"task conflict"}')).toMatchObject({
      method: 'start',
      status: 400,
      body: { code: 53 },
      line: 1,
      endLine: 2,
    });
  });
  it('an access-log line (urllib3) and the body the app logs after it', () => {
    const found = one(
      '2026-12-02 16:10:48,000 DEBUG urllib3.connectionpool https://api.sd-rtn.com:443 "GET /v1/apps/a/cloud_recording/resourceid/r/sid/s/mode/mix/query HTTP/1.1" 200 154\n2026-12-02 16:10:48,001 INFO query -> {\'resourceId\': \'r\', \'sid\': \'s\', \'serverResponse\': {\'status\': 5}}',
    );
    expect(found).toMatchObject({ method: 'query', verb: 'GET', status: 200, body: { serverResponse: { status: 5 } }, line: 1, endLine: 2 });
  });
  it('not paired: a body four lines later, a body with its own status, a body of another method, a second body', () => {
    const error = py[4];
    const summary = (text: string) => readResponses(text).map((f) => [f.line, f.endLine, f.method, f.status, (f.body as { code?: number } | undefined)?.code]);
    expect(summary([error, 'a', 'b', 'c', '{"code":53}'].join('\n'))).toEqual([
      [1, 1, 'start', 400, undefined],
      [5, 5, undefined, undefined, 53],
    ]);
    expect(summary([error, 'status=206 {"code":65}'].join('\n'))).toEqual([
      [1, 1, 'start', 400, undefined],
      [2, 2, undefined, 206, 65],
    ]);
    expect(summary([error, '{"code":2,"reason":"x","url":"/v1/apps/a/cloud_recording/acquire"}'].join('\n'))).toEqual([
      [1, 1, 'start', 400, undefined],
      [2, 2, 'acquire', undefined, 2],
    ]);
    expect(summary([error, '{"code":53}', '{"code":2}'].join('\n'))).toEqual([
      [1, 2, 'start', 400, 53],
      [3, 3, undefined, undefined, 2],
    ]);
  });
  it('reading line by line, the status comes out once its body is read or the three lines have passed', () => {
    const reader = new ResponseReader();
    expect(reader.line(py[4])).toEqual([]);
    expect(reader.line('noise')).toEqual([]);
    expect(reader.line('{"code":53}')).toMatchObject([{ status: 400, body: { code: 53 }, line: 1, endLine: 3 }]);
    for (let n = 0; n < 3; n++) expect(reader.line('noise')).toEqual([]);
    expect(reader.line(py[4])).toEqual([]);
    for (let n = 0; n < 3; n++) expect(reader.line('noise')).toEqual([]);
    expect(reader.line('noise')).toMatchObject([{ status: 400, line: 7, endLine: 7 }]);
    expect(reader.end()).toEqual([]);
  });

  it("a client's error line right after the response it logged whole is the same call, not a second response", () => {
    // Go logs the response, then its error; Python logs the body, then raise_for_status()'s HTTPError.
    const go = ['2026/12/02 16:10:12 agora: POST https://api.sd-rtn.com/v1/apps/a/cloud_recording/resourceid/r/sid/s/mode/mix/stop -> 400 {"code":49,"reason":"invalid operation"}', '2026/12/02 16:10:12 recorder: stop: unexpected status code 400'];
    expect(readResponses(go.join('\n'))).toMatchObject([{ method: 'stop', status: 400, body: { code: 49 }, line: 1 }]);
    const python = ['2026-12-02 16:10:12,501 INFO agora stop status=400 body={"code":49,"reason":"invalid operation"}', `requests.exceptions.HTTPError: 400 Client Error: Bad Request for url: https://api.sd-rtn.com/v1/apps/a/cloud_recording/resourceid/r/sid/s/mode/mix/stop`];
    expect(readResponses(python.join('\n'))).toMatchObject([{ method: 'stop', status: 400, body: { code: 49 } }]);
    expect(readResponses(python.join('\n'))).toHaveLength(1);
    // Nor when the client then says it will retry: the next answer is to the same request.
    expect(readResponses([...go, '2026/12/02 16:10:13 recorder: retrying in 1s'].join('\n'))).toHaveLength(1);
    // Its status line followed by a body of its own is the next call's: two responses.
    expect(readResponses([...go, '{"code":435,"reason":"no recorded data"}'].join('\n'))).toHaveLength(2);
  });
});

describe('HTTP clients’ reports of a failed call give the status', () => {
  const cases: [string, string, Partial<ReturnType<typeof one>>][] = [
    ['.NET HttpClient', 'System.Net.Http.HttpRequestException: Response status code does not indicate success: 504 (Gateway Timeout).', { status: 504, evidence: 'status-line' }],
    ['.NET HttpResponseMessage.ToString()', "StatusCode: 404, ReasonPhrase: 'Not Found', Version: 1.1, Content: System.Net.Http.HttpConnectionResponseContent, Headers:", { status: 404 }],
    ['OkHttp Response, the method from its URL', 'java.io.IOException: Response{protocol=h2, code=400, message=, url=https://api.sd-rtn.com/v1/apps/a/cloud_recording/acquire}', { method: 'acquire', status: 400 }],
    ['Go, unexpected status code', '2026/12/02 16:10:12 agora: unexpected status code 502', { status: 502 }],
    ['Go, resp.Status after the method', '2026/12/02 16:10:12 start: status: 502 Bad Gateway', { method: 'start', status: 502 }],
    ['Ruby', 'agora error: #<Net::HTTPBadRequest 400 Bad Request readbody=true>', { status: 400 }],
    ['Ruby, the class and the code', 'Net::HTTPBadRequest 400', { status: 400 }],
    ['Python urllib', 'urllib.error.HTTPError: HTTP Error 503: Service Unavailable', { status: 503 }],
    ['Java HttpURLConnection', 'java.io.IOException: Server returned HTTP response code: 401 for URL: https://api.sd-rtn.com/v1/apps/a/cloud_recording/acquire', { method: 'acquire', status: 401 }],
    ['Spring without a body', 'org.springframework.web.client.HttpServerErrorException$GatewayTimeout: 504 Gateway Timeout: [no body]', { status: 504 }],
    ['Apache HttpClient', 'org.apache.http.client.HttpResponseException: status code: 503, reason phrase: Service Unavailable', { status: 503 }],
    ['httpx, the method from its URL', "httpx.HTTPStatusError: Client error '400 Bad Request' for url 'https://api.sd-rtn.com/v1/apps/a/cloud_recording/resourceid/r/mode/mix/start'", { method: 'start', status: 400 }],
    ['aiohttp', "aiohttp.client_exceptions.ClientResponseError: 502, message='Bad Gateway'", { status: 502 }],
    ['got (Node)', 'HTTPError: Response code 400 (Bad Request)', { status: 400 }],
    ['Faraday and RestClient (Ruby)', 'Faraday::BadRequestError: the server responded with status 400', { status: 400 }],
    ['RestClient (Ruby)', 'RestClient::BadRequest: 400 Bad Request', { status: 400 }],
  ];
  for (const [name, text, expected] of cases) it(name, () => expect(one(text)).toMatchObject(expected));
  it('not when the call was to another service, nor for a success', () => {
    expect(readResponses('requests.exceptions.HTTPError: 500 Server Error: Internal Server Error for url: https://hooks.slack.com/services/T000')).toEqual([]);
    expect(readResponses('java.io.IOException: Response{protocol=h2, code=401, message=, url=https://auth.example.com/token}')).toEqual([]);
    expect(readResponses('health check: status: 200 OK')).toEqual([]);
  });
  it('a request line before gives its method and verb', () => {
    const found = one(readFileSync(new URL('../fixtures/logs/dotnet.log', import.meta.url), 'utf8').split('\n').slice(6, 13).join('\n'));
    expect(found).toMatchObject({ method: 'start', verb: 'POST', methodLine: 2, status: 504, line: 5 });
  });
});

describe('the HTTP verb of the request, where the text shows it', () => {
  const cases: [string, string, string | undefined][] = [
    ['a request line before the response', 'POST /v1/apps/a/cloud_recording/resourceid/r/sid/s/mode/mix/query\n{"code":404,"reason":"failed to find worker"}', 'POST'],
    ["curl -v's request line", '> GET /v1/apps/a/cloud_recording/resourceid/r/sid/s/mode/mix/query HTTP/1.1\n>\n< HTTP/1.1 200 OK\n<\n{"resourceId":"r","sid":"s","serverResponse":{"status":5}}', 'GET'],
    ['an access log', '10.0.3.7 - - [02/Dec/2026:16:10:11 +0800] "DELETE /v1/apps/a/cloud_recording/acquire HTTP/1.1" 405 0 "-" "okhttp/4.12.0"', 'DELETE'],
    ['a URL after the verb on the response’s line', 'INFO POST https://api.sd-rtn.com/v1/apps/a/cloud_recording/acquire -> 200 OK, body={"cname":"c","uid":"1","resourceId":"r"}', 'POST'],
    ["Feign's [POST] to [url]", 'feign.FeignException$BadRequest: [400 Bad Request] during [POST] to [https://api.sd-rtn.com/v1/apps/a/cloud_recording/resourceid/r/sid/s/mode/mix/stop] [AgoraClient#stop(String)]: [{"code":49}]', 'POST'],
    ['Go\'s Post "url"', 'agora: Post "https://api.sd-rtn.com/v1/apps/a/cloud_recording/acquire": status 401 {"message":"Invalid authentication credentials"}', 'POST'],
    ['OkHttp: the verb of --> for the response <-- of the same URL', '--> POST https://api.sd-rtn.com/v1/apps/a/cloud_recording/acquire\n<-- 200 OK https://api.sd-rtn.com/v1/apps/a/cloud_recording/acquire (212ms)\n{"cname":"c","uid":"1","resourceId":"r"}', 'POST'],
    ['a log record’s request: method and url', '{"level":30,"req":{"method":"GET","url":"https://api.sd-rtn.com/v1/apps/a/cloud_recording/resourceid/r/sid/s/mode/mix/query"},"res":{"statusCode":200},"body":{"resourceId":"r","sid":"s","serverResponse":{"status":5}}}', 'GET'],
    ["axios' config, in lower case", '{"message":"Request failed with status code 400","status":400,"config":{"url":"https://api.sd-rtn.com/v1/apps/a/cloud_recording/acquire","method":"post"}}', 'POST'],
    ['a JSON request record, then its response', '{"msg":"agora request","method":"POST","url":"https://api.sd-rtn.com/v1/apps/a/cloud_recording/acquire"}\n{"msg":"agora response","statusCode":200,"responseBody":{"cname":"c","uid":"1","resourceId":"r"}}', 'POST'],
    ['none when the text shows none', 'start -> 400 {"code":53}', undefined],
    ['none from an English verb in prose', 'we get https://api.sd-rtn.com/v1/apps/a/cloud_recording/acquire -> 200 {"resourceId":"r"}', undefined],
  ];
  for (const [name, text, verb] of cases) it(name, () => expect(one(text).verb).toBe(verb));
  it('the verb is kept as the text says it, even where it is not the method’s (a later check can warn)', () => {
    expect(one('"GET /v1/apps/a/cloud_recording/resourceid/r/mode/mix/start HTTP/1.1" 404').verb).toBe('GET');
  });
});

describe('a log with no Cloud Recording response in it, however many arrows, colons and numbers', () => {
  const noise = log('no-recording.log');
  it('gives nothing (35 lines of a service’s own log)', () => {
    expect(noise.trim().split('\n').length).toBeGreaterThanOrEqual(30);
    expect(readResponses(noise)).toEqual([]);
  });
  it('nor with CRLF line ends', () => expect(readResponses(noise.replace(/\n/g, '\r\n'))).toEqual([]));
  it('nor line by line, each alone', () => {
    for (const line of noise.trim().split('\n')) expect(readResponses(line), line).toEqual([]);
  });
});

describe("other languages' clients, as their programs print a response", () => {
  it("Go's %+v of a decoded body, nested structs and nil included, with the status and method the line names", () => {
    const found = one(
      '{"level":"error","ts":1764500000.1,"msg":"query cloud recording","status":"200 OK","resp":"&{Cname:demo Uid:42 Sid:abc ServerResponse:{Status:20 FileList:<nil>} Code:0}","api":"query"}',
    );
    expect(found).toMatchObject({ method: 'query', status: 200, body: { cname: 'demo', uid: 42, sid: 'abc', serverResponse: { status: 20, fileList: null } } });
    expect(one('2026/12/01 09:00:01 acquire: status=400 body=&{Code:2 Reason:invalid resourceExpiredHour}')).toMatchObject({
      method: 'acquire',
      status: 400,
      body: { code: 2, reason: 'invalid resourceExpiredHour' },
    });
  });
  it("PHP's print_r in a Laravel log, nested arrays included, and var_dump of an object", () => {
    const printed = [
      '[2026-12-01 09:00:00] production.ERROR: agora query response: Array',
      '(',
      '    [cname] => room-3',
      '    [serverResponse] => Array',
      '        (',
      '            [status] => 20',
      '        )',
      '',
      ')',
      '[2026-12-01 09:00:01] production.INFO: next job',
    ].join('\n');
    expect(one(printed)).toMatchObject({ method: 'query', body: { cname: 'room-3', serverResponse: { status: 20 } }, line: 1, endLine: 9 });
    const dumped = ['stop failed with HTTP 404', 'object(stdClass)#12 (2) {', '  ["code"]=>', '  int(404)', '  ["reason"]=>', '  string(21) "failed to find worker"', '}'].join('\n');
    expect(one(dumped)).toMatchObject({ status: 404, method: 'stop', body: { code: 404, reason: 'failed to find worker' } });
    // A line that only ends in the word Array is no dump.
    expect(readResponses('Array\nnot a dump at all')).toEqual([]);
  });
  it("Ruby's hash inspect, with => and nil", () => {
    expect(one('W, [2026-12-01T09:00:00 #1] WARN -- : agora start => {"code"=>433, "reason"=>nil, "resourceId"=>"abc"}')).toMatchObject({
      method: 'start',
      body: { code: 433, reason: null, resourceId: 'abc' },
    });
  });
  it("Python's <Response [N]> and an interactive session's prompts, the method from a URL template", () => {
    const session = [
      'In [7]: r = requests.post(f"{BASE}/resourceid/{rid}/mode/individual/start", json=payload, auth=auth)',
      'In [8]: r',
      'Out[8]: <Response [206]>',
      'In [9]: r.json()',
      "Out[9]: {'code': 65, 'reason': 'request not completed', 'resourceId': 'r1'}",
    ].join('\n');
    expect(one(session)).toMatchObject({ method: 'start', status: 206, body: { code: 65 } });
    expect(one(">>> resp\n<Response [429]>\n>>> resp.text\n'{\"message\":\"API rate limit exceeded\"}'")).toMatchObject({ status: 429, body: { message: 'API rate limit exceeded' } });
  });
  it("a logger's prefix on every line of a response (Android's logcat), and .NET's and Swift's headers between braces", () => {
    const logcat = [
      'D/OkHttp  ( 4242): <-- 404 https://api.sd-rtn.com/v1/apps/a1/cloud_recording/resourceid/r1/sid/s1/mode/mix/stop (88ms)',
      'D/OkHttp  ( 4242): content-type: application/json',
      'D/OkHttp  ( 4242): {"code":404,"reason":"failed to find worker"}',
      'D/OkHttp  ( 4242): <-- END HTTP (48-byte body)',
    ].join('\n');
    expect(one(logcat)).toMatchObject({ method: 'stop', status: 404, body: { code: 404 }, headers: { 'content-type': 'application/json' } });
    const dotnet = [
      "warn: Recorder[0] StatusCode: 429, ReasonPhrase: 'Too Many Requests', Version: 1.1, Content: System.Net.Http.HttpConnectionResponseContent, Headers:",
      '{',
      '  Retry-After: 3',
      '}',
      '{"message":"API rate limit exceeded"}',
    ].join('\n');
    expect(one(dotnet)).toMatchObject({ status: 429, headers: { 'retry-after': '3' }, body: { message: 'API rate limit exceeded' } });
    // Swift's print(response) of an HTTPURLResponse: each header's value on its own line, in parentheses.
    const swift = [
      '<NSHTTPURLResponse: 0x600003f5c2a0> { URL: https://api.sd-rtn.com/v1/apps/a1/cloud_recording/resourceid/r1/sid/s1/mode/web/update } { Status Code: 429, Headers {',
      '    "Retry-After" =     (',
      '        2',
      '    );',
      '    "Content-Type" =     (',
      '        "application/json"',
      '    );',
      '} }',
      '{"message":"API rate limit exceeded"}',
    ].join('\n');
    expect(one(swift)).toMatchObject({ method: 'update', status: 429, headers: { 'retry-after': '2', 'content-type': 'application/json' }, body: { message: 'API rate limit exceeded' }, line: 1, endLine: 9 });
  });
  it('the method nearest before a response is its own, in either language', () => {
    expect(one('stop went fine, then query returned {"code":501,"reason":"service exiting"}').method).toBe('query');
    expect(one('先 acquire 再 start，start 返回 {"code":433}').method).toBe('start');
  });
});

describe("what log collectors and clients add around a response", () => {
  it('a HAR export, entry by entry: the URL\'s method, the status, the headers, the body from content.text — not the request\'s body', () => {
    const entry = (url: string, verb: string, status: number, text: string, headers = '') => [
      '      {',
      '        "request": {',
      `          "method": "${verb}",`,
      `          "url": "${url}",`,
      '          "postData": { "mimeType": "application/json", "text": "{\\"cname\\":\\"c1\\",\\"code\\":7}" }',
      '        },',
      '        "response": {',
      `          "status": ${status},`,
      `          "headers": [${headers}],`,
      `          "content": { "size": 40, "text": ${JSON.stringify(text)} }`,
      '        }',
      '      }',
    ];
    const cr = 'https://api.sd-rtn.com/v1/apps/a1/cloud_recording';
    const har = [
      '{',
      '  "log": {',
      '    "version": "1.2",',
      '    "entries": [',
      ...entry(`${cr}/resourceid/r1/sid/s1/mode/mix/stop`, 'POST', 206, '{"code":435,"reason":"no recorded data"}', '{ "name": "Retry-After", "value": "3" }'),
      '      ,',
      ...entry('https://portal.example.com/api/session', 'GET', 401, '{"code":401,"msg":"sign in again"}'),
      '      ,',
      ...entry(`${cr}/resourceid/r1/sid/s1/mode/mix/query`, 'GET', 404, '{"code":404,"reason":"failed to find worker"}'),
      '    ]',
      '  }',
      '}',
    ].join('\n');
    const found = readResponses(har);
    expect(found.map((r) => [r.method, r.verb, r.status, r.body, r.line])).toEqual([
      ['stop', 'POST', 206, { code: 435, reason: 'no recorded data' }, 8],
      ['query', 'GET', 404, { code: 404, reason: 'failed to find worker' }, 34],
    ]);
    expect(found[0].headers).toEqual({ 'retry-after': '3' });
  });
  it("a log record's status beside its body in another part of it (Google Cloud Logging's httpRequest)", () => {
    const record = JSON.stringify({
      jsonPayload: { message: 'agora call', responseBody: { code: 65, reason: 'request not completed' } },
      httpRequest: { requestMethod: 'POST', requestUrl: 'https://api.sd-rtn.com/v1/apps/a1/cloud_recording/resourceid/r1/mode/mix/start', status: 206 },
    });
    expect(one(record)).toMatchObject({ method: 'start', status: 206, body: { code: 65 } });
  });
  it('a status in Chinese words, and no HTTP status read from a number HTTP has none for', () => {
    expect(one('录制开始失败，HTTP 状态=400，响应体: {"code":433}')).toMatchObject({ status: 400, body: { code: 433 } });
    expect(one('stop 停止录制返回 206，耗时 10017ms，响应体: {"code":65}')).toMatchObject({ method: 'stop', status: 206, body: { code: 65 } });
    // There is no HTTP 433: the words report the body code.
    expect(one('start returned 433 {"code":433}').status).toBeUndefined();
    expect(one('query returned 433')).toMatchObject({ method: 'query', body: { code: 433 } });
  });
  it("a collector's prefix on every line (syslog with an ISO date, kubectl --prefix) does not hide a body printed over several lines", () => {
    const syslog = [
      '2026-12-01T09:00:00.120+08:00 rec-7 worker[311]: stop failed {',
      '2026-12-01T09:00:00.121+08:00 rec-7 worker[311]:   status: 400,',
      "2026-12-01T09:00:00.121+08:00 rec-7 worker[311]:   body: { code: 49, reason: 'invalid operation' }",
      '2026-12-01T09:00:00.122+08:00 rec-7 worker[311]: }',
    ].join('\n');
    expect(one(syslog)).toMatchObject({ method: 'stop', status: 400, body: { code: 49 }, line: 1, endLine: 4 });
    const kubectl = ['[pod/rec-5d8f/app] acquire answered {', '[pod/rec-5d8f/app]   "code": 406,', '[pod/rec-5d8f/app]   "reason": "vendor_over_load"', '[pod/rec-5d8f/app] }'].join('\n');
    expect(one(kubectl)).toMatchObject({ method: 'acquire', body: { code: 406 } });
  });
  it("a client's note that it will try again: the status it held is an answer of its own, and the next one is to the same request", () => {
    const found = readResponses(
      [
        'POST https://api.sd-rtn.com/v1/apps/a1/cloud_recording/resourceid/r1/mode/mix/start',
        'HTTP/1.1 504 Gateway Timeout',
        'backing off 2s before attempt 2 of 3',
        '{"cname":"c","uid":"1","resourceId":"r1","sid":"s9"}',
      ].join('\n'),
    );
    expect(found.map((f) => [f.method, f.status, f.body === undefined])).toEqual([
      ['start', 504, true],
      ['start', undefined, false],
    ]);
    // The note on the status's own line (Req's `got response with status 500, will retry in 1000ms`).
    const req = readResponses(['POST https://api.sd-rtn.com/v1/apps/a1/cloud_recording/acquire', 'retry: got response with status 503, will retry in 1000ms', '{"cname":"c","uid":"1","resourceId":"r2"}'].join('\n'));
    expect(req.map((f) => [f.method, f.status, f.body === undefined])).toEqual([
      ['acquire', 503, true],
      ['acquire', undefined, false],
    ]);
  });
  it("Faraday's `response: Status 400` and Ktor's `RESPONSE: 400 Bad Request` wait for the body logged after them", () => {
    const faraday = ['I, [2026-12-01T09:00:01 #4]  INFO -- request: POST https://api.sd-rtn.com/v1/apps/a1/cloud_recording/acquire', 'I, [2026-12-01T09:00:01 #4]  INFO -- response: Status 400', 'D, [2026-12-01T09:00:01 #4] DEBUG -- response: {"code":2,"reason":"invalid uid"}'].join('\n');
    expect(one(faraday)).toMatchObject({ method: 'acquire', status: 400, body: { code: 2 } });
    const ktor = [
      '09:00:02.000 [worker-1] INFO  HttpClient - RESPONSE: 400 Bad Request',
      'METHOD: HttpMethod(value=POST)',
      'FROM: https://api.sd-rtn.com/v1/apps/a1/cloud_recording/resourceid/r1/sid/s1/mode/mix/updateLayout',
      '09:00:02.001 [worker-1] DEBUG Agora - updateLayout body:',
      '{"code":1028,"reason":"invalid layout"}',
    ].join('\n');
    expect(one(ktor)).toMatchObject({ status: 400, body: { code: 1028 } });
  });
  it("a log export's events are read line by line: a body inside an event's message is found, the event's own text is not an answer", () => {
    const datadog = JSON.stringify(
      [
        { service: 'rec', message: 'worker started on :8080' },
        { service: 'rec', message: 'query -> 404 {"code":404,"reason":"failed to find worker"}' },
      ],
      null,
      2,
    );
    const found = readResponses(datadog);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ method: 'query', status: 404, body: { code: 404 } });
  });
  it("Elixir's maps and structs, atoms included", () => {
    expect(one('[error] Rec.Agora update failed: %Req.Response{status: 400, body: %{"code" => 2, "reason" => "Update: invalid streamSubscribe"}, private: %{retry: :never}}')).toMatchObject({
      method: 'update',
      status: 400,
      body: { code: 2 },
    });
  });
});

describe('what is not a response', () => {
  const nothing = [
    '',
    'hello world',
    '433',
    'function start() {\n  return stop();\n}',
    'TypeError: cannot read properties of undefined {\n    at Object.<anonymous> (/app/index.js:3:9)\n    at node:internal/main:1:1',
    '{"level":"info","message":"server started","port":8080}',
    '10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET /index.html HTTP/1.1" 200 512',
    'POST /v1/apps/x/cloud_recording/acquire HTTP/1.1',
    '{"cname":"room","uid":"1","clientRequest":{}}',
  ];
  for (const text of nothing) it(JSON.stringify(text.slice(0, 50)), () => expect(readResponses(text)).toEqual([]));
  it('a stack trace does not swallow the response after it', () => {
    expect(readResponses('Error {\n    at run (/app/x.js:1:1)\n{"code":2,"reason":"bad"}')).toMatchObject([{ line: 3, body: { code: 2 } }]);
  });
});

describe('a service’s own log records around the responses', () => {
  it('records that name nothing of a response are passed over; a body among them is still read', () => {
    const text = [
      '{"level":30,"time":1714557600000,"pid":412,"msg":"request completed","route":"/rooms/7","ms":12}',
      '{"level":30,"msg":"retrying"} {"level":30,"msg":"in 3 s"}',
      '{"\\u0063ode":65}',
      '{"level":50,"res":{"statusCode":206}} POST https://api.sd-rtn.com/v1/apps/x/cloud_recording/resourceid/R/mode/mix/start',
    ].join('\n');
    expect(readResponses(text).map((r) => [r.line, r.method, r.status, (r.body as { code?: number } | undefined)?.code])).toEqual([
      [3, undefined, undefined, 65],
      [4, 'start', 206, undefined],
    ]);
  });
  it('a record that opens on a line and closes on a later one is still read as one', () => {
    expect(readResponses('{"level":50,"msg":"agora", "body": {\n  "code": 53,\n  "reason": "task conflict"\n}}')).toMatchObject([{ line: 1, endLine: 4, body: { code: 53 } }]);
  });
});

describe('looksLikeResponse: a paste to diagnose, not a query to search', () => {
  const yes = ['{"code":433,"reason":"x"}', '"reason": "task conflict"', 'HTTP/1.1 206 Partial Content', log('curl-v.txt'), '<html><title>504 Gateway Time-out</title></html>', '{"code":6'];
  const no = ['433', 'Invalid authentication credentials', 'resource id expired', '频道名不合法', 'code 65 start', '', '{}'];
  for (const text of yes) it(`yes: ${JSON.stringify(text.slice(0, 40))}`, () => expect(looksLikeResponse(text)).toBe(true));
  for (const text of no) it(`no: ${JSON.stringify(text)}`, () => expect(looksLikeResponse(text)).toBe(false));
});

describe('reading line by line', () => {
  it('gives what readResponses gives, as each response completes', () => {
    const text = log('mixed.log');
    const reader = new ResponseReader();
    const seen: [number, number][] = [];
    text.split('\n').forEach((line, i) => {
      for (const found of reader.line(line)) seen.push([i + 1, found.line]);
    });
    for (const found of reader.end()) seen.push([-1, found.line]);
    expect(seen.map(([, line]) => line)).toEqual(readResponses(text).map((f) => f.line));
    // The pretty-printed body (lines 6–16) is handed back once its last line is read.
    expect(seen).toContainEqual([16, 6]);
  });
  it('reads only the start of a very long line', () => {
    const found = new ResponseReader({ maxLineLength: 1000 }).line(`{"code":65,"reason":"request not completed","pad":"${'x'.repeat(100_000)}"}`);
    // Cut inside a string: the body ends there, read as far as it goes and marked as cut.
    expect(found).toEqual([{ body: { code: 65, reason: 'request not completed' }, partial: true, cut: 'pad', line: 1, endLine: 1, evidence: 'body' }]);
    expect(readResponses(`{"code":65,"reason":"request not completed"} ${'x'.repeat(100_000)}`)).toMatchObject([{ body: { code: 65 } }]);
  });
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        readResponses(text);
        looksLikeResponse(text);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.json(), fc.integer({ min: 0, max: 60 }), (json, cut) => {
        readResponses(json.slice(0, cut));
        readResponses(`x ${json} y`);
      }),
      { numRuns: 500 },
    );
  });
});

describe('readLooseValue', () => {
  it('reads JSON, Python and Node literals; undefined for what is none', () => {
    expect(readLooseValue('{"a":[1,2,{"b":null}]} tail')).toEqual({ value: { a: [1, 2, { b: null }] }, end: 22, complete: true });
    expect(readLooseValue("{'a': True, b: <ref *1> { c: [Circular *1] }}")?.value).toEqual({ a: true, b: { c: null } });
    expect(readLooseValue('{"a": nope}')).toBeUndefined();
    expect(readLooseValue('{"__proto__": {"polluted": 1}}')?.value).toEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('what loggers and exports do to a response, third round (each class with other inputs than the blind logs)', () => {
  const CR = 'https://api.agora.io/v1/apps/a1/cloud_recording/resourceid/R/sid/S/mode/individual';
  it('a logger prefix on every line of a curl-style dump: the prefix alone is the blank line before the body', () => {
    const prefix = '[agora-http 2026-12-02T10:00:00Z]';
    const text = [`${prefix} > POST ${CR}/stop`, `${prefix} < HTTP/1.1 206`, `${prefix} < Content-Type: application/json`, prefix, `${prefix} {"code":435,"reason":"no recorded data"}`].join('\n');
    expect(one(text)).toMatchObject({ method: 'stop', status: 206, body: { code: 435 } });
  });
  it("a status line answering a request to another service is not a Cloud Recording response, whatever came before", () => {
    const other = ['> GET https://hooks.slack.com/services/T0/B0/x', '< HTTP/1.1 404', '< Content-Type: text/plain', '', 'no_service'].join('\n');
    expect(readResponses(other)).toEqual([]);
    // A Cloud Recording call before the other request does not lend it its method.
    expect(readResponses([`POST ${CR}/stop`, 'POST https://s3.amazonaws.com/bucket/key', 'HTTP/1.1 403 Forbidden', '', '<Error/>'].join('\n'))).toEqual([]);
    // The other way round, the status answers Cloud Recording.
    expect(one(['POST https://s3.amazonaws.com/bucket/key', `POST ${CR}/stop`, 'HTTP/1.1 206 Partial Content', '', '{"code":65}'].join('\n'))).toMatchObject({ method: 'stop', status: 206 });
  });
  it("an access log of the app's own endpoint is no method, even with action=stop", () => {
    expect(readResponses('I, [2026-12-02T10:00:00 #1] INFO -- : method=POST path=/api/meetings/9/recording/stop format=json action=stop status=500 duration=3.2')).toEqual([]);
    expect(readResponses('{"level":"info","uri":"/internal/recorder/query","op":"query","status":404}')).toEqual([]);
  });
  it("a CSV export's doubled quotes, and a body escaped twice inside a collector's record", () => {
    expect(one('1741930805,app,"2026-12-02 WARN stop -> {""code"":49,""reason"":""invalid operation""}"')).toMatchObject({ method: 'stop', body: { code: 49 } });
    expect(one('{"log":"level=warn op=start status=400 body=\\"{\\\\\\"code\\\\\\":53,\\\\\\"reason\\\\\\":\\\\\\"task conflict\\\\\\"}\\""}')).toMatchObject({ method: 'start', status: 400, body: { code: 53 } });
  });
  it("a response object printed with its body after it on the closing line (fetch's Response, then the body)", () => {
    const text = ['query failed: Response {', '  status: 404,', '  statusText: "Not Found",', `  url: "${CR}/query"`, '} {', '  code: 404,', '  reason: "failed to find worker"', '}'].join('\n');
    expect(one(text)).toMatchObject({ method: 'query', status: 404, body: { code: 404 } });
  });
  it('a status before the verb and the URL, with or without a body', () => {
    expect(one(`2026-12-02 10:00:01 net <- 404 GET ${CR}/query {"code":404,"reason":"failed to find worker"}`)).toMatchObject({ method: 'query', status: 404, body: { code: 404 } });
    expect(one(`2026-12-02 10:00:01 net ← 206 POST ${CR}/stop <private>`)).toMatchObject({ method: 'stop', status: 206 });
    expect(readResponses('2026-12-02 10:00:01 net ← 404 GET https://cdn.example.com/a.png')).toEqual([]);
  });
  it('返回 and a status before a body printed over the next lines', () => {
    expect(one(['ERROR 调用开始录制 start 返回 400：', '{', '  "code": 433', '}'].join('\n'))).toMatchObject({ method: 'start', status: 400, body: { code: 433 } });
  });
  it("a one-line JSON record cut before its status and body fields: its message is read", () => {
    const record = JSON.stringify({ message: `stop failed (POST ${CR}/stop) 504 {"code":62,"reason":"request timeout"}`, stack_trace: 'x'.repeat(500), status: 504 });
    expect(one(record.slice(0, 400))).toMatchObject({ method: 'stop', status: 504, body: { code: 62 } });
    expect(readResponses(record, { maxLineLength: 400 })).toMatchObject([{ method: 'stop', status: 504, body: { code: 62 } }]);
  });
  it("a terminal's colours around a method and its response", () => {
    expect(one('\x1b[32m[Nest] 12  - \x1b[39m12/02/2026 \x1b[32mLOG\x1b[39m \x1b[32mstop -> 206 {"code":435}\x1b[39m')).toMatchObject({ method: 'stop', status: 206, body: { code: 435 } });
  });
  it("the same status told again on the next line by the exception, its body after the stack: one response", () => {
    const text = ['ERROR acquire failed: Request failed with status code 400', 'AxiosError: Request failed with status code 400', '    at settle (/app/node_modules/axios/lib/core/settle.js:19:12)', 'ERROR Object:', '{', '  "code": 62', '}'].join('\n');
    expect(one(text)).toMatchObject({ method: 'acquire', status: 400, body: { code: 62 }, line: 1 });
  });
});

describe('fourth round: each class a blind test found, with other inputs than its logs', () => {
  const CR = 'https://api.sd-rtn.com/v1/apps/4855e0a7/cloud_recording/resourceid/R/sid/S/mode/mix';
  const reader = (name: string) => readFileSync(new URL(`../fixtures/logs-reader/${name}`, import.meta.url), 'utf8');

  it('an answer to another service is none, whether its URL is on its line, in its record or in the request before it', () => {
    // curl -v names the host in `> Host:` only; the request line has the path.
    expect(readResponses(reader('curl-v-two-hosts.txt'))).toMatchObject([{ method: 'acquire', status: 401, body: { message: 'Invalid authentication credentials' }, line: 22 }]);
    const other = [
      // Agora's own other REST APIs (RTM, kicking rules, RTLS), and other vendors.
      'WARN  rtm-client: POST https://api.agora.io/dev/v2/project/4855e0a7/rtm/users/u1/peer_messages -> 429 {"message":"API rate limit exceeded"}',
      'ERROR moderation: PUT https://api.agora.io/dev/v1/kicking-rule -> 401 {"message":"Invalid authentication credentials"}',
      'ERROR ingress: POST https://api.sd-rtn.com/v1/projects/4855e0a7/rtls/ingress/streamkeys 401 {"message":"Invalid authentication credentials"}',
      'ERROR meetings: POST https://api.zoom.us/v2/users/me/meetings -> 400 {"code":2,"reason":"bad"}',
      // A record's URL, with or without a method field; a record printed over several lines.
      '{"level":50,"msg":"call failed","url":"https://api.zoom.us/v2/users","statusCode":401,"body":{"message":"Invalid authentication credentials"}}',
      '{"level":50,"msg":"call failed","method":"start","url":"https://api.zoom.us/v2/meetings/1/recordings","statusCode":400,"body":{"code":2,"reason":"x"}}',
      '{',
      '  "msg": "call failed",',
      '  "url": "https://api.mux.com/video/v1/assets",',
      '  "status": 401,',
      '  "body": {"message": "Invalid authentication credentials"}',
      '}',
      // The body on the line after the request it answers.
      'ERROR billing: POST https://api.stripe.com/v1/charges failed',
      '{"message":"Invalid authentication credentials"}',
    ];
    expect(readResponses(other.join('\n'))).toEqual([]);
  });
  it('a Cloud Recording response next to another service’s is still read; a host without a path decides nothing', () => {
    expect(one(['INFO  notify: POST https://hooks.slack.com/services/T0/B0/x -> 200', `WARN  rec: stop -> 206 {"code":435}`].join('\n'))).toMatchObject({ method: 'stop', status: 206, line: 2 });
    expect(one('ERROR acquire -> 400 {"code":2,"reason":"invalid appid"} (POST https://api.sd-rtn.com)')).toMatchObject({ method: 'acquire', status: 400 });
    expect(one(`{"level":50,"url":"${CR}/stop","statusCode":206,"body":{"code":435}}`)).toMatchObject({ method: 'stop', status: 206 });
    // curl -v to a Cloud Recording path that names no method (the gateway's no Route) is still Cloud Recording's.
    const noRoute = ['> POST /v1/apps/4855e0a7/cloud_recording/start HTTP/1.1', '> Host: api.sd-rtn.com', '>', '< HTTP/1.1 404 Not Found', '<', '{"message":"no Route matched with those values"}'];
    expect(one(noRoute.join('\n'))).toMatchObject({ status: 404, body: { message: 'no Route matched with those values' } });
  });

  it('a body cut before its code is still a response, by the status and method its line names', () => {
    const text = [
      '2026-12-03T09:00:00.000Z WARN [rec] stop -> 206 {"cname":"room-9","uid":"7","co... (truncated)',
      '2026-12-03T09:00:01.000Z WARN [rec] query -> 404 {"cname":"room-9","code":40',
      '2026-12-03T09:00:02.000Z WARN [rec] start -> 400 {"re',
      `2026-12-03T09:00:03.000Z INFO POST ${CR}/stop 206 {"cname":"room-9","co`,
      '2026-12-03T09:00:04.000Z WARN [rec] stop -> 206 {',
    ].join('\n');
    expect(readResponses(text).map((r) => [r.line, r.method, r.status, r.body, r.partial])).toEqual([
      [1, 'stop', 206, { cname: 'room-9', uid: '7' }, true],
      [2, 'query', 404, { cname: 'room-9' }, true],
      [3, 'start', 400, {}, true],
      [4, 'stop', 206, { cname: 'room-9' }, true],
      [5, 'stop', 206, {}, true],
    ]);
  });
  it("a record cut inside its body's string keeps what the string holds before the cut", () => {
    const record = `{"level":"warn","message":"agora call","status":206,"url":"${CR}/stop","responseBody":"{\\"cname\\":\\"room-9\\",\\"code\\":65,\\"reason\\":\\"request not comp`;
    expect(one(record)).toMatchObject({ method: 'stop', status: 206, body: { cname: 'room-9', code: 65 }, partial: true });
  });

  it('the methods’ Chinese names, in a question and on a log line; 录制 alone names none', () => {
    const asked: [string, string | undefined][] = [
      ['获取云端录制资源时返回 62', 'acquire'],
      ['申请资源报错 {"code":2}', 'acquire'],
      ['获取 resource ID 失败，返回 62', 'acquire'],
      ['启动云端录制失败 {"code":53}', 'start'],
      ['查询录制状态一直是 {"code":65}', 'query'],
      ['更新订阅名单后返回 {"code":2}', 'update'],
      ['更新合流布局返回 {"code":1028}', 'updateLayout'],
      ['结束录制时返回 206', 'stop'],
      // The API's name wins over a Chinese name in the prose around it; two Chinese names, or 录制 alone, name none.
      ['结束录制以后 query 返回 404', 'query'],
      ['开始录制和停止录制都返回 {"code":2}', undefined],
      ['录制一直失败 {"code":2}', undefined],
    ];
    for (const [question, method] of asked) expect(methodOfQuestion(question), question).toBe(method);
    const lines = [
      '2026-12-03 09:10:00 [ERROR] 申请资源失败 -> 400 {"code":62,"reason":"appid not enabled"}',
      '2026-12-03 09:10:01 [ERROR] 启动录制出错，返回 400 {"code":53}',
      '2026-12-03 09:10:02 [WARN] 查询云端录制 响应：{"resourceId":"R","sid":"S","serverResponse":{"status":5}}',
      '2026-12-03 09:10:03 [ERROR] 录制开始失败 400 {"code":433}',
      '2026-12-03 09:10:04 [ERROR] 录制失败 -> 400 {"code":2}',
    ];
    expect(readResponses(lines.join('\n')).map((r) => [r.method, r.status])).toEqual([
      ['acquire', 400],
      ['start', 400],
      ['query', undefined],
      ['start', 400],
      [undefined, 400],
    ]);
  });
  it('the method named nearest before the response is its own, even with a status after both', () => {
    expect(one('停止录制后查询录制返回 404 {"code":404}')).toMatchObject({ method: 'query', status: 404 });
    expect(one('WARN after stop, query -> 404 {"code":404,"reason":"failed to find worker"}')).toMatchObject({ method: 'query', status: 404 });
  });

  it('a call said to have failed on the line before its exception (Spring, a Python traceback) is that exception’s method', () => {
    const spring = [
      '2026-12-03 09:20:00.120 ERROR 7 --- [exec-2] c.a.rec.RecordingGateway : acquire failed',
      'org.springframework.web.client.HttpClientErrorException$BadRequest: 400 Bad Request: "{"code":62,"reason":"not enabled"}"',
      '\tat org.springframework.web.client.HttpClientErrorException.create(HttpClientErrorException.java:106)',
    ].join('\n');
    expect(one(spring)).toMatchObject({ method: 'acquire', methodLine: 1, status: 400, body: { code: 62 } });
    const python = [
      '2026-12-03 09:21:00,004 ERROR recorder: stop request failed',
      'Traceback (most recent call last):',
      '  File "/srv/recorder/client.py", line 40, in stop',
      '    resp.raise_for_status()',
      'requests.exceptions.HTTPError: 504 Server Error: Gateway Timeout',
      '2026-12-03 09:21:00,005 ERROR recorder: body={"code":62,"reason":"request timeout"}',
    ].join('\n');
    expect(one(python)).toMatchObject({ method: 'stop', status: 504, body: { code: 62 } });
    // Not a response some lines later, after other log lines.
    const later = ['ERROR recorder: stop failed', 'INFO db: pool size 20', 'INFO db: connected', '{"code":2,"reason":"x"}'].join('\n');
    expect(one(later).method).toBeUndefined();
  });

  it('an HTML page from a proxy logged after the status is its body; after a method and its status, the method stays', () => {
    const text = [
      `2026-12-03 09:30:00.001 ERROR Rec - query failed: HTTP 503 for GET ${CR}/query`,
      '2026-12-03 09:30:00.001 ERROR Rec - body: <!DOCTYPE html>',
      '<html><head><title>503 Service Unavailable</title></head>',
      '<body><h1>503 Service Unavailable</h1></body>',
      '</html>',
    ].join('\n');
    expect(one(text)).toMatchObject({ method: 'query', status: 503, line: 1, endLine: 5, body: expect.stringContaining('<title>503') });
    expect(one('stop -> 504 <html><head><title>504 Gateway Time-out</title></head><body></body></html>')).toMatchObject({ method: 'stop', status: 504 });
  });

  it('a success body without its key field is read by the call and status before it; not an object inside another', () => {
    expect(one('INFO acquire -> 200 {"cname":"room-9","uid":"7"}')).toMatchObject({ method: 'acquire', status: 200, body: { cname: 'room-9', uid: '7' } });
    expect(one('INFO start -> 200 {}')).toMatchObject({ method: 'start', status: 200, body: {} });
    expect(readResponses('INFO stop -> 200 {"rows":1}')).toEqual([]);
    expect(readResponses('level=info msg="stop ok" status=200 body="{\\"serverResponse\\":{\\"extensionServiceState\\":[{\\"payload\\":{},')).not.toMatchObject([{ body: {} }]);
  });
});
