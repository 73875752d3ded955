import { describe, expect, it } from 'vitest';
import type { BriefingData, EntityData } from '../src/pipeline/schema.ts';
import { lineCount, textWidth } from '../src/site/brief-measure.ts';
import { clauseAround, rankDates, rankKeyFacts, rankPeople, rankQuotes } from '../src/site/brief-rank.ts';
import { PAGE, TYPE, briefStyle, fitBrief, omittedLine } from '../src/site/brief.ts';
import { calendarKey } from '../src/site/dates.ts';

const person = (name: string, mentions: number, roles: string[] = []): EntityData => ({
  id: name.toLowerCase().replace(/\W+/g, '-'), name, aliases: [], roles, mentions, sentences: ['s1'],
});

function briefing(over: Partial<BriefingData> = {}): BriefingData {
  return {
    title: 'Council Shuts Bridge To Lorries', file: 'seeds/a.txt', source: 'https://news.example.com/bridge', outlet: 'The Gazette',
    published: '2025-09-19', truncated: null, summary: ['The council shut the old bridge to lorries after an inspection found cracks.'],
    summarySource: 'extracted', outletSummary: null, keyFacts: [], people: [], organizations: [], places: [], issues: [],
    dates: [], figures: [], quotes: [], sentences: [{ id: 's1', text: 'The council voted on Tuesday.' }], ...over,
  };
}
const header = (data: BriefingData) => ({ title: data.title, outlet: data.outlet, published: data.published, source: data.source, url: 'https://briefings.example.org/briefings/bridge/' });

describe('measuring text for the printed brief', () => {
  it('gives widths from the Helvetica metrics, bold wider than regular', () => {
    // H 722 + e 556 + l 222 + l 222 + o 556 = 2278 units of 1/1000 em, with 3% to spare.
    expect(textWidth('Hello', 10)).toBeCloseTo(22.78 * 1.03, 2);
    expect(textWidth('Hello', 10, true)).toBeGreaterThan(textWidth('Hello', 10));
    expect(textWidth('深圳', 10)).toBeCloseTo(20 * 1.03, 2);
  });

  it('wraps at spaces and breaks a long address anywhere', () => {
    const sentence = 'The council voted on Tuesday to close the old bridge to lorries after an inspection found cracks.';
    const width = textWidth(sentence, 10);
    expect(lineCount(sentence, width + 1, 10)).toBe(1);
    expect(lineCount(sentence, width / 2, 10)).toBe(3);
    const url = `https://example.com/${'a'.repeat(200)}`;
    // Each line may leave up to a letter's width unused, so give each of the four lines two letters' room.
    expect(lineCount(url, textWidth(url, 9) / 4 + textWidth('aa', 9), 9)).toBe(4);
    expect(lineCount([{ text: 'Name', bold: true }, { text: ' — minister' }], 1000, 9)).toBe(1);
  });
});

describe('ranking the facts of a briefing', () => {
  it('puts the most mentioned people first, and those with a role ahead of equals without', () => {
    const ranked = rankPeople([person('A B', 1), person('C D', 5), person('E F', 1, ['mayor']), person('G H', 3)]);
    expect(ranked.map((p) => p.name)).toEqual(['C D', 'G H', 'E F', 'A B']);
  });

  it('scores key facts by the salience of what they name and by figures', () => {
    const facts = ['The weather was mild.', 'Lorries face a detour of 12 miles.', 'Mayor Ann Lee ordered the closure.'];
    const order = rankKeyFacts(facts, { people: [person('Ann Lee', 6)], organizations: [], places: [], issues: [], figures: [{ text: '12 miles', kind: 'quantity', sentence: 's1' }] });
    expect(order).toEqual([2, 1, 0]);
  });

  it('keeps one line per calendar date, the scheduled and near ones first, with the clause that gives it', () => {
    const sentences = [
      { id: 's1', text: 'The old bridge shut to lorries on Friday, and repairs are due to start on 6 October, the council said.' },
      { id: 's2', text: 'It was built in 1931.' },
      { id: 's3', text: 'Work will finish in 2027, engineers said, years from now.' },
    ];
    const dates = [
      { text: 'Friday', value: '2025-09-19', mod: null, sentence: 's1' },
      { text: '6 October', value: '2025-10-06', mod: null, sentence: 's1' },
      { text: '1931', value: '1931', mod: null, sentence: 's2' },
      { text: '2027', value: '2027', mod: null, sentence: 's3' },
      { text: 'now', value: 'PRESENT_REF', mod: null, sentence: 's3' },
      { text: 'on Friday', value: '2025-09-19', mod: null, sentence: 's1' },
    ];
    const ranked = rankDates({ dates, sentences, published: '2025-09-19' });
    expect(ranked.map((d) => d.value)).toEqual(['2025-10-06', '2025-09-19', '2027', '1931']);
    expect(ranked[0]).toMatchObject({ label: '6 October 2025', scheduled: true, mentions: 1, context: 'and repairs are due to start on 6 October' });
    expect(ranked[1]).toMatchObject({ scheduled: false, mentions: 2, context: 'The old bridge shut to lorries on Friday' });
  });

  it('cuts a long clause to the words around the date', () => {
    const long = 'Officials from the ministry and the council and the port and the railway said repairs to the old bridge over the river would begin in March and last for at least two years';
    const clause = clauseAround(long, 'in March', 10);
    expect(clause).toMatch(/^….*in March.*…$/);
    expect(clause.replace(/…/g, '').split(' ')).toHaveLength(10);
  });

  it('prefers whole quotes by much-mentioned speakers, drops repeats and names the role', () => {
    const q = (text: string, speaker: string | null) => ({ text, speaker, speakerId: speaker && speaker.toLowerCase().replace(/\W+/g, '-'), speakerKind: speaker ? 'person' as const : null, sentence: 's1' });
    const ranked = rankQuotes({
      people: [person('Ann Lee', 9, ['mayor']), person('Bo Ray', 1)],
      organizations: [],
      quotes: [
        q('We had no choice but to close the bridge before someone was hurt.', 'Bo Ray'),
        q('a disgrace', 'Ann Lee'),
        q('The bridge will reopen when it is safe, and not a day before that.', 'Ann Lee'),
        q('The bridge will reopen when it is safe, and not a day before that!', 'Ann Lee'),
        q('Nobody told the hauliers anything about the closure in advance.', null),
      ],
    });
    expect(ranked.map((r) => r.speaker)).toEqual(['Ann Lee, mayor', 'Bo Ray', 'Ann Lee, mayor', null]);
    expect(ranked[0]!.text).toMatch(/^The bridge will reopen/);
    expect(ranked).toHaveLength(4);
  });
});

