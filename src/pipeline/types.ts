import type { VFile } from 'vfile';
import type { BlockKind, Facts, Sentence } from '../analyse/types.ts';

/** What is known of an article besides its text; metadata always wins over inference. */
export interface ArticleMeta {
  title: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  source: string | null;
  outlet: string | null;
}

/** Output of the read stage: decoded text plus metadata, one per input file. */
export interface RawArticle {
  /** Path as given, relative to the project root when possible ("seeds/x.txt"). */
  path: string;
  format: 'text' | 'markdown';
  meta: ArticleMeta;
  /** The body, decoded, without front matter. */
  text: string;
  /** 1-based line of `text`'s first line in the original file, for messages. */
  firstLine: number;
  file: VFile;
}

export interface Block {
  kind: BlockKind;
  text: string;
  /** 1-based source line, for messages and debugging. */
  line: number;
}

/** Output of the clean stage. */
export interface CleanArticle {
  path: string;
  meta: ArticleMeta & { title: string };
  /** Title first (kind 'title'), then headings and paragraphs in order. */
  blocks: Block[];
  /** The outlet's own summary bullets ("Quick Read"), kept apart and labelled. */
  outletSummary: { label: string; note: string | null; items: string[] } | null;
  /** Set when the text ends mid-word: the broken fragment, shown but not analysed. */
  truncated: { fragment: string } | null;
  file: VFile;
}

/** Output of the analyse stage. */
export interface AnalysedArticle {
  clean: CleanArticle;
  sentences: Sentence[];
  facts: Facts & { summarySource: 'outlet' | 'extracted' };
}
