import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/analyse/figures/index.ts';
import { keyFact, summarize } from '../../src/analyse/summary/index.ts';
import type { DateFact, Facts, Sentence } from '../../src/analyse/types.ts';
import { entity, prose } from './tagged.ts';

// A made-up story about a port strike, with the furniture news pages carry.
const story = prose(
  ['title', 'Dockers at Harlow strike over pay'],
  'Dock workers at the port of Harlow walked out on Monday in a dispute over pay, halting the loading of 40 ships.',
  'Harlow Port Authority said the strike would cost the regional economy £3m a day.',
  'Dock workers at the port of Harlow on strike (File)',
  ['heading', 'What happens next?'],
  '“We have been patient for two years,” said union leader Mara Quint.',
  'Talks between the union and Harlow Port Authority are due to resume on Thursday, the authority said.',
  'Why does the port matter so much?The port handles a third of the country’s grain exports, and prices rose 4% after the walkout began.',
  'However, the authority (which runs three other ports) said it would not raise its offer, which was made in March.',
  'The union has called for a second strike in the autumn if no deal is reac',
);

function factsOf(sentences: Sentence[]): Omit<Facts, 'summary' | 'keyFacts'> {
  const dated = (text: string): DateFact[] =>
    sentences.filter((s) => s.text.includes(text)).map((s) => ({ text, value: 'XXXX', mod: null, sentence: s.id, start: s.text.indexOf(text), end: s.text.indexOf(text) + text.length }));
  return {
    people: [entity(sentences, 'Mara Quint', ['Quint'])],
    organizations: [entity(sentences, 'Harlow Port Authority', ['the authority'])],
    places: [entity(sentences, 'Harlow')],
    issues: [{ id: 'strike', name: 'Strike', aliases: [], sentences: sentences.filter((s) => /strike/.test(s.text)).map((s) => s.id), weight: 1 }],
    dates: [...dated('on Monday'), ...dated('on Thursday'), ...dated('in March')],
    figures: extractFigures(sentences),
    quotes: [],
  };
}

describe('summarize', () => {
  it('says what happened in two or three complete sentences from the lead, in article order', () => {
    const { summary, summarySource } = summarize(story, factsOf(story), null);
    expect(summarySource).toBe('extracted');
    expect(summary.length).toBeGreaterThanOrEqual(2);
    expect(summary.length).toBeLessThanOrEqual(3);
    expect(summary[0]).toBe(story.find((s) => s.text.startsWith('Dock workers at the port of Harlow walked out'))!.text);
    const order = summary.map((text) => story.findIndex((s) => s.text === text));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('starts the bottom line with the news, not the wire dateline before it', () => {
    const wire = prose(
      ['title', 'Dockers at Harlow strike over pay'],
      'HARLOW, March 3 (Coastwire) - Dock workers at the port of Harlow walked out on Monday in a dispute over pay, halting the loading of 40 ships.',
      'Harlow Port Authority said the strike would cost the regional economy £3m a day.',
      'Talks are due to resume on Thursday, the authority said.',
    );
    const { summary } = summarize(wire, factsOf(wire), null);
    expect(summary[0]).toBe('Dock workers at the port of Harlow walked out on Monday in a dispute over pay, halting the loading of 40 ships.');
    expect(summary.filter((s) => s.includes('Coastwire'))).toEqual([]);
  });

  it('never uses a sentence cut inside a quotation, nor one that leans on the one before', () => {
    const story2 = prose(
      ['title', 'Dockers at Harlow strike over pay'],
      'Dock workers at the port of Harlow walked out on Monday in a dispute over pay, halting the loading of 40 ships.',
      'Union leader Mara Quint called it "a last resort," adding: "We did our best.',
      'Now the port must do its part," she said on Monday.',
      'It also gives the port authority new powers to hire 300 temporary staff on Tuesday.',
      'Harlow Port Authority said the strike would cost the regional economy £3m a day.',
      'Talks between the union and Harlow Port Authority are due to resume on Thursday, the authority said.',
    );
    const { summary, keyFacts } = summarize(story2, factsOf(story2), null);
    for (const text of [...summary, ...keyFacts]) expect(text).not.toMatch(/We did our best|Now the port|^It also/);
    expect(summary.length).toBeGreaterThanOrEqual(2);
  });

  it('never uses a title, heading, question, caption, quote or cut-off sentence', () => {
    const { summary, keyFacts } = summarize(story, factsOf(story), null);
    for (const text of [...summary, ...keyFacts]) {
      expect(text).not.toMatch(/\(File\)|\?|^“|reac\.?$|^Dockers at Harlow strike over pay$/);
    }
  });

  it('builds three to six key facts from sentences with dates and figures, trimmed of asides', () => {
    const { summary, keyFacts } = summarize(story, factsOf(story), null);
    expect(keyFacts.length).toBeGreaterThanOrEqual(3);
    expect(keyFacts.length).toBeLessThanOrEqual(6);
    expect(keyFacts).toContain('The authority said it would not raise its offer.');
    expect(keyFacts.some((f) => summary.includes(f))).toBe(false);
    for (const fact of keyFacts) expect(fact).toMatch(/^\p{Lu}.*[.!]$/u);
  });

  it('cuts a trailing aside from a key fact, but never the figure it holds', () => {
    const [sentence] = prose('The council has frozen its own harbour charges, which had risen by 12% since the start of the decade, with a review due later.');
    expect(keyFact(sentence!, ['12%'])).toBe('The council has frozen its own harbour charges, which had risen by 12% since the start of the decade.');
    expect(keyFact(sentence!, [])).toBe('The council has frozen its own harbour charges.');
    expect(keyFact(prose('However, ferry passengers said they would stop travelling, while others said they had no choice.')[0]!, [])).toBe('Ferry passengers said they would stop travelling.');
  });

  it('never cuts a key fact down to a subject without its verb', () => {
    const [sentence] = prose('Former harbour commissioner Odile Marchetti-Brun of Port Vell, who chaired the two-day talks, called the deal "a fair start" and asked the ferry firms to match it.');
    expect(keyFact(sentence!, [])).toBe(sentence!.text);
    const [aside] = prose('The Coastal Ferries and Harbours Authority of Port Vell, which runs the six routes, will take over the new fund from January.');
    expect(keyFact(aside!, [])).toBe(aside!.text);
  });

  it("uses the outlet's own summary for the key facts and says so", () => {
    const outlet = ['Dockers strike over pay', 'Talks resume on Thursday', 'Grain prices up 4%'];
    const { summary, keyFacts, summarySource } = summarize(story, factsOf(story), outlet);
    expect(summarySource).toBe('outlet');
    expect(keyFacts).toEqual(outlet);
    expect(summary.length).toBeGreaterThanOrEqual(2);
  });
});
