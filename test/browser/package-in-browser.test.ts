/**
 * The package runs in a browser: each entry point, bundled by esbuild as a
 * consumer's bundler does (through the package's `exports` with the browser's
 * conditions; esbuild fails on any Node built-in), answers lookup, explain,
 * validateChannelName and the client helpers fromResponse and withRetry inside
 * Chromium, with real Response objects — in its own language.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { useChromium } from './chromium.ts';

const root = new URL('../..', import.meta.url).pathname;
const chromium = useChromium();

/** A consumer project with the built package in its node_modules. */
const consumer = mkdtempSync(join(tmpdir(), 'browser-consumer-'));
mkdirSync(join(consumer, 'node_modules', '@org'), { recursive: true });
symlinkSync(root, join(consumer, 'node_modules', '@org', 'agora-rec-codes'), 'dir');
afterAll(() => rmSync(consumer, { recursive: true, force: true }));

async function bundle(specifier: string): Promise<string> {
  const result = await build({
    stdin: { contents: `import * as pkg from ${JSON.stringify(specifier)}; window.pkg = pkg;`, resolveDir: consumer, loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

type Pkg = typeof import('../../src/index.ts');

describe('the package in a browser', () => {
  for (const [specifier, locale] of [
    ['@org/agora-rec-codes', 'en'],
    ['@org/agora-rec-codes/en', 'en'],
    ['@org/agora-rec-codes/zh', 'zh'],
  ] as const) {
    it(`${specifier} works in Chromium, in ${locale === 'zh' ? 'Chinese' : 'English'}`, async () => {
      const page = await chromium.browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent('<!doctype html><title>package</title>');
      await page.addScriptTag({ content: await bundle(specifier) });
      const out = await page.evaluate(async () => {
        const pkg = (window as unknown as { pkg: Pkg }).pkg;
        const d = pkg.explain({ status: 206, body: '{"code":65,"reason":"request not completed"}', method: 'start' });
        // fromResponse reads a real Response.
        const fromRes = await pkg.fromResponse(new Response('{"message":"Invalid authentication credentials"}', { status: 401, headers: { 'Content-Type': 'application/json' } }), 'acquire');
        // withRetry: 65 on start, then a start with its sid; the waits are recorded instead of slept.
        const answers = [
          () => new Response('{"code":65,"reason":"request not completed"}', { status: 206 }),
          () => new Response('{"resourceId":"r","sid":"s1"}', { status: 200 }),
        ];
        const waits: number[] = [];
        let calls = 0;
        const res: Response = await pkg.withRetry(() => Promise.resolve(answers[calls++]()), {
          method: 'start',
          sleep: (ms: number) => {
            waits.push(ms);
            return Promise.resolve();
          },
        });
        // And a RecordingError where retrying cannot help.
        let error: { name: string; outcome: { kind: string }; code?: number; message: string } | undefined;
        try {
          await pkg.withRetry(() => Promise.resolve(new Response('{"code":2,"reason":"invalid appid"}', { status: 400 })), { method: 'start' });
        } catch (e) {
          error = e as typeof error;
        }
        return {
          constant: pkg.ErrorCode.RESOURCE_ID_EXPIRED,
          ref: pkg.lookup(' invalid AppID ')?.ref,
          locale: pkg.lookup(433)?.locale,
          causes: (pkg.lookup(433)?.causes.length ?? 0) > 0,
          delays: d.outcome.kind === 'retry' ? d.outcome.delaysMs : undefined,
          explainLocale: d.locale,
          channel: (pkg.validateChannelName('会议室') as { reason?: string }).reason,
          fromResponse: { ref: fromRes.record?.ref, outcome: fromRes.outcome.kind, locale: fromRes.locale },
          withRetry: { sid: (await res.json()).sid, calls, waits },
          error: error && { name: error.name, outcome: error.outcome.kind, code: error.code, chinese: /[\u4e00-\u9fff]/.test(error.message) },
        };
      });
      expect(out).toEqual({
        constant: 433,
        ref: 'message-error:invalid-appid',
        locale,
        causes: true,
        delays: [3000, 6000],
        explainLocale: locale,
        channel: 'character',
        fromResponse: { ref: 'message-error:invalid-authentication-credentials', outcome: 'fix-credentials', locale },
        withRetry: { sid: 's1', calls: 2, waits: [3000] },
        error: { name: 'RecordingError', outcome: 'fix-request', code: 2, chinese: locale === 'zh' },
      });
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('the root in a browser answers in English and says so when asked for Chinese', async () => {
    const page = await chromium.browser.newPage();
    await page.setContent('<!doctype html><title>package</title>');
    await page.addScriptTag({ content: await bundle('@org/agora-rec-codes') });
    const out = await page.evaluate(() => {
      const pkg = (window as unknown as { pkg: Pkg }).pkg;
      const d = pkg.explain({ status: 401, body: { message: 'Unauthorized' } }, { locale: 'zh' });
      return { locale: d.locale, note: d.notes.some((n) => n.includes('@org/agora-rec-codes/zh')), record: pkg.lookup(433, { locale: 'zh' })?.locale };
    });
    expect(out).toEqual({ locale: 'en', note: true, record: 'en' });
    await page.close();
  });
});
