import type { Token } from '../types.ts';
import { isAbbreviation } from './abbrev.ts';

/**
 * Penn-Treebank-like tokens with exact offsets, close to the CoNLL-2003 conventions the NER
 * model is trained on: "U.S." and "Corp." keep their period, "'s" and "n't" are split off,
 * hyphenated words ("Euro-Atlantic", "UK-Norway", "2-year-old") and dates ("1996-08-22") stay
 * whole, "37%" is "37" "%", currency prefixes ("$", "US$") are their own tokens.
 */
const TOKEN = new RegExp(
  [
    '\\.{2,}|…', // ellipsis
    '-{2,}|[—–]', // dashes
    '[A-Z]{1,3}\\$', // C$, US$, HK$
    "(?:\\p{L}\\.){2,}(?:-[\\p{L}\\p{N}]+)*", // U.S., a.m., U.S.-led
    '\\d+(?:[.,:/]\\d+)+(?:-?[\\p{L}\\p{N}]+)*', // 1,000  3.5  10:30  1/2  3.5bn
    "[\\p{L}\\p{N}\\p{M}]+(?:[-'’][\\p{L}\\p{N}\\p{M}]+|&[\\p{Lu}\\p{N}]+(?!\\p{Ll}))*", // words
    "['’][sS](?![\\p{L}\\p{N}])", // "'s" after an abbreviation ("Corp.'s")
    '\\S',
  ].join('|'),
  'uy',
);

/** Clitics split off the end of a word: possessive/verb "'s", "'re", "'ve", "'ll", "'d", "'m". */
const CLITIC = /(?:['’](?:[sSdDmM]|re|RE|ve|VE|ll|LL)|[nN]['’][tT])$/;

const WORD_START = /^[\p{L}\p{N}]/u;

/** White space as the regular expression \s reads it. */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function startsWord(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return WORD_START.test(word);
}

const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);

/**
 * Where the pattern's match starting at `i` ends, or -1 when only the pattern can tell. Most
 * tokens are a plain ASCII word or number followed by white space or punctuation that no
 * alternative reads on into, or a punctuation mark that begins no longer alternative.
 */
function plainEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (!isAsciiAlnum(c)) {
    // ".", "-" and "'" may begin an ellipsis, a dash or a clitic.
    return c < 128 && c !== 46 && c !== 45 && c !== 39 ? i + 1 : -1;
  }
  let j = i + 1;
  while (j < text.length && isAsciiAlnum(text.charCodeAt(j))) j++;
  const d = text.charCodeAt(j);
  // Word joiners (- ' & $) and "." (abbreviations, initials, decimals) read on, and so do
  // ",", ":", "/" after a number; letters beyond ASCII may continue the word.
  if (d === 45 || d === 39 || d === 38 || d === 46 || d === 36 || d >= 128) return -1;
  if ((d === 44 || d === 58 || d === 47) && c <= 57) return -1;
  return j;
}

/**
 * Tokens are made with their `pos` slot (undefined until tagged): adding the property later
 * would give every token a second shape and an out-of-object property store. Where the token
 * is not plain (above), the pattern is matched sticky at its start (after white space, where
 * the first alternative that matches is the one a search would find): no match object per token.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let end = plainEnd(text, start);
    if (end >= 0) {
      out.push({ text: text.slice(start, end), start, end, pos: undefined });
      i = end;
      continue;
    }
    TOKEN.lastIndex = start;
    TOKEN.test(text);
    end = TOKEN.lastIndex;
    let word = text.slice(start, end);
    i = end;
    if (startsWord(word)) {
      const clitic = word.includes("'") || word.includes('’') ? CLITIC.exec(word) : null;
      // "O'Brien" has no clitic; "Smith's" -> "Smith" "'s"; "don't" -> "do" "n't".
      if (clitic && clitic.index > 0) {
        out.push({ text: word.slice(0, clitic.index), start, end: start + clitic.index, pos: undefined });
        out.push({ text: clitic[0], start: start + clitic.index, end, pos: undefined });
        continue;
      }
      // Keep the period of abbreviations and initials ("Mr.", "Corp.", "J.").
      if (text.charCodeAt(end) === 46 && text.charCodeAt(end + 1) !== 46 && isAbbreviation(word)) {
        end++;
        word = text.slice(start, end);
        i = end;
      }
    }
    out.push({ text: word, start, end, pos: undefined });
  }
  return out;
}
