#!/usr/bin/env node
/**
 * agora-rec-codes — look up a Cloud Recording code or message, or explain a response.
 *
 *   agora-rec-codes 433
 *   agora-rec-codes lookup "Invalid authentication credentials" --lang zh
 *   agora-rec-codes 62 --method start --json
 *   curl … | agora-rec-codes explain --status 206 --method start
 *   agora-rec-codes explain '{"code":65,"reason":"request not completed"}' --status 206 --method start
 *   agora-rec-codes scan app.log            (src/scan.ts)
 *
 * Exit status: 0 found, 1 unknown, 2 bad usage.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { codeInQuestion, FINDING_WORDS, pastedInputs } from './findings.ts';
import { KIND_SEGMENTS, SITE_URL } from './generated/records.ts';
import { recordPath } from './paths.ts';
import { PHRASES } from './messages.ts';
import { isNear, nearest, type NearestEntry, sameCode } from './nearest.ts';
import { KIND_NAMES, METHODS } from './records.ts';
import { allRecords, docUrl, explain, lookup, type CatalogRecord, type Diagnosis, type Kind, type Locale, type Method } from './index.ts';
import { looksLikeResponse } from './response-text.ts';
import { runScan, type ScanIO } from './scan.ts';
import { optionError, plain, toJson, withoutControls } from './terminal.ts';

export { plain } from './terminal.ts';

const KINDS: readonly string[] = KIND_NAMES;
/** How many responses of a pasted text `explain` shows one by one (a whole log is `scan`'s to sum up). */
const SHOWN_RESPONSES = 50;

/** The forms of the command, one line each. */
const SYNOPSIS = `Usage:
  agora-rec-codes [lookup] <code | message | constant | state> [--method <m>] [--kind <k>] [--lang zh|en] [--json]
  agora-rec-codes explain [<response>] [--status <http>] [--method <m>] [--lang zh|en] [--json]
  agora-rec-codes scan [file…] [--method <m>] [--lang zh|en] [--json]    (agora-rec-codes scan --help)`;

export const USAGE = `${SYNOPSIS}

Look up an Agora Cloud Recording error code, HTTP status, state or message
(a number that names several kinds — body code 401 and HTTP 401 — shows each),
or explain a whole response — a body, curl -i or curl -v output, a log line —
as an argument or on standard input (a pasted response given to lookup is
explained too), or scan a log for every Cloud Recording response in it.

Options:
  --method <m>   acquire, start, query, update, updateLayout or stop:
                 what it means on that method, and only that method's steps
  --kind <k>     read the query as this kind only (e.g. http-status for HTTP 404)
  --status <n>   the HTTP status of the response (explain)
  --lang <l>     zh or en (default: Chinese for a query in Chinese, else from
                 LC_ALL / LC_MESSAGES / LANG)
  --json         print JSON
  -h, --help     show this help
  --version      print the package's version

Exit status: 0 found (explain: every response known), 1 unknown, 2 bad usage;
scan: 0 when nothing needs action, 1 when something does.`;

export class UsageError extends Error {
  /** The usage follows the message (an option the command does not know, or used wrongly). */
  readonly showUsage: boolean;
  constructor(message: string, showUsage = false) {
    super(message);
    this.showUsage = showUsage;
  }
}

export type CliArgs = {
  command: 'lookup' | 'explain' | 'help' | 'version';
  query?: string;
  /** explain: the response given as an argument (else it is read from standard input); a lookup of a pasted response is one too. */
  body?: string;
  method?: Method;
  kind?: Kind;
  status?: number;
  locale: Locale;
  /** The language was given (--lang): a paste in Chinese does not change it. */
  langGiven?: boolean;
  json: boolean;
};

export function localeFromEnv(env: Record<string, string | undefined>): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(value) ? 'zh' : 'en';
}

/** A query written in Chinese (any Han character) is answered in Chinese, whatever the environment says. */
const HAN = /\p{Script=Han}/u;
/** Two Han characters in a row: a word (bytes read as text may hold one by chance). */
const WORD_OF_HAN = /\p{Script=Han}{2}/u;
/** What bytes that are no text leave when read as UTF-8: replacement characters, NUL. */
const BINARY = /[\ufffd\u0000]/;

