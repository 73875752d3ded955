import { readFileSync } from 'node:fs';
import type { Token } from '../types.ts';
import { addWeight, addWeights, feat1, feat2, FNV, fnv, hashString, loadModel, type Model } from './perceptron.ts';
import { fit, onReset, reserve, wordId } from './vocab.ts';

/**
 * Penn Treebank part-of-speech tagger: a greedy averaged perceptron in the style of
 * Honnibal's "A good POS tagger in about 200 lines", trained on the CoNLL-2003 training split
 * by scripts/train-ner.ts. Frequent unambiguous words skip the model (tag dictionary).
 */

export const POS_WEIGHTS = new URL('./pos.bin.gz', import.meta.url);

/**
 * The form the 1996 training text would have: straight quotes and apostrophes, ASCII dashes
 * and ellipses. Curly quotes are common in modern news and unknown to the models.
 */
export function canonical(w: string): string {
  if (!/[“”‘’—–…]/.test(w)) return w;
  return w.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[—–]/g, '--').replace(/…/g, '...');
}

/** Coarse word shape: "Xx", "X", "x", "d", "X.", "x-x"... with repeats collapsed, six characters at most. */
export function shape(w: string): string {
  let out = '';
  for (let i = 0, last = -1; i < w.length && out.length < 6; i++) {
    const k = shapeCode(w, i);
    if (k !== last) out += String.fromCharCode(k);
    last = k;
  }
  return out;
}

/** `hashString(shape(w))` without making the string, or of the shape after code unit `prefix`. */
export function shapeHash(w: string, prefix = -1): number {
  let h = prefix < 0 ? FNV : fnv(FNV, prefix);
  for (let i = 0, last = -1, n = 0; i < w.length && n < 6; i++) {
    const k = shapeCode(w, i);
    if (k !== last) {
      h = fnv(h, k);
      n++;
    }
    last = k;
  }
  return h >>> 0;
}

/** The shape of code unit `i` of `w`: x, X, d, or the character itself. */
function shapeCode(w: string, i: number): number {
  const c = w.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122 ? 120 : c >= 65 && c <= 90 ? 88 : c >= 48 && c <= 57 ? 100 : c;
  const s = w[i]!;
  return s.toLowerCase() !== s ? 88 : s.toUpperCase() !== s ? 120 : c;
}

/** Hashes go through bit operations only, so they may be kept in signed words. */
type Hashes = Uint32Array | Int32Array;

/** Hashes of a word the features read, WIDTH per word: normalized word, suffix, first letter, shape. */
const WIDTH = 4;
const WORD = 0;
const SUF3 = 1;
const PRE1 = 2;
const SHAPE = 3;

