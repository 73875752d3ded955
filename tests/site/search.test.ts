import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { bestPassage } from '../../src/site/search-passage.ts';
import { DEFAULT_SEARCH, datePageFacets, readSearchSettings } from '../../src/site/search.ts';

// Word positions as Pagefind reports them: the content split on whitespace.
const content = 'Call agenda. The article. Trump and Xi will talk. Rare earth magnets are on the table, with TikTok. Soybeans too.';
const anchors = [
  { element: 'h2', id: 'article', location: 2 },
  { element: 'span', id: 's1', location: 4 },
  { element: 'span', id: 's2', location: 9 },
  { element: 'span', id: 's3', location: 18 },
];
const hit = (location: number, balanced_score = 10) => ({ weight: 1, balanced_score, location });

describe('bestPassage', () => {
  it('links to the sentence holding the matched words and marks them, a phrase as one mark', () => {
    const passage = bestPassage({ url: '/briefings/x/?pagefind-highlight=rare', excerpt: 'page excerpt', content, anchors, weighted_locations: [hit(9), hit(10)] });
    expect(passage.url).toBe('/briefings/x/?pagefind-highlight=rare#s2');
    expect(passage.excerpt).toBe('<mark>Rare earth</mark> magnets are on the table, with TikTok.');
  });

  it('prefers the sentence with the most weight when several match', () => {
    const passage = bestPassage({ url: '/b/', excerpt: '', content, anchors, weighted_locations: [hit(5, 3), hit(18, 2), hit(10, 20)] });
    expect(passage.url).toBe('/b/#s2');
  });

  it("keeps Pagefind's excerpt and the page link when the words are outside any sentence", () => {
    const passage = bestPassage({ url: '/b/', excerpt: 'The <mark>article</mark>.', content, anchors, weighted_locations: [hit(3)] });
    expect(passage).toEqual({ url: '/b/', excerpt: 'The <mark>article</mark>.' });
  });

  it('escapes the text and cuts a long sentence around the match', () => {
    const long = `${Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')} <b>&`;
    const passage = bestPassage({ url: '/b/', excerpt: '', content: long, anchors: [{ element: 'span', id: 's1', location: 0 }], weighted_locations: [hit(40)] });
    expect(passage.excerpt).toBe(`… ${Array.from({ length: 29 }, (_, i) => `w${i + 11}`).join(' ')} <mark>&lt;b&gt;&amp;</mark>`);
  });
});

describe('search settings', () => {
  it('turns filters on and off from briefings.config.yaml and reports unknown ones', () => {
    const file = new VFile();
    expect(readSearchSettings({ filters: ['year', 'person', 'colour'] }, file)).toEqual({ filters: ['person', 'year'] });
    expect(readSearchSettings({ filters: [] }, file)).toEqual({ filters: [] });
    expect(readSearchSettings('yes', file)).toEqual(DEFAULT_SEARCH);
    expect(file.messages.map((m) => m.reason)).toEqual([
      'unknown search filter `colour`; the filters are type, person, organization, place, issue, outlet, year',
      '`search` must be a mapping such as `search: { filters: [type, person] }`; ignored',
    ]);
  });

  it('dates a date page by its first day', () => {
    expect(datePageFacets({ value: '2025-W38', key: 0, facts: [] })).toEqual({ type: 'date', date: '2025-09-15', filters: [['type', 'date'], ['year', '2025']] });
  });
});
