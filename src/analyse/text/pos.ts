import { readFileSync } from 'node:fs';
import type { Token } from '../types.ts';
import { addWeights, feat1, feat2, hashString, loadModel, type Model } from './perceptron.ts';
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

/** Normalized word for the lexical features. */
function normWord(w: string): string {
  if (/^\d{4}$/.test(w)) return '!YEAR';
  if (/^\d/.test(w)) return '!DIGITS';
  return w.toLowerCase();
}

/** Coarse word shape: "Xx", "X", "x", "d", "X.", "x-x"... with repeats collapsed. */
export function shape(w: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < w.length && out.length < 6; i++) {
    const c = w[i]!;
    const k = c >= 'a' && c <= 'z' ? 'x' : c >= 'A' && c <= 'Z' ? 'X' : c >= '0' && c <= '9' ? 'd'
      : c.toLowerCase() !== c ? 'X' : c.toUpperCase() !== c ? 'x' : c;
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

/** Hashes of a word the features read, WIDTH per word: normalized word, suffix, first letter, shape. */
const WIDTH = 4;
const WORD = 0;
const SUF3 = 1;
const PRE1 = 2;
const SHAPE = 3;

function wordHashes(w: string, out: Uint32Array, at: number): void {
  const norm = normWord(w);
  out[at + WORD] = hashString(norm);
  out[at + SUF3] = hashString(norm.slice(-3));
  out[at + PRE1] = hashString(w.slice(0, 1));
  out[at + SHAPE] = hashString(shape(w));
}

/**
 * Feature templates, grouped by what they read. Most read words only: the word itself or one
 * of its neighbours at a fixed distance. The tagger sums their weights once per word and
 * role (below); only the templates that read the previous tags are scored per token.
 */
const SELF_FIRST = 0;
const SELF = 1;
const PREV = 2;
const PREV2 = 3;
const NEXT = 4;
const NEXT2 = 5;
const ROLES = 6;

/** Features of the word at hashes[at] in role `role`, into out[n...]; returns the new n. */
function roleFeatures(role: number, h: Uint32Array, at: number, out: Uint32Array, n: number): number {
  switch (role) {
    case SELF_FIRST:
    case SELF:
      out[n++] = feat1(0, 0);
      out[n++] = feat1(1, h[at + SUF3]!);
      out[n++] = feat1(2, h[at + PRE1]!);
      out[n++] = feat1(6, h[at + WORD]!);
      out[n++] = feat1(14, h[at + SHAPE]!);
      out[n++] = feat2(15, h[at + SHAPE]!, role === SELF_FIRST ? 1 : 0);
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
  let n = roleFeatures(i === 0 ? SELF_FIRST : SELF, h, at, g, 0);
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
 * What the tagger needs of a word, summed once when it is first seen, in a region of one flat
 * pool: a header (its tag-dictionary tag + 1, or 0 when the model scores it; its word hash;
 * the end of each role's list), then the summed weights of its features in each role. A
 * token's five-word window then reads five regions, mostly those the previous token read.
 */
const H_TAG = 0;
const H_WORD = 1;
const H_ENDS = 2;
const HEADER = H_ENDS + ROLES;

/** The sentence boundaries are words too: entries 0-3 are START[1], START[0], END[0], END[1]. */
const PAD_WORDS = 4;

class PosTagger {
  private readonly model: Model;
  private readonly dict: Map<string, number>;
  /** Per word entry (vocabulary id + PAD_WORDS): start of its region, 0 before it is seen. */
  private region = new Int32Array(0);
  private pool = new Int32Array(1 << 16);
  private used = 1;
  /** Summed weights of the tag features per pair of previous tags, as pool[start, end). */
  private readonly tagStarts: Int32Array;
  private readonly tagEnds: Int32Array;
  private seq = new Int32Array(64);
  private readonly scores: Int32Array;
  private readonly dense: Int32Array;
  private readonly feats = new Uint32Array(POS_FEATURES);
  private readonly hashes = new Uint32Array(WIDTH);

  constructor(model: Model) {
    this.model = model;
    const nc = model.classes.length;
    this.dict = new Map(Object.entries(model.meta.tagdict as Record<string, string>).map(([w, t]) => [w, model.classes.indexOf(t)]));
    this.tagStarts = new Int32Array((nc + 2) * (nc + 2));
    this.tagEnds = new Int32Array((nc + 2) * (nc + 2));
    this.scores = new Int32Array(nc);
    this.dense = new Int32Array(nc);
    this.reset();
    onReset(() => this.reset());
  }

  private reset(): void {
    this.region = new Int32Array(1024);
    this.used = 1;
    this.tagStarts.fill(0);
    for (const [w, h] of [START[1]!, START[0]!, END[0]!, END[1]!].entries()) {
      this.hashes.fill(h);
      this.region[w] = this.summarize(0);
    }
  }

  /** Appends the nonzero entries of `dense` to the pool and zeroes it. */
  private store(dense: Int32Array): void {
    this.pool = fit(this.pool, this.used + dense.length);
    for (let c = 0; c < dense.length; c++) {
      if (dense[c] !== 0) this.pool[this.used++] = (dense[c]! << CLASS_BITS) | c;
      dense[c] = 0;
    }
  }

  /** Writes the region of the word whose hashes are in `this.hashes`; returns its start. */
  private summarize(tag: number): number {
    this.pool = fit(this.pool, this.used + HEADER);
    const r = this.used;
    this.used += HEADER;
    this.pool[r + H_TAG] = tag;
    this.pool[r + H_WORD] = this.hashes[WORD]!;
    for (let role = 0; role < ROLES; role++) {
      const n = roleFeatures(role, this.hashes, 0, this.feats, 0);
      addWeights(this.model, this.feats, n, this.dense);
      this.store(this.dense);
      this.pool[r + H_ENDS + role] = this.used;
    }
    return r;
  }

  /** Index in tagStarts/tagEnds of the summed weights of the tag features. */
  private tagWeights(p1: number, p2: number): number {
    const k = (p1 + 2) * (this.model.classes.length + 2) + p2 + 2;
    if (this.tagStarts[k] === 0) {
      const n = tagFeatures(p1, p2, this.feats, 0);
      addWeights(this.model, this.feats, n, this.dense);
      this.tagStarts[k] = this.used;
      this.store(this.dense);
      this.tagEnds[k] = this.used;
    }
    return k;
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
    const { classes } = this.model;
    const { scores, feats } = this;
    let p1 = -1;
    let p2 = -2;
    for (let i = 0; i < n; i++) {
      const j = i + PAD;
      const r = seq[j]!;
      let tag = this.pool[r + H_TAG]! - 1;
      if (tag < 0) {
        scores.fill(0);
        this.addRole(r, i === 0 ? SELF_FIRST : SELF);
        this.addRole(seq[j - 1]!, PREV);
        this.addRole(seq[j - 2]!, PREV2);
        this.addRole(seq[j + 1]!, NEXT);
        this.addRole(seq[j + 2]!, NEXT2);
        const k = this.tagWeights(p1, p2);
        const pool = this.pool;
        for (let x = this.tagStarts[k]!; x < this.tagEnds[k]!; x++) scores[pool[x]! & 255]! += pool[x]! >> CLASS_BITS;
        const word = pool[r + H_WORD]! >>> 0;
        feats[0] = previousTagAndWord(p1, word);
        feats[1] = wordAndNext(word, pool[seq[j + 1]! + H_WORD]! >>> 0);
        addWeights(this.model, feats, 2, scores);
        tag = 0;
        for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[tag]!) tag = c;
      }
      tokens[i]!.pos = classes[tag]!;
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
