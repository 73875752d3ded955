import { readFileSync } from 'node:fs';
import { loadModel, score, type Model } from '../text/perceptron.ts';
import { LABELS, MAX_FEATURES, context, features, newHistory, remember, type History, type NerSentence } from './features.ts';

export const NER_WEIGHTS = new URL('./ner.bin.gz', import.meta.url);

/**
 * Greedy left-to-right decoding; returns label indices. Labels are not forced to form valid
 * BILOU sequences (a wrong "B" would drag the entity on to the sentence end): `spans`
 * repairs them instead. Outside an entity, a token without an upper-case letter is O without
 * scoring: in CoNLL-2003 train fewer than 0.4% of names start with one, and such tokens are
 * about four in five, so this is most of the tagger's speed.
 */
export function decode(
  s: NerSentence,
  scorer: Scorer,
  onToken?: (i: number, feats: Uint32Array, n: number, guess: number) => number,
  history?: History,
): number[] {
  const ctx = context(s);
  const feats = new Uint32Array(MAX_FEATURES);
  const scores = new Float32Array(LABELS.length);
  const out: number[] = [];
  let p1 = 0;
  let p2 = 0;
  for (let i = 0; i < s.words.length; i++) {
    if (!s.cased[i] && (p1 === 0 || OUTSIDE[p1])) {
      out.push(0);
      p2 = p1;
      p1 = 0;
      continue;
    }
    const n = features(s, ctx, i, p1, p2, feats, history);
    scorer(feats, n, scores);
    let best = 0;
    for (let l = 1; l < scores.length; l++) if (scores[l]! > scores[best]!) best = l;
    // Training updates the weights here and may continue with its own label.
    const label = onToken ? onToken(i, feats, n, best) : best;
    out.push(label);
    p2 = p1;
    p1 = label;
  }
  if (history) remember(history, s, out);
  return out;
}

/** Cased sentences first, then the caseless ones (headlines), which lean on the history. */
export function documentOrder(sents: NerSentence[]): number[] {
  const idx = [...sents.keys()];
  return [...idx.filter((k) => !sents[k]!.caseless), ...idx.filter((k) => sents[k]!.caseless)];
}

/** Labels after which no entity is open (O, L-*, U-*). */
const OUTSIDE = Uint8Array.from(LABELS, (l) => (l[0] === 'O' || l[0] === 'L' || l[0] === 'U' ? 1 : 0));

/** Scores label candidates of one token; `scores` is filled in place. */
export type Scorer = (feats: Uint32Array, n: number, scores: Float32Array) => void;

/**
 * Entity spans [from, to, type] of a label sequence. Invalid sequences are read leniently:
 * an I/L continues an open entity even with another type (the entity keeps its first type),
 * a new B/U closes it, a stray I/L opens one. Two person names side by side are one name
 * ("Kang" "Young-hoon").
 */
export function spans(labels: number[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  let open = -1;
  let type = '';
  const close = (end: number) => {
    if (open < 0) return;
    const prev = out[out.length - 1];
    if (prev && prev[1] === open && prev[2] === 'PER' && type === 'PER') prev[1] = end;
    else out.push([open, end, type]);
    open = -1;
  };
  labels.forEach((l, i) => {
    const name = LABELS[l]!;
    const p = name[0];
    if (p === 'O' || (open >= 0 && (p === 'B' || p === 'U'))) close(i);
    if (p === 'O') return;
    if (open < 0) {
      open = i;
      type = name.slice(2);
    }
    if (p === 'U' || p === 'L') close(i + 1);
  });
  close(labels.length);
  return out;
}

let model: Model | null = null;

function nerModel(): Model {
  model ??= loadModel(readFileSync(NER_WEIGHTS));
  return model;
}

/** Labels of every sentence of one document. */
export function tagDocument(sents: NerSentence[]): number[][] {
  const m = nerModel();
  const scorer: Scorer = (f, n, sc) => score(m, f, n, sc);
  const history = newHistory();
  const out: number[][] = new Array(sents.length);
  for (const k of documentOrder(sents)) out[k] = decode(sents[k]!, scorer, undefined, history);
  return out;
}
