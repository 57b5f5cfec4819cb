/**
 * A guide as prose: its MDX read the way a reader reads the page, one block
 * per paragraph, list item, heading, table cell or code comment, each with its
 * line in the .mdx file. Components become what they stand for:
 *
 * - <Rec of="error-code:65" />, <Rec message="…" />  → ⟦rec:error-code:65⟧ (an exact mention)
 * - <RetryOf of="…" method="start" />               → ⟦policy:error-code:65@start⟧ (the catalog's own words)
 * - <Fact of="…" name="maxBytes" />                  → the value, as the page shows it
 * - <Cite id="seed sc" />                            → ⟦cite:seed sc⟧
 * - <Example file="integrate.ts" />                  → the example's comments in the guide's language
 * - tables, lists and checkers rendered from the catalog (RecordTable, Meanings, Steps, MethodTable, …)
 *   say what the catalog says by construction and are left out; they are listed in `components`.
 *
 * Nothing here knows Astro: it reads the same files the site renders.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { CatalogRecord } from '../../scripts/catalog/schema.ts';
import { localizeExample } from '../../site/lib/example.ts';

export type Lang = 'zh' | 'en';
export type Block = { text: string; line: number; kind: 'prose' | 'heading' | 'comment' };
export type Component = { name: string; props: Record<string, string>; line: number };
export type RenderedGuide = {
  blocks: Block[];
  components: Component[];
  /** every source id the guide cites */
  cited: string[];
  /** the ids its <SourceList> names */
  listed: string[];
  /** the first element of the guide's body (after the imports) */
  first?: string;
  /** problems met while rendering: an unknown record, fact or component */
  problems: string[];
};

export const EXAMPLES_DIR = join(import.meta.dirname, '..', '..', 'examples');

