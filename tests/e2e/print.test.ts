/**
 * Printing briefs: every brief of the seeds site, and of a 10,000-word article made here, prints
 * on exactly one A4 and one US Letter page in Chromium, with nothing of the site's chrome.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { BriefingData } from '../../src/pipeline/schema.ts';
import { datePage } from '../../src/pipeline/link.ts';
import { calendarKey } from '../../src/site/dates.ts';
import { PAGE, fitBrief } from '../../src/site/brief.ts';
import { launch } from './browser.ts';
import { ROOT, buildSite, serve } from './site.ts';

const run = promisify(execFile);
const FORMATS = ['A4', 'Letter'] as const;
const PAPER = { A4: '595.92 x 842.88', Letter: '612 x 792' };
/** PDFs are kept here to look at (`pdftoppm -png -r 80`). */
const PDFS = path.join(ROOT, '.test-out', 'print-pdfs');

function briefings(dist: string): { slug: string; data: BriefingData }[] {
  const content = path.join(path.dirname(dist), 'content');
  return fs.readdirSync(content).filter((f) => f.endsWith('.mdx')).map((f) => {
    const text = fs.readFileSync(path.join(content, f), 'utf8');
    return { slug: f.replace(/\.mdx$/, ''), data: parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as BriefingData };
  });
}

/** Prints the page as it is to PDF; returns pdfinfo's page count and page size. */
async function printPdf(page: Page, format: (typeof FORMATS)[number], name: string): Promise<{ pages: number; size: string }> {
  await page.emulateMedia({ media: 'print' });
  const file = path.join(PDFS, `${name}-${format}.pdf`);
  fs.mkdirSync(PDFS, { recursive: true });
  fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true, format }));
  const { stdout } = await run('pdfinfo', [file]);
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]), size: /^Page size:\s+([\d.]+ x [\d.]+)/m.exec(stdout)?.[1] ?? '' };
}

/** What a reader of the printed sheet sees, read from the page in print media. */
function printedView(page: Page) {
  return page.evaluate(() => {
    const visible = (el: Element): boolean => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const texts = [...document.querySelectorAll('body *')].filter((el) =>
      visible(el) && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()));
    const sheet = document.querySelector('.brief')!;
    return {
      sheetVisible: visible(sheet),
      heightPt: sheet.getBoundingClientRect().height * 0.75,
      chrome: [...document.querySelectorAll('nav, input, form, button, .site-header, .site-footer, .brief-toolbar')].filter(visible).length,
      smallestPt: Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize) * 0.75)),
      colours: [...new Set(texts.map((el) => getComputedStyle(el).color))],
      people: [...[...sheet.querySelectorAll('h2')].find((h) => h.textContent === 'People')?.nextElementSibling?.querySelectorAll('li strong') ?? []].map((el) => el.textContent!),
      dates: [...sheet.querySelectorAll('li time')].map((t) => t.getAttribute('datetime')!),
      quotes: sheet.querySelectorAll('.brief-quotes li').length,
      more: sheet.querySelector('.brief-more')?.textContent ?? null,
      printed: sheet.querySelector('[data-print-date]')?.textContent ?? '',
    };
  });
}

/**
 * The sheet as laid out is no taller than the budget model estimated (a point or two of rounding
 * aside), and that is within the page: the model, not luck, keeps the brief on one sheet.
 */
function expectModelHolds(heightPt: number, slug: string, data: BriefingData): void {
  const url = `https://briefings.example.org/briefings/${slug}/`;
  const estimate = fitBrief(data, { title: data.title, outlet: data.outlet, published: data.published, source: data.source, url }).height;
  expect(heightPt, slug).toBeLessThanOrEqual(estimate + 2);
  expect(estimate, slug).toBeLessThanOrEqual(PAGE.height);
}

