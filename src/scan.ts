/**
 * agora-rec-codes scan [file…] — every Cloud Recording response in a log,
 * summed up: each distinct finding with its count, first and last line,
 * outcome and next step, worst first.
 *
 *   agora-rec-codes scan app.log
 *   kubectl logs deploy/recorder | agora-rec-codes scan --json
 *
 * Reads standard input when no file is given (or for `-`); gzip files are read
 * as such. Streams: lines are cut at a bounded length and only the findings are
 * kept, so a log of any size runs in constant memory.
 *
 * Exit status: 0 nothing needs action, 1 something does, 2 bad usage.
 */
import { createReadStream, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { type Finding, FINDING_WORDS, Findings, findingSteps, type Place } from './findings.ts';
import { PHRASES } from './messages.ts';
import { explain, type Locale, type Method } from './index.ts';
import { METHODS } from './records.ts';
import { ResponseReader } from './response-text.ts';
import { optionError, plain, toJson, withoutControls } from './terminal.ts';

export const SCAN_USAGE = `Usage: agora-rec-codes scan [file…] [--method <m>] [--lang zh|en] [--json]

Find every Agora Cloud Recording response in a log (JSON lines, plain text,
access logs, curl output; gzip too) and sum them up: each distinct finding
with its count, first and last line, outcome and next step, worst first.
Reads standard input when no file is given, or for "-".

Options:
  --method <m>   the method of responses whose log line names none
                 (acquire, start, query, update, updateLayout or stop)
  --lang <l>     zh or en (default: from LC_ALL / LC_MESSAGES / LANG)
  --json         print JSON
  -h, --help     show this help

Exit status: 0 nothing needs action, 1 something does, 2 bad usage.`;

/** Longest line read, in bytes; the rest of a longer line is skipped. */
export const MAX_LINE_BYTES = 64 * 1024;

/**
 * Splits a byte stream into lines, decoded as UTF-8, each cut at `maxBytes`.
 * Synchronous per chunk (no promise per line) and holding at most the start of
 * one line between chunks; every line is decoded into a string of its own, so
 * nothing kept from a line keeps the chunk it was read from.
 */
export class LineSplitter {
  private carry: Buffer | undefined;
  private skipping = false; // the rest of an over-long line
  private readonly maxBytes: number;
  /** Lines handed out so far; how many were cut at maxBytes, and the number of the first. */
  private lines = 0;
  cut = 0;
  firstCut: number | undefined;
  private lastCut = 0;

  constructor(maxBytes = MAX_LINE_BYTES) {
    this.maxBytes = maxBytes;
  }

  /** Hand each complete line of `piece` (and of what came before it) to `each`. */
  push(piece: Uint8Array | string, each: (line: string) => void): void {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    const max = this.maxBytes;
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) break;
      if (this.skipping) {
        this.skipping = false;
        if (nl > start) this.markCut();
      } else if (this.carry) {
        const room = max - this.carry.length;
        this.count(nl - start > room);
        each(Buffer.concat([this.carry, chunk.subarray(start, start + Math.min(nl - start, room))]).toString('utf8'));
      } else {
        this.count(nl - start > max);
        each(chunk.toString('utf8', start, Math.min(nl, start + max)));
      }
      this.carry = undefined;
      start = nl + 1;
    }
    if (start < chunk.length && !this.skipping) {
      const rest = chunk.subarray(start);
      const have = this.carry?.length ?? 0;
      const take = rest.subarray(0, Math.max(0, max - have));
      // A copy: the carried start of a line must not keep the whole chunk alive.
      this.carry = this.carry ? Buffer.concat([this.carry, take]) : Buffer.from(take);
      if (have + rest.length >= max) {
        // The line is already as long as is read: keep what we have, skip to its end.
        this.count(have + rest.length > max);
        each(this.carry.toString('utf8'));
        this.carry = undefined;
        this.skipping = true;
      }
    }
  }

  /** Count a line handed out, and whether it was cut. */
  private count(cut: boolean): void {
    this.lines++;
    if (cut) this.markCut();
  }

  /** The last line handed out was cut (counted once). */
  private markCut(): void {
    if (this.lastCut === this.lines) return;
    this.lastCut = this.lines;
    this.cut++;
    this.firstCut ??= this.lines;
  }

  /** The end of the stream: the last line, when it has no line break. */
  end(each: (line: string) => void): void {
    if (this.carry?.length) {
      this.count(false);
      each(this.carry.toString('utf8'));
    }
    this.carry = undefined;
    this.skipping = false;
  }
}

