/**
 * explain(): turn a Cloud Recording response (HTTP status and body, as it
 * came) into a diagnosis: which records it matches, what it means on the
 * method, what to do next and whether to retry. It never throws.
 */
import { isRetry } from './meaning.ts';
import { describeRetry, PHRASES } from './messages.ts';
import {
  type CatalogRecord,
  findRecord,
  localize,
  type Locale,
  METHODS,
  type Method,
  type RetryPolicy,
  type TextTables,
} from './records.ts';

export type ExplainInput = {
  /** The HTTP status of the response. */
  status?: number | string;
  /** The body: a parsed object, the raw JSON text, an HTML error page, or nothing. */
  body?: unknown;
  /** The method that was called: acquire, start, query, update, updateLayout or stop. */
  method?: Method | string;
};

export type ExplainOptions = { locale?: Locale };

export type Diagnosis = {
  /** true when the response reports success and nothing to act on. */
  ok: boolean;
  /** false when the response names a code or message the catalog lacks, or carries nothing to explain. */
  known: boolean;
  locale: Locale;
  status?: number;
  /** The numeric `code` of the body. */
  code?: number;
  /** The gateway's `message`. */
  message?: string;
  /** The service's `reason` (or `serverResponse.payload.message`). */
  reason?: string;
  method?: Method;
  /** The record the response is about: its body code, else its message, else its HTTP status. */
  record?: CatalogRecord;
  /** Every record the response matches: body code, message, HTTP status, recording status, upload status. */
  records: CatalogRecord[];
  /** What it means on `method`, where the catalog says. */
  meaning?: string;
  /** One sentence: what happened. */
  summary: string;
  /** What to do next, in words. */
  next: string;
  /** Whether and how to retry. */
  retry: RetryPolicy & { retryable: boolean };
  /** The page of `record` on the site, in each language. */
  docs?: { zh: string; en: string };
  /** Anything worth knowing: an unknown code, an HTML body, a fallback. */
  notes: string[];
};

const MAX_TEXT = 200;
const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

function field(object: unknown, key: string): unknown {
  return object && typeof object === 'object' && !Array.isArray(object) && own(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

function shortText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, MAX_TEXT) : undefined;
}

function wholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^\s*\d{1,9}\s*$/.test(value)) return Number(value);
  return undefined;
}

type Body = { data?: unknown; html?: boolean; text?: string; unreadable?: boolean };

function readBody(body: unknown): Body {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body === 'string') {
    const text = body.trim();
    if (!text) return {};
    if (text.startsWith('{') || text.startsWith('[')) {
      try {
        return { data: JSON.parse(text) };
      } catch {
        return { unreadable: true };
      }
    }
    if (text.startsWith('<')) return { html: true };
    return { text: text.slice(0, MAX_TEXT) };
  }
  if (typeof body === 'object' && !Array.isArray(body)) return { data: body };
  return { unreadable: true };
}

function fallbackPolicy(status: number | undefined): RetryPolicy {
  if (status !== undefined && status >= 500) return { action: 'retry', delaysMs: [1000, 3000, 6000] };
  if (status !== undefined && status >= 400) return { action: 'fix-request' };
  if (status !== undefined && status >= 200 && status < 300) return { action: 'none' };
  return { action: 'contact-support' };
}

