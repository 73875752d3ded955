import { describe, expect, it } from 'vitest';
import { toExtractJson } from '../../src/cli/extract-json.ts';
import { processFile } from '../../src/pipeline/build.ts';

const ARTICLE = `---
published: 2024-03-04
---
Ferry Strike Called Off

Crews at the harbour called off a strike planned for Friday. Owners had given the union until 5 p.m. Wednesday to accept the offer, and it did so on Monday.
`;

describe('extract --json', () => {
  it('lists the DATEs and, apart, the TIMEs (a day with its clock time), each with its sentence', () => {
    const { article } = processFile('in/ferry.txt', new TextEncoder().encode(ARTICLE), undefined);
    const json = toExtractJson(article!);
    expect(json.dates.map((d) => [d.text, d.value])).toEqual([['Friday', '2024-03-08'], ['Monday', '2024-03-04']]);
    expect(json.times.map((d) => [d.text, d.value])).toEqual([['5 p.m. Wednesday', '2024-03-06T17:00']]);
    expect(json.times[0]!.sentence).toMatch(/^Owners had given the union/);
  });
});