/**
 * A paste written in Chinese (a question around a body, a Chinese service's log lines) is answered in Chinese, as a
 * query is: Chinese outside its quoted values (a channel name `"会议室"` says nothing of the reader's language).
 */
const writtenInChinese = (text: string): boolean => !BINARY.test(text.slice(0, 4096)) && WORD_OF_HAN.test(text.slice(0, 65_536).replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, ''));

/** A value from the command line, safe and short enough to quote in an error. */
const echo = (text: string): string => JSON.stringify(plain(text).slice(0, 80));

/** Parse the command line; throws UsageError with a one-line message naming the problem. */
export function parseCli(argv: readonly string[], env: Record<string, string | undefined> = {}): CliArgs {
  // biome-ignore lint/suspicious/noImplicitAnyLet: typed by its one assignment below (parseArgs' inferred result)
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
        version: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(plain(optionError(error)), true);
  }
  const { values } = parsed;
  let positionals = parsed.positionals;
  if (values.help || (positionals.length === 1 && positionals[0] === 'help')) return { command: 'help', locale: 'en', json: false };
  if (values.version) return { command: 'version', locale: 'en', json: false };
  const { method, kind, status, lang } = values;
  if (method !== undefined && !(METHODS as readonly string[]).includes(method)) throw new UsageError(`--method must be one of ${METHODS.join(', ')} (got ${echo(method)})`);
  if (kind !== undefined && !KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')} (got ${echo(kind)})`);
  if (lang !== undefined && lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en (got ${echo(lang)})`);
  if (status !== undefined && !/^[1-5]\d\d$/.test(status)) throw new UsageError(`--status must be an HTTP status such as 206 (got ${echo(status)})`);
  const common = {
    method: method as Method | undefined,
    locale: (lang as Locale | undefined) ?? localeFromEnv(env),
    ...(lang !== undefined && { langGiven: true }),
    json: values.json ?? false,
  };
  const statusNumber = status === undefined ? undefined : Number(status);
  if (positionals[0] === 'explain') {
    if (positionals.length > 2) throw new UsageError(`explain takes at most one body (quote it); unexpected ${echo(positionals[2])}`);
    if (kind !== undefined) throw new UsageError('--kind goes with a lookup, not with explain');
    return { command: 'explain', status: statusNumber, ...(positionals[1] !== undefined && { body: positionals[1] }), ...common };
  }
  if (positionals[0] === 'lookup') positionals = positionals.slice(1);
  if (positionals.length !== 1 || !positionals[0].trim()) {
    throw new UsageError(positionals.length > 1 ? `give one code or message (quote a message with spaces); got ${positionals.length}` : 'give a code or message to look up');
  }
  const query = positionals[0];
  // A pasted response (a body, curl output, a log line) is explained, as `explain` would.
  if (kind === undefined && looksLikeResponse(query)) return { command: 'explain', status: statusNumber, body: query, ...common };
  if (status !== undefined) throw new UsageError('--status goes with explain');
  return { command: 'lookup', query, kind: kind as Kind | undefined, ...common, locale: (lang as Locale | undefined) ?? (HAN.test(query) ? 'zh' : common.locale) };
}

type Paint = (code: string, text: string) => string;


/** A list of methods in a text: `query`, `update` or `stop` / `query`、`update` 或 `stop`. */
const LIST = '((?:`[A-Za-z]+`(?:, | or | and |、|或|和| )*)+)';
/**
 * Where a text says which methods it is about: at its start ("On `acquire`, …",
 * "(`start`) …", "在 `acquire` 上遇到时：…", "（`query`）…", "`start` 收到 65 时",
 * "`acquire` 时…"), at the start of a clause ("…; on `query` or `stop`, send …",
 * "…；在 `query` 上也…"), before what it returns there ("an internal error on
 * `acquire` (body `code` 500)", "(`acquire`, body `code` 401 …)", "（`query`、`stop`
 * 返回…）"), or as what someone else retries ("the Go client retries `start` by
 * itself", "自行重试 `start`").
 */
const SCOPES = [
  new RegExp(`^\\s*(?:On |\\(|（)${LIST}`),
  new RegExp(`^\\s*${LIST} ?(?:收到|返回|时)`),
  new RegExp(`(?:; on |\\bon (?=\\S+ \\(|\\S+,))${LIST}`),
  new RegExp(`[(（]${LIST}(?:,|，| ?返回| return)`),
  new RegExp(`在 ?${LIST} ?(?:上|收到|返回)`),
  new RegExp(`(?:\\bretries |自行重试 ?)${LIST}`),
];
/** A step that goes on from the one before it ("If the retries fail, …"), and so is about the same methods. */
const GOES_ON = /^\s*(?:If (?:the|these|those) retries (?:still )?fail|If it still fails|重试仍然失败|如仍失败)/i;

/**
 * The methods a cause or action is about, where it says so (see SCOPES);
 * undefined for a text about every method.
 */
export function methodsNamed(text: string): Method[] | undefined {
  const named = new Set<Method>();
  for (const scope of SCOPES) {
    const m = scope.exec(text);
    if (m) for (const [, name] of m[1].matchAll(/`([A-Za-z]+)`/g)) if ((METHODS as readonly string[]).includes(name)) named.add(name as Method);
  }
  return named.size ? [...named] : undefined;
}

/**
 * The texts that apply on `method`: those about every method or about it; a
 * step that goes on from the one before it follows that one. Every text
 * without a method.
 */
export function onMethod(texts: readonly string[], method: Method | undefined): string[] {
  if (!method) return [...texts];
  let previous: Method[] | undefined;
  return texts.filter((text) => {
    const named = methodsNamed(text) ?? (GOES_ON.test(text) ? previous : undefined);
    previous = named;
    return !named || named.includes(method);
  });
}

/**
 * A record as `--method` shows it, for scripts as for people: the meanings,
 * causes and actions that apply on the method, and the method's own step as
 * `retry` (62 on `start`: retry, then acquire again) — for a body code or gateway message, the step explain() takes
 * for it alone, as retryPolicy() gives it (433 on `stop`: check what it means there). Without a method, the whole record.
 */
function onMethodRecord(record: CatalogRecord, method: Method | undefined): CatalogRecord {
  if (!method) return record;
  const meanings = record.meanings.filter((m) => !m.methods || m.methods.includes(method));
  const alone = record.kind === 'error-code' ? { code: record.value } : record.kind === 'message-error' ? { message: record.value } : undefined;
  const explained = alone && explain({ method, body: alone }, { locale: record.locale }).retry;
  const retry = explained ? (({ retryable: _, ...step }) => step)(explained) : (record.meaning?.retry ?? record.retry);
  return { ...record, meanings, causes: onMethod(record.causes, method), actions: onMethod(record.actions, method), retry };
}

/** The command that shows a query on every method: `agora-rec-codes 62`, `agora-rec-codes 'Invalid authentication credentials'`. */
function commandFor(query: string, kind: Kind | undefined): string {
  const quoted = /^[\w.:@%+-]+$/.test(query) ? query : `'${query.replace(/'/g, `'\\''`)}'`;
  return `agora-rec-codes ${quoted}${kind ? ` --kind ${kind}` : ''}`;
}

/** A record's value as the CLI shows it: a number as it is, a string quoted. */
const shownValue = (value: number | string): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));
/** A record's kind in its language's words. */
const kindLabel = (r: Pick<CatalogRecord, 'kind' | 'locale'>): string => PHRASES[r.locale].label.kind[r.kind] ?? r.kind;

