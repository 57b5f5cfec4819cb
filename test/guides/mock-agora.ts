/**
 * A local stand-in for the Cloud Recording REST API, for the integration
 * example's tests: 127.0.0.1, an ephemeral port. It keeps real state (resource
 * IDs, tasks, their status) and answers as the API does — bodies and statuses
 * from the catalog's sources: 201/7 for a repeated `start`, 53 for a second
 * task with the same cname and uid, 432 for a uid that differs from
 * `acquire`'s, 404 "failed to find worker" for a task that is gone, 49 for a
 * repeated `stop`, the gateway's messages for credentials and unknown routes.
 * A scenario adds what a real session meets: scripted answers (65, 429, 433 …),
 * answers lost on the way back, query statuses, a task that exits at once.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ApiMethod = 'acquire' | 'start' | 'query' | 'update' | 'updateLayout' | 'stop';

/** One scripted answer for the next request of a method. */
export type Scripted = {
  method: ApiMethod;
  /** answer with this status and body */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** carry out the request first (a `start` that starts, a `stop` that stops), then answer as scripted */
  apply?: boolean;
  /** carry out the request, then close the connection without answering (an answer lost on the way) */
  lose?: boolean;
};

export type Scenario = {
  appId: string;
  customerId: string;
  customerSecret: string;
  /** answers for the next requests of each method, in order */
  script?: Scripted[];
  /** `serverResponse.status` of the successive `query` answers (whatever the task); after the last, 5 */
  statuses?: number[];
  /** the task exits as soon as it has started (nobody in the channel, a wrong token …) */
  exitsAtOnce?: boolean;
  /** the answer to a successful `stop` */
  uploadingStatus?: string;
};

export type Logged = { method: ApiMethod | 'unknown'; verb: string; path: string; body: unknown; resourceId?: string; sid?: string; mode?: string; answered: number | 'lost' };

export type MockAgora = { url: string; requests: Logged[]; close(): Promise<void> };

type Resource = { id: string; cname: string; uid: string; sid?: string };
type Task = { sid: string; resourceId: string; cname: string; uid: string; mode: string; state: 'running' | 'stopping' | 'gone' };

const ROUTES: [ApiMethod, string, RegExp][] = [
  ['acquire', 'POST', /^\/v1\/apps\/([^/]+)\/cloud_recording\/acquire$/],
  ['start', 'POST', /^\/v1\/apps\/([^/]+)\/cloud_recording\/resourceid\/([^/]+)\/mode\/(individual|mix|web)\/start$/],
  ['query', 'GET', /^\/v1\/apps\/([^/]+)\/cloud_recording\/resourceid\/([^/]+)\/sid\/([^/]+)\/mode\/(individual|mix|web)\/query$/],
  ['stop', 'POST', /^\/v1\/apps\/([^/]+)\/cloud_recording\/resourceid\/([^/]+)\/sid\/([^/]+)\/mode\/(individual|mix|web)\/stop$/],
];