describe('fitting a brief on one page', () => {
  it('keeps everything of a short briefing and says nothing is missing', () => {
    const data = briefing({ people: [person('Ann Lee', 2, ['mayor'])], keyFacts: ['The bridge is shut.'] });
    const brief = fitBrief(data, header(data));
    expect(brief.people).toEqual([{ name: 'Ann Lee', roles: ['mayor'] }]);
    expect(brief.keyFacts).toEqual(['The bridge is shut.']);
    expect(brief.omitted).toEqual({ keyFacts: 0, people: 0, issues: 0, dates: 0, quotes: 0 });
    expect(omittedLine(brief.omitted)).toBeNull();
    expect(brief.columns).toBe(false);
  });

  it('leaves out the lowest-ranked items of a long briefing and counts them', () => {
    const people = Array.from({ length: 120 }, (_, i) => person(`Person Number${i}`, (i * 37) % 50 + 1, i % 3 ? ['a senior official of the regional transport authority'] : []));
    const keyFacts = Array.from({ length: 60 }, (_, i) => `Fact ${i}: the council said the bridge over the river would stay shut to lorries for at least ${i + 2} months while engineers test it.`);
    const dates = Array.from({ length: 80 }, (_, i) => ({ text: 'on that day', value: `20${20 + (i % 10)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`, mod: null, sentence: 's1' }));
    const quotes = Array.from({ length: 20 }, (_, i) => ({ text: `We will reopen the bridge when it is safe and not before, whatever the hauliers say about it, number ${i}.`, speaker: 'Person Number1', speakerId: 'person-number1', speakerKind: 'person' as const, sentence: 's1' }));
    const issues = Array.from({ length: 40 }, (_, i) => ({ id: `issue-${i}`, name: `Road safety topic ${i}`, aliases: [], sentences: ['s1'], weight: 40 - i }));
    const data = briefing({ people, keyFacts, dates, quotes, issues });
    const brief = fitBrief(data, header(data));

    expect(brief.height).toBeLessThanOrEqual(PAGE.height);
    expect(brief.columns).toBe(true);
    for (const section of ['people', 'keyFacts', 'dates', 'quotes', 'issues'] as const) expect(brief[section].length, section).toBeGreaterThan(0);
    expect(brief.people.length + brief.omitted.people).toBe(120);
    expect(brief.keyFacts.length + brief.omitted.keyFacts).toBe(60);
    expect(brief.dates.length + brief.omitted.dates).toBe(80);
    expect(brief.quotes.length).toBeLessThanOrEqual(2);
    expect(brief.quotes.length + brief.omitted.quotes).toBe(20);
    // Left out by rank: what is shown is the top of each ranking.
    expect(brief.people.map((p) => p.name)).toEqual(rankPeople(people).slice(0, brief.people.length).map((p) => p.name));
    expect(brief.issues).toEqual(issues.slice(0, brief.issues.length).map((i) => i.name));
    const kept = rankDates(data).slice(0, brief.dates.length).map((d) => d.value);
    expect(brief.dates.map((d) => d.value).sort()).toEqual(kept.sort());
    // Shown in reading order: facts as the briefing gives them, dates by the calendar.
    const factIndex = brief.keyFacts.map((f) => keyFacts.indexOf(f));
    expect(factIndex).toEqual([...factIndex].sort((a, b) => a - b));
    const keys = brief.dates.map((d) => calendarKey(d.value));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(omittedLine(brief.omitted)).toMatch(/^\d+ more key facts, \d+ more people, \d+ more issues, \d+ more dates, and \d+ more quotes are in the full briefing online\.$/);
  });

  it('says how many more are online in plain words', () => {
    expect(omittedLine({ keyFacts: 1, people: 0, issues: 0, dates: 0, quotes: 0 })).toBe('1 more key fact is in the full briefing online.');
    expect(omittedLine({ keyFacts: 0, people: 1, issues: 0, dates: 3, quotes: 0 })).toBe('1 more person and 3 more dates are in the full briefing online.');
  });

  it('sizes the page from the same numbers, with no text under 9 pt', () => {
    for (const style of Object.values(TYPE)) expect(style.size).toBeGreaterThanOrEqual(9);
    const style = briefStyle();
    expect(style).toContain(`--b-body-size:${TYPE.body.size}`);
    expect(style).toContain(`--b-width:${+PAGE.width.toFixed(3)}`);
    expect(style).toContain('--b-column-gap:18');
  });
});
