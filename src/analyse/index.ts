/**
 * The analyse stage: blocks of one cleaned article → sentences and facts. Pure; each extractor
 * is its own module and sees the same sentences, so every fact points at a sentence anchor.
 */
import { splitSentences, tokenize, tagPos } from './text/index.ts';
import { extractEntities } from './entities/index.ts';
import { extractDates } from './dates/index.ts';
import { extractFigures } from './figures/index.ts';
import { extractQuotes } from './quotes/index.ts';
import { extractIssues, type Taxonomy } from './issues/index.ts';
import { summarize } from './summary/index.ts';
import type { BlockKind, Facts, Sentence } from './types.ts';

export type { Taxonomy };

export interface AnalyseInput {
  blocks: { kind: BlockKind; text: string }[];
  /** YYYY-MM-DD, the anchor for relative dates; null leaves them unresolved. */
  published: string | null;
  outletSummary: string[] | null;
  taxonomy?: Taxonomy;
}

export interface Analysis {
  sentences: Sentence[];
  facts: Facts & { summarySource: 'outlet' | 'extracted' };
}

/** Splits blocks into sentences with ids: the title is "title", body sentences "s1", "s2", ... */
export function toSentences(blocks: AnalyseInput['blocks']): Sentence[] {
  const sentences: Sentence[] = [];
  let n = 0;
  blocks.forEach((block, index) => {
    const spans = block.kind === 'title' ? [{ start: 0, end: block.text.length }] : splitSentences(block.text);
    for (const span of spans) {
      const text = block.text.slice(span.start, span.end).trim();
      if (!text) continue;
      const tokens = tokenize(text);
      tagPos(tokens);
      sentences.push({ id: block.kind === 'title' ? 'title' : `s${++n}`, text, block: index, kind: block.kind, tokens });
    }
  });
  return sentences;
}

export function analyse(input: AnalyseInput): Analysis {
  const sentences = toSentences(input.blocks);
  const entities = extractEntities(sentences);
  const dates = extractDates(sentences, input.published);
  const figures = extractFigures(sentences);
  const quotes = extractQuotes(sentences, entities);
  const issues = extractIssues(sentences, entities, input.taxonomy);
  const partial = { ...entities, dates, figures, quotes, issues };
  const { summary, keyFacts, summarySource } = summarize(sentences, partial, input.outletSummary);
  return { sentences, facts: { ...partial, summary, keyFacts, summarySource } };
}
