import { describe, expect, it } from 'vitest';
import type { Entry, EntityPage } from '../../src/site/corpus.ts';
import type { BriefingData, EntityData } from '../../src/pipeline/schema.ts';
import { briefingJsonLd, entityJsonLd, jsonLdScript } from '../../src/site/seo.ts';

const site = new URL('https://news.example.org');

describe('jsonLdScript', () => {
  it('can never close its script element, and reads back as the same data', () => {
    const data = { headline: 'Markets </script><script>alert(1)</script> & <!-- more -->', text: 'line\u2028separator' };
    const json = jsonLdScript(data);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});

const person = (name: string, mentions: number): EntityData => ({ id: name.toLowerCase().replace(/ /g, '-'), name, aliases: [], roles: [], mentions, sentences: ['s1'] });

function entry(data: Partial<BriefingData>): Entry {
  const full: BriefingData = {
    title: 'Talks', file: 'seeds/a.txt', source: null, outlet: null, published: null, truncated: null, summary: [], summarySource: 'extracted',
    outletSummary: null, keyFacts: [], people: [], organizations: [], places: [], issues: [], dates: [], figures: [], quotes: [], sentences: [], ...data,
  };
  return { id: 'talks', collection: 'briefings', data: full } as unknown as Entry;
}

describe('briefingJsonLd', () => {
  it('is a NewsArticle at the briefing address, based on the original article of its outlet', () => {
    const ld = briefingJsonLd(entry({
      title: 'Xi asks Trump to avoid trade measures', published: '2025-09-19', summary: ['Xi and Trump spoke.', 'They will meet.'],
      source: 'https://outlet.example.com/story', outlet: 'Outlet', people: [person('Xi Jinping', 3), person('Donald Trump', 9)],
      issues: [{ id: 'trade', name: 'Trade', aliases: [], sentences: ['s1'], weight: 1 }],
    }), site);
    expect(ld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Xi asks Trump to avoid trade measures',
      description: 'Xi and Trump spoke. They will meet.',
      url: 'https://news.example.org/briefings/talks/',
      mainEntityOfPage: 'https://news.example.org/briefings/talks/',
      datePublished: '2025-09-19',
      keywords: 'Trade',
      isBasedOn: { '@type': 'NewsArticle', url: 'https://outlet.example.com/story', publisher: { '@type': 'Organization', name: 'Outlet' } },
      mentions: [
        { '@type': 'Person', name: 'Donald Trump', url: 'https://news.example.org/people/donald-trump/' },
        { '@type': 'Person', name: 'Xi Jinping', url: 'https://news.example.org/people/xi-jinping/' },
      ],
    });
  });

  it('leaves out what is unknown, shortens a long headline and names only the most mentioned', () => {
    const ld = briefingJsonLd(entry({ title: 'A'.repeat(150), people: Array.from({ length: 30 }, (_, i) => person(`Person ${i}`, i)) }), site);
    expect(ld).not.toHaveProperty('datePublished');
    expect(ld).not.toHaveProperty('isBasedOn');
    expect((ld.headline as string).length).toBe(110);
    const mentions = ld.mentions as { name: string }[];
    expect(mentions).toHaveLength(20);
    expect(mentions[0]!.name).toBe('Person 29');
  });
});

describe('entityJsonLd', () => {
  const appearances = [{ slug: 'talks', title: 'Talks', published: '2025-09-19', outlet: null, sentences: [] }];
  const base = { aliases: [], roles: [], appearances, related: [], mentions: 2, dated: [] };

  it('is a Person with its role and the briefings about them', () => {
    const page: EntityPage = { ...base, kind: 'people', id: 'xi-jinping', name: 'Xi Jinping', aliases: ['Xi'], roles: [{ role: 'Chinese President', count: 1 }] };
    expect(entityJsonLd(page, site)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: 'Xi Jinping',
      url: 'https://news.example.org/people/xi-jinping/',
      alternateName: ['Xi'],
      jobTitle: 'Chinese President',
      subjectOf: [{ '@type': 'NewsArticle', headline: 'Talks', url: 'https://news.example.org/briefings/talks/', datePublished: '2025-09-19' }],
    });
  });

  it('is an Organization, a Place or a Thing for the other kinds', () => {
    expect(entityJsonLd({ ...base, kind: 'organizations', id: 'tiktok', name: 'TikTok' }, site)['@type']).toBe('Organization');
    expect(entityJsonLd({ ...base, kind: 'places', id: 'china', name: 'China' }, site)['@type']).toBe('Place');
    expect(entityJsonLd({ ...base, kind: 'issues', id: 'trade', name: 'Trade' }, site)['@type']).toBe('Thing');
  });
});
