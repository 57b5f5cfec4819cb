// en: A complete Cloud Recording client: acquire → start → query → stop, acting on every
// en: answer the way the catalog says (65, 7/201, 433, 429, a 404 after start, the query states).
// zh: 一个完整的云端录制客户端：acquire → start → query → stop，按目录中的说法处理每一个响应
// zh: （65、7/201、433、429、start 之后的 404、query 的各个状态）。
//
// en: Run it with Node 24, which runs TypeScript files as they are (in this repository,
// en: `npm run build:package` first; elsewhere, `npm install @org/agora-rec-codes`):
// zh: 用 Node 24 运行，它可以直接运行 TypeScript 文件（在本仓库中先运行 `npm run build:package`；
// zh: 在其他项目中先 `npm install @org/agora-rec-codes`）：
//   AGORA_APP_ID=… AGORA_CUSTOMER_ID=… AGORA_CUSTOMER_SECRET=… AGORA_CHANNEL=demo \
//   AGORA_STORAGE='{"vendor":2,"region":3,"bucket":"…","accessKey":"…","secretKey":"…"}' \
//   node examples/integrate.ts
// en: Optional: AGORA_UID (527841), AGORA_TOKEN, AGORA_MODE (mix), AGORA_RECORD_SECONDS (60),
// en: AGORA_BASE_URLS (https://api.sd-rtn.com,https://api.agora.io). Ctrl+C stops the recording early.
// zh: 可选：AGORA_UID（527841）、AGORA_TOKEN、AGORA_MODE（mix）、AGORA_RECORD_SECONDS（60）、
// zh: AGORA_BASE_URLS（https://api.sd-rtn.com,https://api.agora.io）。按 Ctrl+C 提前停止录制。
import { fromResponse, RecordingError, withRetry, type Diagnosis, type Method, type Outcome } from '@org/agora-rec-codes';

export type Settings = {
  appId: string;
  customerId: string;
  customerSecret: string;
  channel: string;
  // en: The recording's own uid: a string holding an integer from 1 to 2^32−1 that no user of the channel uses.
  // zh: 录制服务自己的 uid：内容为 1 到 2^32−1 之间整数的字符串，且不能与频道内任何用户相同。
  uid: string;
  // en: Required when the App Certificate is enabled: a token for this channel and this uid.
  // zh: 启用了 App 证书时必填：为这个频道和这个 uid 生成的 token。
  token?: string;
  mode: 'individual' | 'mix' | 'web';
  // en: The domain to use first, then the alternative one.
  // zh: 先用的域名，其后是备用域名。
  baseUrls: string[];
  storageConfig: Record<string, unknown>;
  recordForMs: number;
};

export type Hooks = {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  log?: (line: string) => void;
  // en: Aborting it ends the recording early: the client still calls stop.
  // zh: 中止它会提前结束录制：客户端仍会调用 stop。
  signal?: AbortSignal;
};

export type Recording = {
  resourceId: string;
  sid: string;
  // en: How the recording ended: stopped by us, already stopped (a repeated stop), or exited on its own.
  // zh: 录制如何结束：由我们停止、已经停止（重复的 stop），或自行退出。
  ended: 'stopped' | 'already-stopped' | 'exited';
  uploadingStatus?: string;
  fileList?: unknown;
};

// en: The fields this client reads from an answer.
// zh: 这个客户端从响应中读取的字段。
type Body = { resourceId?: unknown; sid?: unknown; serverResponse?: { uploadingStatus?: unknown; fileList?: unknown } };
type Answer = { outcome: Outcome; diagnosis: Diagnosis; body: Body; error?: RecordingError; retries: number };

// en: Start over (acquire + start) at most this many times; our choice.
// zh: 最多重新开始（acquire + start）这么多次；这是我们的选择。
const MAX_ROUNDS = 3;
// en: While recording, check that the task still runs this often; our choice, far below the rate limit.
// zh: 录制期间每隔这么久确认一次任务仍在运行；这是我们的选择，远低于频率限制。
const WATCH_EVERY_MS = 60_000;

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

