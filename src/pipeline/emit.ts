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
import { stringify as stringifyYaml } from 'yaml';
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

// Astro reads front matter as YAML 1.1, where bare 2025-09-17 is a timestamp and yes/no/on are
// booleans: every string is double-quoted so it reads back as the same string.
const YAML_OPTIONS = { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' } as const;

export function toMdast(briefing: Briefing): Root {
  const children: RootContent[] = [{ type: 'yaml', value: stringifyYaml(briefing.data, YAML_OPTIONS).trimEnd() }];
  for (const block of briefing.body) {
    const phrasing: PhrasingContent[] = block.children.map((child) =>
      child.type === 'sentence' ? jsx(SENTENCE, { id: child.id }, child.children.map(inline)) : { type: 'text', value: child.value },
    );
    if (block.kind === 'heading') children.push({ type: 'heading', depth: 3, children: phrasing }); // under the page's "The article" h2
    else children.push({ type: 'paragraph', children: phrasing } satisfies Paragraph);
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
