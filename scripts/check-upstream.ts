/**
 * npm run check:upstream -- [--json] <file>
 *
 * Read a saved copy of Agora's error-code page and compare it with the catalog:
 * list every code, message, HTTP status or service state the catalog lacks,
 * and every delay, limit or header value that differs. One line per
 * difference, then a summary; `--json` prints the same as JSON.
 * Exit status: 0 when everything matches, 1 when anything differs, 2 on bad
 * usage, an unreadable file, a page in neither format, or a catalog that does
 * not pass `npm run check`.
 *
 * The format is detected from the text; two are read.
 *
 * 1. The Chinese page "错误码和状态码" (docs.agora.io/cn/cloud-recording/common_errors), as Markdown:
 *      ## 错误码
 *      - `65`：……第一次等待 3 秒后重试、第二次等待 6 秒后重试。       a body code
 *      - `"invalid appid"`：……                                        a message
 *      - `"no Route matched with those values`": ……                    (the odd quoting is read too)
 *        - sub-bullets and following lines belong to the entry above
 *      ## 响应状态码    a table whose first column is the HTTP status (| 200 | 请求成功。 |)
 *      ## 服务状态      a table whose first column is the state (| "serviceIdle" | … |)
 *    A page with a `## 错误码` heading is read as this format.
 *
 * 2. The English page "Response status codes" (docs.agora.io/en/cloud-recording/rest-api/status-codes), as Markdown:
 *      ## Gateway errors
 *      | HTTP status code | Message | Description |                   one row per gateway message
 *      ### acquire          (a heading naming one or more methods: "### query, update, and updateLayout")
 *      | HTTP status code | Error code | Reason | Description |       one row per code on those methods
 *    A reason cell of "-" means the reason varies; it is then not compared.
 *    A page with a table headed "HTTP status code" is read as this format.
 *    Every HTTP status used in its tables must be in the catalog too.
 *
 * What is compared:
 *  - presence: a body code needs an `error-code` record with that code; a message a
 *    `message-error` record with that exact `message` (a match that differs only in
 *    letter case is reported as `case`); statuses and states their records;
 *  - English page: each (HTTP status, code, reason) on a method must be one of the
 *    record's meanings on that method; a message's HTTP status one of its meanings';
 *  - values the text of an entry states (values the page does not state are not checked):
 *    delays "等待 3 秒" / "wait 3 s" vs the retry delaysMs of the record or of its meanings
 *    on the methods the text names; "64 字节" / "64 bytes" vs facts.maxBytes; "5 分钟" /
 *    "5 minutes" vs facts.expiresAfterSeconds; "89 个字符" / "89 characters" and the
 *    characters listed in its sub-bullets vs facts.allowedCharacters; "`Content-type` 为 `…`"
 *    vs facts.headers; "每秒 10 次" / "10 requests per second" vs facts.requestsPerSecond.
 *  - a bullet or table row that cannot be read is reported as `unparsed`.
 */
import { readFileSync } from 'node:fs';
import { formatProblems, loadCatalog } from './catalog/load.ts';
import { compare, formatDifference } from './upstream/compare.ts';
import { parsePage } from './upstream/parse.ts';

const USAGE = 'usage: npm run check:upstream -- [--json] <file>   (a saved copy of Agora\'s error-code page, Chinese or English, as Markdown)';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const json = args.includes('--json');
const rest = args.filter((a) => a !== '--json');
const unknown = rest.filter((a) => a.startsWith('-'));
if (unknown.length) fail(`unknown option ${unknown.join(', ')}\n${USAGE}`);
if (rest.length !== 1) fail(`${rest.length ? 'give exactly one file' : 'no file given'}\n${USAGE}`);
const file = rest[0]!;

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  fail(`cannot read ${file}: ${(error as Error).message}`);
}
const facts = parsePage(text);
if (!facts) fail(`${file} is not a copy of Agora's error-code page: it has no "## 错误码" section and no table headed "HTTP status code".`);
if (!facts.items.length) fail(`${file}: found no error code, message, HTTP status or state on the page.`);

const { catalog, problems } = loadCatalog();
if (problems.length) {
  fail(`cannot compare: the catalog has ${problems.length} problem(s) (see npm run check):\n${formatProblems(problems).join('\n')}`);
}

const differences = compare(facts, catalog);
const page = facts.format === 'zh' ? 'Chinese page' : 'English page';
const summary = differences.length
  ? `✗ ${differences.length} difference(s) between ${file} (${page}) and the catalog: ` +
    (['missing', 'differs', 'case', 'unparsed'] as const)
      .map((type) => [type, differences.filter((d) => d.type === type).length] as const)
      .filter(([, n]) => n)
      .map(([type, n]) => `${n} ${type}`)
      .join(', ') +
    '.'
  : `✓ ${file} (${page}) matches the catalog: ${facts.items.length} entries checked.`;

if (json) {
  const list = differences.map(({ type, kind, id, subject, detail, page, catalog, line, excerpt }, i) => (
    { type, kind, id, subject, detail, page, catalog, line, excerpt, text: formatDifference(differences[i]!) }
  ));
  console.log(JSON.stringify({ file, format: facts.format, checked: facts.items.length, differences: list, summary }, null, 2));
} else {
  for (const d of differences) console.log(formatDifference(d));
  if (differences.length) console.log('');
  console.log(summary);
}
process.exit(differences.length ? 1 : 0);
