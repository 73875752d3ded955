/** The `briefing` command line: the same build step as the Astro integration, plus extraction. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { reporter } from 'vfile-reporter';
import { loadConfig } from '../config.ts';
import { ARTICLE_EXTENSIONS, generate, notAnArticle, problems, processFile, readSidecar, skipped } from '../pipeline/build.ts';
import { toExtractJson } from './extract-json.ts';

const program = new Command()
  .name('briefing')
  .description('Turn news articles into a static briefing site.')
  .showHelpAfterError();

program
  .command('generate')
  .description('read the articles, extract their facts and write one MDX briefing per article')
  .option('-i, --input <dir>', 'folder of articles (.txt, .md, .html)')
  .option('-o, --output <dir>', 'folder for the MDX briefings')
  .option('--strict', 'exit non-zero when the report has any warning or error')
  .action(async (opts: { input?: string; output?: string; strict?: boolean }) => {
    const config = await loadConfig(process.cwd(), { input: opts.input, output: opts.output });
    const result = await generate(config);
    const files = [...config.files, ...result.files];
    const report = reporter(files, { quiet: true });
    if (report) console.error(report);
    const left = skipped(result.files);
    console.log(`${result.briefings.length} briefing(s) written to ${config.output}${left ? `; ${left} file(s) skipped, see the errors above` : ''}`);
    if (opts.strict && problems(files)) process.exitCode = 1;
  });

program
  .command('extract')
  .description('print the facts of each article as JSON (one object per file)')
  .argument('<files...>', 'article files')
  .option('--json', 'JSON output (the default and only format)')
  .action(async (files: string[]) => {
    const config = await loadConfig(process.cwd());
    const sidecars = new Map<string, Awaited<ReturnType<typeof readSidecar>>>();
    const out: unknown[] = [];
    const reported = [];
    for (const file of files) {
      // Named on the command line, a file that is not an article is reported even when quiet.
      if (!ARTICLE_EXTENSIONS.test(file)) {
        console.error(reporter([notAnArticle(file)], { quiet: true }));
        continue;
      }
      const dir = path.dirname(path.resolve(file));
      if (!sidecars.has(dir)) sidecars.set(dir, await readSidecar(dir, process.cwd()));
      const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
        console.error(`${file}: cannot read (${error.code ?? error.message})`);
        process.exitCode = 1;
        return null;
      });
      if (!bytes) continue;
      const { article, file: vfile } = processFile(file, bytes, sidecars.get(dir)?.meta.get(path.basename(file)), config.taxonomy);
      reported.push(vfile);
      if (article) out.push(toExtractJson(article));
    }
    process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
    const report = reporter(reported, { quiet: true, silent: true });
    if (report) console.error(report);
  });

await program.parseAsync();
