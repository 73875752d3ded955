import { describe, expect, it } from 'vitest';
import { splitSentences, tagPos, tokenize } from '../../src/analyse/text/index.ts';

const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));
const toks = (t: string) => tokenize(t).map((x) => x.text);

describe('splitSentences', () => {
  it('keeps abbreviations, initials and decimals inside the sentence', () => {
    expect(split('Dr. Ann Lee met Mr. J. R. Cole at 9 a.m. on Feb. 3. Growth was 2.5 percent.')).toEqual([
      'Dr. Ann Lee met Mr. J. R. Cole at 9 a.m. on Feb. 3.',
      'Growth was 2.5 percent.',
    ]);
    expect(split('Acme Co. Ltd. and Zeta Inc. agreed. St. Paul is calm.')).toEqual([
      'Acme Co. Ltd. and Zeta Inc. agreed.',
      'St. Paul is calm.',
    ]);
  });

  it('ends a sentence at a company suffix or U.S. when a new sentence clearly starts', () => {
    expect(split('She sold shares of Fabrikam Corp. The stock fell. He moved to the U.S. In May he left.')).toEqual([
      'She sold shares of Fabrikam Corp.',
      'The stock fell.',
      'He moved to the U.S.',
      'In May he left.',
    ]);
    expect(split('The U.S. Senate voted on No. 7 of the bills.')).toHaveLength(1);
  });

  it('does not split a quote followed by an attribution or a lower-case continuation', () => {
    expect(split('“We will win!” Smith shouted. The crowd cheered.')).toEqual(['“We will win!” Smith shouted.', 'The crowd cheered.']);
    expect(split('"Is it over?" she asked. "No."')).toEqual(['"Is it over?" she asked.', '"No."']);
    expect(split('“It is done.” The room went quiet.')).toHaveLength(2);
  });

  it('handles ellipses, missing final periods, glued headings and line breaks', () => {
    expect(split('Prices rose... Then they fell')).toEqual(['Prices rose...', 'Then they fell']);
    expect(split('Why now?Officials said the plan was ready')).toEqual(['Why now?', 'Officials said the plan was ready']);
    expect(split('Budget Talks\nThe council met.')).toEqual(['Budget Talks', 'The council met.']);
  });

  it('returns offsets into the paragraph', () => {
    const t = '  One.  Two!  ';
    expect(splitSentences(t)).toEqual([{ start: 2, end: 6 }, { start: 8, end: 12 }]);
  });
});

describe('tokenize', () => {
  it('gives exact offsets', () => {
    const t = '“Acme’s CEO,” said Ms. Roe — 45% of US$3.5bn.';
    for (const tok of tokenize(t)) expect(t.slice(tok.start, tok.end)).toBe(tok.text);
  });

  it('splits punctuation, clitics and quotes, keeps abbreviations and hyphenated words', () => {
    expect(toks('“Acme’s CEO,” said Ms. Roe.')).toEqual(['“', 'Acme', '’s', 'CEO', ',', '”', 'said', 'Ms.', 'Roe', '.']);
    expect(toks("The U.S.-led Euro-Atlantic group won't rise 12.5% to $1,200.")).toEqual([
      'The', 'U.S.-led', 'Euro-Atlantic', 'group', 'wo', "n't", 'rise', '12.5', '%', 'to', '$', '1,200', '.',
    ]);
    expect(toks("Fabrikam Ltd.'s O'Neill met UK-India envoys' aides")).toEqual([
      'Fabrikam', 'Ltd.', "'s", "O'Neill", 'met', 'UK-India', 'envoys', "'", 'aides',
    ]);
  });
});

describe('tagPos', () => {
  it('tags a plain sentence with Penn Treebank tags', () => {
    const tokens = tokenize('The company said profits rose sharply in Germany.');
    tagPos(tokens);
    expect(tokens.map((t) => t.pos)).toEqual(['DT', 'NN', 'VBD', 'NNS', 'VBD', 'RB', 'IN', 'NNP', '.']);
  });
});

describe('splitSentences: stray punctuation', () => {
  it('keeps a lone period with the sentence before it', () => {
    expect(split('Supplies reached the US. . Prices fell.')).toEqual(['Supplies reached the US. .', 'Prices fell.']);
    expect(split('It ended ... .')).toEqual(['It ended ... .']);
  });
});
