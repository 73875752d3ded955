import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { BriefingData } from '../../src/pipeline/schema.ts';
import { datePage } from '../../src/pipeline/link.ts';
import { buildSite } from './site.ts';

const read = (dist: string, page: string) => fs.readFileSync(path.join(dist, page, 'index.html'), 'utf8');

function briefings(dist: string): { slug: string; data: BriefingData }[] {
  const content = path.join(path.dirname(dist), 'content');
  return fs.readdirSync(content).filter((f) => f.endsWith('.mdx')).map((f) => {
    const text = fs.readFileSync(path.join(content, f), 'utf8');
    return { slug: f.replace(/\.mdx$/, ''), data: parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as BriefingData };
  });
}

describe('the seeds site', () => {
  const dist = inject('seedsDist');

  it('has a briefing page per seed article, and the home page lists them', () => {
    const all = briefings(dist);
    expect(all).toHaveLength(2);
    const home = read(dist, '');
    for (const { slug, data } of all) {
      expect(read(dist, `briefings/${slug}`)).toContain(data.title.replace(/&/g, '&amp;'));
      expect(home).toContain(`/briefings/${slug}/`);
    }
  });

  it('has a page for every extracted person, organization, place, issue and date', () => {
    for (const { data } of briefings(dist)) {
      for (const kind of ['people', 'organizations', 'places', 'issues'] as const) {
        for (const e of data[kind]) expect(fs.existsSync(path.join(dist, kind, e.id, 'index.html')), `${kind}/${e.id}`).toBe(true);
      }
      for (const page of data.dates.map((x) => datePage(x.value)).filter((p) => p !== null)) expect(fs.existsSync(path.join(dist, 'dates', page, 'index.html')), page).toBe(true);
    }
  });

  it('links every fact to an anchor that exists in the briefing', () => {
    for (const { slug, data } of briefings(dist)) {
      const html = read(dist, `briefings/${slug}`);
      const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      const refs = [...data.people, ...data.organizations, ...data.places].flatMap((e) => e.sentences)
        .concat(data.dates.map((d) => d.sentence), data.figures.map((f) => f.sentence), data.quotes.map((q) => q.sentence));
      for (const ref of refs) expect(ids.has(ref), `#${ref} in ${slug}`).toBe(true);
    }
  });
});

describe('an article full of MDX and HTML syntax', () => {
  let dist = '';
  beforeAll(async () => {
    dist = await buildSite({ input: 'tests/fixtures/hostile', name: 'hostile' });
  });

  it('builds and shows the text literally, running nothing', () => {
    const [first] = briefings(dist);
    expect(first).toBeDefined();
    const html = read(dist, `briefings/${first!.slug}`);
    const article = html.slice(html.indexOf('id="article"'));
    const text = article.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&');
    for (const literal of ['export const x = 1', 'import fs from "fs"', '{process.exit(1)}', '<script>alert("owned")</script>', '<img src=x onerror=alert(1)>', '<!-- a comment -->', '`rm -rf /`', 'a < b > c', 'the braces {}']) {
      expect(text).toContain(literal);
    }
    expect(article).not.toMatch(/<script|<img|<!--/);
  });

  it('puts article text into feeds as text: a reader that renders descriptions as HTML sees no tags', () => {
    const feeds = (fs.readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('feed.xml'));
    expect(feeds.length).toBeGreaterThan(0);
    const descriptions = feeds.flatMap((f) => [...fs.readFileSync(path.join(dist, f), 'utf8').matchAll(/<description>([\s\S]*?)<\/description>/g)].map((m) => m[1]!));
    const asHtml = descriptions.map((d) => d.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    expect(asHtml.join('\n')).toMatch(/pwned|owned/);
    for (const html of asHtml) expect(html).not.toMatch(/<[a-z!/]/i);
  });
});