function formatRecord(record: CatalogRecord, method: Method | undefined, paint: Paint, command: string): string {
  const words = PHRASES[record.locale];
  const lines = [paint('1', `${shownValue(record.value)}  ${record.title}`) + paint('2', `  (${kindLabel(record)}: ${record.kind}:${record.code}, ${record.constant})`)];
  // Answer first: what it means on this method (else in general), then the next step, then what to do and why.
  const m = record.meaning;
  // A code the sources give only on other methods (433 looked up on `acquire`): said first, as explain() says it.
  const elsewhere = method && record.meanings.length && record.meanings.every((x) => x.methods && !x.methods.includes(method));
  if (elsewhere) lines.push(paint('33', `! ${words.notes.otherMethods(method, [...new Set(record.meanings.flatMap((x) => x.methods ?? []))])}`));
  if (m && method) {
    const where = [m.http && `HTTP ${m.http}`, m.reason && `"${m.reason}"`, m.source].filter(Boolean).join('; ');
    lines.push(paint('1', `${words.onMethod(method)} (${where})${words.colon.trim()}`) + words.sentenceGap + m.text);
  } else lines.push(record.summary);
  // What applies on the method: its step, causes and actions (as `--json` gives them).
  const { retry, causes, actions } = onMethodRecord(record, method);
  // A status on a method where the body code it stands for decides (206 on `stop`: 65 or 435), or a code or status whose
  // meaning the sources give per method, looked up without one (62, 65, 206): explain()'s next step says so. Else nothing
  // to resend for a reason of ours (435: no file was made): that reason is the step, as explain() gives it.
  const byMethod = !method && record.meanings.some((m) => m.methods);
  const next =
    (record.kind === 'http-status' || record.kind === 'error-code') && (method || byMethod)
      ? explain(record.kind === 'http-status' ? { status: Number(record.code), method } : { body: { code: Number(record.code) }, method }, { locale: record.locale }).next
      : retry.action === 'none' && retry.basis && 'recommendation' in retry.basis
        ? retry.basis.recommendation
        : words.describeRetry(retry);
  lines.push('', paint('1', words.label.retry) + words.sentenceGap + next);
  if (actions.length) lines.push('', paint('1', words.label.actions), ...actions.map((a) => `  - ${a}`));
  if (causes.length) lines.push('', paint('1', words.label.causes), ...causes.map((c) => `  - ${c}`));
  if (method && causes.length + actions.length < record.causes.length + record.actions.length) lines.push(paint('2', words.otherMethods(method, command)));
  lines.push(paint('2', docUrl(record, record.locale)));
  return lines.join('\n');
}

