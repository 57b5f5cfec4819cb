/**
 * What the site's search needs to know of Pagefind's index, read from the
 * files Pagefind wrote (scripts/build-site.ts writes it into each language's
 * /search/{lang}/):
 *
 * - `chunks`, in lexicon.json: the word range of each index chunk (`[from,
 *   to]`, as Pagefind compares words). Each chunk a query's words fall in is
 *   a download of ~25 KB; the engine sends Pagefind only words that share one.
 * - page files p{n}.json: each page Pagefind indexed (its result id) → the
 *   search entry of that page (/search/{lang}/e{n}.json), split by id so that
 *   a search loads the few files of its results at any size. A result the
 *   engine has an entry for needs no fragment download (~1–8 KB each): the
 *   entry holds its code, title, kind and one-line summary.
 *
 * Pagefind's files are gzipped; after the signature `pagefind_dcd`, the
 * metadata is CBOR and a fragment JSON.
 */
import { decode } from 'cborg';
import { gunzipSync } from 'node:zlib';
import { pageFileOf, type PagefindLayout } from '../../site/scripts/pin.ts';

const SIGNATURE = 'pagefind_dcd';

/** About this much JSON per page file. */
const PAGE_FILE_BYTES = 2_000;

/** The layout of one language's index: its chunks' word ranges, each page's search entry, and the URLs of pages without one. */
export type IndexLayout = { chunks: [string, string][]; pages: Record<string, number>; withoutEntry: string[] };

/** The content of a Pagefind file (gzipped, signed): its bytes after the signature. */
function unsigned(file: Uint8Array, name: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = gunzipSync(file);
  } catch (error) {
    throw new Error(`${name}: not a gzipped Pagefind file (${(error as Error).message})`);
  }
  if (new TextDecoder().decode(bytes.subarray(0, SIGNATURE.length)) !== SIGNATURE) {
    throw new Error(`${name}: not a Pagefind file (no ${SIGNATURE} signature)`);
  }
  return bytes.subarray(SIGNATURE.length);
}

/** A fragment's page URL. */
export function fragmentUrl(file: Uint8Array, name: string): string {
  let fragment: { url?: unknown } | null;
  try {
    fragment = JSON.parse(new TextDecoder().decode(unsigned(file, name))) as { url?: unknown } | null;
  } catch (error) {
    if ((error as Error).message.startsWith(name)) throw error;
    throw new Error(`${name}: unreadable fragment (${(error as Error).message})`);
  }
  if (typeof fragment?.url !== 'string') throw new Error(`${name}: a fragment without a url`);
  return fragment.url;
}

/**
 * The layout of one language's index: `meta` is its pagefind.{lang}_{hash}.pf_meta;
 * `urlOf` gives a page id's URL (from its fragment); `entryOf` the search
 * entry of a URL path, if any (a page without one keeps its fragment).
 */
export function indexLayout(
  meta: Uint8Array,
  name: string,
  urlOf: (page: string) => string,
  entryOf: (path: string) => number | undefined,
): IndexLayout {
  // MetaIndex: [version, pages: [hash, word_count, …][], index_chunks: [from, to, hash][], …]
  const bytes = unsigned(meta, name);
  let decoded: unknown[];
  try {
    decoded = decode(bytes) as unknown[];
  } catch (error) {
    throw new Error(`${name}: unreadable metadata (${(error as Error).message})`);
  }
  const [, pages, chunks] = Array.isArray(decoded) ? decoded : [];
  if (!Array.isArray(pages) || !Array.isArray(chunks)) throw new Error(`${name}: unexpected metadata layout (Pagefind version ${String(decoded?.[0])})`);
  const ranges = chunks.map((c, i): [string, string] => {
    if (!Array.isArray(c) || typeof c[0] !== 'string' || typeof c[1] !== 'string') throw new Error(`${name}: index chunk ${i} has no word range`);
    return [c[0], c[1]];
  });
  const byPage: Record<string, number> = {};
  const withoutEntry: string[] = [];
  for (const page of [...pages].map((p) => String((p as unknown[])[0])).sort()) {
    const url = urlOf(page);
    const n = entryOf(new URL(url, 'https://site.invalid/').pathname);
    if (n !== undefined) byPage[page] = n;
    else withoutEntry.push(url);
  }
  return { chunks: ranges, pages: byPage, withoutEntry };
}

/** What the search reads of a layout: `layout` for its lexicon, and the page files by name (p0 …). */
export function layoutFiles({ chunks, pages }: Pick<IndexLayout, 'chunks' | 'pages'>): { layout: PagefindLayout; files: Map<string, Record<string, number>> } {
  const pageFiles = Math.max(1, Math.ceil(JSON.stringify(pages).length / PAGE_FILE_BYTES));
  const files = new Map<string, Record<string, number>>();
  for (let n = 0; n < pageFiles; n++) files.set(`p${n}`, {});
  for (const [page, entry] of Object.entries(pages)) files.get(pageFileOf(page, pageFiles))![page] = entry;
  return { layout: { chunks, pageFiles }, files };
}
