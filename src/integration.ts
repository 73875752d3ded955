/**
 * The Astro integration: runs the build step before Astro reads `content/`, and in `astro dev`
 * runs it again whenever an article in the input folder changes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { reporter } from 'vfile-reporter';
import { loadConfig, type Config } from './config.ts';
import { generate } from './pipeline/build.ts';

async function run(config: Config, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const result = await generate(config);
  const report = reporter(config.file ? [config.file, ...result.files] : result.files, { quiet: true });
  if (report) logger.warn(`problems in the input (the other articles were built):\n${report}`);
  logger.info(`${result.briefings.length} briefing(s) from ${config.input}/ in ${Math.round(performance.now() - started)} ms`);
}

export default function briefings(): AstroIntegration {
  let config: Config | null = null;
  return {
    name: 'briefings',
    hooks: {
      'astro:config:setup': async ({ config: astro, command, logger }) => {
        if (command === 'preview') return;
        config = await loadConfig(fileURLToPath(astro.root));
        await run(config, logger);
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        if (!config) return;
        const current = config;
        const inputDir = path.resolve(current.root, current.input);
        let timer: NodeJS.Timeout | undefined;
        server.watcher.add(inputDir);
        server.watcher.on('all', (_event, file) => {
          if (!path.resolve(file).startsWith(inputDir + path.sep)) return;
          clearTimeout(timer);
          // Editors save in bursts; regenerate once they settle.
          timer = setTimeout(() => {
            run(current, logger).then(() => refreshContent?.({ loaders: ['glob'] })).catch((error: unknown) => logger.error(String(error)));
          }, 200);
        });
      },
    },
  };
}
