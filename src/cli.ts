#!/usr/bin/env node
/**
 * agora-rec-codes — look up a Cloud Recording code or message, or explain a response.
 *
 *   agora-rec-codes 433
 *   agora-rec-codes "Invalid authentication credentials" --lang zh
 *   agora-rec-codes 62 --method start --json
 *   curl … | agora-rec-codes explain --status 206 --method start
 *
 * Exit status: 0 found, 1 unknown, 2 bad usage.
 */
import { parseArgs } from 'node:util';
import { PHRASES } from './messages.ts';
import { KIND_NAMES, METHODS } from './records.ts';
import { describeRetry, docUrl, explain, lookup, type CatalogRecord, type Diagnosis, type Kind, type Locale, type Method } from './index.ts';
import { runScan, type ScanIO } from './scan.ts';

const KINDS: readonly string[] = KIND_NAMES;

export const USAGE = `Usage:
  agora-rec-codes <code | message | constant> [--method <m>] [--kind <k>] [--lang zh|en] [--json]
  agora-rec-codes explain [--status <http>] [--method <m>] [--lang zh|en] [--json] < body

Look up an Agora Cloud Recording error code, HTTP status, state or message,
or explain a whole response (the body is read from standard input).

Options:
  --method <m>   acquire, start, query, update, updateLayout or stop
  --kind <k>     read the query as this kind (e.g. http-status for HTTP 404)
  --status <n>   the HTTP status of the response (explain)
  --lang <l>     zh or en (default: from LC_ALL / LC_MESSAGES / LANG)
  --json         print JSON
  -h, --help     show this help

Exit status: 0 found, 1 unknown, 2 bad usage.`;

export class UsageError extends Error {}

