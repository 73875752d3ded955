/**
 * The bad-input corpus: the committed fixtures in tests/fixtures/bad plus the ones generated here
 * because they are big or binary (the repository keeps no 5 MB file and no bytes that git would
 * call binary). Used by the unit tests and by the end-to-end build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const BAD = path.resolve(import.meta.dirname, '../fixtures/bad');

/** One article's text in every encoding: the same words must come out of each. */
export const ENCODED_TITLE = 'Café Owner’s “Kiosk” Wins – €500 Prize';
export const ENCODED_BODY = 'The seafront café’s owner, Marta Nowak, said the prize of €500 would pay for a new awning.';
const ENCODED = `${ENCODED_TITLE}\n\n${ENCODED_BODY}\n`;
/** Latin-1 has no curly quotes, dashes or euro sign. */
export const LATIN1_TITLE = 'Naïve Café Sign Costs £500';
const LATIN1 = `${LATIN1_TITLE}\n\n${ENCODED_BODY.replace('’', "'").replace('€', '£')}\n`;

// Windows-1252 has bytes for ’ “ ” – € that Latin-1 lacks.
const CP1252: Record<string, number> = { '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '€': 0x80 };
const cp1252 = (text: string): Uint8Array => Uint8Array.from([...text], (c) => CP1252[c] ?? c.charCodeAt(0));

const LINES = [
  'Ferry Fares Frozen for Another Year',
  '',
  'The ferry company said on Monday that fares to the islands would not rise this year.',
  'Its chief executive, Aino Virtanen, said fuel costs had fallen since the spring.',
];

/** Sentences for long articles: varied enough to keep every analyser busy. */
const SENTENCES = [
  'The harbour board chair, Jonas Berg, said on Tuesday that dues would rise by 4.5% next year.',
  '"We will not close the fish market," said Ellen Marsh of the Port Alder Fishermen\'s Association.',
  'Talks with the county council in Kingsport resume on 12 March, officials said.',
  'The dredging contract, worth £3.2 million, went to Northsea Marine after a tender in January.',
  'Councillors from the Green Party asked whether the work could wait until the autumn.',
];

/** An article of `words` words in paragraphs of four sentences. */
export function longArticle(words: number): string {
  const paragraphs: string[] = [];
  for (let n = 0, i = 0; n < words; ) {
    const paragraph = Array.from({ length: 4 }, () => SENTENCES[i++ % SENTENCES.length]!);
    n += paragraph.join(' ').split(' ').length;
    paragraphs.push(paragraph.join(' '));
  }
  return `Harbour Board Sets Out Ten-Year Plan\n\n${paragraphs.join('\n\n')}\n`;
}

/** A single line of text of at least `chars` characters, with no line break anywhere. */
export const oneLine = (chars: number): string => SENTENCES.join(' ').repeat(Math.ceil(chars / SENTENCES.join(' ').length)).slice(0, chars);

export function generatedFixtures(): Record<string, Uint8Array> {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const utf16le = Buffer.from(`\ufeff${ENCODED}`, 'utf16le');
  return {
    'binary-named-as-text.txt': gzipSync(Buffer.from(longArticle(2000))),
    'five-mb-one-line.txt': utf8(oneLine(5 * 1024 * 1024)),
    'one-line-article.txt': utf8(`${oneLine(20_000)}.`),
    'encoding-utf-8.txt': utf8(ENCODED),
    'encoding-utf-8-bom.txt': utf8(`\ufeff${ENCODED}`),
    'encoding-utf-16le-bom.txt': utf16le,
    'encoding-utf-16be-bom.txt': Buffer.from(utf16le).swap16(),
    'encoding-windows-1252.txt': cp1252(ENCODED),
    'encoding-latin-1.txt': Buffer.from(LATIN1, 'latin1'),
    'line-ends-crlf.txt': utf8(LINES.join('\r\n')),
    'line-ends-cr.txt': utf8(LINES.join('\r')),
    'control-characters.txt': utf8(LINES.join('\n').replace('fares', 'fa\u0000res').replace('fallen', '\u0007fallen\u001b[0m\u009b').replace('Monday', 'Mon\u007fday')),
    'not-an-article.pdf': utf8('%PDF-1.4\n'),
  };
}

/** Writes the whole corpus, committed and generated, into `dir`. */
export function writeBadCorpus(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(BAD, dir, { recursive: true });
  for (const [name, bytes] of Object.entries(generatedFixtures())) fs.writeFileSync(path.join(dir, name), bytes);
}
