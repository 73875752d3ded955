/**
 * Sentences for the figure, quote, issue and summary tests: from hand-tagged text
 * ("The/DT US/NNP added/VBD 32/CD companies/NNS ./."), where a test is about tags, or from plain
 * paragraphs run through the project's own text layer, where it is about prose.
 */
import { splitSentences, tagPos, tokenize } from '../../src/analyse/text/index.ts';
import type { BlockKind, Entity, Sentence, Token } from '../../src/analyse/types.ts';

const NO_SPACE_BEFORE = /^[.,;:!?)\]”’%]$|^'s$|^’s$|^n't$/;
const NO_SPACE_AFTER = /^[(\[“‘$£€]$/;

export function tagged(id: string, source: string, block = 0, kind: BlockKind = 'paragraph'): Sentence {
  const tokens: Token[] = [];
  let text = '';
  let glue = true;
  for (const item of source.split(' ')) {
    const slash = item.lastIndexOf('/');
    const word = slash > 0 ? item.slice(0, slash) : item;
    const pos = slash > 0 ? item.slice(slash + 1) : undefined;
    if (!glue && !NO_SPACE_BEFORE.test(word)) text += ' ';
    const token: Token = { text: word, start: text.length, end: text.length + word.length };
    if (pos) token.pos = pos;
    tokens.push(token);
    text += word;
    glue = NO_SPACE_AFTER.test(word);
  }
  return { id, text, block, kind, tokens };
}

/** Blocks of prose → sentences as the analyse stage makes them: "title", then "s1", "s2", ... */
export function prose(...blocks: (string | [BlockKind, string])[]): Sentence[] {
  const sentences: Sentence[] = [];
  blocks.forEach((block, index) => {
    const [kind, text]: [BlockKind, string] = typeof block === 'string' ? ['paragraph', block] : block;
    const spans = kind === 'title' ? [{ start: 0, end: text.length }] : splitSentences(text);
    for (const span of spans) {
      const sentenceText = text.slice(span.start, span.end).trim();
      const tokens = tokenize(sentenceText);
      tagPos(tokens);
      const id = kind === 'title' ? 'title' : `s${sentences.filter((s) => s.kind !== 'title').length + 1}`;
      sentences.push({ id, text: sentenceText, block: index, kind, tokens });
    }
  });
  return sentences;
}

/** An entity named in every sentence that contains one of its names. */
export function entity(sentences: Sentence[], name: string, aliases: string[] = [], roles: string[] = []): Entity {
  const names = [name, ...aliases];
  const hits = sentences.filter((s) => names.some((n) => s.text.includes(n)));
  return {
    id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    name,
    aliases,
    roles,
    mentions: hits.length,
    sentences: hits.map((s) => s.id),
  };
}
