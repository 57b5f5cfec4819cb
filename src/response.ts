/**
 * Reading a Cloud Recording response as it came: the body in whatever form
 * (parsed object, JSON text, half a JSON text, an HTML page, plain text,
 * nothing), the few headers that matter, and every value the catalog knows
 * inside it — body code, message, reason, `serverResponse.status`,
 * `uploadingStatus`, each sub-service state, each extension state and output
 * status. Pure and total: it never throws, whatever it is given.
 */

import { readLooseValue } from './loose-value.ts';
import type { StateKind } from './meaning.ts';

const MAX_TEXT = 200;
/** How many sub-services, extensions or outputs are read at most (a real response has a handful). */
const MAX_PARTS = 32;

const own = (o: object, key: string): boolean => Object.hasOwn(o, key);

/** An own field of a plain object, else undefined. */
export function field(object: unknown, key: string): unknown {
  return object && typeof object === 'object' && !Array.isArray(object) && own(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

export function shortText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, MAX_TEXT) : undefined;
}

/** An HTTP status as callers pass it: 206, "206", "206 Partial Content", "HTTP/1.1 206 Partial Content". */
export function statusOf(value: unknown): number | undefined {
  const status = wholeNumber(value) ?? wholeNumber(typeof value === 'string' ? /^\s*(?:HTTP\/\d(?:\.\d)?\s+)?(\d{3})(?:\s|$)/i.exec(value)?.[1] : undefined);
  return status !== undefined && status >= 100 && status <= 599 ? status : undefined;
}

/** A whole number given as a number or a numeric string ("433"); undefined otherwise. */
export function wholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^\s*\d{1,9}\s*$/.test(value)) return Number(value);
  return undefined;
}


// ---------------------------------------------------------------------------
// The body

export type BodyForm =
  /** No body was given at all (a log line that has only the status): nothing is known of it. */
  | 'absent'
  /** No body, or only white space. */
  | 'empty'
  /** JSON read whole. */
  | 'json'
  /** JSON cut short or broken: what could be read whole is in `data`. */
  | 'partial-json'
  /** An HTML page (from a proxy, a gateway or a web server, not the API). */
  | 'html'
  /** Plain text. */
  | 'text'
  /** Something else: a JSON array or scalar, a number, a boolean. */
  | 'other';

export type Body = {
  form: BodyForm;
  /** The object read from JSON (whole or in part). */
  data?: Record<string, unknown>;
  /** Plain text, trimmed and shortened. */
  text?: string;
  /** The `<title>` of an HTML page, shortened. */
  title?: string;
  /** Where JSON cut short was cut: the path of the value being read at its end (`code`, `serverResponse.uploadingStatus`; '' between the top's fields). */
  cut?: string;
};

/** Whether a value is the bytes of a body (an ArrayBuffer, a Uint8Array, a Buffer …). */
export const isBytes = (value: unknown): value is ArrayBuffer | ArrayBufferView =>
  typeof ArrayBuffer !== 'undefined' && (value instanceof ArrayBuffer || ArrayBuffer.isView(value));

