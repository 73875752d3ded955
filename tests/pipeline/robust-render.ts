/** The text a reader sees of a briefing: its MDX compiled and run by @mdx-js/mdx, rendered to HTML, parsed back. */
import { evaluate } from '@mdx-js/mdx';
import type { ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { createElement, Fragment, type ReactNode } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import remarkFrontmatter from 'remark-frontmatter';

const components = {
  Sentence: ({ id, children }: { id: string; children: ReactNode }) => createElement('span', { id }, children),
  Mention: ({ to, children }: { to: string; children: ReactNode }) => createElement('a', { href: to }, children),
};

const textOf = (node: ElementContent | Root): string =>
  node.type === 'text' ? node.value : 'children' in node ? node.children.map((c) => textOf(c as ElementContent)).join('') : '';

/** The HTML of the body and the text of each of its blocks (headings and paragraphs), as the browser would hold them. */
export async function renderMdx(mdx: string): Promise<{ html: string; blocks: string[] }> {
  const { default: Content } = await evaluate(mdx, { ...runtime, Fragment, remarkPlugins: [[remarkFrontmatter, ['yaml']]] });
  const html = renderToStaticMarkup(createElement(Content, { components }));
  const tree = fromHtml(html, { fragment: true });
  return { html, blocks: tree.children.filter((n) => n.type === 'element').map(textOf) };
}
