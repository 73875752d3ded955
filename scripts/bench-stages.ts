/**
 * Main-thread CPU time of each analyse stage over a folder of articles (default: the BBC
 * corpus), the first article excluded as warm-up (model and gazetteer loading, first JIT).
 *   npx node scripts/bench-stages.ts [DIR] [--passes N]
 * With --passes N the corpus is run N times and each pass is reported: later passes show the
 * steady state of a long build, the first one what a single run costs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readArticle } from '../src/pipeline/read.ts';
import { cleanArticle } from '../src/pipeline/clean.ts';
import { toSentences } from '../src/analyse/index.ts';
import { extractEntities } from '../src/analyse/entities/index.ts';
import { extractDates } from '../src/analyse/dates/index.ts';
import { extractFigures } from '../src/analyse/figures/index.ts';
import { extractQuotes } from '../src/analyse/quotes/index.ts';
import { extractIssues } from '../src/analyse/issues/index.ts';
import { summarize } from '../src/analyse/summary/index.ts';

const args = process.argv.slice(2);
const passArg = args.indexOf('--passes');
const passes = passArg >= 0 ? Number(args[passArg + 1]) : 1;
const input = args.find((a, i) => !a.startsWith('--') && (passArg < 0 || i !== passArg + 1)) ?? path.resolve(import.meta.dirname, '..', '..', 'shared', 'corpus', 'bbc');
if (!fs.existsSync(input)) {
  console.log(`No corpus at ${input}; pass a folder of articles. Nothing was measured.`);
  process.exit(0);
}
const files = (fs.readdirSync(input, { recursive: true }) as string[]).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => path.join(input, f));

const t: Record<string, number> = {};
function time<T>(stage: string, f: () => T): T {
  const c = process.threadCpuUsage();
  const r = f();
  const u = process.threadCpuUsage(c);
  t[stage] = (t[stage] ?? 0) + (u.user + u.system) / 1000;
  return r;
}

for (let pass = 0; pass < passes; pass++) {
  let bytes = 0;
  for (const [i, f] of files.entries()) {
    const b = fs.readFileSync(f);
    if (i > 0 || pass > 0) bytes += b.length;
    const raw = time('read', () => readArticle({ path: f, bytes: b }).article);
    if (!raw) continue;
    const clean = time('clean', () => cleanArticle(raw));
    const s = time('sentences', () => toSentences(clean.blocks));
    const e = time('entities', () => extractEntities(s));
    const d = time('dates', () => extractDates(s, '2005-01-01'));
    const fi = time('figures', () => extractFigures(s));
    const q = time('quotes', () => extractQuotes(s, e));
    const is = time('issues', () => extractIssues(s, e));
    time('summary', () => summarize(s, { ...e, dates: d, figures: fi, quotes: q, issues: is }, null));
    if (i === 0 && pass === 0) for (const k of Object.keys(t)) t[k] = 0;
  }
  const mb = bytes / 1e6;
  if (passes > 1) console.log(`pass ${pass + 1}`);
  for (const [k, v] of Object.entries(t)) console.log(k.padEnd(10), (v / 1000).toFixed(2).padStart(6), 's', (mb / (v / 1000)).toFixed(1).padStart(6), 'MB/s');
  const total = Object.values(t).reduce((a, b) => a + b) / 1000;
  console.log('total'.padEnd(10), total.toFixed(2).padStart(6), 's', (mb / total).toFixed(2).padStart(6), 'MB/s', `(${mb.toFixed(2)} MB)`);
  for (const k of Object.keys(t)) t[k] = 0;
}
