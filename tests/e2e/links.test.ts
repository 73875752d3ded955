/**
 * Links that never break: every href, src and form action of every page of the built seeds site
 * (at "/" and under a base path) points to a file in dist/, and every #fragment to an element id
 * of its target page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { serve } from './site.ts';

interface Broken {
  page: string;
  link: string;
  problem: string;
}

function htmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'pagefind' ? [] : htmlFiles(full);
    return d.name.endsWith('.html') ? [full] : [];
  });
}

/** Checks every internal link of a built site; returns the broken ones and how many links were checked. */
function checkLinks(dist: string, base = '/'): { broken: Broken[]; checked: number } {
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let found = ids.get(file);
    if (!found) {
      const $ = cheerio.load(fs.readFileSync(file, 'utf8'));
      found = new Set([...$('[id]').map((_, el) => $(el).attr('id')!), ...$('a[name]').map((_, el) => $(el).attr('name')!)]);
      ids.set(file, found);
    }
    return found;
  };
  const origin = 'http://site.test';
  const broken: Broken[] = [];
  let checked = 0;
  for (const file of htmlFiles(dist)) {
    const rel = path.relative(dist, file).split(path.sep).join('/');
    const pageUrl = new URL(`${base}${rel.replace(/(^|\/)index\.html$/, '$1')}`, origin);
    const $ = cheerio.load(fs.readFileSync(file, 'utf8'));
    // Canonical and og:url name the hosted site on purpose; every other link must stay on this one.
    const links = $('[href], [src], form[action]').not('link[rel="canonical"]').toArray()
      .map((el) => $(el).attr('href') ?? $(el).attr('src') ?? $(el).attr('action')!);
    for (const link of links) {
      const url = new URL(link, pageUrl);
      if (url.origin !== origin) continue;
      checked++;
      const report = (problem: string) => broken.push({ page: rel, link, problem });
      if (!url.pathname.startsWith(base)) {
        report(`outside the base path ${base}`);
        continue;
      }
      const target = path.join(dist, decodeURIComponent(url.pathname.slice(base.length)));
      const targetFile = url.pathname.endsWith('/') ? path.join(target, 'index.html') : target;
      if (!fs.existsSync(targetFile) || !fs.statSync(targetFile).isFile()) {
        report('no such file');
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && !idsOf(targetFile).has(fragment)) report(`no element #${fragment}`);
    }
  }
  return { broken, checked };
}

describe('the link checker', () => {
  it('finds a missing page, a missing anchor and a link that escapes the base path', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'links-'));
    fs.mkdirSync(path.join(dist, 'a'));
    fs.writeFileSync(path.join(dist, 'a', 'index.html'), '<h1 id="top">A</h1><p id="s1">One.</p>');
    fs.writeFileSync(path.join(dist, 'index.html'), [
      '<a href="/base/a/#s1">fine</a>', '<a href="a/#top">fine, relative</a>', '<a href="https://example.com/">external</a>',
      '<a href="/base/b/">missing page</a>', '<a href="/base/a/#s2">missing anchor</a>', '<a href="/a/">outside the base</a>',
      '<svg><a href="/base/a/#nope"><circle r="1"/></a></svg>',
    ].join(''));
    const { broken, checked } = checkLinks(dist, '/base/');
    expect(checked).toBe(6);
    expect(broken.map((b) => [b.link, b.problem])).toEqual([
      ['/base/b/', 'no such file'],
      ['/base/a/#s2', 'no element #s2'],
      ['/a/', 'outside the base path /base/'],
      ['/base/a/#nope', 'no element #nope'],
    ]);
  });
});

describe.each([
  ['at /', () => inject('seedsDist'), '/'],
  ['under /briefings/', () => inject('seedsBaseDist'), '/briefings/'],
])('every link of the seeds site %s', (_, dist, base) => {
  it('reaches an existing page, file and anchor', () => {
    const { broken, checked } = checkLinks(dist(), base);
    expect(broken).toEqual([]);
    // Every page links to the others and each fact to its sentence: thousands of links, not a handful.
    expect(checked).toBeGreaterThan(2000);
  });

  it('has links from the pictures to the sentences they draw', () => {
    const $ = cheerio.load(fs.readFileSync(path.join(dist(), 'dates', 'index.html'), 'utf8'));
    const marks = $('figure.timeline-picture svg a').map((_, el) => $(el).attr('href')!).get();
    expect(marks.length).toBeGreaterThan(5);
    for (const href of marks) expect(href).toMatch(new RegExp(`^${base}briefings/[^/]+/#(s\\d+|title)$`));
  });

  it('answers an unknown address with the 404 page, which links home', async () => {
    const site = await serve(dist(), base);
    try {
      const response = await fetch(`${site.origin}${base}no-such-page/`);
      expect(response.status).toBe(404);
      const $ = cheerio.load(await response.text());
      expect($('h1').text()).toBe('Page not found');
      expect($('main a').first().attr('href')).toBe(base);
    } finally {
      await site.close();
    }
  });
});
