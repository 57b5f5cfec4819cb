/**
 * The client: fromResponse reads a fetch Response once; withRetry sends again
 * on the catalog's schedule, waits abortably, tells onRetry, and fails with a
 * RecordingError that says what to do.
 */
import { describe, expect, it, vi } from 'vitest';
import { fromResponse, RecordingError, withRetry, type RetryEvent } from '../../src/index.ts';
import { type RecordingError as RecordingErrorZh, withRetry as withRetryZh } from '../../src/zh.ts';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json;charset=utf-8', ...headers } });

/** A call that answers with these responses in turn (functions build a fresh Response each time). */
function answers(...list: (Response | Error)[]) {
  const call = vi.fn(async () => {
    const next = list.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  });
  return call;
}

const fakeClock = () => {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
};

describe('fromResponse', () => {
  it('reads the status, headers and body of a Response once', async () => {
    const res = json(206, { code: 65, reason: 'request not completed' });
    const d = await fromResponse(res, 'start');
    expect(d.outcome).toEqual({ kind: 'retry', delaysMs: [3000, 6000], sameResourceId: true, then: 'acquire-again' });
    expect(res.bodyUsed).toBe(true);
  });

  it('honours Retry-After from the Response headers', async () => {
    const d = await fromResponse(json(429, { message: 'API rate limit exceeded' }, { 'Retry-After': '4' }), 'acquire');
    expect(d.outcome).toMatchObject({ kind: 'retry', retryAfterMs: 4000 });
  });

  it('a body already read: explains the status and says so', async () => {
    const res = json(500, { code: 62 });
    await res.text();
    const d = await fromResponse(res, 'query');
    expect(d.record?.ref).toBe('http-status:500');
    expect(d.notes.join(' ')).toMatch(/already been read/);
  });

  it('a body that fails while being read is reported, not thrown', async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"code":65,'));
        controller.error(new Error('socket hang up'));
      },
    });
    const d = await fromResponse(new Response(stream, { status: 206 }), 'start');
    expect(d.notes.join(' ')).toMatch(/could not be read.*socket hang up/);
  });
});

