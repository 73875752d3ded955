/**
 * Accessibility of every page type of the built seeds site in Chromium: axe-core finds no serious
 * or critical violation in light and dark, at desktop and phone widths; landmarks, headings in
 * order, a skip link and visible focus; nothing wider than a 360 px phone; no script files on
 * reading pages.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser.ts';
import { samplePages } from './pages.ts';
import { serve } from './site.ts';

const dist = inject('seedsDist');
const pages = Object.entries(samplePages(dist));

let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  [browser, site] = await Promise.all([launch(), serve(dist)]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(at: string, { width = 1280, scheme = 'light' as 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
  const page = await context.newPage();
  page.on('close', () => void context.close());
  await page.goto(`${site.origin}/${at}`);
  // The search page fills in its results once Pagefind has loaded.
  await page.waitForLoadState('networkidle');
  return page;
}

/** axe-core's serious and critical findings, as "rule: selector" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`));
}

describe.each(pages)('the %s page', (_, at) => {
  it.each([
    ['light', 1280],
    ['dark', 1280],
    ['light', 360],
  ] as const)('has no serious or critical axe violations in %s at %i px', async (scheme, width) => {
    const page = await open(at, { width, scheme });
    try {
      expect(await seriousViolations(page)).toEqual([]);
      // Nothing makes the page scroll sideways; wide pictures scroll inside their own box.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    } finally {
      await page.close();
    }
  });

  it('has landmarks, one h1, headings in order and a skip link to the content', async () => {
    const page = await open(at);
    try {
      const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.filter((h) => h.getClientRects().length > 0).map((h) => Number(h.tagName[1])));
      expect(levels[0]).toBe(1);
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `heading ${i}: h${levels[i - 1]} then h${levels[i]}`).toBeLessThanOrEqual(1);
      // The printable brief is a sheet of paper: no site header, navigation or skip link.
      const sheet = await page.locator('.site-header').count() === 0;
      for (const landmark of sheet ? ['main'] : ['header', 'nav', 'main#main', 'footer']) expect(await page.locator(landmark).count(), landmark).toBeGreaterThan(0);
      if (sheet) return;
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const a = document.activeElement as HTMLAnchorElement;
        const box = a.getBoundingClientRect();
        return { text: a.textContent, href: a.getAttribute('href'), visible: box.left >= 0 && box.top >= 0 && box.width > 0 };
      });
      expect(skip).toEqual({ text: 'Skip to content', href: '#main', visible: true });
    } finally {
      await page.close();
    }
  });

  it('shows where the keyboard focus is', async () => {
    const page = await open(at);
    try {
      const focusable = page.locator('main a[href], main button, main input, main summary').filter({ visible: true });
      expect(await focusable.count()).toBeGreaterThan(0);
      await focusable.first().focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      expect(outline.style).not.toBe('none');
      // "auto" is the browser's own focus ring; a page's own outline is at least 2 px.
      if (outline.style !== 'auto') expect(outline.width).toBeGreaterThanOrEqual(2);
    } finally {
      await page.close();
    }
  });
});

describe('reading pages', () => {
  it.each(pages.filter(([type]) => type !== 'search'))('load no script files: the %s page', async (_, at) => {
    const page = await open(at);
    try {
      const scripts = await page.$$eval('script', (all) => all.map((s) => ({ src: s.getAttribute('src'), type: s.type, length: s.textContent?.length ?? 0 })));
      expect(scripts.filter((s) => s.src)).toEqual([]);
      // Inline: JSON-LD data, the search box's keyboard shortcut, a printed brief's print date.
      const code = scripts.filter((s) => s.type !== 'application/ld+json').reduce((n, s) => n + s.length, 0);
      expect(code).toBeLessThan(2048);
    } finally {
      await page.close();
    }
  });
});
