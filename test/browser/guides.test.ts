/**
 * Every guide in Chromium, both languages: no serious or critical axe-core
 * violation in light and dark, no console error or CSP violation, and on a
 * 390 px phone nothing wider than the screen (long code scrolls inside its
 * block). Run after `npm run build:site`.
 */
import { describe, expect, it } from 'vitest';
import { GUIDES, LANGS } from '../site/helpers.ts';
import { seriousViolations, useSitePages } from './browse.ts';

const site = useSitePages();
const { visit } = site;

describe('guides in the browser', () => {
  for (const slug of GUIDES) {
    for (const lang of LANGS) {
      const path = `/${lang}/guides/${slug}/`;
      it(`${path}: accessible in light and dark`, async () => {
        for (const colorScheme of ['light', 'dark'] as const) {
          const { page } = await visit(path, { colorScheme });
          const violations = await seriousViolations(page);
          expect(violations, `${colorScheme}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
        }
      });

      it(`${path}: fits a 390 px phone; the summary is on the first screen`, async () => {
        const { page } = await visit(path, { viewport: { width: 390, height: 844 } });
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        const top = await page.locator('.in-one-minute').evaluate((e) => e.getBoundingClientRect().top);
        expect(top).toBeLessThan(844);
      });
    }
  }
});
