/**
 * Trains the POS tagger and the NER tagger on the CoNLL-2003 training split (never on testa,
 * the development set) and writes the pruned weights next to the code that loads them.
 *   npx node scripts/train-ner.ts [pos|ner|all] [--data PATH] [--dev PATH (report only)]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LABELS, iobToBilou, newHistory, prepareDocument, type NerSentence } from '../src/analyse/ner/features.ts';
import { NER_WEIGHTS, decode, documentOrder, spans } from '../src/analyse/ner/tagger.ts';
import { Trainer } from '../src/analyse/text/perceptron.ts';
import { POS_FEATURES, POS_WEIGHTS, posContext, posFeatures, posTagger, tagPos } from '../src/analyse/text/pos.ts';
import type { Token } from '../src/analyse/types.ts';
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

// Tag dictionary and pruning trade a little accuracy for speed: a smaller weight table stays
// in cache (prune 1: 95.0% vs 95.1% on testa, under half the size).
const DICT_MIN = Number(process.env.POS_DICT_MIN ?? 5);
const DICT_SHARE = Number(process.env.POS_DICT_SHARE ?? 0.98);
const POS_PRUNE = Number(process.env.POS_PRUNE ?? 1);
const NER_PRUNE = Number(process.env.NER_PRUNE ?? 1);

/** Trains a POS model; returns its weights file. */
function trainPos(sents: ConllSentence[], log = true): Buffer {
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
    if (total >= DICT_MIN && n / total >= DICT_SHARE) tagdict[w] = tag;
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
    if (log) console.log(`pos iter ${it}: ${(right / total).toFixed(4)}`);
  }
  return trainer.save({ tagdict }, POS_PRUNE);
}

/**
 * POS tags for the NER training text as the tagger gives them on unseen text: each fifth of
 * the documents is tagged by a model trained on the other four (jackknifing). Tags from the
 * final model, which has seen these sentences, would be too good to learn from.
 */
function jackknifePos(docs: ConllSentence[][]): Map<ConllSentence, string[]> {
  const out = new Map<ConllSentence, string[]>();
  const folds = 5;
  for (let f = 0; f < folds; f++) {
    const rest = docs.filter((_, k) => k % folds !== f).flat();
    const tag = posTagger(trainPos(rest, false));
    for (const s of docs.filter((_, k) => k % folds === f).flat()) {
      const toks: Token[] = s.words.map((text) => ({ text, start: 0, end: 0 }));
      tag(toks);
      out.set(s, toks.map((t) => t.pos!));
    }
    console.log(`pos fold ${f + 1}/${folds} done`);
  }
  return out;
}

function posTags(words: string[]): string[] {
  const toks: Token[] = words.map((text) => ({ text, start: 0, end: 0 }));
  tagPos(toks);
  return toks.map((t) => t.pos!);
}

/**
 * NER inputs of one document, POS from our own tagger (as at run time). Some sentences also
 * get a Title Case copy, so that the model learns names in headlines styled that way, which
 * the 1996 Reuters text (ALL CAPS headlines) does not show.
 */
function nerDocument(doc: ConllSentence[], augment: boolean, pos?: Map<ConllSentence, string[]>): { sents: NerSentence[]; gold: number[][] } {
  const rows = doc.map((s) => ({ words: s.words, pos: pos?.get(s) ?? posTags(s.words), ner: s.ner }));
  if (augment) {
    doc.forEach((s, k) => {
      if (k % 8 !== 3 || s.words.length < 4) return;
      const words = s.words.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
      rows.push({ words, pos: posTags(words), ner: s.ner });
    });
  }
  const sents = prepareDocument(rows);
  const gold = rows.map((r) => iobToBilou(r.ner).map((l) => LABELS.indexOf(l)));
  return { sents, gold };
}

/** Entity spans "start:end:type" of a label sequence. */
function spanSet(labels: number[]): Set<string> {
  return new Set(spans(labels).map((x) => x.join(':')));
}

function trainNer(docs: ConllSentence[][], dev: ConllSentence[][] | null): void {
  const pos = jackknifePos(docs);
  const train = docs.map((d) => nerDocument(d, true, pos));
  const devDocs = dev?.map((d) => nerDocument(d, false)) ?? [];
  const trainer = new Trainer(LABELS);
  const scorer = (f: Uint32Array, n: number, sc: Float32Array) => trainer.predict(f, n, sc);
  for (let it = 0; it < EPOCHS; it++) {
    let right = 0;
    let total = 0;
    for (const k of shuffle([...train.keys()], it + 7)) {
      const { sents, gold } = train[k]!;
      const history = newHistory();
      for (const si of documentOrder(sents)) {
        decode(sents[si]!, scorer, (i, feats, n, guess) => {
          const truth = gold[si]![i]!;
          trainer.update(truth, guess, feats, n);
          right += truth === guess ? 1 : 0;
          total++;
          return guess;
        }, history);
      }
    }
    let tp = 0;
    let np = 0;
    let ng = 0;
    for (const { sents, gold } of devDocs) {
      const history = newHistory();
      sents.forEach((s, si) => {
        const p = spanSet(decode(s, scorer, undefined, history));
        const g = spanSet(gold[si]!);
        np += p.size;
        ng += g.size;
        for (const x of p) if (g.has(x)) tp++;
      });
    }
    const f1 = np && ng ? (2 * tp) / (np + ng) : 0;
    console.log(`ner iter ${it}: train acc ${(right / total).toFixed(4)}${dev ? `, dev span F1 (unaveraged) ${f1.toFixed(4)}` : ''}`);
  }
  const buf = trainer.save({}, NER_PRUNE);
  writeFileSync(fileURLToPath(NER_WEIGHTS), buf);
  console.log(`ner weights: ${(buf.length / 1024).toFixed(0)} KiB`);
  // Other pruning levels, to compare size, speed and accuracy without retraining.
  for (const p of (process.env.NER_PRUNE_VARIANTS ?? '').split(',').filter(Boolean)) {
    writeFileSync(`/tmp/ner-prune-${p}.bin.gz`, trainer.save({}, Number(p)));
  }
}

const EPOCHS = Number(process.env.NER_EPOCHS ?? 10);
const docs = readConll(DATA);
if (what === 'pos' || what === 'all') {
  const buf = trainPos(docs.flat());
  writeFileSync(fileURLToPath(POS_WEIGHTS), buf);
  console.log(`pos weights: ${(buf.length / 1024).toFixed(0)} KiB`);
}
const devArg = args.indexOf('--dev');
const dev = devArg >= 0 ? readConll(args[devArg + 1]!) : null;
if (what === 'ner' || what === 'all') trainNer(docs, dev);
