import type { DateFact, Sentence } from '../types.ts';
import { addMonths, parseYmd, toDays } from './calendar.ts';
import { findCandidates } from './grammar.ts';
import { resolve, type Context } from './resolve.ts';
import { tenseAt, wordsOf, type Words } from './tense.ts';

/** The clock time or part of day that ends a TIMEX3 TIME ("T09:00", "TAF"). */
export const TIME_OF_DAY = /T(?:\d\d:\d\d|MO|AF|EV|NI)$/;
/** Whether a TIMEX3 value is a TIME (a day with a clock time or part of day: "2000-04-04T09:00"), not a DATE. */
export const isTimeValue = (value: string): boolean => TIME_OF_DAY.test(value);

/** A TIMEX3 value of one day, dated or not ("2000-04-04", "XXXX-04-04", "XXXX-WXX-2"). */
const A_DAY = /^(?:\d{4}|XXXX)-(?:\d\d-\d\d|XX-XX|\d\d-XX|XX-\d\d|WXX-\d)$/;

/**
 * Every calendar time expression of an article (TimeML TIMEX3 type DATE, or TIME where a clock time
 * goes with the day: "9 a.m. Tuesday" → 2000-04-04T09:00), normalized against the
 * publication date (YYYY-MM-DD). Sentences must come in article order: "that day", "the quarter" and
 * "a year earlier" lean on what was mentioned before. Without a publication date, relative expressions
 * keep X placeholders ("XXXX-11-21", "XXXX-WXX-5") instead of a guessed year.
 */
export function extractDates(sentences: readonly Sentence[], published: string | null): DateFact[] {
  const ctx: Context = { dct: parseYmd(published), last: null, quarter: null, sentence: 0 };
  const out: DateFact[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const found = findCandidates(s.text, s.tokens);
    if (found.length === 0) continue;
    ctx.sentence = i;
    let words: Words | null = null;
    for (const c of found) {
      const tenseOf = () => (c.lean === 'near' ? 'uncertain' : c.lean ?? tenseAt((words ??= wordsOf(s.text, s.tokens)), c.start, c.end));
      const r = resolve(c.expr, tenseOf, ctx);
      if (!r) continue;
      const value = c.time && A_DAY.test(r.value) ? `${r.value}T${c.time}` : r.value;
      out.push({ text: s.text.slice(c.start, c.end), value, mod: c.mod, sentence: s.id, start: c.start, end: c.end });
      // a comparison ("a year earlier", "the year-ago quarter", "the 2019 quarter") is no new reference point
      const derived = c.expr.kind === 'yearAgo' || (c.expr.kind === 'part' && (c.expr.back > 0 || (c.expr.n === 'topic' && c.expr.y !== null)));
      // "the 2019 period" speaks of the quarter under discussion again: it stays the one "a year ago" leans on
      if (c.expr.kind === 'part' && c.expr.n === 'topic' && c.expr.y !== null && ctx.quarter) ctx.quarter.sentence = i;
      if (r.period && !derived) {
        ctx.last = { period: r.period, sentence: i };
        // the quarter under discussion is one the text names (not "the year-ago quarter") and that is over:
        // earnings stories compare the quarter reported, not the one forecast
        const named = (c.expr.kind === 'part' && c.expr.back === 0) || c.expr.kind === 'shift';
        const [ey, em] = addMonths(r.period.first.y, r.period.first.m, 3);
        const over = !ctx.dct || toDays({ y: ey, m: em, d: 1 }) <= toDays(ctx.dct);
        // and the latest one reported: "after a flat second quarter" looks back from the third, it does not replace it
        const q = { y: r.period.first.y, q: (r.period.first.m + 2) / 3, sentence: i };
        const older = ctx.quarter !== null && q.y * 4 + q.q < ctx.quarter.y * 4 + ctx.quarter.q && i - ctx.quarter.sentence <= 3 * 3;
        if (named && over && r.period.gran === 'quarter' && !older) ctx.quarter = q;
      }
    }
  }
  return out;
}
