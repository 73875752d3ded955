import { readFileSync } from 'node:fs';
import { addWeights, argmax, loadModel, type Model } from '../text/perceptron.ts';
import { fit, onReset } from '../text/vocab.ts';
import {
  LABELS,
  MAX_FEATURES,
  NEIGHBOURS,
  WIDTH,
  biasFeature,
  checkFresh,
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
  shapeContextFeatures,
  SHAPE,
  wordContextFeatures,
  type History,
  type NerSentence,
} from './features.ts';
import { GAZ_KINDS, GAZ_MASK } from './gazetteer.ts';

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

/** Per label: its BILOU prefix (a character code) and its type. */
const PREFIX = LABELS.map((l) => l.charCodeAt(0));
const TYPE = LABELS.map((l) => l.slice(2));
const [B, L, O, U] = [...'BLOU'].map((c) => c.charCodeAt(0));

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
  // One step past the end, where an O closes what is open.
  for (let i = 0; i <= labels.length; i++) {
    const l = i < labels.length ? labels[i]! : 0;
    const p = PREFIX[l];
    if (open >= 0 && (p === O || p === B || p === U)) {
      addSpan(out, open, i, type);
      open = -1;
    }
    if (p === O) continue;
    if (open < 0) {
      open = i;
      type = TYPE[l]!;
    }
    if (p === U || p === L) {
      addSpan(out, open, i + 1, type);
      open = -1;
    }
  }
  return out;
}

function addSpan(out: [number, number, string][], from: number, to: number, type: string): void {
  const prev = out[out.length - 1];
  if (prev && prev[1] === from && prev[2] === 'PER' && type === 'PER') prev[1] = to;
  else out.push([from, to, type]);
}

/** Summed weights are packed with their label: weight << 8 | label. */
const LABEL_BITS = 8;

/**
 * Open addressing from a key of three 32-bit integers to a list [start, end) of the pool.
 * Slots are the key, start and end; end 0 marks an empty slot (lists start at 1). Keys are
 * kept signed: hashes come in unsigned, and a slot reads back signed.
 */
class Lists {
  private mask = 1023;
  private slots = new Int32Array(1024 * 5);
  private size = 0;

  /** The first cell of the slot of (a, b, c): the key's, or the empty one where it would go. */
  slot(a: number, b: number, c: number): number {
    a |= 0;
    b |= 0;
    c |= 0;
    let s = Lists.index(a, b, c) & this.mask;
    for (;;) {
      const at = s * 5;
      if (this.slots[at + 4] === 0 || (this.slots[at] === a && this.slots[at + 1] === b && this.slots[at + 2] === c)) return at;
      s = (s + 1) & this.mask;
    }
  }

  has(at: number): boolean {
    return this.slots[at + 4] !== 0;
  }

  start(at: number): number {
    return this.slots[at + 3]!;
  }

  end(at: number): number {
    return this.slots[at + 4]!;
  }

  put(at: number, a: number, b: number, c: number, start: number, end: number): void {
    const slots = this.slots;
    slots[at] = a | 0;
    slots[at + 1] = b | 0;
    slots[at + 2] = c | 0;
    slots[at + 3] = start;
    slots[at + 4] = end;
    if (++this.size * 2 > this.mask) this.grow();
  }

  private static index(a: number, b: number, c: number): number {
    const x = Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35);
    return x ^ (x >>> 15);
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array((this.mask + 1) * 5);
    for (let at = 0; at < old.length; at += 5) {
      if (old[at + 4] === 0) continue;
      let s = Lists.index(old[at]!, old[at + 1]!, old[at + 2]!) & this.mask;
      while (this.slots[s * 5 + 4] !== 0) s = (s + 1) & this.mask;
      for (let k = 0; k < 5; k++) this.slots[s * 5 + k] = old[at + k]!;
    }
  }
}

/** Variants of a word's own features: document flags (3 bits), first in its sentence, previous label O. */
const VARIANTS = 32;
/** History codes are -1 (none) to 9. */
const HISTORY_CODES = 11;

