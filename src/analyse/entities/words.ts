import { countryKey, gazetteer } from '../ner/gazetteer.ts';
import { fit, onReset, wordId } from '../text/vocab.ts';
import type { Sentence } from '../types.ts';
import {
  CALENDAR,
  COMMON_HEADS,
  COMPANY_SUFFIXES,
  EVENT_HEADS,
  FACILITY_HEADS,
  GEO_HEADS,
  HONORIFICS,
  ORG_HEADS,
  PERSON_TITLES,
  PLACE_ORG_HEADS,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  STOPWORDS,
  worldRegions,
} from './lexicon.ts';

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

/** What the rules ask of a single word, as bits of `wordBits`. */
export const STOP = 1;
/** Trimmed off the start of a name: punctuation, "the", "of", "and"... (particles like "de" stay). */
export const LEAD = 1 << 1;
/** Trimmed off the end of a name: punctuation, possessives, articles, connectors. */
export const TAIL = 1 << 2;
/** Capitalized, perhaps after a lower-case prefix ("eBay"), with a letter. */
export const NAMEISH = 1 << 3;
export const POSSESSIVE_WORD = 1 << 4;
/** Ends a name: punctuation other than "." and "&", a lower-case word that is no connector or particle. */
export const BREAKS = 1 << 5;
export const CAPITALIZED = 1 << 6;
export const COMPANY_SUFFIX = 1 << 7;
/** A capital then a lower-case letter ("Smith", not "SMITH" or "eBay"). */
export const UPPER_LOWER = 1 << 8;
/** A capitalized word, no function word, title word or month, that may begin a place or organization ("Greater"). */
export const LEADER = 1 << 9;
export const OPENING = 1 << 10;
export const PERSON_TITLE = 1 << 11;
export const ORG_HEAD = 1 << 12;
export const PLACE_ORG_HEAD = 1 << 13;
export const EVENT_HEAD = 1 << 14;
export const GEO_HEAD = 1 << 15;
/** A word of a title or role: head, modifier or honorific. */
export const TITLE_WORD = 1 << 16;
export const ROLE_HEAD = 1 << 17;
export const HONORIFIC = 1 << 18;
/** Styles that go with the name rather than the role ("Sir", "Dame", "Lord"). */
export const NOBLE_STYLE = 1 << 19;
export const OF = 1 << 20;
export const STARTS_LOWER = 1 << 21;
/** A country's name, code or demonym ("US", "Chinese"). */
export const PLACE = 1 << 22;
export const IN_ON = 1 << 23;
/** Ends a phrase about a name rather than a name ("Deal" in "the Fabrikam Deal"). */
export const COMMON_HEAD = 1 << 24;
/** The first word of a world region's name ("Latin", "Balkans"). */
export const REGION_START = 1 << 25;
/** A legal suffix carrying the sentence's full stop ("LLC." for "LLC"): the stop is no part of the name. */
export const SUFFIX_FULL_STOP = 1 << 26;
/** Heads a building's or an institution's name, which may hold a possessive ("Queen's Medical Centre"). */
export const FACILITY_HEAD = 1 << 27;

