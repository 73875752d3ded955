/**
 * Web pages: the HTML of a saved news page → its article as Markdown, plus the page's own
 * metadata. Mozilla's Readability (Firefox Reader View) finds the article in a jsdom document,
 * which runs no script and loads nothing. The article becomes Markdown through hast and mdast,
 * so headings stay headings and every character of text is escaped: markup in a page can only
 * ever reach the briefing as the text it displays.
 */
import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast, type Handle } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import type * as Jsdom from 'jsdom';
import type { Paragraph } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';

export interface WebPage {
  /** The article text as Markdown. */
  markdown: string;
  /** Metadata as the page states it, still to be validated like front matter. */
  meta: { title?: string | null; outlet?: string | null; published?: string | null; source?: string | null };
}

// jsdom takes most of a second to load: only a build or an extract that meets a web page pays for it.
const require = createRequire(import.meta.url);
let jsdom: typeof Jsdom | null = null;

const drop: Handle = () => undefined;

const rows = (node: Element): Element[] =>
  node.children.flatMap((child: ElementContent) => (child.type !== 'element' ? [] : child.tagName === 'tr' ? [child] : rows(child)));

/** A data table has no Markdown without GFM: each row becomes a line of its cells. */
const table: Handle = (_state, node: Element): Paragraph[] =>
  rows(node).map((row) => ({
    type: 'paragraph',
    children: [{ type: 'text', value: row.children.filter((c) => c.type === 'element').map((c) => toText(c).trim()).filter(Boolean).join(' · ') }],
  }));

/** Pictures, video and embeds carry no article text; their alt text would read as stray lines. */
const handlers: Record<string, Handle> = { img: drop, picture: drop, video: drop, audio: drop, iframe: drop, svg: drop, table };

function attribute(doc: Document, selectors: string[], name: string): string | null {
  for (const selector of selectors) {
    const value = doc.querySelector(selector)?.getAttribute(name)?.trim();
    if (value) return value;
  }
  return null;
}

/** Returns null when the page has no article text that Readability can find. */
export function readHtml(html: string): WebPage | null {
  // The virtual console swallows jsdom's complaints about the page's CSS.
  const { JSDOM, VirtualConsole } = (jsdom ??= require('jsdom') as typeof Jsdom);
  const { window } = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  try {
    const doc = window.document;
    // Read before Readability, which rewrites the document.
    const source = attribute(doc, ['link[rel~="canonical"]'], 'href') ?? attribute(doc, ['meta[property="og:url"]'], 'content');
    const time = attribute(doc, ['[itemprop="datePublished"][content]'], 'content') ?? attribute(doc, ['time[itemprop="datePublished"]', 'article time[datetime]', 'time[datetime]'], 'datetime');
    const article = new Readability(doc).parse();
    if (!article?.content) return null;
    const markdown = toMarkdown(toMdast(fromHtml(article.content, { fragment: true }), { handlers }));
    return {
      markdown,
      // Readability reads og:site_name, article:published_time and JSON-LD; <time> is the fallback.
      meta: { title: article.title || null, outlet: article.siteName || null, published: article.publishedTime || time, source },
    };
  } finally {
    window.close();
  }
}
