import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { loadConfig } from './config.ts';
import { briefingSchema } from './pipeline/schema.ts';

// The same configuration as the build step, so the site reads where the briefings were written.
const { output } = await loadConfig(process.cwd());

export const collections = {
  briefings: defineCollection({
    loader: glob({ pattern: '*.mdx', base: output }),
    schema: briefingSchema,
  }),
};
