import {
  addDays, addMonths, fmtDay, fmtMonth, fmtWeek, fmtYear, isoWeek, isValidDate, toDays, weekday, type Ymd,
} from './calendar.ts';
import type { Expr, Unit } from './grammar.ts';
import type { Tense } from './tense.ts';

/** A resolved calendar period, kept so later expressions ("that day", "a year earlier") can lean on it. */
export interface Period {
  gran: 'day' | 'week' | 'month' | 'quarter' | 'year';
  /** First day of the period. */
  first: Ymd;
}

/** What the resolver knows while it walks through one article in order. */
export interface Context {
  dct: Ymd | null;
  /** Last resolved period and the index of the sentence it came from. */
  last: { period: Period; sentence: number } | null;
  /** Last quarter mentioned: earnings stories say "the quarter" and "a year earlier" of it. */
  quarter: { y: number; q: number; sentence: number } | null;
  sentence: number;
}

export interface Resolved {
  value: string;
  period: Period | null;
}

type Direction = 'past' | 'future' | 'near';

/** Days from the publication date beyond which a yearless day is not read by tense but taken nearest. */
const DAY_WINDOW = 300;

/** How far back "a year earlier" or "the quarter" may reach for what the text talks about. */
const REF_REACH = 3;

const lit = (value: string): Resolved => ({ value, period: null });
const day = (d: Ymd): Resolved => ({ value: fmtDay(d), period: { gran: 'day', first: d } });
const month = (y: number, m: number): Resolved => ({ value: fmtMonth(y, m), period: { gran: 'month', first: { y, m, d: 1 } } });
const year = (y: number): Resolved => ({ value: fmtYear(y), period: { gran: 'year', first: { y, m: 1, d: 1 } } });
const quarter = (y: number, q: number): Resolved => ({ value: `${fmtYear(y)}-Q${q}`, period: { gran: 'quarter', first: { y, m: q * 3 - 2, d: 1 } } });
const week = (d: Ymd): Resolved => {
  const [y, w] = isoWeek(d);
  return { value: fmtWeek(y, w), period: { gran: 'week', first: addDays(d, 1 - weekday(d)) } };
};

/** Of the candidate years around the anchor, the one whose period lies the way the tense points. */
function chooseYear(dct: Ymd, dir: Direction, span: (y: number) => [number, number], strict = false): number {
  const t = toDays(dct);
  const ys = [dct.y - 1, dct.y, dct.y + 1];
  if (dir === 'past') {
    for (const y of [...ys].reverse()) if (strict ? span(y)[1] < t : span(y)[0] <= t) return y;
    return dct.y - 1;
  }
  if (dir === 'future') {
    for (const y of ys) if (strict ? span(y)[0] > t : span(y)[1] >= t) return y;
    return dct.y + 1;
  }
  let best = dct.y;
  let bestDist = Infinity;
  for (const y of ys) {
    const [a, b] = span(y);
    // news reports more than it announces: the future counts double, so near-ties go to the past
    const dist = t < a ? 2 * (a - t) : t > b ? t - b : 0;
    if (dist < bestDist) { best = y; bestDist = dist; }
  }
  return best;
}

const monthSpan = (m: number) => (y: number): [number, number] => {
  const [ny, nm] = addMonths(y, m, 1);
  return [toDays({ y, m, d: 1 }), toDays({ y: ny, m: nm, d: 1 }) - 1];
};
const quarterSpan = (q: number, size: number) => (y: number): [number, number] => {
  const m = (q - 1) * size + 1;
  const [ny, nm] = addMonths(y, m, size);
  return [toDays({ y, m, d: 1 }), toDays({ y: ny, m: nm, d: 1 }) - 1];
};
/** Days after a quarter's end within which news still reports its results. */
const RESULTS_LAG = 90;
/** Seasons by meteorological months; winter belongs to the year of its December. */
const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
const seasonSpan = (s: string) => (y: number): [number, number] => {
  const m = SEASON_START[s]!;
  const [ey, em] = addMonths(y, m, 3);
  return [toDays({ y, m, d: 1 }), toDays({ y: ey, m: em, d: 1 }) - 1];
};

function direction(tense: Tense, fallback: Direction): Direction {
  if (tense === 'past') return 'past';
  if (tense === 'future') return 'future';
  if (tense === 'uncertain') return 'near';
  return fallback;
}

