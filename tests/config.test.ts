import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { processFile } from '../src/pipeline/build.ts';

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefings-config-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);
  return root;
}

const article = new TextEncoder().encode(
  'Port Strike Halts Exports\n\nDock workers at the northern port walked out on Monday over pay, halting exports of grain and steel. ' +
  'The strike is the third this year, and the union said the walkout over pay would continue until wages rise. ' +
  'Exporters said the strike had already cost them contracts.\n',
);

describe('configuration', () => {
  it('has defaults and lets flags and environment override the file', async () => {
    const root = project({ 'briefings.config.yaml': 'input: articles\noutput: out/briefings\n' });
    expect(await loadConfig(root)).toMatchObject({ input: 'articles', output: 'out/briefings', files: [expect.anything()] });
    expect(await loadConfig(root, { input: 'other' })).toMatchObject({ input: 'other' });
  });

  it('reports unknown settings without failing', async () => {
    const config = await loadConfig(project({ 'briefings.config.yaml': 'colour: blue\n' }));
    expect(config.files[0]?.messages[0]?.reason).toMatch(/unknown or invalid setting `colour`/);
  });

  // Loads the language models on first use: slow on a busy machine, so no tight timeout.
  it('loads the issue taxonomy, which names, merges and drops issues', { timeout: 60_000 }, async () => {
    const root = project({ 'briefings.taxonomy.yaml': 'strike:\n  name: Labour unrest\n  aliases: [walkout]\npay:\n  drop: true\n' });
    const config = await loadConfig(root);
    expect(config.taxonomy).toEqual({ strike: { name: 'Labour unrest', aliases: ['walkout'] }, pay: { drop: true } });
    const issues = processFile('a.txt', article, undefined, config.taxonomy).article!.facts.issues;
    const unrest = issues.find((i) => i.name === 'Labour unrest');
    expect(unrest?.id).toBe('labour-unrest');
    expect(issues.map((i) => i.name.toLowerCase())).not.toContain('pay');
    expect(issues.filter((i) => /^(walkout|strike)s?$/i.test(i.name))).toEqual([]);
  });

  it('reports a taxonomy file named in the config that does not exist', async () => {
    const config = await loadConfig(project({ 'briefings.config.yaml': 'taxonomy: topics.yaml\n' }));
    expect(config.taxonomy).toBeUndefined();
    expect(config.files.flatMap((f) => f.messages).map((m) => m.reason)).toContain('taxonomy file not found; issues are found from the text alone');
  });
});
