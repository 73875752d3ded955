import { describe, expect, it } from 'vitest';
import { linkCorpus, linkSentence, resolve, datePage } from '../../src/pipeline/link.ts';
import { processFile } from '../../src/pipeline/build.ts';
import { slugify, SlugRegistry } from '../../src/pipeline/slug.ts';

const person = (id: string, name: string, aliases: string[] = [], mentions = 1) => ({ id, name, aliases, mentions });

describe('link stage', () => {
  it('joins a bare surname in one article to the full name used in another', () => {
    const r = resolve([[person('ada-lovelace', 'Ada Lovelace', ['Lovelace'])], [person('lovelace', 'Lovelace')]], 'people');
    expect(r.idOf(1, 'lovelace')).toBe('ada-lovelace');
    expect(r.nameOf('ada-lovelace')).toBe('Ada Lovelace');
  });

  it('keeps people who share a surname apart, and a bare surname they share unlinked', () => {
    const r = resolve([[person('ada-lovelace', 'Ada Lovelace')], [person('byron-lovelace', 'Byron Lovelace')], [person('lovelace', 'Lovelace')]], 'people');
    expect(r.idOf(0, 'ada-lovelace')).not.toBe(r.idOf(1, 'byron-lovelace'));
    expect(r.idOf(2, 'lovelace')).toBe('lovelace');
  });

  it('joins organizations and places by name or alias across articles', () => {
    const r = resolve([[{ id: 'acme', name: 'Acme', aliases: ['Acme Corp.'] }], [{ id: 'acme-corp', name: 'Acme Corp.', aliases: [] }]], 'organizations');
    expect(r.idOf(1, 'acme-corp')).toBe(r.idOf(0, 'acme'));
  });

  it('joins issues across articles by name, singular or plural, but never through their aliases', () => {
    const issue = (id: string, name: string, aliases: string[] = []) => ({ id, name, aliases });
    const r = resolve([
      [issue('sales-growth', 'Sales growth', ['growth', 'revenue'])],
      [issue('growth', 'Growth', ['expansion'])],
      [issue('wage-growth', 'Wage growth', ['growth', 'pay'])],
      [issue('canals', 'Canals', ['waterways'])],
      [issue('canal', 'Canal')],
    ], 'issues');
    expect(r.idOf(3, 'canals')).toBe(r.idOf(4, 'canal'));
    const growth = [r.idOf(0, 'sales-growth'), r.idOf(1, 'growth'), r.idOf(2, 'wage-growth')];
    expect(new Set(growth).size).toBe(3);
  });

  it('lists an issue once in a briefing where two of its issues are one for the corpus', () => {
    const { article } = processFile('in/a.txt', new TextEncoder().encode('Boats crowd the old canal.\n\nThe canals need dredging, a council said.'), { title: 'Canal boats' });
    article!.facts.issues = [
      { id: 'canal', name: 'Canal', aliases: ['waterway'], sentences: ['s1'], weight: 1 },
      { id: 'canals', name: 'Canals', aliases: [], sentences: ['s2'], weight: 0.5 },
    ];
    const [briefing] = linkCorpus([article!]);
    expect(briefing!.data.issues).toEqual([{ id: 'canals', name: 'Canals', aliases: ['Canal', 'waterway'], sentences: ['s1', 's2'], weight: 1 }]);
  });

  it('links each name in a sentence once, longest first, leaving fixed spans alone', () => {
    const parts = linkSentence('Ada Lovelace met Babbage on 5 May; Lovelace wrote.', [
      { surface: 'Lovelace', to: 'people/ada' },
      { surface: 'Ada Lovelace', to: 'people/ada' },
      { surface: 'Babbage', to: 'people/charles' },
    ], [{ start: 28, end: 33, to: 'dates/1843-05-05' }]);
    expect(parts.filter((p) => p.type === 'mention').map((p) => `${p.value}>${p.type === 'mention' ? p.to : ''}`)).toEqual([
      'Ada Lovelace>people/ada', 'Babbage>people/charles', '5 May>dates/1843-05-05', 'Lovelace>people/ada',
    ]);
    expect(parts.map((p) => p.value).join('')).toBe('Ada Lovelace met Babbage on 5 May; Lovelace wrote.');
  });

  it('does not link a name inside a longer word', () => {
    expect(linkSentence('Adams and Adamson', [{ surface: 'Adams', to: 'x' }], []).filter((p) => p.type === 'mention')).toHaveLength(1);
  });

  it('gives date pages only to calendar values, and a time the page of its day', () => {
    expect(['2025', '2025-10', '2025-10-03', '2025-W38', '2025-Q3', '2025-SU'].every((v) => datePage(v) === v)).toBe(true);
    expect(['2025-10-03T10:00', '2025-10-03TAF'].map(datePage)).toEqual(['2025-10-03', '2025-10-03']);
    expect(['PAST_REF', 'XXXX-12-16', 'XXXX-WXX-2T09:00', '2025-10T10:00'].map(datePage)).toEqual([null, null, null, null]);
  });
});

describe('slugs', () => {
  it('are ASCII, hyphenated and never empty', () => {
    expect(slugify('Mayor Asks Okafor: “Avoid” Café Deals!')).toBe('mayor-asks-okafor-avoid-cafe-deals');
    expect(new SlugRegistry('article').claim('!!!')).toBe('article');
    expect(slugify('Łódź mayor meets Москва delegation')).toBe('lodz-mayor-meets-moskva-delegation');
  });

  it('are unique for colliding titles', () => {
    const slugs = new SlugRegistry('article');
    expect(['Same Title', 'same title', 'Same: Title'].map((t) => slugs.claim(t))).toEqual(['same-title', 'same-title-2', 'same-title-3']);
  });
});