describe('withRetry', () => {
  it('resolves with the successful Response, its body unread, after the schedule of the method', async () => {
    const clock = fakeClock();
    const events: RetryEvent[] = [];
    const call = answers(json(206, { code: 65 }), json(206, { code: 65 }), json(200, { resourceId: 'r', sid: 's1' }));
    const res = await withRetry(call, { method: 'start', sleep: clock.sleep, onRetry: (e) => void events.push(e) });
    expect(await res.json()).toMatchObject({ sid: 's1' });
    expect(call).toHaveBeenCalledTimes(3);
    expect(clock.waits).toEqual([3000, 6000]);
    expect(events.map((e) => [e.attempt, e.delayMs, e.diagnosis.code, e.response?.status])).toEqual([
      [2, 3000, 65, 206],
      [3, 6000, 65, 206],
    ]);
  });

  it('a start whose every answer asks to wait: the waits stay within the resource ID\'s life, then a new one', async () => {
    const clock = fakeClock();
    const call = vi.fn(async () => new Response('{"message":"API rate limit exceeded"}', { status: 429, headers: { 'retry-after': '120' } }));
    const error = await withRetry(call, { method: 'start', sleep: clock.sleep, maxDelayMs: 600_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordingError);
    expect((error as RecordingError).outcome.kind).toBe('acquire-again');
    // 5 minutes after acquire the resource ID has expired: no start goes out with it after that.
    expect(clock.waits).toEqual([120_000, 120_000]);
    expect(clock.waits.reduce((a, b) => a + b, 0)).toBeLessThan(300_000);
  });

  it('resolves on already-done (201 with 7) and on an in-progress query', async () => {
    const clock = fakeClock();
    expect((await withRetry(answers(json(201, { code: 7, reason: 'already started' })), { method: 'start', sleep: clock.sleep })).status).toBe(201);
    expect((await withRetry(answers(json(200, { serverResponse: { status: 1 } })), { method: 'query', sleep: clock.sleep })).status).toBe(200);
    expect(clock.waits).toEqual([]);
  });

  it('after the last retry, fails with the policy\'s `then`: acquire again, start over', async () => {
    const clock = fakeClock();
    const call = answers(json(206, { code: 65 }), json(206, { code: 65 }), json(206, { code: 65 }));
    const error = await withRetry(call, { method: 'start', sleep: clock.sleep }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordingError);
    expect(error).toBeInstanceOf(Error);
    const e = error as RecordingError;
    expect(e).toMatchObject({ name: 'RecordingError', code: 65, status: 206, method: 'start', outcome: { kind: 'acquire-again' }, retryable: true, attempts: 3 });
    expect(e.docUrl).toMatch(/\/en\/errors\/65\/$/);
    expect(e.diagnosis.record?.ref).toBe('error-code:65');
    expect(e.message).toMatch(/^`start`: 65 REQUEST_NOT_COMPLETED/);
    // What now, not the retry that was just used up.
    expect(e.message).toMatch(/3 attempts failed; now call `acquire` again for a new resource ID, then `start`\.$/);
    expect(e.message).not.toMatch(/Retry the same request/);
    expect(clock.waits).toEqual([3000, 6000]);
  });

  it('fails at once where sending again cannot help, with what to do', async () => {
    const clock = fakeClock();
    const cases: [Response, string, string, boolean][] = [
      [json(401, { message: 'Invalid authentication credentials' }), 'acquire', 'fix-credentials', false],
      [json(404, { code: 404, serverResponse: { payload: { message: 'failed to find worker' } } }), 'query', 'gone', false],
      [json(400, { code: 433 }), 'start', 'acquire-again', true],
      [json(200, { serverResponse: { status: 20 } }), 'query', 'acquire-again', true],
    ];
    for (const [res, method, kind, retryable] of cases) {
      const call = answers(res);
      const e = (await withRetry(call, { method: method as 'query', sleep: clock.sleep }).catch((x: unknown) => x)) as RecordingError;
      expect(e.outcome.kind, kind).toBe(kind);
      expect(e.retryable, kind).toBe(retryable);
      expect(call).toHaveBeenCalledTimes(1);
    }
    expect(clock.waits).toEqual([]);
  });

  it('another HTTP client\'s answers: axios resolves with `{ status, data }` and rejects a 4xx or 5xx with its response in the error', async () => {
    const clock = fakeClock();
    const axiosError = (status: number, data: unknown, headers: Record<string, string> = {}) =>
      Object.assign(new Error(`Request failed with status code ${status}`), { name: 'AxiosError', isAxiosError: true, response: { status, data, headers, config: {} } });
    // A parameter error is no lost answer: not retried, fixed.
    let e = (await withRetry(async () => Promise.reject(axiosError(400, { code: 2, reason: 'invalid parameter' })), { method: 'start', sleep: clock.sleep }).catch((x: unknown) => x)) as RecordingError;
    expect(e.outcome.kind).toBe('fix-request');
    expect(e.code).toBe(2);
    expect(e.status).toBe(400);
    expect(e.attempts).toBe(1);
    // A start that succeeded without a sid is not taken as done.
    const noSid = { status: 200, data: { cname: 'c', uid: '1', resourceId: 'r' }, headers: {} };
    e = (await withRetry(async () => noSid, { method: 'start', sleep: clock.sleep }).catch((x: unknown) => x)) as RecordingError;
    expect(e).toBeInstanceOf(RecordingError);
    expect(e.outcome.kind).not.toBe('success');
    clock.waits.length = 0;
    // A 429 with Retry-After waits as asked, then the answer resolves as axios gave it.
    const ok = { status: 200, data: { cname: 'c', uid: '1', resourceId: 'r', sid: 's' }, headers: {} };
    const seq: unknown[] = [axiosError(429, { message: 'API rate limit exceeded' }, { 'retry-after': '4' }), ok];
    const got = await withRetry(async () => { const next = seq.shift(); if (next instanceof Error) throw next; return next as typeof ok; }, { method: 'start', sleep: clock.sleep });
    expect(got).toBe(ok);
    expect(clock.waits).toEqual([4000]);
  });

  it('a request with no answer is sent again on its method\'s schedule; the last error is the cause', async () => {
    const clock = fakeClock();
    const lost = new TypeError('fetch failed');
    const call = answers(lost, json(201, { code: 7 }));
    expect((await withRetry(call, { method: 'start', sleep: clock.sleep })).status).toBe(201);
    expect(clock.waits).toEqual([3000]);

    const always = answers(lost, lost, lost);
    const e = (await withRetry(always, { method: 'start', sleep: clock.sleep }).catch((x: unknown) => x)) as RecordingError;
    expect(e.outcome).toEqual({ kind: 'acquire-again' });
    expect(e.cause).toBe(lost);
    expect(e.diagnosis.summary).toMatch(/`start` got no answer \(TypeError: fetch failed\)/);
  });

  it('waits as long as Retry-After asks when that is longer, and gives up past maxDelayMs', async () => {
    const clock = fakeClock();
    await withRetry(answers(json(429, { message: 'API rate limit exceeded' }, { 'Retry-After': '5' }), json(200, { resourceId: 'r' })), { method: 'acquire', sleep: clock.sleep });
    expect(clock.waits).toEqual([5000]);
    const e = (await withRetry(answers(json(503, '', { 'Retry-After': '3600' })), { method: 'acquire', sleep: clock.sleep }).catch((x: unknown) => x)) as RecordingError;
    expect(e).toBeInstanceOf(RecordingError);
    expect(e.message).toMatch(/3600 s is longer than the 60 s this client accepts/);
    expect(e.outcome.kind).toBe('retry');
  });

  it('a Retry-After of more than a day is no reason to hammer the server: rejected at once, as any wait past maxDelayMs; a limit that is no number is the default', async () => {
    const clock = fakeClock();
    const call = answers(json(429, { message: 'API rate limit exceeded' }, { 'Retry-After': '172800' }), json(200, { resourceId: 'r' }));
    const e = (await withRetry(call, { method: 'acquire', sleep: clock.sleep }).catch((x: unknown) => x)) as RecordingError;
    expect(e).toBeInstanceOf(RecordingError);
    expect(call).toHaveBeenCalledTimes(1);
    expect(clock.waits).toEqual([]);
    const nan = answers(json(503, '', { 'Retry-After': '600' }), json(200, { resourceId: 'r' }));
    await expect(withRetry(nan, { method: 'acquire', sleep: clock.sleep, maxDelayMs: Number.NaN })).rejects.toBeInstanceOf(RecordingError);
    expect(nan).toHaveBeenCalledTimes(1);
  });

  it('an abort during a wait rejects with the signal\'s reason and sends nothing more (real timers)', async () => {
    const controller = new AbortController();
    const call = answers(json(503, '<html><title>503</title></html>'), json(200, { resourceId: 'r' }));
    const pending = withRetry(call, { method: 'acquire', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('shutting down')), 20);
    await expect(pending).rejects.toThrow('shutting down');
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('an aborted signal sends nothing; an injected sleep that ignores the signal is cut short', async () => {
    const call = answers(json(200, { resourceId: 'r' }));
    await expect(withRetry(call, { method: 'acquire', signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(call).not.toHaveBeenCalled();

    const controller = new AbortController();
    const never = () => new Promise<void>(() => undefined);
    const pending = withRetry(answers(json(500, {})), { method: 'query', signal: controller.signal, sleep: never });
    setTimeout(() => controller.abort(), 5);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('asks for a method of the API and a function', async () => {
    await expect(withRetry(answers(), { method: 'begin' as 'start' })).rejects.toThrow(TypeError);
    await expect(withRetry(undefined as never, { method: 'start' })).rejects.toThrow(/call must be a function/);
  });

  it('/zh fails in Chinese, with the same error class', async () => {
    const e = (await withRetryZh(answers(json(400, { code: 433 })), { method: 'start' }).catch((x: unknown) => x)) as RecordingErrorZh;
    expect(e).toBeInstanceOf(RecordingError);
    expect(e.message).toMatch(/resource ID 已过期/);
    expect(e.docUrl).toMatch(/\/zh\/errors\/433\/$/);
  });
});
