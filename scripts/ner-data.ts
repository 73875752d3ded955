import { readFileSync } from 'node:fs';

/** One sentence of the CoNLL-2003 four-column files: token, POS, chunk, NER (IOB1). */
export interface ConllSentence {
  words: string[];
  pos: string[];
  ner: string[];
}

/** Documents (split on -DOCSTART-) of sentences. */
export function readConll(path: string): ConllSentence[][] {
  const docs: ConllSentence[][] = [];
  let doc: ConllSentence[] = [];
  let sent: ConllSentence = { words: [], pos: [], ner: [] };
  const flush = () => {
    if (sent.words.length) doc.push(sent);
    sent = { words: [], pos: [], ner: [] };
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      flush();
      if (doc.length) docs.push(doc);
      doc = [];
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const [w, p, , n] = line.split(' ');
    sent.words.push(w!);
    sent.pos.push(p!);
    sent.ner.push(n!);
  }
  flush();
  if (doc.length) docs.push(doc);
  return docs;
}
