import { feat1, feat2, FNV, fnv, hashString } from '../text/perceptron.ts';
import { canonical, shapeHash } from '../text/pos.ts';
import { fit, onReset, reserve, wordId } from '../text/vocab.ts';
import { GAZ_KINDS, GAZ_MASK, PLACE_SHIFT, phraseMatches, wordGazetteer } from './gazetteer.ts';

/**
 * NER features, shared by training (scripts/train-ner.ts) and tagging. Besides the usual
 * lexical, shape, POS and label-history features there are two document-level ones:
 * whether the word is seen elsewhere in the document in lower case or capitalized inside a
 * sentence. They carry the case information that headlines in ALL CAPS or Title Case lack.
 *
 * The templates are grouped by what they read (the word and its document flags, one
 * neighbour, a POS tag, the previous labels, ...), so that the tagger can sum the weights
 * of a group once and reuse the sum (see tagger.ts); `features` lists them all for training.
 */

const LABEL_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
/** BILOU labels; index 0 is O. */
export const LABELS = ['O', ...LABEL_TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];

/**
 * One sentence, ready for tagging. The per-token arrays are its document's: token i of the
 * sentence is at start + i, and sentences are apart by PAD boundary entries (zeros), so that
 * neighbours are read without bounds checks.
 */
export interface NerSentence {
  words: string[];
  start: number;
  /** ALL CAPS or Title Case: capitalization says nothing about names here. */
  caseless: boolean;
  /** Word entries (see `entryHashes`). */
  entries: Int32Array;
  /** POS tag indices (see `posHash`); 0 is no tag. */
  tags: Int32Array;
  /** Gazetteer bits and place in the phrase. */
  gaz: Uint32Array;
  /** Bit 1: the word occurs in lower case elsewhere in the document (cased sentences); bit 2:
   * capitalized and not sentence-initial; bit 4: all of its letters upper-case. */
  doc: Uint8Array;
  /** Tokens with an upper-case letter: only they can start a name (see `decode`). */
  cased: Uint8Array;
  /** Vocabulary id of the lower-cased word, which keys the document's history. */
  keys: Int32Array;
  /** The vocabulary generation the entries belong to. */
  generation: number;
}

const PAD = 2;

const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'vs', 'v']);
/** Function words that Title Case capitalizes and running text does not. */
const FUNCTION_WORDS = new Set(
  'a an the of and or but nor in on at to for by with from as into onto over under about after before between is are was were be has have will can not no its their his her it says say said'.split(' '),
);
const OPENERS = new Set(['"', '“', '‘', "'", '(']);

/** Word flags, per vocabulary id (0: not computed yet). */
const KNOWN = 1;
const STARTS_LOWER = 2;
const STARTS_UPPER = 4;
const HAS_LOWER = 8;
const HAS_UPPER = 16;
const STARTS_LETTER = 32;
const SMALL = 64;
const FUNCTION = 128;
const OPENER = 256;

/** Hashes of a word entry, at these offsets: they depend only on the word and whether its sentence is caseless. */
export const LOWER = 0;
export const EXACT = 1;
export const SHAPE = 2;
const PRE2 = 3;
const PRE3 = 4;
const SUF2 = 5;
export const SUF3 = 6;
const SUF4 = 7;
export const WIDTH = 8;

/*
 * What is known of a word is a record in one flat array, REC numbers per vocabulary id: its
 * flags, the id of its lower-cased form, its gazetteer bits, which of its entries are hashed;
 * for lower-cased forms also the document state (flags and prediction history, stamped with
 * the document or history they belong to, so nothing is cleared between documents). One
 * record per word keeps a token's reads on one cache line. A word entry, which indexes the
 * hashes, is 1 + 2 × id (+ 1 in a caseless sentence, where the hashes are those of the
 * lower-cased word); entry 0 is the boundary.
 */
const REC = 16;
const R_FLAGS = 0;
const R_LOWER = 1;
const R_GAZ = 2;
const R_HASHED = 3;
const R_DOC_STAMP = 4;
const R_DOC_FLAGS = 5;
const R_HISTORY_STAMP = 6;
const R_HISTORY = 7;

let rec = new Int32Array(0);
let hashes = new Uint32Array(0);
let generation = 0;
let documents = 0;

const BOUNDARY = hashString('<s>');

function clear(): void {
  rec = new Int32Array(1024 * REC);
  hashes = new Uint32Array(2048 * WIDTH).fill(BOUNDARY, 0, WIDTH);
  generation++;
}
clear();
onReset(clear);

