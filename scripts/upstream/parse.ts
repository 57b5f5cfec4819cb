/**
 * Read a copy of Agora's error-code page (Chinese bullets or the English
 * per-method tables, see scripts/check-upstream.ts) into plain facts: which
 * codes, messages, HTTP statuses and states it lists, and the delays, limits
 * and header values its texts state. Pure: page text in, facts out.
 */
import type { Nodes, TableRow } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { METHODS, type Method } from '../catalog/schema.ts';

export type PageFormat = 'zh' | 'en';
export type ItemKind = 'error-code' | 'message-error' | 'http-status' | 'service-state';

/** A value stated in the text of an item, with the page line it was read from. */
export type PageValue =
  | { field: 'delaysMs'; value: number[]; line: number }
  | { field: 'maxBytes' | 'expiresAfterSeconds' | 'characterCount' | 'requestsPerSecond'; value: number; line: number }
  | { field: 'allowedCharacters'; value: string[]; line: number }
  | { field: 'header'; name: string; value: string; line: number };

/** One code, message, status or state the page lists. */
export type PageItem = {
  kind: ItemKind;
  /** "65", "invalid appid", "206", "serviceIdle". */
  id: string;
  line: number;
  /** The page line that lists it, trimmed. */
  excerpt: string;
  /** zh: the methods its text names in `code spans`; en: the methods of its section. */
  methods: Method[];
  /** en only: the HTTP status it comes with. */
  http?: number;
  /** en only: the `reason` string, when the page gives one. */
  reason?: string;
  values: PageValue[];
};

export type PageFacts = {
  format: PageFormat;
  items: PageItem[];
  /** Lines where an entry was expected but could not be read. */
  unparsed: { line: number; text: string }[];
};

type Line = { n: number; text: string };

