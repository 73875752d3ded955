import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/analyse/figures/index.ts';
import { prose, tagged } from './tagged.ts';

function figures(source: string): [string, string][] {
  return extractFigures([tagged('s1', source)]).map((f) => [f.kind, f.text]);
}

describe('extractFigures', () => {
  it('finds percentages written with a sign or in words', () => {
    expect(figures('Prices/NNS rose/VBD 145%/CD ,/, then/RB 20/CD percent/NN ,/, a/DT 3.5/CD per/IN cent/NN rise/NN ./.')).toEqual([
      ['percent', '145%'],
      ['percent', '20 percent'],
      ['percent', '3.5 per cent'],
    ]);
    expect(figures('Rates/NNS fell/VBD 2/CD percentage/NN points/NNS ./.')).toEqual([['percent', '2 percentage points']]);
  });

  it('finds money with symbols, codes, scales and currency words', () => {
    expect(
      figures('It/PRP paid/VBD $1.5/CD billion/CD ,/, £20m/CD ,/, €3bn/CD ,/, US$ 200/CD and/CC 5/CD million/CD yuan/NN ./.'),
    ).toEqual([
      ['money', '$1.5 billion'],
      ['money', '£20m'],
      ['money', '€3bn'],
      ['money', 'US$ 200'],
      ['money', '5 million yuan'],
    ]);
    expect(figures('Profits/NNS hit/VBD $1.13bn/CD (/( £600m/CD )/) ./.')).toEqual([
      ['money', '$1.13bn'],
      ['money', '£600m'],
    ]);
  });

  it('finds counts with their noun', () => {
    expect(
      figures('The/DT state/NN added/VBD 32/CD companies/NNS ,/, two/CD million/CD barrels/NNS and/CC 1,200/CD new/JJ jobs/NNS ./.'),
    ).toEqual([
      ['count', '32 companies'],
      ['count', 'two million barrels'],
      ['count', '1,200 new jobs'],
    ]);
    expect(figures('Thousands/NNS of/IN people/NNS marched/VBD ./.')).toEqual([['count', 'Thousands of people']]);
    expect(figures('Unemployment/NN rose/VBD to/TO 1.4/CD million/CD ./.')).toEqual([['count', '1.4 million']]);
    expect(figures('Output/NN rose/VBD 10-12%/CD ,/, to/TO £50bn/CD -/: 14%/CD above/IN plan/NN ./.')).toEqual([
      ['percent', '10-12%'],
      ['money', '£50bn'],
      ['percent', '14%'],
    ]);
  });

  it('finds a number grouped in thousands whose noun came before it', () => {
    expect(figures('Measles/NNS cases/NNS rose/VBD to/TO 127,000/CD last/JJ year/NN ./.')).toEqual([['count', '127,000']]);
    expect(figures('The/DT index/NN closed/VBD at/IN 7,654.32/CD ./.')).toEqual([['count', '7,654.32']]);
    expect(figures('It/PRP rose/VBD to/TO 127/CD on/IN Monday/NNP ./.')).toEqual([]);
    // a change and the level it reached are two figures, not a range
    expect(figures('Unemployment/NN fell/VBD by/IN 32,000/CD to/TO 1.41/CD million/CD ./.')).toEqual([['count', '32,000'], ['count', '1.41 million']]);
    expect(figures('Prices/NNS ranged/VBD from/IN 5,000/CD to/TO 7,000/CD ./.')).toEqual([['count', '5,000 to 7,000']]);
  });

  it('finds quantities with units', () => {
    expect(figures('The/DT road/NN runs/VBZ 50/CD km/NN and/CC carries/VBZ 3/CD tonnes/NNS ,/, 20km/CD from/IN here/RB ./.')).toEqual([
      ['quantity', '50 km'],
      ['quantity', '3 tonnes'],
      ['quantity', '20km'],
    ]);
    // a speed keeps its "per hour", not just its distance
    expect(extractFigures(prose('Gusts reached 110 km/h on the ridge.')).map((f) => f.text)).toEqual(['110 km/h']);
  });

  it('tells a headline figure that the text gives again once, where the text gives it', () => {
    const story = prose(['title', 'Rail operator fined £4.2m over delays'], 'A rail operator was fined £4.2m on Thursday after 12,000 passengers were stranded.');
    expect(extractFigures(story).map((f) => [f.text, f.sentence])).toEqual([
      ['£4.2m', story[1]!.id],
      ['12,000 passengers', story[1]!.id],
    ]);
  });

  it('gives exact offsets in the sentence', () => {
    const [figure] = extractFigures([tagged('s7', 'Sales/NNS rose/VBD 8%/CD ./.')]);
    expect(figure).toEqual({ text: '8%', kind: 'percent', sentence: 's7', start: 11, end: 13 });
  });

  it('skips years, dates, times, ordinals, ages and model names', () => {
    expect(figures('The/DT deadline/NN is/VBZ Dec./NNP 16/CD ,/, 2026/CD ./.')).toEqual([]);
    expect(figures('They/PRP met/VBD on/IN 16/CD December/NNP at/IN 3pm/NN and/CC again/RB at/IN 10:30/CD ./.')).toEqual([]);
    expect(figures('It/PRP was/VBD the/DT 16th/JJ time/NN since/IN World/NNP War/NNP II/NNP ./.')).toEqual([]);
    expect(figures('A/DT 45-year-old/JJ man/NN flew/VBD a/DT Cessna/NNP 172/CD in/IN 2004/CD ./.')).toEqual([]);
    expect(figures('They/PRP waited/VBD two/CD years/NNS and/CC 18/CD months/NNS ./.')).toEqual([]);
  });

  it('skips scores and small references that are not amounts', () => {
    expect(figures('Chelsea/NNP win/VBP 3-1/CD at/IN home/NN', )).toEqual([]);
    expect(figures('The/DT two/CD leaders/NNS met/VBD one/CD of/IN their/PRP$ aides/NNS ./.')).toEqual([]);
  });
});