/** The lines of a byte stream, decoded as UTF-8, each cut at `maxBytes`; holds the lines of one chunk at most. */
export async function* linesOf(stream: AsyncIterable<Uint8Array | string>, maxBytes = MAX_LINE_BYTES): AsyncGenerator<string> {
  const splitter = new LineSplitter(maxBytes);
  const lines: string[] = [];
  const keep = (line: string) => lines.push(line);
  for await (const piece of stream) {
    splitter.push(piece, keep);
    yield* lines;
    lines.length = 0;
  }
  splitter.end(keep);
  yield* lines;
}

export type ScanSource = { name?: string; stream: AsyncIterable<Uint8Array | string> };
/** Lines longer than MAX_LINE_BYTES, of which only the start was read: how many, and the first. */
export type CutLines = { count: number; first?: { file?: string; line: number } };
export type ScanResult = { files: string[]; lines: number; findings: Findings; cut: CutLines };

/** Read every source, line by line, into findings. */
export async function scanSources(sources: ScanSource[], options: { locale?: Locale; method?: Method } = {}): Promise<ScanResult> {
  const locale = options.locale ?? 'en';
  const findings = new Findings((input) => explain(input, { locale }));
  let lines = 0;
  const cut: CutLines = { count: 0 };
  for (const source of sources) {
    const reader = new ResponseReader();
    const where = { file: source.name, method: options.method };
    const add = (found: ReturnType<ResponseReader['line']>) => {
      for (const f of found) findings.add(f, where);
    };
    // Lines go to the reader as each chunk is split, without a promise per line.
    const splitter = new LineSplitter();
    const each = (line: string) => add(reader.line(line));
    for await (const chunk of source.stream) splitter.push(chunk, each);
    splitter.end(each);
    add(reader.end());
    lines += reader.lines;
    cut.count += splitter.cut;
    if (splitter.firstCut !== undefined) cut.first ??= { ...(source.name !== undefined && { file: source.name }), line: splitter.firstCut };
  }
  return { files: sources.map((s) => s.name ?? '-'), lines, findings, cut };
}

const WORDS = {
  en: {
    summary: (responses: number, lines: number, findings: number, act: number) =>
      `${responses.toLocaleString('en')} Cloud Recording ${responses === 1 ? 'response' : 'responses'} in ${lines.toLocaleString('en')} ${lines === 1 ? 'line' : 'lines'}: ` +
      `${findings} ${findings === 1 ? 'finding' : 'findings'}, ${act === 0 ? 'none needs' : act === findings ? (findings === 1 ? 'it needs' : 'all need') : `${act} need${act === 1 ? 's' : ''}`} action.`,
    none: (lines: number) => `No Cloud Recording response in ${lines.toLocaleString('en')} ${lines === 1 ? 'line' : 'lines'}.`,
    next: 'Next: ',
    others: (n: number, act: number) => `…and ${n.toLocaleString('en')} more responses of other kinds (${act.toLocaleString('en')} needing action), not told apart.`,
    noMethod: 'method not in the log',
    cut: (n: number, first: string) =>
      `! ${n.toLocaleString('en')} ${n === 1 ? 'line is' : 'lines are'} longer than 64 KB (the first: ${first}): only the first 64 KB of each were read; a response after that was not seen.`,
    line: (n: number) => `line ${n}`,
    http: (s: number) => `HTTP ${s}`,
  },
  zh: {
    summary: (responses: number, lines: number, findings: number, act: number) =>
      `${lines} 行中有 ${responses} 个云端录制响应，归为 ${findings} 类，其中 ${act} 类需要处理。`,
    none: (lines: number) => `${lines} 行中没有云端录制响应。`,
    next: '下一步：',
    others: (n: number, act: number) => `……另有 ${n} 个其他响应（${act} 个需要处理），未逐一区分。`,
    noMethod: '日志中没有方法',
    cut: (n: number, first: string) => `! 有 ${n} 行超过 64 KB（第一个：${first}），每行只读了前 64 KB，其后的响应未能读到。`,
    line: (n: number) => `第 ${n} 行`,
    http: (s: number) => `HTTP ${s}`,
  },
} as const;

type Paint = (code: string, text: string) => string;

const at = (p: Place, multi: boolean) => (multi && p.file !== undefined ? `${p.file}:${p.line}` : String(p.line));

function place(f: Finding, multi: boolean, locale: Locale): string {
  return FINDING_WORDS[locale].lines(at(f.first, multi), at(f.last, multi));
}

