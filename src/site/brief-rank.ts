/**
 * What matters most in a briefing, for a one-page brief that has to leave things out: each list
 * comes back best first, so whatever does not fit is the least important.
 */
import type { BriefingData, EntityData } from '../pipeline/schema.ts';
import { datePage } from '../pipeline/link.ts';
import { calendarRange, DAY, formatDateValue, isScheduled } from './dates.ts';

const byScore = <T>(items: T[], score: (item: T) => number): T[] =>
  items.map((item, index) => ({ item, index, score: score(item) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((x) => x.item);

/** Most mentioned first; among equals, those with a known role, then the earliest in the list. */
export const rankPeople = (people: EntityData[]): EntityData[] =>
  byScore(people, (p) => p.mentions + (p.roles.length > 0 ? 0.5 : 0));

export const rankIssues = (issues: BriefingData['issues']): BriefingData['issues'] => byScore(issues, (i) => i.weight);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Key facts (the outlet's summary items when the article has no extracted ones), scored by the
 * salience of the people, organizations, places and issues they name and by whether they give a
 * figure. Returns indexes into the list, best first, so the page can keep the article's order.
 */
export function rankKeyFacts(facts: string[], data: Pick<BriefingData, 'people' | 'organizations' | 'places' | 'issues' | 'figures'>): number[] {
  const names = [...data.people, ...data.organizations, ...data.places].map((e) => ({
    pattern: new RegExp(`\\b(?:${[e.name, ...e.aliases].map(escape).join('|')})\\b`, 'i'),
    weight: Math.log1p(e.mentions),
  })).concat(data.issues.map((i) => ({ pattern: new RegExp(`\\b(?:${[i.name, ...i.aliases].map(escape).join('|')})\\b`, 'i'), weight: i.weight })));
  const figures = data.figures.map((f) => f.text);
  const score = (fact: string): number =>
    names.reduce((sum, n) => sum + (n.pattern.test(fact) ? n.weight : 0), 0) + (figures.some((f) => fact.includes(f)) ? 1 : 0);
  return byScore(facts.map((fact, index) => ({ fact, index })), (f) => score(f.fact)).map((f) => f.index);
}

export interface BriefDate {
  value: string;
  mod: string | null;
  /** "16 September 2025", "Late October 2025". */
  label: string;
  /** The clause of the article that gives the date. */
  context: string;
  /** After the day the article was published: something planned or due. */
  scheduled: boolean;
  mentions: number;
}

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/**
 * The clause of `sentence` that holds `phrase`: split at commas, semicolons, colons and dashes,
 * widened with the next clause when very short, and cut to `max` words around the phrase.
 */
export function clauseAround(sentence: string, phrase: string, max = 22): string {
  const clauses = sentence.split(/(?<=[,;:])\s+|\s+[—–-]\s+/).map((c) => c.trim()).filter(Boolean);
  const at = Math.max(0, clauses.findIndex((c) => c.toLowerCase().includes(phrase.toLowerCase())));
  let clause = clauses[at] ?? sentence;
  if (words(clause).length < 6 && clauses[at + 1]) clause = `${clause} ${clauses[at + 1]}`;
  clause = clause.replace(/[,;:]$/, '');
  const all = words(clause);
  if (all.length <= max) return clause;
  const hit = Math.max(0, words(clause.slice(0, Math.max(0, clause.toLowerCase().indexOf(phrase.toLowerCase())))).length);
  const start = Math.max(0, Math.min(hit - Math.floor(max / 3), all.length - max));
  return `${start > 0 ? '…' : ''}${all.slice(start, start + max).join(' ')}${start + max < all.length ? '…' : ''}`;
}

/** How precise a date is: a day says more than a month, a month more than a year. */
function precision(start: number, end: number): number {
  const days = (end - start) / DAY;
  return days < 1 ? 1 : days <= 7 ? 0.8 : days <= 31 ? 0.6 : days <= 184 ? 0.4 : 0.2;
}

/**
 * The calendar dates of the article, one per value, best first: dates still to come after the
 * article was published (scheduled), those close to its publication, precise ones and those
 * mentioned more than once rank higher.
 */
export function rankDates(data: Pick<BriefingData, 'dates' | 'sentences' | 'published'>): BriefDate[] {
  const text = new Map(data.sentences.map((s) => [s.id, s.text]));
  const published = data.published ? calendarRange(data.published) : null;
  const groups = new Map<string, BriefDate & { start: number; end: number }>();
  for (const d of data.dates) {
    const range = datePage(d.value) ? calendarRange(d.value) : null;
    if (!range) continue;
    const key = `${d.value} ${d.mod ?? ''}`;
    const seen = groups.get(key);
    if (seen) {
      seen.mentions++;
      continue;
    }
    groups.set(key, {
      value: d.value,
      mod: d.mod,
      label: formatDateValue(d.value, d.mod),
      context: clauseAround(text.get(d.sentence) ?? d.text, d.text),
      scheduled: isScheduled({ value: d.value, mod: d.mod, published: data.published }),
      mentions: 1,
      ...range,
    });
  }
  const score = (d: BriefDate & { start: number; end: number }): number => {
    const distance = published ? Math.max(0, d.start - published.start, published.start - d.end) / DAY : null;
    return (d.scheduled ? 1.5 : 0) + (distance === null ? 0 : 2 / (1 + distance / 30)) + precision(d.start, d.end) + 0.5 * Math.log2(d.mentions);
  };
  return byScore([...groups.values()], score).map(({ start: _start, end: _end, ...d }) => d);
}

export interface BriefQuote {
  text: string;
  /** "Wang Yi, foreign minister"; null when the article does not say who. */
  speaker: string | null;
}

/**
 * Quotes, best first: by how much the article is about the speaker (mentions), then by length: a
 * fragment of a few words says little, and a long one takes the room of several facts.
 */
export function rankQuotes(data: Pick<BriefingData, 'quotes' | 'people' | 'organizations'>): BriefQuote[] {
  const speakers = new Map([...data.people, ...data.organizations].map((e) => [e.id, e]));
  const seen = new Set<string>();
  const unique = data.quotes.filter((q) => {
    const key = q.text.toLowerCase().replace(/\W+/g, ' ').trim();
    return !seen.has(key) && seen.add(key);
  });
  const score = (q: (typeof data.quotes)[number]): number => {
    const n = words(q.text).length;
    const fit = n < 8 ? n / 8 : n <= 40 ? 1 : 40 / n;
    const who = q.speakerId ? speakers.get(q.speakerId) : undefined;
    const importance = q.speaker ? 1 + Math.log1p(who?.mentions ?? 1) : 0.3;
    return importance * fit;
  };
  return byScore(unique, score).map((q) => {
    const who = q.speakerId ? speakers.get(q.speakerId) : undefined;
    const role = who?.roles[0];
    return { text: q.text, speaker: q.speaker ? (role ? `${q.speaker}, ${role}` : q.speaker) : null };
  });
}
