import { describe, expect, it } from 'vitest';
import { clean, kinds } from './helpers.ts';

const body = 'The council voted on Tuesday to close the old bridge to lorries after an inspection found cracks.';

describe('clean stage', () => {
  it('takes the first line as headline and drops the headline when the page repeats it', () => {
    const c = clean(`Council Shuts Bridge To Lorries\n\n${body}\nCouncil Shuts Bridge To Lorries\nEngineers said repairs would take a year.`);
    expect(c.meta.title).toBe('Council Shuts Bridge To Lorries');
    expect(kinds(c)).toEqual(['title: Council Shuts Bridge To Lorries', `paragraph: ${body}`, 'paragraph: Engineers said repairs would take a year.']);
  });

  it('prefers the metadata headline and removes a first line that repeats it', () => {
    const c = clean(`Bridge shut\n${body}`, 'a.txt', { title: 'Bridge Shut' });
    expect(c.meta.title).toBe('Bridge Shut');
    expect(c.blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(1);
  });

  it('drops a repeat of the headline in capitals or in quotation marks', () => {
    const c = clean(`Bridge Shut\n${body}\nBRIDGE SHUT\n“Bridge shut”\nEngineers said repairs would take a year.`);
    expect(c.blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(2);
  });

  it('drops photo captions ending in a credit such as (File)', () => {
    const c = clean(`Headline Here\nThe mayor of the town at a rally (File)\n${body}\nA view of the bridge (Reuters)\nEngineers said repairs would take a year.`);
    expect(c.blocks.map((b) => b.text).join('\n')).not.toMatch(/rally|view of the bridge/);
    expect(c.file.messages.filter((m) => m.ruleId === 'caption')).toHaveLength(2);
  });

  it('splits a question heading glued to the next sentence', () => {
    const c = clean(`Headline Here\n${body}\nWhat happens to the traffic now?Drivers will be sent through the town centre.`);
    expect(kinds(c).slice(2)).toEqual(['heading: What happens to the traffic now?', 'paragraph: Drivers will be sent through the town centre.']);
  });

  it('does not split a question followed by a space or inside a sentence', () => {
    const c = clean(`Headline Here\nWho pays? Nobody knows yet, officials said on Tuesday after the meeting.`);
    expect(kinds(c)[1]).toMatch(/^paragraph: Who pays\? Nobody/);
  });

  it('makes short stand-alone lines between paragraphs section headings', () => {
    const c = clean(`Headline Here\n${body}\nRepair Costs\nThe repairs are expected to cost more than the council budgeted for this year.`);
    expect(kinds(c)[2]).toBe('heading: Repair Costs');
  });

  it('keeps an outlet summary block apart, labelled, with its note', () => {
    const c = clean(`Key Takeaways\nSummary written by a machine\n-\nThe bridge is closed to lorries\n-\nRepairs take a year\n${body}`, 'a.txt', { title: 'Bridge' });
    expect(c.outletSummary).toEqual({ label: 'Key Takeaways', note: 'Summary written by a machine', items: ['The bridge is closed to lorries', 'Repairs take a year'] });
    expect(kinds(c)).toEqual(['title: Bridge', `paragraph: ${body}`]);
  });

  it('accepts inline bullets in the summary block', () => {
    const c = clean(`Highlights\n• First point here\n• Second point here\n${body}`, 'a.txt', { title: 'Bridge' });
    expect(c.outletSummary?.items).toEqual(['First point here', 'Second point here']);
  });

  it('removes trailing boilerplate such as a recommended-stories list', () => {
    const c = clean(`Headline Here\n${body}\nRECOMMENDED FOR YOU\n\nOther Story About Trains\n\nAnother Story About Buses`);
    expect(kinds(c)).toEqual(['title: Headline Here', `paragraph: ${body}`]);
    expect(c.file.messages.some((m) => m.ruleId === 'boilerplate')).toBe(true);
  });

  it('drops a one-line pointer to other stories, such as "Related:", and does not read it as a cut-off text', () => {
    const c = clean(`Headline Here\n${body}\nRelated: Rail strikes and what the new rules mean for the passengers you know\nSee also: Bridge repairs across the county in the coming months`);
    expect(kinds(c)).toEqual(['title: Headline Here', `paragraph: ${body}`]);
    expect(c.truncated).toBeNull();
  });

  it('flags a text that ends mid-word and keeps the broken word out of the analysed text', () => {
    const c = clean(`Headline Here\n${body}\nThe council also said it would ask the government for money to rebuild the bri`);
    expect(c.truncated).toEqual({ fragment: 'bri' });
    expect(c.blocks.at(-1)?.text).toBe('The council also said it would ask the government for money to rebuild the');
    expect(c.file.messages.some((m) => m.ruleId === 'truncated')).toBe(true);
  });

  it('does not flag a complete last paragraph', () => {
    expect(clean(`Headline Here\n${body}`).truncated).toBeNull();
  });

  it('reads Markdown structure: headings stay headings, lists become paragraphs', () => {
    const c = clean(`---\ntitle: From Markdown\npublished: 2024-02-03\n---\n## Background\n\n${body}\n\n- a listed point that is long enough to read.\n`, 'a.md');
    expect(c.meta).toMatchObject({ title: 'From Markdown', published: '2024-02-03' });
    expect(kinds(c)).toEqual(['title: From Markdown', 'heading: Background', `paragraph: ${body}`, 'paragraph: a listed point that is long enough to read.']);
  });
});
