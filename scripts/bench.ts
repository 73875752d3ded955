/**
 * `npm run bench [-- DIR] [-- --site]`: speed and memory of the build step on a large corpus
 * (default ../shared/corpus/bbc, 2,225 articles). Prints figures; asserts nothing.
 *   analyse:  read + clean + extract per article, in MB of article text per second (one core)
 *   generate: the whole build step (analyse, link the corpus, write the MDX)
 *   --site:   also `astro build` of the generated site (wall time)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processFile, generate } from '../src/pipeline/build.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const input = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, '..', 'shared', 'corpus', 'bbc'));
if (!fs.existsSync(input)) {
  console.log(`No corpus at ${input}; pass a folder of articles. Nothing was measured.`);
  process.exit(0);
}
const files = (fs.readdirSync(input, { recursive: true }) as string[]).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => path.join(input, f));
const bytes = files.map((f) => fs.readFileSync(f));
const total = bytes.reduce((n, b) => n + b.length, 0);
const mb = total / 1e6;
const rss = () => `${Math.round(process.memoryUsage().rss / 1e6)} MB`;

console.log(`corpus: ${files.length} articles, ${mb.toFixed(2)} MB of text (${input})`);

// Warm up (model loading) outside the timed loop, then time the per-article stages.
processFile('warmup.txt', bytes[0]!, undefined);
let t = performance.now();
let cpu = process.threadCpuUsage();
let facts = 0;
for (let i = 0; i < files.length; i++) {
  const { article } = processFile(files[i]!, bytes[i]!, undefined);
  if (article) facts += article.facts.people.length + article.facts.organizations.length + article.facts.places.length + article.facts.dates.length;
}
let s = (performance.now() - t) / 1000;
// CPU time of the main thread, not wall time: on a shared machine it is what one core actually spent.
const used = process.threadCpuUsage(cpu);
const cpuS = (used.user + used.system) / 1e6;
console.log(`analyse:  ${cpuS.toFixed(2)} s CPU (${s.toFixed(2)} s wall), ${(mb / cpuS).toFixed(2)} MB/s per core, ${Math.round(files.length / cpuS)} articles/s, ${facts} entity and date facts, RSS ${rss()}`);

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'briefings-bench-'));
t = performance.now();
const result = await generate({ root, input, output: path.join(out, 'content') });
s = (performance.now() - t) / 1000;
console.log(`generate: ${s.toFixed(2)} s for ${result.briefings.length} briefings (analyse + link + write MDX), RSS ${rss()}, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1e3)} MB`);

if (args.includes('--site')) {
  t = performance.now();
  execFileSync(path.join(root, 'node_modules/.bin/astro'), ['build', '--outDir', path.join(out, 'dist')], {
    cwd: root, stdio: 'ignore', env: { ...process.env, BRIEFINGS_INPUT: input, BRIEFINGS_OUTPUT: path.join(out, 'content'), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  s = (performance.now() - t) / 1000;
  const pages = (fs.readdirSync(path.join(out, 'dist'), { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).length;
  console.log(`site:     ${s.toFixed(1)} s for astro build, ${pages} pages (${(pages / s).toFixed(0)} pages/s)`);
}
fs.rmSync(out, { recursive: true, force: true });
