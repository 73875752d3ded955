import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generate, problems, processFile, type BuildResult } from '../../src/pipeline/build.ts';
import { toMdx } from '../../src/pipeline/emit.ts';
import { linkCorpus } from '../../src/pipeline/link.ts';
import { MAX_ARTICLE_CHARS } from '../../src/pipeline/read.ts';
import type { BriefingData } from '../../src/pipeline/schema.ts';
import { ENCODED_BODY, ENCODED_TITLE, LATIN1_TITLE, longArticle, oneLine, writeBadCorpus } from './robust-fixtures.ts';
import { renderMdx } from './robust-render.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'briefings-robust-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A project folder with `in/` holding the given files; builds write to `out/`. */
function project(name: string, files: Record<string, string | Uint8Array>): string {
  const root = path.join(tmp, name);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, 'in', file)), { recursive: true });
    fs.writeFileSync(path.join(root, 'in', file), content);
  }
  return root;
}
const build = (root: string, output = 'out') => generate({ root, input: 'in', output });
const mdxFiles = (dir: string) => Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
const dataOf = (mdx: string) => parseYaml(/^---\n([\s\S]*?)\n---/.exec(mdx)![1]!) as BriefingData;

/** Rendered text is escaped, so every `<` opens a real tag: each must be a paragraph, heading, sentence or mention link. */
function expectOnlySiteMarkup(html: string): void {
  for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(/^<\/?(p|h3|span|a)>$|^<span id="s\d+">$|^<a href="(people|organizations|places|issues|dates)\/[a-z0-9-]+">$/);
}

const ARTICLE = 'Pier Reopens After Repairs\n\nThe pier reopened on Saturday after storm repairs, the council said.\nIts engineer, Lena Fisk, said the new decking would last forty years.\n';

