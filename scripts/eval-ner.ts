/**
 * Runs the entity layer over plain-text articles and writes predictions in the shape that
 * shared/eval/score.mjs reads. Each line is a paragraph; the first line is the headline.
 *   npx node scripts/eval-ner.ts OUT.json FILE...
 *   npx node /work/shared/eval/score.mjs ner GOLD.jsonl OUT.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extractEntities } from '../src/analyse/entities/index.ts';
import { splitSentences, tagPos, tokenize } from '../src/analyse/text/index.ts';
import type { Sentence } from '../src/analyse/types.ts';

export function articleSentences(raw: string): Sentence[] {
  const body = raw.replace(/^---\n[\s\S]*?\n---\n/, '');
  const lines = body.split('\n').map((l) => l.trim()).filter(Boolean);
  const sentences: Sentence[] = [];
  let n = 0;
  lines.forEach((line, block) => {
    const kind = block === 0 ? 'title' : 'paragraph';
    const spans = kind === 'title' ? [{ start: 0, end: line.length }] : splitSentences(line);
    for (const sp of spans) {
      const text = line.slice(sp.start, sp.end);
      const tokens = tokenize(text);
      tagPos(tokens);
      sentences.push({ id: kind === 'title' ? 'title' : `s${++n}`, text, block, kind, tokens });
    }
  });
  return sentences;
}

if (import.meta.main) main();
function main(): void {
const [out, ...files] = process.argv.slice(2);
if (!out || !files.length) {
  console.error('usage: eval-ner.ts OUT.json FILE...');
  process.exit(2);
}
const t0 = performance.now();
let bytes = 0;
const preds = files.map((source) => {
  const raw = readFileSync(source, 'utf8');
  bytes += Buffer.byteLength(raw);
  const e = extractEntities(articleSentences(raw));
  const pick = (xs: typeof e.people) => xs.map(({ name, aliases, roles }) => ({ name, aliases, roles }));
  return { source, people: pick(e.people), organizations: pick(e.organizations), places: pick(e.places) };
});
writeFileSync(out, JSON.stringify(preds, null, 1));
const s = (performance.now() - t0) / 1000;
console.error(`${files.length} files, ${(bytes / 1e6).toFixed(2)} MB in ${s.toFixed(1)} s (incl. loading)`);
}
