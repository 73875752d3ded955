/**
 * Read stage: bytes of one input file → RawArticle (decoded text + metadata).
 * Pure: the caller does the file I/O and passes bytes and any sidecar metadata.
 */
import { VFile } from 'vfile';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ArticleMeta, RawArticle } from './types.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export const emptyMeta = (): ArticleMeta => ({ title: null, published: null, source: null, outlet: null });

/** Decodes article bytes: BOMs, UTF-8, and Windows-1252 for legacy files that are not valid UTF-8. */
export function decode(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: the common case is text saved by Windows tools; Windows-1252 is a superset of Latin-1's printable range.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** Share of characters that are control characters other than line breaks and tabs. */
function controlShare(text: string): number {
  const sample = text.slice(0, 4096);
  if (!sample) return 0;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  return bad / sample.length;
}

/** Validates one metadata record (front matter or sidecar); bad fields are reported and dropped. */
export function validateMeta(data: unknown, file: VFile, line = 1): Partial<ArticleMeta> {
  const meta: Partial<ArticleMeta> = {};
  if (data === null || data === undefined) return meta;
  if (typeof data !== 'object' || Array.isArray(data)) {
    file.message('metadata must be a mapping of fields (title, published, source, outlet)', { place: { line, column: 1 }, ruleId: 'metadata', source: 'briefing' });
    return meta;
  }
  const record = data as Record<string, unknown>;
  for (const key of ['title', 'source', 'outlet'] as const) {
    const value = record[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim()) meta[key] = value.trim().replace(/\s+/g, ' ');
    else file.message(`metadata field \`${key}\` must be a non-empty string; ignored`, { place: { line, column: 1 }, ruleId: 'metadata', source: 'briefing' });
  }
  const published = record.published ?? record.date;
  if (published !== undefined && published !== null) {
    const value = published instanceof Date ? published.toISOString().slice(0, 10) : String(published).trim();
    if (DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)) {
      meta.published = value;
    } else {
      file.message(`metadata field \`published\` must be a calendar date as YYYY-MM-DD, got "${value.slice(0, 40)}"; the article is treated as undated`, {
        place: { line, column: 1 }, ruleId: 'metadata', source: 'briefing',
      });
    }
  }
  return meta;
}

/** Parses YAML safely: no custom tags, a cap on alias expansion against "billion laughs". */
export function parseMetaYaml(source: string, file: VFile, line = 1): unknown {
  try {
    return parseYaml(source, { maxAliasCount: 50, customTags: [], uniqueKeys: false });
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? error.linePos[0] : { line: 1, col: 1 };
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    file.message(`front matter is not valid YAML (${reason}); it is ignored`, {
      place: { line: line + where.line - 1, column: where.col }, ruleId: 'front-matter', source: 'briefing',
    });
    return null;
  }
}

export interface ReadInput {
  path: string;
  bytes: Uint8Array;
  /** Metadata from a sidecar file (sources.yaml); front matter in the article wins over it. */
  sidecar?: Partial<ArticleMeta>;
}

/** Returns null (with a fatal-free message on `file`) when the bytes are not an article at all. */
export function readArticle({ path, bytes, sidecar = {} }: ReadInput): { article: RawArticle | null; file: VFile } {
  const file = new VFile({ path });
  const { text: decoded, encoding } = decode(bytes);
  if (encoding !== 'utf-8') file.info(`decoded as ${encoding}`, { ruleId: 'encoding', source: 'briefing' });
  if (controlShare(decoded) > 0.1) {
    file.message('not a text file (binary content); skipped', { ruleId: 'binary', source: 'briefing' });
    return { article: null, file };
  }
  let text = decoded.replace(/\r\n?/g, '\n');
  let firstLine = 1;
  let frontMatter: Partial<ArticleMeta> = {};
  const match = FRONT_MATTER.exec(text);
  if (match) {
    frontMatter = validateMeta(parseMetaYaml(match[1] ?? '', file, 2), file, 2);
    firstLine += match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
    text = text.slice(match[0].length);
  }
  if (!text.trim()) {
    file.message('the article has no text', { ruleId: 'empty', source: 'briefing' });
    return { article: null, file };
  }
  const meta = { ...emptyMeta(), ...sidecar, ...frontMatter };
  const format = /\.(md|markdown)$/i.test(path) ? 'markdown' : 'text';
  return { article: { path, format, meta, text, firstLine, file }, file };
}
