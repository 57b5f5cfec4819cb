#!/usr/bin/env node
/**
 * agora-rec-codes — look up a Cloud Recording code or message, or explain a response.
 *
 *   agora-rec-codes 433
 *   agora-rec-codes lookup "Invalid authentication credentials" --lang zh
 *   agora-rec-codes 62 --method start --json
 *   curl … | agora-rec-codes explain --status 206 --method start
 *   agora-rec-codes explain '{"code":65,"reason":"request not completed"}' --status 206 --method start
 *
 * Exit status: 0 found, 1 unknown, 2 bad usage.
 */
import { parseArgs } from 'node:util';
import { SITE_URL } from './generated/records.ts';
import { PHRASES } from './messages.ts';
import { KIND_NAMES, METHODS } from './records.ts';
import { docUrl, explain, lookup, type CatalogRecord, type Diagnosis, type Kind, type Locale, type Method } from './index.ts';

const KINDS: readonly string[] = KIND_NAMES;

export const USAGE = `Usage:
  agora-rec-codes [lookup] <code | message | constant | state> [--method <m>] [--kind <k>] [--lang zh|en] [--json]
  agora-rec-codes explain [<body>] [--status <http>] [--method <m>] [--lang zh|en] [--json]

Look up an Agora Cloud Recording error code, HTTP status, state or message
(a number that names several kinds — body code 401 and HTTP 401 — shows each),
or explain a whole response: the body as an argument or on standard input.

Options:
  --method <m>   acquire, start, query, update, updateLayout or stop:
                 what it means on that method, and only that method's steps
  --kind <k>     read the query as this kind only (e.g. http-status for HTTP 404)
  --status <n>   the HTTP status of the response (explain)
  --lang <l>     zh or en (default: from LC_ALL / LC_MESSAGES / LANG)
  --json         print JSON
  -h, --help     show this help

Exit status: 0 found, 1 unknown, 2 bad usage.`;

export class UsageError extends Error {}

export type CliArgs = {
  command: 'lookup' | 'explain' | 'help';
  query?: string;
  /** explain: the body given as an argument (else it is read from standard input). */
  body?: string;
  method?: Method;
  kind?: Kind;
  status?: number;
  locale: Locale;
  json: boolean;
};

export function localeFromEnv(env: Record<string, string | undefined>): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(value) ? 'zh' : 'en';
}

/**
 * Text from the command line or a response, made safe to print: terminal
 * escape sequences (CSI, OSC …) and control characters removed, bidirectional
 * overrides too, so nothing can colour, move the cursor, clear the screen,
 * retitle the terminal or reorder what is shown. Tab and newline stay.
 */
