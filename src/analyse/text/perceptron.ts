import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * A multiclass averaged perceptron over hashed features. Features are 32-bit hashes built
 * from per-token string hashes, so scoring allocates no strings: this keeps POS tagging and
 * NER well above a megabyte of text per second.
 */

/** FNV-1a over UTF-16 code units: the hash of "", and one step. */
export const FNV = 0x811c9dc5;
export const fnv = (h: number, c: number) => Math.imul(h ^ c, 0x01000193);

export function hashString(s: string): number {
  let h = FNV;
  for (let i = 0; i < s.length; i++) h = fnv(h, s.charCodeAt(i));
  return h >>> 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Feature of template `t` with one value hash; never 0 (0 marks an empty slot). */
export function feat1(t: number, a: number): number {
  return fmix(Math.imul(t + 1, 0x9e3779b1) ^ a) || 1;
}

export function feat2(t: number, a: number, b: number): number {
  return fmix(feat1(t, a) + Math.imul(b, 0x27d4eb2f)) || 1;
}

/**
 * Read-only weights: an open-addressing table from feature hash to its sparse (class, weight)
 * pairs. Speed is bound by cache misses, so a slot is four adjacent words: the key, then up to
 * three pairs inline, which is most features' all (a pair is class << 16 | int16 weight, and
 * the first word's top byte holds how many there are); longer runs are in `pairs`, from the
 * index in the slot's second word.
 */
export interface Model {
  classes: string[];
  meta: Record<string, unknown>;
  table: Uint32Array;
  mask: number;
  pairs: Int32Array;
  scale: number;
  /** A Bloom filter of the keys, one 32-bit word per key with two bits set (see `mayHave`). */
  filter: Int32Array;
}

/**
 * Most features a tagger asks for are not in the model. The table is megabytes, a cache miss
 * per probe; the filter is 128 KB and tells most absent keys without touching it.
 */
const FILTER_BITS = 15;
const filterBits = (key: number) => (1 << (key & 31)) | (1 << ((key >>> 5) & 31));

function mayHave(filter: Int32Array, key: number): boolean {
  const bits = filterBits(key);
  return (filter[key >>> (32 - FILTER_BITS)]! & bits) === bits;
}

const INLINE = 3;

/**
 * Adds the quantized weights of `n` features into `scores` (one per class). The sums are
 * integers, exact in any order; the taggers keep such sums per word and reuse them.
 */
export function addWeights(model: Model, feats: Uint32Array, n: number, scores: Int32Array): void {
  for (let f = 0; f < n; f++) addWeight(model, feats[f]!, scores);
}

/** Adds the weights of one feature (a hash as `feat1` and `feat2` give it) times `sign` into `scores`. */
export function addWeight(model: Model, key: number, scores: Int32Array, sign = 1): void {
  if (!mayHave(model.filter, key)) return;
  const { table, mask, pairs } = model;
  let slot = key & mask;
  let k: number;
  while ((k = table[slot << 2]!) !== 0) {
    if (k === key) {
      const at = slot << 2;
      const w0 = table[at + 1]!;
      const len = w0 >>> 24;
      if (len <= INLINE) {
        scores[(w0 >>> 16) & 255]! += sign * ((w0 << 16) >> 16);
        for (let j = 2; j <= len; j++) scores[table[at + j]! >>> 16]! += sign * ((table[at + j]! << 16) >> 16);
      } else {
        const from = table[at + 2]!;
        for (let j = from; j < from + len; j++) scores[pairs[j]! >>> 16]! += sign * ((pairs[j]! << 16) >> 16);
      }
      return;
    }
    slot = (slot + 1) & mask;
  }
}

/** The class with the highest score; the first of them on a tie. */
export function argmax(scores: Int32Array): number {
  let best = 0;
  let top = scores[0]!;
  for (let c = 1; c < scores.length; c++) {
    const v = scores[c]!;
    if (v > top) {
      top = v;
      best = c;
    }
  }
  return best;
}

/*
 * File format (gzipped): uint32 header length, JSON header {classes, meta, scale, count}, then
 * `count` records: uint32 key, uint8 nonzero count, then (uint8 class, int16 weight) pairs.
 */
export function loadModel(file: Buffer): Model {
  const buf = gunzipSync(file);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const headLen = view.getUint32(0, true);
  const head = JSON.parse(buf.subarray(4, 4 + headLen).toString('utf8')) as {
    classes: string[];
    meta: Record<string, unknown>;
    scale: number;
    count: number;
  };
  // Under a third full: a feature that is not there (most are not) is told in one probe.
  let size = 1;
  while (size < head.count * 3) size *= 2;
  const table = new Uint32Array(size * 4);
  const long: number[] = [];
  const filter = new Int32Array(1 << FILTER_BITS);
  let p = 4 + headLen;
  for (let r = 0; r < head.count; r++) {
    const key = view.getUint32(p, true);
    const nnz = view.getUint8(p + 4);
    p += 5;
    let slot = key & (size - 1);
    while (table[slot * 4] !== 0) slot = (slot + 1) & (size - 1);
    const at = slot * 4;
    table[at] = key;
    filter[key >>> (32 - FILTER_BITS)] = filter[key >>> (32 - FILTER_BITS)]! | filterBits(key);
    const run: number[] = [];
    for (let j = 0; j < nnz; j++, p += 3) run.push((view.getUint8(p) << 16) | (view.getInt16(p + 1, true) & 0xffff));
    if (nnz <= INLINE) {
      run.forEach((pair, j) => (table[at + 1 + j] = pair));
    } else {
      table[at + 2] = long.length;
      long.push(...run);
    }
    table[at + 1] = (table[at + 1]! | (nnz << 24)) >>> 0;
  }
  return { classes: head.classes, meta: head.meta, table, mask: size - 1, pairs: Int32Array.from(long), scale: head.scale, filter };
}

/** Training side: sparse weights with lazy averaging (Collins 2002; Honnibal's tagger). */
export class Trainer {
  readonly classes: string[];
  private readonly w = new Map<number, Float64Array>();
  private readonly totals = new Map<number, Float64Array>();
  private readonly stamps = new Map<number, Float64Array>();
  private instances = 0;

  constructor(classes: string[]) {
    this.classes = classes;
  }

  /** Scores with the current (not averaged) weights. */
  predict(feats: Uint32Array, n: number, scores: Float32Array): void {
    scores.fill(0);
    for (let f = 0; f < n; f++) {
      const row = this.w.get(feats[f]!);
      if (!row) continue;
      for (let c = 0; c < scores.length; c++) scores[c]! += row[c]!;
    }
  }

  update(truth: number, guess: number, feats: Uint32Array, n: number): void {
    this.instances++;
    if (truth === guess) return;
    const nc = this.classes.length;
    for (let f = 0; f < n; f++) {
      const key = feats[f]!;
      let row = this.w.get(key);
      if (!row) {
        row = new Float64Array(nc);
        this.w.set(key, row);
        this.totals.set(key, new Float64Array(nc));
        this.stamps.set(key, new Float64Array(nc));
      }
      const tot = this.totals.get(key)!;
      const st = this.stamps.get(key)!;
      for (const [c, d] of [
        [truth, 1],
        [guess, -1],
      ] as const) {
        tot[c]! += (this.instances - st[c]!) * row[c]!;
        st[c] = this.instances;
        row[c]! += d;
      }
    }
  }

  /** Averages, drops weights below `minAbs` (pruning), quantizes and serializes. */
  save(meta: Record<string, unknown>, minAbs: number): Buffer {
    const nc = this.classes.length;
    const kept: [number, Float64Array][] = [];
    let maxAbs = 0;
    for (const [key, row] of this.w) {
      const tot = this.totals.get(key)!;
      const st = this.stamps.get(key)!;
      const avg = new Float64Array(nc);
      let any = false;
      for (let c = 0; c < nc; c++) {
        const total = tot[c]! + (this.instances - st[c]!) * row[c]!;
        const v = total / this.instances;
        if (Math.abs(v) >= minAbs) {
          avg[c] = v;
          any = true;
          maxAbs = Math.max(maxAbs, Math.abs(v));
        }
      }
      if (any) kept.push([key, avg]);
    }
    const scale = maxAbs / 32767 || 1;
    const head = Buffer.from(JSON.stringify({ classes: this.classes, meta, scale, count: kept.length }));
    const parts: Buffer[] = [];
    const len = Buffer.alloc(4);
    len.writeUInt32LE(head.length);
    parts.push(len, head);
    for (const [key, avg] of kept) {
      const nz: number[] = [];
      for (let c = 0; c < nc; c++) if (avg[c] !== 0 && Math.round(avg[c]! / scale) !== 0) nz.push(c);
      const rec = Buffer.alloc(5 + 3 * nz.length);
      rec.writeUInt32LE(key, 0);
      rec.writeUInt8(nz.length, 4);
      nz.forEach((c, j) => {
        rec.writeUInt8(c, 5 + 3 * j);
        rec.writeInt16LE(Math.round(avg[c]! / scale), 6 + 3 * j);
      });
      parts.push(rec);
    }
    return gzipSync(Buffer.concat(parts), { level: 9 });
  }
}