export async function startMockAgora(scenario: Scenario): Promise<MockAgora> {
  const requests: Logged[] = [];
  const script = [...(scenario.script ?? [])];
  const statuses = [...(scenario.statuses ?? [])];
  const resources = new Map<string, Resource>();
  const tasks = new Map<string, Task>();
  let serial = 0;
  const expectedAuth = `Basic ${Buffer.from(`${scenario.customerId}:${scenario.customerSecret}`).toString('base64')}`;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = ROUTES.find(([, verb, re]) => verb === req.method && re.test(url.pathname));
    const log: Logged = { method: route?.[0] ?? 'unknown', verb: req.method ?? '', path: url.pathname, body: undefined, answered: 0 };
    requests.push(log);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      log.answered = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    // The gateway: credentials, then the route.
    const auth = req.headers.authorization;
    if (!auth) return send(401, { message: 'Unauthorized' });
    if (auth !== expectedAuth) return send(401, { message: 'Invalid authentication credentials' });
    if (!route) return send(404, { message: 'no Route matched with those values' });
    const [method, , re] = route;
    const m = re.exec(url.pathname)!;
    if (m[1] !== scenario.appId) return send(400, { message: 'appid is invalid' });
    let body: Record<string, unknown> = {};
    if (req.method === 'POST') {
      if (req.headers['content-type'] !== 'application/json;charset=utf-8') return send(400, { code: 8, reason: 'invalid Content-type' });
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return send(400, { code: 8, reason: 'body is not JSON' });
      }
    }
    log.body = body;
    const resourceId = method === 'acquire' ? undefined : decodeURIComponent(m[2]!);
    const sid = method === 'query' || method === 'stop' ? decodeURIComponent(m[3]!) : undefined;
    const mode = m[method === 'start' ? 3 : 4];
    Object.assign(log, { resourceId, sid, mode });

    const act = (): [number, unknown] => {
      const cname = body.cname;
      const uid = body.uid;
      switch (method) {
        case 'acquire': {
          if (typeof cname !== 'string' || typeof uid !== 'string' || !/^[1-9]\d*$/.test(uid) || Number(uid) > 2 ** 32 - 1) {
            return [400, { code: 2, reason: 'Acquire: invalid cname or uid' }];
          }
          const id = `rid-${++serial}`;
          resources.set(id, { id, cname, uid });
          return [200, { cname, uid, resourceId: id }];
        }
        case 'start': {
          const r = resources.get(resourceId!);
          if (!r) return [400, { code: 1001, reason: 'resource ID could not be decrypted' }];
          if (r.cname !== cname || r.uid !== uid) return [400, { cname, uid, resourceId, code: 432, reason: 'parameter does not match the resource ID' }];
          if (r.sid) return [201, { cname, uid, resourceId, sid: r.sid, code: 7, reason: 'already started' }];
          if ([...tasks.values()].some((t) => t.state !== 'gone' && t.cname === cname && t.uid === uid)) {
            return [400, { cname, uid, resourceId, code: 53, reason: 'task conflict' }];
          }
          const s = `sid-${++serial}`;
          r.sid = s;
          tasks.set(s, { sid: s, resourceId: r.id, cname: r.cname, uid: r.uid, mode: mode!, state: scenario.exitsAtOnce ? 'gone' : 'running' });
          return [200, { cname, uid, resourceId, sid: s }];
        }
        case 'query': {
          const t = tasks.get(sid!);
          if (!t || t.resourceId !== resourceId || t.mode !== mode || t.state === 'gone') return [404, workerGone('QueryCloudRecorder')];
          const status = t.state === 'stopping' ? 8 : (statuses.shift() ?? 5);
          if (status === 8 || status === 20) t.state = 'gone';
          return [200, { cname: t.cname, uid: t.uid, resourceId, sid, serverResponse: { status, fileListMode: 'json', fileList: [], sliceStartTime: 1_700_000_000_000 } }];
        }
        default: {
          const t = tasks.get(sid!);
          if (!t || t.resourceId !== resourceId || t.mode !== mode || t.state === 'gone') return [404, workerGone('StopCloudRecorder')];
          if (t.state === 'stopping') return [400, { cname, uid, resourceId, sid, code: 49, reason: 'invalid operation' }];
          t.state = 'stopping';
          const fileList = [{ fileName: `${sid}_${t.cname}.m3u8`, trackType: 'audio_and_video', uid: '0', mixedAllUser: true, isPlayable: true, sliceStartTime: 1_700_000_000_000 }];
          return [200, { cname, uid, resourceId, sid, serverResponse: { uploadingStatus: scenario.uploadingStatus ?? 'uploaded', fileList } }];
        }
      }
      function workerGone(command: string) {
        return { cname, code: 404, resourceId, serverResponse: { command, payload: { message: 'failed to find worker' }, subscribeModeBitmask: 1, vid: '1209' }, sid, uid };
      }
    };

    const scripted = script.findIndex((s) => s.method === method);
    if (scripted >= 0) {
      const [step] = script.splice(scripted, 1);
      if (step!.apply || step!.lose) act();
      if (step!.lose) {
        log.answered = 'lost';
        return void res.socket?.destroy();
      }
      return send(step!.status ?? 200, step!.body ?? {}, step!.headers);
    }
    const [status, answer] = act();
    return send(status, answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
