import type { Span } from '../types.ts';
import { MAYBE_FINAL, NEVER_FINAL } from './abbrev.ts';
import { isSpace } from './tokenize.ts';

/** A run of terminators, the closing quotes/brackets after it, and the spaces after those. */
const TERMINATOR = /([.!?…]+)(["'”’)\]]*)(\s*)/g;

/**
 * Capitalized words that usually start a sentence rather than continue a name, used to decide
 * whether "Corp." / "U.S." / an initial ends the sentence ("... Fabrikam Corp. In pursuit ...").
 */
const STARTERS = new Set(
  ('the a an in on at but and or so yet he she it they we i you his her its their our this that these ' +
    'those there here what when where why how who which while after before although though if as ' +
    'for from by with without since during despite meanwhile however still also then now some many ' +
    'most all both each no not one two three analysts officials shares last earlier later today ' +
    'yesterday separately instead under over about among according').split(' '),
);

/** Attribution after a quoted exclamation or question: “Go!” Smith added. */
const ATTRIBUTION =
  /^(?:[\p{Lu}][\p{L}'’.-]*\s+){1,4}(?:said|says|added|adds|wrote|writes|told|tells|asked|asks|tweeted|posted|declared|replied|insisted|exclaimed|shouted|continued|recalled|noted|stated)\b/u;

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const DIGIT = /\d/;

const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);

/** The word (letters, digits, dots) that ends right before `end`. */
function wordBefore(text: string, end: number): string {
  let i = end;
  for (; i > 0; i--) {
    const c = text.charCodeAt(i - 1);
    if (!(isAsciiAlnum(c) || c === 46 || (c >= 128 && /[\p{L}\p{N}]/u.test(text[i - 1]!)))) break;
  }
  return text.slice(i, end);
}

/** Does text[from, to) hold a letter or a digit? */
function hasWordChar(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isAsciiAlnum(c)) return true;
    // Beyond ASCII, leave it to the pattern (it reads surrogate pairs whole).
    if (c >= 128) return /[\p{L}\p{N}]/u.test(text.slice(i, to));
  }
  return false;
}

function firstWord(text: string, at: number): string {
  const m = /^[\p{L}\p{N}]+/u.exec(text.slice(at, at + 40));
  return m ? m[0] : '';
}

/** Does the word at `at` usually start a sentence? */
const starts = (text: string, at: number) => STARTERS.has(firstWord(text, at).toLowerCase());

/** Does the terminator ending at `end` (exclusive; its text `term`) close a sentence? */
function endsSentence(text: string, term: string, close: string, end: number, next: number): boolean {
  if (next >= text.length) return true;
  const c = text[next]!;
  if (LOWER.test(c)) return false;
  const glued = next === end;
  if (glued) {
    // "...in office?Smith continues": a heading glued to the next sentence.
    return /[?!]/.test(term) && UPPER.test(c) && LOWER.test(text[next + 1] ?? '');
  }
  if (term === '.' && close === '') {
    const word = wordBefore(text, end - 1);
    const bare = word.toLowerCase();
    if (bare === 'no' || bare === 'nos') return !DIGIT.test(c); // "No. 5" but "said no. The"
    if (NEVER_FINAL.has(bare)) return false;
    if (/^\p{Lu}$/u.test(word)) return starts(text, next); // initial: "J. K. Rowling"
    // (a bracket goes on with the sentence: "Fabrikam Corp. (FAB) said", "PASADENA, Calif. (AP) —")
    if (MAYBE_FINAL.has(bare) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return starts(text, next) || !/[\p{L}\d(]/u.test(c);
    if (DIGIT.test(c) && /^\d+$/.test(word)) return true;
  }
  if (close !== '' && /[!?]/.test(term) && ATTRIBUTION.test(text.slice(next, next + 80))) return false;
  return true;
}

/** Sentence spans inside one paragraph; a line break always ends a sentence. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const push = (s: number, e: number) => {
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e <= s) return;
    // Stray punctuation ("in the US. .", a closing quote after a space) ends the previous sentence.
    const prev = spans[spans.length - 1];
    if (prev && !hasWordChar(text, s, e) && !text.slice(prev.end, s).includes('\n')) prev.end = e;
    else spans.push({ start: s, end: e });
  };
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let start = lineStart;
    TERMINATOR.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TERMINATOR.exec(line)) !== null) {
      const term = m[1]!;
      const close = m[2]!;
      const end = m.index + term.length + close.length;
      const next = end + m[3]!.length;
      // Decimals and dotted words ("3.5", "U.S.-led") are not candidates: nothing follows.
      if (end === next && next < line.length && !/[?!]/.test(term)) continue;
      if (endsSentence(line, term, close, end, next)) {
        push(start, lineStart + end);
        start = lineStart + next;
      }
    }
    push(start, lineStart + line.length);
    lineStart += line.length + 1;
  }
  return spans;
}
