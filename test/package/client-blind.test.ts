/**
 * withRetry(), fromResponse() and RecordingError on answers replayed attempt by attempt, judged blind: 40 cases
 * written from the README, the catalog, the guides and the sources only, before anything was run, by someone who
 * had not read the client's code (test/fixtures/client-blind/cases.yaml; its header says the format and the
 * readings it took where the README was silent). Each case: what call() gives on each attempt (a fetch Response, or
 * no answer), and what withRetry does — the response it resolves with, or the RecordingError it rejects with (its
 * outcome, code, status, method, retryable, page), how many calls, the waits it asked `sleep` for, what onRetry
 * heard. A field a case leaves open is not checked; where the case writes `a|b`, the first answer is asserted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fromResponse, RecordingError, withRetry, type Method } from '../../src/index.ts';

type Answer = { status?: number; headers?: Record<string, string>; body?: string; error?: string };
type Case = {
  id: number;
  what: string;
  method: Method;
  fn?: 'fromResponse';
  readBodyFirst?: boolean;
  options?: { maxDelayMs?: number; locale?: 'zh' | 'en'; abortAfterCalls?: number };
  responses: Answer[];
  expect: {
    resolves?: number;
    rejects?: { outcome?: string; code?: number; status?: number; method?: string; retryable?: boolean; docUrl?: string; messageHasChinese?: boolean; abort?: boolean };
    resolvesWith?: { sid?: string; outcome?: string; pollAfterMs?: number };
    calls?: number;
    sleeps?: (number | string)[];
    onRetry?: { delayMs?: number; diagnosis?: { outcome?: string } }[];
    resolvedBodyUnread?: boolean;
  };
  open?: string;
};

const cases = (parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'client-blind', 'cases.yaml'), 'utf8')) as { cases: Case[] }).cases;

/** A fetch Response as the API sends it: JSON bodies with their Content-Type unless the case gives headers. */
function responseOf(a: Answer): Response {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(a.headers ?? {})) headers[k] = v.replace(/\{\{httpDate now\+(\d+)s\}\}/, (_, s: string) => new Date(Date.now() + Number(s) * 1000).toUTCString());
  if (a.body !== undefined && /^\s*[{[]/.test(a.body) && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json;charset=utf-8';
  return new Response(a.body ?? null, { status: a.status ?? 200, headers });
}

/** A wait as the case writes it: a number, or "a..b". */
const fits = (written: number | string, ms: number) => {
  if (typeof written === 'number') return ms === written;
  const [a, b] = written.split('..').map(Number);
  return ms >= a && ms <= b;
};

describe('withRetry() and fromResponse() on answers replayed attempt by attempt, judged blind from the sources', () => {
  it('has the cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));

  for (const c of cases) {
    it(`#${c.id} ${c.what}`, async () => {
      const e = c.expect;
      if (c.fn === 'fromResponse') {
        const res = responseOf(c.responses[0]);
        if (c.readBodyFirst) await res.text();
        const d = await fromResponse(res, c.method);
        if (e.resolvesWith?.sid !== undefined) expect(d.sid).toBe(e.resolvesWith.sid);
        if (e.resolvesWith?.outcome !== undefined) expect(d.outcome.kind).toBe(e.resolvesWith.outcome);
        if (e.resolvesWith?.pollAfterMs !== undefined) expect(d.outcome.kind === 'in-progress' && d.outcome.pollAfterMs).toBe(e.resolvesWith.pollAfterMs);
        return;
      }
      const answers = c.responses.map((a) => (a.error ? undefined : responseOf(a)));
      const controller = new AbortController();
      let calls = 0;
      const call = async () => {
        const n = calls++;
        if (n >= c.responses.length) throw new Error(`call ${n + 1}: more calls than the case gives answers`);
        if (c.options?.abortAfterCalls === n + 1) queueMicrotask(() => controller.abort());
        const answer = answers[n];
        if (!answer) throw new Error(c.responses[n].error);
        return answer;
      };
      const sleeps: number[] = [];
      const heard: { delayMs: number; outcome: string }[] = [];
      const run = withRetry(call, {
        method: c.method,
        sleep: async (ms: number) => {
          sleeps.push(ms);
        },
        onRetry: (r) => {
          heard.push({ delayMs: r.delayMs, outcome: r.diagnosis.outcome.kind });
        },
        ...(c.options?.maxDelayMs !== undefined && { maxDelayMs: c.options.maxDelayMs }),
        ...(c.options?.locale && { locale: c.options.locale }),
        ...(c.options?.abortAfterCalls !== undefined && { signal: controller.signal }),
      });
      const seen = () => JSON.stringify({ calls, sleeps, heard });
      if (e.resolves !== undefined) {
        const res = await run;
        expect(res, seen()).toBe(answers[e.resolves - 1]);
        if (e.resolvedBodyUnread) {
          expect(res.bodyUsed).toBe(false);
          await expect(res.clone().json()).resolves.toBeDefined();
        }
      } else if (e.rejects) {
        const error = await run.then(
          () => undefined,
          (x: unknown) => x,
        );
        expect(error, seen()).toBeDefined();
        if (e.rejects.abort) {
          expect(error instanceof RecordingError).toBe(false);
          expect((error as Error).name).toBe('AbortError');
        } else {
          expect(error, String(error)).toBeInstanceOf(RecordingError);
          const r = error as RecordingError;
          const got = { outcome: r.outcome.kind, code: r.code, status: r.status, method: r.method, retryable: r.retryable, docUrl: r.docUrl };
          if (e.rejects.outcome !== undefined) expect(got.outcome, JSON.stringify(got)).toBe(e.rejects.outcome);
          if (e.rejects.code !== undefined) expect(got.code, JSON.stringify(got)).toBe(e.rejects.code);
          if (e.rejects.status !== undefined) expect(got.status, JSON.stringify(got)).toBe(e.rejects.status);
          if (e.rejects.method !== undefined) expect(got.method).toBe(e.rejects.method);
          if (e.rejects.retryable !== undefined) expect(got.retryable, JSON.stringify(got)).toBe(e.rejects.retryable);
          if (e.rejects.docUrl !== undefined) expect(got.docUrl).toBe(e.rejects.docUrl);
          if (e.rejects.messageHasChinese !== undefined) expect(/\p{Script=Han}/u.test(r.message), r.message).toBe(e.rejects.messageHasChinese);
        }
      }
      if (e.calls !== undefined) expect(calls, seen()).toBe(e.calls);
      if (e.sleeps !== undefined) {
        expect(sleeps.length, seen()).toBe(e.sleeps.length);
        e.sleeps.forEach((w, i) => expect(fits(w, sleeps[i]), `wait ${i + 1}: ${seen()}`).toBe(true));
      }
      if (e.onRetry !== undefined) {
        expect(heard.length, seen()).toBe(e.onRetry.length);
        e.onRetry.forEach((o, i) => {
          if (o.delayMs !== undefined) expect(heard[i].delayMs).toBe(o.delayMs);
          if (o.diagnosis?.outcome !== undefined) expect(heard[i].outcome).toBe(o.diagnosis.outcome);
        });
      }
    });
  }
});
