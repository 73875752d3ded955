/**
 * Word ids: each distinct token string gets a small integer, so that what the taggers know of
 * a word (feature hashes, tag-dictionary entry, summed weights, flags) sits in typed arrays
 * indexed by it. Looking a fresh token string up in a Map makes V8 compute its hash in the
 * runtime and compare it with the stored key, several cache misses; here a word is two 32-bit
 * hashes of its code units, found with one probe of a flat table. Two words that share both
 * hashes would share an id: at most 2^18 words are held, so the odds of that are 2^-29.
 *
 * The vocabulary of a long-running process is unbounded, so it is emptied once it holds
 * MAX_WORDS words, at a point where no caller holds ids (`reserve`); whoever keeps data by id
 * registers with `onReset` to drop it then.
 */

const MAX_WORDS = 1 << 18;

/** Per slot: first hash, second hash, id + 1 (0: empty), unused. Kept under half full. */
let mask = (1 << 16) - 1;
let table = new Int32Array((mask + 1) * 4);
let size = 0;
const listeners: (() => void)[] = [];

export function wordId(w: string): number {
  let h1 = 0x811c9dc5 | 0;
  let h2 = w.length;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  }
  let slot = (h1 ^ (h1 >>> 15)) & mask;
  for (;;) {
    const at = slot << 2;
    const id = table[at + 2]!;
    if (id === 0) {
      table[at] = h1;
      table[at + 1] = h2;
      table[at + 2] = ++size;
      if (size * 2 > mask) grow();
      return size - 1;
    }
    if (table[at] === h1 && table[at + 1] === h2) return id - 1;
    slot = (slot + 1) & mask;
  }
}

function grow(): void {
  const old = table;
  mask = mask * 2 + 1;
  table = new Int32Array((mask + 1) * 4);
  for (let at = 0; at < old.length; at += 4) {
    if (old[at + 2] === 0) continue;
    const h1 = old[at]!;
    let slot = (h1 ^ (h1 >>> 15)) & mask;
    while (table[(slot << 2) + 2] !== 0) slot = (slot + 1) & mask;
    for (let k = 0; k < 3; k++) table[(slot << 2) + k] = old[at + k]!;
  }
}

/**
 * Called before a caller takes `n` more ids that it will hold for a while (a sentence, a
 * document): empties the vocabulary, and everything kept by id, when it would grow too big.
 */
export function reserve(n: number): void {
  if (size + n <= MAX_WORDS) return;
  table.fill(0);
  size = 0;
  for (const f of listeners) f();
}

/** `f` runs whenever ids are given out anew. */
export function onReset(f: () => void): void {
  listeners.push(f);
}

/** Grows a per-id array to hold at least `n` entries (doubling), keeping its contents. */
export function fit<T extends Int32Array | Uint32Array | Int16Array | Uint16Array | Uint8Array>(a: T, n: number): T {
  if (n <= a.length) return a;
  let size = a.length || 1024;
  while (size < n) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
