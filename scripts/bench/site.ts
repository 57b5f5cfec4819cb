/**
 * Site figures read from a built site on disk: its pages, its Pagefind index
 * (bytes on disk, per language), and where a build's time went (parsed from
 * the output of scripts/build-site.ts and Astro).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir`, as paths relative to it. */
function files(dir: string, base = ''): string[] {
  return readdirSync(join(dir, base), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(dir, join(base, e.name)) : [join(base, e.name)],
  );
}

export const countPages = (site: string): number => files(site).filter((f) => f.endsWith('.html')).length;

export type IndexSize = { total: number; en: number; zh: number; runtime: number };

/**
 * Bytes on disk of site/pagefind: in all; each language's index (its
 * pf_meta, index chunks, fragments and filters); and the rest (Pagefind's
 * scripts, WebAssembly and UI files, the same at any size).
 */
export function pagefindSize(site: string): IndexSize {
  const dir = join(site, 'pagefind');
  const size: IndexSize = { total: 0, en: 0, zh: 0, runtime: 0 };
  for (const f of files(dir)) {
    const bytes = statSync(join(dir, f)).size;
    size.total += bytes;
    const lang = /(?:^|[/.])(en|zh-cn)_[0-9a-f]+\.pf_/.exec(f)?.[1];
    if (lang === 'en') size.en += bytes;
    else if (lang === 'zh-cn') size.zh += bytes;
    else size.runtime += bytes;
  }
  return size;
}

export type SitePhases = { content?: number; render?: number; astro?: number };

/** Seconds, from Astro's log of build-site: content sync, rendering the pages, and all of `astro build`. */
export function sitePhases(log: string): SitePhases {
  // eslint-disable-next-line no-control-regex
  const text = log.replace(/\x1b\[[0-9;]*m/g, '');
  const seconds = (m: RegExpExecArray | null) => (m ? Number(m[1]) / (m[2] === 'ms' ? 1000 : 1) : undefined);
  return {
    content: seconds(/\[types\] Generated ([\d.]+)(m?s)/.exec(text)),
    render: seconds(/generating static routes[\s\S]*?Completed in ([\d.]+)(m?s)/.exec(text)),
    astro: seconds(/page\(s\) built in ([\d.]+)(m?s)/.exec(text)),
  };
}
