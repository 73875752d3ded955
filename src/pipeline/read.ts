/**
 * Read stage: bytes of one input file → RawArticle (decoded, normalized text + metadata).
 * Pure: the caller does the file I/O and passes bytes and any sidecar metadata.
 * A file that gives no article gets an error-level message saying why; lesser problems are
 * warnings, and what was done on the reader's behalf (a legacy encoding, removed characters) is info.
 */
import { isUtf8 } from 'node:buffer';
import { getBOMEncoding } from '@exodus/bytes/encoding.js';
import sniffHtmlEncoding from 'html-encoding-sniffer';
import type { Point } from 'unist';
import { VFile } from 'vfile';
import { parseDocument } from 'yaml';
import { readHtml } from './html.ts';
import type { ArticleMeta, RawArticle } from './types.ts';

export const HTML_FILE = /\.html?$/i;
/** Ten times the longest news features; past it the analysers would take minutes. */
export const MAX_ARTICLE_CHARS = 1_000_000;

const PUBLISHED = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const LINE_END = /\r\n?|[\u0085\u2028\u2029]/g;
/** Every line end as "\n": CR LF, CR, NEL and the Unicode line and paragraph separators. */
export const unifyLineEnds = (text: string): string => text.replace(LINE_END, '\n');
// Characters that only control or format: C0 and C1 controls but tab and line feed, format
// characters (soft hyphen, bidi overrides, zero-width space, BOM, tag characters) and
// noncharacters. Zero-width (non-)joiners are kept: emoji sequences and Arabic and Indic scripts need them...
const INVISIBLE = /(?![\t\n\u200c\u200d])[\p{Cc}\p{Cf}\p{Noncharacter_Code_Point}]/gu;
// ...except between ASCII characters, where they do nothing but hide a word from search and linking.
const IDLE_JOINERS = /(?<![^\x00-\x7f])[\u200c\u200d]+(?![^\x00-\x7f])/g;
// Fullwidth ASCII and the Latin ligatures of PDFs (ﬁ, ﬂ) are presentation forms of plain letters.
const PRESENTATION = /[\uff01-\uff5e\ufb00-\ufb06]/g;
// Text made only of ASCII, Latin letters, typographic punctuation and currency signs needs none
// of the above (a test checks every such character): most English news, checked in one cheap pass.
export const NOT_PLAIN = /[^\t\n\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205f\u20a0-\u20c0]/;

export const emptyMeta = (): ArticleMeta => ({ title: null, published: null, source: null, outlet: null });

/**
 * Decodes article bytes. A byte order mark wins; a web page may name its encoding in a
 * `<meta charset>`; otherwise valid UTF-8 is UTF-8 and anything else Windows-1252, which also
 * reads Latin-1. Returns null for binary data: bytes that are not UTF-8 and hold a NUL, as
 * images, archives and executables do and legacy text never does.
 */
export function decode(bytes: Uint8Array, html = false): { text: string; encoding: string } | null {
  const fallback = isUtf8(bytes) ? 'utf-8' : 'windows-1252';
  const label = html ? sniffHtmlEncoding(bytes, { defaultEncoding: fallback }) : getBOMEncoding(bytes) ?? fallback;
  const decoder = new TextDecoder(label);
  if (decoder.encoding === 'windows-1252' && bytes.subarray(0, 8000).includes(0)) return null;
  return { text: decoder.decode(bytes), encoding: decoder.encoding };
}

/**
 * The character normalization every article gets (the README lists it): invisible control and
 * format characters removed, fullwidth letters and ligatures as plain letters, then NFC.
 * Homoglyphs (a Cyrillic "а" among Latin letters) stay as written: they are letters of real
 * scripts, and guessing would corrupt names written in them.
 */
export function normalizeText(text: string): string {
  if (!NOT_PLAIN.test(text)) return text;
  return text.replace(PRESENTATION, (c) => c.normalize('NFKC')).replace(INVISIBLE, '').replace(IDLE_JOINERS, '').normalize('NFC');
}

