/**
 * How much room a piece of text takes on the printed brief: widths from the Helvetica metrics of
 * the standard PDF fonts (Arial and Liberation Sans, first in the brief's font stack, share them),
 * and lines from greedy word wrapping, as a browser lays out a paragraph.
 */
import { Encodings, Font, FontNames } from '@pdf-lib/standard-fonts';

/** A stretch of text in one weight. */
export interface Run {
  text: string;
  bold?: boolean;
}

const FONTS = { regular: Font.load(FontNames.Helvetica), bold: Font.load(FontNames.HelveticaBold) };
/** Widths are in 1/1000 em; characters the metrics lack (CJK, emoji) count as a wide letter. */
const UNKNOWN = 1000;
/** Rendering differs a little between browsers and fonts of the stack; estimate on the wide side. */
const SLACK = 1.03;

function charWidth(codePoint: number, bold: boolean): number {
  const font = bold ? FONTS.bold : FONTS.regular;
  if (!Encodings.WinAnsi.canEncodeUnicodeCodePoint(codePoint)) return UNKNOWN;
  return font.getWidthOfGlyph(Encodings.WinAnsi.encodeUnicodeCodePoint(codePoint).name) || UNKNOWN;
}

/** Width in points of `text` set at `size` points. */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch.codePointAt(0)!, bold);
  return (units * size * SLACK) / 1000;
}

/**
 * Lines that `runs` fill in a box `width` points wide at `size` points. Breaks at spaces; a word
 * longer than the line (a long address) breaks anywhere, as `overflow-wrap: anywhere` does.
 */
export function lineCount(runs: Run[] | string, width: number, size: number): number {
  const parts = typeof runs === 'string' ? [{ text: runs }] : runs;
  let lines = 1;
  let used = 0;
  let pendingSpace = 0;
  for (const { text, bold = false } of parts) {
    const space = textWidth(' ', size, bold);
    for (const piece of text.split(/(\s+)/)) {
      if (!piece) continue;
      if (/^\s+$/.test(piece)) {
        if (used > 0) pendingSpace = space;
        continue;
      }
      const word = textWidth(piece, size, bold);
      if (used > 0 && used + pendingSpace + word <= width) {
        used += pendingSpace + word;
      } else if (word <= width) {
        if (used > 0) lines++;
        used = word;
      } else {
        // Too long for any line: fill this line, then whole lines, character by character.
        if (used > 0) used += pendingSpace;
        for (const ch of piece) {
          const w = textWidth(ch, size, bold);
          if (used + w > width && used > 0) {
            lines++;
            used = 0;
          }
          used += w;
        }
      }
      pendingSpace = 0;
    }
  }
  return lines;
}