/** Outcomes where a person changes something: the deciding record's own actions say what (53: change the UID in `acquire`). */
const PERSON_ACTS: ReadonlySet<string> = new Set(['fix-request', 'fix-credentials', 'fix-account', 'contact-support']);

function formatDiagnosis(d: Diagnosis, paint: Paint): string {
  const words = PHRASES[d.locale];
  const lines = [paint('1', d.summary), '', paint('1', words.label.next) + words.sentenceGap + d.next];
  // Whose step it is (Agora's documentation, or our advice and why), as scan says it.
  if (d.basis && d.outcome.kind !== 'undecided') lines.push(paint('2', FINDING_WORDS[d.locale].basis(d.basis, d.next)));
  const record = d.record && PERSON_ACTS.has(d.outcome.kind) ? allRecords(d.locale).find((r) => r.ref === d.record!.ref) : undefined;
  const actions = record ? withoutControls(onMethod(record.actions, d.method)) : [];
  if (actions.length) lines.push('', paint('1', words.label.actions), ...actions.map((a) => `  - ${a}`));
  // A note the summary already says (a plain-text body, when nothing else is known) is not said twice.
  for (const note of d.notes) if (!d.summary.includes(note)) lines.push(paint('33', `! ${note}`));
  // What was read (the method from a request line, the status from a status line): to check against the paste.
  const read = [d.method && `\`${d.method}\``, d.status !== undefined && `HTTP ${d.status}`, d.code !== undefined && `code ${d.code}`, d.message && `"${d.message}"`].filter(Boolean);
  if (read.length) lines.push(paint('2', words.readAs(read.join(' · '))));
  if (d.docs) lines.push(paint('2', d.docs[d.locale]));
  return lines.join('\n');
}

/** The site's search for a query the catalog does not hold. */
export const searchUrl = (query: string, locale: Locale): string => `${SITE_URL}/${locale}/search/?q=${encodeURIComponent(query.slice(0, 200))}`;

/**
 * The records near enough to a query the catalog does not hold to suggest
 * them, nearest first (src/nearest.ts, as the site's not-found page): the
 * same code in another kind (alone, when there is one), a code one edit away
 * (4333 → 433), a name with a typo.
 */