function bodyText(body: unknown): string | undefined {
  if (typeof body === 'string') return body;
  try {
    if (isBytes(body) && typeof TextDecoder !== 'undefined') {
      return new TextDecoder().decode(body as ArrayBuffer);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export function readBody(body: unknown, contentType?: string): Body {
  if (body === undefined || body === null) return { form: 'empty' };
  const raw = bodyText(body);
  if (raw === undefined) {
    if (typeof body === 'object' && !Array.isArray(body)) return { form: 'json', data: body as Record<string, unknown> };
    return { form: 'other' };
  }
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (!text || text === 'null') return { form: 'empty' };
  if (text.startsWith('{') || /^%(?:[A-Z][\w.]*)?\{/.test(text)) {
    // JSON, or a Python dict, JavaScript object, Ruby hash or Elixir map as logs print them ({'code': 433, 'ok': True}); what is
    // whole of one cut short or broken ({"code":65,"rea gives {code: 65}: a value cut off is left out, not guessed).
    let read: ReturnType<typeof readLooseValue>;
    try {
      read = { value: JSON.parse(text), end: text.length, complete: true };
    } catch {
      read = readLooseValue(text, 0, true);
    }
    const data = read?.value && typeof read.value === 'object' && !Array.isArray(read.value) ? (read.value as Record<string, unknown>) : undefined;
    if (data && read!.complete && !text.slice(read!.end).trim()) return { form: 'json', data };
    return { form: 'partial-json', data: data ?? {}, ...(read?.cut !== undefined && { cut: read.cut }) };
  }
  if (text.startsWith('<') || /\bhtml\b/i.test(contentType ?? '')) {
    const title = /<title[^>]*>([^<]{1,300})/i.exec(text.slice(0, 4096))?.[1];
    return { form: 'html', ...(title?.trim() && { title: title.replace(/\s+/g, ' ').trim().slice(0, 100) }) };
  }
  if (/^[[\d"-]|^(?:true|false|null)$/.test(text)) {
    try {
      JSON.parse(text);
      return { form: 'other' };
    } catch {
      // plain text that happens to start like JSON
    }
  }
  // Words before the body, as an error's text puts them: `Error: {"code":433,…}`.
  const embedded = text.indexOf('{');
  if (embedded > 0 && embedded < 200 && /^\{\s*["'\w$]+["']?\s*(?::|=>)/.test(text.slice(embedded))) {
    const inner = readBody(text.slice(embedded), contentType);
    if (inner.form === 'json' && inner.data && Object.keys(inner.data).length) return inner;
  }
  return { form: 'text', text: text.replace(/\s+/g, ' ').slice(0, MAX_TEXT) };
}

// ---------------------------------------------------------------------------
// A whole HTTP response pasted as text (`curl -i`, `curl -si … | agora-rec-codes explain`)

export type HttpMessage = { status: number; headers: [string, string][]; body: string };

/**
 * Split `HTTP/1.1 206 Partial Content\r\nContent-Type: …\r\n\r\n{"code":65}` into
 * its status, headers and body; undefined for text that is not such a message.
 * With several messages (a proxy's `100 Continue`, redirects followed by
 * `curl -L`), the last one counts.
 */
export function splitHttpMessage(body: unknown): HttpMessage | undefined {
  if (typeof body !== 'string' || !/^\s*HTTP\/\d(?:\.\d)? \d{3}/.test(body.slice(0, 40))) return undefined;
  let rest = body.replace(/^\s+/, '');
  let message: HttpMessage | undefined;
  for (let i = 0; i < 10 && /^HTTP\/\d(?:\.\d)? \d{3}/.test(rest); i++) {
    const end = /\r?\n\r?\n/.exec(rest);
    const head = end ? rest.slice(0, end.index) : rest;
    rest = end ? rest.slice(end.index + end[0].length) : '';
    const [statusLine, ...lines] = head.split(/\r?\n/);
    const headers: [string, string][] = [];
    for (const line of lines.slice(0, 200)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
    message = { status: Number(/ (\d{3})/.exec(statusLine)![1]), headers, body: rest };
  }
  return message;
}

// ---------------------------------------------------------------------------
// Headers

export type HeadersLike =
  | { get(name: string): string | null }
  | ReadonlyMap<string, string | number | readonly string[]>
  | Readonly<Record<string, string | number | readonly string[] | undefined>>
  | readonly (readonly [string, string])[]
  | readonly string[];

/**
 * One header, whatever form the headers come in (Headers, a Map, a plain object, pairs, Node's flat `rawHeaders`
 * list); its name in any case; a number as its text.
 */
export function header(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const wanted = name.toLowerCase();
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : Array.isArray(v) ? text(v[0]) : undefined);
  try {
    const get = (headers as { get?: unknown }).get;
    // (A Map's own get() is case-sensitive: its entries are looked through below.)
    if (typeof get === 'function' && !(headers instanceof Map)) return text(get.call(headers, name));
    const list: unknown[] = headers instanceof Map ? [...headers].slice(0, 200) : Array.isArray(headers) ? headers.slice(0, 400) : Object.entries(headers).slice(0, 200);
    // Node's rawHeaders: names and values one after the other.
    const pairs = list.every((v) => typeof v === 'string') ? list.flatMap((v, i) => (i % 2 ? [] : [[v, list[i + 1]]])) : list;
    for (const pair of pairs) if (Array.isArray(pair) && typeof pair[0] === 'string' && pair[0].toLowerCase() === wanted && text(pair[1]) !== undefined) return text(pair[1]);
  } catch {
    return undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// The values inside

/** Where in the response a state value was read, and the kind of record it is. */
export type StateValue = { at: string; kind: StateKind; value: string | number };

export type ResponseValues = {
  code?: number;
  message?: string;
  reason?: string;
  resourceId?: string;
  sid?: string;
  /** true when the body has a `serverResponse` object. */
  hasServerResponse: boolean;
  /** Every state value in `serverResponse`, in reading order: status, upload status, sub-services, extensions and their outputs. */
  states: StateValue[];
};

const label = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key.slice(0, 40))}]`);

export function readValues(data: Record<string, unknown> | undefined): ResponseValues {
  const server = field(data, 'serverResponse');
  const states: StateValue[] = [];
  const state = (at: string, kind: StateKind, value: unknown) => {
    const v = kind === 'recording-status' ? wholeNumber(value) : shortText(value);
    if (v !== undefined) states.push({ at, kind, value: v });
  };
  state('serverResponse.status', 'recording-status', field(server, 'status'));
  state('serverResponse.uploadingStatus', 'upload-status', field(server, 'uploadingStatus'));
  const sub = field(server, 'subServiceStatus');
  if (sub && typeof sub === 'object' && !Array.isArray(sub)) {
    for (const key of Object.keys(sub).slice(0, MAX_PARTS)) state(`serverResponse.subServiceStatus${label(key)}`, 'service-state', (sub as Record<string, unknown>)[key]);
  }
  const extensions = field(server, 'extensionServiceState');
  if (Array.isArray(extensions)) {
    extensions.slice(0, MAX_PARTS).forEach((ext, i) => {
      const payload = field(ext, 'payload');
      state(`serverResponse.extensionServiceState[${i}].payload.state`, 'extension-state', field(payload, 'state'));
      // A web recording's `stop` gives the upload status in its upload service's payload.
      state(`serverResponse.extensionServiceState[${i}].payload.uploadingStatus`, 'upload-status', field(payload, 'uploadingStatus'));
      const outputs = field(payload, 'outputs');
      if (Array.isArray(outputs)) {
        outputs.slice(0, MAX_PARTS).forEach((out, j) => state(`serverResponse.extensionServiceState[${i}].payload.outputs[${j}].status`, 'output-status', field(out, 'status')));
      }
    });
  }
  const code = wholeNumber(field(data, 'code'));
  const message = shortText(field(data, 'message'));
  const reason = shortText(field(data, 'reason')) ?? shortText(field(field(server, 'payload'), 'message'));
  const resourceId = shortText(field(data, 'resourceId'));
  const sid = shortText(field(data, 'sid'));
  return {
    ...(code !== undefined && { code }),
    ...(message !== undefined && { message }),
    ...(reason !== undefined && { reason }),
    ...(resourceId !== undefined && { resourceId }),
    ...(sid !== undefined && { sid }),
    hasServerResponse: Boolean(server && typeof server === 'object' && !Array.isArray(server)),
    states,
  };
}

// ---------------------------------------------------------------------------
// A whole response, read once

/** A record a response names, as the catalog knows it: its kind and its value (code, message, reason or state). */
export type NamedValue = {
  kind: 'error-code' | 'message-error' | 'http-status' | StateKind;
  value: string | number;
  /** What the value is in the response. */
  as: 'code' | 'message' | 'reason' | 'state' | 'status';
};

export type ResponseReading = {
  /** The HTTP status: given, or from a pasted `HTTP/1.1 …` message. */
  status?: number;
  /** The headers: given, or from a pasted message. */
  headers: unknown;
  body: Body;
  /** The body's `code` as read (0 included). */
  code?: number;
  /** The values inside, `code: 0` left out: what a success may carry is not an error code. */
  values: ResponseValues;
  /** The gateway's message: the body's `message`, or a plain-text body. */
  message?: string;
  /**
   * Every record the response may name, in the order explain() asks the
   * catalog about them: body code, message, reason, each state, HTTP status.
   * (explain() asks about the reason only when neither code nor message is known.)
   */
  names: NamedValue[];
  /** The body was given unread: a stream, a promise (`res.json()` not awaited), a Blob, a fetch Response itself. */
  unread?: boolean;
};

/** A body not read yet: a stream (fetch's, Node's), a promise, a Blob. */
const isUnread = (value: unknown): boolean => {
  if (!value || typeof value !== 'object') return false;
  try {
    const v = value as Record<string, unknown>;
    // (A promise, a stream, a Blob, or a fetch Response: its `text()` not called.)
    return typeof v.then === 'function' || typeof v.getReader === 'function' || typeof v.pipe === 'function' || typeof v.arrayBuffer === 'function';
  } catch {
    return false;
  }
};

/** The keys of the API's own bodies: a body with none of them is the app's. */
const API_KEY = /^(?:code|message|reason|resourceId|sid|serverResponse|cname|uid)$/;

/** What an app names the API's body when it wraps it in its own. */
const WRAPPERS = ['data', 'body', 'response', 'responseBody', 'result', 'error'];

/**
 * The API's body where an app wrapped it in its own (`{"data": {…"sid"…}}`, `{"error": {"code": 435}}`): the one
 * wrapped value that has the API's keys, when the outer object has none.
 */
function unwrap(data: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!data || Object.keys(data).some((k) => API_KEY.test(k))) return data;
  const inner = WRAPPERS.map((name) => field(data, name)).filter((v): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).some((k) => API_KEY.test(k)));
  return inner.length === 1 ? inner[0] : data;
}

/** A body passed alone, parsed (`explain(await res.json())`, `{ error: { code: 435 } }`): the API's keys, or a wrapper's, and none of a response's; not an Error. */
const bodyAlone = (input: object): boolean =>
  !(input instanceof Error) &&
  !['body', 'data', 'status', 'headers'].some((k) => own(input, k)) &&
  Object.keys(input).some((k) => API_KEY.test(k) || WRAPPERS.includes(k));

/** The method a Cloud Recording URL calls (`…/cloud_recording/resourceid/{rid}/sid/{sid}/mode/mix/stop`): its last segment. */
const URL_METHOD = /\/cloud_recording\/(?:[^?#\s]*\/)?(acquire|start|query|update|updateLayout|stop)(?:[?#]|\s*$)/i;

/**
 * An HTTP client's error given whole (axios' error: the response in `response`, the request in `config`; ky's: a fetch
 * Response in `response`): that response, with the method its call names or its URL calls. Anything else as it is.
 */
export function unwrapClientError(input: unknown): unknown {
  const inner = field(input, 'response');
  if (!inner || typeof inner !== 'object' || ['status', 'body', 'data'].some((k) => own(input as object, k))) return input;
  if (isFetchResponse(inner)) return inner;
  if (statusOf(field(inner, 'status')) === undefined) return input;
  const url = field(field(input, 'config'), 'url') ?? field(field(input, 'request'), 'path');
  const method = field(input, 'method') ?? (typeof url === 'string' ? URL_METHOD.exec(url)?.[1] : undefined);
  return { ...inner, ...(method !== undefined && { method }) };
}

/**
 * Read a response given as explain() input (`{ status, body, headers }`, a
 * body that may be a whole pasted HTTP message) without the catalog: what it
 * says and which codes, messages, reasons, states and status it names.
 * explain() reads every response with it; the site's search reads pasted
 * responses with it too, and finds the named records in its own index.
 */
export function readResponse(input: unknown): ResponseReading {
  // A fetch Response passed as it is: its status and headers are getters, its body a stream not read.
  const fetched = isFetchResponse(input);
  // axios' response (`err.response`) holds the body in `data`.
  const alone = !fetched && !!input && typeof input === 'object' && bodyAlone(input);
  // (A body given as `null`, as `res.json()` reads "null", is an empty body, not one left out.)
  const named = field(input, 'body');
  const bodyField = fetched ? undefined : alone ? input : named === undefined ? field(input, 'data') : named;
  const unread = fetched || isUnread(bodyField);
  const pasted = unread ? undefined : splitHttpMessage(bodyField);
  const given = unread ? undefined : pasted ? pasted.body : bodyField;
  const headers = (fetched ? (input as Response).headers : field(input, 'headers')) ?? pasted?.headers;
  const statusGiven = statusOf(fetched ? (input as Response).status : field(input, 'status')) ?? pasted?.status;
  // A body not given at all (undefined, as an access-log line gives only the status) is not an empty body: nothing is said
  // of it — unless the headers say the response had none (`Content-Length: 0`).
  const body: Body =
    given === undefined && (statusGiven !== undefined || unread) && header(headers, 'content-length')?.trim() !== '0' ? { form: 'absent' } : readBody(given, header(headers, 'content-type'));
  // Without a status, an error page's title may say it: `<title>502 Bad Gateway</title>`.
  const status = statusGiven ?? (body.form === 'html' ? statusOf(/^(?:\D*\s)?([1-5]\d\d)\b/.exec(body.title ?? '')?.[1]) : undefined);
  const read = readValues(unwrap(body.data));
  const values = read.code === 0 ? { ...read, code: undefined } : read;
  const message = values.message ?? (body.form === 'text' ? body.text : undefined);
  const names: NamedValue[] = [
    ...(values.code !== undefined ? [{ kind: 'error-code', value: values.code, as: 'code' } as const] : []),
    ...(message !== undefined ? [{ kind: 'message-error', value: message, as: 'message' } as const] : []),
    ...(values.reason !== undefined ? [{ kind: 'error-code', value: values.reason, as: 'reason' } as const] : []),
    ...values.states.map((s): NamedValue => ({ kind: s.kind, value: s.value, as: 'state' })),
    ...(status !== undefined ? [{ kind: 'http-status', value: status, as: 'status' } as const] : []),
  ];
  return {
    ...(status !== undefined && { status }),
    headers,
    body,
    ...(read.code !== undefined && { code: read.code }),
    values,
    ...(message !== undefined && { message }),
    names,
    ...(unread && { unread }),
  };
}

/** Whether a value is a fetch Response (or one like it): a `status` number and a `text()` to read its body. */
function isFetchResponse(value: unknown): boolean {
  if (!value || typeof value !== 'object' || own(value, 'status')) return false;
  try {
    const v = value as Record<string, unknown>;
    return typeof v.status === 'number' && typeof v.text === 'function';
  } catch {
    return false;
  }
}
