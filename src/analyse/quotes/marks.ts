/**
 * Quotation marks → quoted spans over the paragraphs of an article. A span may run over several
 * sentences, and over paragraphs when the next paragraph reopens the quote (the news convention)
 * or closes it without reopening. Curly and straight double quotes and curly single quotes are
 * read; straight single quotes are too often apostrophes to trust.
 */
import type { Sentence } from '../types.ts';

export interface Piece {
  sentence: number;
  start: number;
  end: number;
}

export interface QuoteSpan {
  /** The quoted words, piece by piece, without the marks. */
  pieces: Piece[];
  /** Sentence index and offset of the opening mark. */
  first: number;
  open: number;
  /** Sentence index and offset of the closing mark; -1 when the paragraph's end closed it. */
  last: number;
  close: number;
  text: string;
}

type Family = 'double' | 'single';

const MARK = /["“”„‘’«»]/g;
const LETTER = /[\p{L}\p{N}]/u;
const CLOSES_SENTENCE = /[.,!?;:…]/;

function opens(text: string, at: number): Family | null {
  const mark = text[at]!;
  if (mark === '“' || mark === '„' || mark === '«') return 'double';
  const next = text[at + 1] ?? ' ';
  if (/\s/.test(next)) return null;
  if (mark === '‘') return LETTER.test(text[at - 1] ?? ' ') ? null : 'single';
  return mark === '"' && !LETTER.test(text[at - 1] ?? ' ') ? 'double' : null;
}

function closes(text: string, at: number, family: Family): boolean {
  const mark = text[at]!;
  if (family === 'double') return mark === '”' || mark === '"' || mark === '»';
  if (mark !== '’') return false;
  const before = text[at - 1] ?? ' ';
  const after = text[at + 1] ?? ' ';
  if (LETTER.test(after)) return false;
  // "the leaders’ meeting" is a plural possessive, "deal’ and" or "win,’ she" end a quote.
  return CLOSES_SENTENCE.test(before) || CLOSES_SENTENCE.test(after) || /\s|$/.test(after) && before !== 's';
}

/** Where the paragraph starting at sentence `index` carries the open quote on, or -1 if it does not. */
function carriesOn(sentences: Sentence[], index: number, family: Family): number {
  const sentence = sentences[index]!;
  const lead = /^\s*/.exec(sentence.text)![0].length;
  if (opens(sentence.text, lead) === family) return lead + 1;
  if (family === 'single') return -1;
  // A closing curly mark before any opening one: the quote goes on without being reopened.
  for (let i = index; i < sentences.length && sentences[i]!.block === sentence.block; i++) {
    const text = sentences[i]!.text;
    const close = text.indexOf('”');
    const open = text.indexOf('“');
    if (close !== -1 && (open === -1 || close < open)) return 0;
    if (open !== -1) return -1;
  }
  return -1;
}

const found = new WeakMap<Sentence[], QuoteSpan[]>();

/** The quoted spans of an article, found once and shared (quotes and the summary both ask). */
export function findQuoteSpans(sentences: Sentence[]): QuoteSpan[] {
  let spans = found.get(sentences);
  if (!spans) found.set(sentences, (spans = scan(sentences)));
  return spans;
}

function scan(sentences: Sentence[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let family: Family | null = null;
  let pieces: Piece[] = [];
  let first = 0;
  let open = 0;
  let from = 0;
  // Offset of a reopening mark already consumed at the start of a carried-on paragraph.
  let skip = -1;

  const finish = (last: number, close: number, end: number): void => {
    pieces.push({ sentence: last, start: from, end });
    const text = pieces.map((p) => sentences[p.sentence]!.text.slice(p.start, p.end).trim()).filter(Boolean).join(' ');
    spans.push({ pieces, first, open, last, close, text });
    family = null;
    pieces = [];
  };
  // A quote the paragraph's end leaves open counts only when it opened its sentence.
  const unclosed = (last: number): void => {
    if (open === 0 && family === 'double') finish(last, -1, sentences[last]!.text.length);
    family = null;
    pieces = [];
  };

  for (let index = 0; index < sentences.length; index++) {
    const sentence = sentences[index]!;
    const previous = sentences[index - 1];
    if (family && previous) {
      if (sentence.kind !== 'paragraph') unclosed(index - 1);
      else if (sentence.block !== previous.block) {
        const at = carriesOn(sentences, index, family);
        if (at === -1) unclosed(index - 1);
        else {
          pieces.push({ sentence: index - 1, start: from, end: previous.text.length });
          from = at;
          skip = at - 1;
        }
      } else {
        pieces.push({ sentence: index - 1, start: from, end: previous.text.length });
        from = 0;
      }
    }
    if (sentence.kind !== 'paragraph') continue;
    const text = sentence.text;
    MARK.lastIndex = 0;
    for (let m = MARK.exec(text); m; m = MARK.exec(text)) {
      if (m.index === skip) continue;
      if (!family) {
        family = opens(text, m.index);
        if (family) {
          first = index;
          open = m.index;
          from = m.index + 1;
        }
      } else if (closes(text, m.index, family)) {
        finish(index, m.index, m.index);
      }
    }
    skip = -1;
  }
  if (family) unclosed(sentences.length - 1);
  return spans;
}
