/**
 * The package runs in a browser: the built ESM, bundled for the browser by
 * esbuild (which fails on any Node built-in), answers lookup, explain and
 * validateChannelName inside Chromium.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { useChromium } from './chromium.ts';

const root = new URL('../..', import.meta.url).pathname;
const chromium = useChromium();

async function bundle(entry: string): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import * as pkg from ${JSON.stringify(join(root, 'dist/esm', entry))}; window.pkg = pkg;`,
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

describe('the package in a browser', () => {
  for (const [entry, locale] of [['index.js', 'en'], ['zh.js', 'zh']] as const) {
    it(`dist/esm/${entry} works in Chromium`, async () => {
      const page = await chromium.browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent('<!doctype html><title>package</title>');
      await page.addScriptTag({ content: await bundle(entry) });
      const out = await page.evaluate(() => {
        // biome-ignore lint/suspicious/noExplicitAny: the package's functions, called with whatever each check passes
        const pkg = (window as unknown as { pkg: Record<string, (...a: unknown[]) => any> & { ErrorCode: Record<string, number> } }).pkg;
        const d = pkg.explain({ status: 206, body: '{"code":65,"reason":"request not completed"}', method: 'start' });
        return {
          constant: pkg.ErrorCode.RESOURCE_ID_EXPIRED,
          ref: pkg.lookup(' invalid AppID ')?.ref,
          locale: pkg.lookup(433)?.locale,
          delays: d.retry.delaysMs,
          channel: pkg.validateChannelName('会议室').reason,
        };
      });
      expect(out).toEqual({ constant: 433, ref: 'message-error:invalid-appid', locale, delays: [3000, 6000], channel: 'character' });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
