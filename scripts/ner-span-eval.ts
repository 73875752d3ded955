/**
 * Token-level check of the NER tagger on a CoNLL-2003 file (gold tokens, our POS tags):
 * exact-span precision, recall and F1 per type, as conlleval reports them.
 *   npx node scripts/ner-span-eval.ts [FILE]
 */
import { LABELS, iobToBilou, prepareDocument } from '../src/analyse/ner/features.ts';
import { spans, tagDocument } from '../src/analyse/ner/tagger.ts';
import { tagPos } from '../src/analyse/text/pos.ts';
import type { Token } from '../src/analyse/types.ts';
import { readConll } from './ner-data.ts';

const file = process.argv[2] ?? '/work/shared/eval/raw/conll2003/testa.txt';
const counts = new Map<string, { tp: number; np: number; ng: number }>();
const bump = (t: string, k: 'tp' | 'np' | 'ng') => {
  for (const key of [t, 'ALL']) {
    const c = counts.get(key) ?? { tp: 0, np: 0, ng: 0 };
    c[k]++;
    counts.set(key, c);
  }
};
const t0 = performance.now();
for (const doc of readConll(file)) {
  const rows = doc.map((s) => {
    const toks: Token[] = s.words.map((text) => ({ text, start: 0, end: 0 }));
    tagPos(toks);
    return { words: s.words, pos: toks.map((t) => t.pos!) };
  });
  const prepared = prepareDocument(rows);
  const labels = tagDocument(prepared);
  prepared.forEach((_, si) => {
    const pred = spans(labels[si]!);
    const gold = spans(iobToBilou(doc[si]!.ner).map((l) => LABELS.indexOf(l)));
    const g = new Set(gold.map((x) => x.join(':')));
    for (const p of pred) {
      bump(p[2], 'np');
      if (g.has(p.join(':'))) bump(p[2], 'tp');
    }
    for (const x of gold) bump(x[2], 'ng');
  });
}
for (const [t, c] of counts) {
  const p = c.tp / c.np;
  const r = c.tp / c.ng;
  console.log(`${t.padEnd(4)} P=${p.toFixed(3)} R=${r.toFixed(3)} F1=${((2 * p * r) / (p + r)).toFixed(3)}`);
}
console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
