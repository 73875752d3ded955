/**
 * Search in the browser, on the built seeds site (Pagefind index made by `astro build`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser.ts';
import { serve } from './site.ts';

const FIRST = 'TikTok, Trade, Taiwan Top Agenda For Call Between Trump, Xi';
const SECOND = 'Xi Asks Trump To Avoid Taking Restrictive Trade Measures In Call';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Result {
  type: string;
  title: string;
  href: string;
  excerpt: string;
  marked: string[];
  date: string | null;
}

/** The listed results once the live region has announced them. */
async function results(page: Page): Promise<Result[]> {
  await page.waitForFunction(() => /result/.test(document.querySelector('#search-status')?.textContent ?? ''));
  return page.$$eval('#search-results > li', (items) => items.map((li) => ({
    type: li.querySelector('.result-type')?.textContent ?? '',
    title: li.querySelector('h2 a')?.textContent ?? '',
    href: li.querySelector('h2 a')?.getAttribute('href') ?? '',
    excerpt: li.querySelector('.excerpt')?.textContent ?? '',
    marked: [...li.querySelectorAll('.excerpt mark')].map((m) => m.textContent ?? ''),
    date: li.querySelector('time')?.getAttribute('datetime') ?? null,
  })));
}

describe('search on the seeds site', () => {
  const dist = inject('seedsDist');
  let site: Awaited<ReturnType<typeof serve>>;
  let page: Page;
  beforeAll(async () => {
    site = await serve(dist);
  });
  afterAll(async () => {
    await site?.close();
  });
  beforeAll(async () => {
    page = await browser.newPage();
  });

  it('builds the index with the site, and only briefing, entity and date pages are in it', async () => {
    expect(fs.existsSync(path.join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
    const html = (p: string) => fs.readFileSync(path.join(dist, p, 'index.html'), 'utf8');
    for (const list of ['', 'people', 'dates', 'search']) expect(html(list)).not.toContain('data-pagefind-body');
    // The footer's sentence is on every page but in no page's indexed text (quotes: exact phrase).
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('"Facts are extracted automatically"')}`);
    await page.waitForFunction(() => /No results/.test(document.querySelector('#search-status')?.textContent ?? ''));
  });

  it('finds the first seed briefing by typing "rare earth", with the words highlighted and a link to the sentence', async () => {
    await page.goto(`${site.origin}/search/`);
    await page.getByLabel('Search briefings, people, organizations, places, issues and dates').pressSequentially('rare earth');
    const found = await results(page);
    const first = found.find((r) => r.title === FIRST);
    expect(first).toBeDefined();
    expect(first!.type).toBe('Briefing');
    expect(first!.date).toBe('2025-09-17');
    expect(first!.excerpt).toMatch(/rare earth magnets/);
    expect(first!.marked.map((m) => m.toLowerCase())).toContain('rare earth');
    expect(first!.href).toMatch(/^\/briefings\/tiktok-trade-taiwan-top-agenda-for-call-between-trump-xi\/\?pagefind-highlight=rare&pagefind-highlight=earth#s\d+$/);
    expect(await page.textContent('#search-status')).toMatch(/^\d+ results? for “rare earth”\.$/);
    // The query is in the address, so the search can be linked.
    expect(new URL(page.url()).searchParams.get('q')).toBe('rare earth');
  });

  it('opens a ?q= link with the results, and the result lands on the matched sentence with the words marked', async () => {
    await page.goto(`${site.origin}/search/?q=rare+earth`);
    expect(await page.inputValue('#search-q')).toBe('rare earth');
    const first = (await results(page)).find((r) => r.title === FIRST)!;
    await page.click(`#search-results a[href="${first.href}"]`);
    await page.waitForSelector('mark.search-hit');
    const target = await page.evaluate(() => ({ id: document.querySelector(':target')?.id, text: document.querySelector(':target')?.textContent }));
    expect(`#${target.id}`).toBe(first.href.slice(first.href.indexOf('#')));
    expect(target.text).toMatch(/rare earth magnets/);
    const marks = await page.$$eval(`[id="${target.id}"] mark.search-hit`, (ms) => ms.map((m) => m.textContent!.toLowerCase()));
    expect(marks).toEqual(expect.arrayContaining(['rare', 'earth']));
  });

  it('filters by person: "Scott Bessent" gives both briefings', async () => {
    await page.goto(`${site.origin}/search/`);
    await page.click('#search-options summary');
    const person = page.getByLabel('Person');
    await person.fill('Scott Bessent');
    await person.press('Enter');
    const found = await results(page);
    const briefings = found.filter((r) => r.type === 'Briefing').map((r) => r.title);
    expect(briefings.sort()).toEqual([FIRST, SECOND].sort());
    // Everything else listed is the person's own page.
    expect(found.filter((r) => r.type !== 'Briefing').map((r) => `${r.type}: ${r.title}`)).toEqual(['Person: Scott Bessent']);
    expect(new URL(page.url()).searchParams.get('person')).toBe('Scott Bessent');
    expect(await page.textContent('#search-status')).toBe('3 results with these filters.');
  });

  it('combines filters from a link: type and person, sorted newest first', async () => {
    await page.goto(`${site.origin}/search/?type=briefing&person=Scott+Bessent&sort=newest`);
    const found = await results(page);
    expect(found.map((r) => r.title)).toEqual([SECOND, FIRST]);
    expect(found.map((r) => r.date)).toEqual(['2025-09-19', '2025-09-17']);
    expect(await page.isChecked('input[name="type"][value="briefing"]')).toBe(true);
    await page.selectOption('select[name="sort"]', 'oldest');
    await page.waitForFunction(() => document.querySelector('#search-results h2 a')?.textContent?.startsWith('TikTok'));
  });

  it('finds a date page by "December 16"', async () => {
    await page.goto(`${site.origin}/search/?q=December+16`);
    const found = await results(page);
    expect(found[0]).toMatchObject({ type: 'Date', title: '16 December 2025' });
    expect(found[0]!.href).toMatch(/^\/dates\/2025-12-16\/\?pagefind-highlight=december&pagefind-highlight=16$/i);
  });

  it('finds a name from one briefing at its sentence in that briefing; entity pages need two briefings', async () => {
    const person = (slug: string) => fs.readFileSync(path.join(dist, 'people', slug, 'index.html'), 'utf8');
    expect(person('jamieson-greer')).toContain('>In 1 briefing<');
    expect(person('jamieson-greer')).not.toContain('data-pagefind-body');
    await page.goto(`${site.origin}/search/?q=Jamieson+Greer`);
    const found = await results(page);
    expect(found.map((r) => `${r.type}: ${r.title}`)).toEqual([`Briefing: ${FIRST}`]);
    expect(found[0]!.marked).toContain('Jamieson Greer');
  });

  it('focuses the header box with "/" and Ctrl-K on a reading page, and searches from it', async () => {
    await page.goto(`${site.origin}/briefings/tiktok-trade-taiwan-top-agenda-for-call-between-trump-xi/`);
    const focused = () => page.evaluate(() => document.activeElement?.id ?? null);
    expect(await focused()).not.toBe('site-search-q');
    await page.keyboard.press('/');
    expect(await focused()).toBe('site-search-q');
    // "/" typed into the box is text, not the shortcut.
    await page.keyboard.type('Bessent/');
    expect(await page.inputValue('#site-search-q')).toBe('Bessent/');
    await page.locator('#site-search-q').blur();
    await page.keyboard.press('Control+k');
    expect(await focused()).toBe('site-search-q');
    await page.keyboard.type('Scott Bessent');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=Scott\+Bessent$/);
    expect((await results(page)).map((r) => r.title)).toContain('Scott Bessent');
    await page.keyboard.press('/');
    expect(await focused()).toBe('search-q');
  });

  it('loads no script on reading pages beyond the inline shortcut, and reads without JavaScript', async () => {
    const reading = fs.readFileSync(path.join(dist, 'people', 'scott-bessent', 'index.html'), 'utf8');
    expect(reading).not.toMatch(/<script[^>]+src=/);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${site.origin}/search/?q=rare+earth`);
    expect(await noJs.textContent('main')).toContain('Search needs JavaScript');
    // A form that could do nothing is not shown.
    expect(await noJs.isVisible('#search-form')).toBe(false);
    await noJs.goto(`${site.origin}/briefings/tiktok-trade-taiwan-top-agenda-for-call-between-trump-xi/`);
    expect(await noJs.textContent('#s1')).toMatch(/rare earth magnets/);
    await context.close();
  });
});

describe('search under a base path', () => {
  const dist = inject('seedsBaseDist');
  let site: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    site = await serve(dist, '/briefings/');
  });
  afterAll(async () => {
    await site?.close();
  });

  it('finds and opens results, landing on the sentence anchor', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/briefings/people/scott-bessent/`);
    await page.keyboard.press('/');
    await page.keyboard.type('rare earth');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/briefings\/search\/\?q=rare\+earth$/);
    const first = (await results(page)).find((r) => r.title === FIRST)!;
    expect(first.href).toMatch(/^\/briefings\/briefings\/tiktok-trade-taiwan-top-agenda-for-call-between-trump-xi\/\?pagefind-highlight=rare&pagefind-highlight=earth#s\d+$/);
    await page.click(`#search-results a[href="${first.href}"]`);
    await page.waitForSelector('mark.search-hit');
    const target = await page.evaluate(() => document.querySelector(':target')?.textContent ?? '');
    expect(target).toMatch(/rare earth magnets/);
    await page.close();
  });
});
