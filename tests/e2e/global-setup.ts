import type { TestProject } from 'vitest/node';
import { buildSite } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** dist folder of the seeds site built at "/". */
    seedsDist: string;
    /** dist folder of the seeds site built under the base path "/briefings/". */
    seedsBaseDist: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  project.provide('seedsDist', await buildSite({ input: 'seeds', name: 'seeds' }));
  project.provide('seedsBaseDist', await buildSite({ input: 'seeds', name: 'seeds-base', base: '/briefings/' }));
}
