import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { briefingSchema } from './pipeline/schema.ts';

export const collections = {
  briefings: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content/briefings' }),
    schema: briefingSchema,
  }),
};
