import type { APIRoute } from 'astro';
import { getCorpus } from '../site/corpus.ts';
import { briefingsFeed } from '../site/feeds.ts';

export const GET: APIRoute = async ({ site }) => briefingsFeed((await getCorpus()).briefings, site!);
