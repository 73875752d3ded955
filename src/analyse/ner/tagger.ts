import { readFileSync } from 'node:fs';
import { addWeights, loadModel, type Model } from '../text/perceptron.ts';
import { fit, onReset } from '../text/vocab.ts';
import {
  LABELS,
  MAX_FEATURES,
  NEIGHBOURS,
  WIDTH,
  checkFresh,
  contextFeatures,
  docFeature,
  entryHashes,
  features,
  gazetteerFeatures,
  historyCode,
  historyFeatures,
  labelFeatures,
  labelWordFeatures,
  neighbourFeature,
  posFeature,
  posHash,
  newHistory,
  remember,
  selfFeatures,
  SHAPE,
  type History,
  type NerSentence,
} from './features.ts';

export const NER_WEIGHTS = new URL('./ner.bin.gz', import.meta.url);

/** Labels after which no entity is open (O, L-*, U-*). */
const OUTSIDE = Uint8Array.from(LABELS, (l) => (l[0] === 'O' || l[0] === 'L' || l[0] === 'U' ? 1 : 0));

/**
 * Outside an entity, a token without an upper-case letter is O without scoring: in
 * CoNLL-2003 train fewer than 0.4% of names start with one, and such tokens are about four
 * in five, so this is most of the tagger's speed.
 */
const skipped = (s: NerSentence, i: number, p1: number) => !s.cased[s.start + i] && (p1 === 0 || OUTSIDE[p1] === 1);

/** Scores label candidates of one token; `scores` is filled in place. */
export type Scorer = (feats: Uint32Array, n: number, scores: Float32Array) => void;

/**
 * Greedy left-to-right decoding with every feature scored, for training: `onToken` sees the
 * features and the guess, may update the weights, and returns the label to go on with.
 * Labels are not forced to form valid BILOU sequences (a wrong "B" would drag the entity on
 * to the sentence end): `spans` repairs them instead.
 */
