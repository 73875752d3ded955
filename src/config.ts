/**
 * Project configuration, shared by the Astro integration and the CLI: defaults, then
 * `briefings.config.yaml` at the project root, then BRIEFINGS_INPUT / BRIEFINGS_OUTPUT, then CLI flags.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { parseMetaYaml } from './pipeline/read.ts';
import type { BuildOptions } from './pipeline/build.ts';

export const CONFIG_FILE = 'briefings.config.yaml';

export interface Config extends BuildOptions {
  /** Messages about the configuration itself (unknown keys, bad values). */
  file: VFile | null;
}

export async function loadConfig(root: string, overrides: Partial<Pick<BuildOptions, 'input' | 'output'>> = {}): Promise<Config> {
  const config: Config = { root, input: 'seeds', output: 'content/briefings', file: null };
  const at = path.join(root, CONFIG_FILE);
  const text = await fs.readFile(at, 'utf8').catch(() => null);
  if (text !== null) {
    const file = new VFile({ path: CONFIG_FILE });
    config.file = file;
    const data = parseMetaYaml(text, file) as Record<string, unknown> | null;
    for (const [key, value] of Object.entries(data ?? {})) {
      if ((key === 'input' || key === 'output') && typeof value === 'string' && value.trim()) config[key] = value.trim();
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
