/**
 * Trains the POS tagger and the NER tagger on the CoNLL-2003 training split (never on testa,
 * the development set) and writes the pruned weights next to the code that loads them.
 *   npx node scripts/train-ner.ts [pos|ner|all] [--data PATH]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Trainer } from '../src/analyse/text/perceptron.ts';
import { POS_FEATURES, POS_WEIGHTS, posContext, posFeatures } from '../src/analyse/text/pos.ts';
import { readConll, type ConllSentence } from './ner-data.ts';

const args = process.argv.slice(2);
const what = args.find((a) => !a.startsWith('--')) ?? 'all';
const dataArg = args.indexOf('--data');
const DATA = dataArg >= 0 ? args[dataArg + 1]! : '/work/shared/eval/raw/conll2003/train.txt';

/** Deterministic shuffle so that retraining gives the same weights. */
function shuffle<T>(xs: T[], seed: number): T[] {
  const a = xs.slice();
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function trainPos(sents: ConllSentence[]): void {
  const classes = [...new Set(sents.flatMap((s) => s.pos))].sort();
  // Tag dictionary: frequent words that (nearly) always carry one tag skip the model.
  const counts = new Map<string, Map<string, number>>();
  for (const s of sents) {
    s.words.forEach((w, i) => {
      const m = counts.get(w) ?? new Map<string, number>();
      m.set(s.pos[i]!, (m.get(s.pos[i]!) ?? 0) + 1);
      counts.set(w, m);
    });
  }
  const tagdict: Record<string, string> = {};
  for (const [w, m] of counts) {
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    const [tag, n] = [...m.entries()].sort((a, b) => b[1] - a[1])[0]!;
    if (total >= 20 && n / total >= 0.97) tagdict[w] = tag;
  }
  const trainer = new Trainer(classes);
  const feats = new Uint32Array(POS_FEATURES);
  const scores = new Float32Array(classes.length);
  const ctxs = sents.map((s) => posContext(s.words));
  for (let it = 0; it < 6; it++) {
    let right = 0;
    let total = 0;
    for (const k of shuffle([...sents.keys()], it + 1)) {
      const s = sents[k]!;
      let p1 = -1;
      let p2 = -2;
      s.words.forEach((w, i) => {
        const truth = classes.indexOf(s.pos[i]!);
        let guess = tagdict[w] !== undefined ? classes.indexOf(tagdict[w]) : -1;
        if (guess < 0) {
          const n = posFeatures(ctxs[k]!, i, p1, p2, feats);
          trainer.predict(feats, n, scores);
          guess = scores.indexOf(Math.max(...scores));
          trainer.update(truth, guess, feats, n);
        }
        right += guess === truth ? 1 : 0;
        total++;
        p2 = p1;
        p1 = guess;
      });
    }
    console.log(`pos iter ${it}: ${(right / total).toFixed(4)}`);
  }
  const buf = trainer.save({ tagdict }, 0.05);
  writeFileSync(fileURLToPath(POS_WEIGHTS), buf);
  console.log(`pos weights: ${(buf.length / 1024).toFixed(0)} KiB`);
}

const docs = readConll(DATA);
const sents = docs.flat();
if (what === 'pos' || what === 'all') trainPos(sents);
