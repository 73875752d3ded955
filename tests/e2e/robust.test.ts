import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { writeBadCorpus } from '../pipeline/robust-fixtures.ts';
import { buildSite, ROOT } from './site.ts';

const INPUT = '.test-out/robust-input';
const SHORTER = '.test-out/robust-input-shorter';

/** Every file under `dir`, relative, sorted. */
const walk = (dir: string): string[] => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
const tree = (dist: string, file: string): Root => fromHtml(fs.readFileSync(path.join(dist, file), 'utf8'));
const scriptText = (node: Element): string => node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'cite', 'data', 'srcSet'];

/** The site's own scripts, whatever the articles: every script element of a built site that is not JSON-LD data. */
function siteScripts(dist: string): Set<string> {
  const scripts = new Set<string>();
  for (const file of walk(dist).filter((f) => f.endsWith('.html'))) {
    visit(tree(dist, file), 'element', (node: Element) => {
      if (node.tagName === 'script' && node.properties.type !== 'application/ld+json') scripts.add(toHtml(node));
    });
  }
  return scripts;
}

describe('a site built from broken and hostile articles', () => {
  let dist = '';
  beforeAll(async () => {
    writeBadCorpus(path.join(ROOT, INPUT));
    dist = await buildSite({ input: INPUT, name: 'robust' });
  }, 240_000);

  it('builds a page for every briefing written, including both articles with the same headline', () => {
    const content = path.join(path.dirname(dist), 'content');
    const slugs = fs.readdirSync(content).map((f) => f.replace(/\.mdx$/, ''));
    expect(slugs).toEqual(expect.arrayContaining(['council-approves-budget', 'council-approves-budget-2', 'harbour-council-approves-40m-flood-barrier']));
    for (const slug of slugs) expect(fs.existsSync(path.join(dist, 'briefings', slug, 'index.html')), slug).toBe(true);
    // The hostile text is on the page, as text.
    expect(fs.readFileSync(path.join(dist, 'briefings', 'harbour-board-votes-mention-to-x-again-mention-on-the-levy', 'index.html'), 'utf8')).toContain('&lt;script&gt;alert(&quot;pwned-script&quot;)&lt;/script&gt;');
  });

  it('fails under BRIEFINGS_STRICT=1, after reporting every problem', async () => {
    const failed = await buildSite({ input: INPUT, name: 'robust-strict', env: { BRIEFINGS_STRICT: '1' } }).then(() => null, (error: { stdout: string; stderr: string }) => error);
    expect(failed?.stderr).toMatch(/BRIEFINGS_STRICT=1: the build report has \d+ warning\(s\) or error\(s\)/);
    expect(`${failed?.stdout}${failed?.stderr}`).toContain('too long for one article');
  }, 240_000);

  it('carries no script, event handler or javascript: address from an article in any file', () => {
    const own = siteScripts(inject('seedsDist'));
    const seedsFiles = new Set(walk(inject('seedsDist')));
    for (const file of walk(dist)) {
      const text = fs.readFileSync(path.join(dist, file), 'utf8');
      if (file.endsWith('.html')) {
        visit(tree(dist, file), 'element', (node: Element) => {
          const where = `${file}: <${node.tagName}>`;
          if (node.tagName === 'script') {
            // Structured data is the one script that carries article text: it must be JSON and nothing else.
            if (node.properties.type === 'application/ld+json') expect(() => JSON.parse(scriptText(node)), where).not.toThrow();
            else expect(own.has(toHtml(node)), `${where} ${toHtml(node).slice(0, 200)}`).toBe(true);
          }
          expect(['iframe', 'object', 'embed', 'base'], where).not.toContain(node.tagName);
          for (const [name, value] of Object.entries(node.properties)) {
            expect(name, where).not.toMatch(/^on[A-Z]/);
            if (URL_PROPERTIES.includes(name)) expect(String(value).replace(/[\s\0-\x1f]+/g, '').toLowerCase(), `${where} ${name}`).not.toMatch(/^(javascript|vbscript|data):/);
          }
        });
      } else if (file.endsWith('.xml')) {
        // Feeds and sitemaps: article text only ever as escaped character data, addresses only http(s).
        expect(text, file).not.toMatch(/<\s*(script|img|iframe|svg|a|div|b)\b/i);
        for (const [, url] of text.matchAll(/<(?:link|guid[^>]*|loc)>([^<]*)</g)) expect(url, file).toMatch(/^https?:\/\//);
      } else if (file.endsWith('.js')) {
        // Scripts are the site's own code, the same as for any corpus.
        expect(seedsFiles.has(file) && fs.readFileSync(path.join(inject('seedsDist'), file), 'utf8') === text, file).toBe(true);
      }
    }
  });

  it('builds byte-identical content and site from the same input', async () => {
    const again = await buildSite({ input: INPUT, name: 'robust-again' });
    const [first, second] = [path.dirname(dist), path.dirname(again)];
    for (const part of ['content', 'dist']) {
      const files = walk(path.join(first, part));
      expect(walk(path.join(second, part)), part).toEqual(files);
      for (const file of files) expect(fs.readFileSync(path.join(second, part, file)).equals(fs.readFileSync(path.join(first, part, file))), `${part}/${file}`).toBe(true);
    }
  }, 240_000);

  it('drops a removed article\'s page and its mentions from the entity pages', async () => {
    const removed = 'briefings/harbour-board-elects-new-chair/';
    const person = path.join(dist, 'people', 'jonas-berg', 'index.html');
    expect(fs.readFileSync(person, 'utf8')).toContain(removed);

    writeBadCorpus(path.join(ROOT, SHORTER));
    fs.rmSync(path.join(ROOT, SHORTER, 'harbour-vote.txt'));
    const shorter = await buildSite({ input: SHORTER, name: 'robust-shorter' });
    expect(fs.existsSync(path.join(shorter, removed))).toBe(false);
    const page = fs.readFileSync(path.join(shorter, 'people', 'jonas-berg', 'index.html'), 'utf8');
    expect(page).toContain('briefings/the-harbour-board-chair-jonas-berg-said-on-tuesday-that-dues-would/');
    expect(page).not.toContain(removed);
    expect(page).not.toContain('Harbour Board Elects New Chair');
  }, 240_000);
});
