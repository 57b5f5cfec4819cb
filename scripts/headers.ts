/**
 * The site's response headers, from one file: site/public/_headers (Netlify and
 * Cloudflare Pages syntax), which the build copies to build/site/_headers.
 * scripts/serve.ts sends what it says, site/layouts/Base.astro repeats its
 * Content-Security-Policy in a <meta>, and the tests hold both to it.
 *
 *   # comment
 *   /pagefind/*            a path: `*` matches anything (slashes too), `:name` one segment
 *     Name: value          indented: a header for the paths above
 *
 * Every rule whose path matches applies; a header set by more than one rule
 * keeps each value, joined by ", " (as Cloudflare Pages does).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** site/public/_headers: the file the build ships. */
export const HEADERS_FILE = fileURLToPath(new URL('../site/public/_headers', import.meta.url));

export type HeaderRule = { path: string; headers: [name: string, value: string][] };

/** Parse a `_headers` file; throws on a line it does not understand, with its number. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      if (!line.startsWith('/')) throw new Error(`_headers:${i + 1}: a path must start with /: ${line}`);
      rules.push({ path: line.trim(), headers: [] });
      return;
    }
    const m = /^\s+([!-9;-~]+):\s*(.*?)\s*$/.exec(line);
    if (!m) throw new Error(`_headers:${i + 1}: expected "Name: value": ${line.trim()}`);
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers:${i + 1}: a header before any path`);
    rule.headers.push([m[1], m[2]]);
  });
  return rules;
}

const escapeRegExp = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Does a `_headers` path pattern match a URL path? */
export function pathMatches(pattern: string, pathname: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z_]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : escapeRegExp(part)))
    .join('');
  return new RegExp(`^${source}$`, 's').test(pathname);
}

/** The headers for a URL path: names lower-cased, in the order the file gives them. */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!pathMatches(rule.path, pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = key in out ? `${out[key]}, ${value}` : value;
    }
  }
  return out;
}

export const readHeaders = (file: string = HEADERS_FILE): HeaderRule[] => parseHeaders(readFileSync(file, 'utf8'));

/** Directives a <meta> policy may not carry (browsers ignore them there, with a console error). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

/** The Content-Security-Policy that applies to HTML pages (the `/*` rule), as the header sends it. */
export function pagePolicy(rules: HeaderRule[]): string {
  const policy = headersFor(rules, '/')['content-security-policy'];
  if (!policy) throw new Error('_headers sets no Content-Security-Policy for /');
  return policy;
}

/** The same policy for <meta http-equiv="Content-Security-Policy">: without its header-only directives. */
export function metaPolicy(policy: string): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !HEADER_ONLY.has(d.split(/\s+/)[0].toLowerCase()))
    .join('; ');
}
