/**
 * The one-page brief: which facts of a briefing go on the sheet. A budget model estimates the
 * height of every block on the smaller printable area of A4 and US Letter, at the sizes below,
 * and takes items best first, section by section, while they fit; the rest are counted so the
 * page can say how many more are online. The same numbers size the CSS (`briefStyle`), so the
 * model and the page cannot drift apart.
 */
import type { BriefingData } from '../pipeline/schema.ts';
import { calendarKey, formatDateValue } from './dates.ts';
import { lineCount, type Run } from './brief-measure.ts';
import { rankDates, rankIssues, rankKeyFacts, rankPeople, rankQuotes, type BriefDate, type BriefQuote } from './brief-rank.ts';

const MM = 72 / 25.4;

/** The page box: 12 mm margins on the narrower (A4, 210 mm) and shorter (Letter, 279.4 mm) sheet. */
export const PAGE = { margin: 12 * MM, width: (210 - 24) * MM, height: (279.4 - 24) * MM };

/** Type sizes and line heights in points. Nothing is under 9 pt. */
export const TYPE = {
  title: { size: 16, line: 19 },
  lead: { size: 10.5, line: 14 },
  body: { size: 9.5, line: 12.5 },
  small: { size: 9, line: 11.5 },
} as const;

/** Spacing in points. */
export const SPACE = {
  /** Above each section. */
  section: 9,
  /** Under a section heading. */
  heading: 2,
  /** Between the items of a list. */
  item: 2,
  indent: 11,
  columnGap: 18,
  /** The QR code's side and the gap beside it. */
  qr: 24 * MM,
  qrGap: 14,
  /** Either side of the hairline rules under the header and over the footer. */
  rule: 8,
} as const;

/** Share of the page the model fills: room for fonts that set a little wider than estimated. */
const FILL = 0.95;
/** A brief is not the place for the whole of a speech. */
const MAX_QUOTES = 2;

const WIDE_COLUMN = PAGE.width;
const HALF_COLUMN = (PAGE.width - SPACE.columnGap) / 2;

/** The sizes as CSS custom properties (unitless points), for the sheet's style attribute. */
export function briefStyle(): string {
  const vars: Record<string, number> = {
    width: PAGE.width,
    margin: PAGE.margin,
    ...Object.fromEntries(Object.entries(TYPE).flatMap(([k, v]) => [[`${k}-size`, v.size], [`${k}-line`, v.line]])),
    ...SPACE,
  };
  return Object.entries(vars).map(([k, v]) => `--b-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${+v.toFixed(3)}`).join(';');
}

export interface BriefHeader {
  title: string;
  outlet: string | null;
  published: string | null;
  source: string | null;
  /** The full briefing on the hosted site, also in the QR code. */
  url: string;
}

export interface BriefPerson {
  name: string;
  roles: string[];
}

type Omitted = Record<'keyFacts' | 'people' | 'issues' | 'dates' | 'quotes', number>;

export interface Brief {
  /** People and issues beside the dates, or everything full width when one side is empty. */
  columns: boolean;
  bottomLine: string[];
  /** In the order the briefing gives them. */
  keyFacts: string[];
  /** Most mentioned first. */
  people: BriefPerson[];
  issues: string[];
  /** In calendar order. */
  dates: BriefDate[];
  quotes: BriefQuote[];
  omitted: Omitted;
  /** Estimated height of the sheet in points, within `PAGE.height`. */
  height: number;
}

/** The longest the print date can read: the no-script fallback with the longest month. */
const PRINTED_SAMPLE = `Page built ${formatDateValue('2025-09-28')} ·`;

const plural = (n: number, one: string, many: string): string => `${n} more ${n === 1 ? one : many}`;

/** "3 more key facts and 12 more people are in the full briefing online."; null when all fit. */
export function omittedLine(omitted: Omitted): string | null {
  const parts = [
    omitted.keyFacts && plural(omitted.keyFacts, 'key fact', 'key facts'),
    omitted.people && plural(omitted.people, 'person', 'people'),
    omitted.issues && plural(omitted.issues, 'issue', 'issues'),
    omitted.dates && plural(omitted.dates, 'date', 'dates'),
    omitted.quotes && plural(omitted.quotes, 'quote', 'quotes'),
  ].filter((p): p is string => Boolean(p));
  if (!parts.length) return null;
  const total = Object.values(omitted).reduce((a, b) => a + b, 0);
  return `${new Intl.ListFormat('en', { type: 'conjunction' }).format(parts)} ${total === 1 ? 'is' : 'are'} in the full briefing online.`;
}

const height = (lines: number, style: { line: number }): number => lines * style.line;
const list = (heights: number[]): number => heights.reduce((a, b) => a + b, 0) + Math.max(0, heights.length - 1) * SPACE.item;
const section = (body: number): number => SPACE.section + TYPE.small.line + SPACE.heading + body;

/** Items as BriefSheet.astro sets them, bold where it is bold, to measure. */
const personRuns = (p: BriefPerson): Run[] => [{ text: p.name, bold: true }, ...(p.roles.length ? [{ text: ` — ${p.roles.join('; ')}` }] : [])];
const dateRuns = (d: BriefDate): Run[] => [{ text: d.label, bold: true }, { text: ` — ${d.context}` }];
const quoteRuns = (q: BriefQuote): Run[] => [{ text: `“${q.text}”` }, { text: ` — ${q.speaker ?? 'unattributed'}`, bold: true }];
export const ISSUE_SEPARATOR = ' · ';

