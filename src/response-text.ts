/**
 * Reading what people paste or log into the responses explain() takes.
 *
 * A paste may be a JSON body, half a body, a whole HTTP response (status line,
 * headers, body), `curl -i` or `curl -v` output (redirected with `2>&1` too),
 * or a log with many responses in it: JSON lines, plain text with a body in it
 * (JSON, a Python dict, a JavaScript object as Node prints it), key=value lines
 * with a quoted, escaped body (`body="{\"code\":49}"`), an HTTP client's
 * exception with the status and body in its message (Spring, Feign), HTTP
 * clients' failure reports (.NET, OkHttp, Go, Ruby, Python, axios, Guzzle),
 * access-log lines (`"POST /v1/apps/…/start HTTP/1.1" 206`), a status and its
 * body on one of the next lines. The method comes from the request's URL, a
 * `method` field or the word just before the response (`stop -> 206 {…}`)
 * where the text has one; otherwise from the request line just before. The
 * HTTP verb is kept where the text shows it.
 *
 * Language-neutral (no texts) and streaming: ResponseReader takes one line at a
 * time and keeps at most a few bounded buffers, so a log of any size is read in
 * constant memory; readResponses() is the same over a whole text.
 */
import { GatewayMessage } from './generated/constants.ts';
import { METHODS, type Method } from './records.ts';
import { type Parsed, readLooseValue } from './loose-value.ts';

/** One response found in the text: an input for explain(), and where it was. */
export type FoundResponse = {
  method?: Method;
  /**
   * The HTTP verb of the request, where the text shows it with the method's URL: a request line
   * (`POST /v1/apps/…/start`, curl's `> GET …`), an access log, an HTTP client's message (Feign's
   * `during [POST] to […]`, Go's `Post "https://…"`) or a log record's `"method":"GET"` beside its URL.
   */
  verb?: HttpVerb;
  /** The HTTP status. */
  status?: number;
  /** The response headers, names in lower case (only where the text has them). */
  headers?: Record<string, string>;
  /** The body: a parsed object, or the text of an HTML or plain-text body. */
  body?: unknown;
  /** 1-based number of the first line of the response in the text. */
  line: number;
  /** 1-based number of its last line. */
  endLine: number;
  /** Where the method was read from, when it is not on the response's own lines (a request line before it). */
  methodLine?: number;
  /** The resource ID and `sid` of the request's URL (`…/resourceid/{rid}/sid/{sid}/mode/mix/query`), where the text shows it. */
  resourceId?: string;
  sid?: string;
  /** The body was cut short: only the fields before the cut were read. */
  partial?: boolean;
  /** Where, when known: the path of the value being read at the cut (`serverResponse.subServiceStatus`; '' between the top's fields). */
  cut?: string;
  /**
   * How it was recognised: a body; a status line, or a status a log line says (`stop -> 404`, an HTTP
   * client's failure report), with the body logged after it if any; an access-log line (the same); a
   * known gateway message in plain text.
   */
  evidence: 'body' | 'status-line' | 'access-log' | 'message';
};

/** An HTTP request method, as a request line writes it. */
export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';

export type ReaderOptions = {
  /** Characters of a line that are read (the rest is ignored). Default 65536. */
  maxLineLength?: number;
};

/** Longest line read, lines of one body, characters of one body. */
const MAX_LINE = 65_536;
const MAX_BODY_LINES = 400;
const MAX_BODY_CHARS = 65_536;
/** A request line's method applies to a response at most this many lines later. */
const METHOD_REACH = 40;
/**
 * A status without a body (`HTTPError: 400 … for url: …/start`) and a body without a status on one
 * of the next this many lines (`response body: {"code":53}`) are one response.
 */
const PAIR_REACH = 3;
/** How many headers of one response are kept, and how long a value. */
const MAX_HEADERS = 64;
const MAX_HEADER_VALUE = 1000;

const own = (o: object, key: string): boolean => Object.hasOwn(o, key);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
/**
 * How many own keys of `o` pass `test`. A log has an object on most of its lines:
 * walking keys in place, instead of Object.keys/entries arrays per object, keeps
 * the garbage of a long log low (and with it how far the heap grows).
 */
function ownKeys(o: Record<string, unknown>, test: (key: string) => boolean): number {
  let n = 0;
  for (const k in o) if (own(o, k) && test(k)) n++;
  return n;
}

// ---------------------------------------------------------------------------
// Methods and statuses in text

const METHOD_BY_LOWER = new Map<string, Method>(METHODS.map((m) => [m.toLowerCase(), m]));

/**
 * The methods' names in Chinese, a group each in METHODS' order: 获取云端录制资源, 获取资源, 申请资源, 获取 resource ID;
 * 开始(云端)录制, 启动录制; 查询(云端)录制 (not 查询录制文件); 更新订阅, 更新云端录制; 更新(合流)布局; 停止(云端)录制, 结束录制.
 * 录制, 开始 or 停止 alone names none, nor do the events 录制开始, 录制结束 (the recording began or ended) unless a
 * failure follows (录制开始失败: the call failed).
 */
const HAN_NAME =
  /((?:获取|申请)(?:云端录制)?(?:资源|\s*resource\s*id\b))|((?:开始|启动)(?:云端)?录制|录制(?:开始|启动)(?=失败|出错|报错))|(查询(?:云端)?录制(?!文件|列表))|(更新(?:订阅|云端录制))|(更新(?:合流)?布局)|((?:停止|结束)(?:云端)?录制|录制(?:停止|结束)(?=失败|出错|报错))/gi;

/** The text with the methods' Chinese names written as the API's (`开始录制失败 -> 400` → ` start 失败 -> 400`). */
export const methodNamesInEnglish = (text: string): string => text.replace(HAN_NAME, (...g: string[]) => ` ${METHODS[g.slice(1, 7).findIndex(Boolean)]} `);

/**
 * A call named in a text: the API's method, and the HTTP verb where the text shows it. A method
 * named only before a response (`stop -> 206 {…}`) is a lead: with the status said there, and what
 * it vouches for — a body after it, a status of its own, or the body on the next line.
 */
type Call = { method: Method; verb?: HttpVerb; lead?: 'body' | 'status' | 'next'; status?: number; code?: number; resourceId?: string; sid?: string };

/**
 * The method a Cloud Recording URL names:
 * `/v1/apps/{appid}/cloud_recording/acquire` → acquire,
 * `…/cloud_recording/resourceid/{rid}/mode/mix/start` → start,
 * `…/resourceid/{rid}/sid/{sid}/mode/mix/query` → query (also update, updateLayout, stop), also as a template
 * in code (`f"{base}/resourceid/{rid}/sid/{sid}/mode/mix/query"`), and with `cloud-recording` for `cloud_recording` (a
 * typo the gateway answers with 404: the request was still meant for that method).
 */