/** Draws the QR code's SVG on a canvas with a white margin and returns its pixels to decode. */
async function readQr(page: Page): Promise<string | null> {
  const { data, size } = await page.evaluate(async () => {
    const svg = document.querySelector('.brief .brief-qr svg')!;
    const img = new Image();
    img.src = `data:image/svg+xml,${encodeURIComponent(svg.outerHTML)}`;
    await img.decode();
    const size = 360;
    const canvas = Object.assign(document.createElement('canvas'), { width: size, height: size });
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    ctx.drawImage(img, 30, 30, size - 60, size - 60);
    // Pixels as base64: an array of numbers this long is slow to pass out of the page.
    const bytes = ctx.getImageData(0, 0, size, size).data;
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return { data: btoa(binary), size };
  });
  return jsQR(new Uint8ClampedArray(Buffer.from(data, 'base64')), size, size)?.data ?? null;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('briefs of the seeds site', () => {
  const dist = inject('seedsDist');
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve(dist);
  });
  afterAll(() => server?.close());

  for (const format of FORMATS) {
    it(`prints every brief page and every briefing page on one ${format} page`, async () => {
      const all = briefings(dist);
      expect(all.length).toBeGreaterThan(0);
      const page = await browser.newPage();
      for (const { slug, data } of all) {
        for (const [kind, url] of [['brief', `/briefings/${slug}/brief/`], ['briefing', `/briefings/${slug}/`]] as const) {
          await page.goto(`${server.origin}${url}`);
          const pdf = await printPdf(page, format, `seeds-${slug}-${kind}`);
          expect(pdf, `${url} on ${format}`).toEqual({ pages: 1, size: PAPER[format] });
          const view = await printedView(page);
          expect(view.sheetVisible, url).toBe(true);
          expect(view.chrome, `site chrome printed on ${url}`).toBe(0);
          expect(view.smallestPt, url).toBeGreaterThanOrEqual(9);
          expect(view.colours, url).toEqual(['rgb(0, 0, 0)']);
          expectModelHolds(view.heightPt, slug, data);
        }
      }
      await page.close();
    });
  }

  it('links the briefing page to its brief, which carries a QR code of the briefing and the print date', async () => {
    const page = await browser.newPage();
    for (const { slug } of briefings(dist)) {
      await page.goto(`${server.origin}/briefings/${slug}/`);
      await page.getByRole('link', { name: 'Print brief' }).click();
      await page.waitForURL(`**/briefings/${slug}/brief/`);
      expect(await readQr(page)).toBe(`https://briefings.example.org/briefings/${slug}/`);
      const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
      expect((await printedView(page)).printed).toBe(`Printed ${today}`);
    }
    await page.close();
  });

  it('gives the address under the base path when the site is served from a sub-path', () => {
    const baseDist = inject('seedsBaseDist');
    for (const { slug } of briefings(baseDist)) {
      const brief = fs.readFileSync(path.join(baseDist, 'briefings', slug, 'brief', 'index.html'), 'utf8');
      expect(brief).toContain(`href="https://briefings.example.org/briefings/briefings/${slug}/"`);
      const briefing = fs.readFileSync(path.join(baseDist, 'briefings', slug, 'index.html'), 'utf8');
      expect(briefing).toContain(`href="/briefings/briefings/${slug}/brief/"`);
    }
  });

  it('says the build date, not a print date, when scripts do not run', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const { slug } = briefings(dist)[0]!;
    await page.goto(`${server.origin}/briefings/${slug}/brief/`);
    expect((await printedView(page)).printed).toMatch(/^Page built \d{1,2} [A-Z][a-z]+ \d{4}$/);
    await context.close();
  });
});

