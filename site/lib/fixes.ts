/**
 * Before and after: for the records whose fix is a change of code, the code
 * that runs into them and the code that does not, using the npm package
 * (withRetry, fromResponse, validateChannelName). Shown on the record pages;
 * test/site/fixes.test.ts type-checks every snippet against the built package
 * and runs it against a mock of the API.
 *
 * Each snippet is a module body that may use, besides the package, the values
 * a client already has (FIX_CONTEXT): `api` (the base URL up to
 * /cloud_recording, with the App ID), `headers` (the Authorization header and
 * the Content-Type), `cname`, `uid`, `resourceId` and `sid`.
 */
import type { CatalogRecord } from '../../scripts/catalog/schema.ts';
import type { Lang } from './i18n.ts';
import { PACKAGE_NAME } from './repo.ts';

export type Fix = {
  /** Which records show it: by reference (error-code:8) or by kind (every recording status). */
  refs?: readonly string[];
  kinds?: readonly CatalogRecord['kind'][];
  before: (lang: Lang) => string;
  after: (lang: Lang) => string;
};

/** A comment in the page's language; `\n` starts another comment line. */
const say = (lang: Lang, en: string, zh: string): string => (lang === 'zh' ? zh : en).split('\n').map((line) => `// ${line}`).join('\n');
const pkg = PACKAGE_NAME;
/** `fetch(url, { method: 'POST', headers, body })` on lines short enough to read on a phone, indented by `pad`. */
const post = (url: string, pad = '', body = '{ cname, uid, clientRequest: {} }'): string =>
  [`fetch(${url}, {`, "  method: 'POST',", '  headers,', `  body: JSON.stringify(${body}),`, '})'].map((l, i) => (i ? pad + l : l)).join('\n');
const START = '`${api}/resourceid/${resourceId}/mode/mix/start`';
const ACQUIRE = '`${api}/acquire`';

