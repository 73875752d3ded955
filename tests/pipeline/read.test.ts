import { describe, expect, it } from 'vitest';
import { decode, readArticle } from '../../src/pipeline/read.ts';

const read = (text: string, path = 'a.txt') => readArticle({ path, bytes: new TextEncoder().encode(text) });

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

  it('reports front matter that is not YAML and still reads the body', () => {
    const { article, file } = read('---\ntitle: [unclosed\n---\nBody.');
    expect(article?.text).toBe('Body.');
    expect(file.messages[0]?.ruleId).toBe('front-matter');
  });

  it('decodes BOMs and falls back to Windows-1252 for bytes that are not UTF-8', () => {
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).text).toBe('A');
    expect(decode(new Uint8Array([0xa3, 0x35]))).toEqual({ text: '£5', encoding: 'windows-1252' });
  });

  it('refuses empty and binary files with a reason', () => {
    expect(read('  \n ').file.messages[0]?.ruleId).toBe('empty');
    const binary = readArticle({ path: 'x.txt', bytes: new Uint8Array(256).map((_, i) => i % 32) });
    expect(binary.article).toBeNull();
    expect(binary.file.messages[0]?.ruleId).toBe('binary');
  });
});
