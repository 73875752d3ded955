/**
 * Emit stage: a linked briefing → MDX text. The document is built as an mdast tree and serialized
 * by remark-mdx, so article text can never become code: `{`, `<`, backticks and friends are escaped
 * by the serializer, and lines that MDX would read as `import`/`export` statements are escaped too.
 */
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Briefing, Inline } from './link.ts';

/** JSX components the site provides when it renders a briefing body. */
export const SENTENCE = 'Sentence';
export const MENTION = 'Mention';

const jsx = (name: string, attributes: Record<string, string>, children: PhrasingContent[]): MdxJsxTextElement => ({
  type: 'mdxJsxTextElement',
  name,
  attributes: Object.entries(attributes).map(([attr, value]) => ({ type: 'mdxJsxAttribute', name: attr, value })),
  children,
});

const inline = (part: Inline): PhrasingContent =>
  part.type === 'text' ? { type: 'text', value: part.value } : jsx(MENTION, { to: part.to }, [{ type: 'text', value: part.value }]);

/**
 * The front matter is written as JSON, which is also YAML: every string is double-quoted, so
 * Astro's YAML 1.1 reader cannot take "2025-09-17" for a timestamp or "No" for a boolean, and it
 * is some thirty times faster to write than block YAML for thousands of briefings.
 */
const frontMatter = (data: Briefing['data']): string => JSON.stringify(data, null, 1);

export function toMdast(briefing: Briefing): Root {
  const children: RootContent[] = [{ type: 'yaml', value: frontMatter(briefing.data) }];
  for (const block of briefing.body) {
    const phrasing: PhrasingContent[] = block.children.map((child) =>
      child.type === 'sentence' ? jsx(SENTENCE, { id: child.id }, child.children.map(inline)) : { type: 'text', value: child.value },
    );
    if (block.kind === 'heading') children.push({ type: 'heading', depth: 3, children: phrasing }); // under the page's "The article" h2
    // MDX reads a line that starts with a JSX tag as block-level JSX, which would drop the <p>
    // around the sentences: the paragraph is written as an explicit one-line <p> element.
    else children.push({ type: 'paragraph', children: [jsx('p', {}, phrasing)] } satisfies Paragraph);
  }
  return { type: 'root', children };
}

const processor = unified()
  .use(remarkStringify, {
    // MDX reads a paragraph line starting with `import` or `export` as an ES module statement.
    unsafe: [
      { character: 'e', atBreak: true, after: 'xport\\b' },
      { character: 'i', atBreak: true, after: 'mport\\b' },
    ],
  })
  .use(remarkMdx)
  .use(remarkFrontmatter, ['yaml']);

export function toMdx(briefing: Briefing): string {
  return processor.stringify(toMdast(briefing));
}