/** Flags of word `id` (`w` its text), computed on first sight. */
function wordFlags(id: number, w: string): number {
  const at = id * REC;
  if (at >= rec.length) rec = fit(rec, at + REC);
  let f = rec[at + R_FLAGS]!;
  if (f !== 0) return f;
  const c = canonical(w);
  const lower = c.toLowerCase();
  const first = c.charAt(0);
  f = KNOWN;
  if (first !== first.toUpperCase()) f |= STARTS_LOWER;
  if (first !== first.toLowerCase()) f |= STARTS_UPPER;
  if (c !== c.toUpperCase()) f |= HAS_LOWER;
  if (c !== lower) f |= HAS_UPPER;
  if (first.toUpperCase() !== first.toLowerCase()) f |= STARTS_LETTER;
  if (SMALL_WORDS.has(lower)) f |= SMALL;
  if (FUNCTION_WORDS.has(lower)) f |= FUNCTION;
  if (OPENERS.has(w)) f |= OPENER;
  rec[at + R_FLAGS] = f;
  // The lower-cased form keys the document state; its own flags wait until it is a token.
  const l = lower === w ? id : wordId(lower);
  rec[at + R_LOWER] = l;
  if (l * REC >= rec.length) rec = fit(rec, l * REC + REC);
  return f;
}

/** Gazetteer answer for word `id`, looked up the first time it may begin a name. */
function gazetteerOf(id: number, w: string): number {
  const at = id * REC + R_GAZ;
  let g = rec[at]!;
  // Bit 31 marks the answer as known.
  if (g === 0) rec[at] = g = wordGazetteer(w, canonical(w).toLowerCase()) | (1 << 31);
  return g;
}

/** Entry of word `id` in a cased or caseless sentence, its hashes computed on first use. */
function entry(id: number, w: string, caseless: boolean): number {
  const e = 1 + 2 * id + (caseless ? 1 : 0);
  const bit = caseless ? 2 : 1;
  const r = id * REC + R_HASHED;
  if (rec[r]! & bit) return e;
  rec[r] = rec[r]! | bit;
  hashes = fit(hashes, (e + 1) * WIDTH);
  const c = canonical(w);
  const lower = c.toLowerCase();
  // The lower-cased word with its digits as 0 when it starts with one ("1990s" -> "0000s").
  const zeros = lower.charCodeAt(0) >= 48 && lower.charCodeAt(0) <= 57;
  const n = lower.length;
  const at = e * WIDTH;
  hashes[at + LOWER] = hashRange(lower, 0, n, zeros);
  hashes[at + EXACT] = caseless ? hashes[at + LOWER]! : hashString(c);
  hashes[at + SHAPE] = caseless ? shapeHash(lower, TILDE) : shapeHash(c);
  hashes[at + PRE2] = hashRange(lower, 0, Math.min(2, n), zeros);
  hashes[at + PRE3] = hashRange(lower, 0, Math.min(3, n), zeros);
  hashes[at + SUF2] = hashRange(lower, Math.max(0, n - 2), n, zeros);
  hashes[at + SUF3] = hashRange(lower, Math.max(0, n - 3), n, zeros);
  hashes[at + SUF4] = hashRange(lower, Math.max(0, n - 4), n, zeros);
  return e;
}

/** Marks the shape of a caseless word, which says nothing of its case. */
const TILDE = 126;

/** `hashString` of w[from, to), digits read as "0" when `zeros`. */
function hashRange(w: string, from: number, to: number, zeros: boolean): number {
  let h = FNV;
  for (let i = from; i < to; i++) {
    const c = w.charCodeAt(i);
    h = fnv(h, zeros && c >= 48 && c <= 57 ? 48 : c);
  }
  return h >>> 0;
}

/** The hashes of all word entries, WIDTH per entry (valid until more words are prepared). */
export function entryHashes(): Uint32Array {
  return hashes;
}

/** POS tags as small indices; 0 is no tag (the boundaries), whose hash is 0. */
const posIndex = new Map<string, number>();
export const posHash: number[] = [0];

function tagIndex(tag: string): number {
  let k = posIndex.get(tag);
  if (k === undefined) {
    posIndex.set(tag, (k = posHash.length));
    posHash.push(hashString(tag));
  }
  return k;
}

/**
 * A sentence is caseless (capitalization says nothing about names) when its letters are
 * mostly upper-case, or when it is in Title Case: no lower-case word but small ones, and a
 * capitalized function word inside ("Council Votes To Delay Harbour Plan"), which a list of names
 * ("Dale 69, Morris 69") does not have.
 */
export function isCaseless(words: string[]): boolean {
  return caselessFlags(Int32Array.from(words, (w) => wordFlags(wordId(w), w)), 0, words.length);
}

