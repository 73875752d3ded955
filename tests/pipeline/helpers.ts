import { readArticle } from '../../src/pipeline/read.ts';
import { cleanArticle } from '../../src/pipeline/clean.ts';
import type { ArticleMeta } from '../../src/pipeline/types.ts';

/** Reads and cleans an article given as a string. */
export function clean(text: string, path = 'in/article.txt', sidecar: Partial<ArticleMeta> = {}) {
  const { article, file } = readArticle({ path, bytes: new TextEncoder().encode(text), sidecar });
  if (!article) throw new Error(`not an article: ${String(file.messages)}`);
  return cleanArticle(article);
}

export const kinds = (c: ReturnType<typeof clean>) => c.blocks.map((b) => `${b.kind}: ${b.text}`);
