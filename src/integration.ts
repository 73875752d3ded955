/**
 * The Astro integration: runs the build step before Astro reads `content/`, and in `astro dev`
 * runs it again whenever an article in the input folder changes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { reporter } from 'vfile-reporter';
import { loadConfig, type Config } from './config.ts';
import { generate, problems } from './pipeline/build.ts';

/** Runs the build step and logs its report; returns how many warnings and errors it has. */
async function run(config: Config, logger: AstroIntegrationLogger): Promise<number> {
  const started = performance.now();
  const result = await generate(config);
  const files = [...config.files, ...result.files];
  const report = reporter(files, { quiet: true });
  if (report) logger.warn(`problems in the input (the other articles were built):\n${report}`);
  logger.info(`${result.briefings.length} briefing(s) from ${config.input}/ in ${Math.round(performance.now() - started)} ms`);
  return problems(files);
}

export default function briefings(): AstroIntegration {
  let config: Config | null = null;
  return {
    name: 'briefings',
    hooks: {
      'astro:config:setup': async ({ config: astro, command, logger }) => {
        if (command === 'preview') return;
        config = await loadConfig(fileURLToPath(astro.root));
        const found = await run(config, logger);
        // `astro build` has no flags of its own to pass: strictness comes from the environment.
        if (found && command === 'build' && process.env.BRIEFINGS_STRICT === '1') {
          throw new Error(`BRIEFINGS_STRICT=1: the build report has ${found} warning(s) or error(s)`);
        }
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
