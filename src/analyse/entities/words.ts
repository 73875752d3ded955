import { fit, onReset, wordId } from '../text/vocab.ts';

/**
 * Caches for the entity rules, which ask the same questions of the same few words and names
 * over and over ("is it a title word?", "which country is it?"). They are kept by vocabulary
 * id: a Map keyed by a freshly sliced string makes V8 hash the string in the runtime on
 * every lookup, which cost more than most of the answers.
 */

/** `f` with its answers kept per string (until the vocabulary is emptied). */
export function memo<T>(f: (s: string) => T): (s: string) => T {
  // A dense array by id: holes or a Map would make every lookup a slow one.
  let answers: (T | typeof NONE)[] = [];
  onReset(() => (answers = []));
  return (s) => {
    const id = wordId(s);
    while (answers.length <= id) answers.push(NONE);
    let a = answers[id] as T | typeof NONE;
    if (a === NONE) answers[id] = a = f(s);
    return a as T;
  };
}

const NONE = Symbol('none');

/** `f`, a set of up to 31 bit flags of a string, kept per string. */
export function memoBits(f: (s: string) => number): (s: string) => number {
  // Bit 31 marks an answer as known.
  const KNOWN = 1 << 31;
  let bits = new Int32Array(1024);
  onReset(() => bits.fill(0));
  return (s) => {
    const id = wordId(s);
    if (id >= bits.length) bits = fit(bits, id + 1);
    let b = bits[id]!;
    if (b === 0) bits[id] = b = f(s) | KNOWN;
    return b;
  };
}
