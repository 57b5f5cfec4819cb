/**
 * Diagnose figures: what the diagnose page downloads as JavaScript (the
 * module /lib/diagnose.{lang}.js of a built site, gzipped, with how much of it
 * is the package), and `agora-rec-codes scan` over a large generated log (peak
 * resident memory of the real process, lines and responses found, time).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BROWSER_MODULE } from '../generate/search-build.ts';
import { ROOT } from './workspace.ts';

export type DiagnoseScript = { lang: string; files: string[]; gzipped: number; minified: number; parts: { name: string; minified: number }[] };

/** The goal of the diagnose page's JavaScript per language, gzipped (issue 16). */
export const DIAGNOSE_GOAL = 15_000;
/**
 * While the goal is missed, the most the box's module of each language may
 * weigh, gzipped (the page adds the scripts every page has, about 2 KB):
 * test/site/diagnose-bundle.test.ts holds it there (about 5 % over today's
 * size), so that a change that costs more — the other language's words, full
 * records — fails. Lower it with every gain; once the page meets the goal, the
 * goal less those 2 KB is the ceiling.
 */
// Raised by +960 B (en) and +930 B (zh) for the paste reader's methods named before a response, statuses paired with
// the body on the next lines, HTTP clients' failure reports and the request's verb (what the reader grew, no more).
// Lowered to 27_800 / 29_000 when the package's two tolerant readers of a body became one (src/loose-value.ts), then
// raised to 28_050 / 29_250 by the catalog's fidelity fixes (explain() +175 / +160 B: thenBasis and its texts), then to
// 28_350 / 29_550 by explain()'s fixes from a blind review of whole sessions (+250 / +280 B), then to 29_060 / 30_270 by
// the reader's fixes from a blind review of scan (+704 / +716 B measured: Node's printed errors, a status paired with its
// body across a stack trace, curl's verb, the method a log message names, a body cut inside a string; the undecided heading),
// then to 30_150 / 31_350 by the reader's fixes from a second blind review of explain() (+1_116 / +1_112 B measured: Go's
// %+v structs, PHP's print_r and var_dump, Ruby's hashes, Python's <Response [206]> and prompts, .NET's braced headers, a
// logger's prefix on every line, URL templates, the nearest method before a response), then to 30_650 / 31_850 by the
// reader's fixes from a second blind review of scan (+485 / +490 B measured: a log collector's prefix on every line,
// Elixir's maps and atoms, a client's retry notes, Faraday's and Ktor's status lines, a log export's events read line by line),
// then to 30_700 / 31_900 by explain()'s part of it (+46 / +50 B: bodies as Ruby and Elixir print them, the outcome `undecided`),
// then to 30_720 / 31_930 (+19 / +23 B): a shared link opens scrolled to its verdict; then to 30_750 / 31_950 (+27 / +16 B):
// the source of the step after the retries is named, as the first one is; then to 30_810 / 32_010 (+50 B) when the steps a
// status stands for by body code became one function for explain() and the site (src/meaning.ts bodyCodeMeanings); then to
// 30_910 / 32_110 (+95 B) when the methods a record occurs on became one rule for explain() and the pages (recordMethods);
// then to 31_300 / 32_700 (+363 / +564 B measured) by the fixes from a third blind review of explain() (whole sessions):
// a body cut before `sid`, `resourceId` or the recording's state is undecided (with its words), `Content-Length: 0`,
// a status after a Cloud Recording URL or alone before the body, Chinese punctuation before a body, the one method a
// question in Chinese names, a web stop's upload status in its upload service's payload; then to 32_000 / 33_350
// (+685 / +634 B measured) by the reader's fixes from a third blind review of scan: terminal colours, a logger prefix
// alone as the blank line, a status line after a request to another service, an app's own endpoint, CSV's doubled
// quotes, a body escaped twice, a response object printed before its body, a status before the verb and the URL,
// a one-line record cut at 64 KB read by its message, `acquire failed:` before a client's report; then to 32_220 / 33_580
// (+213 / +219 B) by explain()'s part of a first-time user's review (axios' `data`, a body passed unread); then to
// 32_440 / 33_820 (+211 / +230 B measured) by a fourth blind review of explain(): a body an app wrapped in its own
// object, 435 on `start` without a `sid` undecided, and a question with no response in it read for the code it asks about;
// then to 32_660 / 34_060 (+198 / +222 B measured) by a fifth blind review of explain() and a fidelity audit: Swift's
// print of an HTTPURLResponse with its headers over several lines, a recording status no source lists undecided, and
// HTTP 206's summary saying which advice is the catalog's own; then to 33_380 / 34_830 (+712 / +758 B measured) by the
// reader's fixes from a fourth blind review of scan: a HAR export read entry by entry, a record's status beside its body
// in another part of it (Google Cloud Logging's httpRequest.status), Chinese words for the status, no HTTP 433; then to
// 33_660 / 35_160 (+266 / +315 B measured) by a second fidelity audit of the package's own sentences (a step kept on a
// method no source gives it for labelled ours, a wrong HTTP method one possible cause of `no Route matched`, the four
// credentials checks, a task that has ended or is ending, a retry after each wait in Chinese) and the state that decides;
// then to 34_070 / 35_590 (+408 / +422 B measured) by explain()'s fixes from a third blind audit of whole sessions (a body
// cut inside a state or its `code` undecided, any unknown state undecided, parts that end with a stopping recording, a
// parsed body passed alone, a code given only for another method said as that method's, unknown codes to support);
// then to 34_160 / 35_680 (+88 / +83 B) when a reason that is the code's meaning on other methods gets a step that fits both;
// then to 34_330 / 35_820 (+164 / +131 B) by a blind audit of the CLI on whole session logs: a client's error line after the
// response it logged whole is the same call (the reader), and 65 without its method takes the step most methods take;
// then to 34_420 / 35_910 (+82 B) by a read-back's mends (a note that parts ending with a stopping recording is our
// reading, the meaning a reason names, a wrapped body cut inside its code, an Error not read as a body); then to
// 34_500 / 36_000 (+80 / +86 B) when a body a log cut short is handed to explain() cut where it was (findings.ts cutJson),
// so that a cut inside a state is undecided in the box and in scan as it is in explain(); then to 35_310 / 36_985
// (+808 / +981 B) when the box and scan read a log as sessions (findings.ts): a failure a later success of the same call
// answered is settled, a `query` or `stop` that finds the task gone after the log's own `stop` of it is expected, each said
// in words; and 435's step says that no file was made and what to check next time; then to 36_360 / 38_010 (+1048 /
// +1021 B) by explain()'s fixes from a fourth blind audit of whole sessions (+322 / +364 B, see the package's ceilings)
// and the reader's from a blind audit of the CLI on session logs: another service's responses (a URL, curl -v's path
// and Host) left out, a body cut before its code kept with the status and method of its line, the method of a line that
// says a call failed carried to the exception after it, a proxy's HTML page after a status as its body, a success body
// without its key field read, the methods' Chinese names (开始录制, 查询云端录制); a heading with the waits a Retry-After makes;
// then to 36_425 / 38_065 (+63 / +52 B) for 201 on `stop` said as ours and an undecided 435 citing no advice; then to
// 36_960 / 38_615 (+532 / +546 B) for a read-back's mends: responses linked only by a task they share (the reader takes
// the resource ID and sid of a request's URL) or, naming none, within 50 lines; a body cut short rebuilt along the path
// the reader was at (FoundResponse.cut); a URL mentioned on a line is no request; and explain()'s (+138 / +154 B, see the package's).
// Then to 37_000 / 38_660 (+40 / +44 B) when 206's advice says how to tell its cases apart and a cut `stop` answer is read whole.
// Then to 37_120 / 38_795 (+120 / +135 B) for the note on a repeated `start` taken as done without a `sid`.
// Then to 37_370 / 39_045 (+250 / +247 B) by blind audits of the CLI and the package: a record's context fields with its
// body under `body`, truncation marks, an error cut before its code, a Response given as body, Retry-After over a day.
// Then to 37_565 / 39_235 (+191 / +187 B) when explain() and retryPolicy() take one rule for a code given alone; then to
// 37_570 / 39_245 when a Retry-After lengthens only the first wait (waitsAfter, shared by explain() and scan's heading);
// then to 37_610 / 39_290 when a plain-text body that is a reason is read as it, and METHODS and METHOD_VERBS are frozen;
// then to 37_635 / 39_310 when status 8 in `stop`'s own answer is what the stop asked for; then to 37_810 / 39_485 when
// an HTTP client's error given whole is its response, and a plain-text body is a reason only where it is one; then to
// 37_815 / 39_490 when status 20 in `stop`'s own answer is no call for a new recording either; then to 37_947 / 39_623
// when a `stop` without an upload status says to check the storage, and a sub-service that uploaded only part says what is
// left; then to 38_221 / 39_921 for a blind audit's fixes to explain() (a task gone on `stop`, a new resource ID on a
// running task's method, a step of none given only for other methods, Retry-After from a Map) and a proxy's page logged
// as the text of a JSON record's body; then to 38_244 / 39_948 when a status alone whose body codes include one taken as
// done (400 on `stop`: 49) is undecided; then to 38_248 / 39_948 when a finding every response of which a later one
// settled is headed so, with what settled it as its next step; then to 38_719 / 40_379 when a paste's framing around a
// body is no body (curl --raw's chunk sizes, Ktor's COMMON HEADERS, a traceback), a HAR body saved as base64 is decoded,
// .NET's `Body:` line is the body, and a Chinese log's keys (错误码, 错误原因) are read (38_706 / 40_382 once the method
// word of such a line is found without a lookbehind, which Safari before 16.4 cannot parse).
export const DIAGNOSE_CEILING: Record<'en' | 'zh', number> = { en: 38_706, zh: 40_382 };

