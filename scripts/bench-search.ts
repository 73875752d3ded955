/**
 * Search benchmark: builds the site for a large corpus (by default the 2,225 BBC articles in
 * ../shared/corpus/bbc), then prints the search index's size on disk and the bytes a browser
 * fetches from it for a first query, measured in Chromium. Figures only; nothing is asserted.
 *
 *   npx node scripts/bench-search.ts [corpus-folder] [--dist <built site>] [--query "words"]... [--delay ms]
 *
 * `--dist` reuses a site already built (the build of 2,225 articles takes minutes). Queries are
 * typed a key every `--delay` ms (150: a steady typist), so the searches Pagefind starts on the way
 * ("t", "to", "tony b") are counted too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launch } from '../tests/e2e/browser.ts';
import { buildSite, ROOT, serve } from '../tests/e2e/site.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dist: { type: 'string' }, query: { type: 'string', multiple: true }, delay: { type: 'string', default: '150' } },
});
const corpus = path.resolve(positionals[0] ?? path.join(ROOT, '../shared/corpus/bbc'));
const queries = values.query ?? ['election', 'rare earth', 'Tony Blair'];

async function build(): Promise<string> {
  console.log(`building ${corpus} into .test-out/bench-search/ …`);
  const started = performance.now();
  const dist = await buildSite({ input: corpus, name: 'bench-search' });
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return dist;
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const size = (list: string[]): number => list.reduce((sum, f) => sum + fs.statSync(f).size, 0);

const dist = values.dist ? path.resolve(values.dist) : await build();
const bundle = path.join(dist, 'pagefind');
const all = files(bundle);
const pages = files(dist).filter((f) => f.endsWith('.html')).length;
const group = (test: (rel: string) => boolean) => all.filter((f) => test(path.relative(bundle, f)));

console.log(`\nsite: ${pages} HTML pages; search bundle ${bundle}`);
console.log(`index size on disk: ${kb(size(all))} in ${all.length} files`);
for (const [label, list] of [
  ['word index (index/)', group((f) => f.startsWith('index/'))],
  ['page fragments (fragment/)', group((f) => f.startsWith('fragment/'))],
  ['filters (filter/)', group((f) => f.startsWith('filter/'))],
  ['metadata (*.pf_meta)', group((f) => f.endsWith('.pf_meta'))],
  ['code (js, wasm)', group((f) => !f.includes('/') && !f.endsWith('.pf_meta') && !f.endsWith('.json'))],
] as const) console.log(`  ${label.padEnd(28)} ${kb(size(list)).padStart(10)}  ${list.length} files`);

const server = await serve(dist);
const browser = await launch();
try {
  console.log('\nfirst query in a fresh browser (search page, type, first page of results):');
  for (const query of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pending: Promise<{ url: string; bytes: number; gzip: number }>[] = [];
    page.on('requestfinished', (request) => {
      if (!new URL(request.url()).pathname.startsWith('/pagefind/')) return;
      pending.push(request.response().then(async (response) => {
        const body = (await response?.body()) ?? Buffer.alloc(0);
        // Pagefind's index files are gzipped already; its JS is what a host's gzip would shrink.
        return { url: request.url(), bytes: body.length, gzip: /\.(js|json)$/.test(request.url()) ? gzipSync(body).length : body.length };
      }));
    });
    await page.goto(`${server.origin}/search/`);
    await page.locator('#search-q').pressSequentially(query, { delay: Number(values.delay) });
    // Until the results of the whole query are listed (earlier ones were for what was typed so far).
    await page.waitForFunction((q) => (document.querySelector('#search-status')?.textContent ?? '').includes(`“${q}”`), query, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const status = await page.textContent('#search-status');
    const fetched = await Promise.all(pending);
    const total = fetched.reduce((s, f) => s + f.bytes, 0);
    const gz = fetched.reduce((s, f) => s + f.gzip, 0);
    console.log(`  “${query}”: ${status} ${fetched.length} requests, ${kb(total)} as served (${kb(gz)} with the JS gzipped by the host)`);
    const kinds = new Map<string, number>();
    for (const f of fetched) {
      const kind = /\/index\//.test(f.url) ? 'index chunks' : /\/fragment\//.test(f.url) ? 'fragments' : /\/filter\//.test(f.url) ? 'filters' : /pf_meta/.test(f.url) ? 'metadata' : 'code';
      kinds.set(kind, (kinds.get(kind) ?? 0) + f.bytes);
    }
    console.log(`    ${[...kinds].map(([k, b]) => `${k} ${kb(b)}`).join(', ')}`);
    if (query === queries[0]) {
      // The filter lists (every person, place, outlet…) load only when the reader opens the filters.
      const before = pending.length;
      await page.click('#search-options summary');
      await page.waitForFunction(() => document.querySelectorAll('select[name="year"] option').length > 1, undefined, { timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      const opened = (await Promise.all(pending.slice(before))).reduce((s, f) => s + f.bytes, 0);
      console.log(`    then opening “Filters and sorting”: ${kb(opened)} more (${pending.length - before} requests)`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