/** Placeholder values for an undated article, by granularity. */
const UNANCHORED: Record<Unit, string> = {
  day: 'XXXX-XX-XX', week: 'XXXX-WXX', weekend: 'XXXX-WXX-WE', month: 'XXXX-XX', quarter: 'XXXX-QX',
  half: 'XXXX-HX', year: 'XXXX', decade: 'XXX', century: 'XX',
};

/** The period a relative expression is counted from: the publication date or the last period mentioned. */
function anchorOf(ctx: Context, anchor: 'now' | 'ref'): Period | null {
  if (anchor === 'ref' && ctx.last && ctx.sentence - ctx.last.sentence <= REF_REACH) return ctx.last.period;
  return ctx.dct ? { gran: 'day', first: ctx.dct } : null;
}

function shift(base: Ymd, unit: Unit, n: number): Resolved {
  switch (unit) {
    case 'day':
      return day(addDays(base, n));
    case 'week':
      return week(addDays(base, 7 * n));
    case 'weekend': {
      // counted from the weekend that is under way or ahead of the base day
      const wd = weekday(base);
      const sat = addDays(base, wd === 7 ? -1 : 6 - wd);
      const target = addDays(sat, 7 * n);
      const [y, w] = isoWeek(target);
      return { value: `${fmtWeek(y, w)}-WE`, period: { gran: 'week', first: addDays(target, -5) } };
    }
    case 'month': {
      const [y, m] = addMonths(base.y, base.m, n);
      return month(y, m);
    }
    case 'quarter': {
      const k = base.y * 4 + Math.floor((base.m - 1) / 3) + n;
      return quarter(Math.floor(k / 4), (k % 4) + 1);
    }
    case 'half': {
      const k = base.y * 2 + (base.m > 6 ? 1 : 0) + n;
      return lit(`${fmtYear(Math.floor(k / 2))}-H${(k % 2) + 1}`);
    }
    case 'year':
      return year(base.y + n);
    case 'decade':
      return lit(String(Math.floor(base.y / 10) + n).padStart(3, '0'));
    case 'century':
      return lit(String(Math.floor(base.y / 100) + n).padStart(2, '0'));
  }
}

/** Shifts a mentioned period, keeping its granularity ("that week", "the following month"). */
function shiftPeriod(p: Period, unit: Unit, n: number): Resolved {
  if (unit === 'year' && p.gran === 'quarter') return quarter(p.first.y + n, Math.floor((p.first.m - 1) / 3) + 1);
  if (unit === 'year' && p.gran === 'month') return month(p.first.y + n, p.first.m);
  if (unit === 'year' && p.gran === 'day') {
    const d = { ...p.first, y: p.first.y + n };
    return isValidDate(d.y, d.m, d.d) ? day(d) : day(addDays(d, -1));
  }
  // "in 2002 ... 12 months later": months counted from a year say no month of their own
  if (unit === 'month' && p.gran === 'year') return year(p.first.y + Math.trunc(n / 12));
  return shift(p.first, unit, n);
}