const FIRST = ['Amara', 'Bruno', 'Chen', 'Dalia', 'Emeka', 'Farah', 'Gustav', 'Hana', 'Ivan', 'Jun', 'Kofi', 'Leila', 'Mateo', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tariq', 'Ulla', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zofia', 'Anton', 'Beatriz', 'Carlos', 'Dmitri', 'Elena', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Haddad', 'Kowalski', 'Brennan', 'Castillo', 'Novak', 'Adeyemi', 'Sørensen', 'Vargas', 'Rahman', 'Petrov', 'Delacroix', 'Nakamura', 'Oyelaran', 'Fischer', 'Esposito', 'Kaur', 'Andersson', 'Mensah', 'Horvath', 'Ibarra', 'Quist', 'Yilmaz', 'Zhou', 'Romero', 'Walsh', 'Bianchi', 'Ferreira', 'Gallagher', 'Holm', 'Jaramillo', 'Keller', 'Laine'];
const ROLES = ['the finance minister', 'the chief trade negotiator', 'a senior adviser to the prime minister', 'the central bank governor', 'the opposition leader', 'the energy commissioner', 'the head of the shipping authority', 'a spokeswoman for the foreign ministry'];
const TOPICS = ['tariff', 'rare earth', 'fisheries', 'shipping', 'energy', 'semiconductor', 'farm subsidy', 'customs'];
const CITIES = ['Geneva', 'Nairobi', 'Lisbon', 'Jakarta', 'Montreal', 'Oslo', 'Santiago', 'Seoul'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A long, dense news article: dozens of people with roles, dozens of dates, many quotes. */
function stressArticle(): string {
  const people = FIRST.map((first, i) => `${first} ${LAST[i]}`);
  const date = (i: number): string => `${(i * 7) % 28 + 1} ${MONTHS[i % 12]} ${2024 + (i % 4)}`;
  const paragraph = (i: number): string => {
    const [a, b] = [people[i % people.length]!, people[(i * 5 + 3) % people.length]!];
    const topic = TOPICS[i % TOPICS.length]!;
    return [
      `${a}, ${ROLES[i % ROLES.length]}, said on ${date(i)} that the ${topic} talks in ${CITIES[i % CITIES.length]} would resume in ${MONTHS[(i + 3) % 12]} ${2025 + (i % 3)} after a pause of ${i % 9 + 2} weeks.`,
      `"We will not sign a ${topic} agreement that leaves our ports and our farmers worse off than they are today, and we have said so plainly to every delegation," ${a} told reporters.`,
      `According to ${b}, the ${topic} committee is due to meet again on ${date(i + 11)}, and a draft text could follow before the end of ${MONTHS[(i + 5) % 12]}.`,
      `Officials from both sides described the session as long and difficult, with disagreements over quotas, inspection rules and the timetable for lifting the remaining duties on ${topic} goods.`,
      `${b} later said the delegations had made progress on the wording of the ${topic} annex but remained far apart on how disputes would be settled and who would pay for the new inspection regime.`,
    ].join(' ');
  };
  const summary = Array.from({ length: 14 }, (_, i) => `- ${people[i]} said the ${TOPICS[i % TOPICS.length]} talks would resume on ${date(i + 3)}, with a draft text expected within weeks`);
  const body: string[] = [];
  for (let i = 0; body.join(' ').split(/\s+/).length < 10_000; i++) body.push(paragraph(i));
  return [
    '---',
    'title: "Negotiators From Forty Countries Press On With Marathon Trade Talks As Deadlines For Tariffs, Fisheries, Shipping And Energy Loom Over The Summer"',
    'outlet: "The Example Gazette (syndicated from a wire service with a long name)"',
    'published: 2025-09-19',
    'source: "https://news.example.com/world/trade/2025/09/19/negotiators-from-forty-countries-press-on-with-marathon-trade-talks-as-deadlines-loom?utm_source=feed&utm_medium=rss"',
    '---',
    'Key points:',
    ...summary,
    '',
    ...body.flatMap((p) => [p, '']),
  ].join('\n');
}

describe('the brief of a 10,000-word article with dozens of people and dates', () => {
  let dist = '';
  let data: BriefingData;
  let slug = '';
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    const input = path.join('.test-out', 'print-stress-input');
    fs.rmSync(path.join(ROOT, input), { recursive: true, force: true });
    fs.mkdirSync(path.join(ROOT, input), { recursive: true });
    const article = stressArticle();
    expect(article.split(/\s+/).length).toBeGreaterThanOrEqual(10_000);
    fs.writeFileSync(path.join(ROOT, input, 'marathon-talks.txt'), article);
    dist = await buildSite({ input, name: 'print-stress' });
    const built = briefings(dist);
    expect(built, 'the stress article was not built').toHaveLength(1);
    [{ slug, data }] = built as [{ slug: string; data: BriefingData }];
    server = await serve(dist);
  }, 300_000);
  afterAll(() => server?.close());

  for (const format of FORMATS) {
    it(`prints the brief page and the briefing page on one ${format} page`, async () => {
      const page = await browser.newPage();
      for (const [kind, url] of [['brief', `/briefings/${slug}/brief/`], ['briefing', `/briefings/${slug}/`]] as const) {
        await page.goto(`${server.origin}${url}`);
        expect(await printPdf(page, format, `stress-${kind}`), `${url} on ${format}`).toEqual({ pages: 1, size: PAPER[format] });
        const view = await printedView(page);
        expect(view.smallestPt).toBeGreaterThanOrEqual(9);
        expect(view.chrome).toBe(0);
        expectModelHolds(view.heightPt, slug, data);
      }
      await page.close();
    });
  }

  it('leaves out the least important items and says how many more are online', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/briefings/${slug}/brief/`);
    const view = await printedView(page);
    await page.close();

    expect(view.more).toMatch(/^\d+ more .* (is|are) in the full briefing online\.$/);
    const more = (noun: string): number => Number(new RegExp(`(\\d+) more ${noun}\\b`).exec(view.more ?? '')?.[1] ?? 0);
    // People: the most mentioned are on the page, and the count of the rest is right.
    expect(view.people.length).toBeGreaterThan(0);
    expect(view.people.length + more('(?:people|person)')).toBe(data.people.length);
    const mentions = new Map(data.people.map((p) => [p.name, p.mentions]));
    const left = data.people.filter((p) => !view.people.includes(p.name));
    expect(left.length).toBeGreaterThan(0);
    expect(Math.min(...view.people.map((n) => mentions.get(n)!))).toBeGreaterThanOrEqual(Math.max(...left.map((p) => p.mentions)));
    // Dates: one line per distinct calendar date, printed in calendar order.
    const distinct = new Set(data.dates.filter((d) => datePage(d.value)).map((d) => `${d.value} ${d.mod ?? ''}`));
    expect(distinct.size).toBeGreaterThan(24);
    expect(view.dates.length).toBeGreaterThan(0);
    expect(view.dates.length + more('dates?')).toBe(distinct.size);
    const keys = view.dates.map(calendarKey);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(view.quotes).toBeGreaterThan(0);
    expect(view.quotes).toBeLessThanOrEqual(2);
  });
});
