/**
 * Measures the date extractor on the TimeML development sets and its speed on plain news.
 *
 *   npx node scripts/eval-dates.ts [--set timebank|aquaint]... [--no-pos] [--errors [--context]] [--bench DIR]
 *
 * For each set: reads docs/*.txt (front matter with `published:`), splits paragraphs into
 * sentences, runs extractDates, writes /tmp/eval-dates-<set>.json and runs the shared scorer.
 * --errors lists, per document, gold dates missed or mis-valued and extracted dates with no gold;
 * --context adds the sentence of each.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractDates, isTimeValue } from '../src/analyse/dates/index.ts';
import { splitSentences, tagPos, tokenize } from '../src/analyse/text/index.ts';
import type { DateFact, Sentence } from '../src/analyse/types.ts';

const EVAL = '/work/shared/eval';
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string): string[] => args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]!] : []));

const usePos = !flag('--no-pos');

interface Doc {
  id: string;
  file: string;
  published: string | null;
  body: string;
}

function readDoc(file: string): Doc {
  const raw = readFileSync(file, 'utf8');
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(raw);
  const published = fm ? (/^published:\s*(\S+)/m.exec(fm[1]!)?.[1] ?? null) : null;
  return { id: path.basename(file, '.txt'), file, published, body: fm ? raw.slice(fm[0].length) : raw };
}

/** Paragraphs (blank-line separated) → sentences with tokens and, unless --no-pos, tags. */
function sentencesOf(body: string, tag: boolean): Sentence[] {
  const out: Sentence[] = [];
  body.split(/\n\s*\n/).forEach((para, block) => {
    for (const span of splitSentences(para)) {
      const text = para.slice(span.start, span.end);
      const tokens = tokenize(text);
      if (tag) tagPos(tokens);
      out.push({ id: `s${out.length + 1}`, text, block, kind: 'paragraph', tokens });
    }
  });
  return out;
}

interface GoldDoc {
  id: string;
  timexes: { text: string; value: string }[];
}

function evaluate(set: string): void {
  const dir = path.join(EVAL, set, 'docs');
  const docs = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readDoc(path.join(dir, f)));
  const pred: { source: string; dates: DateFact[]; sentences: Sentence[] }[] = [];
  for (const doc of docs) {
    const sentences = sentencesOf(doc.body, usePos);
    pred.push({ source: doc.file, dates: extractDates(sentences, doc.published).filter((d) => !isTimeValue(d.value)), sentences });
  }
  const out = `/tmp/eval-dates-${set}.json`;
  writeFileSync(out, JSON.stringify(pred.map(({ source, dates }) => ({ source, dates }))));
  const gold = path.join(EVAL, set, 'gold.jsonl');
  console.log(`== ${set} (${docs.length} documents${usePos ? '' : ', no POS tags'})`);
  process.stdout.write(execFileSync(process.execPath, [path.join(EVAL, 'score.mjs'), 'timeml', gold, out], { encoding: 'utf8' }));
  if (flag('--errors')) printErrors(gold, pred);
}

/** Same matching as the scorer (relaxed span, value), listed per document for error analysis. */
function printErrors(goldFile: string, pred: { source: string; dates: DateFact[]; sentences: Sentence[] }[]): void {
  const context = flag('--context');
  const sentenceOf = (p: { sentences: Sentence[] } | undefined, id: string): string =>
    context ? `\n        | ${p?.sentences.find((s) => s.id === id)?.text.replace(/\s+/g, ' ') ?? ''}` : '';
  const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/^the\s+/, '').replace(/[.,]+$/, '').replace(/\s+/g, ' ').trim();
  const byId = new Map(pred.map((p) => [path.basename(p.source, '.txt'), p.dates]));
  const docOf = new Map(pred.map((p) => [path.basename(p.source, '.txt'), p]));
  for (const line of readFileSync(goldFile, 'utf8').trim().split('\n')) {
    const g = JSON.parse(line) as GoldDoc;
    const pd = (byId.get(g.id) ?? []).map((d) => ({ d, t: norm(d.text), used: false }));
    const lines: string[] = [];
    for (const t of g.timexes) {
      const gt = norm(t.text);
      const cands = pd.filter((x) => !x.used && x.t && (x.t.includes(gt) || gt.includes(x.t)));
      const best = cands.find((x) => x.d.value === t.value) ?? cands[0];
      if (!best) { lines.push(`  MISS  ${t.text} = ${t.value}`); continue; }
      best.used = true;
      if (best.d.value !== t.value) lines.push(`  WRONG ${best.d.text} = ${best.d.value} (gold ${t.value})  [${best.d.sentence}]${sentenceOf(docOf.get(g.id), best.d.sentence)}`);
    }
    for (const x of pd) if (!x.used) lines.push(`  EXTRA ${x.d.text} = ${x.d.value}  [${x.d.sentence}]${sentenceOf(docOf.get(g.id), x.d.sentence)}`);
    if (lines.length) console.log(`${g.id}\n${lines.join('\n')}`);
  }
}

/** Throughput of extractDates alone (sentences split, tokenized and tagged beforehand) over the articles of a directory tree, as if published 2005-01-01. */
function bench(root: string): void {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.txt') && f !== 'README.TXT') files.push(p);
    }
  };
  walk(root);
  const articles = files.map((f) => sentencesOf(readFileSync(f, 'latin1'), usePos));
  const bytes = articles.reduce((n, a) => n + a.reduce((m, s) => m + Buffer.byteLength(s.text), 0), 0);
  let facts = 0;
  for (const a of articles) facts += extractDates(a, '2005-01-01').length; // warm up the JIT
  // CPU time, not wall time: the figure is per core and other work on the machine does not count;
  // the median of three passes
  const times: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const t0 = process.cpuUsage();
    for (const a of articles) extractDates(a, '2005-01-01');
    const t = process.cpuUsage(t0);
    times.push((t.user + t.system) / 1000);
  }
  const ms = times.sort((x, y) => x - y)[1]!;
  console.log(`== speed: ${articles.length} articles, ${(bytes / 1e6).toFixed(1)} MB, ${facts} dates in ${ms.toFixed(0)} ms of CPU: ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s per core`);
}

const sets = option('--set');
for (const set of sets.length ? sets : ['timebank', 'aquaint']) evaluate(set);
for (const dir of option('--bench')) bench(dir);
