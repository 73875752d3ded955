/**
 * Builds the Pagefind search index after `astro build`, so every build (and `npm start`,
 * `npm run preview`) serves a site that can be searched. Pages opt in with `data-pagefind-body`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Indexes the HTML under `dist` and writes the bundle to `dist/pagefind/`; returns the number of pages indexed. */
export async function indexSite(dist: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  try {
    if (!index) throw new Error(errors.join('\n'));
    const added = await index.addDirectory({ path: dist });
    if (added.errors.length) throw new Error(added.errors.join('\n'));
    const bundle = path.join(dist, 'pagefind');
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) throw new Error(written.errors.join('\n'));
    // The site has its own search page; Pagefind's ready-made UIs would only be dead weight on the host.
    for (const file of await fs.readdir(bundle)) if (/^pagefind-(component-|modular-)?ui\./.test(file)) await fs.rm(path.join(bundle, file));
    return added.page_count;
  } finally {
    // The index runs in a separate Pagefind process; close it so the build can exit.
    await pagefind.close();
  }
}

export default function search(): AstroIntegration {
  return {
    name: 'briefings-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const pages = await indexSite(fileURLToPath(dir));
        logger.info(`search index: ${pages} page(s) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
