import { readFileSync } from 'node:fs';
import type { Token } from '../types.ts';
import { argmax, feat1, feat2, hashString, loadModel, score, type Model } from './perceptron.ts';

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

/** Per-token string hashes, computed once per sentence and shared by the POS features. */
export interface PosContext {
  word: Uint32Array;
  suf3: Uint32Array;
  pre1: Uint32Array;
  shape: Uint32Array;
}

const PAD = 2;
const START = [hashString('-START-'), hashString('-START2-')];
const END = [hashString('-END-'), hashString('-END2-')];

export function posContext(words: string[]): PosContext {
  const n = words.length + 2 * PAD;
  const ctx: PosContext = { word: new Uint32Array(n), suf3: new Uint32Array(n), pre1: new Uint32Array(n), shape: new Uint32Array(n) };
  fillContext(words, ctx);
  return ctx;
}

/** Fills `ctx` (arrays at least words.length + 4 long); returns the words' cache slots. */
function fillContext(words: string[], ctx: PosContext): Int32Array {
  const n = words.length + 2 * PAD;
  for (let p = 0; p < PAD; p++) {
    for (const a of [ctx.word, ctx.suf3, ctx.pre1, ctx.shape]) {
      a[PAD - 1 - p] = START[p]!;
      a[n - PAD + p] = END[p]!;
    }
  }
  const slots = new Int32Array(words.length);
  // Emptied between sentences only, so that a sentence's slots stay valid while it is tagged.
  if (cache.size + words.length > CAPACITY) cache.clear();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let slot = cache.get(w);
    if (slot === undefined) slot = addWord(w);
    const at = slot * 4;
    ctx.word[i + PAD] = hashes[at]!;
    ctx.suf3[i + PAD] = hashes[at + 1]!;
    ctx.pre1[i + PAD] = hashes[at + 2]!;
    ctx.shape[i + PAD] = hashes[at + 3]!;
    slots[i] = slot;
  }
  return slots;
}

/**
 * Per word: its hashes (word, suffix, first letter, shape) and its tag-dictionary class
 * (UNKNOWN until looked up, -1 none), pure functions of the word. They live in flat typed
 * arrays indexed by a slot number: tagging is bound by memory access, not arithmetic.
 */
const UNKNOWN = -2;
const CAPACITY = 1 << 17;
const cache = new Map<string, number>();
const hashes = new Uint32Array(CAPACITY * 4);
const dictTags = new Int16Array(CAPACITY);

function addWord(w: string): number {
  const slot = cache.size;
  const norm = normWord(w);
  hashes.set([hashString(norm), hashString(norm.slice(-3)), hashString(w.slice(0, 1)), hashString(shape(w))], slot * 4);
  dictTags[slot] = UNKNOWN;
  cache.set(w, slot);
  return slot;
}

export const POS_FEATURES = 17;

/** Features of token `i` given the two previous tags (class indices, -1/-2 at the start). */
export function posFeatures(ctx: PosContext, i: number, p1: number, p2: number, out: Uint32Array): number {
  const j = i + PAD;
  const { word, suf3, pre1 } = ctx;
  let n = 0;
  out[n++] = feat1(0, 0);
  out[n++] = feat1(1, suf3[j]!);
  out[n++] = feat1(2, pre1[j]!);
  out[n++] = feat1(3, p1 + 100);
  out[n++] = feat1(4, p2 + 100);
  out[n++] = feat2(5, p1 + 100, p2 + 100);
  out[n++] = feat1(6, word[j]!);
  out[n++] = feat2(7, p1 + 100, word[j]!);
  out[n++] = feat1(8, word[j - 1]!);
  out[n++] = feat1(9, suf3[j - 1]!);
  out[n++] = feat1(10, word[j - 2]!);
  out[n++] = feat1(11, word[j + 1]!);
  out[n++] = feat1(12, suf3[j + 1]!);
  out[n++] = feat1(13, word[j + 2]!);
  out[n++] = feat1(14, ctx.shape[j]!);
  out[n++] = feat2(15, ctx.shape[j]!, i === 0 ? 1 : 0);
  out[n++] = feat2(16, word[j]!, word[j + 1]!);
  return n;
}

let model: Model | null = null;
let tagdict: Map<string, number> | null = null;

function load(): Model {
  if (!model) {
    model = loadModel(readFileSync(POS_WEIGHTS));
    const dict = model.meta.tagdict as Record<string, string>;
    tagdict = new Map(Object.entries(dict).map(([w, t]) => [w, model!.classes.indexOf(t)]));
  }
  return model;
}

/** Buffers reused across sentences: tagging allocates almost nothing. */
let shared: PosContext = posContext([]);
const feats = new Uint32Array(POS_FEATURES);

/** Tags the tokens of one sentence in place. */
export function tagPos(tokens: Token[]): void {
  tagWith(load(), tagdict!, tokens, true);
}

/** A POS model given as file contents, for training on another model's tags. */
export function posTagger(file: Buffer): (tokens: Token[]) => void {
  const m = loadModel(file);
  const dict = new Map(Object.entries(m.meta.tagdict as Record<string, string>).map(([w, t]) => [w, m.classes.indexOf(t)]));
  return (tokens) => tagWith(m, dict, tokens, false);
}

/** `cached`: the word cache may hold this model's tag-dictionary answers. */
function tagWith(m: Model, dict: Map<string, number>, tokens: Token[], cached: boolean): void {
  if (shared.word.length < tokens.length + 2 * PAD) {
    const n = 2 * tokens.length + 2 * PAD;
    shared = { word: new Uint32Array(n), suf3: new Uint32Array(n), pre1: new Uint32Array(n), shape: new Uint32Array(n) };
  }
  const words = tokens.map((t) => canonical(t.text));
  const slots = fillContext(words, shared);
  const scores = new Float32Array(m.classes.length);
  let p1 = -1;
  let p2 = -2;
  for (let i = 0; i < tokens.length; i++) {
    const slot = slots[i]!;
    let tag: number;
    if (cached) {
      if (dictTags[slot] === UNKNOWN) dictTags[slot] = dict.get(words[i]!) ?? -1;
      tag = dictTags[slot]!;
    } else tag = dict.get(words[i]!) ?? -1;
    if (tag < 0) {
      const n = posFeatures(shared, i, p1, p2, feats);
      score(m, feats, n, scores);
      tag = argmax(scores);
    }
    tokens[i]!.pos = m.classes[tag]!;
    p2 = p1;
    p1 = tag;
  }
}