function nearestRecords(query: string, locale: Locale, kind?: Kind): { near: CatalogRecord[]; closest: CatalogRecord[] } {
  const records = allRecords(locale);
  const entries = records.map((r): NearestEntry => [recordPath(KIND_SEGMENTS[r.kind], r.code, locale), String(r.value), r.title]);
  const wanted = { id: query.trim(), ...(kind && { segment: KIND_SEGMENTS[kind] }) };
  const found = nearest(entries, wanted);
  const near = found.filter((entry) => isNear(entry, wanted));
  // The same code in another kind is the answer (`206 --kind error-code` → HTTP 206): alone.
  const same = near.filter((entry) => sameCode(entry, wanted));
  const byEntry = (entry: NearestEntry) => records[entries.indexOf(entry)];
  // A number no record is near (9999): the codes closest to it, as the site's not-found page lists them.
  const closest = !near.length && /^\d+$/.test(wanted.id) ? found.map(byEntry) : [];
  return { near: (same.length ? same : near).map(byEntry), closest };
}

/** The words of a text as compared: Latin words and numbers, and each pair of Chinese characters in a row. */
function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const [run] of text.normalize('NFKC').toLowerCase().matchAll(/[a-z0-9]+|\p{Script=Han}+/gu)) {
    if (!/\p{Script=Han}/u.test(run)) words.add(run);
    else if (run.length === 1) words.add(run);
    else for (let i = 0; i < run.length - 1; i++) words.add(run.slice(i, i + 2));
  }
  return words;
}

/**
 * The records whose words, in either language (title, summary, meanings, causes), hold most of a query's
 * words (`没有录制文件产生`, the seed's wording of 435; `录制服务正在退出`): suggestions, best first.
 */
function recordsDescribed(query: string, locale: Locale): CatalogRecord[] {
  const other = allRecords(locale === 'zh' ? 'en' : 'zh');
  const texts = allRecords(locale).map((r, i) => wordsOf([r, other[i]].flatMap((x) => [x.title, x.summary, ...x.meanings.map((m) => m.text), ...x.causes]).join(' ')));
  // Words that many records hold (the, is, recording, 录制) tell none apart: only the others count.
  const wanted = [...wordsOf(query)].filter((w) => texts.filter((have) => have.has(w)).length <= texts.length / 5);
  if (wanted.length < 2) return [];
  const scored = allRecords(locale).map((r, i) => ({ r, share: wanted.filter((w) => texts[i].has(w)).length / wanted.length }));
  const best = scored.filter((s) => s.share >= 0.6).sort((a, b) => b.share - a.share);
  return best.slice(0, 3).map((s) => s.r);
}

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
  /** Standard input as a stream, for `scan` (else it reads readStdin()). */
  stdin?: ScanIO['stdin'];
  /** The installed package's version (--version), when it can be read. */
  version?: () => string | undefined;
};

/** A usage error on standard error (with the synopsis where the options were misused), and its exit status 2. */
function usageFailure(io: CliIO, message: string, showUsage = false): number {
  io.stderr(`agora-rec-codes: ${plain(message)}\n${showUsage ? `${SYNOPSIS}\n` : ''}${PHRASES[localeFromEnv(io.env)].usageHint}\n`);
  return 2;
}

