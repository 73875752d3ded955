/** Reading TIMEX3 calendar values: where they fall on the calendar and how to say them. */

export const DAY = 86_400_000;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEASONS: Record<string, [string, number]> = { SP: ['Spring', 3], SU: ['Summer', 6], FA: ['Autumn', 9], WI: ['Winter', 12] };
const MODS: Record<string, string> = { START: 'Early', MID: 'Mid', END: 'Late', APPROX: 'About', BEFORE: 'Before', AFTER: 'After', ON_OR_BEFORE: 'By', ON_OR_AFTER: 'From' };

/** A calendar value, with a TIMEX3 clock time or part of day after a day ("T09:30", "TAF"). */
const VALUE = /^(?<year>\d{4})(?:-(?:(?<month>\d{2})(?:-(?<day>\d{2})(?:T(?:(?<clock>\d{2}:\d{2})|(?<part>MO|AF|EV|NI)))?)?|W(?<week>\d{2})|Q(?<quarter>[1-4])|H(?<half>[12])|(?<season>SP|SU|FA|WI)))?$/;
const PARTS_OF_DAY: Record<string, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night' };

/** A decade ("203", the 2030s) or a century ("20", 2000 to 2099), as TIMEX3 writes them: said, but kept off the calendar. */
const DECADE_OR_CENTURY = /^\d{2,3}$/;

/** The first and last day (UTC ms) that a calendar value covers (a time: its day). */
export function calendarRange(value: string): { start: number; end: number } | null {
  const g = VALUE.exec(value)?.groups;
  if (!g) return null;
  const year = Number(g.year);
  const day = (y: number, mo: number, d: number): number => Date.UTC(y, mo, d);
  if (g.day) return { start: day(year, Number(g.month) - 1, Number(g.day)), end: day(year, Number(g.month) - 1, Number(g.day)) };
  if (g.month) return { start: day(year, Number(g.month) - 1, 1), end: day(year, Number(g.month), 0) };
  if (g.week) {
    // ISO week 1 holds the year's first Thursday.
    const jan4 = new Date(Date.UTC(year, 0, 4));
    const monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (Number(g.week) - 1) * 7 * 86400000;
    return { start: monday, end: monday + 6 * 86400000 };
  }
  if (g.quarter) return { start: day(year, (Number(g.quarter) - 1) * 3, 1), end: day(year, Number(g.quarter) * 3, 0) };
  if (g.half) return { start: day(year, (Number(g.half) - 1) * 6, 1), end: day(year, Number(g.half) * 6, 0) };
  if (g.season) {
    const [, month] = SEASONS[g.season]!;
    return { start: day(year, month - 1, 1), end: day(year, month + 2, 0) };
  }
  return { start: day(year, 0, 1), end: day(year, 11, 31) };
}

/** A sort key: the value's first day. Unknown values sort last. */
export const calendarKey = (value: string): number => calendarRange(value)?.start ?? Number.MAX_SAFE_INTEGER;

/**
 * "2025-12-16" → "16 December 2025", "2025-W38" → "Week 38 of 2025", "2025-12-16T09:00" →
 * "16 December 2025, 09:00", "203" → "The 2030s", with "Late", "Mid"... for a modifier.
 */
export function formatDateValue(value: string, mod: string | null = null): string {
  const g = VALUE.exec(value)?.groups;
  let label = value;
  if (g) {
    const { year, month, day, clock, part, week, quarter, half, season } = g;
    const time = clock === '24:00' ? 'midnight' : clock ?? (part && PARTS_OF_DAY[part]);
    if (day) label = `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}${time ? `, ${time}` : ''}`;
    else if (month) label = `${MONTHS[Number(month) - 1]} ${year}`;
    else if (week) label = `Week ${Number(week)} of ${year}`;
    else if (quarter) label = `Q${quarter} ${year}`;
    else if (half) label = `${half === '1' ? 'First' : 'Second'} half of ${year}`;
    else if (season) label = `${SEASONS[season]![0]} ${year}`;
    else label = year!;
  } else if (DECADE_OR_CENTURY.test(value)) {
    const century = Number(value) + 1;
    label = value.length === 3 ? `The ${value}0s` : `The ${century}${ordinalSuffix(century)} century`;
  }
  const prefix = mod ? MODS[mod] : undefined;
  return prefix ? `${prefix} ${label}` : label;
}

const ordinalSuffix = (n: number): string => (n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');

/** The time a fact covers, [start, end) in UTC ms: the value's days, narrowed to the first, middle or last third by START, MID or END ("late October"). */
export function factSpan(value: string, mod: string | null): { start: number; end: number } | null {
  const range = calendarRange(value);
  if (!range) return null;
  const start = range.start;
  const end = range.end + DAY;
  const third = (end - start) / 3;
  if (mod === 'START') return { start, end: start + third };
  if (mod === 'MID') return { start: start + third, end: end - third };
  if (mod === 'END') return { start: end - third, end };
  return { start, end };
}

/** A fact is scheduled when all of it lies after the day its briefing was published. */
export function isScheduled(fact: { value: string; mod: string | null; published: string | null }): boolean {
  const span = factSpan(fact.value, fact.mod);
  const published = fact.published ? calendarRange(fact.published) : null;
  return !!span && !!published && span.start >= published.end + DAY;
}
