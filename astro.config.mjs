// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import briefings from './src/integration.ts';
import search from './src/site/search-integration.ts';

export default defineConfig({
  // Where the site is hosted; used for canonical links, feeds and QR codes. Override with SITE_URL.
  site: process.env.SITE_URL ?? 'https://briefings.example.org',
  // Serve under a sub-path (e.g. project pages at /briefings/) with BASE_PATH=/briefings.
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  markdown: {
    // Briefings are written by remark-mdx's serializer; reading them back with the same
    // micromark MDX parser keeps every escape exact. No smart quotes or GFM autolinks:
    // the article text must render as written.
    processor: unified({ gfm: false, smartypants: false }),
  },
  // Test builds write under .test-out/; the dev server has nothing to reload there.
  vite: { server: { watch: { ignored: ['**/.test-out/**', '**/dist/**'] } } },
  // search() runs last: it indexes the finished HTML.
  integrations: [briefings(), mdx(), sitemap(), search()],
});