/** What the finding's response says beyond its diagnosis: where its method came from, and where the advice comes from. */
function extraNotes(f: Finding, locale: Locale): string[] {
  const words = FINDING_WORDS[locale];
  // (A call after its task's own `stop` has a step of the log's, not the diagnosis's: that step's basis is not said.)
  const basis = f.afterStop ? undefined : f.diagnosis.basis;
  return [...(f.response.methodLine !== undefined ? [words.methodFromLine(f.response.methodLine)] : []), ...(basis ? [words.basis(basis, f.diagnosis.next)] : [])];
}

/** The words of one finding: outcome and next step first, then what it is, notes and its page. */
function formatFinding(f: Finding, multi: boolean, paint: Paint): string {
  const d = f.diagnosis;
  const locale = d.locale;
  const w = WORDS[locale];
  const mark = f.needsAction ? paint('31', '✗') : paint('32', '✓');
  const what = [d.method ?? w.noMethod, d.status !== undefined && w.http(d.status)].filter(Boolean).join(' · ');
  const { heading, next, settled } = findingSteps(f, FINDING_WORDS[locale], PHRASES[locale].retryLabel, (p) => at(p, multi));
  const lines = [`${mark} ${paint('1', heading)}  ${FINDING_WORDS[locale].times(f.count)}  ${place(f, multi, locale)}  ${paint('2', `(${what})`)}`, `  ${w.next}${plain(next)}`];
  if (settled) lines.push(paint('32', `  ${settled}`));
  // What a log says (a message, a reason) reaches the terminal through plain() only.
  if (d.summary) lines.push(`  ${plain(d.summary)}`);
  for (const note of [...d.notes, ...extraNotes(f, locale)]) if (!d.summary.includes(note)) lines.push(paint('33', `  ! ${plain(note)}`));
  if (d.docs) lines.push(paint('2', `  ${d.docs[locale]}`));
  return lines.join('\n');
}

export function formatScan(result: ScanResult, locale: Locale, paint: Paint = (_c, t) => t): string {
  const list = result.findings.list();
  const w = WORDS[locale];
  const multi = result.files.length > 1;
  const { cut } = result;
  // Said where it is seen first: a response past a line's first 64 KB is not in what follows.
  const cutNote = cut.first ? [paint('33', w.cut(cut.count, multi && cut.first.file !== undefined ? `${cut.first.file}:${cut.first.line}` : w.line(cut.first.line)))] : [];
  if (!list.length && !result.findings.others.count) return [w.none(result.lines), ...cutNote].join('\n');
  const act = list.filter((f) => f.needsAction).length;
  const out = [paint('1', w.summary(result.findings.responses, result.lines, list.length, act)), ...cutNote, ''];
  for (const f of list) out.push(formatFinding(f, multi, paint), '');
  const { others } = result.findings;
  if (others.count) out.push(w.others(others.count, others.needsAction), '');
  return out.join('\n').trimEnd();
}

const placeJson = (p: Place) => ({ ...(p.file !== undefined && { file: p.file }), line: p.line });

function findingJson(f: Finding, locale: Locale, multi: boolean) {
  const d = f.diagnosis;
  return {
    count: f.count,
    first: placeJson(f.first),
    last: placeJson(f.last),
    needsAction: f.needsAction,
    outcome: d.outcome,
    ...(f.afterStop && { afterStop: placeJson(f.afterStop) }),
    ...(f.answeredAt && { answered: f.answered, answeredAt: placeJson(f.answeredAt) }),
    ...(d.basis && !f.afterStop && { basis: d.basis }),
    ...(d.method && { method: d.method }),
    ...(f.response.verb && { verb: f.response.verb }),
    ...(d.status !== undefined && { status: d.status }),
    ...(d.code !== undefined && { code: d.code }),
    ...(d.message !== undefined && { message: d.message }),
    ...(d.reason !== undefined && { reason: d.reason }),
    ok: d.ok,
    known: d.known,
    body: d.body,
    summary: d.summary,
    next: findingSteps(f, FINDING_WORDS[locale], PHRASES[locale].retryLabel, (p) => at(p, multi)).next,
    records: d.records.map((r) => ({ ref: r.ref, kind: r.kind, value: r.value, constant: r.constant, title: r.title, url: r.urls[locale] })),
    notes: [...d.notes, ...extraNotes(f, locale)],
    ...(d.docs && { docs: d.docs[locale] }),
  };
}

