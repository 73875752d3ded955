import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processFile } from '../../src/pipeline/build.ts';
import { toMdx } from '../../src/pipeline/emit.ts';
import { linkCorpus } from '../../src/pipeline/link.ts';
import { normalizeText, unifyLineEnds } from '../../src/pipeline/read.ts';
import { SlugRegistry } from '../../src/pipeline/slug.ts';
import { renderMdx } from './robust-render.ts';

// Pieces that mean something to Markdown, MDX, JSX, HTML or YAML, mixed into random Unicode.
const SYNTAX = [
  '{', '}', '<', '>', '</p>', '<script>', '<Mention to="x">', '`', '```', '\\', '*', '_', '#', '[', '](', ')', '!', '&', '&amp;', '&#x41;', '|', '~',
  '---', '- ', '1. ', '> ', '    ', 'export const x = 1', 'import x from "y"', '{/* c */}', '<!--', '-->', 'javascript:', 'www.x.com', 'http://a.b',
  '\n', '\r\n', '\r', '\t', ' ', '\u00a0', '\u0000', '\u0085', '\u2028', '\u200b', '\u200d', '\u202e', '\ufeff', '\u0301', 'Ｆｕｌｌ', 'ﬁ', '👨‍👩‍👧', '?', '. ', 'Mr. ', '"',
];
const body = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...SYNTAX), fc.string({ unit: 'grapheme-ascii', maxLength: 12 })), { maxLength: 40 }).map((parts) => parts.join(''));

const visible = (text: string): string => text.replace(/\s+/g, '');

describe('any article text', () => {
  it('builds, compiles as MDX, and renders as exactly the text given, normalized', async () => {
    await fc.assert(fc.asyncProperty(body, async (text) => {
      const { article, file } = processFile('in/a.txt', new TextEncoder().encode(text), { title: 'Property headline' });
      // Reading makes line ends "\n" before it normalizes characters (a joiner after U+2028 is then idle).
      const expected = visible(normalizeText(unifyLineEnds(text)));
      if (!article) {
        // The only way out is an article with no text left, reported as such.
        expect(expected).toBe('');
        expect(file.messages.at(-1)).toMatchObject({ ruleId: 'empty', fatal: true });
        return;
      }
      const [briefing] = linkCorpus([article]);
      const { blocks } = await renderMdx(toMdx(briefing!));
      for (const block of blocks) expect(block).toBe(block.replace(/\s+/g, ' ').trim());
      expect(visible(blocks.join('') + (briefing!.data.truncated ?? ''))).toBe(expected);
    }), { numRuns: 300 });
  }, 120_000);
});

describe('slugs', () => {
  it('are unique and URL-safe for any titles', () => {
    const titles = fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('Budget', 'budget', 'BUDGET!', 'budget-2', 'Budget 2', '', '!!!', '名前', 'article', 'article-2')), { maxLength: 30 });
    fc.assert(fc.property(titles, (list) => {
      const registry = new SlugRegistry('article');
      const slugs = list.map((t) => registry.claim(t));
      expect(new Set(slugs).size).toBe(slugs.length);
      for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }), { numRuns: 500 });
  });
});