function pointAt(text: string, offset: number): Point {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function reportInvisible(text: string, file: VFile): void {
  if (!NOT_PLAIN.test(text)) return;
  const count = text.matchAll(INVISIBLE).reduce((n) => n + 1, 0) + text.matchAll(IDLE_JOINERS).reduce((n) => n + 1, 0);
  if (!count) return;
  const first = Math.min(...[INVISIBLE, IDLE_JOINERS].map((re) => text.search(re)).filter((i) => i >= 0));
  file.info(`removed ${count} invisible control or format character(s), the first here`, { place: pointAt(text, first), ruleId: 'characters', source: 'briefing' });
}

/** White space other than a single space. */
export const SPACES_TO_COLLAPSE = /[^\S ]|\s\s/;

/** One line of text as the briefing shows it: normalized characters, whitespace collapsed to single spaces. */
export function normalizeLine(text: string): string {
  const normal = normalizeText(text);
  // Most lines have single spaces only: collapsing would copy them unchanged.
  return (SPACES_TO_COLLAPSE.test(normal) ? normal.replace(/\s+/g, ' ') : normal).trim();
}


/** Reports why a file gives no briefing, as an error: the level that means "skipped". */
export function skip(file: VFile, reason: string, ruleId: string, place?: Point): null {
  file.message(reason, { place, ruleId, source: 'briefing' }).fatal = true;
  return null;
}


/** Validates one metadata record (front matter, sidecar or web page); bad fields are reported and dropped. */
export function validateMeta(data: unknown, file: VFile, line = 1): Partial<ArticleMeta> {
  const meta: Partial<ArticleMeta> = {};
  if (data === null || data === undefined) return meta;
  const place = { line, column: 1 };
  if (typeof data !== 'object' || Array.isArray(data)) {
    file.message('metadata must be a mapping of fields (title, published, source, outlet)', { place, ruleId: 'metadata', source: 'briefing' });
    return meta;
  }
  const record = data as Record<string, unknown>;
  for (const key of ['title', 'source', 'outlet'] as const) {
    const value = record[key];
    if (value === undefined || value === null) continue;
    const text = typeof value === 'string' ? normalizeLine(value) : '';
    if (!text) file.message(`metadata field \`${key}\` must be a non-empty string; ignored`, { place, ruleId: 'metadata', source: 'briefing' });
    // The source becomes a link on the page: only a web address may, never `javascript:` or a path.
    else if (key === 'source' && !/^https?:$/.test(URL.parse(text)?.protocol ?? '')) {
      file.message(`metadata field \`source\` must be an http(s) address, got "${text.slice(0, 60)}"; ignored`, { place, ruleId: 'metadata', source: 'briefing' });
    } else meta[key] = text;
  }
  const published = record.published ?? record.date;
  if (published !== undefined && published !== null) {
    const value = published instanceof Date ? published.toISOString().slice(0, 10) : String(published).trim();
    // A timestamp counts by its date as written, in the publisher's own time zone.
    const day = PUBLISHED.exec(value)?.[1];
    const time = day ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
    if (day && !Number.isNaN(time) && new Date(time).toISOString().startsWith(day)) {
      meta.published = day;
    } else {
      file.message(`metadata field \`published\` must be a calendar date as YYYY-MM-DD, got "${value.slice(0, 40)}"; the article is treated as undated`, {
        place, ruleId: 'metadata', source: 'briefing',
      });
    }
  }
  return meta;
}

/**
 * Parses YAML safely: the core schema only (a tag such as `!!js/function` stays a plain string),
 * a cap on alias expansion against "billion laughs". Problems become messages, never console output.
 */
export function parseMetaYaml(source: string, file: VFile, line = 1): unknown {
  const doc = parseDocument(source, { customTags: [], uniqueKeys: false });
  // yaml's messages end with their own "at line 1, column 8:" and a snippet; the place says that.
  const reason = (error: Error): string => error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const at = (pos: [{ line: number; col: number }, ...unknown[]] | undefined): Point => ({ line: line + (pos?.[0].line ?? 1) - 1, column: pos?.[0].col ?? 1 });
  for (const warning of doc.warnings) {
    file.message(`YAML: ${reason(warning)}`, { place: at(warning.linePos), ruleId: 'yaml', source: 'briefing' });
  }
  const error = doc.errors[0];
  try {
    if (error) throw error;
    return doc.toJS({ maxAliasCount: 50 });
  } catch (thrown) {
    file.message(`not valid YAML (${thrown instanceof Error ? reason(thrown) : String(thrown)}); all of it is ignored`, { place: at(error?.linePos), ruleId: 'yaml', source: 'briefing' });
    return null;
  }
}

export interface ReadInput {
  path: string;
  bytes: Uint8Array;
  /** Metadata from a sidecar file (sources.yaml); front matter or a page's own metadata wins over it. */
  sidecar?: Partial<ArticleMeta>;
}

/** Returns a null article, with an error-level message on `file`, when the bytes are not an article. */
export function readArticle({ path, bytes, sidecar = {} }: ReadInput): { article: RawArticle | null; file: VFile } {
  const file = new VFile({ path });
  const html = HTML_FILE.test(path);
  const decoded = decode(bytes, html);
  if (!decoded) return { article: skip(file, 'not a text file (binary content); skipped', 'binary'), file };
  if (decoded.encoding !== 'utf-8') file.info(`decoded as ${decoded.encoding}`, { ruleId: 'encoding', source: 'briefing' });

  // Characters are normalized where text is taken from the file's markup (the clean stage, the
  // metadata): a fullwidth "＜" must not become a tag before a parser has seen it.
  let text = unifyLineEnds(decoded.text);
  reportInvisible(text, file);

  let meta: Partial<ArticleMeta> = {};
  let firstLine = 1;
  if (html) {
    const page = readHtml(text);
    if (!page) return { article: skip(file, 'no article text found in the web page; skipped', 'empty'), file };
    text = page.markdown;
    meta = validateMeta(page.meta, file);
  } else {
    const match = FRONT_MATTER.exec(text);
    if (match) {
      meta = validateMeta(parseMetaYaml(match[1] ?? '', file, 2), file, 2);
      firstLine += match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
      text = text.slice(match[0].length);
    }
  }
  if (text.length > MAX_ARTICLE_CHARS) {
    const size = `${(text.length / 1e6).toFixed(1)} million characters`;
    return { article: skip(file, `too long for one article (${size}; the limit is ${MAX_ARTICLE_CHARS / 1e6} million); skipped`, 'too-long'), file };
  }
  if (!normalizeText(text).trim()) return { article: skip(file, 'the article has no text; skipped', 'empty'), file };
  const format = html || /\.(md|markdown)$/i.test(path) ? 'markdown' : 'text';
  return { article: { path, format, meta: { ...emptyMeta(), ...sidecar, ...meta }, text, firstLine, file }, file };
}