/** Which format the page is in, or undefined when it is neither. */
export function detectFormat(text: string): PageFormat | undefined {
  if (/^##\s*错误码\s*$/m.test(text)) return 'zh';
  if (/^\|.*HTTP status code/im.test(text)) return 'en';
  return undefined;
}

/** Parse a page; undefined when its format is not recognised. */
export function parsePage(text: string): PageFacts | undefined {
  const format = detectFormat(text);
  if (!format) return undefined;
  const lines = text.split(/\r?\n/).map((t, i) => ({ n: i + 1, text: t }));
  return format === 'zh' ? parseZh(lines) : parseEn(lines);
}

// ---------------------------------------------------------------------------
// Values stated in a text

/** The number captured by the first alternative of `re` that matches. */
const numberIn = (re: RegExp, s: string) => {
  const m = re.exec(s);
  return m ? Number(m.slice(1).find((g) => g !== undefined)) : undefined;
};

/** Every delay, limit and header value stated in these lines (zh or en wording). */
export function valuesIn(lines: Line[]): PageValue[] {
  const values: PageValue[] = [];
  const delays: number[] = [];
  let delaysLine = 0;
  const chars: string[] = [];
  let charsLine = 0;
  for (const { n, text } of lines) {
    for (const m of text.matchAll(/等待\s*(\d+)\s*秒|\bwait(?:ing)?\s+(?:for\s+)?(\d+)\s*(?:s|secs?|seconds?)\b/gi)) {
      delays.push(Number(m[1] ?? m[2]) * 1000);
      delaysLine ||= n;
    }
    const minutes = numberIn(/(\d+)\s*(?:分钟|minutes?\b)/i, text);
    const numbers = {
      maxBytes: numberIn(/(\d+)\s*(?:字节|bytes?\b)/i, text),
      expiresAfterSeconds: minutes === undefined ? undefined : minutes * 60,
      characterCount: numberIn(/(\d+)\s*(?:个字符|characters\b)/i, text),
      requestsPerSecond: numberIn(/每秒\s*(\d+)\s*次|(\d+)\s*requests?\s*(?:per|\/|a)\s*second/i, text),
    };
    for (const [field, value] of Object.entries(numbers) as [keyof typeof numbers, number | undefined][]) {
      if (value !== undefined) values.push({ field, value, line: n });
    }
    // A header and its value: "`Content-type` 为 `application/json;charset=utf-8`".
    for (const m of text.matchAll(/`([A-Za-z]+(?:-[A-Za-z]+)+)`\s*(?:为|must be|should be|is|to)\s*`([^`]+)`/g)) {
      values.push({ field: 'header', name: m[1]!, value: m[2]!, line: n });
    }
    // The listed characters of a character set, in its sub-bullets only:
    // ranges (a-z), the word for the space, and each "quoted" character.
    if (/^\s+[-*]\s/.test(text)) {
      const found: string[] = [];
      for (const m of text.matchAll(/(?<![\w"])([a-zA-Z0-9])-([a-zA-Z0-9])(?![\w"])/g)) {
        for (let c = m[1]!.charCodeAt(0); c <= m[2]!.charCodeAt(0); c++) found.push(String.fromCharCode(c));
      }
      if (/^\s+[-*]\s*(?:空格|(?:the )?space)\s*$/i.test(text)) found.push(' ');
      // The seed prints `" {"` with a stray space: a quoted item is trimmed, unless it is only a space.
      for (const m of text.matchAll(/"([^"]+)"/g)) found.push(...(m[1]!.trim() || ' '));
      if (found.length) {
        chars.push(...found);
        charsLine ||= n;
      }
    }
  }
  if (delays.length) values.push({ field: 'delaysMs', value: delays, line: delaysLine });
  if (chars.length && values.some((v) => v.field === 'characterCount')) {
    values.push({ field: 'allowedCharacters', value: chars, line: charsLine });
  }
  return values;
}

const methodsIn = (text: string): Method[] => {
  const words = [...text.matchAll(/[A-Za-z]+/g)].map((m) => m[0]);
  return METHODS.filter((m) => words.includes(m));
};

/** A cell without `code span` backticks and "quotes" around it. */
const bare = (cell: string) => cell.replace(/^[`"]+|[`"]+$/g, '').trim();

/** The text of a Markdown node: its code spans' and texts' values, without the marks around them. */
function textOf(node: Nodes): string {
  if (node.type === 'break') return ' ';
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

type Row = { n: number; text: string; cells: string[] };
/**
 * The tables of some lines (GitHub-flavoured Markdown, read by micromark: an
 * escaped `\|` stays in its cell), each with its header cells, lower-cased,
 * and its rows: page line number, line text and cell texts.
 */
function tablesIn(lines: Line[]): { header: string[]; rows: Row[] }[] {
  const tree = fromMarkdown(lines.map((l) => l.text).join('\n'), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const tables: { header: string[]; rows: Row[] }[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'table') {
      const [head, ...body] = node.children;
      const row = (r: TableRow): Row => {
        const line = lines[(r.position?.start.line ?? 1) - 1]!;
        return { n: line.n, text: line.text.trim(), cells: r.children.map((cell) => textOf(cell).trim()) };
      };
      tables.push({ header: head ? row(head).cells.map((h) => h.toLowerCase()) : [], rows: body.map(row) });
    } else if ('children' in node) (node.children as Nodes[]).forEach(visit);
  };
  visit(tree);
  return tables;
}

/** The lines of each section, by the text of its heading (of any level); code blocks are left out. */
function sectionsOf(lines: Line[]): { heading: string; lines: Line[] }[] {
  const sections = [{ heading: '', lines: [] as Line[] }];
  let fenced = false;
  for (const line of lines) {
    if (/^\s*(?:```|~~~)/.test(line.text)) fenced = !fenced;
    if (fenced || /^\s*(?:```|~~~)/.test(line.text)) continue;
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line.text);
    if (heading) sections.push({ heading: heading[1]!, lines: [] });
    else sections.at(-1)!.lines.push(line);
  }
  return sections;
}

// ---------------------------------------------------------------------------
// The Chinese page: bullets under `## 错误码`, tables under `## 响应状态码` and `## 服务状态`.

function parseZh(lines: Line[]): PageFacts {
  const items: PageItem[] = [];
  const unparsed: PageFacts['unparsed'] = [];
  for (const section of sectionsOf(lines)) {
    if (section.heading === '错误码') {
      // Each top-level bullet opens an entry; its text runs to the next one.
      const blocks: Line[][] = [];
      for (const line of section.lines) {
        if (/^[-*]\s/.test(line.text)) blocks.push([line]);
        else blocks.at(-1)?.push(line);
      }
      for (const block of blocks) {
        const { n, text } = block[0]!;
        // - `2`：…   - `"invalid appid"`：…   and the odd - `"no Route matched with those values`": …
        const m = /^[-*]\s+`([^`]+)`"?\s*[:：]/.exec(text);
        const id = m && bare(m[1]!);
        if (!id) {
          unparsed.push({ line: n, text: text.trim() });
          continue;
        }
        const blockText = block.map((l) => l.text).join('\n');
        const named = [...blockText.matchAll(/`(\w+)`/g)].map((c) => c[1]!).join(' ');
        items.push({
          kind: /^\d+$/.test(id) ? 'error-code' : 'message-error',
          id,
          line: n,
          excerpt: text.trim(),
          methods: methodsIn(named),
          values: valuesIn(block),
        });
      }
    }
    const kind = section.heading === '响应状态码' ? 'http-status' : section.heading === '服务状态' ? 'service-state' : undefined;
    if (!kind) continue;
    for (const { rows } of tablesIn(section.lines)) {
      for (const row of rows) {
        const id = bare(row.cells[0] ?? '');
        if (kind === 'http-status' ? /^\d{3}$/.test(id) : /^[A-Za-z][A-Za-z0-9]*$/.test(id)) {
          items.push({ kind, id, line: row.n, excerpt: row.text, methods: [], values: valuesIn([row]) });
        } else unparsed.push({ line: row.n, text: row.text });
      }
    }
  }
  return { format: 'zh', items, unparsed };
}

// ---------------------------------------------------------------------------
// The English page: a gateway table (HTTP status code | Message | Description)
// and, under a heading naming one or more methods, tables of
// HTTP status code | Error code | Reason | Description.

function parseEn(lines: Line[]): PageFacts {
  const items: PageItem[] = [];
  const unparsed: PageFacts['unparsed'] = [];
  for (const section of sectionsOf(lines)) {
    const methods = methodsIn(section.heading);
    for (const { header, rows } of tablesIn(section.lines)) {
      const col = (re: RegExp) => header.findIndex((h) => re.test(h));
      const [http, code, reason, message] = [col(/http status/), col(/^(?:error )?code$/), col(/^reason$/), col(/^message$/)];
      if (http < 0) continue;
      for (const row of rows) {
        const status = /\b([1-5]\d\d)\b/.exec(row.cells[http] ?? '')?.[1];
        const base = { line: row.n, excerpt: row.text, methods, http: Number(status), values: valuesIn([row]) };
        if (status && message >= 0 && bare(row.cells[message] ?? '')) {
          items.push({ ...base, kind: 'message-error', id: bare(row.cells[message]!) });
        } else if (status && code >= 0 && methods.length && /^\d+$/.test(bare(row.cells[code] ?? ''))) {
          // A reason cell of "-" (or empty) means the reason varies: it is not compared.
          const why = reason >= 0 ? bare(row.cells[reason] ?? '') : '';
          items.push({ ...base, kind: 'error-code', id: bare(row.cells[code]!), reason: /^[-—–]?$/.test(why) ? undefined : why });
        } else unparsed.push({ line: row.n, text: row.text });
      }
    }
  }
  // Every HTTP status the page uses, once, where it is first used.
  const statuses = new Map<number, PageItem>();
  for (const item of items) {
    if (!statuses.has(item.http!)) {
      statuses.set(item.http!, { kind: 'http-status', id: String(item.http), line: item.line, excerpt: item.excerpt, methods: [], values: [] });
    }
  }
  return { format: 'en', items: [...items, ...statuses.values()], unparsed };
}
