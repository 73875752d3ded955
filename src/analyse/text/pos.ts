import { readFileSync } from 'node:fs';
import type { Token } from '../types.ts';
import { addWeight, addWeights, argmax, feat1, feat2, FNV, fnv, hashString, loadModel, type Model } from './perceptron.ts';
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

/**
 * Hash (as `hashString`) of the coarse shape of a word: "Xx", "X", "x", "d", "X.", "x-x"...,
 * its characters' kinds with repeats collapsed, six at most; after code unit `prefix` if given.
 * Hashed as it is made, no string.
 */
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
function wordHashes(w: string, out: Uint32Array, at: number): void {
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

/** The bias, read by every scored token: the tagger sums it with the tag features. */
const BIAS = feat1(0, 0);

/** The one feature that knows whether the word is first in its sentence. */
const shapeAndFirst = (shape: number, first: number) => feat2(15, shape, first);

/** Features of the word at hashes[at] in role `role`, into out[n...]; returns the new n. */
function roleFeatures(role: number, h: Uint32Array, at: number, out: Uint32Array, n: number, first = 0): number {
  switch (role) {
    case SELF:
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
  g[0] = BIAS;
  let n = roleFeatures(SELF, h, at, g, 1, i === 0 ? 1 : 0);
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
 * What the tagger needs of a word, summed when it is first seen, in a region of one flat pool:
 * a header (its tag-dictionary tag + 1, or 0 when the model scores it; its word and shape
 * hashes; the end of each role's list), then the summed weights of its features in each role.
 * A token's five-word window then reads five regions, mostly those the previous token read,
 * each in a few adjacent cache lines.
 */
const H_TAG = 0;
const H_WORD = 1;
const H_SHAPE = 2;
const H_ENDS = 3;
const HEADER = H_ENDS + ROLES;

/** The sentence boundaries are words too: entries 0-3 are START[1], START[0], END[0], END[1]. */
const PAD_WORDS = 4;

class PosTagger {
  private readonly model: Model;
  private readonly classes: number;
  private readonly dict: Map<string, number>;
  /** Per word entry (vocabulary id + PAD_WORDS): start of its region, 0 before it is seen. */
  private region = new Int32Array(0);
  private pool = new Int32Array(1 << 16);
  private used = 1;
  /** Summed weights of the tag features and the bias per pair of previous tags, dense, `classes` each. */
  private readonly pairs: Int32Array;
  private readonly pairDone: Uint8Array;
  /** Region starts of a sentence's tokens, boundaries included. */
  private seq = new Int32Array(64);
  private readonly scores: Int32Array;
  private readonly dense: Int32Array;
  private readonly feats = new Uint32Array(POS_FEATURES);
  private readonly hashes = new Uint32Array(WIDTH);

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
    this.region = new Int32Array(1024);
    this.used = 1;
    for (const [w, h] of [START[1]!, START[0]!, END[0]!, END[1]!].entries()) {
      this.hashes.fill(h);
      this.region[w] = this.summarize(0);
    }
  }

  /** Writes the region of the word whose hashes are in `this.hashes`; returns its start. */
  private summarize(tag: number): number {
    const { dense, feats, hashes } = this;
    this.pool = fit(this.pool, this.used + HEADER + ROLES * dense.length);
    const pool = this.pool;
    const r = this.used;
    let used = r + HEADER;
    pool[r + H_ENDS + SELF] = used;
    pool[r + H_TAG] = tag;
    pool[r + H_WORD] = hashes[WORD]!;
    pool[r + H_SHAPE] = hashes[SHAPE]!;
    // A dictionary word is never scored itself: its own list stays empty.
    for (let role = tag > 0 ? SELF + 1 : SELF; role < ROLES; role++) {
      addWeights(this.model, feats, roleFeatures(role, hashes, 0, feats, 0), dense);
      for (let c = 0; c < dense.length; c++) {
        if (dense[c] !== 0) pool[used++] = (dense[c]! << CLASS_BITS) | c;
        dense[c] = 0;
      }
      pool[r + H_ENDS + role] = used;
    }
    this.used = used;
    return r;
  }

  /** Offset in `pairs` of the summed weights of the tag features and the bias. */
  private pair(p1: number, p2: number): number {
    const k = (p1 + 2) * (this.classes + 2) + p2 + 2;
    const at = k * this.classes;
    if (this.pairDone[k] === 0) {
      this.pairDone[k] = 1;
      const n = tagFeatures(p1, p2, this.feats, 0);
      this.feats[n] = BIAS;
      addWeights(this.model, this.feats, n + 1, this.pairs.subarray(at, at + this.classes));
    }
    return at;
  }

  /** Region of a token's word, summed on first sight. */
  private entry(text: string): number {
    const w = wordId(text) + PAD_WORDS;
    if (w >= this.region.length) this.region = fit(this.region, w + 1);
    let r = this.region[w]!;
    if (r === 0) {
      const c = canonical(text);
      wordHashes(c, this.hashes, 0);
      this.region[w] = r = this.summarize((this.dict.get(c) ?? -1) + 1);
    }
    return r;
  }

  /** Adds the list of `role` of the region at `r` into the scores. */
  private addRole(r: number, role: number): void {
    const { pool, scores } = this;
    const end = pool[r + H_ENDS + role]!;
    for (let j = role === 0 ? r + HEADER : pool[r + H_ENDS + role - 1]!; j < end; j++) {
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
    seq[0] = this.region[0]!;
    seq[1] = this.region[1]!;
    for (let i = 0; i < n; i++) seq[i + PAD] = this.entry(tokens[i]!.text);
    seq[n + PAD] = this.region[2]!;
    seq[n + PAD + 1] = this.region[3]!;
    const { scores, pairs, model, pool } = this;
    const nc = this.classes;
    let p1 = -1;
    let p2 = -2;
    for (let i = 0; i < n; i++) {
      const j = i + PAD;
      const r = seq[j]!;
      let tag = pool[r + H_TAG]! - 1;
      if (tag < 0) {
        const at = this.pair(p1, p2);
        for (let c = 0; c < nc; c++) scores[c] = pairs[at + c]!;
        this.addRole(r, SELF);
        this.addRole(seq[j - 1]!, PREV);
        this.addRole(seq[j - 2]!, PREV2);
        this.addRole(seq[j + 1]!, NEXT);
        this.addRole(seq[j + 2]!, NEXT2);
        const word = pool[r + H_WORD]! >>> 0;
        if (i === 0) {
          // The word's own list assumes it is not first: swap that one feature.
          const shape = pool[r + H_SHAPE]! >>> 0;
          addWeight(model, shapeAndFirst(shape, 0), scores, -1);
          addWeight(model, shapeAndFirst(shape, 1), scores);
        }
        addWeight(model, previousTagAndWord(p1, word), scores);
        addWeight(model, wordAndNext(word, pool[seq[j + 1]! + H_WORD]! >>> 0), scores);
        tag = argmax(scores);
      }
      tokens[i]!.pos = model.classes[tag]!;
      p2 = p1;
      p1 = tag;
    }
  }
}

/** Whether a Penn tag marks a finite verb, the one a clause has of its own: past, present or modal. */
export const isFiniteVerb = (pos: string | undefined): boolean => pos === 'VBD' || pos === 'VBZ' || pos === 'VBP' || pos === 'MD';

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
