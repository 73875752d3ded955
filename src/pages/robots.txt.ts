import type { APIRoute } from 'astro';
import { href } from '../site/urls.ts';

// Crawlers find the sitemap (@astrojs/sitemap writes sitemap-index.xml) from here.
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(`${href()}sitemap-index.xml`, site).href}\n`, { headers: { 'content-type': 'text/plain' } });
