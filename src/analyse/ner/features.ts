import { feat1, feat2, hashString } from '../text/perceptron.ts';
import { canonical, shape } from '../text/pos.ts';
import { GAZ_KINDS, GAZ_MASK, PLACE_SHIFT, gazetteerMatches } from './gazetteer.ts';

/**
 * NER features, shared by training (scripts/train-ner.ts) and tagging. Besides the usual
 * lexical, shape, POS and label-history features there are two document-level ones:
 * whether the word is seen elsewhere in the document in lower case or capitalized inside a
 * sentence. They carry the case information that headlines in ALL CAPS or Title Case lack.
 */

const LABEL_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
/** BILOU labels; index 0 is O. */
export const LABELS = ['O', ...LABEL_TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];

export interface NerSentence {
  words: string[];
  pos: string[];
  /** ALL CAPS or Title Case: capitalization says nothing about names here. */
  caseless: boolean;
  gaz: Uint32Array;
  /** Per token, bit 1: the word occurs in lower case elsewhere in the document (cased sentences);
   * bit 2: capitalized and not sentence-initial; bit 4: all of its letters upper-case. */
  doc: Uint8Array;
  /** Tokens with an upper-case letter: only they can start a name (see `decode`). */
  cased: Uint8Array;
  info: WordInfo[];
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'vs', 'v']);

const STARTS_LOWER = 1;
const STARTS_UPPER = 2;
const HAS_LOWER = 4;
const HAS_UPPER = 8;
const STARTS_LETTER = 16;

/** Hashes that depend only on the word (and whether its sentence is caseless), at these offsets. */
const LOWER = 0;
const EXACT = 1;
const SHAPE = 2;
const PRE2 = 3;
const PRE3 = 4;
const SUF2 = 5;
const SUF3 = 6;
const SUF4 = 7;
const WIDTH = 8;

/** What the features need of a word type, computed once: news vocabulary repeats. */
export interface WordInfo {
  lower: string;
  flags: number;
  /** Offsets of the word's hashes in `pool`, as written and as read in a caseless sentence (-1: not yet). */
  cased: number;
  caseless: number;
  /** Shared by all case forms of the word. */
  key: LowerInfo;
}

/**
 * Document-level state of a lower-cased word, kept on the word itself and stamped with the
 * number of the document it belongs to: no per-document maps to fill and look up.
 */
interface LowerInfo {
  doc: number;
  docFlags: number;
  historyId: number;
  history: Int32Array;
}

const cache = new Map<string, WordInfo>();
const lowers = new Map<string, LowerInfo>();
let documents = 0;

function lowerInfo(lower: string): LowerInfo {
  let k = lowers.get(lower);
  if (!k) {
    lowers.set(lower, (k = { doc: 0, docFlags: 0, historyId: 0, history: new Int32Array(5) }));
  }
  return k;
}

function info(word: string): WordInfo {
  let x = cache.get(word);
  if (x) return x;
  const w = canonical(word);
  const lower = w.toLowerCase();
  const upper = w.toUpperCase();
  const first = w.charAt(0);
  let flags = 0;
  if (first !== first.toUpperCase()) flags |= STARTS_LOWER;
  if (first !== first.toLowerCase()) flags |= STARTS_UPPER;
  if (w !== upper) flags |= HAS_LOWER;
  if (w !== lower) flags |= HAS_UPPER;
  if (first.toUpperCase() !== first.toLowerCase()) flags |= STARTS_LETTER;
  x = { lower, flags, cased: hashes(w, lower, false), caseless: -1, key: lowerInfo(lower) };
  cache.set(word, x);
  return x;
}

/**
 * Word hashes, WIDTH per entry, in one flat array: reading them is reading memory. It grows
 * as needed and is emptied between documents when it holds many words (a long-running
 * process reads an unbounded vocabulary).
 */
const MAX_WORDS = 1 << 18;
let pool = new Uint32Array(1024 * WIDTH);
let used = 0;

function startDocument(): void {
  if (used < MAX_WORDS) return;
  cache.clear();
  lowers.clear();
  used = 0;
}

function hashes(w: string, lower: string, caseless: boolean): number {
  const lw = /^\d/.test(lower) ? lower.replace(/\d/g, '0') : lower;
  if ((used + 1) * WIDTH > pool.length) {
    const bigger = new Uint32Array(pool.length * 2);
    bigger.set(pool);
    pool = bigger;
  }
  const at = used++ * WIDTH;
  pool[at + LOWER] = hashString(lw);
  pool[at + EXACT] = caseless ? hashString(lw) : hashString(w);
  pool[at + SHAPE] = hashString(caseless ? '~' + shape(lower) : shape(w));
  pool[at + PRE2] = hashString(lw.slice(0, 2));
  pool[at + PRE3] = hashString(lw.slice(0, 3));
  pool[at + SUF2] = hashString(lw.slice(-2));
  pool[at + SUF3] = hashString(lw.slice(-3));
  pool[at + SUF4] = hashString(lw.slice(-4));
  return at;
}

