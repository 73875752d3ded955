import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { NOT_PLAIN, decode, normalizeLine, normalizeText, readArticle } from '../../src/pipeline/read.ts';

const read = (text: string, path = 'a.txt') => readArticle({ path, bytes: new TextEncoder().encode(text) });
const rules = (file: { messages: { ruleId?: string | null | undefined }[] }) => file.messages.map((m) => m.ruleId);

describe('read stage', () => {
  it('takes metadata from front matter, which wins over the sidecar', () => {
    const { article } = readArticle({
      path: 'a.txt',
      bytes: new TextEncoder().encode('---\ntitle: Own Title\npublished: 2024-05-06\n---\nBody text.'),
      sidecar: { title: 'Sidecar Title', outlet: 'Sidecar Outlet' },
    });
    expect(article?.meta).toEqual({ title: 'Own Title', published: '2024-05-06', source: null, outlet: 'Sidecar Outlet' });
    expect(article?.text).toBe('Body text.');
    expect(article?.firstLine).toBe(5);
  });

  it('reports a bad date with its place and treats the article as undated', () => {
    const { article, file } = read('---\npublished: 2024-13-45\n---\nBody.');
    expect(article?.meta.published).toBeNull();
    expect(file.messages[0]?.reason).toMatch(/published.*YYYY-MM-DD/);
    expect(file.messages[0]?.line).toBe(2);
  });

  it('takes the date of a timestamp as written, in the publisher\'s time zone', () => {
    expect(read('---\npublished: 2024-03-14T23:30:00-05:00\n---\nBody.').article?.meta.published).toBe('2024-03-14');
  });

  it('reports front matter that is not YAML, with its place, and still reads the body', () => {
    const { article, file } = read('---\ntitle: ok\nbad: [unclosed\n---\nBody.');
    expect(article?.text).toBe('Body.');
    expect(article?.meta.title).toBeNull();
    expect(file.messages[0]).toMatchObject({ ruleId: 'yaml', line: 3 });
  });

  it('refuses alias bombs ("billion laughs") and keeps unknown tags as plain strings', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((l, i) => `${l}: &${l} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)];
    const bomb = read(`---\n${levels.join('\n')}\ntitle: *i\n---\nBody.`);
    expect(bomb.article?.meta.title).toBeNull();
    expect(bomb.file.messages[0]?.reason).toMatch(/not valid YAML \(Excessive alias count/);

    const tagged = read('---\ntitle: !!js/function "function () { process.exit(1) }"\n---\nBody.');
    expect(tagged.article?.meta.title).toBe('function () { process.exit(1) }');
    expect(tagged.file.messages[0]).toMatchObject({ ruleId: 'yaml', line: 2, column: 8 });
    expect(tagged.file.messages[0]?.reason).toMatch(/Unresolved tag/);
  });

  it('accepts only an http(s) address as the source, since the page links to it', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/relative/path', 'not a url']) {
      const { article, file } = read(`---\nsource: "${bad}"\n---\nBody.`);
      expect(article?.meta.source, bad).toBeNull();
      expect(file.messages[0]?.reason).toMatch(/must be an http\(s\) address/);
    }
    expect(read('---\nsource: https://example.com/a?b=1\n---\nBody.').article?.meta.source).toBe('https://example.com/a?b=1');
  });

  it('normalizes metadata text like article text', () => {
    const { article } = read('---\ntitle: "Pier\\u202e Opens\\u0000  Again"\noutlet: "Ｔｈｅ  Ledger"\n---\nBody.');
    expect(article?.meta).toMatchObject({ title: 'Pier Opens Again', outlet: 'The Ledger' });
  });

  it('skips empty, whitespace-only and invisible-only files with an error', () => {
    for (const text of ['', '  \n\t\n \r\n', '\u0000\u200b\ufeff\n']) {
      const { article, file } = read(text);
      expect(article).toBeNull();
      expect(file.messages.at(-1)).toMatchObject({ ruleId: 'empty', fatal: true });
    }
  });

  it('skips binary data with an error, however it is named', () => {
    const png = readArticle({ path: 'photo.txt', bytes: gzipSync(Buffer.from('not an article '.repeat(200))) });
    expect(png.article).toBeNull();
    expect(png.file.messages[0]).toMatchObject({ ruleId: 'binary', fatal: true });
  });
});

describe('decoding', () => {
  const text = 'Café owner’s “award” – €5';
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decode(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads UTF-16 little- and big-endian by their byte order mark', () => {
    const le = Buffer.from(`\ufeff${text}`, 'utf16le');
    expect(decode(le)).toEqual({ text, encoding: 'utf-16le' });
    expect(decode(Buffer.from(le).swap16())).toEqual({ text, encoding: 'utf-16be' });
  });

  it('reads Windows-1252 and Latin-1, which are not UTF-8', () => {
    // Windows-1252: é, ’, “, ”, –, € at 0xE9, 0x92, 0x93, 0x94, 0x96, 0x80.
    const cp1252 = [0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x77, 0x6e, 0x65, 0x72, 0x92, 0x73, 0x20, 0x93, 0x61, 0x77, 0x61, 0x72, 0x64, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35];
    expect(decode(new Uint8Array(cp1252))).toEqual({ text, encoding: 'windows-1252' });
    expect(decode(Buffer.from('Paid £12.5m, a naïve ©', 'latin1'))?.text).toBe('Paid £12.5m, a naïve ©');
  });

  it('reads the encoding a web page declares, and says which in the report', () => {
    const page = Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"><title>x</title></head><body><p>'), Buffer.from([0xe9, 0x93, 0x94]), Buffer.from('</p></body></html>')]);
    expect(decode(page, true)?.text).toContain('é“”');
    const { file } = readArticle({ path: 'latin.txt', bytes: Buffer.from('Headline\nCafé £5.', 'latin1') });
    expect(file.messages[0]).toMatchObject({ ruleId: 'encoding', reason: 'decoded as windows-1252', fatal: undefined });
  });
});

describe('character normalization', () => {
  it('removes control and format characters, keeping tabs and line feeds', () => {
    expect(normalizeText('a\u0000b\u0007c\u001bd\u007fe\u009bf\tg\nh')).toBe('abcdef\tg\nh');
    expect(normalizeText('soft\u00adhyphen, zero\u200bwidth, \u202ereversed\u202c, bom\ufeff, \u2066isolate\u2069')).toBe('softhyphen, zerowidth, reversed, bom, isolate');
  });

  it('keeps zero-width joiners where scripts and emoji need them, not between ASCII letters', () => {
    expect(normalizeText('Ma\u200drta and Jo\u200c\u200dnas')).toBe('Marta and Jonas');
    const family = '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}';
    expect(normalizeText(family)).toBe(family);
    expect(normalizeText('می\u200cخواهم')).toBe('می\u200cخواهم');
  });

  it('writes fullwidth letters and ligatures as plain letters, keeps homoglyphs of other scripts', () => {
    expect(normalizeText('ＢＢＣ Ｎｅｗｓ：１２３ ﬁnal ﬂush')).toBe('BBC News:123 final flush');
    expect(normalizeText('\u0420\u0430ris')).not.toBe('Paris');
    expect(normalizeText('e\u0301')).toBe('é');
  });

  it('skips the work only for characters that the full normalization leaves as they are', () => {
    for (let c = 0; c < 0x10000; c++) {
      const char = String.fromCharCode(c);
      // A NUL beside it sends the character through the full normalization, which removes the NUL.
      if (!NOT_PLAIN.test(char)) expect(normalizeText(`\u0000${char}`), `U+${c.toString(16)}`).toBe(char);
    }
  });

  it('reports removed characters with the place of the first', () => {
    const { file } = read('Headline\nA line with a NUL\u0000 in it.\nAnother.');
    expect(file.messages[0]).toMatchObject({ ruleId: 'characters', line: 2, column: 18, fatal: undefined });
  });

  it('collapses any run of white space in a line to one space, and leaves single spaces as they are', () => {
    expect(normalizeLine(' A  line\twith\u00a0odd \u2003 spaces ')).toBe('A line with odd spaces');
    expect(normalizeLine('A plain line, single spaces.')).toBe('A plain line, single spaces.');
  });
});