const URL_METHOD =
  /cloud[_-]recording\/(acquire)(?![\w-])|(?:cloud[_-]recording)?\/resourceid\/([^/\s"'?#]+)\/(?:sid\/([^/\s"'?#]+)\/)?mode\/[^/\s"'?#]+\/(start|query|updatelayout|update|stop)(?![\w-])/i;
/** `method=start`, `"method": "start"`, `api: 'acquire'`. */
const FIELD_METHOD = /\b(?:method|api|action|operation|op)["']?\s*[:=]\s*["']?(acquire|start|query|updatelayout|update|stop)\b/i;
/** A request path field (`path=/rooms/42/recording/stop`, `"uri":"/api/stop"`): an access log of the app's own endpoint, unless the path is Cloud Recording's. */
const PATH_FIELD = /\b(?:path|uri|route|request_path)["']?\s*[:=]\s*["']?(\/[^\s"',]*)/i;
/** A body's `serverResponse.command`, e.g. StopCloudRecorder. */
const COMMAND_METHOD = /^(acquire|start|query|updatelayout|update|stop)cloudrecorder$/i;
/**
 * The verb just before a Cloud Recording URL: `POST https://…`, `"GET /v1/…`, Feign's `[POST] to [https://…`,
 * Go's `Post "https://…`, `"method":"POST","url":"https://…`, `method=POST url=https://…` (a word that is a verb, not in
 * lower case: `we get https://…` is prose).
 */
const VERB_BEFORE_URL = /\b([GPDHO][A-Za-z]{2,6})["'\]]?[\s,]+(?:["']?(?:to|url|uri|path)["']?\s*[:=]?\s*)?[["'`]?[^\s"'`\]]*$/;
const VERB = /^(?:get|post|put|delete|patch|head|options)$/i;
/** curl's verb where it is not next to the URL: `-X POST`, `-sX POST`, `--request PUT`; POST for data (`-d`, `--data-raw`, `--json`, `-F`). */
const CURL_VERB = /\bcurl\b.*?\s-(?:[a-zA-Z]*X\s*|-request[=\s]\s*)([A-Z]+)\b|\bcurl\b.*\s-(?:d|F|-data[\w-]*|-json|-form)[\s=]/;
/**
 * A method named just before its response, as services log a call: `acquire -> {…}`, `stop -> 206 {…}`,
 * `start => 400 {…}`, `query: 404 Not Found`, `[stop] HTTP 206 {…}`, `recording.start failed: {…}`,
 * `start recording returned 400`, `录制 start 失败 -> 400 {…}`, `查询 query 响应：{…}`, `stop resp: <Response [206]>`
 * (Python requests). The words between it and the response name no other method: the nearest one before the
 * response is its method (`stop 完马上 query，返回 {…}` is query's). Groups: the method, the words between it and the
 * response, `HTTP`, the status.
 */
const LEAD =
  /(?:^|[^\w$/-])(acquire|start|query|updatelayout|update|stop)(?:[_-]?re(?:cord|source)\w*)?(?![\w$])((?:\s*(?:[\]()'":,=>?!\u2192\uff1a\uff0c\uff1f\uff01\u3002-]|(?!(?:acquire|start|query|update|stop)\b)[a-z]{2,10}|\p{Script=Han}{1,4})){0,6})\s*(?:(HTTP(?:\/[\d.]+)?\s*|<Response \[)?([1-5]\d\d)(?![\w.%/-]|:\d))?/giu;

/** A method's name as a word (not in a URL or a file name). */
const METHOD_WORD = /(?:^|[^\w$/.-])(acquire|start|query|updatelayout|update|stop)(?![\w$/-])/i;

/** The call named in a line of text: by a Cloud Recording URL first (with the verb before it), then by a `method=` field. */
function callInText(text: string): Call | undefined {
  const url = URL_METHOD.exec(text);
  if (url) {
    const word = VERB_BEFORE_URL.exec(text.slice(Math.max(0, url.index - 300), url.index))?.[1];
    const curl = word && VERB.test(word) ? undefined : CURL_VERB.exec(text);
    const said = curl ? (curl[1] ?? 'POST') : word;
    const verb = said && VERB.test(said) ? (said.toUpperCase() as HttpVerb) : undefined;
    // The task the URL names (not a template's placeholder, `{resourceid}`, `:sid`).
    const id = (v: string | undefined) => (v && /^[\w.-]{2,}$/.test(v) ? v : undefined);
    const [resourceId, sid] = [id(url[2]), id(url[3])];
    return { method: METHOD_BY_LOWER.get((url[1] ?? url[4]).toLowerCase())!, ...(verb && { verb }), ...(resourceId && { resourceId }), ...(sid && { sid }) };
  }
  const field = FIELD_METHOD.exec(text);
  // `action=stop` beside `path=/rooms/42/recording/stop`: the app's own endpoint (lograge, an access log), not the API's method.
  const path = field && PATH_FIELD.exec(text);
  if ((path && !/cloud_recording/i.test(path[1])) || (field && requestElsewhere(text))) return undefined;
  return field ? { method: METHOD_BY_LOWER.get(field[1].toLowerCase())! } : undefined;
}

/**
 * The one method a question written in Chinese names around a pasted response (`query 一直返回 7，录制是不是挂了？`
 * with the body on the next line): among Chinese words, a method's name is the API's; else the method's Chinese name
 * (`查询云端录制 返回 65`; not where the API's name is there too: `停止录制后 query 返回 404` asks of query). undefined
 * where the text has no Chinese, or names no method or more than one. For a paste (the CLI's explain, the diagnose page), not a log.
 */
export function methodOfQuestion(text: string): Method | undefined {
  if (!/\p{Script=Han}/u.test(text)) return undefined;
  const named = (t: string) => new Set([...t.matchAll(new RegExp(METHOD_WORD, 'gi'))].map((m) => METHOD_BY_LOWER.get(m[1].toLowerCase())!));
  const api = named(text);
  const all = api.size ? api : named(methodNamesInEnglish(text));
  return all.size === 1 ? [...all][0] : undefined;
}

/** The method named in a line of text: by a Cloud Recording URL first, then by a `method=` field. */
export const methodInText = (text: string): Method | undefined => callInText(text)?.method;

/**
 * A method named just before a response on the line (LEAD): a body right after it (`acquire -> {`), a gateway
 * message, or a status the line says is one — `HTTP 400`, a reason phrase, or after an arrow or `returned` with
 * nothing more. An arrow or colon ending the line names the method of the next line's body. Not `start: 200
 * workers`, `stop -> 300 ms`, `query: 404 rows`.
 */
function leadInText(text: string): Call | undefined {
  const line = methodNamesInEnglish(text);
  LEAD.lastIndex = 0;
  for (let n = 0; n < 4; n++) {
    const m = LEAD.exec(line);
    if (!m) break;
    const method = METHOD_BY_LOWER.get(m[1].toLowerCase())!;
    const after = line.slice(LEAD.lastIndex);
    // The next try starts inside this match, so that a method named in its words (`stop 完马上 query，返回 {…}`) is tried too.
    LEAD.lastIndex = m.index + 1;
    const told = /[>\u2192]|returned|responded|status|状态|返回|响应/i.test(m[2]);
    // The text between the status (or the words) and a body that follows: `Partial Content `, `#<Net::HTTPBadRequest 400 …> `.
    const brace = after.indexOf('{');
    const before = brace >= 0 && brace < 60 ? after.slice(0, brace) : undefined;
    // A method named between the words and the response is nearer to it (`after stop, query -> 404 {…}` is query's).
    if (!m[4] && before && METHOD_WORD.test(before)) continue;
    // (No HTTP 433: `start returned 433 {…}` names the body code.)
    const status = m[4] ? (HTTP_STATUS.test(m[4]) ? Number(m[4]) : undefined) : before ? statusInText(before) : undefined;
    // (An HTML page after the status, from a proxy: `stop -> 502 <html>…`.)
    if (m[4] && (m[3] || /http\s*$/i.test(m[2]) || /^ \(?[A-Z][A-Za-z]/.test(after) || (told && /^\s*(?:$|[(,;.:\uff1a]|<[!a-z])/i.test(after)))) {
      // A number HTTP has no status for (`query returned 433`) is the body code the words report.
      return status === undefined ? { method, lead: 'status', code: Number(m[4]) } : { method, lead: 'status', status };
    }
    // Nothing but the sign of a map, a pointer or a type between the words and the body (`acquire ok: %{`, `result=&{`,
    // Elixir's `%Req.Response{`, Go's `&main.Result{`) is nothing.
    if (before !== undefined && (m[4] || !before.replace(/(?:%[A-Z][\w.]*|&?(?:[a-z]\w*\.)?[A-Z]\w*|[%&])\s*$/, '') || status)) return { method, lead: 'body', status };
    if (m[4]) continue;
    if ((gatewayMessages().exec(line.slice(m.index, m.index + 90))?.index ?? 60) < 50) return { method, lead: 'body' };
    if (!after && /[:>\u2192\uff1a]|returned|responded/.test(m[2])) return { method, lead: 'next' };
    // A log message that names a method's answer (`msg="query result"`) with nothing after it: the body is on the next line.
    if (/\b(?:result|response|answer|reply|body)\b/i.test(m[2]) && !/[{[]/.test(after)) return { method, lead: 'next' };
  }
  return undefined;
}

/** `HTTP/1.1 206 Partial Content`, `< HTTP/2 400` (curl -v), `reply: 'HTTP/1.1 500 …` — not a request line. */
const STATUS_LINE = /(?:^|[\s'"<])HTTP\/(?:1\.[01]|2(?:\.0)?|3)\s+([1-5]\d\d)\b/;
/** An access log's `"POST /path HTTP/1.1" 206`, as nginx, Apache and urllib3 write it. */
const ACCESS_LOG = /"[A-Z]{3,7} (\S+) HTTP\/[\d.]+" ([1-5]\d\d)\b/;
/** A status line as an HTTP client logs it: OkHttp's logging interceptor `<-- 206 Partial Content https://…`; Python requests' `<Response [206]>`; Ktor's `RESPONSE: 201 Created`. */
const LOGGED_STATUS_LINE = /<-- ([1-5]\d\d)\b|<Response \[([1-5]\d\d)\]>|\bRESPONSE: ([1-5]\d\d) [A-Z]/;
/** Base64 as UTF-8 text; undefined where it is not base64. */
function fromBase64(text: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** Lines a client prints around a body, inside a response (see readInBlock). */
const BODY_FRAMING = /^(?:[0-9a-fA-F]{1,8}|0|COMMON HEADERS|BODY (?:START|END)|BODY Content-Type:.*|METHOD: .*|FROM: .*|-> [\w-]+: .*)$/;
/** Lines that open a traceback or a stack trace: what follows a status there is no body. */
const NOT_A_BODY = /^(?:Traceback \(most recent call last\):|Caused by:|Exception in thread |at [\w$.<>]+\(|File "[^"]*", line \d+)/;

/** The list of a HAR export's entries: `"entries": [`. */
const HAR_ENTRIES = /^\s*"entries"\s*:\s*\[\s*$/;
/** The fields of a HAR entry's line that scan reads: a string or a number after the name. */
const HAR_FIELD = Object.fromEntries(
  (['url', 'method', 'status', 'text'] as const).map((name) => [name, new RegExp(`"${name}"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*"|-?\\d+)`)]),
) as Record<'url' | 'method' | 'status' | 'text', RegExp>;
/** A HAR export's entry as read so far. */
type HarEntry = {
  line: number;
  endLine?: number;
  part?: 'request' | 'response';
  /** Its body is base64 (`"encoding": "base64"`). */
  base64?: boolean;
  call?: Call;
  verb?: HttpVerb;
  status?: number;
  headers: Record<string, string>;
  text?: string;
};
/** Swift's print of an HTTPURLResponse: `… { Status Code: 400, Headers {` (its headers follow), or `Headers {} }` (none). */
const SWIFT_RESPONSE = /\{ Status Code: ([1-5]\d\d), Headers \{\s*(\}\s*\}\s*)?$/;
/** A line of an interactive session that asks for what the next line prints: `>>> r.json()`, `In [3]: r.json()`, `irb(main):002> res.body`. */
const PROMPT = /^(?:>>>|\.\.\.|In \[\d+\]:|irb\([^)]*\):\d+[>*]|pry\([^)]*\)>)\s/;
/**
 * `status=400`, `"statusCode": 400`, `status code 400` (axios), `HTTP 504`, `http_status: 502`, `状态码：400`,
 * `HTTP 状态=400`, a status after an arrow or `returned` (`返回 206`).
 */
const STATUS_FIELD =
  /\b(?:(?:http[_ ]?)?status(?:[_ ]?code)?|statuscode|httpstatus)["']?\s*(?:[:=]\s*["']?|\s)([1-5]\d\d)\b|\bHTTP ([1-5]\d\d)\b|(?:->|=>|→)\s*([1-5]\d\d)\b|\b(?:response|responded|returned|replied)(?: with)?\s*[:=]?\s*([1-5]\d\d)\b|状态码\s*[:=\uff1a]?\s*([1-5]\d\d)|(?:http\s*)?状态\s*[:=\uff1a]\s*([1-5]\d\d)(?!\d)|(?:返回|响应|回复)了?\s*[:\uff1a]?\s*([1-5]\d\d)(?!\d)/i;
/**
 * An HTTP client's report that a call failed, with its status: .NET's `Response status code does not indicate
 * success: 504 (Gateway Timeout).` and `StatusCode: 404, ReasonPhrase: 'Not Found'`, OkHttp's `Response{protocol=h2,
 * code=400, …}`, Go's `unexpected status code 502` and `status: 502 Bad Gateway`, Ruby's `Net::HTTPBadRequest 400`,
 * `RestClient::BadRequest: 400 Bad Request` and Faraday's `responded with status 400`, Python's `400 Client Error`,
 * `HTTP Error 400`, httpx's `Client error '400 Bad Request'` and aiohttp's `ClientResponseError: 400, message=…`,
 * axios' `Request failed with status code 400`, got's `Response code 400 (Bad Request)`, Java's `Server returned HTTP
 * response code: 400` and Apache's `status code: 400`, Guzzle's ``resulted in a `400 Bad Request` ``, Spring's and
 * Feign's exceptions (`HttpClientErrorException$UnprocessableEntity: 422 Unprocessable Entity`, `FeignException$BadRequest: [400 Bad Request]`).
 * Such a line with an error status is a response, whether or not it names the method.
 */
const CLIENT_STATUS =
  /(?:success:|Response\{[^}]*code|status code|with status|Net::HTTP\w*|HTTP Error|[Rr]esponse code|resulted in a `|(?:Client|Server) error '|(?:Exception|Error|[Ss]tatus|StatusCode|::[A-Z]\w*)(?:\$\w+)?:? \[?(?=\d{3}(?:,? [A-Z]|, message=)))[:=]?\s?([1-5]\d\d)\b|\b([1-5]\d\d) (?:Client|Server) Error/;
/** A status and its reason phrase: `206 Partial Content`, `401 Client Error`, `200 OK`. */
const REASON_PHRASE = /\b([1-5]\d\d) (?:[A-Z][a-z]|OK\b)/;
/** A status right before the verb and a Cloud Recording URL, as an app logs an answer: `← 206 POST https://…/stop`. */
const STATUS_BEFORE_CALL = /(?:^|[\s\u2190<>-])([1-5]\d\d)\s+(?:GET|POST|PUT|DELETE|PATCH|HEAD)\s+["'`]?\S*cloud_recording\//;
/** A status right after a Cloud Recording URL, as an app logs a call: `POST https://…/start 200 {…}`. */
const STATUS_AFTER_URL = /cloud_recording\/\S+?["']?\s+([1-5]\d\d)(?![\w.%/-]|:\d)/;
/** A key of a body in a CSV cell, its quotes doubled: `{""code""`, `""reason"" :`. */
const CSV_QUOTED_KEY = /\{""\w|""\w+""\s*:/;
/** A method's call said to have failed, in an app's words: `acquire failed`, `stop request error`, `start 失败`. */
const FAILED_CALL = /(?:^|[^\w$/.-])(acquire|start|query|updatelayout|update|stop)(?:[_-]?re(?:cord|source)\w*)?(?:\s+(?:request|call|recording))?\s*(?:failed|failure|error|errored|失败|出错|报错)(?![a-z])/i;
/** A terminal colour or cursor escape (`\x1b[32m`, `\x1b[38;5;3m`). */
const ANSI_ESCAPE = /\x1b\[[0-9;?]*[A-Za-z]/g;
/** A client's note that it will send a request again: `will retry in 1000ms`, `retrying (2/3)`, `2 attempts left`, `backing off 1s`. */
const RETRY_NOTE = /\bwill retry\b|\bretrying\b|\battempts? left\b|\bbacking off\b/i;
/** A logger's line with the status alone: Faraday's `response: Status 400`. */
const REPORTED_STATUS = /\bresponse: Status ([1-5]\d\d)\s*$/;
/**
 * What a log collector writes before each line: journald's and syslog's `Mar 14 13:00:06 host unit[pid]: ` (also with an
 * ISO date), docker compose's `web-1  | `, `kubectl logs --prefix`'s `[pod/name/container] `.
 */
const COLLECTOR_PREFIX =
  /^(?:(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?) [\w.-]+ [\w.@/-]+(?:\[\d+\])?: |[\w.-]+\s+\| |\[pod\/[\w.-]+\/[\w.-]+\] )/;
/** A URL or path of another service than Cloud Recording on the line. */
const OTHER_URL = /https?:\/\/|\s\/\w/;
/**
 * A request to a URL: a request line (`> GET https://api.mux.com/…`, `POST https://hooks.example.com/x`), a record's URL
 * (`"url":"https://api.zoom.us/v2/users"`, Python's `for url: https://…`); one to another service when it is not Cloud Recording's.
 */
const REQUEST_TO_URL = /(?:\b(?:GET|POST|PUT|DELETE|PATCH|HEAD)\s+|\b(?:url|uri|endpoint|URL)["']?\s*[:=]\s*)["'`]?https?:\/\/[^/\s"'`]+\/\w/;
/**
 * Whether a line is a request to another service than Cloud Recording (REQUEST_TO_URL, no `cloud_recording` in it); a
 * URL field only with a verb or a status beside it (`thumbnail url: https://cdn…/1.jpg` mentions a URL, it requests none).
 */
const requestElsewhere = (line: string): boolean =>
  REQUEST_TO_URL.test(line) && !/cloud[_-]?recording/i.test(line) && /\b(?:GET|POST|PUT|DELETE|PATCH|HEAD)\b|\b[1-5]\d\d\b/.test(line);
/** What comes before a status's reason phrase: `401 Unauthorized`, `401 Client Error: Unauthorized` (Python requests). */
const BEFORE_REASON_PHRASE = /\b[1-5]\d\d(?: (?:Client|Server) Error)?\W{0,2}$/i;
/** curl's notes of data sent and received: `{ [55 bytes data]`, `} [120 bytes data]`. */
const CURL_DATA = /^\s*[{}] \[\d+ bytes data\]/;
/** The rows of curl's progress meter (`curl -v … 2>&1`), which the next line of output may run on from. */
const CURL_PROGRESS = /^(?:\s*\d{1,3}(?:\s+[\d.]+[kMGTP]?){7}(?:\s+[-:\d]+){3}\s+[\d.]+[kMGTP]?)+/;
/** A quoted value of a log line with a body in it, its quotes escaped: logfmt's `body="{\"code\":49}"`, `err="stop: {\"code\":49}"`, Go's `%q`. */
const ESCAPED_BODY = /"((?:[^"\\]|\\.)*?\{\s*\\"(?:[^"\\]|\\.)*)"/g;
/** A line of a stack trace: Node's or Java's `at …`, Python's traceback (its heading, `File "…"` and code lines). */
const STACK_FRAME = /^(?:\s+at [\w$.<(]|\s+File "|Traceback \(most recent call last\)|\s{4}\S)/;
/** An HTML page inside a log line (an HTTP client's exception, after its status). */
const INLINE_HTML = /<(?:!doctype html|html|head|body)\b/i;
/** A timestamp or level that starts a log line: such a line is not a response's text body. */
const LOG_LINE_START = /^\s*(?:\[?\d{4}-\d\d-\d\d|\[?\d\d:\d\d|\[?(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\b|\w+\[\d+\]:)/i;

const statusNumber = (v: unknown): number | undefined => {
  // A number, or a string of one with its reason phrase as Go's resp.Status has it ("206 Partial Content").
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{3}(?:\s+[A-Z][\w -]*)?\s*$/.test(v) ? Number.parseInt(v.trim(), 10) : NaN;
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
};

/** The statuses HTTP has (IANA's registry): `start returned 433` names body code 433, for there is no HTTP 433. */
const HTTP_STATUS = /^(?:10[0-3]|20[0-8]|226|30[0-8]|4(?:0\d|1[0-8]|2[1-689]|31|51)|50\d|51[01])$/;

function statusInText(text: string): number | undefined {
  const m = STATUS_FIELD.exec(text) ?? CLIENT_STATUS.exec(text) ?? REASON_PHRASE.exec(text) ?? STATUS_AFTER_URL.exec(text) ?? STATUS_BEFORE_CALL.exec(text);
  const status = m?.find((g, i) => i && g);
  return status && HTTP_STATUS.test(status) ? Number(status) : undefined;
}

// ---------------------------------------------------------------------------
// Gateway messages in plain text

let messagePattern: RegExp | undefined;
/** The gateway's messages, as the catalog has them (`Invalid authentication credentials` …). */
function gatewayMessages(): RegExp {
  if (!messagePattern) {
    const messages: string[] = Object.values(GatewayMessage);
    const escaped = messages.sort((a, b) => b.length - a.length).map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
    messagePattern = escaped.length ? new RegExp(`(?:^|[^\\w])(${escaped.join('|')})(?![\\w])`, 'i') : /(?!)/;
  }
  return messagePattern;
}

/** The first object in `text` from `from` on: by JSON.parse where it can, else by readLooseValue. */
function readObjectAt(text: string, from: number): Parsed | undefined {
  const close = text.lastIndexOf('}');
  if (close > from) {
    try {
      const value = JSON.parse(text.slice(from, close + 1)) as unknown;
      if (isObject(value)) return { value, end: close + 1, complete: true };
    } catch {
      // not strict JSON, or more than one object: read it the tolerant way
    }
  }
  const parsed = readLooseValue(text, from) ?? (INSPECTED.test(text) ? readLooseValue(inspected(text), from) : undefined) ?? readGoStruct(text, from);
  return parsed && isObject(parsed.value) ? parsed : undefined;
}

/** A Go field's name in a `%+v` print: `Code:`, `ServerResponse:`. */
const GO_FIELD = /^([A-Z]\w*):/;
/** Where a Go field's plain value ends: before the next field, or at the struct's end. */
const GO_VALUE_END = /\s[A-Z]\w*:|[}\]]/;

/**
 * Go's `%+v` of a struct, as Go services log a decoded body: `&{Cname:room-1 Code:65 Reason:request not completed
 * ServerResponse:{Status:5}}`. Field names become the body's keys (`Code` → `code`, `ResourceId` → `resourceId`), a
 * value of digits a number, `<nil>` null. undefined when the text there is not such a struct.
 */
function readGoStruct(text: string, from: number): Parsed | undefined {
  let i = from;
  const plain = (atom: string): unknown =>
    atom === '<nil>' ? null : atom === 'true' || atom === 'false' ? atom === 'true' : /^-?\d+(?:\.\d+)?$/.test(atom) ? Number(atom) : atom;
  const value = (depth: number): unknown => {
    if (text.startsWith('&{', i)) i++;
    if (text[i] === '{') return struct(depth + 1);
    if (text[i] === '[') {
      // A slice: `[a b]`, `[{…} {…}]`.
      i++;
      const items: unknown[] = [];
      while (i < text.length && text[i] !== ']') {
        if (text[i] === ' ') i++;
        else if (text[i] === '{' || text.startsWith('&{', i)) items.push(value(depth + 1));
        else {
          const end = text.slice(i).search(/[\s\]]/);
          items.push(plain(text.slice(i, end < 0 ? text.length : i + end)));
          i = end < 0 ? text.length : i + end;
        }
      }
      i++;
      return items;
    }
    const end = GO_VALUE_END.exec(text.slice(i));
    const atom = text.slice(i, end ? i + end.index : text.length);
    i += atom.length;
    return plain(atom.trim());
  };
  const struct = (depth: number): Record<string, unknown> | undefined => {
    if (text[i] !== '{' || depth > 8) return undefined;
    i++;
    const out: Record<string, unknown> = {};
    while (i < text.length) {
      if (text[i] === '}') {
        i++;
        return out;
      }
      if (text[i] === ' ') {
        i++;
        continue;
      }
      const field = GO_FIELD.exec(text.slice(i, i + 80));
      if (!field) return undefined;
      i += field[0].length;
      const name = field[1];
      const v = value(depth);
      if (v === undefined) return undefined;
      out[name === name.toUpperCase() ? name.toLowerCase() : name[0].toLowerCase() + name.slice(1)] = v;
    }
    return undefined;
  };
  if (!GO_FIELD.test(text.slice(from + 1, from + 80))) return undefined;
  const found = struct(0);
  return found && Object.keys(found).length ? { value: found, end: i, complete: true } : undefined;
}

/** Where PHP's dump of a decoded body starts, at the end of a line: print_r's `Array`, var_dump's `array(2) {` or `object(stdClass)#1 (2) {`. */
const PHP_DUMP_START = /(?:^|\s)(?:Array|array\(\d+\) \{|object\([\w\\]+\)#\d+ \(\d+\) \{)\s*$/;

/**
 * PHP's dump of a decoded body over several lines, as print_r (`Array`, `(`, `[code] => 433`, `)`) or var_dump
 * (`array(2) {`, `["code"]=>`, `int(433)`, `}`) prints it. undefined when the lines are not one.
 */
function readPhpDump(lines: readonly string[]): Record<string, unknown> | undefined {
  let i = 0;
  const plain = (v: string): unknown => (/^-?\d+(?:\.\d+)?$/.test(v) ? Number(v) : v);
  /** print_r: from the line `(` to its `)`. */
  const printed = (): Record<string, unknown> | undefined => {
    if (lines[i]?.trim() !== '(') return undefined;
    i++;
    const out: Record<string, unknown> = {};
    for (; i < lines.length; i++) {
      const t = lines[i].trim();
      if (t === ')') return out;
      if (!t) continue;
      const m = /^\[([^\]]*)\] => ?(.*)$/.exec(t);
      if (!m) return undefined;
      if (m[2] === 'Array' || / Object$/.test(m[2])) {
        i++;
        const inner = printed();
        if (!inner) return undefined;
        out[m[1]] = inner;
      } else out[m[1]] = plain(m[2]);
    }
    return undefined;
  };
  /** var_dump: from the line after `{` to its `}`. */
  const dumped = (): Record<string, unknown> | undefined => {
    const out: Record<string, unknown> = {};
    for (i++; i < lines.length; i++) {
      const t = lines[i].trim();
      if (t === '}') return out;
      const key = /^\[(?:"(.*)"|(-?\d+))(?::[\w":\\]+)?\]=>$/.exec(t);
      if (!key) return undefined;
      const v = lines[++i]?.trim() ?? '';
      const scalar = /^(?:string\(\d+\) "(.*)"|(?:int|float)\((.*)\)|bool\((true|false)\)|(NULL))$/.exec(v);
      if (/\{$/.test(v)) {
        const inner = dumped();
        if (!inner) return undefined;
        out[key[1] ?? key[2]] = inner;
      } else if (scalar) out[key[1] ?? key[2]] = scalar[1] ?? (scalar[2] !== undefined ? Number(scalar[2]) : scalar[3] ? scalar[3] === 'true' : null);
      else return undefined;
    }
    return undefined;
  };
  if (/\{\s*$/.test(lines[0])) return dumped();
  i = 1;
  return printed();
}

/**
 * What Node's util.inspect (console.log of an error, axios' AxiosError) writes that is not a value: a class before an
 * object (`Object [AxiosHeaders] {`, `ClientRequest {`, `Map(2) {`, `[Object: null prototype] {`), a symbol key
 * (`[Symbol(kCapture)]: false`), placeholders (`[ClientRequest]`, `[AsyncFunction: f]`, `[class X]`, `<Buffer 7b 22>`).
 */
const INSPECTED = /[\w\])] \{|\[(?:Symbol\(|Object: |Async|Generator|class |[A-Z]\w*\])|<Buffer /;
/** The same text with those read as values (a class dropped, a symbol key quoted, a placeholder null), each the same length (offsets stay). */
const inspected = (text: string): string =>
  text
    .replace(/(?:\b[A-Z][\w$]*(?:\(\d+\))?(?: \[[\w$]+\])?|\[Object: null prototype\]) (?=\{)/g, (m) => ' '.repeat(m.length))
    .replace(/\[(Symbol\([^)\n]*\))\](?=:)/g, '"$1"')
    .replace(/\[(?:Object: null prototype|[A-Z][\w$]*|(?:Async)?(?:Generator)?Function[^\]\n]*|class [^\]\n]*)\]|<Buffer[^>\n]*>/g, (m) => 'null'.padEnd(m.length));

// ---------------------------------------------------------------------------
// Which object is a response body

const BODY_COMPANIONS = ['reason', 'resourceId', 'sid', 'cname', 'uid', 'serverResponse'];
const GATEWAY_EXTRAS = new Set(['message', 'request_id', 'requestId', 'request-id']);
const wholeCode = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) || (typeof v === 'string' && /^\d{1,9}$/.test(v));

function isKnownMessage(text: string): boolean {
  const m = gatewayMessages().exec(text);
  return !!m && m[1].replace(/\s+/g, ' ').length === text.trim().replace(/\s+/g, ' ').length;
}

/** Does this object look like a Cloud Recording response body (error, gateway message or success)? */
function isBody(o: Record<string, unknown>): boolean {
  if (isObject(o.serverResponse)) return true;
  if (own(o, 'code') && wholeCode(o.code)) {
    if (ownKeys(o, () => true) === 1 || BODY_COMPANIONS.some((k) => own(o, k))) return true;
  }
  // A message that names a Cloud Recording call is a log record's, never the gateway's (`{"message":"stop failed (POST …"`).
  if (typeof o.message === 'string' && !own(o, 'code') && !/cloud_recording\//i.test(o.message)) {
    if (ownKeys(o, (k) => !GATEWAY_EXTRAS.has(k)) === 0) return true;
    if (isKnownMessage(o.message)) return true;
  }
  // A success: acquire's and start's bodies; a resource ID alone, as a log often cuts acquire's body down to.
  return typeof o.resourceId === 'string' && (own(o, 'cname') || own(o, 'uid') || own(o, 'sid') || ownKeys(o, () => true) === 1);
}

/** Keys of a request's path in a log record. */
const PATH_KEYS = /^(?:path|uri|route|request_?path|request_?uri)$/i;
const STATUS_KEYS = /^(?:status|statuscode|status_code|httpstatus|http_status|httpstatuscode|responsestatus|response_status|statuscodevalue)$/i;
/** Keys of the method, or of the HTTP verb (`"method":"POST"` beside a `url`, axios' `method: 'post'`). */
const METHOD_KEYS = /^(?:method|api|action|operation|op|call|step|verb|http_?method|request_?method)$/i;
const HEADER_KEYS = /^(?:headers|responseheaders|response_headers)$/i;
/** A record's body as text that is no JSON (a proxy's HTML page, `upstream request timeout`): kept as the body. */
const TEXT_BODY_KEYS = /^(?:body|response_?body|resp_?body|res_?body|raw_?body)$/i;

type Wrapped = { body?: Record<string, unknown> | string; text?: string; status?: number; method?: Method; verb?: HttpVerb; headers?: Record<string, string>; partial?: boolean; resourceId?: string; sid?: string };

/** What a logger writes where it cut a line short: `...`, `…`, `(truncated...)`, `[truncated]`, `[412 more chars]`, or `...` and one of them. */
const TRUNCATION_MARK = /\s*(?:(?:\.{3}|\u2026)\s*(?:\((?:truncated|truncated\.{3})\)|\[(?:truncated|\d+ more (?:chars|characters|bytes))\])?|\((?:truncated|truncated\.{3})\)|\[(?:truncated|\d+ more (?:chars|characters|bytes))\])\s*$/i;

/** Keys a log record holds its response's body under. */
const BODY_KEYS = /^(?:body|responsebody|response_body|resbody|data|response|payload)$/i;
/** Whether a record holds a body under one of BODY_KEYS (an object, or its JSON text): then its own `resourceId`, `cname` … are context, not the body. */
const holdsBody = (o: Record<string, unknown>): boolean =>
  Object.keys(o).some((k) => BODY_KEYS.test(k) && (isObject(o[k]) ? isBody(o[k] as Record<string, unknown>) : typeof o[k] === 'string' && /^\s*\{/.test(o[k] as string)));

function headerMap(value: unknown): Record<string, string> | undefined {
  if (!isObject(value)) return undefined;
  const out: Record<string, string> = {};
  let count = 0;
  for (const k in value) {
    if (!own(value, k)) continue;
    const v = value[k];
    if (count >= MAX_HEADERS) break;
    if (typeof v === 'string' || typeof v === 'number') {
      out[k.toLowerCase()] = String(v).slice(0, MAX_HEADER_VALUE);
      count++;
    }
  }
  return count ? out : undefined;
}

/**
 * Find the response in a parsed object: the object itself when it is a body,
 * else the body inside a log record (`{"status":400,"body":{…}}`,
 * `{"res":{"statusCode":500},"responseBody":"{…}"}`) with the record's status,
 * method and headers.
 */
function unwrap(value: unknown, depth = 0): Wrapped | undefined {
  if (!isObject(value)) return undefined;
  if (isBody(value) && !holdsBody(value)) return { body: value };
  if (depth > 5) return undefined;
  // The task the record names around its body (a logger's context fields), or its URL does.
  const id = (v: unknown) => (typeof v === 'string' && /^[\w.-]{2,}$/.test(v) ? v : undefined);
  const found: Wrapped = { ...(id(value.resourceId) && { resourceId: value.resourceId as string }), ...(id(value.sid) && { sid: value.sid as string }) };
  const nested: unknown[] = [];
  // A record of a request to the app's own endpoint (`"uri":"/internal/recorder/query"`): its `op` or `action` is no method of the API.
  const ownEndpoint = Object.keys(value).some((k) => PATH_KEYS.test(k) && typeof value[k] === 'string' && /^\//.test(value[k] as string) && !/cloud_recording/i.test(value[k] as string));
  for (const key in value) {
    if (!own(value, key)) continue;
    const v = value[key];
    if (STATUS_KEYS.test(key) && found.status === undefined) found.status = statusNumber(v);
    else if (METHOD_KEYS.test(key) && typeof v === 'string') {
      if (ownEndpoint) continue;
      found.method ??= METHOD_BY_LOWER.get(v.toLowerCase());
      if (VERB.test(v)) found.verb ??= v.toUpperCase() as HttpVerb;
    } else if (HEADER_KEYS.test(key) && !found.headers) found.headers = headerMap(v);
    else if (isObject(v) || Array.isArray(v)) nested.push(v);
    else if (typeof v === 'string' && v.includes('cloud_recording/')) {
      const call = callInText(v);
      found.method ??= call?.method;
      found.resourceId ??= call?.resourceId;
      found.sid ??= call?.sid;
    }
    else if (typeof v === 'string' && v.length < MAX_BODY_CHARS && /^\s*&?\{/.test(v)) {
      const inner = readObjectAt(v, v.indexOf('{'));
      if (inner) nested.push(inner.complete ? inner.value : { __partial: inner.value });
    } else if (typeof v === 'string' && TEXT_BODY_KEYS.test(key) && v.trim()) found.text ??= v.slice(0, MAX_BODY_CHARS);
  }
  // The first body found, and what the record's other parts say of it (Google Cloud Logging's `httpRequest.status`
  // after the body in `jsonPayload`).
  let withBody: Wrapped | undefined;
  for (const v of nested) {
    const items = Array.isArray(v) ? v.slice(0, 20) : [v];
    for (const item of items) {
      const partial = isObject(item) && own(item, '__partial');
      const inner = unwrap(partial ? (item as { __partial: unknown }).__partial : item, depth + 1);
      if (!inner) continue;
      if (inner.body) {
        withBody ??= { ...inner, partial: partial || inner.partial };
        continue;
      }
      found.status ??= inner.status;
      found.method ??= inner.method;
      found.verb ??= inner.verb;
      found.headers ??= inner.headers;
    }
  }
  if (withBody) {
    return {
      body: withBody.body,
      status: withBody.status ?? found.status,
      method: withBody.method ?? found.method,
      verb: withBody.verb ?? found.verb,
      headers: withBody.headers ?? found.headers,
      partial: withBody.partial,
      resourceId: withBody.resourceId ?? found.resourceId,
      sid: withBody.sid ?? found.sid,
    };
  }
  // A body of text beside a status: the page that answered.
  if (found.text !== undefined && found.status !== undefined) return { ...found, body: found.text };
  // A verb alone (a request's record, `{"method":"POST","url":…}`) is kept only for the record around it.
  return found.status !== undefined || found.method !== undefined || (depth && found.verb) ? found : undefined;
}

function commandMethod(body: unknown): Method | undefined {
  const server = isObject(body) ? body.serverResponse : undefined;
  const command = isObject(server) ? server.command : undefined;
  const m = typeof command === 'string' ? COMMAND_METHOD.exec(command) : null;
  return m ? METHOD_BY_LOWER.get(m[1].toLowerCase()) : undefined;
}

// ---------------------------------------------------------------------------
// The streaming reader

/** Tracks whether braces opened in a text are closed, across lines, minding strings. */
class BraceDepth {
  depth = 0;
  private quote = '';
  private escaped = false;
  /** Read `text` from `from` on; the depth it leaves, or NaN when it ends inside a quote. */
  feed(text: string, from = 0): number {
    for (let i = from; i < text.length; i++) {
      const c = text[i];
      if (this.quote) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === this.quote) this.quote = '';
      } else if (c === '"' || c === "'") this.quote = c;
      else if (c === '{' || c === '[') this.depth++;
      else if (c === '}' || c === ']') this.depth--;
    }
    const open = this.quote !== '';
    // A quote is not carried over a line break: a stray apostrophe in prose must not swallow what follows.
    this.quote = '';
    this.escaped = false;
    return open ? Number.NaN : this.depth;
  }
}

/**
 * A word one of the objects on a line has when it can be a response or hold one: a body's
 * keys, a method's name, a Cloud Recording URL (or a \\u escape that may spell any of them).
 */
const RESPONSE_WORD = /code|message|reason|serverResponse|resourceId|acquire|start|query|update|stop|cloud_recording|\\u/i;

/** Does every brace and bracket opened on `line` from `from` on close on it, outside any open quote? */
function closedOnLine(line: string, from: number): boolean {
  const depth = new BraceDepth();
  return depth.feed(line, from) === 0;
}

/** A line that can continue a body printed over several lines (pretty JSON, Python, Node). */
const CONTINUES = /^\s*(?:["'}\][{,\d-]|(?:true|false|null|True|False|None|undefined)\b|[A-Za-z_$][\w$-]*["']?\s*:|$)/;
/** After `{`, what a body starts with: a key, a quote, `}` or the end of the line. */
const OPENS_BODY = /\{\s*(?:["'}]|[A-Za-z_$][\w$-]*\s*:|$)/y;
/** A header line of an HTTP response: `Content-Type: application/json`. */
const HEADER_LINE = /^([A-Za-z0-9][A-Za-z0-9!#$%&'*+.^_`|~-]*):\s*(.*)$/;

type Block = {
  status: number;
  line: number;
  headers: Record<string, string>;
  phase: 'headers' | 'body';
  method?: Method;
  methodLine?: number;
  verb?: HttpVerb;
  blankLines: number;
  /** What came before the status on its line, where a logger writes it before each line (`I/okhttp.OkHttpClient: `). */
  prefix?: string;
  /**
   * Its headers come between braces (the status's line ends with `Headers:`, as .NET prints a response, or
   * `Headers {`, as Swift prints an HTTPURLResponse: `"Content-Type" = (`, its value, `);` … `} }`).
   */
  braced?: boolean;
  /** A Swift header's name, its value on the next line. */
  headerName?: string;
  /** The line of its last header. */
  lastHeader?: number;
  /** It answers a request to another service (the request line before it names another URL): not reported. */
  elsewhere?: boolean;
};

type Gathering = {
  kind: 'json' | 'html' | 'php';
  text: string;
  /** The line the body starts on, and how many lines it has so far. */
  first: number;
  lines: number;
  depth: BraceDepth;
  /** The text before the body on its first line (a status or method may be there). */
  lead: string;
  /** The response the body belongs to, when a status line came first. */
  block?: Block;
  /** The call named on its first line. */
  call?: Call;
};

type Found = Omit<FoundResponse, 'method' | 'methodLine'>;
/** Where a response's method came from: its own text, or a request line before it (methodLine). */
type MethodOf = { method?: Method; methodLine?: number; verb?: HttpVerb; resourceId?: string; sid?: string };
/** A request line (or a method named) waiting for its response: from its line, within `reach` lines (else METHOD_REACH). */
type Pending = Call & { line: number; reach?: number };

/** What most lines of a log complete: nothing (one array for all of them, not one per line). */
const NONE: FoundResponse[] = Object.freeze([]) as unknown as FoundResponse[];

/**
 * Reads a text line by line and hands back each response as soon as it is
 * complete. Keeps only the response being read (bounded), the last method seen
 * and a status without a body while its body may still follow (PAIR_REACH lines).
 *
 *   const reader = new ResponseReader();
 *   for (const line of lines) for (const found of reader.line(line)) use(found);
 *   for (const found of reader.end()) use(found);
 */
export class ResponseReader {
  private lineNo = 0;
  private readonly maxLine: number;
  private block: Block | undefined;
  private gathering: Gathering | undefined;
  /** The method of the last request line, for the response that follows it (within `reach` lines). */
  private pending: Pending | undefined;
  /** The line of the last request to another service (REQUEST_TO_URL), whose status line is not a Cloud Recording response. */
  private elsewhere: number | undefined;
  /** A status without a body, waiting a few lines for its body. */
  private held: FoundResponse | undefined;
  private out: FoundResponse[] = [];
  /** Whether the status held tells the last response again (see push()). */
  private heldEcho = false;
  /** The last response with a method: its status and body, where it ends, its method. */
  private last: { same: string; status: number | undefined; endLine: number; call: MethodOf; body: boolean } | undefined;
  /** The last line of a stack trace after the held status. */
  private stackEnd = 0;
  private heldEnd = (held: FoundResponse): number => Math.max(held.endLine, this.stackEnd);

  /** Inside a HAR export's entries: the entry being read, and how deep its braces are. */
  private har: { depth: number; entry?: HarEntry } | undefined;

  constructor(options: ReaderOptions = {}) {
    this.maxLine = Math.max(80, options.maxLineLength ?? MAX_LINE);
  }

  /** The number of lines read so far. */
  get lines(): number {
    return this.lineNo;
  }

  /** Read the next line (without its line break). Returns the responses it completed. */
  line(raw: string): FoundResponse[] {
    this.lineNo++;
    const held = this.held;
    if (held && !this.gathering && this.lineNo - this.heldEnd(held) > PAIR_REACH) {
      this.held = undefined;
      this.release(held);
    }
    // An error's stack (Node's `    at f (file:1:2)`, Java's `\tat a.B.c(B.java:9)`) goes on with the error: its body may
    // follow it, and the error may follow the line that named its call (a Python traceback).
    if (STACK_FRAME.test(raw)) {
      if (held) this.stackEnd = this.lineNo;
      const p = this.pending;
      if (p?.reach && this.lineNo - p.line <= p.reach) p.reach++;
    }
    const cut = raw.length > this.maxLine ? raw.slice(0, this.maxLine) : raw;
    const text = cut.endsWith('\r') ? cut.slice(0, -1) : cut;
    // A logger's mark where it cut a body (`{"cname":"a",...(truncated)`, `… [412 more chars]`): the body ends there, cut short.
    this.read(text.lastIndexOf('{') > text.lastIndexOf('}') ? text.replace(TRUNCATION_MARK, '') : text);
    return this.take();
  }

  /** The end of the text: what was still being read (a body cut short, a status line without a body). */
  end(): FoundResponse[] {
    if (this.har?.entry) this.emitHar(this.har.entry);
    this.har = undefined;
    if (this.gathering) this.finishGathering(false);
    this.closeBlock();
    if (this.held) this.release(this.held);
    this.held = undefined;
    return this.take();
  }

  private take(): FoundResponse[] {
    if (!this.out.length) return NONE;
    const out = this.out;
    this.out = [];
    return out;
  }

  /** A request line's method, if one came not long before `line`; used once. */
  private takePending(line: number): MethodOf {
    const p = this.pending;
    if (!p || line - p.line > (p.reach ?? METHOD_REACH)) return {};
    this.pending = undefined;
    return { method: p.method, ...(p.line < line && { methodLine: p.line }), ...(p.verb && { verb: p.verb }), ...(p.resourceId && { resourceId: p.resourceId }), ...(p.sid && { sid: p.sid }) };
  }

  /** A response; its method is its own, else a request line's before it. `hold`: a status without a body, whose body may follow. */
  private emit(found: Found, own: Call | undefined, hold?: boolean): void {
    // The answer to a request to another service (Zoom, Agora's RTM or kicking-rule API): on the request's line, or on
    // one of the next lines naming no call, unless a Cloud Recording request came after it.
    const away = this.elsewhere;
    // (Not when a Cloud Recording request is still waiting for its answer.)
    const waiting = this.pending && found.line - this.pending.line <= (this.pending.reach ?? METHOD_REACH);
    if (away !== undefined && (found.line === away || (!own && found.line - away <= PAIR_REACH && !waiting))) return;
    if (own) {
      own = this.withVerb(own);
      // A request line is answered once: by a response on its line or after it that names the same method.
      if (this.pending && (this.pending.line >= found.line || this.pending.method === own.method)) this.pending = undefined;
    }
    this.push(own ?? this.takePending(found.line), found, hold);
  }

  /**
   * After a client's note that it backs off to send the request again (`will retry in 1000ms`, `retrying (2/3)`): the
   * response it answered has no body to come, and the next answer is to the same request. That request is the request
   * line the response took, else the method of the response itself.
   */
  private sameRequestNext(request: Pending | undefined, response?: { method?: Method; verb?: HttpVerb }): void {
    const method = response?.method;
    this.pending ??= request ?? (method && { method, line: this.lineNo, verb: response.verb });
  }

  /** A call named without its verb takes the verb of the request line before it, when that names the same method (OkHttp's `--> POST …/acquire`, then `<-- 200 …/acquire`). */
  private withVerb(call: Call): Call {
    const p = this.pending;
    return call.verb || !p?.verb || p.method !== call.method ? call : { ...call, verb: p.verb };
  }

  /**
   * Hand a response out. A status without a body waits up to PAIR_REACH lines: a body without a
   * status of its own (and no other method) there is its body — one response, from the status's line.
   */
  private push(call: MethodOf, found: Found, hold?: boolean): void {
    const verb = found.verb ?? call.verb;
    let response: FoundResponse = {
      ...(call.method && { method: call.method }),
      ...(call.methodLine !== undefined && { methodLine: call.methodLine }),
      ...(call.resourceId && { resourceId: call.resourceId }),
      ...(call.sid && { sid: call.sid }),
      ...found,
      ...(verb && { verb }),
    };
    const held = this.held;
    if (held) {
      this.held = undefined;
      const near = found.line - this.heldEnd(held) <= PAIR_REACH && (!call.method || !held.method || call.method === held.method);
      // Its body (with the same status or none).
      const body = found.body !== undefined && (found.status ?? held.status) === held.status;
      // The same status told again without a body: by the error's traceback after the client's own line (httpx, aiohttp), by
      // the app after the proxy's access line, or by the exception on the next line naming no method of its own (Nest's
      // `start failed: Request failed with status code 400`, then `AxiosError: Request failed with status code 400`).
      // One response; its body may still follow.
      const again =
        hold &&
        found.status === held.status &&
        (this.stackEnd > held.endLine || found.evidence !== held.evidence || (found.line - held.endLine <= 1 && !call.method));
      if (near && (body || again)) {
        // The status's line, method and verb where it has them; what came after it and where it ends.
        response = { ...response, ...held, endLine: found.endLine };
        if (body) hold = false;
      } else this.release(held);
    }
    // The same response printed again right after (Spring's servlet error, then its root cause) is the same call.
    // So is its status told again without a body (Faraday's error after its logged response).
    const same = response.status + JSON.stringify(response.body);
    const again = this.last && (this.last.same === same || (response.body === undefined && this.last.status === response.status));
    // The client's error line after the response it logged whole (Go's `stop: unexpected status code 400`, Python's
    // `HTTPError: 400 Client Error … for url: …/stop` after the body): the same call, told again with less — not a second
    // response, unless a body of its own follows it (then it was the next call's status line).
    const echo = Boolean(again && this.last!.body && response.body === undefined && response.line - this.last!.endLine <= PAIR_REACH && (!response.method || response.method === this.last!.call.method));
    if (!response.method && response.status !== undefined && again && response.line - this.last!.endLine <= PAIR_REACH) Object.assign(response, this.last!.call);
    if (response.method && !echo)
      this.last = {
        same,
        status: response.status,
        endLine: response.endLine,
        body: response.body !== undefined,
        call: { method: response.method, ...(response.methodLine !== undefined && { methodLine: response.methodLine }), ...(response.verb && { verb: response.verb }) },
      };
    if (hold) {
      this.held = response;
      this.heldEcho = echo;
    } else if (!echo) this.out.push(response);
  }

  /** A status held for its body that none followed: a response of its own, unless it told the last one again. */
  private release(held: FoundResponse): void {
    if (!this.heldEcho) this.out.push(held);
    this.heldEcho = false;
  }

  /**
   * A line of a HAR export's entries, pretty-printed: each entry's request (`"url"`, `"method"`) and response
   * (`"status"`, its headers as `{ "name": …, "value": … }`, `"content": { "text": "<the body as a JSON string>" }`).
   * The request's own body (`postData`) is no response. An entry that calls Cloud Recording is a response, from its
   * URL's line; the list's end ends the export.
   */
  private readHar(line: string): void {
    const har = this.har!;
    const trimmed = line.trim();
    const depthBefore = har.depth;
    for (const c of trimmed.replace(/"(?:[^"\\]|\\.)*"/g, '')) har.depth += c === '{' || c === '[' ? 1 : c === '}' || c === ']' ? -1 : 0;
    // The entries' list closed: the export's end.
    if (har.depth < 0) {
      if (har.entry) this.emitHar(har.entry);
      this.har = undefined;
      return;
    }
    // A new entry opens at the list's own level.
    if (depthBefore === 0 && trimmed.startsWith('{')) {
      if (har.entry) this.emitHar(har.entry);
      har.entry = { line: this.lineNo, headers: {} };
    }
    const entry = har.entry;
    if (!entry) return;
    const section = /^"(request|response|postData|content)"\s*:/.exec(trimmed)?.[1];
    if (section === 'request' || section === 'response') entry.part = section;
    const field = (name: keyof typeof HAR_FIELD) => {
      const m = HAR_FIELD[name].exec(trimmed);
      if (!m) return undefined;
      try {
        return JSON.parse(m[1]) as string | number;
      } catch {
        return undefined;
      }
    };
    if (entry.part === 'request') {
      const url = field('url');
      if (typeof url === 'string') {
        entry.call = callInText(url);
        entry.line = this.lineNo;
      }
      const verb = field('method');
      if (typeof verb === 'string' && VERB.test(verb)) entry.verb = verb.toUpperCase() as HttpVerb;
      return;
    }
    if (entry.part !== 'response') return;
    const status = field('status');
    if (typeof status === 'number' && entry.status === undefined) entry.status = statusNumber(status);
    // Its headers, one `{ "name": …, "value": … }` a line or several a line.
    for (const h of trimmed.matchAll(/"name"\s*:\s*"((?:[^"\\]|\\.)*)"\s*,\s*"value"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) {
      if (Object.keys(entry.headers).length < MAX_HEADERS) entry.headers[h[1].toLowerCase()] = h[2].slice(0, MAX_HEADER_VALUE);
    }
    // Firefox saves a body it received compressed as base64 (`"encoding": "base64"`, before or after its text).
    if (/"encoding"\s*:\s*"base64"/.test(trimmed)) entry.base64 = true;
    const text = field('text');
    if (typeof text === 'string' && entry.text === undefined) {
      entry.text = text.slice(0, MAX_BODY_CHARS);
      entry.endLine = this.lineNo;
    }
  }

  private emitHar(entry: HarEntry): void {
    if (!entry.call || entry.status === undefined) return;
    if (entry.base64 && entry.text !== undefined) entry.text = fromBase64(entry.text) ?? entry.text;
    const parsed = entry.text !== undefined && /^\s*\{/.test(entry.text) ? readObjectAt(entry.text, entry.text.indexOf('{')) : undefined;
    const body = parsed ? parsed.value : entry.text;
    const found: Found = {
      status: entry.status,
      ...(body !== undefined && body !== '' && { body }),
      ...(parsed && !parsed.complete && { partial: true }),
      ...(Object.keys(entry.headers).length && { headers: entry.headers }),
      line: entry.line,
      endLine: Math.max(entry.line, entry.endLine ?? entry.line),
      evidence: 'status-line',
    };
    this.emit(found, { ...entry.call, ...(entry.verb && { verb: entry.verb }) });
  }

  /** The response a status line opened, with what came after it (a body, or nothing). */
  private emitBlock(block: Block, extra: Partial<Found>, endLine: number, own?: Call, hold?: boolean): void {
    if (block.elsewhere) return;
    const headers = { ...block.headers, ...extra.headers };
    const found: Found = { status: block.status, line: block.line, endLine, evidence: 'status-line', ...extra };
    if (Object.keys(headers).length) found.headers = headers;
    if (own || !block.method) this.emit(found, own, hold);
    else this.push(block, found, hold);
  }

  /** The open response ends without a body. */
  private closeBlock(): void {
    const block = this.block;
    if (!block) return;
    this.block = undefined;
    // Its body may be logged on one of the next lines (httpx's `HTTP Request: POST … "HTTP/1.1 401 Unauthorized"`, then the app's
    // line), counted from its last header (Ktor's `RESPONSE: 200 OK`, `METHOD: …`, `FROM: …`, then the app's `body:`).
    this.emitBlock(block, {}, block.lastHeader ?? block.line, undefined, true);
  }

  private read(raw: string): void {
    // A terminal's colours (NestJS, Winston's colorize, Rails in development): `\x1b[32mquery -> 200 {…}\x1b[39m`.
    const plainText = raw.includes('\x1b[') ? raw.replace(ANSI_ESCAPE, '') : raw;
    const progress = CURL_PROGRESS.exec(plainText);
    let text = progress ? plainText.slice(progress[0].length) : plainText;
    // What a log collector writes before each line says nothing of a response: a body printed over several lines is read without it.
    const collected = COLLECTOR_PREFIX.exec(text);
    if (collected) text = text.slice(collected[0].length);
    // Spring writes the line breaks of a body in its log as <LF> (and <CR>).
    if (text.includes('<LF>')) text = text.replace(/<LF>|<CR>/g, ' ');
    // A body escaped twice (an app's `body=\"{\\\"code\\\":435}\"` inside a collector's record): its keys' quotes as written once.
    if (text.includes('{\\\\\\"')) text = text.replace(/\\\\\\"/g, '"');
    // A CSV export (Aliyun SLS, a spreadsheet) doubles the quotes inside a quoted cell: `{""code"":501}`.
    if (CSV_QUOTED_KEY.test(text)) text = text.replace(/""/g, '"');
    if (CURL_DATA.test(text)) return;
    if (this.har) {
      this.readHar(text);
      return;
    }
    // A HAR export (DevTools' "Save all as HAR", Firefox, Charles): from its list of entries on, read entry by entry.
    if (HAR_ENTRIES.test(text) && (!this.gathering || /^\{\s*"log"\s*:/.test(this.gathering.text.replace(/\s+/g, '')))) {
      this.gathering = undefined;
      this.har = { depth: 0 };
      return;
    }
    if (this.gathering && this.continueGathering(text)) return;
    // A client that backs off to send the request again will not log the body of the status it holds: that status is a
    // response of its own, and the next answer is to the same request.
    if (this.held && RETRY_NOTE.test(text)) {
      const held = this.held;
      this.held = undefined;
      this.release(held);
      this.sameRequestNext(undefined, held);
    }
    const trimmed = text.trim();
    // curl -v: "> " request lines and headers, "< " response lines and headers, "* " notes.
    const curl = /^([<>*])(?: |$)/.exec(trimmed);
    if (curl && curl[1] !== '<') {
      const call = callInText(trimmed);
      if (call) this.pending = { ...call, line: this.lineNo };
      // (Its request line names the path alone: `> POST /v2/users HTTP/1.1`, then `> Host: api.zoom.us`.)
      else if (requestElsewhere(trimmed) || (/^> [A-Z]+ \/\S* HTTP\//.test(trimmed) && !/cloud[_-]?recording/i.test(trimmed))) this.elsewhere = this.lineNo;
      return;
    }
    const line = curl ? trimmed.slice(2) : text;
    const prefix = this.block?.prefix;
    // The prefix alone (without its trailing space, or curl's `<` it ends with) is the blank line between the headers and the body.
    const unprefixed = !prefix ? line : line.startsWith(prefix) ? line.slice(prefix.length) : line.trimEnd() === prefix.replace(/[\s<]+$/, '') ? '' : line;
    if (this.block && this.readInBlock(unprefixed)) return;

    let here = callInText(line);
    if (here) {
      here = this.withVerb(here);
      this.pending = { ...here, line: this.lineNo };
    } else if (requestElsewhere(line)) {
      // A request to another service: no word on its line names a Cloud Recording call.
      this.elsewhere = this.lineNo;
    } else {
      here = leadInText(line);
      // `query returned:` with the body on the next line: the method of that line's response only.
      if (here?.lead === 'next') {
        this.pending = { method: here.method, line: this.lineNo, reach: 1 };
        here = undefined;
      } else if (!here) {
        // So is a call said to have failed with nothing more (Spring's `AgoraClient : acquire failed`, then its exception;
        // `start failed`, then a Python traceback: its lines count as one). A request line for it before stays.
        const named = methodNamesInEnglish(line);
        const failed = FAILED_CALL.exec(named);
        const method = failed && !/[{<]|\b[1-5]\d\d\b/.test(named.slice(failed.index + failed[0].length)) && METHOD_BY_LOWER.get(failed[1].toLowerCase())!;
        const p = this.pending;
        if (method && !(p?.method === method && this.lineNo - p.line <= (p.reach ?? METHOD_REACH))) this.pending = { method, line: this.lineNo, reach: 1 };
      }
    }

    // An access-log line is a whole response (status and URL; a body only where the next lines log it: urllib3, then the app).
    const access = ACCESS_LOG.exec(line);
    if (access && /cloud_recording/i.test(access[1])) {
      // A custom log format may write the body on the same line, after the access fields.
      const rest = line.slice(access.index + access[0].length);
      const brace = rest.indexOf('{');
      if (brace >= 0) {
        this.block = this.open(Number(access[2]), here ?? callInText(access[0]), 'body');
        this.readBodies(rest, brace, undefined);
        return;
      }
      this.emit({ status: Number(access[2]), line: this.lineNo, endLine: this.lineNo, evidence: 'access-log' }, callInText(access[0]), true);
      return;
    }
    // A logger's line that gives only the status (Faraday's `response: Status 400`): its body may follow on the next lines.
    const reported = REPORTED_STATUS.exec(line);
    if (reported) {
      this.emit({ status: Number(reported[1]), line: this.lineNo, endLine: this.lineNo, evidence: 'status-line' }, here, true);
      return;
    }
    // A status line opens a response: headers and a body may follow.
    const statusLine = STATUS_LINE.exec(line) ?? LOGGED_STATUS_LINE.exec(line);
    // An interim response (`100 Continue`) is followed by the real one.
    const status = statusLine && Number(statusLine.slice(1).find(Boolean));
    if (statusLine && status! < 200) return;
    if (statusLine) {
      const block = this.open(status!, here);
      // A logger's prefix before the status (Android's `I/okhttp.OkHttpClient: `) starts the response's other lines too.
      const prefix = line.slice(0, statusLine.index);
      if (prefix.trim() && prefix.length <= 60) block.prefix = prefix;
      this.block = block;
      const rest = line.slice(statusLine.index + statusLine[0].length);
      const brace = rest.indexOf('{');
      if (brace >= 0) {
        block.phase = 'body';
        this.readBodies(rest, brace, undefined);
      }
      return;
    }
    // Swift's print of an HTTPURLResponse (`<NSHTTPURLResponse: 0x…> { URL: https://…/update } { Status Code: 400, Headers {`)
    // opens a response: its headers over the next lines, `} }`, then the body.
    const swift = SWIFT_RESPONSE.exec(line);
    if (swift) {
      this.block = { ...this.open(Number(swift[1]), here), braced: true, ...(swift[2] && { phase: 'body' as const }) };
      return;
    }
    if (this.readPhpStart(line, here, undefined)) return;
    const brace = line.indexOf('{');
    if (brace >= 0) {
      if (this.readBodies(line, brace, here)) return;
      const unquoted = line.includes('{\\"') ? line.replace(ESCAPED_BODY, (_, body: string) => unescaped(body)) : line;
      if (unquoted !== line && this.readBodies(unquoted, unquoted.indexOf('{'), here)) return;
    } else if (this.readFragment(line, here)) return;
    if (this.readHtmlStart(line, trimmed) || this.readInlineHtml(line, here)) return;
    this.readMessage(line, trimmed, here);
  }

  /** A response a status opens on this line; its method is the line's own, else a request line's before it. */
  private open(status: number, here: Call | undefined, phase: Block['phase'] = 'headers'): Block {
    const block: Block = { status, line: this.lineNo, headers: {}, phase, blankLines: 0 };
    if (here) {
      block.method = here.method;
      if (here.verb) block.verb = here.verb;
      this.pending = undefined;
    } else if (this.elsewhere !== undefined && this.lineNo - this.elsewhere <= METHOD_REACH && !(this.pending && this.pending.line > this.elsewhere)) {
      // The last request was to another service: this status is its answer.
      block.elsewhere = true;
      this.elsewhere = undefined;
    } else Object.assign(block, this.takePending(this.lineNo));
    return block;
  }

  /** A line inside an open response: a header, the blank line, or the body. false when the line is not part of it. */
  private readInBlock(line: string): boolean {
    const block = this.block!;
    const body = line.trim();
    if (block.phase === 'headers') {
      if (!body) {
        block.phase = 'body';
        return true;
      }
      // .NET prints the headers between braces of their own, after its status: `…, Headers:`, `{`, `Date: …`, `}`.
      if (block.braced && /^[{}](?:\s*[{}])*$/.test(body)) return true;
      if (block.braced) {
        const name = /^"?([A-Za-z0-9][\w-]*)"?\s*=\s*\($/.exec(body);
        if (name) {
          block.headerName = name[1];
          return true;
        }
        if (body === ');') return true;
        if (block.headerName) {
          if (Object.keys(block.headers).length < MAX_HEADERS) block.headers[block.headerName.toLowerCase()] = body.replace(/^"|"$/g, '').slice(0, MAX_HEADER_VALUE);
          block.headerName = undefined;
          block.lastHeader = this.lineNo;
          return true;
        }
      }
      // The body after the headers, on a line of its own name (.NET's `Body: {…}` after its braced headers).
      if (/^(?:body|response ?body|content)\s*[:=]\s*\{/i.test(body)) {
        block.phase = 'body';
        if (this.readBodies(line, line.indexOf('{'), undefined)) return true;
        this.closeBlock();
        return false;
      }
      // A log line (`16:00:02.911 [main] DEBUG …`) or the next response's status line is no header of this one.
      const header = LOG_LINE_START.test(body) || LOGGED_STATUS_LINE.test(body) || STATUS_LINE.test(body) ? null : HEADER_LINE.exec(body);
      if (header && !/^https?$/i.test(header[1])) {
        block.lastHeader = this.lineNo;
        // Ktor's `FROM: <url>` and DevTools' `Request URL: <url>` say which call this answers.
        if (/^(?:from|request url)$/i.test(header[1])) block.method ??= callInText(header[2])?.method;
        if (Object.keys(block.headers).length < MAX_HEADERS) block.headers[header[1].toLowerCase()] = header[2].slice(0, MAX_HEADER_VALUE);
        return true;
      }
      block.phase = 'body';
    }
    if (!body) {
      if (++block.blankLines > 2) this.closeBlock();
      return true;
    }
    // An interactive session: the line asks for the body, which the next line prints.
    if (PROMPT.test(body)) return true;
    if (/^<-- END HTTP/.test(body)) {
      this.closeBlock();
      return true;
    }
    if (STATUS_LINE.test(line) || ACCESS_LOG.test(line) || LOGGED_STATUS_LINE.test(line)) {
      this.closeBlock();
      return false;
    }
    if (body.startsWith('{')) {
      if (this.readBodies(line, line.indexOf('{'), undefined)) return true;
      this.closeBlock();
      return false;
    }
    if (/^<(?:!doctype|html|head|body|title|h1|center)\b/i.test(body)) {
      this.block = undefined;
      this.startGathering('html', line, '', block);
      if (/<\/html>/i.test(line)) this.finishGathering(true);
      return true;
    }
    if (this.readPhpStart(line, undefined, block)) return true;
    // What a client prints around the body, no body itself: curl --raw's chunk sizes, Ktor's `COMMON HEADERS`,
    // `-> name: value`, `BODY START`.
    if (BODY_FRAMING.test(body)) {
      // (Ktor's `FROM: <url>` names the method.)
      block.method ??= callInText(body)?.method;
      return true;
    }
    // A traceback or a stack trace after the status: no body; the app may log the body after it.
    if (NOT_A_BODY.test(body)) {
      this.closeBlock();
      return false;
    }
    // A client's note that it backs off to try again: this response has no body to come, and the next one answers the same request.
    if (RETRY_NOTE.test(body)) {
      this.block = undefined;
      this.emitBlock(block, {}, block.lastHeader ?? block.line);
      this.sameRequestNext(undefined, block);
      return true;
    }
    // A short line that is not a log line: a plain-text body ("upstream request timeout", "Bad Gateway").
    if (body.length <= 300 && !LOG_LINE_START.test(body) && !methodInText(body) && !body.includes('{')) {
      this.block = undefined;
      this.emitBlock(block, { body }, this.lineNo);
      return true;
    }
    this.closeBlock();
    return false;
  }

  /**
   * Read every body on a line from the first `{`; one that goes on past the
   * line starts gathering the next lines. true when a response came of it (or may).
   */
  private readBodies(line: string, from: number, here: Call | undefined): boolean {
    // Most objects on a log's lines are the log's own records: when every object on the line
    // closes on it and the line names nothing a response has, none can be one; it is not parsed.
    if (!here && !this.block && !RESPONSE_WORD.test(line) && closedOnLine(line, from)) return false;
    let at = from;
    let any = false;
    for (let attempts = 0; at >= 0 && at < line.length && attempts < 8; attempts++) {
      OPENS_BODY.lastIndex = at;
      const parsed = OPENS_BODY.test(line) ? readObjectAt(line, at) : undefined;
      if (!parsed) {
        at = line.indexOf('{', at + 1);
        continue;
      }
      if (!parsed.complete) {
        this.startGathering('json', line.slice(at), line.slice(0, at), this.block, here);
        return true;
      }
      // The text around the object is cut out only for an object that may be a response (most objects on a log's lines are not).
      // A success's body without its key field (`acquire -> 200 {"cname":"a","uid":"1"}`, `start -> 200 {}`), nothing but
      // a body's fields in it: the call and status just before it vouch for it.
      const value = parsed.value as Record<string, unknown>;
      const vouched = here && at === from && (here.status ?? statusInText(line.slice(0, at))) !== undefined && !ownKeys(value, (k) => !BODY_COMPANIONS.includes(k));
      const found = unwrap(value) ?? (vouched ? { body: value } : undefined);
      if (found && this.useObject(found, line.slice(0, at) + ' ' + line.slice(parsed.end), here, this.lineNo, this.lineNo, false, this.block)) any = true;
      at = line.indexOf('{', parsed.end);
    }
    return any;
  }

  /**
   * A parsed object: a body, or a log record around one. Its status and method
   * come from the record, the text around it, or the open response.
   */
  private useObject(
    found: Wrapped,
    around: string,
    here: Call | undefined,
    first: number,
    last: number,
    partial: boolean,
    block: Block | undefined,
    /** Where the object read was cut (its root and the path being read), for a body that is that object. */
    cutAt?: { root: unknown; path: string },
  ): boolean {
    const command = found.method || here ? undefined : commandMethod(found.body);
    const own: Call | undefined = found.method ? { method: found.method } : (here ?? (command && { method: command }));
    // A method named before the object vouches for a body, not for any object with a status in it.
    if (!found.body && !block && !((own && !own.lead) || /cloud_recording/i.test(around))) return false;
    // A status alone before the body (`200 {…}` after the request line) is that body's.
    const status = found.status ?? here?.status ?? statusInText(around) ?? statusNumber(/^\s*([1-5]\d\d)\s*$/.exec(around)?.[1]);
    // A record with a method and neither a status nor a body is a request or a note about one (`sending request`, `backing off`).
    if (!found.body && !block && status === undefined) return false;
    const response: Found = {
      ...(status !== undefined && { status }),
      ...(found.verb && { verb: found.verb }),
      ...(found.headers && { headers: found.headers }),
      ...(found.body && { body: found.body }),
      ...((partial || found.partial) && { partial: true }),
      ...(cutAt && found.body === cutAt.root && { cut: cutAt.path }),
      ...(found.resourceId && { resourceId: found.resourceId }),
      ...(found.sid && { sid: found.sid }),
      line: first,
      endLine: last,
      evidence: found.body ? 'body' : 'status-line',
    };
    if (block) {
      if (block === this.block) this.block = undefined;
      this.emitBlock(block, { ...response, status: status ?? block.status, line: block.line, evidence: 'status-line' }, last, own);
    } else this.emit(response, own, !found.body);
    return true;
  }

  /** `"code": 433, "reason": "…"` without its braces: a fragment of a body; or logfmt's `code=433 reason="…"`. */
  private readFragment(line: string, here: Call | undefined): boolean {
    const m = /["'](?:code|message|reason)["']\s*:/.exec(line);
    if (!m) return this.readLogfmt(line, here);
    const parsed = readLooseValue(`{${line.slice(m.index).replace(/[,\s]+$/, '')}}`);
    if (!parsed || !isObject(parsed.value)) return false;
    const body = parsed.value;
    // A `message` alone is the gateway's only where it is one of its messages, or the line names a call: a log export's
    // `"message": "recorder listening on :3000"` is the event's text, not an answer.
    // One that names a Cloud Recording call is the log's own text about it.
    const message = typeof body.message === 'string' && !/cloud_recording\//i.test(body.message) && (here !== undefined || gatewayMessages().test(body.message));
    if (!(wholeCode(body.code) || message || typeof body.reason === 'string')) return false;
    const status = statusInText(line.slice(0, m.index));
    this.emit({ ...(status !== undefined && { status }), body, partial: true, line: this.lineNo, endLine: this.lineNo, evidence: 'body' }, here);
    return true;
  }

  /**
   * logfmt (`level=error msg="start failed" status=400 code=53 reason="task conflict"`): a body
   * code with its reason, or with a Cloud Recording URL or a status on the line.
   */
  private readLogfmt(line: string, here: Call | undefined): boolean {
    // (A Chinese log writes its keys in Chinese: 错误码:62 错误原因:cloud recording not enabled 返回:400.)
    const code = /(?:^|\s)(?:(?:code|error_code|errcode)=|(?:错误码|返回码)\s*[=:：]\s*)(\d{1,9})(?=\s|$|[，,;；])/.exec(line);
    if (!code) return false;
    const reason = /(?:^|\s)(?:reason=|错误原因\s*[=:：]\s*)(?:"((?:[^"\\]|\\.)*)"|((?:(?!\s+\S+[=:：]).)+))/.exec(line);
    const status = statusInText(line);
    if (!reason && !here && status === undefined) return false;
    // The one method the line names as a word (`调用声网 acquire 接口失败 错误码:62`, `op=query code=404`).
    if (!here) {
      const named = new Set([...methodNamesInEnglish(line).matchAll(/(?:^|[^\w/.-])(acquire|start|query|update|updateLayout|stop)(?![\w/-])/gi)].map((m) => METHOD_BY_LOWER.get(m[1].toLowerCase())!));
      if (named.size === 1) here = { method: [...named][0] };
    }
    const body: Record<string, unknown> = { code: Number(code[1]) };
    if (reason) body.reason = (reason[1] ?? reason[2]).replace(/\\(.)/g, '$1');
    this.emit({ ...(status !== undefined && { status }), body, line: this.lineNo, endLine: this.lineNo, evidence: 'body' }, here);
    return true;
  }

  /** An HTML error page from a proxy, outside any response: `<html>…<title>504 Gateway Time-out</title>…`. */
  private readHtmlStart(line: string, trimmed: string): boolean {
    if (!/^<(?:!doctype html|html)\b/i.test(trimmed)) return false;
    this.startGathering('html', line, '', undefined);
    if (/<\/html>/i.test(line)) this.finishGathering(true);
    return true;
  }

  /**
   * An HTML page after a status on a log line: Spring's `HttpServerErrorException$GatewayTimeout: 504 Gateway
   * Time-out: "<html>…"` (line breaks written `<LF>`), Feign's `[503 Service Unavailable] …: [<html>…]`.
   * A page that goes on past the line is read up to `</html>`.
   */
  private readInlineHtml(line: string, here: Call | undefined): boolean {
    const at = line.search(INLINE_HTML);
    const status = at > 0 ? statusInText(line.slice(0, at)) : undefined;
    // Without a status, the page is the body of a status held before it (`start failed: HTTP 502`, then `response body: <html>`).
    if (status === undefined && (at < 0 || !this.held || this.held.body !== undefined)) return false;
    const block = status === undefined ? undefined : this.open(status, here, 'body');
    const html = line.slice(at);
    this.startGathering('html', html, '', block);
    if (/<\/html>|["\])]\s*$/i.test(html)) this.finishGathering(true);
    return true;
  }

  /**
   * A gateway message in plain text, when it is the whole line or the line is about a Cloud Recording call;
   * else a status without a body (its body may follow on the next lines).
   */
  private readMessage(line: string, trimmed: string, here: Call | undefined): void {
    // An app's words of a failed call before the client's report of it (`acquire failed: Request failed with status code 400`).
    if (!here && CLIENT_STATUS.test(line)) {
      const failed = FAILED_CALL.exec(methodNamesInEnglish(line));
      if (failed) here = { method: METHOD_BY_LOWER.get(failed[1].toLowerCase())! };
    }
    const m = gatewayMessages().exec(line);
    // Without a message or a call, only an HTTP client's report of a failed call can be a response (below): most lines end here.
    if (!m && !here && !CLIENT_STATUS.test(line)) return;
    const status = here?.status ?? statusInText(line);
    if (!m && here?.code !== undefined && status === undefined) {
      this.emit({ body: { code: here.code }, line: this.lineNo, endLine: this.lineNo, evidence: 'message' }, here);
      return;
    }
    // `401 Unauthorized` is a status and its reason phrase, not the gateway's message.
    if (!m || BEFORE_REASON_PHRASE.test(line.slice(0, m.index + m[0].indexOf(m[1])))) {
      // A Cloud Recording call and its status (`POST …/start 206 (85 ms)`, `GET …/query -> 404`, `stop -> 404`), or an
      // HTTP client's report of a failed call (`HttpRequestException: … 504 (Gateway Timeout).`) that names no other service.
      const after = status ?? statusNumber(/cloud_recording\/\S+?["']?\s+([1-5]\d\d)\b/.exec(line)?.[1]);
      if (
        after !== undefined &&
        (here ? here.lead !== 'body' : after >= 400 && CLIENT_STATUS.test(line) && !(OTHER_URL.test(line) && !/cloud_recording/i.test(line)))
      ) {
        // .NET's `StatusCode: 404, ReasonPhrase: 'Not Found', …, Headers:` opens a response: its headers, between braces, then its body.
        if (/\bHeaders:\s*$/.test(line)) {
          this.block = { ...this.open(after, here), braced: true };
          return;
        }
        // A client's note that it will send the request again (Req's `got response with status 500, will retry in
        // 1000ms`): that response's body was not logged, and the next answer is to the same request.
        const retrying = RETRY_NOTE.test(line);
        const pending = this.pending;
        this.emit({ status: after, line: this.lineNo, endLine: this.lineNo, evidence: 'status-line' }, here, !retrying);
        if (retrying && !here) this.sameRequestNext(pending);
      }
      return;
    }
    const message = m[1].replace(/\s+/g, ' ');
    const whole = trimmed.replace(/^["'`]+|["'`.]+$/g, '').replace(/\s+/g, ' ').toLowerCase() === message.toLowerCase();
    if (!whole && !here && status === undefined && !/cloud_recording|agora/i.test(line)) return;
    this.emit({ ...(status !== undefined && { status }), body: { message }, line: this.lineNo, endLine: this.lineNo, evidence: 'message' }, here);
  }

  /** PHP's dump of a body (print_r, var_dump) starting at the end of this line: gathered up to its end. */
  private readPhpStart(line: string, here: Call | undefined, block: Block | undefined): boolean {
    const m = PHP_DUMP_START.exec(line);
    if (!m) return false;
    const start = m.index + m[0].length - m[0].trimStart().length;
    this.startGathering('php', line.slice(start), line.slice(0, start), block, here);
    this.gathering!.depth.depth = /\{\s*$/.test(line) ? 1 : 0;
    return true;
  }

  private startGathering(kind: Gathering['kind'], text: string, lead: string, block: Block | undefined, call?: Call): void {
    const depth = new BraceDepth();
    // A string does not go on past its line: a body whose line ends inside one was cut there (Guzzle's `"StopC (truncated...)`).
    const cut = kind === 'json' && Number.isNaN(depth.feed(text));
    if (block && block === this.block) this.block = undefined;
    this.gathering = { kind, text, first: this.lineNo, lines: 1, depth, lead, ...(block && { block }), ...(call && { call }) };
    if (cut) this.finishGathering(false);
  }

  /** The next line of a body over several lines. false when the line is not part of it (the body ended, cut short). */
  private continueGathering(text: string): boolean {
    const g = this.gathering!;
    if (g.kind === 'html') {
      // A page cut short ends where the log goes on.
      if (LOG_LINE_START.test(text)) {
        this.finishGathering(false);
        return false;
      }
      g.lines++;
      if (g.text.length < MAX_BODY_CHARS) g.text += '\n' + text;
      if (/<\/html>/i.test(text) || g.lines >= MAX_BODY_LINES) this.finishGathering(true);
      return true;
    }
    if (g.kind === 'php') {
      const t = text.trim();
      // print_r's `Array` is followed by `(`: a line that ends in the word Array otherwise is no dump.
      if (g.lines === 1 && g.depth.depth === 0 && t !== '(') {
        this.gathering = undefined;
        return false;
      }
      g.lines++;
      g.text += '\n' + text;
      g.depth.depth += t === '(' || /\{$/.test(t) ? 1 : t === ')' || t === '}' ? -1 : 0;
      if (g.depth.depth <= 0) this.finishGathering(true);
      else if (g.lines >= MAX_BODY_LINES || g.text.length >= MAX_BODY_CHARS) this.finishGathering(false);
      return true;
    }
    // (A line that starts with a date is the log's next record: the body was cut at the end of its line, `{"code":4`.)
    if (!CONTINUES.test(text) || /^\s*\[?\d{4}-\d\d-\d\d[T ]\d/.test(text)) {
      this.finishGathering(false);
      return false;
    }
    g.lines++;
    g.text += '\n' + text;
    const depth = g.depth.feed(text);
    if (depth <= 0) this.finishGathering(true);
    else if (Number.isNaN(depth) || g.lines >= MAX_BODY_LINES || g.text.length >= MAX_BODY_CHARS) this.finishGathering(false);
    return true;
  }

  private finishGathering(closed: boolean): void {
    const g = this.gathering!;
    this.gathering = undefined;
    const endLine = g.first + g.lines - 1;
    if (g.kind === 'html') {
      const title = /<(?:title|h1)>\s*([1-5]\d\d)\b/i.exec(g.text);
      const end = g.text.search(/<\/html>/i);
      const body = g.text.slice(0, end < 0 ? 4000 : Math.min(end + 7, 4000));
      if (g.block) this.emitBlock(g.block, { body }, endLine);
      // A page without a status of its own is the body of the status held before it (`start failed: HTTP 502`, then `response body: <html>`).
      else if (title || this.held) this.emit({ ...(title && { status: Number(title[1]) }), body, line: g.first, endLine, evidence: title ? 'status-line' : 'body' }, undefined);
      return;
    }
    const php = g.kind === 'php' ? readPhpDump(g.text.split('\n')) : undefined;
    const parsed = php ? { value: php, end: g.text.length, complete: true } : g.kind === 'php' ? undefined : readObjectAt(g.text, 0);
    let partial = !closed || !parsed?.complete;
    // A record cut inside a string that holds its body (`"body":"{\"code\":65,\"reason\":\"requ`): that string, as far as it goes, back in its place.
    if (parsed && isObject(parsed.value) && /^\w+$/.test(parsed.cut ?? '')) {
      const cut = /"(\{\s*\\"(?:[^"\\]|\\.)*)\\?$/.exec(g.text);
      if (cut) parsed.value[parsed.cut!] = unescaped(cut[1]);
    }
    let found = parsed && unwrap(parsed.value);
    // A response object printed with its body after it (`console.error('stop failed:', res, body)` prints Deno's or
    // fetch's `Response { status: 206, … } {` then the body): the second object is the first one's body.
    if (found && !found.body && parsed && g.kind === 'json') {
      const next = g.text.indexOf('{', parsed.end);
      const second = next >= 0 && !g.text.slice(parsed.end, next).trim() ? readObjectAt(g.text, next) : undefined;
      const body = second && unwrap(second.value);
      if (body?.body) {
        found = { ...found, body: body.body };
        partial = !closed || !second?.complete;
      }
    }
    const call = g.call ?? callInText(g.lead);
    // A record over several lines of a request to another service (its `"url": "https://api.zoom.us/…"`).
    if (found && !call && !g.block && requestElsewhere(g.text)) return;
    if (found && this.useObject(found, g.lead, call, g.first, endLine, partial, g.block, parsed?.cut !== undefined ? { root: parsed.value, path: parsed.cut } : undefined)) return;
    // A one-line log record whose text names the call (its `message`, the rest cut off): that text is read as a line.
    if (!g.block && g.lines === 1 && parsed && this.readRecordTexts(parsed.value, g.first)) return;
    // A body cut before anything could be read of it (`{"code":43`), or cut on the line that names its call and status
    // before its code (`stop -> 206 {"cname":"a","co`): still a response, with what was read.
    const status = g.lines === 1 && call ? (call.status ?? statusInText(g.lead)) : undefined;
    if (parsed && partial && (status !== undefined || /^\{\s*["']?(?:code|message|reason|serverResponse)["']?\s*:/.test(g.text))) {
      const found: Found = { ...(status !== undefined && { status }), body: parsed.value, partial: true, ...(parsed.cut !== undefined && { cut: parsed.cut }), line: g.first, endLine, evidence: 'body' };
      if (g.block) this.emitBlock(g.block, { ...found, line: g.block.line, evidence: 'status-line' }, endLine);
      else this.emit(found, call);
      return;
    }
    if (g.block) this.emitBlock(g.block, {}, g.block.line);
    else this.replay(g);
  }

  /**
   * A log record on one line that holds no body of its own, cut before anything else could be read of it (a line cut at
   * 64 KB, its stack trace the longest field): a text field that names a Cloud Recording call (its `message`) read as a line.
   */
  private readRecordTexts(record: unknown, line: number): boolean {
    if (!isObject(record)) return false;
    let any = false;
    for (const key in record) {
      const v = own(record, key) ? record[key] : undefined;
      if (typeof v !== 'string' || v.length > MAX_BODY_CHARS || !/cloud_recording/i.test(v)) continue;
      for (const { method, methodLine, line: _, endLine: __, ...found } of readResponses(v)) {
        this.emit({ ...found, line, endLine: line }, method && { method, ...(found.verb && { verb: found.verb }) });
        any = true;
      }
    }
    return any;
  }

  /**
   * An object over several lines that holds no response (an event of a log export, `{ "events": [ { "message": "start
   * -> 206 {\"code\":65}" } ] }`, a service's own record): its lines are read one by one, as any others.
   */
  private replay(g: Gathering): void {
    const lines = g.text.split('\n');
    const now = this.lineNo;
    for (let k = 1; k < lines.length; k++) {
      this.lineNo = g.first + k;
      if (this.gathering && this.continueGathering(lines[k])) continue;
      this.read(lines[k]);
    }
    this.lineNo = now;
  }
}

/** The text of a JSON string's contents, its escapes undone (as written, where they are not JSON's). */
function unescaped(body: string): string {
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return body.replace(/\\(.)/g, '$1');
  }
}

/** Every response in a text (a paste or a log), in order. */
export function readResponses(text: string, options?: ReaderOptions): FoundResponse[] {
  const reader = new ResponseReader(options);
  const found: FoundResponse[] = [];
  const lines = String(text ?? '').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) found.push(...reader.line(line));
  found.push(...reader.end());
  return found;
}

/**
 * Does a text look like a pasted response rather than a search query: a body
 * or a fragment of one (`{"code":433}`, `"reason": "…"`), an HTTP status line,
 * curl output, or a log line of a Cloud Recording call? A code alone (`433`)
 * or a message alone is a query.
 */
export function looksLikeResponse(text: string): boolean {
  if (typeof text !== 'string' || !text.trim()) return false;
  return readResponses(text.slice(0, 20_000)).some((r) => r.evidence !== 'message');
}