export type CliArgs = {
  command: 'lookup' | 'explain' | 'help';
  query?: string;
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

/** Parse the command line; throws UsageError with a message naming the problem. */
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
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help', locale: 'en', json: false };
  const { method, kind, status, lang } = values;
  if (method !== undefined && !(METHODS as readonly string[]).includes(method)) throw new UsageError(`--method must be one of ${METHODS.join(', ')} (got "${method}")`);
  if (kind !== undefined && !KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')} (got "${kind}")`);
  if (lang !== undefined && lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en (got "${lang}")`);
  if (status !== undefined && !/^[1-5]\d\d$/.test(status)) throw new UsageError(`--status must be an HTTP status such as 206 (got "${status}")`);
  const common = {
    method: method as Method | undefined,
    locale: (lang as Locale | undefined) ?? localeFromEnv(env),
    json: values.json ?? false,
  };
  if (positionals[0] === 'explain') {
    if (positionals.length > 1) throw new UsageError(`explain reads the body from standard input; unexpected "${positionals[1]}"`);
    if (kind !== undefined) throw new UsageError('--kind goes with a lookup, not with explain');
    return { command: 'explain', status: status === undefined ? undefined : Number(status), ...common };
  }
  if (status !== undefined) throw new UsageError('--status goes with explain');
  if (positionals.length !== 1 || !positionals[0].trim()) {
    throw new UsageError(positionals.length ? 'give one code or message (quote a message with spaces)' : 'give a code or message to look up');
  }
  return { command: 'lookup', query: positionals[0], kind: kind as Kind | undefined, ...common };
}

type Paint = (code: string, text: string) => string;

/** C0 controls but tab and newline, DEL, and C1 controls (U+0080–U+009F). */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * A copy of `value` whose strings hold no control characters: what the catalog
 * or a response says is printed as text, and cannot colour, move the cursor,
 * clear the screen or retitle the terminal.
 */
function withoutControls<T>(value: T): T {
  if (typeof value === 'string') return value.replace(CONTROLS, '') as T;
  if (Array.isArray(value)) return value.map(withoutControls) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutControls(v)])) as T;
  }
  return value;
}

/** JSON.stringify escapes C0 controls; escape DEL and C1 too, so that no raw control reaches a terminal. */
const toJson = (value: unknown): string =>
  JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function formatRecord(record: CatalogRecord, paint: Paint): string {
  const lines = [
    paint('1', `${typeof record.value === 'string' ? JSON.stringify(record.value) : record.value}  ${record.title}`) + paint('2', `  (${record.kind}, ${record.constant})`),
    record.summary,
  ];
  const words = PHRASES[record.locale];
  if (record.meaning) {
    const m = record.meaning;
    const where = [(m.methods ?? []).join(', ') || '*', m.http && `HTTP ${m.http}`, m.reason && `"${m.reason}"`, m.source].filter(Boolean).join('; ');
    lines.push('', paint('1', `${words.label.onThisMethod} (${where})${words.colon.trim()}`), m.text);
  }
  if (record.causes.length) lines.push('', paint('1', words.label.causes), ...record.causes.map((c) => `  - ${c}`));
  if (record.actions.length) lines.push('', paint('1', words.label.actions), ...record.actions.map((a) => `  - ${a}`));
  const policy = record.meaning?.retry ?? record.retry;
  lines.push('', paint('1', words.label.retry) + words.sentenceGap + describeRetry(policy, record.locale));
  lines.push(paint('2', docUrl(record, record.locale)));
  return lines.join('\n');
}

function formatDiagnosis(d: Diagnosis, paint: Paint): string {
  const lines = [paint('1', d.summary), '', paint('1', PHRASES[d.locale].label.next) + PHRASES[d.locale].sentenceGap + d.next];
  for (const note of d.notes) lines.push(paint('33', `! ${note}`));
  if (d.docs) lines.push(paint('2', d.docs[d.locale]));
  return lines.join('\n');
}

export type CliIO = {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  color: boolean;
  /** Standard input as a stream, for `scan` (else it reads readStdin()). */
  stdin?: ScanIO['stdin'];
};

/** Run the CLI; returns the exit status. */
export async function runCli(io: CliIO): Promise<number> {
  if (io.argv[0] === 'scan') return runScan(io.argv.slice(1), { ...io, stdin: io.stdin ?? { stream: (async function* () { yield await io.readStdin(); })() } });
  let args: CliArgs;
  try {
    args = parseCli(io.argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`agora-rec-codes: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.command === 'help') {
    io.stdout(USAGE + '\n');
    return 0;
  }
  const paint: Paint = io.color ? (code, text) => `\x1b[${code}m${text}\x1b[0m` : (_code, text) => text;
  if (args.command === 'explain') {
    const body = await io.readStdin();
    const diagnosis = explain({ status: args.status, body, method: args.method }, { locale: args.locale });
    io.stdout((args.json ? toJson(diagnosis) : formatDiagnosis(withoutControls(diagnosis), paint)) + '\n');
    return diagnosis.known ? 0 : 1;
  }
  const record = lookup(args.query!, { kind: args.kind, method: args.method, locale: args.locale });
  if (!record) {
    const text = args.locale === 'zh' ? `未找到：${args.query}` : `Unknown: ${args.query}`;
    if (args.json) io.stdout(JSON.stringify({ found: false, query: args.query }) + '\n');
    else io.stderr(text + '\n');
    return 1;
  }
  io.stdout((args.json ? toJson(record) : formatRecord(withoutControls(record), paint)) + '\n');
  return 0;
}

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  if (stream.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const isMain = typeof process !== 'undefined' && process.argv[1] && /(?:^|[\\/])(?:cli\.(?:c?js|ts)|agora-rec-codes)$/.test(process.argv[1]);
if (isMain) {
  runCli({
    argv: process.argv.slice(2),
    env: process.env,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: () => readAll(process.stdin),
    stdin: { stream: process.stdin, isTTY: process.stdin.isTTY },
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  }).then((code) => {
    process.exitCode = code;
  });
}
