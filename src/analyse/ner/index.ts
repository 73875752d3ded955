import { tagPos } from '../text/pos.ts';
import type { EntityKind, Mention, Sentence } from '../types.ts';
import { prepareDocument } from './features.ts';
import { spans, tagDocument } from './tagger.ts';

/**
 * Named-entity recognition over the sentences of one article: an averaged-perceptron BILOU
 * tagger (trained on CoNLL-2003 train), then document-level consistency.
 */
export function recognize(sentences: Sentence[]): Mention[] {
  return recognizeDocument(sentences).mentions;
}

export interface Recognition {
  mentions: Mention[];
  /** Per sentence: ALL CAPS or Title Case, so capitalization marks no names there. */
  caseless: boolean[];
}

export function recognizeDocument(sentences: Sentence[]): Recognition {
  const rows = sentences.map((s) => {
    if (s.tokens.some((t) => !t.pos)) tagPos(s.tokens);
    return { words: s.tokens.map((t) => t.text), pos: s.tokens.map((t) => t.pos!) };
  });
  const prepared = prepareDocument(rows);
  const mentions: Mention[] = [];
  const labels = tagDocument(prepared);
  prepared.forEach((_, si) => {
    const tokens = sentences[si]!.tokens;
    for (const [from, to, kind] of spans(labels[si]!)) {
      const s = tokens[from]!.start;
      const e = tokens[to - 1]!.end;
      mentions.push({ sentence: si, kind: kind as EntityKind, start: s, end: e, text: sentences[si]!.text.slice(s, e) });
    }
  });
  return { mentions, caseless: prepared.map((p) => p.caseless) };
}