export function plain(text: string): string {
  return text
    .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, '') // OSC … BEL / ST
    .replace(/(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?/g, '') // CSI
    .replace(/\u001b[P^_X][^\u001b]*(?:\u001b\\)?/g, '') // DCS, PM, APC, SOS
    .replace(/\u001b[ -/]*[0-~]?/g, '') // any other escape
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** A value from the command line, safe and short enough to quote in an error. */
const echo = (text: string): string => JSON.stringify(plain(text).slice(0, 80));

/** Parse the command line; throws UsageError with a one-line message naming the problem. */
export function parseCli(argv: readonly string[], env: Record<string, string | undefined> = {}): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        method: { type: 'string' },
        kind: { type: 'string' },
        status: { type: 'string' },
        lang: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(plain((error as Error).message.split('\n')[0]));
  }
  const { values } = parsed;
  let positionals = parsed.positionals;
  if (values.help || (positionals.length === 1 && positionals[0] === 'help')) return { command: 'help', locale: 'en', json: false };
  const { method, kind, status, lang } = values;
  if (method !== undefined && !(METHODS as readonly string[]).includes(method)) throw new UsageError(`--method must be one of ${METHODS.join(', ')} (got ${echo(method)})`);
  if (kind !== undefined && !KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')} (got ${echo(kind)})`);
  if (lang !== undefined && lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en (got ${echo(lang)})`);
  if (status !== undefined && !/^[1-5]\d\d$/.test(status)) throw new UsageError(`--status must be an HTTP status such as 206 (got ${echo(status)})`);
  const common = {
    method: method as Method | undefined,
    locale: (lang as Locale | undefined) ?? localeFromEnv(env),
    json: values.json ?? false,
  };
  if (positionals[0] === 'explain') {
    if (positionals.length > 2) throw new UsageError(`explain takes at most one body (quote it); unexpected ${echo(positionals[2])}`);
    if (kind !== undefined) throw new UsageError('--kind goes with a lookup, not with explain');
    return { command: 'explain', status: status === undefined ? undefined : Number(status), ...(positionals[1] !== undefined && { body: positionals[1] }), ...common };
  }
  if (status !== undefined) throw new UsageError('--status goes with explain');
  if (positionals[0] === 'lookup') positionals = positionals.slice(1);
  if (positionals.length !== 1 || !positionals[0].trim()) {
    throw new UsageError(positionals.length > 1 ? `give one code or message (quote a message with spaces); got ${positionals.length}` : 'give a code or message to look up');
  }
  return { command: 'lookup', query: positionals[0], kind: kind as Kind | undefined, ...common };
}

type Paint = (code: string, text: string) => string;

/** A copy of `value` whose strings are plain(): what the catalog or a response says is printed as text only. */
function withoutControls<T>(value: T): T {
  if (typeof value === 'string') return plain(value) as T;
  if (Array.isArray(value)) return value.map(withoutControls) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutControls(v)])) as T;
  }
  return value;
}

/** JSON.stringify escapes C0 controls; escape DEL, C1 and bidirectional overrides too, so that no raw control reaches a terminal. */
const toJson = (value: unknown): string =>
  JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The methods a cause or action is about, when it says so at its start:
 * "On `acquire`, …", "(`start`) …", "在 `acquire` 上遇到时：…", "（`query`）…".
 * undefined for a text about every method.
 */
export function methodsNamed(text: string): Method[] | undefined {
  const head = /^\s*(?:On |\(|（|在 ?)((?:`[A-Za-z]+`(?:, | or | and |、|或|和| )*)+)/.exec(text);
  if (!head) return undefined;
  const named = [...head[1].matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]).filter((m): m is Method => (METHODS as readonly string[]).includes(m));
  return named.length ? named : undefined;
}

const onMethod = (method: Method | undefined) => (text: string) => {
  if (!method) return true;
  const named = methodsNamed(text);
  return !named || named.includes(method);
};

function formatRecord(record: CatalogRecord, method: Method | undefined, paint: Paint): string {
  const words = PHRASES[record.locale];
  const lines = [
    paint('1', `${typeof record.value === 'string' ? JSON.stringify(record.value) : record.value}  ${record.title}`) +
      paint('2', `  (${words.label.kind[record.kind] ?? record.kind}: ${record.kind}:${record.code}, ${record.constant})`),
    record.summary,
  ];
  if (record.meaning) {
    const m = record.meaning;
    const where = [(m.methods ?? []).join(', ') || '*', m.http && `HTTP ${m.http}`, m.reason && `"${m.reason}"`, m.source].filter(Boolean).join('; ');
    lines.push('', paint('1', `${words.label.onThisMethod} (${where})${words.colon.trim()}`), m.text);
  }
  const causes = record.causes.filter(onMethod(method));
  const actions = record.actions.filter(onMethod(method));
  if (causes.length) lines.push('', paint('1', words.label.causes), ...causes.map((c) => `  - ${c}`));
  if (actions.length) lines.push('', paint('1', words.label.actions), ...actions.map((a) => `  - ${a}`));
  const policy = record.meaning?.retry ?? record.retry;
  lines.push('', paint('1', words.label.retry) + words.sentenceGap + words.describeRetry(policy));
  lines.push(paint('2', docUrl(record, record.locale)));
  return lines.join('\n');
}

function formatDiagnosis(d: Diagnosis, paint: Paint): string {
  const words = PHRASES[d.locale];
  const lines = [paint('1', d.summary), '', paint('1', words.label.next) + words.sentenceGap + d.next];
  for (const note of d.notes) lines.push(paint('33', `! ${note}`));
  if (d.docs) lines.push(paint('2', d.docs[d.locale]));
  return lines.join('\n');
}

/** The site's search for a query the catalog does not hold. */
export const searchUrl = (query: string, locale: Locale): string => `${SITE_URL}/${locale}/search/?q=${encodeURIComponent(query.slice(0, 200))}`;

/** Every record a query names: the one lookup() finds first, then the same query read in each other kind (body code 401, HTTP 401). */
function recordsNamed(query: string, args: CliArgs): CatalogRecord[] {
  const options = { method: args.method, locale: args.locale };
  if (args.kind) {
    const one = lookup(query, { ...options, kind: args.kind });
    return one ? [one] : [];
  }
  const found: CatalogRecord[] = [];
  for (const kind of [undefined, ...KIND_NAMES]) {
    const record = lookup(query, { ...options, ...(kind && { kind }) });
    if (record && !found.some((r) => r.ref === record.ref)) found.push(record);
  }
  return found;
}

export type CliIO = {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  color: boolean;
};

/** Run the CLI; returns the exit status. */
export async function runCli(io: CliIO): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCli(io.argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`agora-rec-codes: ${plain(error.message)}\n${PHRASES[localeFromEnv(io.env)].usageHint}\n`);
    return 2;
  }
  if (args.command === 'help') {
    io.stdout(USAGE + '\n');
    return 0;
  }
  const paint: Paint = io.color ? (code, text) => `\x1b[${code}m${text}\x1b[0m` : (_code, text) => text;
  const words = PHRASES[args.locale];
  if (args.command === 'explain') {
    const body = args.body ?? (await io.readStdin());
    const diagnosis = explain({ status: args.status, body, method: args.method }, { locale: args.locale });
    io.stdout((args.json ? toJson(diagnosis) : formatDiagnosis(withoutControls(diagnosis), paint)) + '\n');
    return diagnosis.known ? 0 : 1;
  }
  const query = args.query!;
  const records = recordsNamed(query, args);
  if (records.length === 0) {
    const search = searchUrl(query.trim(), args.locale);
    if (args.json) io.stdout(toJson({ found: false, query, search }) + '\n');
    else io.stderr(`${words.unknown(plain(query))}\n${words.searchSite(search)}\n`);
    return 1;
  }
  if (args.json) {
    const [first, ...others] = records;
    const also = others.map((r) => ({ ref: r.ref, kind: r.kind, code: r.code, constant: r.constant, title: r.title }));
    io.stdout(toJson(also.length ? { ...first, also } : first) + '\n');
    return 0;
  }
  const blocks = records.map((r) => formatRecord(withoutControls(r), args.method, paint));
  if (records.length > 1) {
    const kinds = records.map((r) => `${words.label.kind[r.kind] ?? r.kind} ${typeof r.value === 'string' ? JSON.stringify(plain(r.value)) : r.value}`);
    blocks.unshift(paint('2', `${words.label.also}: ${words.list(kinds)}`));
  }
  io.stdout(blocks.join('\n\n') + '\n');
  return 0;
}

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  if (stream.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A closed pipe (`agora-rec-codes 433 | head -1`, `| true`) ends the program
 * quietly; a full disk or another write error ends it with one line, never a
 * stack trace.
 */
function exitOnWriteError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  try {
    process.stderr.write(`agora-rec-codes: cannot write the output (${error.code ?? error.message})\n`);
  } catch {
    // stderr is gone too
  }
  process.exit(1);
}

function write(stream: NodeJS.WriteStream, text: string): void {
  try {
    stream.write(text);
  } catch (error) {
    exitOnWriteError(error as NodeJS.ErrnoException);
  }
}

const isMain = typeof process !== 'undefined' && process.argv[1] && /(?:^|[\\/])(?:cli\.(?:c?js|ts)|agora-rec-codes)$/.test(process.argv[1]);
if (isMain) {
  process.stdout.on('error', exitOnWriteError);
  process.stderr.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : process.exit(1)));
  runCli({
    argv: process.argv.slice(2),
    env: process.env,
    stdout: (t) => write(process.stdout, t),
    stderr: (t) => write(process.stderr, t),
    readStdin: () => readAll(process.stdin),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      write(process.stderr, `agora-rec-codes: ${plain(error instanceof Error ? error.message : String(error))}\n`);
      process.exitCode = 1;
    },
  );
}