const PUNCT = /^[^\p{L}\p{N}]+$/u;
const LETTER = /\p{L}/u;
const POSSESSIVE = /^['’]s?$/;
/** Hyphenated name particles: "al-Abidine", "bin-Salman", "d'Estaing". */
const PARTICLE = /^(?:al|el|ad|as|ash|at|az|bin|ibn|abu|abd|abdul|ben|bar|da|de|di|du|van|von|le|la|d|l|o)['’-]\p{L}/u;
/** Lower-case words allowed inside names: "Bank of America", "Ludwig van Beethoven". */
const CONNECTORS = new Set(['wa', 'of', 'and', 'the', 'for', 'on', 'in', 'at', 'de', 'du', 'des', 'del', 'della', 'da', 'di', 'do', 'dos', 'das', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'bin', 'bint', 'ibn', 'al', 'el', 'y', 'e', 'st', 'upon', '&']);
const NOBLE = new Set(['sir', 'dame', 'lord']);
const LEADING = new Set(['the', 'a', 'an', 'of', 'and', 'for', 'on', 'in', 'at']);
const ARTICLES = new Set(['the', 'a', 'an']);
const OPENINGS = '"“‘\'(';
const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;

/** Lower case without an abbreviation's period: "Prof." is "prof". */
export const bare = (s: string) => s.toLowerCase().replace(/\.$/, '');

/**
 * `countryKey` of a text, given its lower case: that itself when it has no dot, no curly
 * apostrophe and no space at either end (most words and names), with no new strings.
 */
export function countryKeyOf(text: string, lower: string): string {
  const a = lower.charCodeAt(0);
  const z = lower.charCodeAt(lower.length - 1);
  return a > 32 && a < 127 && z > 32 && z < 127 && !lower.includes('.') && !lower.includes('’') ? lower : countryKey(text);
}

/** A head with a modifier hyphened on: "co-chairman", "ex-minister", "vice-chair". */
function isModifiedHead(r: string): boolean {
  const dash = r.indexOf('-');
  return dash > 0 && ROLE_MODIFIERS.has(r.slice(0, dash)) && ROLE_HEADS.has(r.slice(dash + 1));
}

export const wordBits = memoBits((w) => {
  const l = w.toLowerCase();
  const letter = LETTER.test(w);
  const punct = !letter && PUNCT.test(w);
  // The class of the first character, by its code where it is ASCII (most words).
  const c = w.charCodeAt(0);
  const upper = c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(w);
  const lowerStart = c < 128 ? c >= 97 && c <= 122 : LOWER_START.test(w);
  const possessive = POSSESSIVE.test(w);
  const connector = CONNECTORS.has(w);
  let b = 0;
  // Function words and punctuation; an all-caps word is an acronym ("WHO"), not a stopword.
  if ((STOPWORDS.has(l) && !/^\p{Lu}{2,}$/u.test(w)) || !letter) b |= STOP;
  if (punct || LEADING.has(l)) b |= LEAD;
  if (punct || possessive || ARTICLES.has(l) || connector) b |= TAIL;
  if (letter && (upper || /^(?:\p{Ll}+)?[\p{Lu}\p{N}]/u.test(w))) b |= NAMEISH;
  if (possessive) b |= POSSESSIVE_WORD;
  if ((punct && w !== '.' && w !== '&') || (lowerStart && !connector && !PARTICLE.test(w))) b |= BREAKS;
  if (upper) b |= CAPITALIZED;
  if (lowerStart) b |= STARTS_LOWER;
  // Without an abbreviation's period: "Prof." is "prof".
  const r = l.endsWith('.') ? l.slice(0, -1) : l;
  if (COMPANY_SUFFIXES.has(l)) b |= COMPANY_SUFFIX;
  else if (r !== l && COMPANY_SUFFIXES.has(r)) b |= COMPANY_SUFFIX | SUFFIX_FULL_STOP;
  if (upper && /^\p{Lu}\p{Ll}/u.test(w)) b |= UPPER_LOWER;
  if (w.length === 1 && OPENINGS.includes(w)) b |= OPENING;
  if (PERSON_TITLES.has(l)) b |= PERSON_TITLE;
  if (ORG_HEADS.has(l)) b |= ORG_HEAD;
  if (PLACE_ORG_HEADS.has(l)) b |= PLACE_ORG_HEAD;
  if (EVENT_HEADS.has(l)) b |= EVENT_HEAD;
  if (GEO_HEADS.has(w)) b |= GEO_HEAD;
  if (upper && FACILITY_HEADS.has(l)) b |= FACILITY_HEAD;
  if (upper && COMMON_HEADS.has(l)) b |= COMMON_HEAD;
  if (worldRegions().firsts.has(l)) b |= REGION_START;
  if (ROLE_HEADS.has(r) || isModifiedHead(r)) b |= ROLE_HEAD | TITLE_WORD;
  if (ROLE_MODIFIERS.has(r)) b |= TITLE_WORD;
  if (HONORIFICS.has(r)) b |= HONORIFIC | TITLE_WORD;
  if (NOBLE.has(r)) b |= NOBLE_STYLE;
  if (r === 'of') b |= OF;
  if (r === 'in' || r === 'on') b |= IN_ON;
  if (gazetteer().countryByName.has(countryKeyOf(w, l))) b |= PLACE;
  if (b & UPPER_LOWER && !(b & (STOP | TITLE_WORD)) && /^\p{Lu}\p{Ll}+$/u.test(w) && !CALENDAR.test(w)) b |= LEADER;
  return b;
});

/** A word's first two characters (0 for none) as a number, ASCII letters folded to lower case; -1 beyond ASCII. */
function firstTwo(w: string): number {
  const a = w.charCodeAt(0);
  const b = w.length > 1 ? w.charCodeAt(1) : 0;
  return (a | b) < 128 ? ((a | 32) << 7) | (b | 32) : -1;
}

let regionStarts: Uint8Array | null = null;

/**
 * False when a word cannot begin a world region's name, told from its first two characters
 * where they are ASCII (lower case keeps them in place), so that most words need no lookup.
 */
export function mayStartRegion(w: string): boolean {
  if (!regionStarts) {
    regionStarts = new Uint8Array(1 << 14);
    for (const f of worldRegions().firsts) if (firstTwo(f) >= 0) regionStarts[firstTwo(f)] = 1;
  }
  const k = firstTwo(w);
  return k < 0 || regionStarts[k] === 1;
}

/** White space other than a lone space. */
const ODD_SPACE = /[^\S ]|\s\s/;

/** `text.split(/\s+/)`: a plain split at spaces where lone spaces are all its white space (most names), as a regex split is slow. */
export function splitWords(text: string): string[] {
  return ODD_SPACE.test(text) ? text.split(/\s+/) : text.split(' ');
}

export const isStop = (w: string) => (wordBits(w) & STOP) !== 0;
export const isTitleWord = (w: string) => (wordBits(w) & TITLE_WORD) !== 0;

/**
 * A document's sentences, with `wordBits` of each token kept by its position once asked:
 * the rules ask of the same tokens many times, and an array read is cheaper than a lookup.
 */
export class Doc {
  readonly sentences: Sentence[];
  /** Index of each sentence's first token among the document's tokens. */
  readonly start: Int32Array;
  private readonly bits: Int32Array;

  constructor(sentences: Sentence[]) {
    this.sentences = sentences;
    this.start = new Int32Array(sentences.length + 1);
    for (let si = 0; si < sentences.length; si++) this.start[si + 1] = this.start[si]! + sentences[si]!.tokens.length;
    this.bits = new Int32Array(this.start[sentences.length]!);
  }

  /** Whether token `i` of sentence `si` begins with a capital, told by its code where it is ASCII. */
  capitalized(si: number, i: number): boolean {
    const c = this.sentences[si]!.tokens[i]!.text.charCodeAt(0);
    return c < 128 ? c >= 65 && c <= 90 : (this.at(si, i) & CAPITALIZED) !== 0;
  }

  /** `wordBits` of token `i` of sentence `si`. */
  at(si: number, i: number): number {
    const k = this.start[si]! + i;
    return this.bits[k] || (this.bits[k] = wordBits(this.sentences[si]!.tokens[i]!.text));
  }
}