export function decode(
  s: NerSentence,
  scorer: Scorer,
  onToken?: (i: number, feats: Uint32Array, n: number, guess: number) => number,
  history?: History,
): number[] {
  checkFresh(s);
  const feats = new Uint32Array(MAX_FEATURES);
  const scores = new Float32Array(LABELS.length);
  const out: number[] = [];
  let p1 = 0;
  let p2 = 0;
  for (let i = 0; i < s.words.length; i++) {
    let label = 0;
    if (!skipped(s, i, p1)) {
      const n = features(s, i, p1, p2, feats, history);
      scorer(feats, n, scores);
      for (let l = 1; l < scores.length; l++) if (scores[l]! > scores[label]!) label = l;
      if (onToken) label = onToken(i, feats, n, label);
    }
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

/**
 * Entity spans [from, to, type] of a label sequence. Invalid sequences are read leniently:
 * an I/L continues an open entity even with another type (the entity keeps its first type),
 * a new B/U closes it, a stray I/L opens one. Two person names side by side are one name
 * ("Kang" "Young-hoon").
 */
export function spans(labels: ArrayLike<number>): [number, number, string][] {
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
  for (let i = 0; i < labels.length; i++) {
    const name = LABELS[labels[i]!]!;
    const p = name[0];
    if (p === 'O' || (open >= 0 && (p === 'B' || p === 'U'))) close(i);
    if (p === 'O') continue;
    if (open < 0) {
      open = i;
      type = name.slice(2);
    }
    if (p === 'U' || p === 'L') close(i + 1);
  }
  close(labels.length);
  return out;
}

/** Open addressing from a non-negative integer key to a list [start, end) of the pool. */
class ListTable {
  private mask = 1023;
  private slots = new Int32Array(1024 * 3);
  private size = 0;

  /** The first cell of `key`'s slot: key + 1, start, end; 0 there when absent. */
  slot(key: number): number {
    let s = this.index(key);
    for (;;) {
      const at = s * 3;
      const k = this.slots[at]!;
      if (k === 0 || k === key + 1) return at;
      s = (s + 1) & this.mask;
    }
  }

  has(at: number): boolean {
    return this.slots[at] !== 0;
  }

  start(at: number): number {
    return this.slots[at + 1]!;
  }

  end(at: number): number {
    return this.slots[at + 2]!;
  }

  put(at: number, key: number, start: number, end: number): void {
    this.slots.set([key + 1, start, end], at);
    if (++this.size * 2 > this.mask) this.grow();
  }

  private index(key: number): number {
    const x = Math.imul(key, 0x9e3779b1);
    return (x ^ (x >>> 16)) & this.mask;
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array((this.mask + 1) * 3);
    for (let at = 0; at < old.length; at += 3) {
      if (old[at] === 0) continue;
      let s = this.index(old[at]! - 1);
      while (this.slots[s * 3] !== 0) s = (s + 1) & this.mask;
      this.slots.set(old.subarray(at, at + 3), s * 3);
    }
  }
}

/** Summed weights are packed with their label: weight << 8 | label. */
const LABEL_BITS = 8;
/** Variants of a word's own features: document flags (3 bits), first in its sentence, previous label O. */
const VARIANTS = 32;

/**
 * The run-time tagger: the same scores as `decode` with every feature, but the weights of
 * the groups that read only the word and its document flags, a neighbour, a POS tag, the
 * previous labels are summed once and kept in one flat pool as (label, weight) lists. Per
 * token that leaves a few lists to add and the features of the word with its neighbours.
 */
class NerTagger {
  private readonly model: Model;
  private pool = new Int32Array(1 << 16);
  private used = 1;
  /** Per word entry and variant: its own features' list. */
  private self = new ListTable();
  /** Per POS tag index and offset (-1, 0, 1), per label pair, per document flags and case: [start, end). */
  private tagLists = new Int32Array(0);
  private readonly labelLists = new Int32Array(2 * LABELS.length * LABELS.length);
  private readonly docLists = new Int32Array(2 * 16);
  private readonly scores = new Int32Array(LABELS.length);
  private readonly dense = new Int32Array(LABELS.length);
  private readonly feats = new Uint32Array(MAX_FEATURES);

  constructor(model: Model) {
    this.model = model;
    this.reset();
    onReset(() => this.reset());
  }

  private reset(): void {
    this.used = 1;
    this.self = new ListTable();
    this.tagLists = new Int32Array(64 * 3 * 2);
    this.labelLists.fill(0);
    this.docLists.fill(0);
  }

  /** Sums the weights of `n` features into a new pool list; returns its start (its end is `used`). */
  private sum(n: number): number {
    const dense = this.dense;
    addWeights(this.model, this.feats, n, dense);
    this.pool = fit(this.pool, this.used + dense.length);
    const start = this.used;
    for (let l = 0; l < dense.length; l++) {
      if (dense[l] !== 0) this.pool[this.used++] = (dense[l]! << LABEL_BITS) | l;
      dense[l] = 0;
    }
    return start;
  }

  /** Sums `n` features into a list kept in `lists` at `k` ([start, end) pairs). */
  private list(lists: Int32Array, k: number, n: number): void {
    lists[2 * k] = this.sum(n);
    lists[2 * k + 1] = this.used;
  }

  private add(start: number, end: number): void {
    const { pool, scores } = this;
    for (let j = start; j < end; j++) {
      const p = pool[j]!;
      scores[p & 255]! += p >> LABEL_BITS;
    }
  }

  private addList(lists: Int32Array, k: number): void {
    this.add(lists[2 * k]!, lists[2 * k + 1]!);
  }

  /** Labels of one sentence. */
  decode(s: NerSentence, hist: History): Uint8Array {
    checkFresh(s);
    const h = entryHashes();
    const n = s.words.length;
    const out = new Uint8Array(n);
    const { entries: e, tags } = s;
    const cl = s.caseless ? 1 : 0;
    const scores = this.scores;
    const feats = this.feats;
    let p1 = 0;
    let p2 = 0;
    for (let i = 0; i < n; i++) {
      if (skipped(s, i, p1)) {
        p2 = p1;
        p1 = 0;
        continue;
      }
      const j = s.start + i;
      const cur = e[j]!;
      const doc = s.doc[j]!;
      scores.fill(0);
      // The word itself (with the previous label when that is O, as it mostly is).
      const variant = (doc << 2) | (i === 0 ? 2 : 0) | (p1 === 0 ? 1 : 0);
      const k = cur * VARIANTS + variant;
      const at = this.self.slot(k);
      if (!this.self.has(at)) {
        let m = selfFeatures(h, cur * WIDTH, cl, i === 0 ? 1 : 0, doc, feats, 0);
        if (p1 === 0) m = labelWordFeatures(h, cur * WIDTH, 0, feats, m);
        const start = this.sum(m);
        this.self.put(at, k, start, this.used);
      }
      this.add(this.self.start(at), this.self.end(at));
      for (let d = -1; d <= 1; d++) {
        const t = tags[j + d]! * 3 + d + 1;
        if (t >= this.tagLists.length / 2) this.tagLists = fit(this.tagLists, 2 * (t + 1));
        if (this.tagLists[2 * t] === 0) {
          feats[0] = posFeature(d, posHash[tags[j + d]!]!);
          this.list(this.tagLists, t, 1);
        }
        this.addList(this.tagLists, t);
      }
      const lk = p1 * LABELS.length + p2;
      if (this.labelLists[2 * lk] === 0) this.list(this.labelLists, lk, labelFeatures(p1, p2, feats, 0));
      this.addList(this.labelLists, lk);
      const dk = doc * 2 + cl;
      if (this.docLists[2 * dk] === 0) {
        feats[0] = docFeature(doc, cl);
        this.list(this.docLists, dk, 1);
      }
      this.addList(this.docLists, dk);
      // Features read per token: the neighbours, the word with its neighbours, gazetteer, history.
      // (A neighbour is one feature: its weights are one probe, kept or not.)
      let m = p1 === 0 ? 0 : labelWordFeatures(h, cur * WIDTH, p1, feats, 0);
      for (const d of NEIGHBOURS) feats[m++] = neighbourFeature(d, h, e[j + d]! * WIDTH);
      m = contextFeatures(h, e[j - 1]! * WIDTH, cur * WIDTH, e[j + 1]! * WIDTH, feats, m);
      m = gazetteerFeatures(s, j, h[cur * WIDTH + SHAPE]!, feats, m);
      m = historyFeatures(historyCode(hist, s.keys[j]!), cl, feats, m);
      addWeights(this.model, feats, m, scores);
      let label = 0;
      for (let l = 1; l < scores.length; l++) if (scores[l]! > scores[label]!) label = l;
      out[i] = label;
      p2 = p1;
      p1 = label;
    }
    remember(hist, s, out);
    return out;
  }
}

let tagger: NerTagger | null = null;

/** Labels of every sentence of one document. */
export function tagDocument(sents: NerSentence[]): Uint8Array[] {
  tagger ??= new NerTagger(loadModel(readFileSync(NER_WEIGHTS)));
  const hist = newHistory();
  const out: Uint8Array[] = new Array(sents.length);
  for (const k of documentOrder(sents)) out[k] = tagger.decode(sents[k]!, hist);
  return out;
}
