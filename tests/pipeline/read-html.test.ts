import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/pipeline/clean.ts';
import { readArticle } from '../../src/pipeline/read.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/bad');

function page(name: string, bytes = fs.readFileSync(path.join(FIXTURES, name))) {
  const { article, file } = readArticle({ path: name, bytes });
  return { article, file, clean: article ? cleanArticle(article) : null };
}

// `latin1` writes each character below U+0100 as that one byte, for pages in legacy encodings.
const html = (head: string, body: string, encoding: BufferEncoding = 'utf8') => Buffer.from(`<!DOCTYPE html><html><head>${head}</head><body><article>${body}</article></body></html>`, encoding);
const PARAGRAPHS = [
  'The harbour board met on Monday to discuss the dredging of the inner basin, which has silted up over the winter.',
  'Boat owners said the work was overdue, and the board agreed to ask for quotes from three firms before the summer.',
  'A decision on the contract is expected in July, the board said, once the quotes have been compared.',
].map((p) => `<p>${p}</p>`).join('');

describe('web pages', () => {
  it('become their article text, without navigation, scripts, adverts or related links', () => {
    const { clean } = page('saved-news-page.html');
    const text = clean!.blocks.map((b) => `${b.kind}: ${b.text}`);
    expect(text[0]).toBe('title: Harbour council approves £40m flood barrier');
    expect(text).toContain('heading: Objections from fishermen');
    expect(text.filter((t) => t.startsWith('paragraph:'))).toHaveLength(5);
    expect(text.join('\n')).not.toMatch(/Subscribe|Related stories|Storm closes quay|All rights reserved|dataLayer|loadAd|Advertisement/);
  });

  it('take title, outlet, date and address from the page metadata', () => {
    expect(page('saved-news-page.html').article?.meta).toEqual({
      title: 'Harbour council approves £40m flood barrier',
      outlet: 'The Coastal Ledger',
      published: '2024-03-14',
      source: 'https://ledger.example.com/news/harbour-flood-barrier',
    });
  });

  it('fall back to JSON-LD, <time> and og:url when other metadata is missing', () => {
    const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Dredging plan agreed","datePublished":"2024-05-02T10:00:00Z","publisher":{"@type":"Organization","name":"Harbour Weekly"}}</script>';
    expect(page('ld.html', html(ld, PARAGRAPHS)).article?.meta).toMatchObject({ title: 'Dredging plan agreed', outlet: 'Harbour Weekly', published: '2024-05-02' });
    const timed = page('time.html', html('<title>Dredging plan</title><meta property="og:url" content="https://weekly.example.org/dredging">', `<time datetime="2024-05-03">3 May</time>${PARAGRAPHS}`));
    expect(timed.article?.meta).toMatchObject({ title: 'Dredging plan', published: '2024-05-03', source: 'https://weekly.example.org/dredging', outlet: null });
  });

  it('are decoded by the charset they declare', () => {
    // 0x93, 0xE9 and 0x94 are “, é and ” in Windows-1252.
    const bytes = html('<meta charset="windows-1252"><title>Kiosk plan</title>', `${PARAGRAPHS}<p>\x93Caf\xe9\x94 is the new name of the kiosk on the quay, its owner said.</p>`, 'latin1');
    const { clean, file } = page('cp1252.html', bytes);
    expect(clean!.blocks.at(-1)?.text).toBe('“Café” is the new name of the kiosk on the quay, its owner said.');
    expect(file.messages.map((m) => m.reason)).toContain('decoded as windows-1252');
  });

  it('keep markup in a page only as the text it displays', () => {
    const { article, clean, file } = page('hostile-page.html');
    const text = clean!.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('the text <script>alert("pwned-escaped")</script> was printed on a poster');
    expect(text).toContain('read the plan online');
    expect(text).not.toMatch(/pwned-(head|inline|onclick|onerror|href|iframe|svg|form|input)/);
    expect(article?.meta.source).toBeNull();
    expect(file.messages.map((m) => m.reason)).toContain('metadata field `source` must be an http(s) address, got "javascript:alert(\'pwned-og-url\')"; ignored');
  });

  it('with no article text are skipped with an error', () => {
    const { article, file } = page('blank.html', html('<title>Nothing</title>', ''));
    expect(article).toBeNull();
    expect(file.messages.at(-1)).toMatchObject({ ruleId: 'empty', fatal: true });
  });
});