function diagnose(input: ExplainInput, tables: TextTables, locale: Locale): Diagnosis {
  const phrases = PHRASES[locale];
  const notes: string[] = [];
  const status = wholeNumber(field(input, 'status'));
  const rawMethod = field(input, 'method');
  const method = METHODS.find((m) => m === rawMethod);
  const body = readBody(field(input, 'body'));
  if (body.html) notes.push(phrases.htmlBody);
  if (body.unreadable) notes.push(phrases.unreadableBody);

  const data = body.data;
  const server = field(data, 'serverResponse');
  const code = wholeNumber(field(data, 'code'));
  const message = shortText(field(data, 'message')) ?? body.text;
  const reason = shortText(field(data, 'reason')) ?? shortText(field(field(server, 'payload'), 'message'));

  const at = (record: ReturnType<typeof findRecord>) => record && localize(record, tables, locale, method, status, reason);
  const codeRecord = code !== undefined ? at(findRecord(code, 'error-code')) : undefined;
  const messageRecord = message !== undefined ? at(findRecord(message, 'message-error')) : undefined;
  const reasonRecord = code === undefined && reason !== undefined ? at(findRecord(reason, 'error-code')) : undefined;
  const statusRecord = status !== undefined ? at(findRecord(status, 'http-status')) : undefined;
  const recordingStatus = wholeNumber(field(server, 'status'));
  const uploading = shortText(field(server, 'uploadingStatus'));
  const stateRecords = [
    recordingStatus !== undefined ? at(findRecord(recordingStatus, 'recording-status')) : undefined,
    uploading !== undefined ? at(findRecord(uploading, 'upload-status')) : undefined,
  ];

  if (code !== undefined && !codeRecord) notes.push(phrases.unknownCode(code));
  if (message !== undefined && !messageRecord && !codeRecord) notes.push(phrases.unknownMessage(message));
  const about = codeRecord ?? messageRecord ?? reasonRecord;
  const record = about ?? statusRecord;
  if (!about && (code !== undefined || message !== undefined) && statusRecord) notes.push(phrases.fallbackToStatus(statusRecord.code as number));

  const records = [codeRecord, messageRecord, reasonRecord, statusRecord, ...stateRecords].filter(
    (r, i, all): r is CatalogRecord => r !== undefined && all.findIndex((o) => o?.ref === r.ref) === i,
  );
  const isError = code !== undefined || message !== undefined || body.html === true || (status !== undefined && status >= 300);
  const ok = status !== undefined && !isError;
  const known = isError ? about !== undefined || ((code === undefined && message === undefined) && statusRecord !== undefined) : status !== undefined || records.length > 0;

  const policy = record?.meaning?.retry ?? record?.retry ?? fallbackPolicy(status);
  const meaning = record?.meaning?.text;
  const headline = record
    ? `${typeof record.value === 'number' ? record.value : JSON.stringify(record.value)} ${record.constant} — ${record.title}`
    : undefined;
  const summary = ok
    ? [phrases.success, ...stateRecords.filter(Boolean).map((r) => `${r!.title}${phrases.colon}${r!.summary}`)].join(phrases.sentenceGap)
    : [headline && `${headline}${phrases.period}`, method && meaning ? `${phrases.onMethod(method)}${phrases.colon}${meaning}` : record?.summary, !record && notes.length === 0 ? phrases.noInformation : undefined]
        .filter(Boolean)
        .join(phrases.sentenceGap);
  const next = [describeRetry(policy, locale), ...(isError && record && !ok ? record.actions.slice(0, 1) : [])].join(phrases.sentenceGap);

  return {
    ok,
    known,
    locale,
    ...(status !== undefined && { status }),
    ...(code !== undefined && { code }),
    ...(message !== undefined && { message }),
    ...(reason !== undefined && { reason }),
    ...(method !== undefined && { method }),
    ...(record && { record, docs: record.urls }),
    records,
    ...(meaning !== undefined && { meaning }),
    summary: summary || notes.join(' '),
    next,
    retry: { ...policy, retryable: isRetry(policy) },
    notes,
  };
}

export function explainIn(tables: TextTables, defaultLocale: Locale, input: unknown, options?: ExplainOptions): Diagnosis {
  const requested = field(options, 'locale');
  const locale: Locale = requested === 'zh' || requested === 'en' ? requested : defaultLocale;
  try {
    return diagnose((input && typeof input === 'object' ? input : {}) as ExplainInput, tables, locale);
  } catch {
    // Unreachable by design; a diagnosis is still owed to the caller.
    const policy = fallbackPolicy(undefined);
    return { ok: false, known: false, locale, records: [], summary: PHRASES[locale].noInformation, next: describeRetry(policy, locale), retry: { ...policy, retryable: false }, notes: [] };
  }
}
