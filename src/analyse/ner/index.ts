import { tagPos } from '../text/pos.ts';
import type { EntityKind, Mention, Sentence } from '../types.ts';
import { prepareDocument } from './features.ts';
import { spans, tagDocument } from './tagger.ts';

/**
 * Named-entity recognition over the sentences of one article: an averaged-perceptron BILOU
 * tagger (trained on CoNLL-2003 train) that reads the body before the headlines and sees
 * what it made of each word so far, then one type per name by majority.
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
  consistent(mentions);
  return { mentions, caseless: prepared.map((p) => p.caseless) };
}

/** One type per name in a document, by majority of its mentions (ties keep each mention's). */
function consistent(mentions: Mention[]): void {
  const votes = new Map<string, Map<EntityKind, number>>();
  const ballots = mentions.map((m) => {
    const k = m.text.toLowerCase();
    let v = votes.get(k);
    if (!v) votes.set(k, (v = new Map<EntityKind, number>()));
    v.set(m.kind, (v.get(m.kind) ?? 0) + 1);
    return v;
  });
  mentions.forEach((m, i) => {
    const v = ballots[i]!;
    for (const [kind, n] of v) if (n > v.get(m.kind)!) m.kind = kind;
  });
}
