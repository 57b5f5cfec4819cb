/**
 * explain() on the response bodies Cloud Recording really sends, and on
 * whatever else a service may hand it.
 */
import { describe, expect, it } from 'vitest';
import { allRecords, type CatalogRecord, explain, METHODS } from '../../src/index.ts';
import { recordMethods } from '../../src/meaning.ts';
import { explain as explainZh } from '../../src/zh.ts';

describe('explain: real responses', () => {
  it('a gateway error carries only a message', () => {
    const d = explain({ status: 401, body: '{"message": "Invalid authentication credentials"}', method: 'acquire' });
    expect(d.ok).toBe(false);
    expect(d.known).toBe(true);
    expect(d.record?.ref).toBe('message-error:invalid-authentication-credentials');
    expect(d.records.map((r) => r.ref)).toEqual(['message-error:invalid-authentication-credentials', 'http-status:401']);
    expect(d.message).toBe('Invalid authentication credentials');
    expect(d.docs?.en).toMatch(/\/en\/errors\/invalid-authentication-credentials\/$/);
    expect(d.retry.retryable).toBe(false);
  });

  it('a service error carries a code and a reason', () => {
    const d = explain({ status: 400, body: { code: 2, reason: 'Acquire: invalid resourceExpiredHour value!' }, method: 'acquire' });
    expect(d.record?.ref).toBe('error-code:2');
    expect(d.reason).toBe('Acquire: invalid resourceExpiredHour value!');
    expect(d.retry.action).toBe('fix-request');
    expect(d.summary).toMatch(/^2 INVALID_PARAMETER/);
  });

  it('the real 404 on stop: body code 404 is "failed to find worker", not HTTP 404', () => {
    const body = '{"cname":"room1","code":404,"resourceId":"abc","serverResponse":{"command":"StopCloudRecorder","payload":{"message":"failed to find worker"},"subscribeModeBitmask":1,"vid":"1209"},"sid":"s1","uid":"527841"}';
    const d = explain({ status: 404, body, method: 'stop' });
    expect(d.record?.ref).toBe('error-code:404');
    expect(d.records.map((r) => r.ref)).toContain('http-status:404');
    expect(d.reason).toBe('failed to find worker');
    expect(d.meaning).toBeDefined();
    expect(d.retry.retryable).toBe(false);
  });

  it('65 on start with HTTP 206: retry the same resource ID after 3 s, then 6 s, then acquire again', () => {
    const d = explain({ status: 206, body: { code: 65, reason: 'request not completed' }, method: 'start' });
    expect(d.retry).toMatchObject({ action: 'retry', delaysMs: [3000, 6000], sameResourceId: true, then: 'acquire-again', retryable: true });
    expect(d.next).toMatch(/after 3 s, then 6 s/);
    expect(explainZh({ status: 206, body: { code: 65 }, method: 'start' }).next).toMatch(/第 1 次等待 3 秒后重试，第 2 次等待 6 秒后重试/);
  });

  it('says where each part of the step comes from: the retries from one source, what follows them from another or from us', () => {
    // 65 on start: the Chinese page asks for two retries with backoff; Response status codes for acquiring again after them.
    const d65 = explain('HTTP/1.1 206 Partial Content\n\n{"code":65,"reason":"request not completed"}', { locale: 'en' });
    expect(explain({ status: 206, body: '{"code":65}', method: 'start' }).basis).toEqual({ by: 'agora', source: 'seed', then: { by: 'agora', source: 'sc' } });
    expect(d65.code).toBe(65);
    // 500 internal_error on acquire: the retries are the best practice's, with backoff; contacting support after them is our advice.
    const d500 = explain({ status: 500, method: 'acquire', body: "{'code': 500, 'reason': 'internal_error'}" });
    expect(d500.retry).toMatchObject({ action: 'retry', backoff: true, then: 'contact-support' });
    expect(d500.basis).toMatchObject({ by: 'agora', source: 'bp', then: { by: 'us' } });
    expect(d500.basis?.then && 'why' in d500.basis.then && d500.basis.then.why).toMatch(/only Agora/);
    expect(explainZh({ status: 500, method: 'acquire', body: { code: 500 } }).basis?.then).toMatchObject({ by: 'us', why: expect.stringMatching(/声网/) });
    // Where one source gives the whole step, no second one is named.
    expect(explain({ status: 400, method: 'start', body: { code: 53 } }).basis?.then).toBeUndefined();
  });

  it('HTTP 400 on acquire with body code 400 is the App ID, whichever record is looked at', () => {
    const d = explain({ status: 400, method: 'acquire', body: { code: 400, reason: 'invalid_appid' } });
    expect(d.outcome.kind).toBe('fix-account');
    expect(explain({ status: 400, method: 'acquire', body: '' }).next).toMatch(/"appid is invalid", 400, 405: Fix the account; 2, 401: Fix the request; 406: Retry/);
  });

  it('62 means one thing on acquire and another on start', () => {
    expect(explain({ status: 400, body: { code: 62 }, method: 'acquire' }).retry.action).toBe('fix-account');
    expect(explain({ status: 500, body: { code: 62, reason: 'request timeout' }, method: 'start' }).retry.action).toBe('retry');
  });

  it('a code given as a string', () => {
    expect(explain({ status: '400', body: '{"code":"433"}', method: 'start' }).record?.ref).toBe('error-code:433');
  });

  it('201 with code 7 on start: already started, do not repeat', () => {
    const d = explain({ status: 201, body: { code: 7, reason: 'already started' }, method: 'start' });
    expect(d.record?.ref).toBe('error-code:7');
    expect(d.retry.retryable).toBe(false);
  });

  it('a successful query names its recording status', () => {
    const d = explain({ status: 200, body: { cname: 'c', uid: '1', resourceId: 'r', sid: 's', serverResponse: { status: 5, fileListMode: 'string', fileList: '' } }, method: 'query' });
    expect(d.ok).toBe(true);
    expect(d.known).toBe(true);
    expect(d.records.map((r) => r.ref)).toEqual(['recording-status:5', 'http-status:200']);
    expect(d.outcome).toEqual({ kind: 'success' });
    expect(d.retry.action).toBe('none');
  });

  it('a stop response names its upload status', () => {
    const d = explain({ status: 200, body: { serverResponse: { uploadingStatus: 'backuped' } }, method: 'stop' });
    expect(d.records.map((r) => r.ref)).toContain('upload-status:backuped');
  });

  it('an HTML error page falls back to the HTTP status and says so', () => {
    const d = explain({ status: 504, body: '<html><head><title>504 Gateway Time-out</title></head><body>nginx</body></html>' });
    expect(d.record?.ref).toBe('http-status:504');
    expect(d.summary).toMatch(/HTML page \("504 Gateway Time-out"\)/);
    expect(d.ok).toBe(false);
    expect(d.outcome.kind).toBe('retry');
  });

  it('an empty body with a status explains the status', () => {
    const d = explain({ status: 500, body: '' });
    expect(d.record?.ref).toBe('http-status:500');
    expect(d.retry.retryable).toBe(true);
  });

  it('an unknown code says so and falls back to the meaning of the HTTP status', () => {
    const d = explain({ status: 400, body: { code: 9999, reason: 'something new' }, method: 'start' });
    expect(d.known).toBe(false);
    expect(d.record?.ref).toBe('http-status:400');
    // The step the status gives, then the seed's word for a code it does not list: said with the step, once.
    expect(d.next).toMatch(/^Correct the request: .* Body code 9999 is not in the catalog; .* contact technical support/);
    expect(d.notes.join(' ')).not.toMatch(/9999/);
    expect(d.notes.join(' ')).toMatch(/HTTP 400/);
    expect(d.retry.action).toBe('fix-request');
  });

  it('an unknown message on 429-like status still gets a next step', () => {
    const d = explain({ status: 503, body: { message: 'Service Unavailable' } });
    expect(d.known).toBe(false);
    expect(d.retry).toMatchObject({ action: 'retry', delaysMs: [1000, 3000, 6000] });
  });

  it('answers in Chinese on request', () => {
    const d = explain({ status: 401, body: { message: 'Unauthorized' } }, { locale: 'zh' });
    expect(d.locale).toBe('zh');
    expect(d.record?.title).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('explain never throws', () => {
  const huge = 'x'.repeat(1_000_000);
  const inputs: unknown[] = [
    undefined, null, 0, 42, NaN, -0, Infinity, 'text', [], [1, 2], true, Symbol('s'), () => 1,
    {}, { status: null }, { status: {} }, { status: 'abc' }, { status: Infinity }, { status: -1 },
    { body: 42 }, { body: [1] }, { body: null }, { body: '{' }, { body: '[1,2' }, { body: 'null' }, { body: '"str"' }, { body: '[]' },
    { body: { code: {} } }, { body: { code: [] } }, { body: { code: null } }, { body: { code: -5 } }, { body: { code: 1.5 } }, { body: { code: 'abc' } },
    { body: { message: {} } }, { body: { message: 42 } }, { body: { serverResponse: 'x' } }, { body: { serverResponse: { payload: 5 } } },
    { body: JSON.parse('{"__proto__": {"code": 433}, "constructor": {"prototype": 1}}') },
    { body: huge }, { body: `{"message": "${huge}"}` }, { body: `<${huge}` }, { method: 'constructor' }, { method: {} },
    Object.create(null), { get status() { throw new Error('boom'); } },
    { status: 429, headers: { get() { throw new Error('boom'); } } }, { status: 429, headers: 'Retry-After: 5' }, { status: 429, headers: [[1, 2], null, ['Retry-After']] },
    { status: 429, headers: { 'Retry-After': ['7', '8'] } }, { status: 429, headers: new Proxy({}, { ownKeys() { throw new Error('boom'); } }) },
    { body: '{"a":'.repeat(100_000) }, { body: '['.repeat(100_000) }, { body: `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}` },
    { body: new Uint8Array([0xff, 0xfe, 0x7b]) }, { body: new ArrayBuffer(8) }, { body: 'HTTP/1.1 999 Nope\r\n\r\n' }, { body: 'HTTP/1.1 200 OK\r\nRetry-After: x' },
    { status: 200, method: 'query', body: { serverResponse: { subServiceStatus: { __proto__: 'serviceAbnormal', constructor: 'serviceIdle' } } } },
    { status: 200, method: 'query', body: { serverResponse: { extensionServiceState: [null, 1, { payload: { outputs: 'x' } }, { payload: { outputs: [null, { status: {} }] } }] } } },
  ];
  const label = (input: unknown): string => {
    try {
      const text = JSON.stringify(input, (_k, v) => (typeof v === 'string' && v.length > 40 ? `${v.slice(0, 20)}…(${v.length})` : v));
      return text ?? String(input);
    } catch {
      return 'an object whose getter throws';
    }
  };
  inputs.forEach((input, i) => {
    it(`#${i} ${label(input)}`, () => {
      const d = explain(input as never);
      expect(typeof d.summary).toBe('string');
      expect(typeof d.next).toBe('string');
      expect(Array.isArray(d.records)).toBe(true);
      expect(d.record?.ref).not.toBe('error-code:433'); // never another record's data
    });
  });
});

describe('explain: a response that says little, or says it oddly', () => {
  it('a status alone that stands for several body codes on the method: read the body, never a blind retry or "nothing to do"', () => {
    const stop = explain({ status: 206, method: 'stop' });
    expect(stop.ok).toBe(false);
    expect(stop.outcome.kind).not.toBe('retry');
    expect(stop.next).toMatch(/body `code`/);
    expect(stop.next).toMatch(/65: Retry/);
    expect(stop.next).toMatch(/435: Nothing to do/);
    expect(stop.next).not.toMatch(/^Nothing to do/);
    const zh = explainZh({ status: '206', method: 'stop' });
    expect(zh.ok).toBe(false);
    expect(zh.next).toMatch(/包体中的 `code`/);
    // HTTP 404 on `stop` without a body: the task may be gone (body 404), or the URL wrong (no Route matched).
    const gone = explain({ status: 404, method: 'stop' });
    expect(gone.next).toMatch(/404: /);
    expect(gone.next).toMatch(/no Route matched/);
    // Where every body code of the status calls for the same step, that step is said plainly.
    expect(explain({ status: 504, method: 'stop' }).next).toMatch(/^Retry/);
    // Where one of them takes the request as done (400 on `stop`: 2, fix it; 49, already exiting), no failure is said.
    const bare400 = explain({ status: 400, method: 'stop' });
    expect(bare400.outcome.kind).toBe('undecided');
    expect(bare400.next).toMatch(/49: Already done/);
    expect(explain({ status: 400, method: 'start' }).outcome.kind).toBe('fix-request');
  });

  it('without a method, a reason that names one meaning alone decides (501 no_worker_manager_available is acquire\'s: retry)', () => {
    const d = explain({ status: 500, body: '{"code":501,"reason":"no_worker_manager_available"}' });
    expect(d.outcome.kind).toBe('retry');
    expect(d.next).not.toMatch(/no longer exists/);
    // A status alone, without a method either: read the body, not "nothing to do".
    const partial = explain({ status: 206 });
    expect(partial.ok).toBe(false);
    expect(partial.next).toMatch(/65: Retry/);
  });

  it('a request sent with another verb than its method\'s: 404 is no route, not a task gone', () => {
    const d = explain({ status: 404, method: 'query', verb: 'POST' });
    expect(d.record?.ref).toBe('message-error:no-route-matched');
    expect(d.outcome.kind).toBe('fix-request');
    expect(d.notes.join(' ')).toMatch(/POST, but `query` uses GET/);
    expect(explainZh({ status: 404, method: 'stop', verb: 'get' }).notes.join(' ')).toMatch(/GET，但 `stop` 应使用 POST/);
    // The right verb, or a body that says what happened, changes nothing.
    expect(explain({ status: 404, method: 'query', verb: 'GET' }).record?.ref).not.toBe('message-error:no-route-matched');
    expect(explain({ status: 404, method: 'query', verb: 'POST', body: { code: 404, reason: 'failed to find worker' } }).outcome.kind).toBe('gone');
  });

  it('an empty body says no more than none: a 404 reads the same either way, and names no one body code', () => {
    const none = explain({ status: 404, method: 'query' });
    const empty = explain({ status: 404, method: 'query', body: '' });
    expect(empty.outcome).toEqual(none.outcome);
    expect(empty.next).toBe(none.next);
    expect(empty.summary).not.toMatch(/Body `code` 404:/);
    expect(explain({ status: 206, method: 'stop', body: '' }).next).toMatch(/status alone does not tell/);
  });

  it('a code the sources give only for other methods is not taken as done (49 is stop\'s)', () => {
    const d = explain({ status: 400, method: 'start', body: { code: 49, reason: 'invalid operation' } });
    expect(d.outcome.kind).not.toBe('already-done');
    expect(d.notes.join(' ')).toMatch(/only for `stop`, not for `start`/);
    expect(explain({ status: 400, method: 'stop', body: { code: 49 } }).outcome.kind).toBe('already-done');
  });

  it('a reason that is what the code means on other methods is not taken for the method\'s meaning (62 request timeout on acquire)', () => {
    // The seed gives 62 on acquire as "not enabled"; the response's own reason is the newer page's timeout on the other methods.
    const d = explain({ status: 500, method: 'acquire', body: '{"code":62,"reason":"request timeout"}' });
    expect(d.outcome.kind).toBe('retry');
    expect(d.next).not.toMatch(/Console/);
    expect(d.notes.join(' ')).toMatch(/`request timeout` is what this code means on `start`.*not on `acquire`/);
    // Without that reason, acquire's own meaning stands.
    expect(explain({ status: 400, method: 'acquire', body: { code: 62 } }).outcome.kind).toBe('fix-account');
    expect(explainZh({ status: 500, method: 'acquire', body: { code: 62, reason: 'Request Timeout' } }).notes.join(' ')).toMatch(/不是 `acquire` 上的/);
  });

  it('a code undocumented on the method is neither done nor gone there: the HTTP status decides (501 on start)', () => {
    const d = explain({ method: 'start', status: 'HTTP/1.1 500 Internal Server Error', body: '{"code":501}' });
    expect(d.outcome.kind).toBe('retry');
    expect(d.next).not.toMatch(/no longer exists/);
    expect(d.notes.join(' ')).toMatch(/not for `start`/);
  });

  it('acquire has no resource ID yet: its retries name none, and acquiring again is the retry itself', () => {
    for (const body of ['{"code":65,"reason":"request not completed"}', '']) {
      const d = explain({ status: 206, method: 'acquire', body });
      if (d.outcome.kind !== 'retry') continue;
      expect(d.outcome).not.toHaveProperty('sameResourceId');
      expect(d.outcome).not.toHaveProperty('then', 'acquire-again');
      expect(d.next).not.toMatch(/resource ID/);
    }
    expect(explain({ status: 206, method: 'acquire', body: { code: 65 } }).outcome.kind).toBe('retry');
  });

  it('a status read without the body code it stands for says so, instead of quoting a code the body lacks', () => {
    const d = explain({ status: 206, method: 'query', body: '' });
    expect(d.outcome.kind).toBe('retry');
    expect(d.summary).toMatch(/On `query`, HTTP 206 comes only with this code/);
    expect(explain({ status: 206, method: 'query', body: { code: 65 } }).summary).not.toMatch(/comes only with/);
  });

  it('with a Retry-After longer than the first wait, the next step leads with the server\'s wait', () => {
    const d = explain({ method: 'query', body: 'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 4\r\n\r\n{"message":"API rate limit exceeded"}' });
    expect(d.method).toBe('query');
    expect(d.next).toMatch(/^Retry the same request after 4 s/);
  });

  it('claims no proxy from an empty body, and nothing it cannot know of a page from one', () => {
    expect(explain({ status: 500, method: 'start', body: '' }).summary + explain({ status: 500, method: 'start', body: '' }).notes.join(' ')).not.toMatch(/proxy|gateway/);
    const page = explain({ status: 502, method: 'query', body: '<html><head><title>502 Bad Gateway</title></head></html>' });
    expect(page.summary).toMatch(/proxy, gateway or firewall/);
    expect(page.summary).not.toMatch(/transient/);
  });

  it('says a meaning only where it fits: not one documented with another status, and a reason\'s meaning without a method', () => {
    expect(explain({ status: 400, method: 'acquire', body: { code: 501 } }).summary).not.toMatch(/HTTP 500/);
    const byReason = explain({ status: 500, body: { code: 501, reason: 'no_worker_manager_available' } });
    expect(byReason.summary).toMatch(/No resources are available/);
    expect(byReason.notes.join(' ')).not.toMatch(/pass `method`/);
    // A body code says the request reached the service: no word of a wrong verb.
    expect(explain({ status: 404, method: 'query', verb: 'POST', body: { code: 404, reason: 'failed to find worker' } }).notes.join(' ')).not.toMatch(/uses GET/);
  });

  it('falling back to the HTTP status never claims a body code the body does not have', () => {
    const unknown = explain({ status: 400, method: 'start', body: { code: 7777 } });
    expect(unknown.known).toBe(false);
    expect(unknown.summary).not.toMatch(/Body `code` 2|App ID is invalid/);
    expect(unknown.next).toMatch(/Correct the request/);
    const zh = explainZh({ status: 400, method: 'stop', body: '{"code": 9999, "reason": "odd"}' });
    expect(zh.summary).not.toMatch(/包体 `code` 为 (2|49)/);
  });

  it('a meaning documented with another HTTP status is not said of this one', () => {
    // 7 is documented with HTTP 201 on start; Agora's Chinese page gives it without a status.
    const seven = explain({ status: 400, method: 'start', body: { code: 7 } });
    expect(seven.outcome.kind).toBe('already-done');
    expect(seven.summary).not.toMatch(/HTTP 201/);
    // 435 is documented with HTTP 206 on stop; sent with 200 it is still no recorded data, and nobody sent a stream.
    const none = explain({ status: 200, method: 'stop', body: { code: 435 } });
    expect(none.summary).not.toMatch(/HTTP 206/);
    expect(none.summary).toMatch(/stream/);
  });

  it('reads bodies as services log them: a Python dict, a JavaScript object, a Ruby hash, an Elixir map, JSON after words', () => {
    for (const body of [
      "{'code': 433, 'reason': 'resource expired', 'ok': True, 'sid': None}",
      "{ code: 433, reason: 'resource expired', }",
      '{"code"=>433, "reason"=>"resource expired", "sid"=>nil}',
      '%{"code" => 433, "reason" => "resource expired"}',
      'start failed: {"code"=>433}',
      'Error: {"code":433,"reason":"resource expired"}',
      'RecordingError: request failed with {"code": 433}',
    ]) {
      const d = explain({ status: 400, method: 'start', body });
      expect(d.code, body).toBe(433);
      expect(d.outcome.kind, body).toBe('acquire-again');
    }
  });

  it('takes a method, a status and a whole response as people pass them', () => {
    expect(explain({ status: 400, method: 'Acquire' as never, body: { code: 62 } }).outcome.kind).toBe('fix-account');
    expect(explain({ status: 400, method: ' updatelayout ' as never, body: { code: 2 } }).method).toBe('updateLayout');
    expect(explain({ status: 'HTTP/1.1 206 Partial Content', method: 'start', body: { code: 65 } }).status).toBe(206);
    expect(explain({ status: '404 Not Found', body: { message: 'no Route matched with those values' } }).status).toBe(404);
    const odd = explain({ status: 'teapot', body: { code: 433 } });
    expect(odd.status).toBeUndefined();
    expect(odd.notes.join(' ')).toMatch(/"teapot" is not an HTTP status/);
    // The body alone, as text or bytes.
    expect(explain('{"code":433,"reason":"resource expired"}').code).toBe(433);
    expect(explain(new TextEncoder().encode('{"code":1001}')).record?.ref).toBe('error-code:1001');
    // An error page without a status: its title says it.
    const page = explain({ body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>' });
    expect(page.status).toBe(502);
    expect(page.outcome.kind).toBe('retry');
  });

  it('reads Retry-After from headers in any form a client keeps them: a Map in any case, Node\'s flat rawHeaders, a number', () => {
    const body = { message: 'API rate limit exceeded' };
    for (const headers of [new Map([['RETRY-after', '4']]), ['Content-Type', 'application/json', 'Retry-After', '4'], { 'retry-after': 4 }, new Headers({ 'Retry-After': '4' })]) {
      expect(explain({ status: 429, body, method: 'query', headers: headers as never }).outcome, JSON.stringify([...Object.entries(headers)])).toMatchObject({ kind: 'retry', retryAfterMs: 4000 });
    }
  });

  it('says how long to wait in whole seconds, and nothing of a Retry-After already past', () => {
    const now = Date.parse('2026-12-01T08:00:00Z');
    const soon = explain({ status: 429, body: { message: 'API rate limit exceeded' }, headers: { 'Retry-After': new Date(now + 19_649).toUTCString() } }, { now });
    expect(soon.next).toMatch(/wait 19 s|wait 20 s/);
    expect(soon.next).not.toMatch(/\d{4,} ms before/);
    const past = explain({ status: 429, body: { message: 'API rate limit exceeded' }, headers: { 'retry-after': 'Mon, 30 Nov 2026 08:00:00 GMT' } }, { now });
    expect(past.notes.join(' ') + past.next).not.toMatch(/wait 0/);
  });

  it('a success with a state the catalog does not know is not ok', () => {
    const d = explain({ status: 200, method: 'query', body: { resourceId: 'r', sid: 's', serverResponse: { status: 9 } } });
    expect(d.ok).toBe(false);
    expect(d.known).toBe(false);
    expect(d.notes.join(' ')).toMatch(/9, a value the catalog does not know/);
    expect(d.next).not.toMatch(/^Nothing to do/);
    expect(d.next).toMatch(/does not know/);
  });

  it('nothing to resend is not "nothing to do" where something is left: backed-up files are checked in the storage', () => {
    const d = explain({ status: 200, method: 'stop', body: { resourceId: 'r', sid: 's', serverResponse: { uploadingStatus: 'backuped' } } });
    expect(d.outcome.kind).toBe('success');
    expect(d.next).toMatch(/storage/);
  });

  it('a sub-service that uploaded part of its content says what is left, beside an upload or a recording that is fine', () => {
    const partly = { uploadService: 'servicePartialCompleted', recordingService: 'serviceCompleted' };
    for (const [method, server] of [
      ['stop', { uploadingStatus: 'uploaded', subServiceStatus: partly }],
      ['query', { status: 5, subServiceStatus: partly }],
    ] as const) {
      const d = explain({ status: 200, method, body: { resourceId: 'r', sid: 's', serverResponse: server } });
      expect(d.outcome.kind).toBe('success');
      expect(d.next).toMatch(/extension service/);
      expect(d.next).not.toMatch(/nothing to do/i);
      expect(explainZh({ status: 200, method, body: { resourceId: 'r', sid: 's', serverResponse: server } }).next).toMatch(/扩展服务/);
    }
  });

  it('a stop that succeeded without an upload status does not say the files are safe: check the storage', () => {
    for (const body of [{ resourceId: 'r', sid: 's', serverResponse: { fileListMode: 'string', fileList: 'x.m3u8' } }, { resourceId: 'r', sid: 's' }]) {
      const d = explain({ status: 200, method: 'stop', body });
      expect(d.outcome.kind).toBe('success');
      expect(d.next).toMatch(/uploadingStatus/);
      expect(d.next).toMatch(/storage/);
    }
    expect(explain({ status: 200, method: 'stop', body: { serverResponse: { uploadingStatus: 'uploaded' } } }).next).not.toMatch(/storage/);
  });

  it('a state that asks for a fix points at the recording\'s setup, not at sending the query again', () => {
    const body = { resourceId: 'r', sid: 's', serverResponse: { status: 5, subServiceStatus: { uploaderService: 'serviceValidationFailed' } } };
    const d = explain({ status: 200, method: 'query', body });
    expect(d.outcome.kind).toBe('fix-request');
    expect(d.next).toMatch(/`start`/);
    expect(d.next).not.toMatch(/send it again/);
    expect(explainZh({ status: 200, method: 'query', body }).next).toMatch(/`start`/);
  });

  it('with nothing to go on, asks for the status and the body instead of sending people to support', () => {
    for (const input of [{}, { body: '{"code":6' }, { body: 'garbage here' }]) {
      const d = explain(input);
      expect(d.next, JSON.stringify(input)).toMatch(/HTTP status/);
      expect(d.next, JSON.stringify(input)).not.toMatch(/open a ticket/);
    }
  });
});

describe('explain without a method: the steps by method name only the methods the record occurs on', () => {
  // The same rule as the record pages (src/meaning.ts recordMethods): a meaning that names no method and gives no
  // step, beside meanings that name theirs, does not put the record on every method.
  const inputOf = (r: CatalogRecord): Record<string, unknown> =>
    r.kind === 'error-code'
      ? { body: { code: r.code } }
      : r.kind === 'message-error'
        ? { body: { message: r.message } }
        : r.kind === 'http-status'
          ? { status: r.code }
          : { status: 200, body: { serverResponse: r.kind === 'recording-status' ? { status: r.code } : r.kind === 'upload-status' ? { uploadingStatus: r.code } : { subServiceStatus: { recordingService: r.code } } } };
  it('every record, in both languages', () => {
    let listed = 0;
    for (const r of allRecords()) {
      for (const e of [explain, explainZh]) {
        const { next } = e(inputOf(r));
        // "(acquire: Fix the account; start, query, …: Retry (1 s, 3 s, 6 s))": each method named before a step.
        const named = METHODS.filter((m) => new RegExp(`[(（;；,、] ?${m}(?=[:：,、])`).test(next));
        if (!named.length) continue;
        listed++;
        expect(named, `${r.ref}: ${next}`).toEqual(recordMethods(r, METHODS));
      }
    }
    // 62 and 1001 differ in kind by method, at least: the check reads real lists.
    expect(listed).toBeGreaterThanOrEqual(4);
  });
});

describe('explain: a web recording\'s stop', () => {
  it('reads the upload status its upload service gives in the payload', () => {
    const body = (status: string) => ({ resourceId: 'r', sid: 's', serverResponse: { extensionServiceState: [{ serviceName: 'upload_service', payload: { uploadingStatus: status } }, { serviceName: 'web_recorder_service', payload: {} }] } });
    const backuped = explain({ method: 'stop', status: 200, body: body('backuped') });
    expect(backuped.outcome.kind).toBe('success');
    expect(backuped.records.map((r) => r.ref)).toContain('upload-status:backuped');
    expect(backuped.next).toBe(explain({ method: 'stop', status: 200, body: { resourceId: 'r', sid: 's', serverResponse: { uploadingStatus: 'backuped' } } }).next);
    expect(explain({ method: 'stop', status: 200, body: body('uploaded') }).records.map((r) => r.ref)).toContain('upload-status:uploaded');
  });
});

describe('explain: an HTML page with a 4xx status other than 404', () => {
  it('says something in front of the API answered (a proxy, a firewall), in both languages', () => {
    const page = '<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>squid</center></body></html>';
    for (const status of [403, 407, 413]) {
      const en = explain({ method: 'acquire', status, body: page, headers: { 'content-type': 'text/html' } });
      expect(en.summary, String(status)).toMatch(/proxy, gateway or firewall in front of the API/);
      expect(en.ok).toBe(false);
      expect(explainZh({ method: 'acquire', status, body: page }).summary).toMatch(/防火墙/);
    }
  });
});

describe('explain: a response passed as an HTTP client hands it over', () => {
  const body = '{"code":433,"reason":"resource expired"}';
  it("axios' response (err.response): the body is its `data`, Retry-After from its headers", () => {
    expect(explain({ method: 'start', status: 400, data: JSON.parse(body), headers: {} } as never)).toMatchObject({ code: 433, outcome: { kind: 'acquire-again' } });
    const limited = explain({ method: 'query', status: 429, data: { message: 'API rate limit exceeded' }, headers: { 'retry-after': '2' } } as never);
    expect(limited).toMatchObject({ message: 'API rate limit exceeded', outcome: { kind: 'retry', retryAfterMs: 2000 } });
  });
  it('a body passed unread — a fetch Response itself, its stream, a json() promise not awaited: undecided, with how to pass it', () => {
    const res = () => new Response(body, { status: 400, headers: { 'content-type': 'application/json' } });
    for (const [what, input] of [
      ['the Response', res()],
      ['its stream', { method: 'start', status: 400, body: res().body }],
      ['a promise', { method: 'start', status: 400, body: Promise.resolve(JSON.parse(body)) }],
      ['a 200 start with its stream (no sid can be seen)', { method: 'start', status: 200, body: new Response('{}').body }],
    ] as const) {
      const d = explain(input as never);
      expect(d.outcome.kind, what).toBe('undecided');
      expect(d.ok, what).toBe(false);
      expect(d.notes.join(' '), what).toMatch(/await res\.text\(\)/);
      expect(explainZh(input as never).notes.join(' '), what).toMatch(/尚未读取/);
    }
    expect(explain(res() as never).status).toBe(400);
  });
});

describe('explain: a body an app wrapped in its own object', () => {
  it('reads the API body under the wrapper when the outer object has none of its keys', () => {
    expect(explain({ method: 'start', status: 400, body: '{"result":{"code":433,"reason":"resource expired"}}' })).toMatchObject({ code: 433, outcome: { kind: 'acquire-again' } });
    expect(explain({ method: 'acquire', status: 200, body: { response: { cname: 'r1', uid: '20001', resourceId: 'Rz9' } } })).toMatchObject({ resourceId: 'Rz9', outcome: { kind: 'success' } });
    expect(explain({ method: 'stop', status: 400, body: '{"ts":1733040000,"error":{"code":49,"reason":"invalid operation"}}' })).toMatchObject({ code: 49, outcome: { kind: 'already-done' } });
  });
  it('leaves a body with the API\'s own keys as it is, and two wrapped bodies unread', () => {
    expect(explain({ method: 'start', status: 206, body: '{"code":65,"data":{"code":433}}' }).code).toBe(65);
    expect(explain({ method: 'start', status: 400, body: '{"data":{"code":433},"error":{"code":2}}' }).code).toBeUndefined();
  });
});

describe('explain: a body code that calls for nothing, on a method whose success it lacks', () => {
  it('435 on start without a sid is neither done nor a retry; on stop it is done', () => {
    for (const status of [200, 206, undefined]) {
      const d = explain({ method: 'start', ...(status && { status }), body: '{"code":435,"reason":"no recorded data"}' });
      expect(d.outcome.kind, String(status)).toBe('undecided');
      expect(d.next).toMatch(/`sid`/);
      expect(explainZh({ method: 'start', ...(status && { status }), body: { code: 435 } }).next).toMatch(/确认这个错误码在 `start` 上的含义/);
    }
    expect(explain({ method: 'acquire', status: 200, body: { code: 435 } }).outcome.kind).toBe('undecided');
    // Cut short as a log cuts it: no sid either.
    expect(explain({ method: 'start', status: 206, body: '{"code":435,"rea' }).outcome.kind).toBe('undecided');
    expect(explain({ method: 'stop', status: 206, body: { code: 435, reason: 'no recorded data' } }).outcome.kind).toBe('success');
    // A duplicate start says it worked without a sid: already done, as the sources say.
    expect(explain({ method: 'start', status: 201, body: { code: 7 } }).outcome.kind).toBe('already-done');
  });
});

describe('the locale as callers write it', () => {
  it('a language tag of Chinese (zh-CN, zh_Hans, ZH) answers in Chinese; any other, in English', () => {
    for (const locale of ['zh', 'zh-CN', 'zh_Hans', 'ZH']) expect(explain({ body: { code: 433 }, method: 'start' }, { locale: locale as never }).next, locale).toMatch(/重新调用/);
    for (const locale of ['en', 'en-US', 'fr', 'zhx', undefined]) expect(explain({ body: { code: 433 }, method: 'start' }, { locale: locale as never }).next, String(locale)).toMatch(/^Call `acquire` again/);
  });
});

describe('explain: what it says keeps to the sources, and says whose advice it is', () => {
  it('53 on start: the request cannot succeed as sent, and next never says to send it again unchanged', () => {
    const d = explain({ status: 400, body: { code: 53, reason: 'task conflict' }, method: 'start' });
    expect(d.outcome.kind).toBe('fix-request');
    expect(d.next).not.toMatch(/then send it again/);
    expect(d.next).toMatch(/sent again unchanged, it fails the same way/);
    expect(explainZh({ status: 400, body: { code: 53 }, method: 'start' }).next).toMatch(/原样重发只会得到同样的错误/);
  });

  it('a code on a method no source gives it for: the step kept there is ours, not Agora\'s', () => {
    const d = explain({ status: 206, body: { code: 65 }, method: 'acquire' });
    expect(d.notes.join(' ')).toMatch(/not for `acquire`/);
    expect(d.basis).toEqual({ by: 'us', why: expect.stringMatching(/^Our advice: the sources give this step only on the methods named in the notes/) });
    // On a method a source gives it for, the step is the source's.
    expect(explain({ status: 206, body: { code: 65 }, method: 'start' }).basis).toMatchObject({ by: 'agora', source: 'seed' });
  });

  it('a wrong HTTP method is one possible cause of `no Route matched`, as the seed says (it may also give code 8)', () => {
    const d = explain({ status: 404, body: { message: 'no Route matched with those values' }, method: 'stop', verb: 'GET' });
    expect(d.notes.join(' ')).toMatch(/possible cause of the gateway's 404 `no Route matched with those values` \(and of body code 8\)/);
    expect(explainZh({ status: 404, method: 'stop', verb: 'GET' }).notes.join(' ')).toMatch(/可能导致网关返回 404/);
  });

  it('49 on stop: treating it as done is our reading of "already exiting", and says so', () => {
    const d = explain({ status: 400, body: { code: 49, reason: 'invalid operation' }, method: 'stop' });
    expect(d.outcome.kind).toBe('already-done');
    expect(d.basis).toMatchObject({ by: 'us', why: expect.stringMatching(/our reading/) });
  });

  it('a task that is exiting is not said to be gone already (501 after stop)', () => {
    const d = explain({ status: 400, body: { code: 501 }, method: 'query' });
    expect(d.next).toMatch(/has ended or is ending/);
    expect(d.next).not.toMatch(/no longer exists/);
  });

  it('the Chinese schedule says a retry follows each wait, as the English does', () => {
    expect(explainZh({ status: 206, body: { code: 65 }, method: 'start' }).next).toMatch(/第 1 次等待 3 秒后重试，第 2 次等待 6 秒后重试/);
    expect(explain({ status: 206, body: { code: 65 }, method: 'start' }).next).toMatch(/after 3 s, then 6 s/);
  });

  it('the credentials step names every check the seed gives for 401 before support', () => {
    const next = explain({ status: 401, body: { message: 'Invalid authentication credentials' }, method: 'acquire' }).next;
    for (const check of ['Customer ID', 'Customer Secret', 'Authorization: Basic', 'Content-Type', 'Cloud Recording enabled']) expect(next).toContain(check);
  });
});

describe('explain: a recording session as a log or a client hands it over (a third audit, blind)', () => {
  const sid = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
  it('a body cut inside a state is not taken as done: the state cut off may be graver than those read', () => {
    // Cut inside a sub-service's value, inside an extension, inside the upload status, inside an output's list.
    const cuts = [
      { method: 'query', body: `{"sid":"${sid}","serverResponse":{"status":5,"subServiceStatus":{"recordingService":"serviceInProgress","uploaderService":"serv` },
      { method: 'query', body: `{"sid":"${sid}","serverResponse":{"status":4,"extensionServiceState":[{"serviceName":"web_rec` },
      { method: 'stop', body: `{"resourceId":"r","sid":"${sid}","serverResponse":{"fileList":"a.m3u8","uploadingStatus":"upl` },
      { method: 'query', body: `{"sid":"${sid}","serverResponse":{"status":5,"extensionServiceState":[{"serviceName":"rtmp_publish_service","payload":{"outputs":[{"rtmpUrl":"rtmp://cdn/x","status":"pub` },
    ] as const;
    for (const { method, body } of cuts) {
      for (const d of [explain({ method, status: 200, body }), explainZh({ method, status: 200, body })]) {
        expect(d.outcome.kind, body).toBe('undecided');
        expect(d.ok, body).toBe(false);
      }
      expect(explain({ method, status: 200, body }).notes.join(' ')).toMatch(/cut off inside `serverResponse\./);
      expect(explain({ method, status: 200, body }).next).toMatch(/^Read the whole body first/);
    }
    // One cut in its file list may have lost the extensions' states after it (the reference's order); whole, the bodies go by what they say.
    expect(explain({ method: 'query', status: 200, body: `{"sid":"${sid}","serverResponse":{"status":5,"fileList":[{"fileName":"a1b2` }).outcome.kind).toBe('undecided');
    expect(explain({ method: 'query', status: 200, body: `{"sid":"${sid}","serverResponse":{"status":5,"subServiceStatus":{"recordingService":"serviceInProgress"}}}` }).outcome.kind).toBe('success');
    expect(explain({ method: 'query', status: 200, body: `{"sid":"${sid}","serverResponse":{"status":1,"fileList":"` }).outcome.kind).toBe('in-progress');
  });

  it('a body cut inside its `code` lost what decides: undecided, not the HTTP status\'s step', () => {
    for (const body of ['{"code":43', '{"code": 6', '{"reason":"x","code":5']) {
      const d = explain({ method: 'start', status: 400, body });
      expect(d.outcome.kind, body).toBe('undecided');
      expect(d.notes.join(' '), body).toMatch(/cut off inside `code`/);
      expect(explainZh({ method: 'stop', status: 206, body }).outcome.kind, body).toBe('undecided');
    }
    // A code read whole before the cut decides.
    expect(explain({ method: 'start', status: 400, body: '{"code":433,"rea' }).outcome.kind).toBe('acquire-again');
  });

  it('once the recording is stopping, an output that disconnected or an extension that exited is no fault', () => {
    const parts = [
      { serviceName: 'rtmp_publish_service', payload: { outputs: [{ rtmpUrl: 'rtmp://cdn/live', status: 'disconnected' }] } },
      { serviceName: 'web_recorder_service', payload: { state: 'exit', fileList: [] } },
    ];
    const stop = explain({ method: 'stop', status: 200, body: { resourceId: 'r', sid, serverResponse: { extensionServiceState: parts } } });
    expect(stop.outcome.kind).toBe('success');
    expect(stop.ok).toBe(true);
    for (const status of [6, 7]) {
      const d = explainZh({ method: 'query', status: 200, body: { sid, serverResponse: { status, extensionServiceState: parts } } });
      expect(d.outcome.kind, `status ${status}`).toBe('in-progress');
    }
    // While it records, a disconnected output still calls for a look at its settings (our advice, labelled so).
    const running = explain({ method: 'query', status: 200, body: { sid, serverResponse: { status: 5, extensionServiceState: parts.slice(0, 1) } } });
    expect(running.outcome.kind).toBe('fix-request');
    expect(running.basis?.by).toBe('us');
  });

  it('a value the catalog does not know, in any state of the response, leaves it undecided (the outcome agrees with the words)', () => {
    const bodies = [
      { sid, serverResponse: { status: 5, subServiceStatus: { recordingService: 'serviceRestarting' } } },
      { sid, serverResponse: { status: 5, extensionServiceState: [{ payload: { state: 'paused' } }] } },
      { sid, serverResponse: { status: 4, extensionServiceState: [{ payload: { outputs: [{ status: 'retrying' }] } }] } },
    ];
    for (const body of bodies) {
      const d = explain({ method: 'query', status: 200, body });
      expect(d.outcome.kind, JSON.stringify(body)).toBe('undecided');
      expect(d.next).toMatch(/do not take the request as done/);
    }
  });

  it('a body passed alone as a parsed object is read as the body, wrapped or not', () => {
    expect(explain({ code: 433, reason: 'resource expired' }).record?.ref).toBe('error-code:433');
    expect(explain({ error: { code: 49, reason: 'invalid operation' } }).record?.ref).toBe('error-code:49');
    expect(explain({ sid, serverResponse: { status: 8 } }).outcome.kind).toBe('gone');
    expect(explain({ message: 'Invalid authentication credentials' }).outcome.kind).toBe('fix-credentials');
    // Not a body: a response's own fields, read as they are.
    expect(explain({ status: 429 }).outcome.kind).toBe('retry');
  });

  it('a code the sources give only for another method is said as theirs, not as what happened here', () => {
    const d = explain({ method: 'stop', status: 500, body: { code: 500, reason: 'internal_error' } });
    expect(d.summary).toMatch(/On `acquire`: /);
    expect(d.summary).not.toMatch(/occurred in the recording service during `acquire`/);
    expect(explainZh({ method: 'query', status: 500, body: { code: 500 } }).summary).toMatch(/在 `acquire` 上：/);
  });

  it('a reason that is the code\'s meaning on other methods: the step fits both, and says to go by this method\'s meaning if it keeps failing', () => {
    const d = explain({ method: 'acquire', status: 500, body: '{"code": 62, "reason": "request timeout"}' });
    expect(d.outcome.kind).toBe('retry');
    expect(d.basis).toEqual({ by: 'us', why: expect.stringMatching(/keeps failing, go by the meaning on this method/) });
    expect(d.basis?.by === 'us' && d.basis.why).not.toMatch(/Without the method/);
  });

  it('65 without its method: the step most methods take (retry), not start\'s acquire-again, and each method\'s step in a note', () => {
    for (const d of [explain('{"code":65,"reason":"request not completed"}'), explainZh({ status: 206, body: { code: 65 } })]) {
      expect(d.outcome.kind).toBe('retry');
      expect(d.retry.action === 'retry' && d.retry.then).not.toBe('acquire-again');
      expect(d.notes.join(' ')).toMatch(/start/);
    }
    // With the method, that method's step.
    expect(explain({ method: 'start', status: 206, body: { code: 65 } }).retry).toMatchObject({ then: 'acquire-again' });
  });

  it('an unknown body code carries the seed\'s word: other errors go to technical support', () => {
    expect(explain({ method: 'query', status: 400, body: { code: 7777 } }).next).toMatch(/technical support/);
    expect(explainZh({ method: 'query', status: 400, body: { code: 7777 } }).next).toMatch(/联系技术支持/);
  });

  it('a duplicate start: taking it as done is our reading, with the first start\'s sid; 53 says how to record a second time', () => {
    const seven = explain({ method: 'start', status: 201, body: { code: 7, reason: 'already started' } });
    expect(seven.outcome.kind).toBe('already-done');
    expect(seven.basis).toEqual({ by: 'us', why: expect.stringMatching(/use the `sid` the first `start` returned/) });
    const fiftyThree = explainZh({ method: 'start', status: 400, body: { code: 53, reason: 'task conflict' } });
    expect(fiftyThree.summary).toMatch(/不同的 UID/);
  });
});

describe('explain: what a read-back of the third audit\'s fixes asked', () => {
  it('a reason of another method on a code whose step there is no retry keeps the record\'s own step and basis', () => {
    // 501 on query with acquire's reason: gone, and no "fits both … keeps failing" sentence.
    const d = explain({ method: 'query', status: 200, body: { code: 501, reason: 'no_worker_manager_available' } });
    expect(d.basis?.by === 'us' ? d.basis.why : '').not.toMatch(/fits both/);
  });
  it('a code given only for other methods is said with the meaning its reason names', () => {
    const d = explain({ method: 'update', status: 500, body: { code: 501, reason: 'no_worker_manager_available' } });
    expect(d.summary).toMatch(/On `acquire`/);
  });
  it('a wrapped body cut inside its code is undecided too', () => {
    expect(explain({ method: 'start', status: 400, body: '{"error":{"code":43' }).outcome.kind).toBe('undecided');
  });
  it('parts that end with a stopping recording are set aside with a note saying it is our reading', () => {
    const d = explainZh({ method: 'stop', status: 200, body: { sid: 's', serverResponse: { extensionServiceState: [{ payload: { outputs: [{ status: 'disconnected' }] } }] } } });
    expect(d.outcome.kind).toBe('success');
    expect(d.notes.join(' ')).toMatch(/我们的理解：录制正在停止/);
  });
  it('an Error is no body passed alone', () => {
    expect(explain(new Error('socket hang up') as never).record).toBeUndefined();
  });
});

describe('explain: a fourth audit of whole sessions (blind): nothing taken as done that the response does not show', () => {
  const sid = '5d41402abc4b2a76b9719d911017c592';
  const both = (input: Parameters<typeof explain>[0]) => [explain(input), explainZh(input)];

  it('a query body a log cut after the recording\'s status, still inside serverResponse, is undecided wherever the cut falls', () => {
    const whole = `{"cname":"lab-2","uid":"88","resourceId":"rr","sid":"${sid}","serverResponse":{"status":4,"fileListMode":"hls","fileList":"${sid}_lab-2.m3u8","sliceStartTime":1764662400123,"subServiceStatus":{"recordingService":"serviceReady","uploaderService":"serviceAbnormal"}},"code":0}`;
    const from = whole.indexOf('"status":4,') + '"status":4,'.length;
    const end = whole.indexOf('}},"code"') + 2;
    for (let at = from; at < end; at += 7) {
      for (const d of both({ method: 'query', status: 200, body: whole.slice(0, at) })) {
        expect(d.outcome.kind, whole.slice(0, at)).toBe('undecided');
        expect(d.ok).toBe(false);
        expect(d.summary).not.toMatch(/`query` succeeded|调用成功/);
      }
    }
    // Whole, the abnormal uploader decides; cut after serverResponse ended, every state was read.
    expect(explain({ method: 'query', status: 200, body: whole }).outcome.kind).toBe('contact-support');
    expect(explain({ method: 'query', status: 200, body: whole.slice(0, end + 4) }).outcome.kind).toBe('contact-support');
  });

  it('a stop answer a log cut before its upload status is undecided, even when only `{` is left', () => {
    for (const body of ['{', `{"resourceId":"rr","sid":"${sid}",`, `{"resourceId":"rr","sid":"${sid}","serverResponse":{"fileListMode":"json","fileList":[{"filename":"a.m3u8"`]) {
      for (const d of both({ method: 'stop', status: 200, body })) {
        expect(d.outcome.kind, body).toBe('undecided');
        expect(d.ok).toBe(false);
      }
    }
    expect(explain({ method: 'stop', status: 200, body: `{"resourceId":"rr","sid":"${sid}","serverResponse":{"uploadingStatus":"uploaded"}}` }).outcome.kind).toBe('success');
  });

  it('a code the sources give only for start never tells a stop, query or update to start a new recording', () => {
    for (const [method, status, code] of [['stop', 400, 433], ['query', 400, 433], ['update', 400, 433], ['stop', 500, 502], ['updateLayout', 500, 502], ['query', 400, 7]] as const) {
      for (const d of both({ method, status, body: { code } })) {
        expect(d.outcome.kind, `${code} on ${method}`).toBe('undecided');
        expect(d.next).not.toMatch(/`start`/);
        expect(d.next).toContain(`\`${method}\``);
        expect(d.basis).toBeUndefined();
      }
      expect(explain({ method, status, body: { code } }).notes.join(' ')).toMatch(/only for `start`/);
    }
    // On `start` they keep their own steps.
    expect(explain({ method: 'start', status: 400, body: { code: 433 } }).outcome.kind).toBe('acquire-again');
    expect(explain({ method: 'start', status: 201, body: { code: 7 } }).outcome.kind).toBe('already-done');
  });

  it('"exiting" codes on a method the sources do not give them for: not a request to fix; a server error is still retried', () => {
    for (const code of [49, 501]) expect(explain({ method: 'update', status: 400, body: { code } }).outcome.kind, String(code)).toBe('undecided');
    expect(explain({ method: 'updateLayout', status: 500, body: { code: 501 } }).outcome.kind).toBe('retry');
  });

  it('435 is nothing to do on stop only: on update or updateLayout nothing was applied, so it is undecided', () => {
    for (const method of ['update', 'updateLayout'] as const) {
      const d = explain({ method, status: 400, body: { code: 435, reason: 'no recorded data' } });
      expect(d.outcome.kind).toBe('undecided');
      expect(d.summary).not.toContain(`On \`${method}\``);
    }
    expect(explain({ method: 'stop', status: 206, body: { code: 435 } }).outcome.kind).toBe('success');
  });

  it('206 on stop with no code: not "nothing to do"; the three cases the seed lists are named', () => {
    for (const d of both({ method: 'stop', status: 206 })) {
      expect(d.outcome.kind).toBe('undecided');
      expect(d.next).not.toMatch(/by the status alone|只看状态码/);
    }
    const d = explain({ method: 'stop', status: 206, body: '' });
    expect(d.basis).toMatchObject({ by: 'us', why: expect.stringMatching(/nobody sent a stream, some files did not reach the third-party storage, or the recording process has not ended yet/) });
    expect(d.basis && 'why' in d.basis && d.basis.why).not.toMatch(/49 or 404/);
  });

  it('a value no source lists: the summary does not say the call succeeded, no source is cited, and after stop no query is advised', () => {
    for (const d of both({ method: 'query', status: 200, body: { resourceId: 'rr', sid, serverResponse: { status: 11 } } })) {
      expect(d.outcome.kind).toBe('undecided');
      expect(d.summary).not.toMatch(/succeeded\.|调用成功/);
      expect(d.basis).toBeUndefined();
    }
    const stop = explain({ method: 'stop', status: 200, body: { resourceId: 'rr', sid, serverResponse: { uploadingStatus: 'pending' } } });
    expect(stop.outcome.kind).toBe('undecided');
    expect(stop.next).not.toMatch(/query/);
    expect(explainZh({ method: 'stop', status: 200, body: { resourceId: 'rr', sid, serverResponse: { uploadingStatus: 'pending' } } }).next).not.toMatch(/查询/);
  });

  it('a Retry-After on start longer than a resource ID lasts: acquire a new one after the wait, not the same one again', () => {
    const d = explain({ method: 'start', status: 500, headers: { 'retry-after': '420' }, body: { code: 62, reason: 'request timeout' } });
    expect(d.outcome.kind).toBe('acquire-again');
    expect(d.next).toMatch(/420 s/);
    expect(d.basis).toMatchObject({ by: 'us', why: expect.stringMatching(/within 5 minutes of `acquire`/) });
    // Waits that fit once or twice in its life, each later answer taken to ask as long again (as withRetry() waits):
    // those retries, then a new resource ID (429 on start reuses its resource ID too). The next step says this answer's
    // wait first, then the schedule's.
    expect(explain({ method: 'start', status: 206, headers: { 'retry-after': '200' }, body: { code: 65 } }).outcome).toMatchObject({ kind: 'retry', delaysMs: [3000], retryAfterMs: 200_000, then: 'acquire-again' });
    const limited = explain({ method: 'start', status: 429, headers: { 'retry-after': '120' }, body: { message: 'API rate limit exceeded' } });
    expect(limited.outcome).toMatchObject({ kind: 'retry', delaysMs: [1000, 3000], sameResourceId: true, then: 'acquire-again' });
    expect(limited.next).toMatch(/after 120 s, then 3 s; if it still fails, call `acquire` again/);
    // A short wait keeps the resource ID; on query there is no resource ID to lose.
    expect(explain({ method: 'start', status: 500, headers: { 'retry-after': '20' }, body: { code: 62 } }).outcome).toMatchObject({ kind: 'retry', sameResourceId: true });
    expect(explain({ method: 'query', status: 504, headers: { 'retry-after': '420' }, body: { code: 62 } }).outcome).toMatchObject({ kind: 'retry', retryAfterMs: 420_000 });
  });

  it('a recording that has exited, in stop\'s own answer, is what the stop asked for: the upload decides', () => {
    const stopped = explain({ method: 'stop', status: 200, body: { resourceId: 'r', sid: 's', serverResponse: { status: 8, uploadingStatus: 'uploaded' } } });
    expect(stopped.outcome.kind).toBe('success');
    expect(explain({ method: 'stop', status: 200, body: { serverResponse: { status: 8, uploadingStatus: 'backuped' } } }).record?.ref).toBe('upload-status:backuped');
    // So is one that exited abnormally (20): the stop is done, and no new recording is called for.
    expect(explain({ method: 'stop', status: 200, body: { serverResponse: { status: 20, uploadingStatus: 'uploaded' } } }).outcome.kind).toBe('success');
    // On query, the same status says the task is gone.
    expect(explain({ method: 'query', status: 200, body: { resourceId: 'r', sid: 's', serverResponse: { status: 8 } } }).outcome.kind).toBe('gone');
  });

  it('an HTTP client\'s error given whole is its response, with the method its URL calls', () => {
    // What a backend's catch block holds: axios' error, the response in `response`, the request in `config`.
    const error = {
      name: 'AxiosError',
      message: 'Request failed with status code 400',
      code: 'ERR_BAD_REQUEST',
      config: { method: 'post', url: 'https://api.sd-rtn.com/v1/apps/abc/cloud_recording/resourceid/xyz/mode/mix/start' },
      response: { status: 400, statusText: 'Bad Request', headers: { 'content-type': 'application/json' }, data: { code: 53, reason: 'task conflict' } },
    };
    const d = explain(error);
    expect(d).toMatchObject({ method: 'start', status: 400, code: 53, outcome: { kind: 'fix-request' } });
    expect(d.summary).not.toMatch(/Request failed with status code/);
    // A method given beside it wins over the URL; a response without a status is no response.
    expect(explain({ method: 'start', response: { status: 206, data: { code: 65 } } }).outcome).toMatchObject({ kind: 'retry', delaysMs: [3000, 6000] });
    expect(explain({ response: { status: 'soon' }, message: 'Unauthorized' }).record?.ref).toBe('message-error:unauthorized');
  });

  it('a body of plain text that is a reason the API writes is that reason, not a page from another server', () => {
    // As a client that reads the body with res.text() and logs it, or a proxy that passes only the reason on.
    expect(explain({ method: 'start', status: 206, body: 'request not completed' }).outcome).toMatchObject({ kind: 'retry', delaysMs: [3000, 6000], sameResourceId: true, then: 'acquire-again' });
    expect(explain({ method: 'query', status: 206, body: 'request not completed\n' }).outcome).toMatchObject({ kind: 'retry', sameResourceId: true });
    const stop = explain({ method: 'stop', status: 206, body: 'No recorded data' });
    expect(stop.outcome.kind).toBe('success');
    expect(stop.summary).not.toMatch(/web server|plain text/);
    // Text that names nothing the API writes is still a page from elsewhere.
    expect(explain({ method: 'start', status: 206, body: 'Partial Content' }).outcome.kind).toBe('fix-request');
  });

  it('a code no source lists: the step the status gives, with the seed\'s word to ask support, in the next step', () => {
    for (const d of both({ method: 'acquire', status: 400, body: { code: 4242, reason: 'quota rule changed' } })) {
      expect(d.next).toMatch(/4242/);
      expect(d.next).toMatch(/technical support|技术支持/);
    }
  });
});

describe('explain: whose word a step is, where the sources give it for other methods (blind audits of sessions and of the CLI)', () => {
  it('201 on stop: the sources give it for a repeated start only; it is not taken as done there (the recording may run on)', () => {
    const d = explain({ method: 'stop', status: 201, body: { cname: 'k-1', uid: '3', resourceId: 'r', sid: 's' } });
    expect(d.outcome.kind).toBe('undecided');
    expect(d.basis).toBeUndefined();
    expect(d.next).toMatch(/what this code means on `stop`/);
    expect(d.notes.join(' ')).toMatch(/only for `start`, not for `stop`/);
    // On start it is the seed's (with our reading of what to do).
    expect(explain({ method: 'start', status: 201, body: { code: 7 } }).notes.join(' ')).not.toMatch(/only for/);
  });

  it('435 without what the method returns (on start, on acquire): undecided, with no advice about stop behind it', () => {
    for (const method of ['start', 'acquire'] as const) {
      const d = explain({ method, status: 206, body: { code: 435 } });
      expect(d.outcome.kind).toBe('undecided');
      expect(d.basis).toBeUndefined();
    }
  });
});

describe('explain: a repeated start taken as done (a second blind audit of sessions)', () => {
  it('7 or 201 without a sid: done, and a note that the later calls need the first start\'s sid, and where events carry one', () => {
    for (const input of [{ method: 'start' as const, status: 201, body: { code: 7, reason: 'already started' } }, { method: 'start' as const, status: 201, body: '' }]) {
      const d = explain(input);
      expect(d.outcome.kind).toBe('already-done');
      expect(d.notes.join(' ')).toMatch(/no `sid`.*notification service/);
    }
    expect(explain({ method: 'start', status: 201, body: { code: 7, resourceId: 'r', sid: 's1' } }).notes.join(' ')).not.toMatch(/no `sid`/);
  });

  it('62 with its reason on start is start\'s, whatever the 5xx status: retry with the same resource ID, then acquire again', () => {
    for (const status of [500, 502, 504]) {
      const d = explain({ method: 'start', status, body: { code: 62, reason: 'request timeout' } });
      expect(d.outcome, String(status)).toMatchObject({ kind: 'retry', sameResourceId: true, then: 'acquire-again' });
      expect(d.notes.join(' ')).not.toMatch(/not on `start`/);
    }
  });

  it('a body given as null is an empty body: no success for start or query', () => {
    for (const method of ['start', 'query'] as const) {
      for (const body of [null, 'null']) {
        const d = explain({ method, status: 200, body });
        expect(d.ok, `${method} ${body}`).toBe(false);
        expect(d.outcome.kind).not.toBe('success');
        expect(d.outcome.kind).not.toBe('fix-request');
      }
    }
  });
});

describe('explain: a package audit of what integrators pass (blind)', () => {
  it('a fetch Response given as the body is a body passed unread: undecided, with how to pass it', () => {
    for (const [status, text] of [[200, '{"resourceId":"r","sid":"s"}'], [400, '{"code":433}']] as const) {
      const d = explain({ method: 'start', status, body: new Response(text) });
      expect(d.outcome.kind).toBe('undecided');
      expect(d.notes.join(' ')).toMatch(/passed unread.*fromResponse/);
    }
  });
});
