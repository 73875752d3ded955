/**
 * The build step, the one place with I/O: reads every article under the input folder, runs the
 * pure stages (read → clean → analyse → link → emit) and swaps the generated MDX into place.
 * One bad article costs only itself: every input file either becomes a briefing or gets an
 * error in the report saying why not, and the rest build.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { analyse, type Taxonomy } from '../analyse/index.ts';
import { cleanArticle } from './clean.ts';
import { toMdx } from './emit.ts';
import { linkCorpus, type Briefing } from './link.ts';
import { HTML_FILE, parseMetaYaml, readArticle, skip, validateMeta } from './read.ts';
import { briefingSchema } from './schema.ts';
import type { AnalysedArticle, ArticleMeta, CleanArticle } from './types.ts';

const EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm'];
export const ARTICLE_EXTENSIONS = new RegExp(`\\.(${EXTENSIONS.join('|')})$`, 'i');
export const SIDECAR = 'sources.yaml';
/** Larger files are not read at all: no article is near this, and a video named .txt could fill memory. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

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
  /** One VFile per input file, with its messages; a file without a briefing has an error (fatal) message. */
  files: VFile[];
}

/** Warnings and errors: what `--strict` (or BRIEFINGS_STRICT=1 for `astro build`) fails on. Info never counts. */
export const problems = (files: VFile[]): number => files.reduce((n, f) => n + f.messages.filter((m) => m.fatal === true || m.fatal === false).length, 0);

/** Files whose article was skipped, for the summary line. */
export const skipped = (files: VFile[]): number => files.filter((f) => f.messages.some((m) => m.fatal === true)).length;

const hidden = (name: string): boolean => name.startsWith('.');

/** The report of a file that is not an article by its name (a PDF, the folder's `sources.yaml`): named, not read. */
export function notAnArticle(path: string): VFile {
  const file = new VFile({ path });
  file.message(`not an article file (articles end in .${EXTENSIONS.join(', .')}); not read`, { ruleId: 'not-an-article', source: 'briefing' });
  return file;
}

/**
 * Article files under `dir`, and the other files there, which the report names so that none is
 * lost silently. Hidden folders (.git) are passed over; so are hidden files, but an article-like one is named.
 */
async function listInputs(dir: string): Promise<{ articles: string[]; others: string[]; hiddenArticles: string[] }> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const found = { articles: [] as string[], others: [] as string[], hiddenArticles: [] as string[] };
  for (const e of entries) {
    const full = path.join(e.parentPath, e.name);
    if (path.relative(dir, e.parentPath).split(path.sep).some(hidden) || !(e.isFile() || e.isSymbolicLink())) continue;
    const article = ARTICLE_EXTENSIONS.test(e.name);
    if (hidden(e.name)) {
      if (article) found.hiddenArticles.push(full);
    } else if (article) found.articles.push(full);
    else if (e.name !== SIDECAR && !/^readme\./i.test(e.name)) found.others.push(full);
  }
  for (const list of Object.values(found)) list.sort();
  return found;
}

/** Reads `sources.yaml` of a folder: file name → metadata, with the line of each entry. */
export async function readSidecar(dir: string, root: string): Promise<{ meta: Map<string, Partial<ArticleMeta>>; lines: Map<string, number>; file: VFile | null }> {
  const at = path.join(dir, SIDECAR);
  const text = await fs.readFile(at, 'utf8').catch(() => null);
  const meta = new Map<string, Partial<ArticleMeta>>();
  const lines = new Map<string, number>();
  if (text === null) return { meta, lines, file: null };
  const file = new VFile({ path: path.relative(root, at) });
  const data = parseMetaYaml(text, file);
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const source = text.split('\n');
    for (const [name, record] of Object.entries(data)) {
      const line = source.findIndex((l) => l.startsWith(`${name}:`) || l.startsWith(`"${name}":`)) + 1 || 1;
      // File systems differ in how they compose accents in names; compare names composed.
      meta.set(name.normalize('NFC'), validateMeta(record, file, line));
      lines.set(name.normalize('NFC'), line);
    }
  } else if (data !== null) {
    file.message(`${SIDECAR} must map file names to metadata`, { ruleId: 'metadata', source: 'briefing' });
  }
  return { meta, lines, file };
}

/** Read, clean and analyse one file; never throws. */
export function processFile(relPath: string, bytes: Uint8Array, sidecar: Partial<ArticleMeta> | undefined, taxonomy?: Taxonomy): { article: AnalysedArticle | null; file: VFile } {
  let file = new VFile({ path: relPath });
  try {
    const read = readArticle({ path: relPath, bytes, sidecar });
    file = read.file;
    if (!read.article) return { article: null, file };
    const fromRead = file.messages.length;
    const clean: CleanArticle = cleanArticle(read.article);
    // A web page's text is Markdown made from its article, so later lines and columns point nowhere in the file.
    if (HTML_FILE.test(relPath)) for (const m of file.messages.slice(fromRead)) Object.assign(m, { line: undefined, column: undefined, place: undefined });
    if (clean.blocks.length < 2) return { article: skip(file, 'no article text after cleaning (only a headline, captions or page furniture); skipped', 'empty'), file };
    const { sentences, facts } = analyse({
      blocks: clean.blocks,
      published: clean.meta.published,
      outletSummary: clean.outletSummary?.items ?? null,
      taxonomy,
    });
    return { article: { clean, sentences, facts }, file };
  } catch (error) {
    return { article: skip(file, `could not be read or analysed (${error instanceof Error ? error.message : String(error)}); skipped`, 'internal'), file };
  }
}