/** `isCaseless` of the sentence whose word flags are fs[from, to). */
function caselessFlags(fs: Int32Array, from: number, to: number): boolean {
  let alpha = 0;
  let lower = 0;
  let upper = 0;
  let capFunction = 0;
  for (let i = from; i < to; i++) {
    const f = fs[i]!;
    if (!(f & STARTS_LETTER)) continue;
    alpha++;
    if (f & STARTS_LOWER && !(f & SMALL)) lower++;
    if (!(f & HAS_LOWER)) upper++;
    if (i > from && f & STARTS_UPPER && f & FUNCTION) capFunction++;
  }
  if (alpha >= 2 && upper / alpha >= 0.8) return true;
  return alpha >= 3 && lower === 0 && capFunction > 0;
}

/**
 * Whether `word` occurs in lower case in a cased sentence of the document last prepared
 * ("weather" for a "Weather" in a headline). Valid until the next document is prepared.
 */
export function usedInLowerCase(word: string): boolean {
  const id = wordId(word);
  wordFlags(id, word);
  const key = rec[id * REC + R_LOWER]! * REC;
  return rec[key + R_DOC_STAMP] === documents && (rec[key + R_DOC_FLAGS]! & 1) !== 0;
}

/**
 * Per token of the document being prepared, in its layout (boundary entries unused): words,
 * their ids and flags, `wordGazetteer` answers, and who may begin a name.
 */
const words: string[] = [];
let ids = new Int32Array(1024);
let fs = new Int32Array(1024);
let single = new Int32Array(1024);
let capitalized = new Uint8Array(1024);
const lowerAt = (i: number) => canonical(words[i]!).toLowerCase();

/** Builds per-sentence inputs for one document (its sentences' words and POS tags). */
export function prepareDocument(doc: { words: string[]; pos: string[] }[]): NerSentence[] {
  let size = PAD;
  for (const s of doc) size += s.words.length + PAD;
  // Each word may bring its lower-cased form.
  reserve(2 * size);
  ids = fit(ids, size);
  fs = fit(fs, size);
  let at = PAD;
  for (const s of doc) {
    for (const w of s.words) {
      const id = wordId(w);
      words[at] = w;
      ids[at] = id;
      fs[at++] = wordFlags(id, w);
    }
    at += PAD;
  }
  const stamp = ++documents;
  const caseless = new Uint8Array(doc.length);
  at = PAD;
  doc.forEach((s, k) => {
    const from = at;
    at += s.words.length;
    caseless[k] = caselessFlags(fs, from, at) ? 1 : 0;
    if (!caseless[k]) {
      for (let i = from; i < at; i++) {
        const f = fs[i]!;
        const key = rec[ids[i]! * REC + R_LOWER]! * REC;
        let d = rec[key + R_DOC_STAMP] === stamp ? rec[key + R_DOC_FLAGS]! : 0;
        if (f & STARTS_LOWER) d |= 1;
        else if (f & STARTS_UPPER && i > from && !(fs[i - 1]! & OPENER)) d |= f & HAS_LOWER ? 2 : 4;
        rec[key + R_DOC_STAMP] = stamp;
        rec[key + R_DOC_FLAGS] = d;
      }
    }
    at += PAD;
  });
  const entries = new Int32Array(size);
  const tags = new Int32Array(size);
  const gaz = new Uint32Array(size);
  const docs = new Uint8Array(size);
  const cased = new Uint8Array(size);
  const keys = new Int32Array(size);
  single = fit(single, size);
  capitalized = fit(capitalized, size);
  at = PAD;
  return doc.map((s, k) => {
    const start = at;
    const cl = caseless[k] === 1;
    for (let i = 0; i < s.words.length; i++, at++) {
      const id = ids[at]!;
      const f = fs[at]!;
      const key = rec[id * REC + R_LOWER]!;
      entries[at] = entry(id, s.words[i]!, cl);
      tags[at] = tagIndex(s.pos[i]!);
      docs[at] = rec[key * REC + R_DOC_STAMP] === stamp ? rec[key * REC + R_DOC_FLAGS]! : 0;
      cased[at] = f & HAS_UPPER ? 1 : 0;
      keys[at] = key;
      // In a caseless sentence any word may be a name's.
      const cap = f & STARTS_UPPER || (cl && f & STARTS_LETTER) ? 1 : 0;
      capitalized[at] = cap;
      single[at] = cap ? gazetteerOf(id, s.words[i]!) : 0;
    }
    phraseMatches(single, capitalized, start, at, lowerAt, gaz);
    at += PAD;
    return { words: s.words, start, caseless: cl, entries, tags, gaz, doc: docs, cased, keys, generation };
  });
}

