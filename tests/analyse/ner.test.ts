import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LABELS, iobToBilou, isCaseless, newHistory, prepareDocument } from '../../src/analyse/ner/features.ts';
import { GAZ_MASK, PLACE_SHIFT, gazetteer, gazetteerMatches } from '../../src/analyse/ner/gazetteer.ts';
import { recognize } from '../../src/analyse/ner/index.ts';
import { NER_WEIGHTS, decode, documentOrder, spans, tagDocument } from '../../src/analyse/ner/tagger.ts';
import { addWeights, loadModel } from '../../src/analyse/text/perceptron.ts';
import { splitSentences, tagPos, tokenize } from '../../src/analyse/text/index.ts';
import type { Sentence } from '../../src/analyse/types.ts';

function sentences(...paragraphs: string[]): Sentence[] {
  return paragraphs.flatMap((p, block) =>
    splitSentences(p).map((sp, i) => {
      const text = p.slice(sp.start, sp.end);
      const tokens = tokenize(text);
      tagPos(tokens);
      return { id: `s${block}-${i}`, text, block, kind: block === 0 ? 'title' : 'paragraph', tokens } as Sentence;
    }),
  );
}

const labels = (...xs: string[]) => xs.map((x) => LABELS.indexOf(x));

describe('recognize', () => {
  it('finds people, organizations and places with offsets into the sentence', () => {
    const s = sentences('Talks in Geneva', 'Angela Merkel met executives of Deutsche Bank in Frankfurt on Friday.');
    const found = recognize(s).map((m) => `${m.kind}:${m.text}`);
    expect(found).toEqual(expect.arrayContaining(['PER:Angela Merkel', 'ORG:Deutsche Bank', 'LOC:Frankfurt']));
    for (const m of recognize(s)) expect(s[m.sentence]!.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('gives a name one type in the whole document', () => {
    const s = sentences('Notes', 'Jordan scored twice.', 'Jordan was the best player, and Jordan said so himself.');
    const kinds = new Set(recognize(s).filter((m) => m.text === 'Jordan').map((m) => m.kind));
    expect(kinds.size).toBe(1);
  });

  it('tags names in an all-caps headline using the rest of the document', () => {
    const s = sentences('GERMANY BEAT FRANCE IN PARIS', 'Germany beat France 2-1 in Paris on Saturday.');
    const head = recognize(s).filter((m) => m.sentence === 0).map((m) => m.text);
    expect(head).toEqual(expect.arrayContaining(['GERMANY', 'FRANCE', 'PARIS']));
  });
});

describe('tagDocument', () => {
  it('labels as the model does feature by feature, though it sums weights once per word', () => {
    const model = loadModel(readFileSync(NER_WEIGHTS));
    for (const seed of ['000_fac9849c29fc6787.txt', '003_b4759a46b90d5ce9.txt']) {
      const lines = readFileSync(new URL(`../../seeds/${seed}`, import.meta.url), 'utf8').split('\n').filter((l) => l.trim());
      const prepared = prepareDocument(sentences(...lines).map((s) => ({ words: s.tokens.map((t) => t.text), pos: s.tokens.map((t) => t.pos!) })));
      const fast = tagDocument(prepared);
      const history = newHistory();
      const slow: number[][] = [];
      const ints = new Int32Array(LABELS.length);
      const scorer = (f: Uint32Array, n: number, sc: Float32Array) => {
        ints.fill(0);
        addWeights(model, f, n, ints);
        sc.set(ints);
      };
      for (const k of documentOrder(prepared)) slow[k] = decode(prepared[k]!, scorer, undefined, history);
      expect(fast.map((l) => [...l])).toEqual(slow);
      expect(slow.flat().filter((l) => l !== 0).length).toBeGreaterThan(50);
    }
  });

  it('still labels as the model does when its tables of summed weights grow', () => {
    const model = loadModel(readFileSync(NER_WEIGHTS));
    // Two thousand names never seen before, each summed afresh.
    const name = (k: number) => `Q${(k * 7919).toString(36)}x`;
    const lines = Array.from({ length: 1000 }, (_, k) => `${name(2 * k)} met ${name(2 * k + 1)} in Westbury on ${k % 28 + 1} May.`);
    const prepared = prepareDocument(sentences('Notes', ...lines).map((s) => ({ words: s.tokens.map((t) => t.text), pos: s.tokens.map((t) => t.pos!) })));
    const ints = new Int32Array(LABELS.length);
    const scorer = (f: Uint32Array, n: number, sc: Float32Array) => {
      ints.fill(0);
      addWeights(model, f, n, ints);
      sc.set(ints);
    };
    const fast = tagDocument(prepared);
    const history = newHistory();
    const slow: number[][] = [];
    for (const k of documentOrder(prepared)) slow[k] = decode(prepared[k]!, scorer, undefined, history);
    expect(fast.map((l) => [...l])).toEqual(slow);
  });
});

describe('BILOU decoding', () => {
  it('converts CoNLL IOB1 tags', () => {
    expect(iobToBilou(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC', 'I-ORG'])).toEqual(['B-PER', 'L-PER', 'O', 'U-LOC', 'U-LOC', 'U-ORG']);
  });

  it('reads invalid label sequences leniently', () => {
    // A "B" left open is closed by O; a type change inside an entity keeps the first type.
    expect(spans(labels('B-ORG', 'O', 'B-PER', 'L-ORG'))).toEqual([
      [0, 1, 'ORG'],
      [2, 4, 'PER'],
    ]);
    // Two person names side by side are one name.
    expect(spans(labels('U-PER', 'U-PER', 'O', 'U-LOC'))).toEqual([
      [0, 2, 'PER'],
      [3, 4, 'LOC'],
    ]);
  });
});

describe('caseless sentences', () => {
  it('knows ALL CAPS and Title Case headlines from lists of names', () => {
    expect(isCaseless('SOCCER - GERMANY BEAT FRANCE'.split(' '))).toBe(true);
    expect(isCaseless('Minister Says Talks Will Resume In June'.split(' '))).toBe(true);
    expect(isCaseless('Smith 69 , Jones 45 , Brown 12'.split(' '))).toBe(false);
    expect(isCaseless('The minister said talks would resume'.split(' '))).toBe(false);
  });
});

describe('gazetteer', () => {
  it('comes from country and city data, with codes matched case-sensitively', () => {
    const g = gazetteer();
    expect(g.countryByName.get('us')?.name).toBe('United States');
    expect(g.countryByName.get('us')).toBe(g.countryByName.get('united states of america'));
    const words = ['The', 'US', 'and', 'New', 'York', 'said', 'us'];
    const m = gazetteerMatches(words, words.map((w) => w.toLowerCase()), Uint8Array.from(words, (w) => (/^[A-Z]/.test(w) ? 1 : 0)));
    expect(m[1]! & GAZ_MASK).toBeGreaterThan(0);
    expect(m[3]! >> PLACE_SHIFT).toBe(1);
    expect(m[4]! >> PLACE_SHIFT).toBe(3);
    expect(m[6]).toBe(0);
  });
});