/** Runs the pure stages over a whole folder; writes nothing. */
export async function buildCorpus(options: BuildOptions): Promise<BuildResult> {
  const inputDir = path.resolve(options.root, options.input);
  const { articles: paths, others, hiddenArticles } = await listInputs(inputDir);
  const rel = (abs: string): string => path.relative(options.root, abs).split(path.sep).join('/');
  const sidecars = new Map<string, Awaited<ReturnType<typeof readSidecar>>>();
  const used = new Set<string>();
  const files: VFile[] = [];
  const articles: AnalysedArticle[] = [];
  for (const abs of paths) {
    const dir = path.dirname(abs);
    let sidecar = sidecars.get(dir);
    if (!sidecar) {
      sidecar = await readSidecar(dir, options.root);
      sidecars.set(dir, sidecar);
    }
    const name = path.basename(abs).normalize('NFC');
    used.add(path.join(dir, name));
    const bytes = await readBytes(abs);
    if (typeof bytes === 'string') {
      const file = new VFile({ path: rel(abs) });
      skip(file, bytes, 'unreadable');
      files.push(file);
      continue;
    }
    const { article, file } = processFile(rel(abs), bytes, sidecar.meta.get(name), options.taxonomy);
    files.push(file);
    if (article) articles.push(article);
  }
  for (const [dir, sidecar] of sidecars) {
    if (!sidecar.file) continue;
    for (const [name, line] of sidecar.lines) {
      if (!used.has(path.join(dir, name))) sidecar.file.message(`\`${name}\` is not an article in this folder; its metadata is unused`, { place: { line, column: 1 }, ruleId: 'metadata', source: 'briefing' });
    }
    files.push(sidecar.file);
  }
  for (const abs of others) files.push(notAnArticle(rel(abs)));
  for (const abs of hiddenArticles) {
    const file = new VFile({ path: rel(abs) });
    file.info('a hidden file (its name starts with a dot); not read', { ruleId: 'hidden', source: 'briefing' });
    files.push(file);
  }
  return { briefings: linkCorpus(articles), files };
}

/** The file's bytes, or why they cannot be had. */
async function readBytes(abs: string): Promise<Uint8Array | string> {
  try {
    const { size } = await fs.stat(abs);
    if (size > MAX_FILE_BYTES) return `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, far more than any article; not read`;
    return await fs.readFile(abs);
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); skipped`;
  }
}

/**
 * MDX for each briefing whose front matter passes the site's schema: Astro stops the whole build
 * on one that does not, so such a briefing is left out here and its file reported instead. (The
 * MDX body is safe by construction, which the property tests check; parsing every body again
 * here would cost four times the writing.)
 */
export function emitBriefings(briefings: Briefing[], files: VFile[]): { slug: string; mdx: string }[] {
  const fileOf = new Map(files.map((f) => [f.path, f]));
  return briefings.flatMap((briefing) => {
    const file = fileOf.get(briefing.data.file) ?? new VFile({ path: briefing.data.file });
    try {
      const checked = briefingSchema.safeParse(briefing.data);
      if (!checked.success) throw new Error(`its facts do not fit the site's schema: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`);
      return [{ slug: briefing.slug, mdx: toMdx(briefing) }];
    } catch (error) {
      skip(file, `could not be written as a briefing (${error instanceof Error ? error.message : String(error)}); skipped`, 'internal');
      return [];
    }
  });
}

/**
 * Writes the briefings so that a build killed half way leaves the previous set intact: everything
 * goes to a staging folder first, which then replaces the output folder in two renames. A crash
 * between the renames leaves `<output>.previous`, which the next run restores before it starts.
 */
export async function writeBriefings(outputDir: string, documents: { slug: string; mdx: string }[]): Promise<void> {
  const staging = `${outputDir}.staging`;
  const previous = `${outputDir}.previous`;
  await recoverOutput(outputDir);
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(staging, { recursive: true });
  for (const { slug, mdx } of documents) await fs.writeFile(path.join(staging, `${slug}.mdx`), mdx);
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
  const documents = emitBriefings(result.briefings, result.files);
  const written = new Set(documents.map((d) => d.slug));
  await writeBriefings(path.resolve(options.root, options.output), documents);
  return { ...result, briefings: result.briefings.filter((b) => written.has(b.slug)) };
}
