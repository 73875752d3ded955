/**
 * `npm run eval`: runs `briefing extract` over the development sets in ../shared/eval and over
 * the seeds, scores each with ../shared/eval/score.mjs, and prints the figures.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(process.env.BRIEFINGS_SHARED ?? path.join(root, '..', 'shared'));
const evalDir = path.join(shared, 'eval');
const scorer = path.join(evalDir, 'score.mjs');

if (!fs.existsSync(scorer)) {
  console.log(`No evaluation data: ${evalDir} is absent (it sits beside the repository as ../shared/eval). Nothing was measured.`);
  process.exit(0);
}

const sets = [
  { name: 'conll-testa', mode: 'ner', headline: /NER doc-level mean F1.*|^(PER|ORG|LOC):.*/ },
  { name: 'timebank', mode: 'timeml', headline: /DATE (span|value).*|TIMEML.*/ },
  { name: 'aquaint', mode: 'timeml', headline: /DATE (span|value).*|TIMEML.*/ },
];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'briefings-eval-'));
const cli = path.join(root, 'bin', 'briefing.js');

function extract(files: string[], out: string): number {
  const started = performance.now();
  const json = execFileSync(process.execPath, [cli, 'extract', '--json', ...files], { cwd: root, maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  fs.writeFileSync(out, json);
  return performance.now() - started;
}

for (const set of sets) {
  const docs = path.join(evalDir, set.name, 'docs');
  const files = fs.readdirSync(docs).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(docs, f));
  const pred = path.join(tmp, `${set.name}.json`);
  const ms = extract(files, pred);
  const report = execFileSync(process.execPath, [scorer, set.mode, path.join(evalDir, set.name, 'gold.jsonl'), pred], { encoding: 'utf8' });
  console.log(`\n== ${set.name} (${files.length} documents, extracted in ${(ms / 1000).toFixed(1)} s)`);
  for (const line of report.split('\n')) if (set.headline.test(line)) console.log(`  ${line}`);
}

// The seeds: scored against our own annotation of them when it exists.
const seedsGold = path.join(root, 'tests', 'fixtures', 'seeds-gold.json');
const seedFiles = fs.readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join('seeds', f));
const seedsPred = path.join(tmp, 'seeds.json');
extract(seedFiles, seedsPred);
if (fs.existsSync(seedsGold)) {
  console.log('\n== seeds');
  console.log(execFileSync(process.execPath, [scorer, 'seeds', seedsGold, seedsPred], { encoding: 'utf8' }).replace(/^/gm, '  ').trimEnd());
}
fs.rmSync(tmp, { recursive: true, force: true });