/** /lib/diagnose.{lang}.js bundled in memory from its source, with scripts/build-site.ts's options, and the bytes each module adds. */
export async function diagnoseBundle(lang: 'en' | 'zh') {
  const result = await build({
    entryPoints: [join(ROOT, 'site', 'scripts', `diagnose.${lang}.ts`)],
    ...BROWSER_MODULE,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  return { result, text: result.outputFiles[0].text, minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}

/** The JavaScript /{lang}/diagnose/ loads (its <script src> files, gzipped at level 9), and which part of it is whose. */
export async function diagnoseScript(site: string, lang: 'en' | 'zh'): Promise<DiagnoseScript> {
  const html = readFileSync(join(site, lang, 'diagnose', 'index.html'), 'utf8');
  const files = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  const bytes = files.map((f) => readFileSync(join(site, f)));
  const { result } = await diagnoseBundle(lang);
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs);
  const sum = (test: (path: string) => boolean) => inputs.filter(([path]) => test(path)).reduce((n, [, i]) => n + i.bytesInOutput, 0);
  const ours = (path: string) => /src\/(response-text|findings)\.ts$|site\//.test(path);
  return {
    lang,
    files,
    minified: bytes.reduce((n, b) => n + b.length, 0),
    gzipped: bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    parts: [
      { name: 'the package: explain() with its records and one language\'s texts', minified: sum((p) => !ours(p)) },
      { name: 'reading a paste (response-text, findings) and the box (site/scripts/diagnose*)', minified: sum(ours) },
    ],
  };
}

/** A small deterministic generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE = 'https://api.sd-rtn.com/v1/apps/6f1c2a/cloud_recording';
/** Lines as services log them: mostly noise, and Cloud Recording calls in every shape the reader knows. */
const SHAPES: ((r: () => number, n: number) => string)[] = [
  (_r, n) => `2024-05-01 10:00:${String(n % 60).padStart(2, '0')},118 INFO  [http-nio-8080-exec-${n % 9}] c.e.recorder.Health - ok in ${n % 97} ms\n`,
  (_r, n) => `{"level":30,"time":${1714557600000 + n},"pid":412,"msg":"request completed","route":"/rooms/${n % 1000}","ms":${n % 300}}\n`,
  (_r, n) => `10.0.3.17 - - [01/May/2024:10:00:04 +0000] "GET /rooms/${n % 1000} HTTP/1.1" 200 ${n % 4000} "-" "okhttp/4.12.0"\n`,
  (_r, n) => `{"level":50,"time":${1714557600000 + n},"msg":"agora response","statusCode":206,"url":"${BASE}/resourceid/R${n}/mode/mix/start","responseBody":"{\\"code\\":65,\\"reason\\":\\"request not completed\\"}"}\n`,
  (_r, n) => `2024-05-01 10:00:09,020 WARN  c.e.recorder.AgoraClient - start failed, status=400, body={"code":53,"reason":"task conflict","resourceId":"R${n}"}, url=${BASE}/resourceid/R${n}/mode/individual/start\n`,
  (_r, n) => `10.0.3.17 - - [01/May/2024:10:00:05 +0000] "POST /v1/apps/6f1c2a/cloud_recording/resourceid/R${n}/sid/S${n}/mode/mix/stop HTTP/1.1" ${n % 3 ? 200 : 404} 228 "-" "okhttp/4.12.0"\n`,
  (_r, n) => `[2024-05-01T10:01:12.004Z] error: query failed { code: 404,\n  reason: 'failed to find worker',\n  serverResponse: { command: 'QueryCloudRecorder', payload: { message: 'failed to find worker' } },\n  sid: 'S${n}' }\n`,
  (r, n) => `{"level":30,"msg":"agora response","statusCode":200,"url":"${BASE}/resourceid/R${n}/sid/S${n}/mode/mix/query","responseBody":{"resourceId":"R${n}","sid":"S${n}","serverResponse":{"status":${[0, 1, 4, 5, 20][Math.floor(r() * 5)]}}}}\n`,
];
/** How often each shape comes: noise most of the time. */
const WEIGHTS = [30, 30, 20, 3, 2, 2, 1, 2];

/** Write a log of about `bytes` bytes to `file`, streaming (never more than a chunk in memory). */
export async function writeLog(file: string, bytes: number, seed = 1): Promise<{ bytes: number }> {
  const r = random(seed);
  const total = WEIGHTS.reduce((a, b) => a + b, 0);
  const pick = () => {
    let x = r() * total;
    for (let i = 0; i < WEIGHTS.length; i++) {
      x -= WEIGHTS[i];
      if (x < 0) return i;
    }
    return 0;
  };
  const out = createWriteStream(file);
  let written = 0;
  let n = 0;
  while (written < bytes) {
    let chunk = '';
    while (chunk.length < 1 << 20) chunk += SHAPES[pick()](r, n++);
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise((ok) => out.once('drain', ok));
  }
  await new Promise((ok) => out.end(ok));
  return { bytes: statSync(file).size };
}

export type ScanRun = { bytes: number; lines: number; responses: number; findings: number; seconds: number; peakMB: number };

/** Run the package's CLI (`dist/esm/cli.js scan <file> --json`) as its own process; its peak resident memory, from process.resourceUsage(). */
export function scanRun(dist: string, file: string): Promise<ScanRun> {
  const report = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss="+process.resourceUsage().maxRSS+"\\n"))';
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', report, join(dist, 'esm', 'cli.js'), 'scan', file, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /maxrss=(\d+)/.exec(stderr);
      if (code === 2 || !rss) return reject(new Error(`scan exited with ${code}: ${stderr.slice(0, 500)}`));
      const out = JSON.parse(stdout) as { lines: number; responses: number; findings: unknown[] };
      resolve({ bytes: statSync(file).size, lines: out.lines, responses: out.responses, findings: out.findings.length, seconds: (performance.now() - started) / 1000, peakMB: Number(rss[1]) / 1024 });
    });
  });
}

/** Scan generated logs of each size in `sizes` (bytes), each written to a temporary file and removed after. */
export async function scanFigures(dist: string, dir: string, sizes: number[]): Promise<ScanRun[]> {
  const runs: ScanRun[] = [];
  for (const [i, bytes] of sizes.entries()) {
    const file = join(dir, `scan-${i}.log`);
    try {
      await writeLog(file, bytes);
      runs.push(await scanRun(dist, file));
    } finally {
      rmSync(file, { force: true });
    }
  }
  return runs;
}