function headerHeight(h: BriefHeader): number {
  const width = PAGE.width - SPACE.qr - SPACE.qrGap;
  const published = h.published ? formatDateValue(h.published) : 'Undated';
  const text = TYPE.small.line
    + height(lineCount([{ text: h.title, bold: true }], width, TYPE.title.size), TYPE.title)
    + height(lineCount([h.outlet ?? '', ' · ', published].join(''), width, TYPE.small.size), TYPE.small)
    + height(lineCount(`Source: ${h.source ?? 'address not recorded'}`, width, TYPE.small.size), TYPE.small);
  return Math.max(text, SPACE.qr + TYPE.small.line) + SPACE.rule + 1;
}

function footerHeight(url: string): number {
  const worst = omittedLine({ keyFacts: 999, people: 999, issues: 999, dates: 999, quotes: 999 })!;
  return 2 * SPACE.rule + 1
    + height(lineCount(worst, PAGE.width, TYPE.small.size), TYPE.small)
    + height(lineCount(`${PRINTED_SAMPLE} Full briefing: ${url}`, PAGE.width, TYPE.small.size), TYPE.small);
}

type Key = 'bottomLine' | 'keyFacts' | 'people' | 'issues' | 'dates' | 'quotes';

/** How much a section is worth against the others: its n-th item weighs `weight / (1 + n)`. */
const WEIGHT: Record<Key, number> = { bottomLine: 10, keyFacts: 6, people: 5, dates: 5, quotes: 4, issues: 3 };

/** Picks what goes on the page. `header.url` is the briefing's address on the hosted site. */
export function fitBrief(data: BriefingData, header: BriefHeader): Brief {
  const bottomLine = data.summary;
  const factPool = (data.keyFacts.length ? data.keyFacts : data.outletSummary?.items ?? []).filter((f) => !bottomLine.includes(f));
  const factOrder = rankKeyFacts(factPool, data);
  const people = rankPeople(data.people).map((p) => ({ name: p.name, roles: p.roles }));
  const issues = rankIssues(data.issues).map((i) => i.name);
  const dates = rankDates(data);
  const allQuotes = rankQuotes(data);
  const quotes = allQuotes.slice(0, MAX_QUOTES);
  const columns = (people.length > 0 || issues.length > 0) && dates.length > 0;
  const side = columns ? HALF_COLUMN : WIDE_COLUMN;

  // Item heights, best first in each section.
  const cost: Record<Key, number[]> = {
    bottomLine: bottomLine.map((s) => height(lineCount(s, WIDE_COLUMN, TYPE.lead.size), TYPE.lead)),
    keyFacts: factOrder.map((i) => height(lineCount(factPool[i]!, WIDE_COLUMN - SPACE.indent, TYPE.body.size), TYPE.body)),
    people: people.map((p) => height(lineCount(personRuns(p), side, TYPE.body.size), TYPE.body)),
    issues: issues.map(() => 0), // inline: measured as one paragraph below
    dates: dates.map((d) => height(lineCount(dateRuns(d), side, TYPE.body.size), TYPE.body)),
    quotes: quotes.map((q) => height(lineCount(quoteRuns(q), WIDE_COLUMN - SPACE.indent, TYPE.body.size), TYPE.body)),
  };
  const taken: Record<Key, number> = { bottomLine: 0, keyFacts: 0, people: 0, issues: 0, dates: 0, quotes: 0 };

  const sectionHeight = (key: Key, n: number): number => {
    if (n === 0) return 0;
    if (key === 'issues') return section(height(lineCount(issues.slice(0, n).join(ISSUE_SEPARATOR), side, TYPE.body.size), TYPE.body));
    return section(list(cost[key].slice(0, n)));
  };
  const fixed = headerHeight(header) + footerHeight(header.url);
  const total = (t: Record<Key, number>): number => {
    const h = (k: Key): number => sectionHeight(k, t[k]);
    const middle = columns ? Math.max(h('people') + h('issues'), h('dates')) : h('people') + h('issues') + h('dates');
    return fixed + h('bottomLine') + h('keyFacts') + middle + h('quotes');
  };

  // Every item of every section in order of worth; an item that does not fit closes its section,
  // so a section never shows a lower-ranked item in place of a higher one.
  const queue = (Object.keys(cost) as Key[])
    .flatMap((key) => cost[key].map((_, n) => ({ key, n, worth: WEIGHT[key] / (1 + n) })))
    .sort((a, b) => b.worth - a.worth);
  const closed = new Set<Key>();
  const budget = PAGE.height * FILL;
  for (const { key, n } of queue) {
    if (closed.has(key) || n !== taken[key]) continue;
    const next = { ...taken, [key]: n + 1 };
    if (total(next) <= budget) taken[key] = n + 1;
    else closed.add(key);
  }

  const keptFacts = factOrder.slice(0, taken.keyFacts).sort((a, b) => a - b).map((i) => factPool[i]!);
  return {
    columns,
    bottomLine: bottomLine.slice(0, taken.bottomLine),
    keyFacts: keptFacts,
    people: people.slice(0, taken.people),
    issues: issues.slice(0, taken.issues),
    dates: dates.slice(0, taken.dates).sort((a, b) => calendarKey(a.value) - calendarKey(b.value)),
    quotes: quotes.slice(0, taken.quotes),
    omitted: {
      keyFacts: factPool.length - taken.keyFacts,
      people: people.length - taken.people,
      issues: issues.length - taken.issues,
      dates: dates.length - taken.dates,
      quotes: allQuotes.length - taken.quotes,
    },
    height: total(taken),
  };
}
