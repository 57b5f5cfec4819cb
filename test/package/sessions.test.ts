/**
 * Whole recording sessions, replayed. Each file of test/fixtures/sessions/ is
 * one session as Cloud Recording answered it: every exchange (method, HTTP
 * status, headers, body — or no answer at all), the outcome explain() must
 * decide, and the request that must come next (method, after how long, with
 * the same resource ID or a new one). A local mock of the REST API
 * (127.0.0.1, ephemeral port) serves the exchanges in order to a small
 * recording app built on the package — withRetry for every call, start over
 * on acquire-again, poll on in-progress — driven by a fake clock, so every
 * decision, the number of requests, each delay and the resource-ID reuse are
 * checked, in no real time.
 *
 * The app: acquire → start → `queries` × query (waiting `pollAfterMs` while
 * in progress, MONITOR_MS once running) → stop after MONITOR_MS, unless
 * `stop: false`. It starts over (acquire again) when a RecordingError says
 * acquire-again, and ends without querying when start leaves it without a sid.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, fromResponse, RecordingError, withRetry, type Method, type OutcomeKind, type RetryEvent } from '../../src/index.ts';

type Exchange = {
  method: Method;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** The server closes the connection without answering (a lost answer, a time-out). */
  noAnswer?: true;
  outcome: OutcomeKind;
  next: { method: Method; afterMs: number; resourceId?: 'same' | 'new' } | null;
};
type Session = {
  title: string;
  app: { queries: number; stop?: boolean; stopVerb?: 'GET' | 'POST' };
  exchanges: Exchange[];
  result: { resolved: true } | { error: { method: Method; outcome: OutcomeKind; code?: number; status?: number } };
};

const DIR = new URL('../fixtures/sessions/', import.meta.url).pathname;
const SESSIONS: [string, Session][] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Session]);

const MONITOR_MS = 10_000;
const APP_ID = '0123456789abcdef0123456789abcdef';

type Logged = { method: Method | '?'; verb: string; resourceId?: string; sid?: string; at: number };

/** The mock API: answers the session's exchanges in order and logs each request with the fake clock's time. */
class MockApi {
  server: Server;
  base = '';
  log: Logged[] = [];
  problems: string[] = [];
  private exchanges: Exchange[] = [];
  private clock = { now: 0 };