export const FIXES: Record<string, Fix> = {
  headers: {
    refs: ['error-code:8'],
    before: (lang) =>
      [
        say(lang, 'No Content-Type: fetch sends text/plain, and the API answers code 8.', '没有 Content-Type：fetch 会发送 text/plain，API 返回错误码 8。'),
        "const res = await fetch(`${api}/acquire`, {",
        "  method: 'POST',",
        "  headers: { Authorization: headers.Authorization },",
        '  body: JSON.stringify({ cname, uid, clientRequest: {} }),',
        '});',
      ].join('\n'),
    after: (lang) =>
      [
        say(lang, 'The exact Content-Type, and the Basic credentials, on every request.', '每个请求都带上确切的 Content-Type 和 Basic 凭证。'),
        "const res = await fetch(`${api}/acquire`, {",
        "  method: 'POST',",
        '  headers: {',
        '    Authorization: headers.Authorization,',
        "    'Content-Type': 'application/json;charset=utf-8',",
        '  },',
        '  body: JSON.stringify({ cname, uid, clientRequest: {} }),',
        '});',
      ].join('\n'),
  },

  channelName: {
    refs: ['error-code:1013', 'error-code:401'],
    before: (lang) =>
      [
        say(lang, 'A name the service does not accept is only found out by the request.', '频道名不被接受，要等请求发出后才知道。'),
        "const channel = '会议室 1';",
        `await ${post(ACQUIRE, '', '{ cname: channel, uid, clientRequest: {} }')};`,
      ].join('\n'),
    after: (lang) =>
      [
        `import { validateChannelName } from '${pkg}';`,
        '',
        "const channel = '会议室 1';",
        'const check = validateChannelName(channel);',
        'if (!check.ok) {',
        '  ' + say(lang, 'Say why before any request: the character, or the length in bytes.', '在发请求之前说明原因：哪个字符，或多少字节。'),
        "  const why = check.reason === 'character'",
        '    ? `Character ${check.character} is not allowed`',
        '    : check.reason;',
        '  throw new Error(`Channel name not accepted: ${why}`);',
        '}',
        `await ${post(ACQUIRE, '', '{ cname: channel, uid, clientRequest: {} }')};`,
      ].join('\n'),
  },

  retryStart: {
    refs: ['error-code:65', 'http-status:206'],
    before: (lang) =>
      [
        say(lang, 'One try: a 206 with code 65 (the response timed out)\nends the recording before it starts.', '只试一次：带错误码 65 的 206（响应超时）会让录制还没开始就结束。'),
        `const res = await ${post(START)};`,
        'const { sid } = await res.json();',
        "if (!sid) throw new Error(`start failed: HTTP ${res.status}`);",
      ].join('\n'),
    after: (lang) =>
      [
        `import { withRetry } from '${pkg}';`,
        '',
        say(lang, 'Sends start again with the same resource ID after 3 s, then 6 s;\nthen throws a RecordingError (acquire again).', '以同一个 resource ID 在 3 秒、6 秒后重发 start；仍失败则抛出 RecordingError（重新 acquire）。'),
        'const res = await withRetry(',
        `  () => ${post(START, '  ')},`,
        "  { method: 'start' },",
        ');',
        'const { sid } = await res.json();',
      ].join('\n'),
  },

  rateLimit: {
    refs: ['http-status:429'],
    before: (lang) =>
      [
        say(lang, 'Sending again at once keeps the App ID over its 10 requests per second.', '立即重发只会让该 App ID 持续超过每秒 10 次的限制。'),
        'let res: Response;',
        'do {',
        `  res = await ${post(ACQUIRE, '  ')};`,
        '} while (res.status === 429);',
      ].join('\n'),
    after: (lang) =>
      [
        `import { withRetry } from '${pkg}';`,
        '',
        say(lang, 'Waits 1 s, 3 s, then 6 s between tries\n(longer when the server sends Retry-After).', '两次尝试之间依次等待 1、3、6 秒（服务器给出更长的 Retry-After 时按它等待）。'),
        'const res = await withRetry(',
        `  () => ${post(ACQUIRE, '  ')},`,
        "  { method: 'acquire' },",
        ');',
      ].join('\n'),
  },

  acquireAgain: {
    refs: ['error-code:433'],
    before: (lang) =>
      [
        say(lang, 'A resource ID acquired earlier and kept: after 5 minutes start answers 433.', '提前获取并保存的 resource ID：5 分钟后 start 会返回 433。'),
        `const res = await ${post(START)};`,
        "if (!res.ok) throw new Error(`start failed: HTTP ${res.status}`);",
      ].join('\n'),
    after: (lang) =>
      [
        `import { RecordingError, withRetry } from '${pkg}';`,
        '',
        say(lang, 'acquire right before start;\nstart over once when the package says acquire again.', '在 start 之前才 acquire；包说需要重新 acquire 时，从头再来一次。'),
        'async function startRecording(): Promise<Response> {',
        `  const acquired = await withRetry(() => ${post(ACQUIRE, '  ')}, { method: 'acquire' });`,
        '  const { resourceId } = await acquired.json();',
        `  return withRetry(() => ${post(START, '  ')}, { method: 'start' });`,
        '}',
        'const res = await startRecording().catch((error: unknown) => {',
        '  if (!(error instanceof RecordingError)) throw error;',
        "  if (error.outcome.kind === 'acquire-again') return startRecording();",
        '  throw error;',
        '});',
      ].join('\n'),
  },

  alreadyStarted: {
    refs: ['error-code:7', 'http-status:201'],
    before: (lang) =>
      [
        say(lang, 'Every body code taken as a failure: a repeated start\n(code 7, HTTP 201) gives up a recording that runs.', '把每个错误码都当作失败：重复的 start（错误码 7，HTTP 201）会让正在进行的录制被当成失败。'),
        `const res = await ${post(START)};`,
        'const body = await res.json();',
        'if (body.code !== undefined) throw new Error(`start failed: code ${body.code}`);',
      ].join('\n'),
    after: (lang) =>
      [
        `import { fromResponse } from '${pkg}';`,
        '',
        `const res = await ${post(START)};`,
        "const { outcome, summary } = await fromResponse(res, 'start');",
        say(lang, 'already-done: the recording already runs;\nkeep the sid you have and query it.', 'already-done：录制已在进行；继续使用已有的 sid 查询即可。'),
        "const done = outcome.kind === 'success' || outcome.kind === 'already-done';",
        'if (!done) throw new Error(summary);',
      ].join('\n'),
  },

  pollQuery: {
    kinds: ['recording-status', 'service-state'],
    before: (lang) =>
      [
        say(lang, 'Anything but "recording" taken as a failure:\na recording still starting (status 0 to 4) is given up.', '把“正在录制”以外的状态都当作失败：仍在启动中（状态 0 到 4）的录制会被放弃。'),
        'const query = `${api}/resourceid/${resourceId}/sid/${sid}/mode/mix/query`;',
        'const res = await fetch(query, { headers });',
        'const { serverResponse } = await res.json();',
        "if (serverResponse.status !== 5) throw new Error('the recording is not running');",
      ].join('\n'),
    after: (lang) =>
      [
        `import { fromResponse } from '${pkg}';`,
        '',
        say(lang, 'Poll while the package says in-progress; stop on anything else.', '包返回 in-progress 时继续轮询；其他结果则停止。'),
        'const query = `${api}/resourceid/${resourceId}/sid/${sid}/mode/mix/query`;',
        'for (;;) {',
        '  const res = await fetch(query, { headers });',
        "  const { outcome, summary, next } = await fromResponse(res, 'query');",
        "  if (outcome.kind === 'in-progress') {",
        '    await new Promise((wake) => setTimeout(wake, outcome.pollAfterMs));',
        '    continue;',
        '  }',
        "  if (outcome.kind !== 'success') throw new Error(`${summary} ${next}`);",
        '  break;',
        '}',
      ].join('\n'),
  },
};

/** The before/after of a record, if its fix is a change of code. */
export function fixOf(r: Pick<CatalogRecord, 'kind' | 'code'>): Fix | undefined {
  const ref = `${r.kind}:${r.code}`;
  return Object.values(FIXES).find((f) => f.refs?.includes(ref) || f.kinds?.includes(r.kind));
}

/** What the snippets take as given, as the page says it once above them. */
export const FIX_CONTEXT = ['api', 'headers', 'cname', 'uid', 'resourceId', 'sid'] as const;