const JSX = /<([A-Z][A-Za-z]*)((?:\s+[A-Za-z]+=(?:"[^"]*"|\{[^}]*\}))*)\s*(\/?)>|<\/([A-Z][A-Za-z]*)>/g;
const PROP = /([A-Za-z]+)=(?:"([^"]*)"|\{([^}]*)\})/g;

/** The components that render catalog data as a whole (tables, lists, the checker): not prose. */
const CATALOG_RENDERED = new Set(['RecordTable', 'Meanings', 'Steps', 'MethodTable', 'ChannelNameChecker', 'SourceList']);
const WRAPPERS = new Set(['InOneMinute']);

function factText(record: CatalogRecord, name: string): string | undefined {
  const facts = record.facts ?? {};
  if (name === 'allowedCount') return facts.allowedCharacters ? String([...facts.allowedCharacters].length) : undefined;
  const value = (facts as Record<string, unknown>)[name];
  return value === undefined ? undefined : name === 'allowedCharacters' ? '⟦characters⟧' : String(value);
}

/** Render one guide's MDX source. `records` is the catalog the site is built from. */
export function renderGuide(source: string, lang: Lang, records: readonly CatalogRecord[], file = 'guide.mdx'): RenderedGuide {
  const problems: string[] = [];
  const components: Component[] = [];
  const cited: string[] = [];
  const listed: string[] = [];
  const extra: Block[] = [];
  const byRef = new Map(records.map((r) => [`${r.kind}:${r.code}`, r]));

  // Front matter and imports keep their lines (blank), so line numbers stay those of the file.
  const lines = source.split('\n');
  let i = 0;
  if (lines[0] === '---') {
    lines[0] = '';
    for (i = 1; i < lines.length && lines[i] !== '---'; i++) lines[i] = '';
    if (i < lines.length) lines[i] = '';
  }
  for (let j = 0; j < lines.length; j++) if (/^(import|export)\s/.test(lines[j]!)) lines[j] = '';
  let body = lines.join('\n');
  const firstLine = lines.find((l) => l.trim() !== '');
  const first = firstLine?.trim();

  const lineAt = (offset: number) => body.slice(0, offset).split('\n').length;
  body = body.replace(JSX, (match, name: string | undefined, attrs: string | undefined, _selfClosing, closing: string | undefined, offset: number) => {
    if (closing) return WRAPPERS.has(closing) ? '' : match;
    const props: Record<string, string> = {};
    for (const p of (attrs ?? '').matchAll(PROP)) props[p[1]!] = p[2] ?? p[3] ?? '';
    const line = lineAt(offset);
    components.push({ name: name!, props, line });
    const where = `${file}:${line}`;
    const record = (ref: string | undefined) => {
      const r = ref ? byRef.get(ref) : undefined;
      if (!r) problems.push(`${where}: <${name}> names ${ref ?? 'nothing'}, which is not in the catalog`);
      return r;
    };
    switch (name) {
      case 'Rec': {
        if (props.message !== undefined) {
          const r = records.find((x) => x.kind === 'message-error' && x.message === props.message);
          if (!r) problems.push(`${where}: <Rec message="${props.message}">: no such gateway message in the catalog`);
          return r ? `⟦rec:message-error:${r.code}⟧` : '⟦rec:?⟧';
        }
        return record(props.of) ? `⟦rec:${props.of}⟧` : '⟦rec:?⟧';
      }
      case 'RetryOf':
        return record(props.of) ? `⟦policy:${props.of}${props.method ? `@${props.method}` : ''}⟧` : '⟦rec:?⟧';
      case 'Fact': {
        const r = record(props.of);
        const text = r && factText(r, props.name ?? '');
        if (r && text === undefined) problems.push(`${where}: ${props.of} has no fact ${props.name}`);
        return text ?? '⟦?⟧';
      }
      case 'Cite':
        cited.push(...(props.id ?? '').split(/\s+/).filter(Boolean));
        return `⟦cite:${props.id ?? ''}⟧`;
      case 'Example': {
        try {
          const code = localizeExample(readFileSync(join(EXAMPLES_DIR, props.file ?? ''), 'utf8'), lang);
          // One block per run of comment lines (a comment is often a sentence over two lines).
          let comment: Block | undefined;
          for (const [k, l] of code.split('\n').entries()) {
            const m = /^\s*\/\/ ?(.*)$/.exec(l);
            if (!m) comment = undefined;
            else if (comment) comment.text += ` ${m[1]}`;
            else {
              comment = { text: m[1] ?? '', line: k + 1, kind: 'comment' };
              extra.push(comment);
            }
          }
        } catch (error) {
          problems.push(`${where}: <Example file="${props.file}">: ${(error as Error).message}`);
        }
        return '';
      }
      case 'SourceList':
        listed.push(...(props.id ?? '').split(/\s+/).filter(Boolean));
        return '';
      default:
        if (CATALOG_RENDERED.has(name!) || WRAPPERS.has(name!)) return '';
        problems.push(`${where}: <${name}> is a component this check does not know; teach test/guides/render.ts what it renders`);
        return '';
    }
  });

  const blocks: Block[] = [];
  const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  type Node = { type: string; value?: string; lang?: string | null; children?: Node[]; position?: { start: { line: number } } };
  const inline = (n: Node): string => {
    if (n.type === 'text') return n.value ?? '';
    if (n.type === 'inlineCode') return `\`${n.value}\``;
    if (n.type === 'break') return ' ';
    if (n.type === 'html') return n.value ?? '';
    return (n.children ?? []).map(inline).join('');
  };
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  const walk = (n: Node) => {
    const line = n.position?.start.line ?? 0;
    switch (n.type) {
      case 'paragraph':
        blocks.push({ text: flat(inline(n)), line, kind: 'prose' });
        return;
      case 'heading':
        blocks.push({ text: flat(inline(n)), line, kind: 'heading' });
        return;
      case 'tableCell':
        blocks.push({ text: flat(inline(n)), line, kind: 'prose' });
        return;
      case 'code':
        // Comments are prose too; the code itself is checked by running it.
        for (const [k, l] of (n.value ?? '').split('\n').entries()) {
          const m = /(?:^|\s)\/\/ ?(.*)$/.exec(l);
          if (m && !/['"`]/.test(l.slice(0, l.indexOf('//')).replace(/'[^']*'|"[^"]*"|`[^`]*`/g, ''))) blocks.push({ text: m[1]!, line: line + 1 + k, kind: 'comment' });
        }
        return;
      default:
        for (const c of n.children ?? []) walk(c);
    }
  };
  walk(tree as Node);
  return { blocks: [...blocks.filter((b) => b.text !== ''), ...extra], components, cited, listed, first, problems };
}