/** Throws when the vocabulary was emptied after `s` was prepared (its entries are stale). */
export function checkFresh(s: NerSentence): void {
  if (s.generation !== generation) throw new Error('NER input prepared before the vocabulary was emptied');
}

/**
 * Prediction history of a document: per word (lower-cased), how often each type (O, PER,
 * ORG, LOC, MISC) was assigned to it so far. Sentences are tagged cased ones first, so a
 * headline's words are read with what the body made of them.
 */
export interface History {
  id: number;
}

let histories = 0;

export function newHistory(): History {
  return { id: ++histories };
}

/** Type of a label index: 0 for O, 1-4 for PER, ORG, LOC, MISC. */
const labelType = (l: number) => (l === 0 ? 0 : ((l - 1) >> 2) + 1);

export function remember(h: History, s: NerSentence, labels: ArrayLike<number>): void {
  for (let i = 0; i < labels.length; i++) {
    if (!s.cased[s.start + i]) continue;
    const at = s.keys[s.start + i]! * REC;
    if (rec[at + R_HISTORY_STAMP] !== h.id) {
      rec[at + R_HISTORY_STAMP] = h.id;
      rec.fill(0, at + R_HISTORY, at + R_HISTORY + 5);
    }
    rec[at + R_HISTORY + labelType(labels[i]!)]!++;
  }
}

/** Majority type of a word so far (0-4) times two, plus one when all agreed; -1 if unseen. */
export function historyCode(h: History | undefined, key: number): number {
  const at = key * REC;
  if (!h || rec[at + R_HISTORY_STAMP] !== h.id) return -1;
  let best = 0;
  let total = 0;
  for (let t = 0; t < 5; t++) {
    const v = rec[at + R_HISTORY + t]!;
    total += v;
    if (v > rec[at + R_HISTORY + best]!) best = t;
  }
  return best * 2 + (rec[at + R_HISTORY + best] === total ? 1 : 0);
}

/*
 * Feature groups. `h` holds entry hashes; `cur`, `prev`, `next` are offsets of entries in it.
 */

/** The bias of a caseless or cased sentence. */
export function biasFeature(cl: number): number {
  return feat1(0, cl);
}

/** The word itself, in its sentence (first or not) and document. */
export function selfFeatures(h: Uint32Array, cur: number, first: number, doc: number, out: Uint32Array, n: number): number {
  out[n++] = feat1(1, h[cur + LOWER]!);
  out[n++] = feat1(2, h[cur + EXACT]!);
  out[n++] = feat1(3, h[cur + SHAPE]!);
  out[n++] = feat1(4, h[cur + PRE2]!);
  out[n++] = feat1(5, h[cur + PRE3]!);
  out[n++] = feat1(6, h[cur + SUF2]!);
  out[n++] = feat1(7, h[cur + SUF3]!);
  out[n++] = feat1(8, h[cur + SUF4]!);
  out[n++] = feat2(25, first, h[cur + SHAPE]!);
  out[n++] = feat2(26, doc, h[cur + SHAPE]!);
  out[n++] = feat2(28, doc, h[cur + LOWER]!);
  return n;
}

/** The word with the previous label. */
export function labelWordFeatures(h: Uint32Array, cur: number, p1: number, out: Uint32Array, n: number): number {
  out[n++] = feat2(21, p1, h[cur + LOWER]!);
  out[n++] = feat2(22, p1, h[cur + SHAPE]!);
  return n;
}

/** One neighbour (offset -2, -1, 1 or 2) on its own. */
export const NEIGHBOURS = [-2, -1, 1, 2];
export function neighbourFeature(offset: number, h: Uint32Array, at: number): number {
  return feat1(offset === -1 ? 9 : offset === 1 ? 10 : offset === -2 ? 11 : 12, h[at + LOWER]!);
}

/** The POS tag at offset -1, 0 or 1. */
export function posFeature(offset: number, tagHash: number): number {
  return feat1(offset === 0 ? 16 : offset < 0 ? 17 : 18, tagHash);
}

/** The two previous labels. */
export function labelFeatures(p1: number, p2: number, out: Uint32Array, n: number): number {
  out[n++] = feat1(19, p1);
  out[n++] = feat2(20, p1, p2);
  return n;
}

export function docFeature(doc: number, cl: number): number {
  return feat2(27, doc, cl);
}