export async function record(settings: Settings, hooks: Hooks = {}): Promise<Recording> {
  const sleep = hooks.sleep ?? defaultSleep;
  const log = hooks.log ?? ((line: string) => console.log(line));
  const { channel: cname, uid, mode } = settings;
  const authorization = `Basic ${btoa(`${settings.customerId}:${settings.customerSecret}`)}`;
  // en: The domain in use (an index into baseUrls), and how many requests in a row it left unanswered.
  // zh: 当前使用的域名（baseUrls 中的序号），以及它连续多少个请求没有响应。
  let domain = 0;
  let unanswered = 0;

  // en: Send on the catalog's retry schedule, then read the answer once. The outcome is the
  // en: one next step to switch on; when withRetry gives up, it is the step after the retries.
  // zh: 按目录给出的重试计划发送，然后读取一次响应。outcome 是唯一要据以分支的下一步；
  // zh: withRetry 放弃时，它是重试之后的那一步。
  async function call(method: Method, verb: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
    const send = async () => {
      const base = settings.baseUrls[domain]!;
      try {
        const response = await fetch(`${base}/v1/apps/${settings.appId}/cloud_recording${path}`, {
          method: verb,
          headers: { Authorization: authorization, 'Content-Type': 'application/json;charset=utf-8' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        unanswered = 0;
        return response;
      } catch (error) {
        // en: No answer: withRetry sends the request again, to the same domain once more,
        // en: then to the alternative one, which later requests keep using.
        // zh: 没有响应：withRetry 会重新发送请求，先再发一次同一个域名，之后改用备用域名，
        // zh: 后续请求也继续使用备用域名。
        if (++unanswered >= 2 && domain < settings.baseUrls.length - 1) {
          domain++;
          unanswered = 0;
        }
        throw error;
      }
    };
    let retries = 0;
    let response: Response;
    try {
      response = await withRetry(send, {
        method,
        sleep,
        onRetry: ({ attempt, delayMs, diagnosis }) => {
          retries++;
          log(`${method}: ${diagnosis.summary} Request ${attempt} in ${delayMs} ms.`);
        },
      });
    } catch (error) {
      if (error instanceof RecordingError) return { outcome: error.outcome, diagnosis: error.diagnosis, body: {}, error, retries };
      throw error;
    }
    const parsed: Body = await response
      .clone()
      .json()
      .catch(() => ({}));
    const diagnosis = await fromResponse(response, method);
    return { outcome: diagnosis.outcome, diagnosis, body: parsed, retries };
  }

  // en: An answer this client does not act on: stop with what the catalog says.
  // zh: 这个客户端不处理的响应：按目录的说明报错退出。
  function fail(method: Method, answer: Answer): never {
    throw answer.error ?? new Error(`${method}: ${answer.diagnosis.summary} ${answer.diagnosis.next}`);
  }

  for (let round = 1; ; round++) {
    // en: acquire, then start at once: a resource ID serves one recording and expires (433).
    // zh: acquire 之后立即 start：一个 resource ID 只用于一次录制，而且会过期（433）。
    const acquired = await call('acquire', 'POST', '/acquire', { cname, uid, clientRequest: {} });
    if (acquired.outcome.kind !== 'success') return fail('acquire', acquired);
    const resourceId = acquired.body.resourceId;
    if (typeof resourceId !== 'string') throw new Error('acquire: the answer has no resourceId');
    const base = `/resourceid/${resourceId}`;

    // en: withRetry sends the same start again on 65 (after 3 s, then 6 s) and on 429.
    // en: HTTP 201 with code 7 on a repeated start means the first one worked: already-done.
    // zh: 遇到 65（先等 3 秒，再等 6 秒）和 429 时，withRetry 会重新发送同一个 start。
    // zh: 重复的 start 收到 HTTP 201 和错误码 7，说明第一次已经成功：already-done。
    const started = await call('start', 'POST', `${base}/mode/${mode}/start`, {
      cname,
      uid,
      clientRequest: { ...(settings.token ? { token: settings.token } : {}), storageConfig: settings.storageConfig },
    });
    switch (started.outcome.kind) {
      case 'success':
      case 'already-done':
        break;
      // en: 433, 502, or a 65 that kept failing: a new resource ID, then start again.
      // zh: 433、502，或一直失败的 65：获取新的 resource ID，再次 start。
      case 'acquire-again':
        if (round < MAX_ROUNDS) {
          log(`start: ${started.diagnosis.summary} Starting over.`);
          continue;
        }
        return fail('start', started);
      default:
        return fail('start', started);
    }
    if (typeof started.body.sid !== 'string') {
      throw new Error(`start: ${started.outcome.kind}, but the answer has no sid: the recording may run, but this client cannot query or stop it`);
    }
    const sid = started.body.sid;
    log(`started: resource ID ${resourceId}, sid ${sid}`);
    const path = `${base}/sid/${sid}/mode/${mode}`;

    // en: Poll query until the recording runs (status 4 or 5: success); 0 to 3 are in-progress.
    // en: Later, check now and then that it still runs, until it is time to stop.
    // zh: 轮询 query，直到录制开始（状态 4 或 5：success）；0 到 3 为 in-progress。
    // zh: 之后不时确认录制仍在运行，直到该停止的时候。
    let recording = false;
    let recorded = 0;
    let restart = false;
    while (!restart && !(recording && (recorded >= settings.recordForMs || hooks.signal?.aborted))) {
      const queried = await call('query', 'GET', `${path}/query`);
      switch (queried.outcome.kind) {
        case 'in-progress':
          await sleep(queried.outcome.pollAfterMs);
          continue;
        case 'success': {
          if (!recording) log('recording');
          recording = true;
          const step = Math.min(WATCH_EVERY_MS, settings.recordForMs - recorded);
          if (step > 0) await sleep(step, hooks.signal);
          recorded += step;
          continue;
        }
        // en: A 404 (or status 8): the task has already exited, for example nobody was in the
        // en: channel for maxIdleTime, or the token or uid was wrong. There is nothing to stop.
        // zh: 404（或状态 8）：任务已经退出，例如频道内无人的时间超过 maxIdleTime，或 token、uid 不对。
        // zh: 没有可以停止的任务。
        case 'gone':
          log(`query: ${queried.diagnosis.summary}`);
          return { resourceId, sid, ended: 'exited' };
        // en: Status 20 (exited abnormally): start over while rounds remain.
        // zh: 状态 20（异常退出）：次数未用完时重新开始。
        case 'acquire-again':
          if (round < MAX_ROUNDS) restart = true;
          else return fail('query', queried);
          break;
        default:
          return fail('query', queried);
      }
    }
    if (restart) continue;

    // en: Stop once and wait for the upload (async_stop: false). If stop had to be sent again,
    // en: 49 (already-done) or a 404 (gone) means the first one worked: stopped either way.
    // zh: 只停止一次，并等待上传完成（async_stop: false）。如果 stop 重新发送过，
    // zh: 收到 49（already-done）或 404（gone）说明第一次已经生效：都表示已经停止。
    const stopped = await call('stop', 'POST', `${path}/stop`, { cname, uid, clientRequest: { async_stop: false } });
    const server = stopped.body.serverResponse ?? {};
    const uploadingStatus = typeof server.uploadingStatus === 'string' ? server.uploadingStatus : undefined;
    switch (stopped.outcome.kind) {
      case 'success':
        return { resourceId, sid, ended: 'stopped', uploadingStatus, fileList: server.fileList };
      case 'already-done':
        return { resourceId, sid, ended: 'already-stopped' };
      case 'gone':
        return { resourceId, sid, ended: stopped.retries > 0 ? 'already-stopped' : 'exited' };
      default:
        return fail('stop', stopped);
    }
  }
}

// en: Run from the command line: settings from the environment, Ctrl+C stops the recording.
// zh: 从命令行运行：设置取自环境变量，按 Ctrl+C 停止录制。
if (import.meta.main) {
  const env = (name: string, fallback?: string): string => {
    const value = process.env[name] ?? fallback;
    if (value === undefined) throw new Error(`set ${name}`);
    return value;
  };
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  try {
    const result = await record(
      {
        appId: env('AGORA_APP_ID'),
        customerId: env('AGORA_CUSTOMER_ID'),
        customerSecret: env('AGORA_CUSTOMER_SECRET'),
        channel: env('AGORA_CHANNEL'),
        uid: env('AGORA_UID', '527841'),
        token: process.env.AGORA_TOKEN,
        mode: env('AGORA_MODE', 'mix') as Settings['mode'],
        baseUrls: env('AGORA_BASE_URLS', 'https://api.sd-rtn.com,https://api.agora.io').split(','),
        storageConfig: JSON.parse(env('AGORA_STORAGE')),
        recordForMs: Number(env('AGORA_RECORD_SECONDS', '60')) * 1000,
      },
      { signal: stop.signal },
    );
    console.log(JSON.stringify(result));
  } catch (error) {
    console.error(error instanceof RecordingError ? `${error.message} (${error.docUrl ?? 'no page'})` : String(error));
    process.exitCode = 1;
  }
}
