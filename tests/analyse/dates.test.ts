import { describe, expect, it } from 'vitest';
import { extractDates } from '../../src/analyse/dates/index.ts';
import { splitSentences, tagPos, tokenize } from '../../src/analyse/text/index.ts';
import type { DateFact, Sentence } from '../../src/analyse/types.ts';

// Wednesday of ISO week 38
const PUBLISHED = '2025-09-17';

/** Sentences of a text, either bare (no tokens: the extractor's own fallbacks) or tokenized and tagged. */
function sentences(text: string, tagged: boolean): Sentence[] {
  return splitSentences(text).map((span, i) => {
    const s = text.slice(span.start, span.end);
    const tokens = tagged ? tokenize(s) : [];
    if (tagged) tagPos(tokens);
    return { id: `s${i + 1}`, text: s, block: 0, kind: 'paragraph', tokens };
  });
}

const MODES = [
  ['bare sentences', false],
  ['tagged sentences', true],
] as const;

for (const [mode, tagged] of MODES) {
  describe(`extractDates on ${mode}`, () => {
    const run = (text: string, published: string | null = PUBLISHED): DateFact[] => extractDates(sentences(text, tagged), published);
    /** text → value pairs of everything found. */
    const values = (text: string, published: string | null = PUBLISHED): [string, string][] =>
      run(text, published).map((d) => [d.text, d.value]);
    const valueOf = (text: string, span: string, published: string | null = PUBLISHED): string | undefined =>
      run(text, published).find((d) => d.text === span)?.value;

    it('reads absolute dates in the common news formats', () => {
      expect(values('The plant closed on November 3, 2024 after a fire.')).toEqual([['November 3, 2024', '2024-11-03']]);
      expect(values('The report is dated 2025-08-29.')).toEqual([['2025-08-29', '2025-08-29']]);
      expect(valueOf('Voting opened on 22 September and runs for a week.', '22 September')).toBe('2025-09-22');
      expect(valueOf('The strike began Sept. 9, union leaders said.', 'Sept. 9')).toBe('2025-09-09');
    });

    it('takes the year in which a yearless day falls on the weekday named with it', () => {
      // 12 March was a Tuesday in 2024, 5 January is a Monday in 2026
      expect(valueOf('The plant flooded on Tuesday 12 March.', 'Tuesday 12 March')).toBe('2024-03-12');
      expect(valueOf('The plant reopens on Monday, Jan. 5.', 'Monday, Jan. 5')).toBe('2026-01-05');
      // the second day of a pair is not bound to the weekday of the first
      expect(values('The fair runs Friday, Sept. 19 and 20.')).toEqual([['Friday, Sept. 19', '2025-09-19'], ['20', '2025-09-20']]);
    });

    it('picks the year of a yearless day by tense, else the nearest', () => {
      expect(valueOf('Parliament will vote on the bill on Jan. 12.', 'Jan. 12')).toBe('2026-01-12');
      expect(valueOf('The company was listed on Feb. 4 and has since doubled.', 'Feb. 4')).toBe('2025-02-04');
      expect(valueOf('Ballots are due Oct. 2.', 'Oct. 2')).toBe('2025-10-02');
    });

    it('resolves weekdays by tense: ahead for plans, back for reports', () => {
      expect(valueOf('The two leaders will meet on Saturday in Geneva.', 'Saturday')).toBe('2025-09-20');
      expect(valueOf('The minister resigned on Monday.', 'Monday')).toBe('2025-09-15');
      expect(valueOf('Police said Tuesday that two men had been arrested.', 'Tuesday')).toBe('2025-09-16');
      expect(valueOf('Analysts were still digesting Thursday\'s jobs report.', 'Thursday')).toBe('2025-09-11');
      expect(valueOf('The court ruled on Wednesday.', 'Wednesday')).toBe('2025-09-17');
      // "the previous Friday" is the one before the day the story is on, not before today
      expect(values('Shares closed lower on Monday. The index ended 3% below the previous Friday.')).toEqual([
        ['Monday', '2025-09-15'], ['previous Friday', '2025-09-12'],
      ]);
      // "ahead of" looks forward whatever the tense
      expect(valueOf('Traders sold off ahead of the weekend.', 'the weekend')).toBe('2025-W38-WE');
    });

    it('reads "could" and "might" as the nearest day, and "next to" or "the plan" as no future', () => {
      expect(valueOf('The driver could not be found Tuesday at his home.', 'Tuesday')).toBe('2025-09-16');
      expect(valueOf('A decision could come Friday.', 'Friday')).toBe('2025-09-19');
      expect(valueOf('Dozens were hurt in the fire next to the station on Sunday.', 'Sunday')).toBe('2025-09-14');
      expect(valueOf('The council approved the plan June 4.', 'June 4')).toBe('2025-06-04');
      // a participle that only qualifies a noun leaves the tense to the clause's verb (needs the tagger)
      if (tagged) expect(valueOf('A march planned for Saturday was called off.', 'Saturday')).toBe('2025-09-13');
      expect(valueOf('The agenda covers a summit in Oslo scheduled for early August, officials said.', 'early August')).toBe('2026-08');
    });

    it('anchors this/last/next week, month and year on the publication date', () => {
      expect(values('Talks resumed this week after stalling last week, and a deal could come next week.')).toEqual([
        ['this week', '2025-W38'], ['last week', '2025-W37'], ['next week', '2025-W39'],
      ]);
      expect(values('Sales fell last month, are flat this month and should recover next month.')).toEqual([
        ['last month', '2025-08'], ['this month', '2025-09'], ['next month', '2025-10'],
      ]);
      expect(values('Profits rose last year and will rise again this year and next year.')).toEqual([
        ['last year', '2024'], ['this year', '2025'], ['next year', '2026'],
      ]);
      expect(valueOf("Turnout was lower than in last year's referendum.", 'last year')).toBe('2024');
    });

    it('resolves today, yesterday, tomorrow and tonight to days', () => {
      expect(values('The mayor spoke today, after a meeting yesterday, and will travel tomorrow.')).toEqual([
        ['today', '2025-09-17'], ['yesterday', '2025-09-16'], ['tomorrow', '2025-09-18'],
      ]);
      expect(valueOf('The final is tonight.', 'tonight')).toBe('2025-09-17');
    });

    it('reads last, this and next fiscal year like the calendar ones', () => {
      expect(values('Orders fell this fiscal year and should pick up next fiscal year, as in the latest fiscal year.')).toEqual([
        ['this fiscal year', '2025'], ['next fiscal year', '2026'], ['the latest fiscal year', '2024'],
      ]);
    });

    it('keeps early, mid and late as modifiers of the period', () => {
      const found = run('Work starts in late November, peaks in mid-December and ends in early 2027.');
      expect(found.map((d) => [d.text, d.value, d.mod])).toEqual([
        ['late November', '2025-11', 'END'], ['mid-December', '2025-12', 'MID'], ['early 2027', '2027', 'START'],
      ]);
      const more = run('Earlier this month the board met; it expects a decision by the end of the year.');
      expect(more.map((d) => [d.text, d.value, d.mod])).toEqual([
        ['Earlier this month', '2025-09', 'START'], ['the end of the year', '2025', 'END'],
      ]);
    });

    it('reads bare months by tense and preposition', () => {
      expect(valueOf('Prices have risen since April.', 'April')).toBe('2025-04');
      expect(valueOf('The two sides will hold their first talks since April next week.', 'April')).toBe('2025-04');
      expect(valueOf('The rule took effect in March.', 'March')).toBe('2025-03');
      expect(valueOf('The new rule will take effect in February.', 'February')).toBe('2026-02');
      expect(valueOf('The offer stands until December.', 'December')).toBe('2025-12');
      expect(valueOf('Figures for August are not final.', 'August')).toBe('2025-08');
      // a month that qualifies a noun is the nearest one unless the verb is past
      expect(valueOf('The firm will keep trying to sell itself under a July agreement with its lenders.', 'July')).toBe('2025-07');
      expect(valueOf('The council fixed an April date for the vote.', 'April')).toBe('2025-04');
      // a fronted month governs its clause however long the words between
      expect(valueOf('In December, two weeks after the annual conference of the regional water authorities of the three northern provinces of the country in the old capital, a storm flooded the valley.', 'December')).toBe('2024-12');
      // "last June" is the latest June before last month (which would be "last month"); "next" likewise ahead
      expect(valueOf('The bridge reopened last June.', 'last June')).toBe('2025-06');
      expect(valueOf('The bridge reopened last August.', 'last August')).toBe('2024-08');
      expect(valueOf('The bridge will reopen next October.', 'next October')).toBe('2026-10');
      expect(valueOf('The bridge will reopen next November.', 'next November')).toBe('2025-11');
    });

    it('normalizes seasons, quarters, halves, decades, years and fiscal years', () => {
      expect(valueOf('Construction should finish this winter.', 'this winter')).toBe('2025-WI');
      expect(valueOf('Revenue grew 4% in the second quarter.', 'the second quarter')).toBe('2025-Q2');
      expect(valueOf('Output peaked in the first quarter of 2019.', 'the first quarter of 2019')).toBe('2019-Q1');
      expect(valueOf('The band was formed in the 1970s.', 'the 1970s')).toBe('197');
      expect(values('The law dates from 1987 and will be replaced in 2027.')).toEqual([['1987', '1987'], ['2027', '2027']]);
      expect(valueOf('The agency expects a deficit in fiscal 2026.', 'fiscal 2026')).toBe('2026');
    });

    it('reads a quarter a forecast is about as the next one not yet reported on', () => {
      // (published in September: the third quarter is not over)
      expect(valueOf('Analysts raised their fourth-quarter copper forecast to $12,000 a tonne.', 'their fourth-quarter')).toBe('2025-Q4');
      expect(valueOf('The miner cut its first-quarter outlook.', 'its first-quarter')).toBe('2026-Q1');
      expect(valueOf('The miner reported a second-quarter loss.', 'a second-quarter')).toBe('2025-Q2');
    });

    it('reads halves written H1 and 2H only with their year', () => {
      expect(values('Margins improved in H1 2024 after a weak 2H 2023, and Q2 looks better.')).toEqual([
        ['H1 2024', '2024-H1'], ['2H 2023', '2023-H2'], ['Q2', '2025-Q2'],
      ]);
      expect(run('Cases of H1N1 rose, and H2 hydrogen and H1 rules were discussed.')).toEqual([]);
    });

    it('reads "first-half" as a calendar half only before a company\'s figures, and a capitalized season before a name as an event', () => {
      expect(values('The brewer said first-half profit rose.', '2025-08-20')).toEqual([['first-half', '2025-H1']]);
      expect(run('The visitors scored a first-half goal and two second-half penalties.')).toEqual([]);
      expect(values('The Summer Games open next year; repairs will start in the Spring.')).toEqual([['next year', '2026'], ['the Spring', '2026-SP']]);
    });

    it('writes decades as TimeML does, by their first three digits', () => {
      expect(run('Vinyl sales slumped in the late 1980s and recovered in the nineties.').map((d) => [d.text, d.value, d.mod])).toEqual([
        ['the late 1980s', '198', 'END'], ['the nineties', '199', null],
      ]);
      expect(valueOf("The league was founded in the '60s.", "the '60s")).toBe('196');
      expect(valueOf("The fashion of the 1970's came back.", "the 1970's")).toBe('197');
      expect(valueOf('Prices rose from the mid-1990s.', 'the mid-1990s')).toBe('199');
    });

    it('finds numbers by their shape and months only capitalized', () => {
      expect(values('Shares fell 4% in Q3 2024 after a 2-1 vote on 9/17/2025.')).toEqual([['Q3 2024', '2024-Q3'], ['9/17/2025', '2025-09-17']]);
      expect(valueOf('Results for FY2024 were weaker.', 'FY2024')).toBe('2024');
      // "may" the modal and "march" the verb are no months
      expect(values('Officials may decide on 5 May; marchers march in March.')).toEqual([['5 May', '2026-05-05'], ['March', '2025-03']]);
      expect(values('The truce of May 2019 held until the year 2021, two years later.')).toEqual([
        ['May 2019', '2019-05'], ['the year 2021', '2021'], ['two years later', '2023'],
      ]);
    });

    it('reads the week or the day around a named day', () => {
      expect(values('The shop closes for Christmas week.')).toEqual([['Christmas week', '2025-W52']]);
      expect(values('The trial opens the week of October 6.')).toEqual([['the week of October 6', '2025-W41']]);
      expect(values('The fair was held over the weekend of 9 and 10 August.')).toEqual([
        ['the weekend of 9', '2025-W32-WE'], ['10 August', '2025-08-10'],
      ]);
      expect(values('Talks broke down the day before Christmas.')).toEqual([['the day before Christmas', '2024-12-24']]);
    });

    it('gives each day of a pair or range its month and year', () => {
      expect(values('Hearings are set for 14 and 15 October.')).toEqual([['14', '2025-10-14'], ['15 October', '2025-10-15']]);
      expect(values('The fair ran on October 3-5, 2024.')).toEqual([['October 3', '2024-10-03'], ['5', '2024-10-05']]);
      // a count after the day is no second day
      expect(values('On March 3 and 4 people were hurt.')).toEqual([['March 3', '2025-03-03']]);
    });

    it('reads years after pre- and post-, and May or March before a noun', () => {
      expect(run('Prices stayed flat in the post-1990 market.').map((d) => [d.text, d.value, d.mod])).toEqual([['post-1990', '1990', 'AFTER']]);
      expect(values('Results of the March vote were published.')).toEqual([['March', '2025-03']]);
      // a person's name before such a noun is no month
      expect(values('Critics of the May government protested.')).toEqual([]);
    });

    it('ends a span before a possessive, straight or curly, but keeps the "s" of a decade', () => {
      expect(values('Bond yields jumped after Tuesday’s auction and Monday\'s data.')).toEqual([['Tuesday', '2025-09-16'], ['Monday', '2025-09-15']]);
      expect(values('Next year’s budget repeats last month’s cuts, as in the 1980’s.')).toEqual([
        ['Next year', '2026'], ['last month', '2025-08'], ['the 1980’s', '198'],
      ]);
    });

    it('reads parts of a day after a mentioned day, not on their own', () => {
      expect(values('The storm hit on Monday. Crews arrived the next morning.')).toEqual([['Monday', '2025-09-15'], ['the next morning', '2025-09-16']]);
      expect(values('They left the next morning.')).toEqual([]);
      // a time within a day already told, and "today's" for the present age, name no date
      expect(values('Shares fell on Monday after rising earlier in the day.')).toEqual([['Monday', '2025-09-15']]);
      expect(values("It is a worry for today's youth, unlike today's meeting.")).toEqual([['today', '2025-09-17']]);
    });

    if (tagged) {
      it('reads a past verb, not a participle after a possessive, as what a month tells of', () => {
        expect(valueOf("The board turned down the rival's proposed bid in March, citing its price.", 'March')).toBe('2025-03');
        expect(valueOf("Traders await the utility's planned share sale in March.", 'March')).toBe('2026-03');
      });
    }

    it('steps over an aside in brackets to find the verb after a date', () => {
      expect(valueOf('In November the National Audit Office (NAO) criticised the scheme.', 'November')).toBe('2024-11');
    });

    it('reads a date in brackets by the clause around them, not by a report verb after them', () => {
      expect(valueOf('The ferry will sail at dawn (6 a.m. Friday), the operator said.', '6 a.m. Friday')).toBe('2025-09-19T06:00');
      expect(valueOf('The ferry sailed at dawn (6 a.m. Friday), the operator says.', '6 a.m. Friday')).toBe('2025-09-12T06:00');
    });

    it('reads an infinitive after "had to" or "was forced to" as the past, after "was due to" as the nearest date', () => {
      expect(valueOf('The airline had to ground its fleet on Thursday.', 'Thursday')).toBe('2025-09-11');
      expect(valueOf('Growers were forced to dump milk in November.', 'November')).toBe('2024-11');
      expect(valueOf('The airline plans to ground its fleet on Thursday.', 'Thursday')).toBe('2025-09-18');
      expect(valueOf('The new line was due to open in November.', 'November')).toBe('2025-11');
    });

    it('looks ahead from what is due, and to the nearest day from what was due', () => {
      expect(valueOf('The pilot is due in court on Friday.', 'Friday')).toBe('2025-09-19');
      expect(valueOf('The new ferry is due back in service in March.', 'March')).toBe('2026-03');
      expect(valueOf('The pilot was due in court on Friday.', 'Friday')).toBe('2025-09-19');
      expect(valueOf('Due process was ignored on Monday.', 'Monday')).toBe('2025-09-15');
    });

    it('looks ahead from what is forecast for a time', () => {
      expect(valueOf('Frost is forecast for Monday.', 'Monday')).toBe('2025-09-22');
      expect(valueOf('The chain cut its outlook for the fourth quarter.', 'the fourth quarter')).toBe('2025-Q4');
      expect(valueOf('The mill raised its forecast for November.', 'November')).toBe('2025-11');
    });

    it('looks ahead from what is put off', () => {
      expect(valueOf('The vote was postponed until Tuesday.', 'Tuesday')).toBe('2025-09-23');
      expect(valueOf('The polls stayed open until Tuesday.', 'Tuesday')).toBe('2025-09-16');
    });

    if (tagged) {
      it('reads an infinitive after a verb and its object like one right after the verb ("has urged both sides to"), unless the verb is past', () => {
        expect(valueOf('The minister has urged both sides to return to talks by Friday.', 'Friday')).toBe('2025-09-19');
        expect(valueOf('The regulator has asked the two banks to report on Monday.', 'Monday')).toBe('2025-09-22');
        expect(valueOf('The regulator invited both banks to report in January.', 'January')).toBe('2025-01');
      });

      it('reads what a past command orders as the nearest date, also in a second infinitive', () => {
        expect(valueOf('The judge ordered the pilot to report to prison by Dec. 2.', 'Dec. 2')).toBe('2025-12-02');
        expect(valueOf('The judge ordered the pilot to pay $5,000 and to report to prison by Dec. 2.', 'Dec. 2')).toBe('2025-12-02');
      });

      it('reads the present of an event in a sentence with no past form as a timetable: a weekday ahead', () => {
        // (published on a Wednesday)
        expect(valueOf('Wycombe host Peterborough on Tuesday night.', 'Tuesday night')).toBe('2025-09-23');
        expect(valueOf('The manager has urged his players to react when they host Kelso Rovers on Saturday.', 'Saturday')).toBe('2025-09-20');
        expect(valueOf('The festival opens on Thursday with a new film.', 'Thursday')).toBe('2025-09-18');
        // a past form in the other main clause of the sentence does not count
        expect(valueOf('The heats were run on Monday and the race takes place on Friday.', 'Friday')).toBe('2025-09-19');
        // not a report, a past form elsewhere, nor a noun the tagger read as a verb
        expect(valueOf('The minister says on Monday the plan works.', 'Monday')).toBe('2025-09-15');
        expect(valueOf('The defeat, coupled with a 4-0 win over Kelso on Saturday, reduces their lead.', 'Saturday')).toBe('2025-09-13');
        expect(valueOf('The coach chose to rest him after his epic singles win over Kelso on Friday.', 'Friday')).toBe('2025-09-12');
      });

      it('reads a plan that qualifies a noun in a past clause as history', () => {
        expect(valueOf('A parade planned in the old town for Saturday was cancelled.', 'Saturday')).toBe('2025-09-13');
      });
    }

    it('reads a futures contract\'s month ahead whatever the tense, and "May" inside a sentence as no modal', () => {
      expect(valueOf('Crude for March delivery fell 2% on Tuesday.', 'March')).toBe('2026-03');
      expect(valueOf('The December contract slipped.', 'December')).toBe('2025-12');
      expect(valueOf('Retail sales in May rose 3% from a year earlier.', 'May')).toBe('2025-05');
      expect(valueOf('Retail sales in May rose 3% from a year earlier.', 'a year earlier')).toBe('2024');
    });

    it('maps vague references to PRESENT_REF, PAST_REF and FUTURE_REF', () => {
      expect(values('The lake is now dry and currently closed.')).toEqual([['now', 'PRESENT_REF'], ['currently', 'PRESENT_REF']]);
      expect(values('The group recently split, as it has done in the past.')).toEqual([['recently', 'PAST_REF'], ['the past', 'PAST_REF']]);
      expect(values('A ruling is expected soon; the future of the site is unclear, they said about the future.')).toEqual([
        ['soon', 'FUTURE_REF'], ['the future', 'FUTURE_REF'],
      ]);
    });

    it('does not read a title that ends in "Now" or a weekday and a capitalized "Night" as a date', () => {
      expect(run('The band closed with All Right Now at the festival.')).toEqual([]);
      expect(values('She won the relay at Sunday\'s Night of Sprints, and rested on Monday night.')).toEqual([
        ['Sunday', '2025-09-14'], ['Monday night', '2025-09-15'],
      ]);
    });

    it('takes no quarter from a quarter-final and no future from a name like "Forum for the Future"', () => {
      expect(run('She lost in the quarter-final and in the second quarter-final of the cup.')).toEqual([]);
      expect(values('A report by Friends of the Future looked at the future of cities.')).toEqual([]);
      expect(values('We cannot see the future, he said.')).toEqual([['the future', 'FUTURE_REF']]);
    });

    it('does not take a name built on a century or a holiday for the date', () => {
      expect(run('The studio, once part of Twentieth Century Pictures, dropped it.')).toEqual([]);
      expect(values('Crowds gathered for the national Armistice Memorial Day and for Brazil\'s Independence Day.')).toEqual([]);
      expect(values('The club\'s Boxing Day game drew a crowd, as it did in the 19th century.')).toEqual([
        ['Boxing Day', '2024-12-26'], ['the 19th century', '18'],
      ]);
    });

    it('takes "current" as the present and "then-current" as the past, but not a stretch like "recent years"', () => {
      expect(values('Under current rules the fee is waived.')).toEqual([['current', 'PRESENT_REF']]);
      expect(values('Holders could sell at the then-current price.')).toEqual([['then-current', 'PAST_REF']]);
      expect(run('The river has a strong current, and in recent years floods have come often.')).toEqual([]);
      expect(run('Prices should ease over the next few weeks.')).toEqual([]);
    });

    it('lets "recently" before a date only narrow that date', () => {
      expect(values('Floods hit the valley twice, most recently last April.')).toEqual([['last April', '2025-04']]);
      expect(values('Fares were cut as recently as March 2, and the line has recently grown.')).toEqual([
        ['March 2', '2025-03-02'], ['recently', 'PAST_REF'],
      ]);
    });

    it('reads "soon" in a past-tense clause as soon after, not the future', () => {
      expect(run('The trickle of refugees soon became a flood.')).toEqual([]);
      expect(values('A verdict is expected soon.')).toEqual([['soon', 'FUTURE_REF']]);
    });

    it('counts back from the publication date for "ago"', () => {
      expect(values('The bridge opened a year ago; repairs began two weeks ago, four years ago it was a ferry crossing.')).toEqual([
        ['a year ago', '2024'], ['two weeks ago', '2025-W36'], ['four years ago', '2021'],
      ]);
    });

    it('leaves relative dates unresolved in an undated article, resolving only absolute ones', () => {
      expect(values('The vote is on Nov. 21. It was first set for Friday, December 5, 2025, and delayed last year. Now it is final.', null)).toEqual([
        ['Nov. 21', 'XXXX-11-21'], ['Friday, December 5, 2025', '2025-12-05'], ['last year', 'XXXX'], ['Now', 'PRESENT_REF'],
      ]);
      expect(valueOf('Talks continue on Monday.', 'Monday', null)).toBe('XXXX-WXX-1');
    });

    it('does not take numbers, scores, times, the modal "may" or the verb "march" for dates', () => {
      expect(run('Tariffs rose 145% for 32 companies worth $1.5 billion, and 2,000 people lost jobs.')).toEqual([]);
      expect(run('The home side won 4-3 after a goal at 10:30.')).toEqual([]);
      expect(run('Protesters may march to the capital.')).toEqual([]);
      expect(run('May I ask whether they march at dawn?')).toEqual([]);
      expect(run('The building has 1200 rooms and cost 1999 dollars.')).toEqual([]);
      expect(run('Trains run each Thursday, the Sunday Times reported on the Today programme.')).toEqual([]);
      expect(run('The minister told Today she would resign, and told Radio 5\'s Today Programme why.')).toEqual([]);
    });

    it('reads "end-" and "start-" before a month or a year as its end or start', () => {
      expect(run('Debt will peak at end-2026, and the plan runs from start-2027; stocks were low at end-March.').map((d) => [d.text, d.value, d.mod])).toEqual([
        ['end-2026', '2026', 'END'],
        ['start-2027', '2027', 'START'],
        ['end-March', '2025-03', 'END'],
      ]);
    });

    it('gives a day told with a clock time the TIMEX3 TIME value of that hour', () => {
      expect(values('Bids close at 5 p.m. EST Oct. 3.')).toEqual([['5 p.m. EST Oct. 3', '2025-10-03T17:00']]);
      expect(values('The index slipped at mid-afternoon yesterday, and the ferry will leave at midday Sunday.')).toEqual([
        ['mid-afternoon yesterday', '2025-09-16TAF'],
        ['midday Sunday', '2025-09-21T12:00'],
      ]);
      // "until" a clock time on a weekday: the nearest such day, here ahead
      expect(values('Tenants have until 9 a.m. Friday to leave the block.')).toEqual([['9 a.m. Friday', '2025-09-19T09:00']]);
      expect(values('The count ended on Monday at 11:45 p.m., officials said.')).toEqual([['Monday at 11:45 p.m.', '2025-09-15T23:45']]);
      expect(values('The record fell at 10.38am on Tuesday.')).toEqual([['10.38am on Tuesday', '2025-09-16T10:38']]);
      expect(values('The polls will close Thursday at 21:30 local time.')).toEqual([['Thursday at 21:30', '2025-09-18T21:30']]);
      // a time zone is part of the expression, a word after the time is not
      expect(values('Talks resumed at 10 a.m. Monday to settle the dispute.')).toEqual([['10 a.m. Monday', '2025-09-15T10:00']]);
      expect(valueOf('Talks will resume Monday at 10 a.m. to settle the dispute.', 'Monday at 10 a.m.')).toBe('2025-09-22T10:00');
      // a capitalized clock word starts a name
      expect(values('He will speak at the Christmas Midnight Mass.')).toEqual([['Christmas', '2025-12-25']]);
      // undated, the day stays unknown and the hour is kept
      expect(values('The market opens at noon on Tuesday.', null)).toEqual([['noon on Tuesday', 'XXXX-WXX-2T12:00']]);
    });

    it('leaves out what TimeML calls a set or a duration', () => {
      // recurring parts of the day
      expect(run('The ferry sails on Monday and Thursday nights.')).toEqual([]);
      // a year that ended on a day is a span of a year; the day itself stays a date
      expect(values('Revenue was $4 million in the year ended March 31.')).toEqual([['March 31', '2025-03-31']]);
      expect(values('Output rose 3% in the year to June, and profit for the year to date is flat.')).toEqual([['June', '2025-06']]);
      expect(values('Rents are up 2% this year through August.')).toEqual([['this year', '2025'], ['August', '2025-08']]);
      expect(run('The year-on-year gain was small.')).toEqual([]);
      // a stretch counted from the last event
      expect(values('The mill shut on June 2, 2024. Three days later the owner sold it.')).toEqual([['June 2, 2024', '2024-06-02']]);
      expect(run('Rates will stay low for the foreseeable future, at a quarter-century low.')).toEqual([]);
      expect(run('Net for the year-earlier nine months included a one-time gain.')).toEqual([]);
    });

    it('reports exact spans, offsets and sentence ids', () => {
      const text = 'Markets were calm. Trading resumes on Friday, June 5, 2026 at the earliest.';
      const [d] = run(text);
      const s = sentences(text, tagged)[1]!;
      expect(d).toMatchObject({ sentence: 's2', text: 'Friday, June 5, 2026', value: '2026-06-05', mod: null });
      expect(s.text.slice(d!.start, d!.end)).toBe(d!.text);
    });

    it('keeps the quarter reported as the topic of an earnings story', () => {
      const story = 'Acme posted higher third-quarter profit. After a weak second quarter, sales recovered. ' +
        'The quarter-to-quarter gain was helped by a charge in the 2024 period. For the first nine months, profit fell from the 2024 period.';
      expect(values(story, '2025-10-28')).toEqual([
        ['third-quarter', '2025-Q3'], ['second quarter', '2025-Q2'], ['the 2024 period', '2024-Q3'], ['the 2024 period', '2024'],
      ]);
    });

    it('reads "last year\'s quarter" as the quarter under discussion a year back', () => {
      expect(values('Margins widened in the second quarter. Last year’s quarter had a strike, and this year\'s period a tax credit.', '2025-08-06')).toEqual([
        ['the second quarter', '2025-Q2'], ['Last year’s quarter', '2024-Q2'], ["this year's period", '2025-Q2'],
      ]);
    });

    it('looks ahead for a quarter in a future-tense sentence, unless its results are still to come', () => {
      expect(valueOf('The carrier will leave bankruptcy by the end of the third quarter.', 'the end of the third quarter', '2026-03-12')).toBe('2026-Q3');
      // a month after the quarter closed, "will report" is about the one just ended
      expect(valueOf('The bank will report a third-quarter loss.', 'a third-quarter', '2025-10-20')).toBe('2025-Q3');
    });

    it('places "the quarter ended ..." by its months when no quarter is under discussion', () => {
      expect(valueOf('In the quarter ended July 31, the chain opened four stores.', 'the quarter', '2025-09-17')).toBe('2025-Q2');
    });

    it('counts months from a year mentioned before in years', () => {
      expect(values('The dam was finished in 2011 and flooded 24 months later.')).toEqual([['2011', '2011'], ['24 months later', '2013']]);
      expect(values('The mine opened in May 2019 and closed three months later.')).toEqual([['May 2019', '2019-05'], ['three months later', '2019-08']]);
    });

    it('compares a month with the year before it for "a year earlier"', () => {
      expect(values('Home sales rose 2% in July, and were 5% above the level of a year earlier.')).toEqual([
        ['July', '2025-07'], ['a year earlier', '2024'],
      ]);
    });

    it('leans on the quarter under discussion for "a year earlier" and "the quarter"', () => {
      // an earnings story a month after the quarter closed
      expect(values('Net income fell in the third quarter. It was $3 million a year earlier. The quarter included a charge.', '2025-10-28')).toEqual([
        ['the third quarter', '2025-Q3'], ['a year earlier', '2024-Q3'], ['The quarter', '2025-Q3'],
      ]);
    });
  });
}