/** Run the CLI; returns the exit status. */
export async function runCli(io: CliIO): Promise<number> {
  if (io.argv[0] === 'scan') return runScan(io.argv.slice(1), { ...io, stdin: io.stdin ?? { stream: (async function* () { yield await io.readStdin(); })() } });
  let args: CliArgs;
  try {
    args = parseCli(io.argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageFailure(io, error.message, error.showUsage);
  }
  if (args.command === 'help') {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (args.command === 'version') {
    const version = io.version?.();
    if (!version) {
      io.stderr('agora-rec-codes: the package.json beside this program could not be read, so its version is unknown\n');
      return 1;
    }
    io.stdout(`${version}\n`);
    return 0;
  }
  const paint: Paint = io.color ? (code, text) => `\x1b[${code}m${text}\x1b[0m` : (_code, text) => text;
  let words = PHRASES[args.locale];
  if (args.command === 'explain') {
    const text = args.body ?? (await io.readStdin());
    if (!args.langGiven && writtenInChinese(text)) {
      args = { ...args, locale: 'zh' };
      words = PHRASES.zh;
    }
    if (!text.trim() && args.status === undefined) {
      return usageFailure(io, 'give the response to explain, as an argument or on standard input (curl … | agora-rec-codes explain)');
    }
    const explained = pastedInputs(text, args).map(({ input, lines }) => ({ lines, diagnosis: explain(input, { locale: args.locale }) }));
    if (args.json) {
      const one = explained.length === 1;
      io.stdout(toJson(withoutControls(one ? explained[0].diagnosis : explained.map(({ lines, diagnosis }) => ({ line: lines![0], endLine: lines![1], ...diagnosis })))) + '\n');
    } else if (explained.length === 1) io.stdout(formatDiagnosis(withoutControls(explained[0].diagnosis), paint) + '\n');
    else {
      const where = FINDING_WORDS[args.locale];
      const heading = (lines: [number, number]) => where.lines(String(lines[0]), String(lines[1])).replace(/^./, (c) => c.toUpperCase()) + words.colon.trim();
      // A whole log is scan's to sum up: the first ones here, then how many more.
      const blocks = explained.slice(0, SHOWN_RESPONSES).map(({ lines, diagnosis }) => `${paint('2', heading(lines!))}\n${formatDiagnosis(withoutControls(diagnosis), paint)}`);
      if (explained.length > SHOWN_RESPONSES) blocks.push(paint('1', words.moreResponses(explained.length - SHOWN_RESPONSES)));
      io.stdout([paint('1', words.responses(explained.length)), ...blocks].join('\n\n') + '\n');
    }
    return explained.every((e) => e.diagnosis.known) ? 0 : 1;
  }
  const query = args.query!;
  let records = recordsNamed(query, args);
  // A question around one code is answered with that code, on the method it names.
  const question = records.length || args.kind ? undefined : codeInQuestion(plain(query));
  if (question) {
    args = { ...args, method: args.method ?? question.method };
    records = recordsNamed(question.code, args);
  }
  if (records.length === 0) {
    const search = searchUrl(plain(query).trim(), args.locale);
    const found = nearestRecords(query, args.locale, args.kind);
    // Words that describe a record (the seed's wording of it) rather than name it: those records, as suggestions.
    const near = found.near.length ? found.near : recordsDescribed(plain(query), args.locale);
    const { closest } = found;
    if (args.json) {
      const brief = (list: CatalogRecord[]) => list.map((r) => ({ ref: r.ref, kind: r.kind, code: r.code, title: r.title, url: r.urls[args.locale] }));
      io.stdout(toJson({ found: false, query, nearest: brief(near), ...(closest.length && { closest: brief(closest) }), search }) + '\n');
    } else {
      const shown = (list: CatalogRecord[]) => withoutControls(list.map((r) => `  ${shownValue(r.value)}  ${r.title}  (${kindLabel(r)})`));
      const lists = near.length ? [words.nearest, ...shown(near)] : closest.length ? [words.closest, ...shown(closest)] : [];
      io.stderr([words.unknown(plain(query)), ...lists, words.searchSite(search)].join('\n') + '\n');
    }
    return 1;
  }
  if (args.json) {
    const [first, ...others] = records.map((r) => onMethodRecord(r, args.method));
    const also = others.map((r) => ({ ref: r.ref, kind: r.kind, code: r.code, constant: r.constant, title: r.title }));
    io.stdout(toJson(also.length ? { ...first, also } : first) + '\n');
    return 0;
  }
  // The command that shows every method: for a question around a code, that code alone.
  const command = commandFor(question ? question.code : plain(query), args.kind);
  const blocks = records.map((r) => formatRecord(withoutControls(r), args.method, paint, command));
  if (records.length > 1) {
    const kinds = records.map((r) => `${kindLabel(r)} ${shownValue(typeof r.value === 'string' ? plain(r.value) : r.value)}`);
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

/**
 * The version in the package.json of the package this program is in (dist/esm/cli.js or
 * dist/cjs/cli.js, reached through node_modules/.bin's link; src/cli.ts in the repository): read at
 * run time, so that it is the installed one's. undefined when there is none to read.
 */
function installedVersion(program: string): string | undefined {
  for (const up of ['../..', '..']) {
    try {
      const { name, version } = JSON.parse(readFileSync(join(dirname(realpathSync(program)), up, 'package.json'), 'utf8'));
      if (name === '@org/agora-rec-codes' && typeof version === 'string') return version;
    } catch {
      // No package.json there, or not ours: look one folder up.
    }
  }
  return undefined;
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
    stdin: { stream: process.stdin, isTTY: process.stdin.isTTY },
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    version: () => installedVersion(process.argv[1]),
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
