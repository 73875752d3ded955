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
import type { Taxonomy, TaxonomyEntry } from './analyse/issues/index.ts';

export const CONFIG_FILE = 'briefings.config.yaml';
export const TAXONOMY_FILE = 'briefings.taxonomy.yaml';

export interface Config extends BuildOptions {
  /** Messages about the configuration files themselves (unknown keys, bad values), for the report. */
  files: VFile[];
  /** `search:` in the config file: which filters the search index and page offer. */
  search: SearchSettings;
}

export async function loadConfig(root: string, overrides: Partial<Pick<BuildOptions, 'input' | 'output'>> = {}): Promise<Config> {
  const config: Config = { root, input: 'seeds', output: 'content/briefings', files: [], search: DEFAULT_SEARCH };
  const at = path.join(root, CONFIG_FILE);
  const text = await fs.readFile(at, 'utf8').catch(() => null);
  let taxonomyPath = TAXONOMY_FILE;
  if (text !== null) {
    const file = new VFile({ path: CONFIG_FILE });
    config.files.push(file);
    const data = parseMetaYaml(text, file) as Record<string, unknown> | null;
    for (const [key, value] of Object.entries(data ?? {})) {
      if ((key === 'input' || key === 'output') && typeof value === 'string' && value.trim()) config[key] = value.trim();
      else if (key === 'search') config.search = readSearchSettings(value, file);
      else if (key === 'taxonomy' && typeof value === 'string' && value.trim()) taxonomyPath = value.trim();
      else file.message(`unknown or invalid setting \`${key}\`; ignored`, { ruleId: 'config', source: 'briefing' });
    }
  }
  const taxonomy = await readTaxonomy(root, taxonomyPath, taxonomyPath !== TAXONOMY_FILE);
  config.taxonomy = taxonomy.taxonomy;
  if (taxonomy.file.messages.length) config.files.push(taxonomy.file);
  // Environment variables (for CI and deploys) beat the file; explicit flags beat both.
  const env = { input: process.env.BRIEFINGS_INPUT, output: process.env.BRIEFINGS_OUTPUT };
  for (const key of ['input', 'output'] as const) {
    const value = overrides[key] || env[key];
    if (value) config[key] = value;
  }
  return config;
}

/**
 * The user's issue taxonomy: a YAML mapping from a term as it appears in articles to how the
 * issue is named, which variants join it, or that it is dropped. Bad entries are reported and skipped.
 */
async function readTaxonomy(root: string, relPath: string, required: boolean): Promise<{ taxonomy: Taxonomy | undefined; file: VFile }> {
  const text = await fs.readFile(path.resolve(root, relPath), 'utf8').catch(() => null);
  const file = new VFile({ path: relPath });
  const report = (reason: string): void => {
    file.message(reason, { ruleId: 'taxonomy', source: 'briefing' });
  };
  if (text === null) {
    if (required) report('taxonomy file not found; issues are found from the text alone');
    return { taxonomy: undefined, file };
  }
  const data = parseMetaYaml(text, file);
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    report('taxonomy must map terms to { name, aliases, drop }; ignored');
    return { taxonomy: undefined, file };
  }
  const taxonomy: Taxonomy = {};
  for (const [term, value] of Object.entries(data as Record<string, unknown>)) {
    const raw = (value ?? {}) as Record<string, unknown>;
    const entry: TaxonomyEntry = {};
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      report(`taxonomy entry \`${term}\` must be a mapping; skipped`);
      continue;
    }
    if (typeof raw.name === 'string' && raw.name.trim()) entry.name = raw.name.trim();
    if (Array.isArray(raw.aliases)) entry.aliases = raw.aliases.filter((a): a is string => typeof a === 'string' && a.trim() !== '');
    if (raw.drop === true) entry.drop = true;
    taxonomy[term] = entry;
  }
  return { taxonomy, file };
}
