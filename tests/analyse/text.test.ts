import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences, tagPos, tokenize } from '../../src/analyse/text/index.ts';
import { addWeights, hashString, loadModel } from '../../src/analyse/text/perceptron.ts';
import { POS_FEATURES, POS_WEIGHTS, canonical, posContext, posFeatures, shapeHash } from '../../src/analyse/text/pos.ts';
import { onReset, reserve, wordId } from '../../src/analyse/text/vocab.ts';

const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));
const toks = (t: string) => tokenize(t).map((x) => x.text);

describe('splitSentences', () => {
  it('keeps abbreviations, initials and decimals inside the sentence', () => {
    expect(split('Dr. Ann Lee met Mr. J. R. Cole at 9 a.m. on Feb. 3. Growth was 2.5 percent.')).toEqual([
      'Dr. Ann Lee met Mr. J. R. Cole at 9 a.m. on Feb. 3.',
      'Growth was 2.5 percent.',
    ]);
    expect(split('Acme Co. Ltd. and Zeta Inc. agreed. St. Paul is calm.')).toEqual([
      'Acme Co. Ltd. and Zeta Inc. agreed.',
      'St. Paul is calm.',
    ]);
  });

  it('ends a sentence at a company suffix or U.S. when a new sentence clearly starts', () => {
    expect(split('She sold shares of Fabrikam Corp. The stock fell. He moved to the U.S. In May he left.')).toEqual([
      'She sold shares of Fabrikam Corp.',
      'The stock fell.',
      'He moved to the U.S.',
      'In May he left.',
    ]);
    expect(split('The U.S. Senate voted on No. 7 of the bills.')).toHaveLength(1);
  });

  it('goes on past an abbreviation before a bracket', () => {
    expect(split('TARVIK, Calif. (Coastwire) — Fabrikam Corp. (FAB) said on Monday it would cut jobs.')).toHaveLength(1);
  });

  it('does not split a quote followed by an attribution or a lower-case continuation', () => {
    expect(split('“We will win!” Smith shouted. The crowd cheered.')).toEqual(['“We will win!” Smith shouted.', 'The crowd cheered.']);
    expect(split('"Is it over?" she asked. "No."')).toEqual(['"Is it over?" she asked.', '"No."']);
    expect(split('“It is done.” The room went quiet.')).toHaveLength(2);
  });

  it('handles ellipses, missing final periods, glued headings and line breaks', () => {
    expect(split('Prices rose... Then they fell')).toEqual(['Prices rose...', 'Then they fell']);
    expect(split('Why now?Officials said the plan was ready')).toEqual(['Why now?', 'Officials said the plan was ready']);
    expect(split('Budget Talks\nThe council met.')).toEqual(['Budget Talks', 'The council met.']);
  });

  it('returns offsets into the paragraph', () => {
    const t = '  One.  Two!  ';
    expect(splitSentences(t)).toEqual([{ start: 2, end: 6 }, { start: 8, end: 12 }]);
  });
});

