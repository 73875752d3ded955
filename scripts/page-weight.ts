/**
 * Page weight of a built site: what a reader downloads for one page, its HTML and the CSS it
 * links, compressed as a static host serves it (gzip; brotli alongside). Prints a table per page
 * type and exits non-zero if a briefing page goes over the budget.
 *
 *   npm run weight -- [dist]        (default: dist)
 */
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** The budget for a briefing page's HTML and CSS, gzip-compressed. */
const BUDGET = 50 * 1024;

const dist = path.resolve(process.argv[2] ?? 'dist');
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`no built site at ${dist}: run \`npm run build\` first, or name the dist folder`);
  process.exit(2);
}

interface Weight {
  page: string;
  raw: number;
  gzip: number;
  brotli: number;
  /** Script files the page loads and inline scripts it runs (JSON-LD is data, not counted). */
  scripts: number;
}

const sizes = (buffers: Buffer[]) => ({
  raw: buffers.reduce((n, b) => n + b.length, 0),
  // Each file is compressed on its own, as a server sends it.
  gzip: buffers.reduce((n, b) => n + gzipSync(b).length, 0),
  brotli: buffers.reduce((n, b) => n + brotliCompressSync(b).length, 0),
});

function weigh(file: string): Weight {
  const html = fs.readFileSync(file);
  const text = html.toString('utf8');
  const base = path.dirname(file);
  const css = [...text.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].flatMap(([tag]) => {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (!href || /^[a-z]+:/i.test(href)) return [];
    // Root-relative links are resolved against dist whatever the base path: the file is there.
    const target = href.startsWith('/') ? findUnderDist(href) : path.resolve(base, href);
    return target ? [fs.readFileSync(target)] : [];
  });
  const scripts = [...text.matchAll(/<script\b([^>]*)>/g)].filter(([, attrs]) => !/type="application\/(ld\+)?json"/.test(attrs!)).length;
  return { page: path.relative(dist, file), ...sizes([html, ...css]), scripts };
}

/** A stylesheet link under a base path (/briefings/_astro/x.css is dist/_astro/x.css): drop leading segments until it exists. */
function findUnderDist(href: string): string | null {
  const parts = href.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const candidate = path.join(dist, ...parts.slice(i));
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function pagesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'pagefind' || d.name === '_astro' ? [] : pagesUnder(full);
    return d.name.endsWith('.html') ? [full] : [];
  });
}

// Page type from the path: /briefings/<any>/ for every briefing page, then /people/<any>/, /dates/...
function pageType(page: string): string {
  const dirs = page.split(path.sep).slice(0, -1);
  if (!page.endsWith('index.html')) return page;
  return `/${dirs.map((d, i) => (i === 1 ? '*' : d)).join('/')}${dirs.length ? '/' : ''}`;
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const groups = new Map<string, Weight[]>();
for (const file of pagesUnder(dist)) {
  const w = weigh(file);
  const type = pageType(w.page);
  groups.set(type, [...(groups.get(type) ?? []), w]);
}

const rows = [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([type, weights]) => {
  const heaviest = weights.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const gz = weights.map((w) => w.gzip).sort((a, b) => a - b);
  return {
    type,
    pages: weights.length,
    'median gzip': kb(gz[Math.floor(gz.length / 2)]!),
    'max gzip': kb(heaviest.gzip),
    'max brotli': kb(heaviest.brotli),
    'max raw': kb(heaviest.raw),
    scripts: Math.max(...weights.map((w) => w.scripts)),
    heaviest: heaviest.page,
  };
});
console.log(`HTML + CSS per page of ${dist}, each file compressed as served:`);
console.table(rows);

const over = (groups.get('/briefings/*/') ?? []).filter((w) => w.gzip > BUDGET);
if (over.length > 0) {
  console.error(`${over.length} briefing page(s) over the ${kb(BUDGET)} budget: ${over.map((w) => `${w.page} (${kb(w.gzip)})`).join(', ')}`);
  process.exit(1);
}
console.log(`every briefing page is under the ${kb(BUDGET)} budget (gzip)`);
