/**
 * The one way tests start a browser: playwright-core driving Debian's Chromium
 * (no browser download). Where no Chromium is found, launching throws with how
 * to install it, so browser tests fail rather than skip.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumPath = (): string => process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const INSTALL_HINT =
  'Browser tests need Chromium. Install Debian\'s package with `apt-get update && apt-get install -y chromium` (as root), ' +
  'or set CHROME_PATH to a Chromium or Chrome executable.';

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}. ${INSTALL_HINT}`);
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, ...options });
  } catch (error) {
    throw new Error(`Chromium at ${executablePath} did not start: ${(error as Error).message}\n${INSTALL_HINT}`);
  }
}

/**
 * Chromium for the tests of one file: launched before them, closed after. Where
 * it cannot start, every test of the file fails with how to install it; none is
 * skipped.
 */
export function useChromium(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  let unavailable: unknown;
  beforeAll(async () => {
    try {
      browser = await launchChromium();
    } catch (error) {
      unavailable = error;
    }
  });
  beforeEach(() => {
    if (unavailable) throw unavailable;
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser(): Browser {
      if (!browser) throw unavailable ?? new Error('Chromium is not started yet');
      return browser;
    },
  };
}