/** Resolves one expression; null drops it (nothing to anchor an anaphor on). */
export function resolve(expr: Expr, tenseOf: () => Tense, ctx: Context): Resolved | null {
  const dct = ctx.dct;
  switch (expr.kind) {
    case 'literal':
      return expr.notInPast && tenseOf() === 'past' ? null : lit(expr.value);
    case 'year':
      return year(expr.y);
    case 'date': {
      if (expr.y !== null) return isValidDate(expr.y, expr.m, expr.d) ? day({ y: expr.y, m: expr.m, d: expr.d }) : null;
      if (!dct) return lit(`XXXX-${fmtMonth(0, expr.m).slice(5)}-${String(expr.d).padStart(2, '0')}`);
      // "Tuesday, March 12": of the years around the story, the one in which that day is a Tuesday (at most one is)
      if (expr.wd !== undefined) {
        for (const yy of [dct.y, dct.y - 1, dct.y + 1]) {
          const d = { y: yy, m: expr.m, d: expr.d };
          if (isValidDate(yy, expr.m, expr.d) && weekday(d) === expr.wd) return day(d);
        }
      }
      const span = (yy: number): [number, number] => {
        const t = toDays({ y: yy, m: expr.m, d: expr.d });
        return [t, t];
      };
      let y = chooseYear(dct, direction(tenseOf(), 'near'), span);
      // a day named without its year lies within months of the story: "no reason was given for the Nov. 20 closure"
      if (Math.abs(span(y)[0] - toDays(dct)) > DAY_WINDOW) y = chooseYear(dct, 'near', span);
      return isValidDate(y, expr.m, expr.d) ? day({ y, m: expr.m, d: expr.d }) : null;
    }
    case 'month': {
      if (expr.y !== null) return month(expr.y, expr.m);
      if (!dct) return lit(`XXXX-${fmtMonth(0, expr.m).slice(5)}`);
      if (expr.yearRel !== null) return month(dct.y + expr.yearRel, expr.m);
      if (expr.rel === 0) return month(dct.y, expr.m);
      if (expr.rel !== null) {
        // "last August": the latest August before last month (that one would be "last month"); "next August" likewise
        const [y, m] = addMonths(dct.y, dct.m, expr.rel);
        return month(chooseYear({ y, m, d: 1 }, expr.rel < 0 ? 'past' : 'future', monthSpan(expr.m), true), expr.m);
      }
      // a month qualifying a noun ("an August agreement") is no adverb of the verb: only a past tense still binds it
      const t = tenseOf();
      return month(chooseYear(dct, expr.near && t !== 'past' ? 'near' : direction(t, 'near'), monthSpan(expr.m)), expr.m);
    }
    case 'weekday': {
      if (!dct) return lit(`XXXX-WXX-${expr.wd}`);
      const wd = weekday(dct);
      const back = (wd - expr.wd + 7) % 7; // days back to the latest such weekday, today included
      const ahead = (expr.wd - wd + 7) % 7;
      let offset: number;
      const last = ctx.last;
      // "previous" names another reference point than now: the day the text last spoke of, however far back
      if (expr.prev && last && last.period.gran === 'day') {
        const d = last.period.first;
        return day(addDays(d, -(((weekday(d) - expr.wd + 7) % 7) || 7)));
      }
      if (expr.rel === -1) offset = -(back || 7);
      else if (expr.rel === 1) offset = ahead || 7;
      else {
        const tense = tenseOf();
        const dir = expr.lean ?? (tense === 'scheduled' ? 'future' : direction(tense, 'past'));
        offset = dir === 'past' ? -back : dir === 'future' ? ahead : ahead < back ? ahead : -back;
        if (expr.rel === 0 && dir !== 'past') offset = ahead;
      }
      return day(addDays(dct, offset));
    }
    case 'day':
      return dct ? day(addDays(dct, expr.offset)) : lit(UNANCHORED.day);
    case 'shift': {
      const base = anchorOf(ctx, expr.anchor);
      if (!base) return lit(UNANCHORED[expr.unit]);
      if (expr.anchor === 'ref' && base !== null && ctx.last?.period === base) return shiftPeriod(base, expr.unit, expr.n);
      if (expr.unit === 'weekend' && expr.n === 0) {
        // "the weekend" just past in a past-tense sentence, else the current or coming one
        const past = direction(tenseOf(), 'future') === 'past' && weekday(base.first) < 6;
        return shift(base.first, 'weekend', past ? -1 : 0);
      }
      return shift(base.first, expr.unit, expr.n);
    }
    case 'yearAgo': {
      const q = ctx.quarter;
      if (q && ctx.sentence - q.sentence <= 1) return quarter(q.y - 1, q.q);
      const base = anchorOf(ctx, expr.anchor);
      if (!base) return lit('XXXX');
      // a day ("the 12 weeks ended March 4") compares with that day; a month's figures with the year before
      if (expr.anchor === 'ref' && ctx.last?.period === base && base.gran !== 'month') return shiftPeriod(base, 'year', -1);
      return year(base.first.y - 1);
    }
    case 'part': {
      const size = expr.unit === 'quarter' ? 3 : 6;
      const tag = expr.unit === 'quarter' ? 'Q' : 'H';
      let y: number;
      let n: number;
      const q = ctx.quarter;
      const lastDone = (): [number, number] => {
        const k = dct!.y * 4 + Math.floor((dct!.m - 1) / 3) - 1;
        return [Math.floor(k / 4), (k % 4) + 1];
      };
      if (expr.n === 'topic' || expr.n === 'latest') {
        // the quarter under discussion, else the last one completed; "the latest" is always a completed one
        const named = q && ctx.sentence - q.sentence <= REF_REACH * 3 ? q : null;
        // "the 2019 quarter": the quarter under discussion, in that year; without one, just the year
        if (expr.y !== null) return named ? quarter(expr.y, named.q) : year(expr.y);
        if (named && (expr.n === 'topic' || !dct || toDays({ y: named.y, m: named.q * 3, d: 28 }) < toDays(dct))) [y, n] = [named.y, named.q];
        else if (dct && expr.endM !== null) {
          // the calendar quarter holding most of the three months that ended then
          const [my, mm] = addMonths(chooseYear(dct, 'past', monthSpan(expr.endM)), expr.endM, -1);
          [y, n] = [my, Math.floor((mm - 1) / 3) + 1];
        } else if (dct) [y, n] = lastDone();
        else return lit('XXXX-QX');
      } else {
        n = expr.n;
        if (expr.y !== null) y = expr.y;
        else if (!dct) return lit(`XXXX-${tag}${n}`);
        else if (expr.yearRel !== null) y = dct.y + expr.yearRel;
        // "its fourth quarter ended Oct. 31": the year of the latest such month
        else if (expr.endM !== null) y = chooseYear(dct, 'past', monthSpan(expr.endM));
        else {
          // Results come after a quarter ends: in a past-tense sentence the latest one begun, else
          // the nearest; in a future one ("expects to report a third-quarter loss", "will emerge
          // by the third quarter") or forecast ("raised its third-quarter forecast") the next one
          // not yet reported on, a season after its end.
          const span = quarterSpan(n, size);
          const tense = expr.ahead ? 'future' : tenseOf();
          y = tense === 'future' ? chooseYear(dct, 'future', (yy) => [span(yy)[0], span(yy)[1] + RESULTS_LAG]) : chooseYear(dct, tense === 'past' ? 'past' : 'near', span);
        }
      }
      y -= expr.back;
      if (expr.unit === 'half') return lit(`${fmtYear(y)}-H${n}`);
      return quarter(y, n);
    }
    case 'season': {
      if (expr.y !== null) return lit(`${fmtYear(expr.y)}-${expr.s}`);
      if (!dct) return lit(`XXXX-${expr.s}`);
      const span = seasonSpan(expr.s);
      let y: number;
      if (expr.rel === 0) y = dct.y;
      else if (expr.rel !== null) y = chooseYear(dct, expr.rel < 0 ? 'past' : 'future', span, true);
      else y = chooseYear(dct, direction(tenseOf(), 'near'), span);
      return lit(`${fmtYear(y)}-${expr.s}`);
    }
    case 'holiday': {
      if (expr.y !== null) return day(expr.at(expr.y));
      if (!dct) {
        const a = expr.at(2001), b = expr.at(2002);
        const mm = a.m === b.m ? String(a.m).padStart(2, '0') : 'XX';
        return lit(`XXXX-${mm}-${a.m === b.m && a.d === b.d ? String(a.d).padStart(2, '0') : 'XX'}`);
      }
      if (expr.rel === 0) return day(expr.at(dct.y));
      const span = (yy: number): [number, number] => {
        const t = toDays(expr.at(yy));
        return [t, t];
      };
      const dir: Direction = expr.rel === -1 ? 'past' : expr.rel === 1 ? 'future' : direction(tenseOf(), 'near');
      let y = chooseYear(dct, dir, span, expr.rel !== null);
      if (expr.rel === null && Math.abs(span(y)[0] - toDays(dct)) > DAY_WINDOW) y = chooseYear(dct, 'near', span);
      return day(expr.at(y));
    }
    case 'weekOf': {
      const d = resolve(expr.of, tenseOf, ctx);
      if (d?.period?.gran !== 'day') return lit(UNANCHORED[expr.weekend ? 'weekend' : 'week']);
      const w = week(d.period.first);
      return expr.weekend ? { value: `${w.value}-WE`, period: w.period } : w;
    }
    case 'dayNext': {
      const d = resolve(expr.of, tenseOf, ctx);
      return d?.period?.gran === 'day' ? day(addDays(d.period.first, expr.n)) : lit(UNANCHORED.day);
    }
    case 'anaphor': {
      const last = ctx.last;
      if (last && ctx.sentence - last.sentence <= REF_REACH && granOk(last.period, expr.unit)) {
        // "the following year" after a day is a year: the anaphor's own unit sets the granularity
        return expr.unit === 'year' ? year(last.period.first.y + expr.n) : shiftPeriod(last.period, expr.unit, expr.n);
      }
      if (expr.unit !== 'day' || !dct || expr.part) return null;
      return day(addDays(dct, expr.n));
    }
  }
}

/** "that day" needs a mentioned day, "that year" anything within a year. */
function granOk(p: Period, unit: Unit): boolean {
  const order = ['day', 'week', 'month', 'quarter', 'year'];
  return order.indexOf(p.gran) <= Math.max(0, order.indexOf(unit));
}