/** The word's shape with its neighbours' (shape hashes). */
export function shapeContextFeatures(prev: number, shape: number, next: number, out: Uint32Array, n: number): number {
  out[n++] = feat2(13, prev, shape);
  out[n++] = feat2(14, shape, next);
  out[n++] = feat2(15, feat2(15, prev, shape), next);
  return n;
}

/** The word with its neighbours' words and suffixes. */
export function wordContextFeatures(h: Uint32Array, prev: number, cur: number, next: number, out: Uint32Array, n: number): number {
  const shape = h[cur + SHAPE]!;
  out[n++] = feat2(23, h[prev + LOWER]!, h[cur + LOWER]!);
  out[n++] = feat2(24, h[cur + LOWER]!, h[next + LOWER]!);
  out[n++] = feat2(29, h[prev + SUF3]!, shape);
  out[n++] = feat2(30, h[next + SUF3]!, shape);
  out[n++] = feat2(31, h[prev + EXACT]!, shape);
  return n;
}

/** Gazetteer matches of the word at `j` (a document index) and its neighbours. */
export function gazetteerFeatures(s: NerSentence, j: number, shapeHash: number, out: Uint32Array, n: number): number {
  const g = s.gaz[j]!;
  if (g) {
    for (let b = 0; b < GAZ_KINDS; b++) {
      if (g & (1 << b)) out[n++] = feat2(32, b, g >> PLACE_SHIFT);
    }
    out[n++] = feat2(33, g, shapeHash);
  }
  const gp = s.gaz[j - 1]! & GAZ_MASK;
  const gn = s.gaz[j + 1]! & GAZ_MASK;
  if (gp) out[n++] = feat1(34, gp);
  if (gn) out[n++] = feat1(35, gn);
  return n;
}

/** What the document made of the word so far. */
export function historyFeatures(hc: number, cl: number, out: Uint32Array, n: number): number {
  if (hc < 0) return n;
  out[n++] = feat1(36, hc);
  out[n++] = feat2(37, hc, cl);
  return n;
}

export const MAX_FEATURES = 48;
const FIXED = 32;

/**
 * Template number of each fixed feature in group order: the trainer sums float scores in
 * template order, and keeping it lets retraining reproduce the shipped weights bit for bit.
 */
const TRAINING_ORDER = [0, 1, 2, 3, 4, 5, 6, 7, 8, 25, 26, 28, 21, 22, 11, 9, 10, 12, 17, 16, 18, 19, 20, 27, 13, 14, 15, 23, 24, 29, 30, 31];
const grouped = new Uint32Array(FIXED);

/** All features of token `i` given the two previous labels, as the trainer sees them. */
export function features(s: NerSentence, i: number, p1: number, p2: number, out: Uint32Array, hist?: History): number {
  const h = hashes;
  const j = s.start + i;
  const e = s.entries;
  const cur = e[j]! * WIDTH;
  const cl = s.caseless ? 1 : 0;
  const doc = s.doc[j]!;
  const g = grouped;
  g[0] = biasFeature(cl);
  let n = selfFeatures(h, cur, i === 0 ? 1 : 0, doc, g, 1);
  n = labelWordFeatures(h, cur, p1, g, n);
  for (const d of NEIGHBOURS) g[n++] = neighbourFeature(d, h, e[j + d]! * WIDTH);
  for (let d = -1; d <= 1; d++) g[n++] = posFeature(d, posHash[s.tags[j + d]!]!);
  n = labelFeatures(p1, p2, g, n);
  g[n++] = docFeature(doc, cl);
  const prev = e[j - 1]! * WIDTH;
  const next = e[j + 1]! * WIDTH;
  n = shapeContextFeatures(h[prev + SHAPE]!, h[cur + SHAPE]!, h[next + SHAPE]!, g, n);
  n = wordContextFeatures(h, prev, cur, next, g, n);
  for (let k = 0; k < FIXED; k++) out[TRAINING_ORDER[k]!] = g[k]!;
  n = gazetteerFeatures(s, j, h[cur + SHAPE]!, out, FIXED);
  return historyFeatures(historyCode(hist, s.keys[j]!), cl, out, n);
}

/** IOB1 tags (CoNLL-2003) → BILOU labels. */
export function iobToBilou(tags: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 'O') {
      out.push('O');
      continue;
    }
    const type = t.slice(2);
    const prev = tags[i - 1];
    const next = tags[i + 1];
    const begins = t[0] === 'B' || !prev || prev === 'O' || prev.slice(2) !== type;
    const ends = !next || next === 'O' || next.slice(2) !== type || next[0] === 'B';
    out.push(`${begins ? (ends ? 'U' : 'B') : ends ? 'L' : 'I'}-${type}`);
  }
  return out;
}
