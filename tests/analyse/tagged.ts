/**
 * Builds Sentence objects from hand-tagged text ("The/DT US/NNP added/VBD 32/CD companies/NNS ./."),
 * so the figure, quote, issue and summary tests do not depend on the tokenizer or tagger.
 * Words without a tag are left untagged.
 */
import type { BlockKind, Sentence, Token } from '../../src/analyse/types.ts';

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

/** Numbered sentences "s1", "s2", ..., each its own paragraph unless a block is given. */
export function article(...items: (string | [string, number, BlockKind?])[]): Sentence[] {
  return items.map((item, i) =>
    typeof item === 'string' ? tagged(`s${i + 1}`, item, i) : tagged(`s${i + 1}`, item[0], item[1], item[2]),
  );
}
