/**
 * The live channel-name checker of the channel-names guide: it runs the
 * package's validateChannelName() in the page and says the result in words,
 * in each language.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateChannelName } from '../../src/channel-name.ts';
import { open, type Opened } from './browse.ts';
import { useChromium } from './chromium.ts';
import { type SiteServer, startSite } from './site-server.ts';

let site: SiteServer;
const chromium = useChromium();
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

async function check(page: Page, name: string): Promise<{ text: string; cls: string }> {
  // fill() fires `input`, and the checker answers synchronously.
  await page.fill('#channel-name', name);
  return page.$eval('#channel-result', (p) => ({ text: p.textContent ?? '', cls: p.className }));
}

describe('channel-name checker', () => {
  const maxBytes = (validateChannelName('a'.repeat(1000)) as { maxBytes: number }).maxBytes;

  it('en: says OK with the byte count, names a character that is not allowed, and a name that is too long', async () => {
    const o: Opened = await open(chromium.browser, site.url, '/en/guides/channel-names/');
    const { page } = o;
    expect(await page.locator('[data-channel-checker] form').isVisible()).toBe(true);

    const ok = await check(page, 'room_1');
    expect(validateChannelName('room_1')).toEqual({ ok: true, bytes: 6 });
    expect(ok).toEqual({ text: 'OK: 6 bytes.', cls: 'ok' });

    const bad = await check(page, 'room中');
    expect(validateChannelName('room中')).toMatchObject({ ok: false, reason: 'character', index: 4, character: '中' });
    expect(bad.cls).toBe('bad');
    expect(bad.text).toContain('Character 5');
    expect(bad.text).toContain('中 U+4E2D');

    const long = await check(page, 'a'.repeat(maxBytes + 1));
    expect(long).toEqual({ text: `Too long: ${maxBytes + 1} bytes, at most ${maxBytes}.`, cls: 'bad' });

    const empty = await check(page, '');
    expect(empty.text).toBe('Type a channel name.');
    await o.context.close();
    expect(o.problems).toEqual([]);
  });

  it('zh: says the same in Chinese', async () => {
    const o = await open(chromium.browser, site.url, '/zh/guides/channel-names/');
    expect((await check(o.page, 'abc')).text).toBe('可以使用：3 字节。');
    expect((await check(o.page, 'a b😀')).text).toContain('第 4 个字符');
    expect((await check(o.page, 'x'.repeat(maxBytes + 2))).text).toBe(`太长：${maxBytes + 2} 字节，最多 ${maxBytes} 字节。`);
    await o.context.close();
    expect(o.problems).toEqual([]);
  });

  it('without JavaScript, says the checker needs it', async () => {
    const o = await open(chromium.browser, site.url, '/en/guides/channel-names/', { javaScriptEnabled: false });
    expect(await o.page.locator('[data-channel-checker] form').isVisible()).toBe(false);
    expect(await o.page.locator('[data-channel-checker]').textContent()).toContain('needs JavaScript');
    await o.context.close();
  });
});
