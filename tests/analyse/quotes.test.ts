import { describe, expect, it } from 'vitest';
import { extractQuotes, findQuoteSpans } from '../../src/analyse/quotes/index.ts';
import type { Entity, Sentence } from '../../src/analyse/types.ts';
import { entity, prose } from './tagged.ts';

function quotes(sentences: Sentence[], people: Entity[], organizations: Entity[] = []): [string | null, string, string][] {
  return extractQuotes(sentences, { people, organizations }).map((q) => [q.speaker, q.text, q.sentence]);
}

describe('findQuoteSpans', () => {
  it('reads curly and straight double quotes and curly single quotes', () => {
    const sentences = prose(
      '“We will rebuild the harbour,” she said. He replied: "Not with this budget you won\'t."',
      '‘It was the leaders’ decision to go,’ a guard said.',
    );
    expect(findQuoteSpans(sentences).map((s) => s.text)).toEqual([
      'We will rebuild the harbour,',
      "Not with this budget you won't.",
      'It was the leaders’ decision to go,',
    ]);
  });
});

describe('extractQuotes', () => {
  it('attributes “…,” X said and “…,” said X, <role>', () => {
    const sentences = prose(
      '“We will rebuild the harbour before winter,” Mayor Jane Okafor said on Monday.',
      '“The numbers simply do not add up,” said Tomas Reyes, chief economist at Harlow Bank.',
    );
    const people = [entity(sentences, 'Jane Okafor', ['Okafor']), entity(sentences, 'Tomas Reyes', ['Reyes'])];
    expect(quotes(sentences, people)).toEqual([
      ['Jane Okafor', 'We will rebuild the harbour before winter', 's1'],
      ['Tomas Reyes', 'The numbers simply do not add up', 's2'],
    ]);
  });

  it('attributes “…,” X, <age>, told …', () => {
    const sentences = prose('“We have shown that division can be beaten,” Okafor, 38, told supporters in Leeds.');
    const people = [entity(sentences, 'Jane Okafor', ['Okafor'])];
    expect(quotes(sentences, people)).toEqual([['Jane Okafor', 'We have shown that division can be beaten', 's1']]);
  });

  it('attributes “…,” <role>, X, said and “…,” X, <role>, said, the name before the role', () => {
    const sentences = prose(
      '“Mr Okafor will appeal the ruling at once,” his lawyer, Dorin Pelle of Marsh & Tove LLP, said in a statement.',
      '“The harbour board acted within the law,” Tomas Reyes, its counsel, said.',
      'The U.S. Harbour Commissioner for the Port of Tarvik, Ana Ruiz, said the ruling sent “a clear signal to every shipping line”.',
    );
    const people = [entity(sentences, 'Dorin Pelle', ['Pelle']), entity(sentences, 'Tomas Reyes', ['Reyes']), entity(sentences, 'Ana Ruiz', ['Ruiz'])];
    const organizations = [entity(sentences, 'Port of Tarvik')];
    expect(extractQuotes(sentences, { people, organizations }).map((q) => q.speaker)).toEqual(['Dorin Pelle', 'Tomas Reyes', 'Ana Ruiz']);
  });

  it('takes no subject after a finished quote for its speaker when the clause reports other words', () => {
    const sentences = prose(
      'Harbour master Jane Okafor spoke to the council on Monday.',
      '“The wall failed in three places. We need a new one.” Tomas Reyes, an engineer at Harlow Bank, said repairs would take a year.',
      '“The sea rose faster than anyone expected.” Tomas Reyes told the board that the work would start in May.',
    );
    const people = [entity(sentences, 'Jane Okafor', ['Okafor']), entity(sentences, 'Tomas Reyes', ['Reyes'])];
    expect(quotes(sentences, people).map((q) => q[0])).not.toContain('Tomas Reyes');
  });

  it('gives “she said” to the last woman named, not the man who spoke last', () => {
    const sentences = prose(
      '“We will rebuild the harbour wall before winter,” Jane Okafor said.',
      '“The budget is far too small for that,” said Tomas Reyes.',
      '“Then we will find more money,” she said.',
      '“Not from my department,” said Mr Reyes.',
    );
    const people = [entity(sentences, 'Jane Okafor', ['Okafor']), entity(sentences, 'Tomas Reyes', ['Reyes', 'Mr Reyes'])];
    expect(quotes(sentences, people).map((q) => q[0])).toEqual(['Jane Okafor', 'Tomas Reyes', 'Jane Okafor', 'Tomas Reyes']);
  });

  it('gives a quote to whom a possessive qualifies, not to its owner, unless the owner\'s statement speaks', () => {
    const sentences = prose(
      '“We could use the money,” Mr Okafor\'s son Stephen, 57, said.',
      '“The signal is clear,” Harlow Bank\'s Tomas Reyes said.',
      '“I apologise to everyone,” Mr Okafor\'s statement said.',
    );
    const people = [entity(sentences, 'Jane Okafor', ['Okafor']), entity(sentences, 'Tomas Reyes', ['Reyes'])];
    const organizations = [entity(sentences, 'Harlow Bank')];
    expect(extractQuotes(sentences, { people, organizations }).map((q) => q.speaker)).toEqual(["Mr Okafor's son Stephen", 'Tomas Reyes', 'Jane Okafor']);
  });

  it('attributes X said: “…”, X wrote on <platform> and according to X', () => {
    const sentences = prose(
      'Okafor told reporters: “Shipments will resume next week.”',
      '“Thank you to every volunteer who helped tonight!” Okafor wrote on her blog.',
      '“The harbour wall failed in three places,” according to Harlow Bank.',
    );
    const people = [entity(sentences, 'Jane Okafor', ['Okafor'])];
    const organizations = [entity(sentences, 'Harlow Bank')];
    const found = extractQuotes(sentences, { people, organizations });
    expect(found.map((q) => [q.speaker, q.speakerId, q.speakerKind])).toEqual([
      ['Jane Okafor', 'jane-okafor', 'person'],
      ['Jane Okafor', 'jane-okafor', 'person'],
      ['Harlow Bank', 'harlow-bank', 'organization'],
    ]);
  });

  it('joins a quote that spans several sentences and resolves "he added" to the last person speaking', () => {
    const sentences = prose(
      '“I have spoken to the families. They deserve answers,” Tomas Reyes said. Later the council met.',
      '“We will publish everything,” he added.',
    );
    const people = [entity(sentences, 'Tomas Reyes', ['Reyes'])];
    expect(quotes(sentences, people)).toEqual([
      ['Tomas Reyes', 'I have spoken to the families. They deserve answers', 's1'],
      ['Tomas Reyes', 'We will publish everything', 's4'],
    ]);
  });

  it('resolves "she said" to the subject of the sentence before, when that sentence quotes no one', () => {
    const sentences = prose(
      '“Repairs will take a week,” said Tomas Reyes, the minister.',
      'Lena Fisk urged allies to send generators.',
      '“Every generator saves lives,” she wrote on Telegram.',
      'Officials met again on Friday.',
      '“We are close,” she said.',
    );
    const people = [entity(sentences, 'Tomas Reyes', ['Reyes']), entity(sentences, 'Lena Fisk', ['Fisk'])];
    expect(quotes(sentences, people).map(([speaker]) => speaker)).toEqual(['Tomas Reyes', 'Lena Fisk', 'Lena Fisk']);
  });

  it('takes for that subject a name set off by commas after a role, not one after a verb', () => {
    const sentences = prose(
      '“Repairs will take a week,” said Tomas Reyes, the minister.',
      'Peru’s energy minister, Dr. Lena Fisk, urged allies to send generators.',
      '“Every generator saves lives,” she said.',
      'He thanked the engineer he met, Ana Ruiz, for her work.',
      '“She never slept,” he said.',
    );
    const people = [entity(sentences, 'Tomas Reyes', ['Reyes']), entity(sentences, 'Lena Fisk', ['Fisk']), entity(sentences, 'Ana Ruiz', ['Ruiz'])];
    const speakers = quotes(sentences, people).map(([speaker]) => speaker);
    expect(speakers.slice(0, 2)).toEqual(['Tomas Reyes', 'Lena Fisk']);
    expect(speakers[2]).not.toBe('Ana Ruiz');
  });

  it('takes for that subject a person after a team or company that modifies the role ("Harlow coach X said")', () => {
    const sentences = prose(
      '“We earned it,” said Tomas Reyes, the Dunmore captain.',
      'Harlow coach Lena Fisk said her side had started slowly.',
      '“We gave away two goals,” she said.',
      'Harlow signed Ana Ruiz in May.',
      '“She fits,” he said.',
    );
    const people = [entity(sentences, 'Tomas Reyes', ['Reyes']), entity(sentences, 'Lena Fisk', ['Fisk']), entity(sentences, 'Ana Ruiz', ['Ruiz'])];
    const organizations = [entity(sentences, 'Harlow', [])];
    const speakers = quotes(sentences, people, organizations).map(([speaker]) => speaker);
    expect(speakers.slice(0, 2)).toEqual(['Tomas Reyes', 'Lena Fisk']);
    expect(speakers[2]).not.toBe('Ana Ruiz');
  });

  it('carries a quote paragraph without attribution on from the previous speaker', () => {
    const sentences = prose(
      '“The storm took the roof off the school,” said Jane Okafor.',
      '“Nobody was hurt, and that is what matters most.”',
    );
    const people = [entity(sentences, 'Jane Okafor', ['Okafor'])];
    expect(quotes(sentences, people).map((q) => q[0])).toEqual(['Jane Okafor', 'Jane Okafor']);
  });

  it('follows a quote that opens in one paragraph and closes in a later one', () => {
    const sentences = prose(
      '“The first thing we did was count the boats.',
      '“Then we counted the people, and nobody was missing,” Okafor said.',
      'She later said: “It was the longest night of my life.',
      'Everyone stayed until dawn.”',
    );
    const people = [entity(sentences, 'Jane Okafor', ['Okafor'])];
    expect(quotes(sentences, people)).toEqual([
      ['Jane Okafor', 'The first thing we did was count the boats. Then we counted the people, and nobody was missing', 's1'],
      ['Jane Okafor', 'It was the longest night of my life. Everyone stayed until dawn.', 's3'],
    ]);
  });

  it('takes institutions as speakers, resolved to an organization or kept as said', () => {
    const sentences = prose(
      'Officials at the Ministry of Transport were not available.',
      'On Tuesday the ministry simply stated that “all ferry routes remain under review.”',
      'Norland’s energy regulator said that “prices will be capped for the winter months.”',
    );
    const organizations = [entity(sentences, 'Ministry of Transport')];
    expect(quotes(sentences, [], organizations).map((q) => q[0])).toEqual(['Ministry of Transport', 'Norland’s energy regulator']);
  });

  it('resolves "the company" to the company the article is most about, not a court nor a firm of analysts', () => {
    const sentences = prose(
      'Tarnwell Foods lost its appeal at the Supreme Court on Monday.',
      'Tarnwell Foods had argued that the ban was unlawful, and analysts at Quellmark agreed.',
      '“We will study the ruling carefully,” the company said.',
      '“Both firms will keep talking,” the firms said.',
    );
    const organizations = [entity(sentences, 'Tarnwell Foods'), entity(sentences, 'Supreme Court'), entity(sentences, 'Quellmark')];
    expect(quotes(sentences, [], organizations).map((q) => q[0])).toEqual(['Tarnwell Foods', 'firms']);
  });

  it('keeps partial quotes inside a sentence, with the subject as speaker', () => {
    const sentences = prose('Jane Okafor hailed what she called “a turning point for the town” after the vote.');
    const people = [entity(sentences, 'Jane Okafor', ['Okafor'])];
    expect(quotes(sentences, people)).toEqual([['Jane Okafor', 'a turning point for the town', 's1']]);
  });

  it('resolves a role to the person who holds it', () => {
    const sentences = prose(
      'Mayor Jane Okafor visited the harbour.',
      '“This wall will be rebuilt in stone,” the mayor said.',
    );
    const people = [entity(sentences, 'Jane Okafor', ['Okafor'], ['mayor'])];
    expect(quotes(sentences, people).map((q) => q[0])).toEqual(['Jane Okafor']);
  });

  it('skips scare quotes of one or two words', () => {
    const sentences = prose('The so-called “harbour deal” was part of a “fresh start” campaign for “growth”.');
    expect(quotes(sentences, [])).toEqual([]);
  });

  it('ignores quotes in titles and headings', () => {
    const sentences = prose(['title', '“We will rebuild”: mayor vows action'], ['heading', '“A long night”']);
    expect(quotes(sentences, [])).toEqual([]);
  });
});
