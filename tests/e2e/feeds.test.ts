/**
 * What the built seeds site says to feed readers, search engines and link previews: RSS feeds,
 * the sitemap, robots.txt, canonical and Open Graph tags, and schema.org JSON-LD, each parsed and
 * checked against the properties its format requires.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import type { BriefingData } from '../../src/pipeline/schema.ts';

/** SITE_URL is unset in test builds: the configured default. */
const SITE = 'https://briefings.example.org';
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'category', 'sitemap', 'url'].includes(name) });

function briefings(dist: string): { slug: string; data: BriefingData }[] {
  const content = path.join(path.dirname(dist), 'content');
  return fs.readdirSync(content).filter((f) => f.endsWith('.mdx')).map((f) => ({
    slug: f.replace(/\.mdx$/, ''),
    data: parseYaml(/^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(path.join(content, f), 'utf8'))![1]!) as BriefingData,
  }));
}

function readXml(file: string): any {
  const text = fs.readFileSync(file, 'utf8');
  expect(XMLValidator.validate(text), file).toBe(true);
  return xml.parse(text);
}

/** The dist file an absolute address of the hosted site stands for. */
function fileFor(dist: string, base: string, address: string): string {
  const url = new URL(address);
  expect(url.origin).toBe(SITE);
  expect(url.pathname.startsWith(base), address).toBe(true);
  const rel = url.pathname.slice(base.length);
  return path.join(dist, rel.endsWith('/') || rel === '' ? path.join(rel, 'index.html') : rel);
}

const rfc822 = z.string().refine((s) => /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/.test(s) && !Number.isNaN(Date.parse(s)));
const rssItem = z.object({ title: z.string().min(1), link: z.url(), guid: z.object({ '#text': z.url() }).or(z.url()), description: z.string().min(1), pubDate: rfc822.optional() });
const rss = z.object({
  rss: z.object({
    '@version': z.literal('2.0'),
    channel: z.object({
      title: z.string().min(1),
      link: z.url(),
      description: z.string().min(1),
      'atom:link': z.object({ '@href': z.url(), '@rel': z.literal('self'), '@type': z.literal('application/rss+xml') }),
      item: z.array(rssItem).min(1),
    }),
  }),
});