describe('the bad-input corpus', () => {
  let result: BuildResult;
  const fileOf = (name: string): VFile => result.files.find((f) => f.path === `in/${name}`)!;
  const briefingOf = (name: string) => result.briefings.find((b) => b.data.file === `in/${name}`);
  const errors = (name: string) => fileOf(name).messages.filter((m) => m.fatal === true);
  const blocksOf = (name: string) => briefingOf(name)!.body.map((b) => b.children.map((c) => ('value' in c ? c.value : c.children.map((i) => i.value).join(''))).join(''));

  beforeAll(async () => {
    const root = path.join(tmp, 'bad');
    writeBadCorpus(path.join(root, 'in'));
    result = await build(root);
  }, 120_000);

  it('gives every input file either a briefing or an error saying why not', () => {
    const inputs = fs.readdirSync(path.join(tmp, 'bad', 'in')).filter((f) => f !== 'sources.yaml');
    for (const name of inputs) {
      const built = briefingOf(name) !== undefined;
      const reported = fileOf(name)?.messages.some((m) => m.fatal === true || (m.fatal === false && m.ruleId === 'not-an-article') || m.ruleId === 'hidden');
      expect(built !== Boolean(reported), `${name}: built ${built}, reported ${reported}`).toBe(true);
    }
    expect(result.briefings.length).toBeGreaterThan(20);
  });

  it('skips empty and whitespace-only files', () => {
    for (const name of ['empty.txt', 'whitespace-only.txt']) expect(errors(name).map((m) => m.reason)).toEqual(['the article has no text; skipped']);
  });

  it('skips a binary file named .txt', () => {
    expect(errors('binary-named-as-text.txt').map((m) => m.ruleId)).toEqual(['binary']);
  });

  it('skips a 5 MB file with no line breaks as too long, and builds a shorter one-line article', () => {
    expect(errors('five-mb-one-line.txt')[0]?.reason).toBe(`too long for one article (5.2 million characters; the limit is ${MAX_ARTICLE_CHARS / 1e6} million); skipped`);
    const oneLiner = briefingOf('one-line-article.txt')!;
    expect(oneLiner.data.title).toBe('The harbour board chair, Jonas Berg, said on Tuesday that dues would…');
    expect(blocksOf('one-line-article.txt').join('')).toHaveLength(20_001);
  });

  it('decodes UTF-8 with and without BOM, UTF-16 LE and BE with BOM, Windows-1252 and Latin-1', () => {
    for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'windows-1252']) {
      expect(briefingOf(`encoding-${encoding}.txt`)?.data.title, encoding).toBe(ENCODED_TITLE);
      expect(blocksOf(`encoding-${encoding}.txt`), encoding).toEqual([ENCODED_BODY]);
    }
    expect(briefingOf('encoding-latin-1.txt')?.data.title).toBe(LATIN1_TITLE);
    expect(fileOf('encoding-windows-1252.txt').messages.map((m) => m.reason)).toEqual(['decoded as windows-1252']);
  });

  it('reads CRLF and CR line ends as line breaks', () => {
    for (const name of ['line-ends-crlf.txt', 'line-ends-cr.txt']) {
      expect(briefingOf(name)?.data.title).toBe('Ferry Fares Frozen for Another Year');
      expect(blocksOf(name)).toHaveLength(2);
      expect(JSON.stringify(briefingOf(name))).not.toContain('\\r');
    }
  });

  it('removes NUL and other control characters, saying where the first was', () => {
    expect(blocksOf('control-characters.txt')).toEqual([
      'The ferry company said on Monday that fares to the islands would not rise this year.',
      'Its chief executive, Aino Virtanen, said fuel costs had fallen[0m since the spring.',
    ]);
    expect(fileOf('control-characters.txt').messages[0]).toMatchObject({ ruleId: 'characters', line: 3, column: 30, reason: 'removed 5 invisible control or format character(s), the first here' });
  });

  it('normalizes fullwidth letters, ligatures and invisible characters, keeping homoglyphs of other scripts', () => {
    const briefing = briefingOf('homoglyphs-and-invisible.txt')!;
    expect(briefing.data.title).toBe('Fullwidth Headline: Mayor Opens Pier');
    const text = blocksOf('homoglyphs-and-invisible.txt').join('\n');
    expect(text).toContain('The mayor, Hanna Lind, opened');
    expect(text).toContain('Her deputy, Tomas Berg, said the pier had cost £2m and took eleven months');
    expect(text).toContain('the final bolt was flush');
    expect(text).toContain('\u0420\u0430ris Marine');
    expect(text).toContain('A reversed note read ecnatsid a morf and a family emoji \u{1F468}\u200d\u{1F469}\u200d\u{1F467} stayed whole.');
    expect(briefing.data.people.map((p) => p.name)).toContain('Hanna Lind');
  });

  it('shows MDX, JSX, HTML, comments and backticks as literal text and runs none of it', async () => {
    const { html, blocks } = await renderMdx(toMdx(briefingOf('mdx-and-jsx.txt')!));
    expect(briefingOf('mdx-and-jsx.txt')!.data.title).toBe('Harbour Board {Votes} <Mention to="x">Again</Mention> on the `Levy`');
    expect(blocks.slice(0, 2)).toEqual(['export const x = 1', 'import fs from "fs"']);
    const text = blocks.join('\n');
    for (const literal of ['{process.exit(1)}', '<script>alert("pwned-script")</script>', '<img src=x onerror=alert("pwned-img")>', '<div onclick="alert(\'pwned-click\')">', '<Sentence id="s1">a fake sentence</Sentence>', '{/* a comment */}', '[click me](javascript:alert(\'pwned-md\'))', '&lt;script&gt;', 'a < b > c']) {
      expect(text).toContain(literal);
    }
    expectOnlySiteMarkup(html);

    const markdown = await renderMdx(toMdx(briefingOf('comments-and-backticks.md')!));
    expect(markdown.blocks.join('\n')).toContain('The repairs use quick-set concrete and should take three `weeks` in all');
    expect(markdown.html).not.toMatch(/pwned-md|<!--/);
    expectOnlySiteMarkup(markdown.html);
  });

  it('ignores front matter that is not YAML or a date that is not a date, with the place, and builds', () => {
    expect(briefingOf('front-matter-not-yaml.md')?.data.title).toBe('Ferry Timetable Changes From June');
    expect(fileOf('front-matter-not-yaml.md').messages[0]).toMatchObject({ ruleId: 'yaml', line: 3, fatal: false });
    expect(briefingOf('front-matter-bad-date.md')?.data).toMatchObject({ title: 'Library Reopens After Repairs', published: null });
    expect(fileOf('front-matter-bad-date.md').messages[0]).toMatchObject({ ruleId: 'metadata', line: 2, fatal: false });
  });

  it('reads YAML anchors, refuses alias bombs, and keeps custom tags as plain text', () => {
    expect(briefingOf('yaml-anchors.md')?.data).toMatchObject({ title: 'Market Hall Gets New Roof', outlet: 'The Ledger', published: '2024-04-02' });
    expect(briefingOf('yaml-billion-laughs.md')?.data.title).toBe('Bridge Inspection Finds Minor Cracks');
    expect(fileOf('yaml-billion-laughs.md').messages[0]?.reason).toMatch(/Excessive alias count/);
    expect(briefingOf('yaml-custom-tags.md')?.data).toMatchObject({ title: 'function () { process.exit(1) }', outlet: null });
    expect(fileOf('yaml-custom-tags.md').messages.map((m) => m.reason)).toContain('YAML: Unresolved tag: tag:yaml.org,2002:js/function');
  });

  it('keeps a script in the title as text and drops a javascript: source', () => {
    const data = briefingOf('front-matter-script-source.md')!.data;
    expect(data).toMatchObject({ title: "<script>alert('pwned-title')</script> School {Roof} <b>Fixed</b>", outlet: "<img src=x onerror=alert('pwned-outlet')>", source: null });
  });

  it('builds files whose names have spaces, non-ASCII letters or "..", and names a hidden one', () => {
    expect(briefingOf('name with spaces.txt')?.data).toMatchObject({ outlet: 'The Coastal Ledger', published: '2024-07-02' });
    expect(briefingOf('ünïcödé — 名前.txt')?.data.source).toBe('https://ledger.example.com/news/kiosk-award');
    expect(briefingOf('notes..draft.txt')?.data.title).toBe('Beach Clean Draws Record Crowd');
    expect(fileOf('..txt').messages[0]).toMatchObject({ ruleId: 'hidden', fatal: undefined });
    expect(fileOf('not-an-article.pdf').messages[0]).toMatchObject({ ruleId: 'not-an-article', fatal: false });
    expect(result.files.find((f) => f.path === 'in/sources.yaml')?.messages.map((m) => m.reason)).toEqual(['`gone.txt` is not an article in this folder; its metadata is unused']);
  });

  it('builds files whose names collide after slugging, and two articles with one headline under distinct slugs', () => {
    expect([briefingOf('Harbour Vote.txt')?.slug, briefingOf('harbour-vote.txt')?.slug]).toEqual(['harbour-dues-to-rise-next-year', 'harbour-board-elects-new-chair']);
    expect([briefingOf('same-headline-1.txt')?.slug, briefingOf('same-headline-2.txt')?.slug]).toEqual(['council-approves-budget', 'council-approves-budget-2']);
  });

  it('writes one MDX file per briefing, every one valid for the site', () => {
    const written = mdxFiles(path.join(tmp, 'bad', 'out'));
    expect(Object.keys(written).sort()).toEqual(result.briefings.map((b) => `${b.slug}.mdx`).sort());
  });
});

