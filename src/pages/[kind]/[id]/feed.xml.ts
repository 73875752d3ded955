import type { APIRoute, GetStaticPaths } from 'astro';
import { entityPages, getCorpus, type EntityPage } from '../../../site/corpus.ts';
import { entityFeed } from '../../../site/feeds.ts';

export const getStaticPaths = (async () =>
  entityPages(await getCorpus()).map((page) => ({ params: { kind: page.kind, id: page.id }, props: { page } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ page: EntityPage }> = ({ props, site }) => entityFeed(props.page, site!);
