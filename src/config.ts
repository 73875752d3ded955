/**
 * Project configuration, shared by the Astro integration and the CLI: defaults, then
 * `briefings.config.yaml` at the project root, then BRIEFINGS_INPUT / BRIEFINGS_OUTPUT, then CLI flags.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { parseMetaYaml } from './pipeline/read.ts';
import type { BuildOptions } from './pipeline/build.ts';
import { DEFAULT_SEARCH, readSearchSettings, type SearchSettings } from './site/search.ts';

export const CONFIG_FILE = 'briefings.config.yaml';

export interface Config extends BuildOptions {
  /** Messages about the configuration itself (unknown keys, bad values). */
  file: VFile | null;
  /** `search:` in the config file: which filters the search index and page offer. */
  search: SearchSettings;
}

export async function loadConfig(root: string, overrides: Partial<Pick<BuildOptions, 'input' | 'output'>> = {}): Promise<Config> {
  const config: Config = { root, input: 'seeds', output: 'content/briefings', file: null, search: DEFAULT_SEARCH };
  const at = path.join(root, CONFIG_FILE);
  const text = await fs.readFile(at, 'utf8').catch(() => null);
  if (text !== null) {
    const file = new VFile({ path: CONFIG_FILE });
    config.file = file;
    const data = parseMetaYaml(text, file) as Record<string, unknown> | null;
    for (const [key, value] of Object.entries(data ?? {})) {
      if ((key === 'input' || key === 'output') && typeof value === 'string' && value.trim()) config[key] = value.trim();
      else if (key === 'search') config.search = readSearchSettings(value, file);
      else file.message(`unknown or invalid setting \`${key}\`; ignored`, { ruleId: 'config', source: 'briefing' });
    }
  }
  // Environment variables (for CI and deploys) beat the file; explicit flags beat both.
  const env = { input: process.env.BRIEFINGS_INPUT, output: process.env.BRIEFINGS_OUTPUT };
  for (const key of ['input', 'output'] as const) {
    const value = overrides[key] || env[key];
    if (value) config[key] = value;
  }
  return config;
}
