/**
 * Shared shapes of the analyse stage. Offsets are UTF-16 code-unit offsets into the
 * string they belong to (a sentence's offsets are into its own `text`).
 */

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  text: string;
  /** Penn Treebank part-of-speech tag, when a tagger has run. */
  pos?: string;
}

/** One sentence of the cleaned article; `id` is its anchor in the briefing ("s12"). */
export interface Sentence {
  id: string;
  text: string;
  /** Index of the block (heading, paragraph, summary item, title) it belongs to. */
  block: number;
  /** The block kind, so analysers can treat headings and titles differently. */
  kind: BlockKind;
  tokens: Token[];
}

export type BlockKind = 'title' | 'heading' | 'paragraph' | 'summary';

export type EntityKind = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A name found in one sentence. */
export interface Mention extends Span {
  sentence: number;
  kind: EntityKind;
  text: string;
}

/** A person, organization or place of one article, mentions merged. */
export interface Entity {
  /** Slug of the canonical name, unique within its kind ("donald-trump"). */
  id: string;
  name: string;
  aliases: string[];
  roles: string[];
  mentions: number;
  /** Ids of the sentences that mention it, in order, without repeats. */
  sentences: string[];
}

export interface Issue {
  id: string;
  name: string;
  aliases: string[];
  sentences: string[];
  /** Salience score, higher is more central to the article. */
  weight: number;
}

/** TIMEX3 value ("2025-09-19", "2025-W38", "2025-10", "PAST_REF") and modifier ("START"...). */
export interface DateFact {
  text: string;
  value: string;
  mod: string | null;
  sentence: string;
  /** Offsets of `text` in the sentence. */
  start: number;
  end: number;
}

export interface Figure {
  text: string;
  /** What kind of quantity: percent, money, count, ... */
  kind: 'percent' | 'money' | 'count' | 'quantity';
  sentence: string;
  start: number;
  end: number;
}

export interface Quote {
  /** Canonical name of the speaker (a person or organization), or null when unknown. */
  speaker: string | null;
  /** Entity id and kind of the speaker, when resolved. */
  speakerId: string | null;
  speakerKind: 'person' | 'organization' | null;
  text: string;
  sentence: string;
}

export interface Facts {
  summary: string[];
  keyFacts: string[];
  people: Entity[];
  organizations: Entity[];
  places: Entity[];
  issues: Issue[];
  dates: DateFact[];
  figures: Figure[];
  quotes: Quote[];
}
