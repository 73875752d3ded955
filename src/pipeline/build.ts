/**
 * The build step, the one place with I/O: reads every article under the input folder, runs the
 * pure stages (read → clean → analyse → link → emit) and swaps the generated MDX into place.
 * One bad article costs only itself: it is reported with its file and reason, the rest build.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { analyse, type Taxonomy } from '../analyse/index.ts';
import { cleanArticle } from './clean.ts';
import { toMdx } from './emit.ts';
import { linkCorpus, type Briefing } from './link.ts';
import { parseMetaYaml, readArticle, validateMeta } from './read.ts';
import type { AnalysedArticle, ArticleMeta, CleanArticle } from './types.ts';

export const ARTICLE_EXTENSIONS = /\.(txt|md|markdown)$/i;
export const SIDECAR = 'sources.yaml';

export interface BuildOptions {
  /** Project root; the other paths are relative to it. */
  root: string;
  /** Folder of articles. */
  input: string;
  /** Folder the MDX briefings are written to. */
  output: string;
  taxonomy?: Taxonomy;
}

export interface BuildResult {
  briefings: Briefing[];
  /** One VFile per input file, with its messages; a file without an article has a fatal or warning. */
  files: VFile[];
}

async function listArticles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && ARTICLE_EXTENSIONS.test(e.name) && !/^readme\./i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Reads `sources.yaml` of a folder: file name → metadata. */
export async function readSidecar(dir: string, root: string): Promise<{ meta: Map<string, Partial<ArticleMeta>>; file: VFile | null }> {
  const at = path.join(dir, SIDECAR);
  const text = await fs.readFile(at, 'utf8').catch(() => null);
  const meta = new Map<string, Partial<ArticleMeta>>();
  if (text === null) return { meta, file: null };
  const file = new VFile({ path: path.relative(root, at) });
  const data = parseMetaYaml(text, file);
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const lines = text.split('\n');
    for (const [name, record] of Object.entries(data)) {
      const line = lines.findIndex((l) => l.startsWith(`${name}:`) || l.startsWith(`"${name}":`)) + 1;
      meta.set(name, validateMeta(record, file, line || 1));
    }
  } else if (data !== null) {
    file.message(`${SIDECAR} must map file names to metadata`, { ruleId: 'metadata', source: 'briefing' });
  }
  return { meta, file };
}

/** Read, clean and analyse one file; never throws. */
export function processFile(relPath: string, bytes: Uint8Array, sidecar: Partial<ArticleMeta> | undefined, taxonomy?: Taxonomy): { article: AnalysedArticle | null; file: VFile } {
  const { article: raw, file } = readArticle({ path: relPath, bytes, sidecar });
  if (!raw) return { article: null, file };
  let clean: CleanArticle | null = null;
  try {
    clean = cleanArticle(raw);
    if (clean.blocks.length < 2) return { article: null, file };
    const { sentences, facts } = analyse({
      blocks: clean.blocks,
      published: clean.meta.published,
      outletSummary: clean.outletSummary?.items ?? null,
      taxonomy,
    });
    return { article: { clean, sentences, facts }, file };
  } catch (error) {
    file.message(`could not be analysed: ${error instanceof Error ? error.message : String(error)}`, { ruleId: 'internal', source: 'briefing', cause: error instanceof Error ? error : undefined });
    return { article: null, file };
  }
}

/** Runs the pure stages over a whole folder; writes nothing. */
export async function buildCorpus(options: BuildOptions): Promise<BuildResult> {
  const inputDir = path.resolve(options.root, options.input);
  const paths = await listArticles(inputDir);
  const sidecars = new Map<string, Awaited<ReturnType<typeof readSidecar>>>();
  const files: VFile[] = [];
  const articles: AnalysedArticle[] = [];
  for (const abs of paths) {
    const dir = path.dirname(abs);
    let sidecar = sidecars.get(dir);
    if (!sidecar) {
      sidecar = await readSidecar(dir, options.root);
      sidecars.set(dir, sidecar);
      if (sidecar.file) files.push(sidecar.file);
    }
    const rel = path.relative(options.root, abs).split(path.sep).join('/');
    const bytes = await fs.readFile(abs);
    const { article, file } = processFile(rel, bytes, sidecar.meta.get(path.basename(abs)), options.taxonomy);
    files.push(file);
    if (article) articles.push(article);
  }
  return { briefings: linkCorpus(articles), files };
}

/**
 * Writes the briefings so that a build killed half way leaves the previous set intact: everything
 * goes to a staging folder first, which then replaces the output folder in two renames. A crash
 * between the renames leaves `<output>.previous`, which the next run restores before it starts.
 */
export async function writeBriefings(outputDir: string, briefings: Briefing[]): Promise<void> {
  const staging = `${outputDir}.staging`;
  const previous = `${outputDir}.previous`;
  await recoverOutput(outputDir);
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(staging, { recursive: true });
  for (const briefing of briefings) await fs.writeFile(path.join(staging, `${briefing.slug}.mdx`), toMdx(briefing));
  const hadOutput = await fs.stat(outputDir).then(() => true, () => false);
  if (hadOutput) await fs.rename(outputDir, previous);
  await fs.rename(staging, outputDir);
  await fs.rm(previous, { recursive: true, force: true });
}

async function recoverOutput(outputDir: string): Promise<void> {
  const previous = `${outputDir}.previous`;
  const [hasOutput, hasPrevious] = await Promise.all([outputDir, previous].map((p) => fs.stat(p).then(() => true, () => false)));
  if (hasPrevious && !hasOutput) await fs.rename(previous, outputDir);
  else if (hasPrevious) await fs.rm(previous, { recursive: true, force: true });
}

export async function generate(options: BuildOptions): Promise<BuildResult> {
  const result = await buildCorpus(options);
  await writeBriefings(path.resolve(options.root, options.output), result.briefings);
  return result;
}
