import { evaluate } from '@mdx-js/mdx';
import { createElement, Fragment, type ReactNode } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { toMdx } from '../../src/pipeline/emit.ts';
import type { Briefing } from '../../src/pipeline/link.ts';
import type { BriefingData } from '../../src/pipeline/schema.ts';

const HOSTILE = [
  'export const x = 1',
  'import fs from "fs"',
  '{process.exit(1)} and {1+1}',
  '<script>alert("x")</script> <b>bold</b> a < b > c',
  '<!-- a comment --> `code` ``` fenced ```',
  '# not a heading, * not a list, > not a quote, 1. not a list',
  '[link](javascript:alert(1)) ![img](x.png) &amp; &#x41; \\ backslash',
];

function briefingOf(paragraphs: string[]): Briefing {
  const data = {
    title: 'Hostile {title} <script>', file: 'x.txt', source: null, outlet: null, published: null, truncated: null,
    summary: ['export const y = 2'], summarySource: 'extracted', outletSummary: null, keyFacts: [],
    people: [], organizations: [], places: [], issues: [], dates: [], figures: [], quotes: [],
    sentences: paragraphs.map((text, i) => ({ id: `s${i + 1}`, text })),
  } satisfies BriefingData;
  return {
    slug: 'x',
    data,
    body: paragraphs.map((text, i) => ({ kind: i === 0 ? 'heading' : 'paragraph', children: [{ type: 'sentence', id: `s${i + 1}`, children: [{ type: 'text', value: text }] }] })),
  };
}

async function render(mdx: string): Promise<string> {
  const { default: Content } = await evaluate(mdx, { ...runtime, Fragment, remarkPlugins: [[remarkFrontmatter, ['yaml']]] });
  const components = {
    Sentence: ({ id, children }: { id: string; children: ReactNode }) => createElement('span', { id }, children),
    Mention: ({ to, children }: { to: string; children: ReactNode }) => createElement('a', { href: to }, children),
  };
  return renderToStaticMarkup(createElement(Content, { components }));
}

const decodeHtml = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');

describe('emit stage (MDX from an mdast tree)', () => {
  it('keeps hostile article text as literal text: no ESM, no expressions, no raw HTML', () => {
    const mdx = toMdx(briefingOf(HOSTILE));
    const tree = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).parse(mdx);
    const kinds = new Set<string>();
    const texts: string[] = [];
    visit(tree, (node) => {
      kinds.add(node.type);
      if (node.type === 'text') texts.push((node as { value: string }).value);
    });
    expect([...kinds].filter((k) => /mdxjsEsm|Expression|html|code|list|blockquote|link|image/.test(k))).toEqual([]);
    expect(texts).toEqual(HOSTILE);
  });

  it('renders the text exactly as written when compiled and run as MDX', async () => {
    const html = await render(toMdx(briefingOf(HOSTILE)));
    expect(html.match(/<p>/g)).toHaveLength(HOSTILE.length - 1);
    expect(html).not.toMatch(/<script|<b>|<!--/);
    for (const text of HOSTILE) expect(decodeHtml(html)).toContain(text);
  });

  it('writes the facts as YAML front matter that reads back the same', () => {
    const briefing = briefingOf(HOSTILE);
    const mdx = toMdx(briefing);
    const yaml = /^---\n([\s\S]*?)\n---/.exec(mdx)?.[1] ?? '';
    expect(parseYaml(yaml)).toEqual(briefing.data);
  });

  it('marks sentences and mentions with the site components', () => {
    const briefing = briefingOf(['', 'x']);
    briefing.body = [{ kind: 'paragraph', children: [{ type: 'sentence', id: 's1', children: [{ type: 'mention', to: 'people/ada-lovelace', value: 'Ada' }, { type: 'text', value: ' wrote.' }] }] }];
    expect(toMdx(briefing)).toContain('<Sentence id="s1"><Mention to="people/ada-lovelace">Ada</Mention> wrote.</Sentence>');
  });
});
