/**
 * /{lang}/search/pin/k{n}.json and e{n}.json: the search page's pinning data
 * split by key (site/scripts/pin.ts), so that a search downloads a few small
 * files, whatever the size of the catalog.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { codeEntries } from '../../../../lib/code-entries.ts';
import { LANGS, type Lang } from '../../../../lib/i18n.ts';
import { entryKeys, PIN_ENTRIES_PER_FILE, pinFiles, shardOf } from '../../../../scripts/pin.ts';

const files = new Map<Lang, Promise<Map<string, unknown>>>();

/** Every file of one language, by name. */
function pinData(lang: Lang): Promise<Map<string, unknown>> {
  if (!files.has(lang)) {
    files.set(
      lang,
      codeEntries(lang).then((entries) => {
        const n = pinFiles(entries.length);
        const keys = Array.from({ length: n }, () => ({}) as Record<string, number[]>);
        entries.forEach((e, i) => {
          for (const key of entryKeys(e)) {
            const shard = keys[shardOf(key, n)];
            shard[key] ??= [];
            shard[key].push(i);
          }
        });
        const out = new Map<string, unknown>();
        keys.forEach((k, j) => out.set(`k${j}`, k));
        for (let j = 0; j * PIN_ENTRIES_PER_FILE < entries.length; j++) {
          out.set(`e${j}`, entries.slice(j * PIN_ENTRIES_PER_FILE, (j + 1) * PIN_ENTRIES_PER_FILE));
        }
        return out;
      }),
    );
  }
  return files.get(lang)!;
}

export const getStaticPaths: GetStaticPaths = async () =>
  (await Promise.all(LANGS.map(async (lang) => [...(await pinData(lang)).keys()].map((file) => ({ params: { lang, file } }))))).flat();

export const GET: APIRoute = async ({ params }) => {
  const data = (await pinData(params.lang as Lang)).get(params.file!);
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
};