describe('the build', () => {
  it('builds a 50,000-word article', () => {
    const { article, file } = processFile('long.txt', new TextEncoder().encode(longArticle(50_000)), { published: '2024-03-01' });
    expect(file.messages).toEqual([]);
    const [briefing] = linkCorpus([article!]);
    expect(briefing!.data.sentences.length).toBeGreaterThan(3300);
    expect(briefing!.data.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Jonas Berg', 'Ellen Marsh']));
    expect(toMdx(briefing!)).toContain(`<Sentence id="s${briefing!.data.sentences.length - 1}">`);
  }, 300_000);

  it('finds sidecar metadata for a file whose name the file system decomposed', async () => {
    const name = 'Café.txt';
    const root = project('nfd', { [name.normalize('NFD')]: ARTICLE, 'sources.yaml': `${name.normalize('NFC')}:\n  outlet: The Ledger\n` });
    expect((await build(root)).briefings[0]?.data.outlet).toBe('The Ledger');
  });

  it('reports a file it cannot read and builds the rest', async () => {
    const root = project('unreadable', { 'ok.txt': ARTICLE });
    fs.symlinkSync(path.join(root, 'nowhere.txt'), path.join(root, 'in', 'dangling.txt'));
    const result = await build(root);
    expect(result.briefings).toHaveLength(1);
    expect(result.files.find((f) => f.path === 'in/dangling.txt')?.messages[0]).toMatchObject({ ruleId: 'unreadable', fatal: true, reason: 'cannot be read (ENOENT); skipped' });
  });

  it('gives byte-identical output for the same input', async () => {
    const root = path.join(tmp, 'twice');
    writeBadCorpus(path.join(root, 'in'));
    await build(root, 'first');
    await build(root, 'second');
    expect(mdxFiles(path.join(root, 'second'))).toEqual(mdxFiles(path.join(root, 'first')));
  }, 120_000);

  it('gives the same slugs whatever the locale of the machine', async () => {
    // Swedish sorts "å" after "z": the first of two same-headline articles must not depend on it.
    const root = project('locale', { 'å.txt': ARTICLE, 'z.txt': ARTICLE.replace('Saturday', 'Sunday') });
    const here = (await build(root)).briefings.map((b) => `${b.data.file} ${b.slug}`);
    await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/briefing.js'), 'generate', '--input', 'in', '--output', 'sv'], {
      cwd: root, env: { ...process.env, LANG: 'sv_SE.UTF-8', LC_ALL: 'sv_SE.UTF-8' },
    });
    expect(here).toEqual(['in/å.txt pier-reopens-after-repairs', 'in/z.txt pier-reopens-after-repairs-2']);
    expect(mdxFiles(path.join(root, 'sv'))).toEqual(mdxFiles(path.join(root, 'out')));
  }, 60_000);

  it('leaves the previous briefings in place when killed while writing, and the next build recovers', async () => {
    const root = project('crash', { 'a.txt': ARTICLE });
    const out = path.join(root, 'out');
    await build(root);
    const before = mdxFiles(out);
    // Killed while writing: a half-filled staging folder next to the untouched output.
    fs.mkdirSync(`${out}.staging`);
    fs.writeFileSync(`${out}.staging/half-written.mdx`, '---\n{"tit');
    expect(mdxFiles(out)).toEqual(before);
    await build(root);
    expect(mdxFiles(out)).toEqual(before);
    expect(fs.existsSync(`${out}.staging`)).toBe(false);
    // Killed between the two renames: the output moved aside, the new one not yet in place.
    fs.renameSync(out, `${out}.previous`);
    fs.writeFileSync(path.join(root, 'in', 'b.txt'), ARTICLE.replace('Pier Reopens', 'Quay Reopens'));
    await build(root);
    expect(Object.keys(mdxFiles(out))).toEqual(['pier-reopens-after-repairs.mdx', 'quay-reopens-after-repairs.mdx']);
    expect(fs.existsSync(`${out}.previous`)).toBe(false);
  });

  it('removes a removed article and its mentions', async () => {
    const root = project('remove', { 'a.txt': ARTICLE, 'b.txt': 'Engineer Leaves Council\n\nLena Fisk, the council engineer, will leave in June, the council said.\nShe worked on the pier for six years.\n' });
    await build(root);
    expect(Object.keys(mdxFiles(path.join(root, 'out')))).toHaveLength(2);
    fs.rmSync(path.join(root, 'in', 'b.txt'));
    await build(root);
    const left = Object.values(mdxFiles(path.join(root, 'out')));
    expect(left).toHaveLength(1);
    const fisk = dataOf(left[0]!).people.find((p) => p.name === 'Lena Fisk');
    expect(fisk?.sentences).toEqual(['s2']);
    expect(left.join('')).not.toContain('Engineer Leaves Council');
  });

  it('--strict exits non-zero when the report has a warning or error, and zero when it has none', async () => {
    const run = promisify(execFile);
    const cli = (root: string, ...flags: string[]) =>
      run(process.execPath, [path.join(ROOT, 'bin/briefing.js'), 'generate', '--input', 'in', '--output', 'out', ...flags], { cwd: root }).then(() => 0, (error: { code: number }) => error.code);
    const clean = project('strict-clean', { 'a.txt': ARTICLE });
    const dirty = project('strict-dirty', { 'a.txt': ARTICLE, 'b.txt': '---\npublished: 2024-02-30\n---\nHeadline\n\nText of it.\n' });
    expect(problems((await build(clean)).files)).toBe(0);
    expect(await cli(clean, '--strict')).toBe(0);
    expect(await cli(dirty, '--strict')).toBe(1);
  }, 60_000);

  it('extract names a file that is not an article and does not read it as one', async () => {
    const root = project('extract-other', { 'a.txt': ARTICLE, 'notes.yaml': 'a.txt:\n  title: Pier Reopens\n' });
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/briefing.js'), 'extract', 'in/a.txt', 'in/notes.yaml'], { cwd: root });
    expect((JSON.parse(stdout) as { source: string }[]).map((a) => a.source)).toEqual(['in/a.txt']);
    expect(stderr).toMatch(/in\/notes\.yaml[\s\S]*not an article file/);
  }, 60_000);
});