describe('tokenize', () => {
  it('gives exact offsets', () => {
    const t = '“Acme’s CEO,” said Ms. Roe — 45% of US$3.5bn.';
    for (const tok of tokenize(t)) expect(t.slice(tok.start, tok.end)).toBe(tok.text);
  });

  it('splits punctuation, clitics and quotes, keeps abbreviations and hyphenated words', () => {
    expect(toks('“Acme’s CEO,” said Ms. Roe.')).toEqual(['“', 'Acme', '’s', 'CEO', ',', '”', 'said', 'Ms.', 'Roe', '.']);
    expect(toks("The U.S.-led Euro-Atlantic group won't rise 12.5% to $1,200.")).toEqual([
      'The', 'U.S.-led', 'Euro-Atlantic', 'group', 'wo', "n't", 'rise', '12.5', '%', 'to', '$', '1,200', '.',
    ]);
    expect(toks("Fabrikam Ltd.'s O'Neill met UK-India envoys' aides")).toEqual([
      'Fabrikam', 'Ltd.', "'s", "O'Neill", 'met', 'UK-India', 'envoys', "'", 'aides',
    ]);
  });

  it('skips any white space, and keeps characters outside the BMP whole', () => {
    expect(toks('a\u00a0b\u2003c\u3000d\ufeffe\tf\u2028g')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(toks('😀 x😀y 𝒜bc')).toEqual(['😀', 'x', '😀', 'y', '𝒜bc']);
  });
});

describe('tagPos', () => {
  it('tags a plain sentence with Penn Treebank tags', () => {
    const tokens = tokenize('The company said profits rose sharply in Germany.');
    tagPos(tokens);
    expect(tokens.map((t) => t.pos)).toEqual(['DT', 'NN', 'VBD', 'NNS', 'VBD', 'RB', 'IN', 'NNP', '.']);
  });

  it('tags as the model does feature by feature, though it sums weights once per word', () => {
    const model = loadModel(readFileSync(POS_WEIGHTS));
    const dict = model.meta.tagdict as Record<string, string>;
    const seed = new URL('../../seeds/000_fac9849c29fc6787.txt', import.meta.url);
    for (const text of readFileSync(seed, 'utf8').split('\n')) for (const span of splitSentences(text)) {
      const tokens = tokenize(text.slice(span.start, span.end));
      tagPos(tokens);
      const words = tokens.map((t) => canonical(t.text));
      const ctx = posContext(words);
      const feats = new Uint32Array(POS_FEATURES);
      const scores = new Int32Array(model.classes.length);
      let [p1, p2] = [-1, -2];
      const expected = words.map((w, i) => {
        let tag = dict[w] === undefined ? -1 : model.classes.indexOf(dict[w]);
        if (tag < 0) {
          scores.fill(0);
          addWeights(model, feats, posFeatures(ctx, i, p1, p2, feats), scores);
          tag = scores.indexOf(Math.max(...scores));
        }
        [p2, p1] = [p1, tag];
        return model.classes[tag];
      });
      expect(tokens.map((t) => t.pos)).toEqual(expected);
    }
  });
});

describe('word hashes', () => {
  /** Coarse word shape: x, X, d for lower, upper, digit (by case mapping beyond ASCII), other characters as they are; repeats collapsed, six at most. */
  function shape(w: string): string {
    let out = '';
    let last = '';
    for (let i = 0; i < w.length && out.length < 6; i++) {
      const c = w[i]!;
      const k = /[0-9]/.test(c) ? 'd' : c.toLowerCase() !== c ? 'X' : c.toUpperCase() !== c ? 'x' : c;
      if (k !== last) out += k;
      last = k;
    }
    return out;
  }

  it('hash the normalized word, its suffix, first character and shape without making those strings', () => {
    const words = ['Zürich', 'İZMIR', 'ÉCOLE', 'x-ray', 'Ltd.', '1999', '12,500', '😀ok', 'aaaaBBBB1-2-3'];
    const normalized = ['zürich', 'i̇zmir', 'école', 'x-ray', 'ltd.', '!YEAR', '!DIGITS', '😀ok', 'aaaabbbb1-2-3'];
    expect(['İZMIR', 'x-ray', '😀ok', 'aaaaBBBB1-2-3'].map(shape)).toEqual(['X', 'x-x', '\ud83d\ude00x', 'xXd-d-']);
    const { hashes } = posContext(words);
    words.forEach((w, i) => {
      const norm = normalized[i]!;
      expect([...hashes.subarray((i + 2) * 4, (i + 3) * 4)]).toEqual([norm, norm.slice(-3), w.slice(0, 1), shape(w)].map(hashString));
      expect(shapeHash(w)).toBe(hashString(shape(w)));
      expect(shapeHash(w, 126)).toBe(hashString('~' + shape(w)));
    });
  });
});

describe('splitSentences: stray punctuation', () => {
  it('keeps a lone period with the sentence before it', () => {
    expect(split('Supplies reached the US. . Prices fell.')).toEqual(['Supplies reached the US. .', 'Prices fell.']);
    expect(split('It ended ... .')).toEqual(['It ended ... .']);
  });
});

describe('vocabulary', () => {
  it('gives each word one id, and starts afresh (with the taggers) when it grows too big', () => {
    const ids = ['Paris', 'paris', 'PARIS', 'Paris'].map(wordId);
    expect(ids[0]).toBe(ids[3]);
    expect(new Set(ids).size).toBe(3);
    const before = tokenize('The company said profits rose sharply in Germany.');
    tagPos(before);
    let resets = 0;
    onReset(() => resets++);
    for (let i = 0; i < 1 << 18; i++) wordId(`w${i}`);
    reserve(1);
    expect(resets).toBe(1);
    expect(wordId('fresh')).toBe(0);
    const after = tokenize('The company said profits rose sharply in Germany.');
    tagPos(after);
    expect(after.map((t) => t.pos)).toEqual(before.map((t) => t.pos));
  });
});