  constructor() {
    this.server = createServer((req, res) => this.answer(req, res));
  }
  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  load(exchanges: Exchange[], clock: { now: number }): void {
    this.exchanges = [...exchanges];
    this.log = [];
    this.problems = [];
    this.clock = clock;
  }
  private answer(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', this.base).pathname;
    const m = /^\/v1\/apps\/[^/]+\/cloud_recording\/(?:acquire|resourceid\/([^/]+)\/(?:sid\/([^/]+)\/)?mode\/[a-z]+\/(start|query|update|updateLayout|stop))$/.exec(path);
    const method = (m ? (m[3] ?? 'acquire') : '?') as Method | '?';
    this.log.push({ method, verb: req.method ?? '', ...(m?.[1] && { resourceId: m[1] }), ...(m?.[2] && { sid: m[2] }), at: this.clock.now });
    req.resume();
    const exchange = this.exchanges.shift();
    if (!exchange) {
      this.problems.push(`request ${this.log.length}: ${method} after the session's last exchange`);
      res.writeHead(599).end();
      return;
    }
    if (exchange.method !== method) this.problems.push(`request ${this.log.length}: expected ${exchange.method}, got ${method} (${req.method} ${path})`);
    if (exchange.noAnswer) {
      req.socket.destroy();
      return;
    }
    const text = typeof exchange.body === 'string' ? exchange.body : JSON.stringify(exchange.body);
    res.writeHead(exchange.status ?? 200, { 'Content-Type': 'application/json;charset=utf-8', ...exchange.headers });
    res.end(text);
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const api = new MockApi();
beforeAll(() => api.listen());
afterAll(() => api.close());

/** A recording app as a backend service would write it with the package. */
async function recordingApp(session: Session, clock: { now: number }) {
  const events: RetryEvent[] = [];
  const sleep = async (ms: number) => {
    clock.now += ms;
  };
  const options = (method: Method) => ({ method, sleep, onRetry: (e: RetryEvent) => void events.push(e) });
  const url = (method: Method, resourceId?: string, sid?: string) => {
    const root = `${api.base}/v1/apps/${APP_ID}/cloud_recording`;
    if (method === 'acquire') return `${root}/acquire`;
    return `${root}/resourceid/${resourceId}/${sid ? `sid/${sid}/` : ''}mode/mix/${method}`;
  };
  const send = (method: Method, resourceId?: string, sid?: string, verb?: string) => () =>
    fetch(url(method, resourceId, sid), {
      method: verb ?? (method === 'query' ? 'GET' : 'POST'),
      headers: { 'Content-Type': 'application/json;charset=utf-8', Authorization: 'Basic Y3VzdG9tZXI6c2VjcmV0' },
      ...(method !== 'query' && verb !== 'GET' && { body: JSON.stringify({ cname: 'room-1', uid: '527841', clientRequest: {} }) }),
    });
  const startOver = (error: unknown) => error instanceof RecordingError && error.outcome.kind === 'acquire-again';

  for (let round = 0; round < 3; round++) {
    const acquired = await fromResponse(await withRetry(send('acquire'), options('acquire')), 'acquire');
    const resourceId = acquired.resourceId!;
    let sid: string | undefined;
    try {
      sid = (await fromResponse(await withRetry(send('start', resourceId), options('start')), 'start')).sid;
    } catch (error) {
      if (startOver(error)) continue;
      throw error;
    }
    if (!sid) return events; // the recording runs (already done) but this app has no sid to follow it with
    let waitMs = 0;
    try {
      for (let i = 0; i < session.app.queries; i++) {
        await sleep(waitMs);
        const d = await fromResponse(await withRetry(send('query', resourceId, sid), options('query')), 'query');
        waitMs = d.outcome.kind === 'in-progress' ? d.outcome.pollAfterMs : MONITOR_MS;
      }
    } catch (error) {
      if (startOver(error)) continue;
      throw error;
    }
    if (session.app.stop !== false) {
      await sleep(session.app.queries ? waitMs : 0);
      await withRetry(send('stop', resourceId, sid, session.app.stopVerb), options('stop'));
    }
    return events;
  }
  throw new Error('started over three times');
}

describe('recorded sessions, replayed against a local mock of the API', () => {
  it(`there are at least 25 sessions (${SESSIONS.length})`, () => {
    expect(SESSIONS.length).toBeGreaterThanOrEqual(25);
  });

  for (const [name, session] of SESSIONS) {
    it(`${name}: ${session.title}`, async () => {
      const clock = { now: 0 };
      api.load(session.exchanges, clock);
      let error: unknown;
      try {
        await recordingApp(session, clock);
      } catch (e) {
        error = e;
      }

      // Each exchange: the outcome explain() decides for it.
      session.exchanges.forEach((ex, i) => {
        if (ex.noAnswer) return;
        const d = explain({ method: ex.method, status: ex.status, headers: ex.headers, body: typeof ex.body === 'string' ? ex.body : JSON.stringify(ex.body) });
        expect(d.outcome.kind, `exchange ${i + 1} (${ex.method} ${ex.status})`).toBe(ex.outcome);
      });

      // The requests: as many as the exchanges, each the one the previous exchange called for.
      expect(api.problems).toEqual([]);
      expect(api.log.length, 'number of requests').toBe(session.exchanges.length);
      session.exchanges.forEach((ex, i) => {
        if (!ex.next) return;
        const [sent, then] = [api.log[i], api.log[i + 1]];
        const where = `after exchange ${i + 1} (${ex.method} ${ex.noAnswer ? 'no answer' : ex.status})`;
        expect(then.method, where).toBe(ex.next.method);
        expect(then.at - sent.at, `${where}: delay`).toBe(ex.next.afterMs);
        if (ex.next.resourceId === 'same') expect(then.resourceId, `${where}: resource ID`).toBe(sent.resourceId);
        if (ex.next.resourceId === 'new') expect(api.log.slice(0, i + 1).map((l) => l.resourceId), `${where}: a new resource ID`).not.toContain(then.resourceId);
      });
      expect(session.exchanges.at(-1)!.next, 'the last exchange calls for nothing more').toBeNull();

      // How the session ends.
      if ('resolved' in session.result) {
        expect(error).toBeUndefined();
      } else {
        expect(error).toBeInstanceOf(RecordingError);
        const e = error as RecordingError;
        expect(e.method).toBe(session.result.error.method);
        expect(e.outcome.kind).toBe(session.result.error.outcome);
        if (session.result.error.code !== undefined) expect(e.code).toBe(session.result.error.code);
        if (session.result.error.status !== undefined) expect(e.status).toBe(session.result.error.status);
        expect(e.retryable).toBe(e.outcome.kind === 'retry' || e.outcome.kind === 'acquire-again');
        expect(e.message).toContain(e.diagnosis.summary);
      }
    });
  }
});