/**
 * The run-time tagger: the same scores as `decode` with every feature, but the weights of
 * feature groups are summed once and kept in one flat pool as (label, weight) lists: per word
 * entry and variant its own features, per word entry its features as each neighbour, per
 * triple of POS tags, per pair of previous labels with the document flags and the bias, per
 * triple of shapes, per gazetteer context, per history code. Per token that leaves a dozen lists to
 * add and the few features of the word with its neighbours' words.
 */
class NerTagger {
  private readonly model: Model;
  private pool = new Int32Array(1 << 16);
  private used = 1;
  private self = new Lists();
  /**
   * Per word, the [start, end) of its list as each neighbour (-2, -1, 1, 2); 0 before it is
   * summed. A neighbour is read in lower case, so a word's two entries (1 + 2 × id, in a
   * cased or caseless sentence) share them, and the boundary (entry 0) comes first.
   */
  private neighbours = new Int32Array(0);
  private readonly tags = new Lists();
  private readonly shapes = new Lists();
  private readonly gazetteer = new Lists();
  /** Per pair of previous labels, document flags and case; per history code and case: [start, end). */
  private readonly labelLists = new Int32Array(2 * LABELS.length * LABELS.length * 16);
  private readonly historyLists = new Int32Array(2 * HISTORY_CODES * 2);
  private readonly scores = new Int32Array(LABELS.length);
  private readonly dense = new Int32Array(LABELS.length);
  private readonly feats = new Uint32Array(MAX_FEATURES);

  constructor(model: Model) {
    this.model = model;
    this.reset();
    onReset(() => this.reset());
  }

  /** Word entries change meaning when the vocabulary is emptied; the other keys do not. */
  private reset(): void {
    this.self = new Lists();
    this.neighbours = new Int32Array(0);
  }

  /** Sums the weights of `n` features into a new pool list; returns its start (its end is `used`). */
  private sum(n: number): number {
    const dense = this.dense;
    addWeights(this.model, this.feats, n, dense);
    this.pool = fit(this.pool, this.used + dense.length);
    const pool = this.pool;
    const start = this.used;
    let used = start;
    for (let l = 0; l < dense.length; l++) {
      if (dense[l] !== 0) pool[used++] = (dense[l]! << LABEL_BITS) | l;
      dense[l] = 0;
    }
    this.used = used;
    return start;
  }

  private add(start: number, end: number): void {
    const { pool, scores } = this;
    for (let j = start; j < end; j++) {
      const p = pool[j]!;
      scores[p & 255]! += p >> LABEL_BITS;
    }
  }

  /** Adds the list at `k` of `lists` ([start, end) pairs) if it is summed. */
  private addListAt(lists: Int32Array, k: number): boolean {
    if (lists[2 * k + 1] === 0) return false;
    this.add(lists[2 * k]!, lists[2 * k + 1]!);
    return true;
  }

  /** Sums the `n` features in `feats` into the list at `k` of `lists`, and adds it. */
  private addNewList(lists: Int32Array, k: number, n: number): void {
    lists[2 * k] = this.sum(n);
    lists[2 * k + 1] = this.used;
    this.add(lists[2 * k]!, this.used);
  }

  /** Adds the list in slot `at` of `table` if it has one. */
  private addSlot(table: Lists, at: number): boolean {
    if (!table.has(at)) return false;
    this.add(table.start(at), table.end(at));
    return true;
  }

  /** Sums the `n` features in `feats` into a list for (a, b, c) in slot `at` of `table`, and adds it. */
  private addNewSlot(table: Lists, at: number, a: number, b: number, c: number, n: number): void {
    const start = this.sum(n);
    // (`put` may move the slots.)
    table.put(at, a, b, c, start, this.used);
    this.add(start, this.used);
  }