/** The normalized forms of numbers and their suffixes: a year is "!YEAR", any other "!DIGITS". */
const YEAR = [hashString('!YEAR'), hashString('EAR')] as const;
const DIGITS = [hashString('!DIGITS'), hashString('ITS')] as const;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Hashes of the normalized word (a number's class, or the word in lower case) and of its last three code units. */
function wordHashes(w: string, out: Hashes, at: number): void {
  const c0 = w.charCodeAt(0);
  out[at + PRE1] = w.length === 0 ? FNV : fnv(FNV, c0) >>> 0;
  out[at + SHAPE] = shapeHash(w);
  if (isDigit(c0)) {
    const [word, suffix] = w.length === 4 && isDigit(w.charCodeAt(1)) && isDigit(w.charCodeAt(2)) && isDigit(w.charCodeAt(3)) ? YEAR : DIGITS;
    out[at + WORD] = word;
    out[at + SUF3] = suffix;
    return;
  }
  // Lower-casing outside ASCII may change the length ("İ"), so that is left to toLowerCase.
  const lower = /[^\x00-\x7f]/.test(w) ? w.toLowerCase() : w;
  const from = lower.length - 3;
  let h = FNV;
  let suffix = FNV;
  for (let i = 0; i < lower.length; i++) {
    let c = lower.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = fnv(h, c);
    if (i >= from) suffix = fnv(suffix, c);
  }
  out[at + WORD] = h >>> 0;
  out[at + SUF3] = suffix >>> 0;
}

/**
 * Feature templates, grouped by what they read. Most read words only: the word itself or one
 * of its neighbours at a fixed distance. The tagger sums their weights once per word and
 * role (below); only the templates that read the previous tags are scored per token.
 */
const SELF = 0;
const PREV = 1;
const PREV2 = 2;
const NEXT = 3;
const NEXT2 = 4;
const ROLES = 5;

/** The one feature that knows whether the word is first in its sentence. */
const shapeAndFirst = (shape: number, first: number) => feat2(15, shape, first);

/** Features of the word at hashes[at] in role `role`, into out[n...]; returns the new n. */
function roleFeatures(role: number, h: Hashes, at: number, out: Uint32Array, n: number, first = 0): number {
  switch (role) {
    case SELF:
      out[n++] = feat1(0, 0);
      out[n++] = feat1(1, h[at + SUF3]!);
      out[n++] = feat1(2, h[at + PRE1]!);
      out[n++] = feat1(6, h[at + WORD]!);
      out[n++] = feat1(14, h[at + SHAPE]!);
      out[n++] = shapeAndFirst(h[at + SHAPE]!, first);
      return n;
    case PREV:
      out[n++] = feat1(8, h[at + WORD]!);
      out[n++] = feat1(9, h[at + SUF3]!);
      return n;
    case PREV2:
      out[n++] = feat1(10, h[at + WORD]!);
      return n;
    case NEXT:
      out[n++] = feat1(11, h[at + WORD]!);
      out[n++] = feat1(12, h[at + SUF3]!);
      return n;
    default:
      out[n++] = feat1(13, h[at + WORD]!);
      return n;
  }
}

/** Features of the two previous tags (class indices; -1, -2 before the sentence). */
function tagFeatures(p1: number, p2: number, out: Uint32Array, n: number): number {
  out[n++] = feat1(3, p1 + 100);
  out[n++] = feat1(4, p2 + 100);
  out[n++] = feat2(5, p1 + 100, p2 + 100);
  return n;
}

const previousTagAndWord = (p1: number, word: number) => feat2(7, p1 + 100, word);
const wordAndNext = (word: number, next: number) => feat2(16, word, next);

/** Two boundary words each side of a sentence; all their hashes are one value. */
const PAD = 2;
const START = [hashString('-START-'), hashString('-START2-')];
const END = [hashString('-END-'), hashString('-END2-')];

/** Hashes of a sentence's words, boundaries included (for training). */
export interface PosContext {
  hashes: Uint32Array;
}

export function posContext(words: string[]): PosContext {
  const hashes = new Uint32Array((words.length + 2 * PAD) * WIDTH);
  for (let p = 0; p < PAD; p++) {
    hashes.fill(START[p]!, (PAD - 1 - p) * WIDTH, (PAD - p) * WIDTH);
    hashes.fill(END[p]!, (words.length + PAD + p) * WIDTH, (words.length + PAD + p + 1) * WIDTH);
  }
  words.forEach((w, i) => wordHashes(w, hashes, (i + PAD) * WIDTH));
  return { hashes };
}

export const POS_FEATURES = 17;

/**
 * Where each feature of the groups above goes in the trainer's order (template number): the
 * trainer sums float scores in this order, and keeping it lets retraining reproduce the
 * shipped weights bit for bit.
 */
const TRAINING_ORDER = [0, 1, 2, 6, 14, 15, 8, 9, 10, 11, 12, 13, 3, 4, 5, 7, 16];
const grouped = new Uint32Array(POS_FEATURES);

/** All features of token `i` given the two previous tags, as the trainer sees them. */
export function posFeatures(ctx: PosContext, i: number, p1: number, p2: number, out: Uint32Array): number {
  const h = ctx.hashes;
  const at = (i + PAD) * WIDTH;
  const g = grouped;
  let n = roleFeatures(SELF, h, at, g, 0, i === 0 ? 1 : 0);
  n = roleFeatures(PREV, h, at - WIDTH, g, n);
  n = roleFeatures(PREV2, h, at - 2 * WIDTH, g, n);
  n = roleFeatures(NEXT, h, at + WIDTH, g, n);
  n = roleFeatures(NEXT2, h, at + 2 * WIDTH, g, n);
  n = tagFeatures(p1, p2, g, n);
  g[n++] = previousTagAndWord(p1, h[at + WORD]!);
  g[n++] = wordAndNext(h[at + WORD]!, h[at + WIDTH + WORD]!);
  for (let k = 0; k < n; k++) out[TRAINING_ORDER[k]!] = g[k]!;
  return n;
}

/** Summed weights are packed with their class: weight << 8 | class. */
const CLASS_BITS = 8;

/**
 * What the tagger knows of a word entry (vocabulary id + PAD_WORDS), ENTRY numbers in one flat
 * array, one cache line: its tag-dictionary tag + 1 (0 when the model scores it; -1 before the
 * word is seen), its hashes, and per role the [start, end) of a list in the pool: the summed
 * weights of the word's features in that role, summed the first time a token needs them
 * (start 0 until then). A token's five-word window then reads five lists, mostly those the
 * previous token read. Dictionary words are never scored themselves, and most words are
 * never near a scored token in some role, so lists are summed only when asked for.
 */
const ENTRY = 16;
const E_TAG = 0;
const E_HASHES = 1;
const E_LISTS = E_HASHES + WIDTH;

/** The sentence boundaries are words too: entries 0-3 are START[1], START[0], END[0], END[1]. */
const PAD_WORDS = 4;

class PosTagger {
  private readonly model: Model;
  private readonly classes: number;
  private readonly dict: Map<string, number>;
  private words = new Int32Array(0);
  private pool = new Int32Array(1 << 16);
  private used = 1;
  /** Summed weights of the tag features per pair of previous tags, dense, `classes` each. */
  private readonly pairs: Int32Array;
  private readonly pairDone: Uint8Array;
  /** Entry offsets (into `words`) of a sentence's tokens, boundaries included. */
  private seq = new Int32Array(64);
  private readonly scores: Int32Array;
  private readonly dense: Int32Array;
  private readonly feats = new Uint32Array(POS_FEATURES);

  constructor(model: Model) {
    this.model = model;
    const nc = (this.classes = model.classes.length);
    this.dict = new Map(Object.entries(model.meta.tagdict as Record<string, string>).map(([w, t]) => [w, model.classes.indexOf(t)]));
    this.pairs = new Int32Array((nc + 2) * (nc + 2) * nc);
    this.pairDone = new Uint8Array((nc + 2) * (nc + 2));
    this.scores = new Int32Array(nc);
    this.dense = new Int32Array(nc);
    this.reset();
    onReset(() => this.reset());
  }

  private reset(): void {
    this.words = new Int32Array(1024 * ENTRY).fill(-1);
    this.used = 1;
    for (const [w, h] of [START[1]!, START[0]!, END[0]!, END[1]!].entries()) {
      this.know(w * ENTRY, 0);
      this.words.fill(h, w * ENTRY + E_HASHES, w * ENTRY + E_HASHES + WIDTH);
    }
  }

  /** Makes entry `e` known with its tag, no list summed yet; the caller writes its hashes. */
  private know(e: number, tag: number): void {
    this.words.fill(0, e, e + ENTRY);
    this.words[e + E_TAG] = tag;
  }

  /** Sums the features of the word at entry `e` in `role` into a list; returns its start. */
  private summarize(e: number, role: number): number {
    const { dense, feats, words } = this;
    addWeights(this.model, feats, roleFeatures(role, words, e + E_HASHES, feats, 0), dense);
    this.pool = fit(this.pool, this.used + dense.length);
    const pool = this.pool;
    const start = this.used;
    let used = start;
    for (let c = 0; c < dense.length; c++) {
      if (dense[c] !== 0) pool[used++] = (dense[c]! << CLASS_BITS) | c;
      dense[c] = 0;
    }
    this.used = used;
    words[e + E_LISTS + 2 * role] = start;
    words[e + E_LISTS + 2 * role + 1] = used;
    return start;
  }

  /** Offset in `pairs` of the summed weights of the tag features. */
  private pair(p1: number, p2: number): number {
    const k = (p1 + 2) * (this.classes + 2) + p2 + 2;
    const at = k * this.classes;
    if (this.pairDone[k] === 0) {
      this.pairDone[k] = 1;
      addWeights(this.model, this.feats, tagFeatures(p1, p2, this.feats, 0), this.pairs.subarray(at, at + this.classes));
    }
    return at;
  }

  /** Entry offset of a token's word, hashed on first sight. */
  private entry(text: string): number {
    const e = (wordId(text) + PAD_WORDS) * ENTRY;
    if (e >= this.words.length) {
      const n = this.words.length;
      this.words = fit(this.words, e + ENTRY);
      this.words.fill(-1, n);
    }
    if (this.words[e + E_TAG] === -1) {
      const c = canonical(text);
      this.know(e, (this.dict.get(c) ?? -1) + 1);
      wordHashes(c, this.words, e + E_HASHES);
    }
    return e;
  }

  /** Adds the list of `role` of the word at entry `e` into the scores. */
  private addRole(e: number, role: number): void {
    const { words, scores } = this;
    const at = e + E_LISTS + 2 * role;
    const start = words[at] || this.summarize(e, role);
    const end = words[at + 1]!;
    const pool = this.pool;
    for (let j = start; j < end; j++) {
      const p = pool[j]!;
      scores[p & 255]! += p >> CLASS_BITS;
    }
  }

  /** Tags the tokens of one sentence in place. */
  tag(tokens: Token[]): void {
    const n = tokens.length;
    reserve(n);
    this.seq = fit(this.seq, n + 2 * PAD);
    const seq = this.seq;
    seq[0] = 0;
    seq[1] = ENTRY;
    for (let i = 0; i < n; i++) seq[i + PAD] = this.entry(tokens[i]!.text);
    seq[n + PAD] = 2 * ENTRY;
    seq[n + PAD + 1] = 3 * ENTRY;
    const { scores, pairs, model } = this;
    const nc = this.classes;
    let p1 = -1;
    let p2 = -2;
    for (let i = 0; i < n; i++) {
      const j = i + PAD;
      const e = seq[j]!;
      let tag = this.words[e + E_TAG]! - 1;
      if (tag < 0) {
        const at = this.pair(p1, p2);
        for (let c = 0; c < nc; c++) scores[c] = pairs[at + c]!;
        this.addRole(e, SELF);
        this.addRole(seq[j - 1]!, PREV);
        this.addRole(seq[j - 2]!, PREV2);
        this.addRole(seq[j + 1]!, NEXT);
        this.addRole(seq[j + 2]!, NEXT2);
        const words = this.words;
        const word = words[e + E_HASHES + WORD]! >>> 0;
        if (i === 0) {
          // The word's own list assumes it is not first: swap that one feature.
          const shape = words[e + E_HASHES + SHAPE]! >>> 0;
          addWeight(model, shapeAndFirst(shape, 0), scores, -1);
          addWeight(model, shapeAndFirst(shape, 1), scores);
        }
        addWeight(model, previousTagAndWord(p1, word), scores);
        addWeight(model, wordAndNext(word, words[seq[j + 1]! + E_HASHES + WORD]! >>> 0), scores);
        tag = 0;
        for (let c = 1; c < nc; c++) if (scores[c]! > scores[tag]!) tag = c;
      }
      tokens[i]!.pos = model.classes[tag]!;
      p2 = p1;
      p1 = tag;
    }
  }
}

let tagger: PosTagger | null = null;

/** Tags the tokens of one sentence in place. */
export function tagPos(tokens: Token[]): void {
  tagger ??= new PosTagger(loadModel(readFileSync(POS_WEIGHTS)));
  tagger.tag(tokens);
}

/** A POS model given as file contents, for training on another model's tags. */
export function posTagger(file: Buffer): (tokens: Token[]) => void {
  const t = new PosTagger(loadModel(file));
  return (tokens) => t.tag(tokens);
}
