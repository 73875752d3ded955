/**
 * Speed of the text layer and the NER layer over a folder of plain-text articles
 * (default: the BBC corpus), in MB of article text per second of CPU time on one core.
 *   npx node scripts/bench-ner.ts [DIR]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences, tagPos, tokenize } from '../src/analyse/text/index.ts';
import { extractEntities } from '../src/analyse/entities/index.ts';
import { recognize } from '../src/analyse/ner/index.ts';
import type { Sentence, Token } from '../src/analyse/types.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.txt') && !/README/i.test(f) ? [p] : [];
  });
}

/** UTF-8, or Latin-1 when the bytes are not valid UTF-8 (one BBC file is). */
function read(p: string): string {
  const buf = readFileSync(p);
  const utf = buf.toString('utf8');
  return utf.includes('\uFFFD') ? buf.toString('latin1') : utf;
}

const dir = process.argv[2] ?? '/work/shared/corpus/bbc';
const texts = files(dir).map(read);
const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
const mbps = (ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(2);

/**
 * CPU time (ms) of `f`, best of `RUNS`: other processes on the machine do not count against
 * us, and the best run is the one they disturbed least.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
function time<T>(f: () => T): [T, number] {
  let best = Infinity;
  let r: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.cpuUsage();
    r = f();
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return [r!, best];
}

// Warm up the JIT and load the weights once before measuring.
for (const t of texts.slice(0, 50)) for (const s of splitSentences(t)) tagPos(tokenize(t.slice(s.start, s.end)));

const [sentences, tSplit] = time(() =>
  texts.map((t) => t.split(/\n+/).flatMap((para) => splitSentences(para).map((s) => tokenize(para.slice(s.start, s.end))))),
);
const [, tPos] = time(() => sentences.forEach((doc) => doc.forEach((toks: Token[]) => tagPos(toks))));
const ntok = sentences.reduce((a, d) => a + d.reduce((b, s) => b + s.length, 0), 0);
console.log(`${texts.length} files, ${(bytes / 1e6).toFixed(2)} MB, ${ntok} tokens`);
console.log(`split+tokenize: ${mbps(tSplit)} MB/s`);
const docs: Sentence[][] = sentences.map((doc) =>
  doc.map((tokens, i) => ({ id: `s${i + 1}`, text: tokens.map((t) => t.text).join(' '), block: i, kind: 'paragraph', tokens })),
);
recognize(docs[0]!);
const [, tNer] = time(() => docs.forEach((d) => recognize(d)));
const [, tEnt] = time(() => docs.forEach((d) => extractEntities(d)));
console.log(`pos:            ${mbps(tPos)} MB/s`);
console.log(`ner:            ${mbps(tNer)} MB/s`);
console.log(`pos+ner:        ${mbps(tPos + tNer)} MB/s`);
console.log(`entities (ner + rules): ${mbps(tEnt)} MB/s`);
console.log(`all (split, tokenize, pos, entities): ${mbps(tSplit + tPos + tEnt)} MB/s`);