  /** Adds the list of the word at entry `e` as the neighbour at offset `d`. */
  private addNeighbour(h: Uint32Array, e: number, d: number): void {
    const k = 4 * ((e + 1) >> 1) + (d < 0 ? d + 2 : d + 1);
    if (2 * k >= this.neighbours.length) this.neighbours = fit(this.neighbours, 2 * k + 2);
    const lists = this.neighbours;
    if (lists[2 * k + 1] === 0) {
      this.feats[0] = neighbourFeature(d, h, e * WIDTH);
      lists[2 * k] = this.sum(1);
      lists[2 * k + 1] = this.used;
    }
    this.add(lists[2 * k]!, lists[2 * k + 1]!);
  }

  /** Labels of one sentence. */
  decode(s: NerSentence, hist: History): Uint8Array {
    checkFresh(s);
    const h = entryHashes();
    const n = s.words.length;
    const out = new Uint8Array(n);
    const { entries: e, tags, gaz } = s;
    const cl = s.caseless ? 1 : 0;
    const { scores, feats, model } = this;
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
      const first = i === 0 ? 1 : 0;
      scores.fill(0);
      // The word itself (with the previous label when that is O, as it mostly is).
      const variant = (doc << 2) | (first << 1) | (p1 === 0 ? 1 : 0);
      let at = this.self.slot(cur, variant, 0);
      if (!this.addSlot(this.self, at)) {
        const m = selfFeatures(h, cur * WIDTH, first, doc, feats, 0);
        this.addNewSlot(this.self, at, cur, variant, 0, p1 === 0 ? labelWordFeatures(h, cur * WIDTH, 0, feats, m) : m);
      }
      for (const d of NEIGHBOURS) this.addNeighbour(h, e[j + d]!, d);
      at = this.tags.slot(tags[j - 1]!, tags[j]!, tags[j + 1]!);
      if (!this.addSlot(this.tags, at)) {
        for (let d = -1; d <= 1; d++) feats[d + 1] = posFeature(d, posHash[tags[j + d]!]!);
        this.addNewSlot(this.tags, at, tags[j - 1]!, tags[j]!, tags[j + 1]!, 3);
      }
      const k = ((p1 * LABELS.length + p2) * 8 + doc) * 2 + cl;
      if (!this.addListAt(this.labelLists, k)) {
        let m = labelFeatures(p1, p2, feats, 0);
        feats[m++] = docFeature(doc, cl);
        feats[m++] = biasFeature(cl);
        this.addNewList(this.labelLists, k, m);
      }
      const prev = e[j - 1]! * WIDTH;
      const next = e[j + 1]! * WIDTH;
      const ps = h[prev + SHAPE]!;
      const shape = h[cur * WIDTH + SHAPE]!;
      const ns = h[next + SHAPE]!;
      at = this.shapes.slot(ps, shape, ns);
      if (!this.addSlot(this.shapes, at)) this.addNewSlot(this.shapes, at, ps, shape, ns, shapeContextFeatures(ps, shape, ns, feats, 0));
      // The gazetteer features read the word's match and its shape, and its neighbours' kinds.
      const around = ((gaz[j - 1]! & GAZ_MASK) << GAZ_KINDS) | (gaz[j + 1]! & GAZ_MASK);
      if (gaz[j] || around) {
        at = this.gazetteer.slot(gaz[j]!, shape, around);
        if (!this.addSlot(this.gazetteer, at)) this.addNewSlot(this.gazetteer, at, gaz[j]!, shape, around, gazetteerFeatures(s, j, shape, feats, 0));
      }
      const hc = historyCode(hist, s.keys[j]!);
      if (hc >= 0 && !this.addListAt(this.historyLists, hc * 2 + cl)) this.addNewList(this.historyLists, hc * 2 + cl, historyFeatures(hc, cl, feats, 0));
      // Read per token: the word with the previous label (when not O) and with its neighbours' words.
      let m = p1 === 0 ? 0 : labelWordFeatures(h, cur * WIDTH, p1, feats, 0);
      m = wordContextFeatures(h, prev, cur * WIDTH, next, feats, m);
      addWeights(model, feats, m, scores);
      const label = argmax(scores);
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
