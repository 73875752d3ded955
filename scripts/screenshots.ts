/**
 * Screenshots of the main page types in light and dark, at desktop and phone widths, for looking
 * at the site as a reader does. `npm run screenshots -- <dist> [out]` (default out: .test-out/screenshots).
 * Also writes docs/screenshot.png (a briefing, light, 1280×900) for the README.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launch } from '../tests/e2e/browser.ts';
import { serve } from '../tests/e2e/site.ts';
import { samplePages } from '../tests/e2e/pages.ts';

const [dist = '.test-out/seeds/dist', out = '.test-out/screenshots'] = process.argv.slice(2);
const all = samplePages(dist);
const pages = { home: all.home!, briefing: all.briefing!, person: all.person!, issue: all.issue!, timeline: all.timeline! };

fs.mkdirSync(out, { recursive: true });
const site = await serve(dist);
const browser = await launch();
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1280, 360]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, at] of Object.entries(pages)) {
        await page.goto(`${site.origin}/${at}`);
        await page.screenshot({ path: path.join(out, `${name}-${scheme}-${width}.png`), fullPage: true });
        if (name === 'briefing' && scheme === 'light' && width === 1280) await page.screenshot({ path: 'docs/screenshot.png' });
      }
      await page.close();
    }
  }
  console.log(`screenshots of ${Object.values(pages).join(', ')} in ${out}/`);
} finally {
  await browser.close();
  await site.close();
}
