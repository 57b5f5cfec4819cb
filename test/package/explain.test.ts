/**
 * explain() on the response bodies Cloud Recording really sends, and on
 * whatever else a service may hand it.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/index.ts';
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

  it('65 on start with HTTP 206: retry the same resource ID after 3000 ms, then 6000 ms, then acquire again', () => {
    const d = explain({ status: 206, body: { code: 65, reason: 'request not completed' }, method: 'start' });
    expect(d.retry).toMatchObject({ action: 'retry', delaysMs: [3000, 6000], sameResourceId: true, then: 'acquire-again', retryable: true });
    expect(d.next).toMatch(/after 3000 ms, then 6000 ms/);
    expect(explainZh({ status: 206, body: { code: 65 }, method: 'start' }).next).toMatch(/先等待 3000 毫秒，再等待 6000 毫秒后重试/);
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
    expect(d.notes.join(' ')).toMatch(/9999 is not in the catalog/);
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
    undefined, null, 0, 42, NaN, -0, 1e309, 'text', [], [1, 2], true, Symbol('s'), () => 1,
    {}, { status: null }, { status: {} }, { status: 'abc' }, { status: 1e309 }, { status: -1 },
    { body: 42 }, { body: [1] }, { body: null }, { body: '{' }, { body: '[1,2' }, { body: 'null' }, { body: '"str"' }, { body: '[]' },
    { body: { code: {} } }, { body: { code: [] } }, { body: { code: null } }, { body: { code: -5 } }, { body: { code: 1.5 } }, { body: { code: 'abc' } },
    { body: { message: {} } }, { body: { message: 42 } }, { body: { serverResponse: 'x' } }, { body: { serverResponse: { payload: 5 } } },
    { body: JSON.parse('{"__proto__": {"code": 433}, "constructor": {"prototype": 1}}') },
    { body: huge }, { body: `{"message": "${huge}"}` }, { body: `<${huge}` }, { method: 'constructor' }, { method: {} },
    Object.create(null), { get status() { throw new Error('boom'); } },
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
