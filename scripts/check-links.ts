/**
 * npm run check:links — every internal link and anchor of the built site
 * resolves: each href/src that points into the site names a file that exists,
 * and each #fragment names an id (or name) on the page it points to.
 * `npm run check:links -- <dir>` checks another build (default build/site).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'htmlparser2';

export type LinkProblem = { page: string; link: string; problem: string };

type Page = { ids: Set<string>; links: string[] };

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(path));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

function readPage(path: string): Page {
  const ids = new Set<string>();
  const links: string[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      if (attrs.id) ids.add(attrs.id);
      if (name === 'a' && attrs.name) ids.add(attrs.name);
      for (const attr of ['href', 'src']) {
        const value = attrs[attr];
        if (value !== undefined && !(name === 'link' && /\b(preconnect|dns-prefetch)\b/.test(attrs.rel ?? ''))) links.push(value);
      }
    },
  });
  parser.write(readFileSync(path, 'utf8'));
  parser.end();
  return { ids, links };
}

/** A percent-decoded URL part, or undefined when it holds a bad escape (`%E0%A4%A`, `%zz`). */
function decoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** The file a (decoded) site path is served from, or undefined. */
function fileFor(root: string, pathname: string): string | undefined {
  const base = resolve(root);
  const path = join(base, pathname);
  if (path !== base && !path.startsWith(base + sep)) return undefined;
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  if (existsSync(index)) return index;
  if (existsSync(`${path}.html`)) return `${path}.html`;
  return undefined;
}

export function checkLinks(root: string, siteUrl?: string): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const pages = new Map<string, Page>();
  const pageOf = (file: string) => {
    if (!pages.has(file)) pages.set(file, readPage(file));
    return pages.get(file)!;
  };
  for (const file of htmlFiles(root).sort()) {
    const pagePath = '/' + relative(root, file).replace(/index\.html$/, '').replace(/\\/g, '/');
    for (const raw of pageOf(file).links) {
      const link = raw.trim();
      if (!link || /^(mailto|tel|data|blob):/i.test(link)) continue;
      if (/^javascript:/i.test(link)) {
        problems.push({ page: pagePath, link, problem: 'a javascript: URL' });
        continue;
      }
      let url: URL;
      try {
        url = new URL(link, `https://site.invalid${pagePath}`);
      } catch {
        problems.push({ page: pagePath, link, problem: 'not a valid URL' });
        continue;
      }
      const internal = url.origin === 'https://site.invalid' || (siteUrl !== undefined && link.startsWith(siteUrl + '/'));
      if (!internal) continue;
      const pathname = url.origin === 'https://site.invalid' ? url.pathname : new URL(link).pathname;
      const path = decoded(pathname);
      const fragment = decoded(url.hash.slice(1));
      if (path === undefined || fragment === undefined) {
        // A browser would keep the escape as it is and find no such page or anchor.
        problems.push({ page: pagePath, link, problem: `a bad percent escape in its ${path === undefined ? 'path' : 'fragment'} (not %XX bytes of UTF-8)` });
        continue;
      }
      const target = fileFor(root, path);
      if (!target) {
        problems.push({ page: pagePath, link, problem: `no file for ${pathname}` });
        continue;
      }
      if (fragment && target.endsWith('.html') && !pageOf(target).ids.has(fragment)) {
        problems.push({ page: pagePath, link, problem: `no element with id "${fragment}" on ${pathname}` });
      }
    }
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = process.argv[2] ?? fileURLToPath(new URL('../build/site/', import.meta.url));
  const { SITE_URL } = await import('./site-url.ts');
  if (!existsSync(root)) {
    console.error(`check:links: no built site at ${root} (run npm run build first)`);
    process.exit(2);
  }
  const problems = checkLinks(root, SITE_URL);
  for (const p of problems) console.error(`${p.page}: ${p.link} — ${p.problem}`);
  if (problems.length) {
    console.error(`\n✗ ${problems.length} broken link(s).`);
    process.exit(1);
  }
  console.log('✓ every internal link and anchor resolves.');
}
