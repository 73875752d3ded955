/** The text layer: sentence spans, PTB-like tokens with offsets, part-of-speech tags. */
export { splitSentences } from './sentences.ts';
export { tokenize } from './tokenize.ts';
export { tagPos } from './pos.ts';