describe.each([
  ['at /', () => inject('seedsDist'), '/'],
  ['under /briefings/', () => inject('seedsBaseDist'), '/briefings/'],
])('the seeds site %s', (_, distOf, base) => {
  it('has an RSS feed of every briefing, newest first, each item linking to its page', () => {
    const dist = distOf();
    const feed = rss.parse(readXml(path.join(dist, 'feed.xml')));
    const { channel } = feed.rss;
    expect(channel.link).toBe(`${SITE}${base}`);
    expect(channel['atom:link']['@href']).toBe(`${SITE}${base}feed.xml`);
    const all = briefings(dist);
    expect(channel.item).toHaveLength(all.length);
    for (const item of channel.item) {
      expect(fs.existsSync(fileFor(dist, base, item.link)), item.link).toBe(true);
      const { data } = all.find((b) => item.link.endsWith(`/briefings/${b.slug}/`))!;
      expect(item.title).toBe(data.title);
      expect(item.pubDate && new Date(item.pubDate).toISOString().slice(0, 10)).toBe(data.published);
    }
    const dates = channel.item.map((i) => Date.parse(i.pubDate!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    // Every page offers it to feed readers.
    const $ = cheerio.load(fs.readFileSync(path.join(dist, 'index.html'), 'utf8'));
    expect($('link[rel="alternate"][type="application/rss+xml"]').attr('href')).toBe(`${base}feed.xml`);
  });

  it('has a feed for each person and issue, which their page offers ("follow")', () => {
    const dist = distOf();
    const all = briefings(dist);
    for (const kind of ['people', 'issues'] as const) {
      const ids = new Set(all.flatMap(({ data }) => data[kind].map((e) => e.id)));
      expect(ids.size).toBeGreaterThan(0);
      for (const id of ids) {
        const feed = rss.parse(readXml(path.join(dist, kind, id, 'feed.xml')));
        const expected = all.filter(({ data }) => data[kind].some((e) => e.id === id)).map((b) => `${SITE}${base}briefings/${b.slug}/`);
        expect(feed.rss.channel.item.map((i) => i.link).sort()).toEqual(expected.sort());
        const $ = cheerio.load(fs.readFileSync(path.join(dist, kind, id, 'index.html'), 'utf8'));
        expect($('link[rel="alternate"][type="application/rss+xml"]').last().attr('href')).toBe(`${base}${kind}/${id}/feed.xml`);
        expect($(`a[href="${base}${kind}/${id}/feed.xml"]`).text()).toMatch(/^Follow this (person|issue)$/);
      }
    }
  });

  it('lists every page in the sitemap, and robots.txt points to it', () => {
    const dist = distOf();
    const index = readXml(path.join(dist, 'sitemap-index.xml'));
    const urls = index.sitemapindex.sitemap.flatMap((s: { loc: string }) => readXml(fileFor(dist, base, s.loc)).urlset.url.map((u: { loc: string }) => u.loc));
    const files = new Set(urls.map((u: string) => fileFor(dist, base, u)));
    for (const file of files) expect(fs.existsSync(file as string), file as string).toBe(true);
    for (const { slug } of briefings(dist)) expect(files.has(path.join(dist, 'briefings', slug, 'index.html'))).toBe(true);
    expect(files.has(path.join(dist, 'people', 'index.html'))).toBe(true);
    expect(files.has(path.join(dist, '404.html'))).toBe(false);
    expect(fs.readFileSync(path.join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}${base}sitemap-index.xml`);
  });
});

const url = z.url().refine((u) => u.startsWith(`${SITE}/`));
const ref = z.object({ '@type': z.string(), name: z.string().min(1), url });
const newsArticle = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('NewsArticle'),
  headline: z.string().min(1).max(110),
  url,
  mainEntityOfPage: url,
  datePublished: z.iso.date().optional(),
  description: z.string().optional(),
  isBasedOn: z.object({ '@type': z.literal('NewsArticle'), url: z.url(), publisher: z.object({ '@type': z.literal('Organization'), name: z.string() }).optional() }).optional(),
  mentions: z.array(ref.extend({ '@type': z.enum(['Person', 'Organization']) })).max(20).optional(),
  keywords: z.string().optional(),
});
const entity = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.enum(['Person', 'Organization', 'Place', 'Thing']),
  name: z.string().min(1),
  url,
  alternateName: z.array(z.string()).optional(),
  jobTitle: z.string().optional(),
  subjectOf: z.array(z.object({ '@type': z.literal('NewsArticle'), headline: z.string(), url, datePublished: z.iso.date().optional() })).min(1),
});
const TYPES = { people: 'Person', organizations: 'Organization', places: 'Place', issues: 'Thing' } as const;

describe('the pages of the seeds site', () => {
  const dist = inject('seedsDist');
  const page = (rel: string) => {
    const html = fs.readFileSync(path.join(dist, rel, 'index.html'), 'utf8');
    return { html, $: cheerio.load(html) };
  };
  const jsonLd = ($: cheerio.CheerioAPI, html: string): unknown[] => {
    const scripts = $('script[type="application/ld+json"]').toArray();
    // The raw element text has no "<" at all, so no article text could end the script early.
    for (const raw of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) expect(raw[1]).not.toContain('<');
    return scripts.map((s) => JSON.parse($(s).text()));
  };

  it('describe each briefing as a NewsArticle', () => {
    for (const { slug, data } of briefings(dist)) {
      const { html, $ } = page(`briefings/${slug}`);
      const [ld, ...more] = jsonLd($, html);
      expect(more).toEqual([]);
      const article = newsArticle.parse(ld);
      expect(article.url).toBe(`${SITE}/briefings/${slug}/`);
      expect(article.datePublished).toBe(data.published ?? undefined);
      for (const m of article.mentions ?? []) expect(fs.existsSync(fileFor(dist, '/', m.url)), m.url).toBe(true);
      expect($('meta[property="og:type"]').attr('content')).toBe('article');
    }
  });

  it('describe each person, organization, place and issue as the schema.org type it is', () => {
    let pages = 0;
    for (const kind of Object.keys(TYPES) as (keyof typeof TYPES)[]) {
      for (const id of fs.readdirSync(path.join(dist, kind)).filter((f) => fs.existsSync(path.join(dist, kind, f, 'index.html')))) {
        const { html, $ } = page(`${kind}/${id}`);
        const [ld] = jsonLd($, html);
        const parsed = entity.parse(ld);
        expect(parsed['@type']).toBe(TYPES[kind]);
        expect(parsed.name).toBe($('h1').text());
        for (const s of parsed.subjectOf) expect(fs.existsSync(fileFor(dist, '/', s.url)), s.url).toBe(true);
        pages++;
      }
    }
    expect(pages).toBeGreaterThan(20);
  });

  it('give every page a canonical address and Open Graph tags that agree with it', () => {
    for (const rel of ['', 'dates', 'people', `briefings/${briefings(dist)[0]!.slug}`]) {
      const { $ } = page(rel);
      const canonical = $('link[rel="canonical"]').attr('href');
      expect(canonical).toBe(`${SITE}/${rel ? `${rel}/` : ''}`);
      expect($('meta[property="og:url"]').attr('content')).toBe(canonical);
      expect($('meta[property="og:title"]').attr('content')).toBeTruthy();
      expect($('meta[property="og:description"]').attr('content')).toBeTruthy();
      expect($('meta[property="og:site_name"]').attr('content')).toBe('Briefings');
    }
  });
});