function wordHashes(w: string, x: WordInfo, caseless: boolean): number {
  if (!caseless) return x.cased;
  if (x.caseless < 0) x.caseless = hashes(w, x.lower, true);
  return x.caseless;
}

/** Function words that Title Case capitalizes and running text does not. */
const FUNCTION_WORDS = new Set(
  'a an the of and or but nor in on at to for by with from as into onto over under about after before between is are was were be has have will can not no its their his her it says say said'.split(' '),
);

/**
 * A sentence is caseless (capitalization says nothing about names) when its letters are
 * mostly upper-case, or when it is in Title Case: no lower-case word but small ones, and a
 * capitalized function word inside ("Xi Asks Trump To Avoid ..."), which a list of names
 * ("Dale 69, Morris 69") does not have.
 */
export function isCaseless(words: string[]): boolean {
  return caselessInfo(words.map(info));
}

function caselessInfo(infos: WordInfo[]): boolean {
  let alpha = 0;
  let lower = 0;
  let upper = 0;
  let capFunction = 0;
  infos.forEach((x, i) => {
    if (!(x.flags & STARTS_LETTER)) return;
    alpha++;
    if (x.flags & STARTS_LOWER && !SMALL_WORDS.has(x.lower)) lower++;
    if (!(x.flags & HAS_LOWER)) upper++;
    if (i > 0 && x.flags & STARTS_UPPER && FUNCTION_WORDS.has(x.lower)) capFunction++;
  });
  if (alpha >= 2 && upper / alpha >= 0.8) return true;
  return alpha >= 3 && lower === 0 && capFunction > 0;
}

const OPENERS = new Set(['"', '“', '‘', "'", '(']);

/**
 * Whether `word` occurs in lower case in a cased sentence of the document last prepared
 * ("trade" for a "Trade" in a headline). Valid until the next document is prepared.
 */
export function usedInLowerCase(word: string): boolean {
  const key = info(word).key;
  return key.doc === documents && (key.docFlags & 1) !== 0;
}

/** Builds per-sentence inputs for one document (its sentences' words and POS tags). */
export function prepareDocument(doc: { words: string[]; pos: string[] }[]): NerSentence[] {
  startDocument();
  const infos = doc.map((s) => s.words.map(info));
  const caseless = infos.map(caselessInfo);
  const id = ++documents;
  infos.forEach((xs, k) => {
    if (caseless[k]) return;
    xs.forEach((x, i) => {
      const key = x.key;
      if (key.doc !== id) {
        key.doc = id;
        key.docFlags = 0;
      }
      if (x.flags & STARTS_LOWER) key.docFlags |= 1;
      else if (x.flags & STARTS_UPPER && i > 0 && !OPENERS.has(doc[k]!.words[i - 1]!)) key.docFlags |= x.flags & HAS_LOWER ? 2 : 4;
    });
  });
  return doc.map((s, k) => {
    const xs = infos[k]!;
    const docFlags = new Uint8Array(xs.length);
    const cased = new Uint8Array(xs.length);
    const lower: string[] = new Array(xs.length);
    const capitalized = new Uint8Array(xs.length);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      docFlags[i] = x.key.doc === id ? x.key.docFlags : 0;
      cased[i] = x.flags & HAS_UPPER ? 1 : 0;
      lower[i] = x.lower;
      // In a caseless sentence any word may be a name's.
      capitalized[i] = x.flags & STARTS_UPPER || (caseless[k] && x.flags & STARTS_LETTER) ? 1 : 0;
    }
    return { words: s.words, pos: s.pos, caseless: caseless[k]!, gaz: gazetteerMatches(s.words, lower, capitalized), doc: docFlags, cased, info: xs };
  });
}

/** Word hashes (WIDTH per token) and POS hashes of a sentence, padded by two boundary entries each side. */
export interface Context {
  w: Uint32Array;
  pos: Uint32Array;
}

const BOUNDARY = hashString('<s>');
const posHashes = new Map<string, number>();

export function context(s: NerSentence): Context {
  const n = s.words.length;
  const w = new Uint32Array((n + 4) * WIDTH).fill(BOUNDARY);
  const pos = new Uint32Array(n + 4);
  for (let i = 0; i < n; i++) {
    const from = wordHashes(s.words[i]!, s.info[i]!, s.caseless);
    const to = (i + 2) * WIDTH;
    for (let k = 0; k < WIDTH; k++) w[to + k] = pool[from + k]!;
    const tag = s.pos[i]!;
    let h = posHashes.get(tag);
    if (h === undefined) posHashes.set(tag, (h = hashString(tag)));
    pos[i + 2] = h;
  }
  return { w, pos };
}