/** The result as JSON: totals, then the findings worst first. */
export function scanJson(result: ScanResult, locale: Locale): string {
  return toJson({
    files: result.files,
    lines: result.lines,
    responses: result.findings.responses,
    needAction: result.findings.needAction,
    findings: result.findings.list().map((f) => withoutControls(findingJson(f, locale, result.files.length > 1))),
    others: result.findings.others,
    cutLines: result.cut,
  });
}

export type ScanIO = {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
  /** Standard input as a stream (process.stdin); isTTY when nothing is piped in. */
  stdin?: { stream: AsyncIterable<Uint8Array | string>; isTTY?: boolean };
};

class ScanUsage extends Error {}

function localeOf(env: Record<string, string | undefined>): Locale {
  return /^zh/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'zh' : 'en';
}

/** A file to read: its stream, gunzipped when it is gzip. Throws ScanUsage naming the file when it cannot be read. */
async function openFile(name: string): Promise<ScanSource> {
  let size: number;
  try {
    const stat = statSync(name);
    if (stat.isDirectory()) throw new ScanUsage(`cannot read "${name}": it is a directory`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ScanUsage) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScanUsage(`cannot read "${name}": ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
  }
  const head = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    createReadStream(name, { start: 0, end: 1 })
      .on('data', (c) => chunks.push(c as Buffer))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
  }).catch((error: NodeJS.ErrnoException) => {
    throw new ScanUsage(`cannot read "${name}": ${error.code === 'EACCES' ? 'permission denied' : error.message}`);
  });
  const gzip = size >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  const file = createReadStream(name, { highWaterMark: 256 * 1024 });
  return { name, stream: gzip ? unzipped(name, file) : file };
}

/** A gzip stream gunzipped; one that is not valid gzip (corrupt, cut short) throws ScanUsage naming the file. */
async function* unzipped(name: string | undefined, stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  try {
    yield* Readable.from(stream).pipe(createGunzip());
  } catch (error) {
    throw new ScanUsage(`cannot read ${name === undefined ? 'standard input' : `"${name}"`}: it starts as gzip but is not valid gzip (${(error as Error).message})`);
  }
}

/** A stream, gunzipped when it is gzip (its first two bytes say so): standard input, as a file is read. */
async function* gunzipped(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  const chunks = stream[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done) return;
  const all = (async function* () {
    yield first.value;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  })();
  const head = first.value;
  yield* typeof head !== 'string' && head[0] === 0x1f && head[1] === 0x8b ? unzipped(undefined, all) : all;
}

const scanArguments = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: { method: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });

/** Run `scan` with its own arguments (those after "scan"); returns the exit status. */
export async function runScan(argv: readonly string[], io: ScanIO): Promise<number> {
  try {
    let parsed: ReturnType<typeof scanArguments>;
    try {
      parsed = scanArguments(argv);
    } catch (error) {
      throw new ScanUsage(`${optionError(error)}; usage: ${SCAN_USAGE.split('\n')[0].slice('Usage: '.length)}`);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(SCAN_USAGE + '\n');
      return 0;
    }
    if (values.method !== undefined && !(METHODS as readonly string[]).includes(values.method)) throw new ScanUsage(`--method must be one of ${METHODS.join(', ')} (got "${values.method}")`);
    if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') throw new ScanUsage(`--lang must be zh or en (got "${values.lang}")`);
    const locale = (values.lang as Locale | undefined) ?? localeOf(io.env);
    const names = positionals.length ? positionals : ['-'];
    if (names.filter((n) => n === '-').length > 1) throw new ScanUsage('standard input ("-") can be read only once');
    if (names.includes('-') && (!io.stdin || (io.stdin.isTTY && !positionals.length))) throw new ScanUsage('give a log file, or pipe a log into it (agora-rec-codes scan app.log)');
    const sources: ScanSource[] = [];
    for (const name of names) sources.push(name === '-' ? { name: positionals.length > 1 ? '-' : undefined, stream: gunzipped(io.stdin!.stream) } : await openFile(name));
    const result = await scanSources(sources, { locale, method: values.method as Method | undefined });
    const paint: Paint = io.color ? (code, text) => `\x1b[${code}m${text}\x1b[0m` : (_code, text) => text;
    io.stdout((values.json ? scanJson(result, locale) : formatScan(result, locale, paint)) + '\n');
    return result.findings.needAction ? 1 : 0;
  } catch (error) {
    if (!(error instanceof ScanUsage)) throw error;
    io.stderr(`agora-rec-codes scan: ${error.message} (see agora-rec-codes scan --help)\n`);
    return 2;
  }
}
