/**
 * Clean stage: RawArticle → CleanArticle. Turns copied web text into a title, headings and
 * paragraphs, keeping the outlet's summary apart and dropping page furniture. Every rule is a
 * general rule about news pages, never about one article.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { RootContent } from 'mdast';
import { normalizeLine as normalizeSpace, SPACES_TO_COLLAPSE } from './read.ts';
import type { Block, CleanArticle, RawArticle } from './types.ts';

interface Line {
  text: string;
  line: number;
  /** Set when the source format already says what the line is (Markdown headings). */
  kind?: 'heading' | 'paragraph';
}

// Labels outlets put above their own bullet summary.
const SUMMARY_LABEL = /^(quick read|key (points|takeaways|highlights)|highlights|in brief|in short|at a glance|summary|tl;?dr|the gist)\s*:?$/i;
// Lines after which the rest of the page is other stories, not the article.
const TRAILING_BOILERPLATE = /^(recommended( for you)?|related (stories|articles|news|coverage)|read more|more (from|stories|on this)|you (may|might) also like|also read|most (read|popular|viewed)|trending( now)?|top stories|latest news|more news)\s*:?$/i;
// Single lines of furniture anywhere in the text.
const FURNITURE = /^(advertisement|story continues below( this ad)?|share (this|on)\b.*|follow us\b.*|subscribe\b.*|sign up\b.*|click here\b.*|also read\s*:.*|read also\s*:.*|read more\s*:.*|related( (stories|articles|coverage|content|news|reading))?\s*:.*|see also\s*:.*|\(?(updated|published)\s*:?.*\d{4}.*\)?|listen to (this )?article.*|\d+\s*min(ute)?s? read)$/i;
// Photo captions: a credit or "(File)" in parentheses at the end of a line with no sentence punctuation before it.
const CAPTION = /(\((file|file photo|photo|representational( image| photo)?|image|picture|reuters|afp|ap|getty images|pti|ani|bloomberg|ians|via [^)]+)\)|\b(photo|image|picture|credit)s?\s*(credit)?:\s*\S.*)$/i;
const BULLET = /^([-–—•*·▪]|\d+[.)])(\s+|$)/;
const TERMINAL = /[.!?…"”’')\]:]$/;

function linesOfText(text: string, firstLine: number): Line[] {
  return text.split('\n').map((t, i) => ({ text: normalizeSpace(t), line: firstLine + i }));
}

/** Markdown keeps its own structure: headings stay headings, everything else becomes lines. */
function linesOfMarkdown(text: string, firstLine: number): Line[] {
  const tree = fromMarkdown(text);
  const lines: Line[] = [];
  const visit = (nodes: RootContent[]): void => {
    for (const node of nodes) {
      const line = firstLine + (node.position?.start.line ?? 1) - 1;
      if (node.type === 'heading') lines.push({ text: normalizeSpace(toString(node)), line, kind: 'heading' });
      else if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') visit(node.children);
      else if (node.type === 'thematicBreak' || node.type === 'html' || node.type === 'definition') continue;
      else lines.push({ text: normalizeSpace(toString(node)), line, kind: 'paragraph' });
    }
  };
  visit(tree.children);
  return lines;
}

const comparable = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Whether `comparable(text)` is `key`. A text that begins with an ASCII letter or digit keeps it,
 * in lower case, at the start of its comparable form: when that differs from the key's first
 * character, the text needs no rewriting to tell (most lines are no repeated headline).
 */
function readsAs(text: string, key: string): boolean {
  const c = text.charCodeAt(0);
  const upper = c >= 65 && c <= 90;
  if ((upper || (c >= 48 && c <= 57) || (c >= 97 && c <= 122)) && (upper ? c + 32 : c) !== key.charCodeAt(0)) return false;
  return comparable(text) === key;
}

// A split at single spaces where those are all the white space: a regex split is slow.
const wordCount = (text: string): number => (SPACES_TO_COLLAPSE.test(text) ? text.split(/\s+/) : text.split(' ')).filter(Boolean).length;

/** "…in office?Ms Okafor continues" → the question, then the sentence glued to it. */
export function splitGluedQuestion(text: string): [string, string] | null {
  const match = /^([^.!?]{8,200}\?)(?=[\p{Lu}“"‘'])/u.exec(text);
  if (!match?.[1]) return null;
  const rest = text.slice(match[1].length).trim();
  return rest ? [match[1].trim(), rest] : null;
}

/** A short stand-alone line with no sentence punctuation, between paragraphs: a section heading. */
export function looksLikeHeading(text: string): boolean {
  if (text.length > 80) return false;
  const words = wordCount(text);
  return words > 0 && words <= 8 && !TERMINAL.test(text) && !/[,;]$/.test(text) && /^[\p{Lu}\p{N}“"‘']/u.test(text);
}

export const isCaption = (text: string): boolean => CAPTION.test(text) && wordCount(text) <= 30 && !/[.!?]["”’]?\s/.test(text.replace(CAPTION, ''));

/** Finds the outlet's summary block at the top: a label, an optional note, then bullet items. */
function takeOutletSummary(lines: Line[]): { summary: CleanArticle['outletSummary']; rest: Line[] } {
  const first = lines[0];
  if (!first || !SUMMARY_LABEL.test(first.text)) return { summary: null, rest: lines };
  let note: string | null = null;
  const items: string[] = [];
  let i = 1;
  let afterMarker = false;
  for (; i < lines.length; i++) {
    const text = lines[i]?.text ?? '';
    const bullet = BULLET.exec(text);
    if (bullet) {
      const item = text.slice(bullet[0].length).trim();
      if (item) items.push(item);
      afterMarker = !item; // a lone "-" puts the item on the next line
    } else if (afterMarker) {
      items.push(text);
      afterMarker = false;
    } else if (!items.length && note === null && wordCount(text) <= 12) {
      note = text; // e.g. a disclosure that the summary was machine-written
    } else break;
  }
  if (!items.length) return { summary: null, rest: lines };
  return { summary: { label: first.text.replace(/:$/, ''), note, items }, rest: lines.slice(i) };
}

/** The last paragraph ends without punctuation in the middle of a word: the page was cut off. */
function takeTruncation(blocks: Block[]): CleanArticle['truncated'] {
  const last = blocks.at(-1);
  if (!last || last.kind !== 'paragraph' || TERMINAL.test(last.text) || wordCount(last.text) < 8) return null;
  const match = /\s(\S+)$/.exec(last.text);
  if (!match?.[1] || !/\p{L}$/u.test(match[1])) return null;
  last.text = last.text.slice(0, match.index).trimEnd();
  return { fragment: match[1] };
}

export function cleanArticle(raw: RawArticle): CleanArticle {
  const { file } = raw;
  const all = (raw.format === 'markdown' ? linesOfMarkdown : linesOfText)(raw.text, raw.firstLine).filter((l) => l.text);

  const { summary: outletSummary, rest } = takeOutletSummary(all);
  let lines = rest;

  // Title: metadata wins; otherwise the first line of a plain-text article (or a Markdown heading).
  let title = raw.meta.title;
  const first = lines[0];
  if (!title && first && (first.kind === 'heading' || looksLikeHeading(first.text) || (raw.format === 'text' && !outletSummary && lines.length > 1))) {
    title = first.text;
    lines = lines.slice(1);
  }
  if (!title) {
    const words = (first?.text ?? raw.path).split(/\s+/);
    title = words.length > 14 ? `${words.slice(0, 12).join(' ')}…` : words.join(' ');
    file.info('no headline in the metadata or on the first line; used the opening words', { ruleId: 'title', source: 'briefing' });
  }
  const titleKey = comparable(title);

  const blocks: Block[] = [{ kind: 'title', text: title, line: first?.line ?? 1 }];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const { text } = line;
    if (TRAILING_BOILERPLATE.test(text)) {
      file.info(`dropped ${lines.length - i} trailing line(s) of page furniture from "${text}" on`, { place: { line: line.line, column: 1 }, ruleId: 'boilerplate', source: 'briefing' });
      break;
    }
    if (readsAs(text, titleKey)) continue; // the headline repeated by the page
    if (FURNITURE.test(text)) continue;
    if (line.kind !== 'heading' && isCaption(text)) {
      file.info(`dropped a photo caption: "${text.slice(0, 60)}"`, { place: { line: line.line, column: 1 }, ruleId: 'caption', source: 'briefing' });
      continue;
    }
    const glued = line.kind === 'heading' ? null : splitGluedQuestion(text);
    if (glued) {
      blocks.push({ kind: 'heading', text: glued[0], line: line.line }, { kind: 'paragraph', text: glued[1], line: line.line });
      continue;
    }
    const next = lines[i + 1];
    const heading = line.kind === 'heading' || (line.kind === undefined && looksLikeHeading(text) && next !== undefined && !looksLikeHeading(next.text));
    blocks.push({ kind: heading ? 'heading' : 'paragraph', text, line: line.line });
  }
  // A heading with nothing after it is not a section.
  while (blocks.length > 1 && blocks.at(-1)?.kind === 'heading') blocks.pop();

  const truncated = takeTruncation(blocks);
  if (truncated) {
    const last = blocks.at(-1);
    file.message(`the text ends mid-word ("${truncated.fragment}"); the article is marked as truncated and the broken word is not analysed`, {
      place: { line: last?.line ?? 1, column: (last?.text.length ?? 0) + 2 }, ruleId: 'truncated', source: 'briefing',
    });
  }

  return { path: raw.path, meta: { ...raw.meta, title }, blocks, outletSummary, truncated, file };
}