export const MAX_FEATURES = 48;

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

export function remember(history: History, s: NerSentence, labels: number[]): void {
  for (let i = 0; i < labels.length; i++) {
    if (!s.cased[i]) continue;
    const key = s.info[i]!.key;
    if (key.historyId !== history.id) {
      key.historyId = history.id;
      key.history.fill(0);
    }
    key.history[labelType(labels[i]!)]!++;
  }
}

/** Majority type of a word so far (0-4) times two, plus one when all agreed; -1 if unseen. */
function historyCode(history: History | undefined, key: LowerInfo): number {
  if (!history || key.historyId !== history.id) return -1;
  const h = key.history;
  let best = 0;
  let total = 0;
  for (let t = 0; t < 5; t++) {
    total += h[t]!;
    if (h[t]! > h[best]!) best = t;
  }
  return best * 2 + (h[best] === total ? 1 : 0);
}

/** Features of token `i` given the two previous labels. */
export function features(s: NerSentence, c: Context, i: number, p1: number, p2: number, out: Uint32Array, history?: History): number {
  const j = i + 2;
  const w = c.w;
  const cur = j * WIDTH;
  const prev = cur - WIDTH;
  const next = cur + WIDTH;
  const cl = s.caseless ? 1 : 0;
  const doc = s.doc[i]!;
  let n = 0;
  out[n++] = feat1(0, cl);
  out[n++] = feat1(1, w[cur + LOWER]!);
  out[n++] = feat1(2, w[cur + EXACT]!);
  out[n++] = feat1(3, w[cur + SHAPE]!);
  out[n++] = feat1(4, w[cur + PRE2]!);
  out[n++] = feat1(5, w[cur + PRE3]!);
  out[n++] = feat1(6, w[cur + SUF2]!);
  out[n++] = feat1(7, w[cur + SUF3]!);
  out[n++] = feat1(8, w[cur + SUF4]!);
  out[n++] = feat1(9, w[prev + LOWER]!);
  out[n++] = feat1(10, w[next + LOWER]!);
  out[n++] = feat1(11, w[prev - WIDTH + LOWER]!);
  out[n++] = feat1(12, w[next + WIDTH + LOWER]!);
  out[n++] = feat2(13, w[prev + SHAPE]!, w[cur + SHAPE]!);
  out[n++] = feat2(14, w[cur + SHAPE]!, w[next + SHAPE]!);
  out[n++] = feat2(15, feat2(15, w[prev + SHAPE]!, w[cur + SHAPE]!), w[next + SHAPE]!);
  out[n++] = feat1(16, c.pos[j]!);
  out[n++] = feat1(17, c.pos[j - 1]!);
  out[n++] = feat1(18, c.pos[j + 1]!);
  out[n++] = feat1(19, p1);
  out[n++] = feat2(20, p1, p2);
  out[n++] = feat2(21, p1, w[cur + LOWER]!);
  out[n++] = feat2(22, p1, w[cur + SHAPE]!);
  out[n++] = feat2(23, w[prev + LOWER]!, w[cur + LOWER]!);
  out[n++] = feat2(24, w[cur + LOWER]!, w[next + LOWER]!);
  out[n++] = feat2(25, i === 0 ? 1 : 0, w[cur + SHAPE]!);
  out[n++] = feat2(26, doc, w[cur + SHAPE]!);
  out[n++] = feat2(27, doc, cl);
  out[n++] = feat2(28, doc, w[cur + LOWER]!);
  out[n++] = feat2(29, w[prev + SUF3]!, w[cur + SHAPE]!);
  out[n++] = feat2(30, w[next + SUF3]!, w[cur + SHAPE]!);
  out[n++] = feat2(31, w[prev + EXACT]!, w[cur + SHAPE]!);
  const g = s.gaz[i]!;
  if (g) {
    for (let b = 0; b < GAZ_KINDS; b++) {
      if (g & (1 << b)) out[n++] = feat2(32, b, g >> PLACE_SHIFT);
    }
    out[n++] = feat2(33, g, w[cur + SHAPE]!);
  }
  const gp = i > 0 ? s.gaz[i - 1]! & GAZ_MASK : 0;
  const gn = i + 1 < s.gaz.length ? s.gaz[i + 1]! & GAZ_MASK : 0;
  if (gp) out[n++] = feat1(34, gp);
  if (gn) out[n++] = feat1(35, gn);
  const hc = historyCode(history, s.info[i]!.key);
  if (hc >= 0) {
    out[n++] = feat1(36, hc);
    out[n++] = feat2(37, hc, cl);
  }
  return n;
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
