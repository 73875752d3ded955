import type { Token } from '../types.ts';
import { addDays, easter, nthWeekday, type Ymd } from './calendar.ts';
import {
  DECADE_WORDS, MONTHS, NUMBER_SRC, ORDINALS, SEASONS, SPOKEN_YEAR_SRC, WEEKDAYS, numberValue, spokenYear,
} from './lexicon.ts';

/**
 * The pattern grammar: each rule finds one kind of time expression in a sentence and says what it
 * means (an Expr), leaving the calendar arithmetic to the resolver.
 */

export type Unit = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'half' | 'year' | 'decade' | 'century';

/** Where a relative expression is anchored: the publication date, or the last date the text mentioned. */
export type Anchor = 'now' | 'ref';

export type Expr =
  /** A calendar day; a null year is inferred from the weekday named with it ("Tuesday, March 12"), else from tense. */
  | { kind: 'date'; y: number | null; m: number; d: number; wd?: number }
  /**
   * A month; `rel` -1/0/1 for "last/this/next August", `yearRel` for "August last year". `near` when it
   * qualifies a noun ("an August agreement", "March's vote"): the nearest such month unless the tense is past.
   */
  | { kind: 'month'; y: number | null; m: number; rel: number | null; yearRel: number | null; near?: boolean }
  | { kind: 'year'; y: number }
  /**
   * `lean` overrides tense: "Friday's vote" is an event already reported, "ahead of Friday's vote" one
   * to come. A part of the day ("Friday night") stays in the span but the value is the day.
   */
  | { kind: 'weekday'; wd: number; rel: number | null; lean: 'past' | 'future' | null; prev?: boolean }
  /** today (0), yesterday (-1), tomorrow (1). */
  | { kind: 'day'; offset: number }
  /** "this week" (0), "last month" (-1), "two years ago" (-2), "a year earlier" (anchor ref). */
  | { kind: 'shift'; unit: Unit; n: number; anchor: Anchor; approx: boolean }
  /**
   * A quarter or half: numbered, the one under discussion ("the quarter"; with `y`, "the 2019 quarter"),
   * or the last one finished ("the latest quarter"); `back` years for "the year-ago quarter"; `endM` the
   * month it ended in ("its fourth quarter ended Oct. 31"); `ahead` when a forecast is about it ("a
   * third-quarter copper forecast"), so it is one not yet reported on.
   */
  | { kind: 'part'; unit: 'quarter' | 'half'; n: number | 'topic' | 'latest'; y: number | null; yearRel: number | null; back: number; endM: number | null; ahead?: boolean }
  | { kind: 'season'; s: string; y: number | null; rel: number | null }
  /** "a year ago" and friends: the period under discussion (a quarter in earnings news) one year back. */
  | { kind: 'yearAgo'; anchor: Anchor }
  /** A fixed value; `notInPast` drops it in a past-tense clause ("was soon repaired": soon after, not ahead). */
  | { kind: 'literal'; value: string; notInPast?: boolean }
  | { kind: 'holiday'; at: (y: number) => Ymd; y: number | null; rel: number | null }
  /**
   * "that day", "the next day": relative to the last date mentioned. `part` for a part of the day ("that night",
   * "the next morning"), which needs that date: without one it says nothing of the publication day.
   */
  | { kind: 'anaphor'; unit: Unit; n: number; part?: boolean }
  /** The week (or its weekend) a day falls in: "the week of October 6", "Easter week", "the weekend of 9 July". */
  | { kind: 'weekOf'; of: Expr; weekend: boolean }
  /** The day before (-1) or after (1) a day: "the day before Christmas". */
  | { kind: 'dayNext'; of: Expr; n: number };

export interface Candidate {
  start: number;
  end: number;
  expr: Expr;
  mod: string | null;
  /**
   * What the preposition says whatever the tense: "since April" lies in the past, "ahead of the weekend"
   * in the future; "until April", "through August" mark an end point, as often ahead as behind, so the
   * nearest one.
   */
  lean: 'past' | 'future' | 'near' | null;
  /** The clock time told with a day ("9 a.m. Tuesday": 09:00), which makes it a TIMEX3 TIME. */
  time: string | null;
}

const MONTH_FULL = 'january|february|march|april|may|june|july|august|september|october|november|december';
const MONTH_ABBR = 'jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const MONTH = `(?:${MONTH_FULL}|(?:${MONTH_ABBR})\\.?)`;
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const PARTS_OF_DAY = '(?:morning|afternoon|evening|night)';
/** After a weekday: "nights", "and Friday mornings" make it a recurring set. */
const PLURAL_PART_AFTER = new RegExp(`(?:\\s+(?:and|or)\\s+${WEEKDAY})?\\s+${PARTS_OF_DAY}s\\b`, 'iy');
/** Newspapers and named days: "Sunday Times", "Mail on Sunday", "Black Friday". */
const TITLE_AFTER_WEEKDAY = /\s+(?:Times|Telegraph|Mirror|Express|People|Herald|Post|Independent|Mail|Star|World|Night Live|Bloody|[Pp]rogramme|[Ss]how)\b/y;
const TITLE_BEFORE_WEEKDAY = /(?<=\bMail\s+on\s+|\b(?:Black|Good|Super|Cyber|Ash|Palm|Bloody|Holy|Maundy)\s+)/y;
/** "ahead of Friday's vote": an event to come. */
const AHEAD_BEFORE = /(?<=\b(?:ahead\s+of|until|till|upcoming|awaiting|awaits|await|for)\s+)/iy;
const WEEKDAY_ABBR = '(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\\.';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(?:1[0-9]\\d\\d|20\\d\\d|21\\d\\d)';
const ORD = '(?:first|second|third|fourth|final|1st|2nd|3rd|4th)';
const SEASON = '(?:spring|summer|fall|autumn|winter)';
const REL = '(?:this\\s+past|this\\s+coming|last|next|this|coming|past|previous|preceding|following)';
const UNIT = '(?:days?|weeks?|months?|years?|decades?|centuries|century)';

/** A month is only read capitalized ("May", not the modal "may"): the rules that take one run on a capitalized key. */
const MONTH_KEYS = 'January Jan February Feb March Mar April Apr May June Jun July Jul August Aug September Sept Sep October Oct November Nov December Dec';

const monthOf = (s: string): number => MONTHS[s.toLowerCase().replace('.', '')] ?? 0;
const dayOf = (s: string): number => parseInt(s, 10);
const weekdayOf = (s: string | undefined): number | undefined => (s ? WEEKDAYS[s.toLowerCase().replace('.', '')] : undefined);
const isCap = (s: string): boolean => s.charCodeAt(0) >= 65 && s.charCodeAt(0) <= 90;
const relOf = (s: string | undefined): number | null => {
  if (!s) return null;
  const x = s.toLowerCase();
  if (x.includes('past') || x === 'last' || x === 'previous' || x === 'preceding') return -1;
  if (x.includes('coming') || x === 'next' || x === 'following') return 1;
  return 0;
};
const unitOf = (s: string): Unit => {
  const x = s.toLowerCase();
  if (x.startsWith('centur')) return 'century';
  return x.replace(/s$/, '') as Unit;
};

/**
 * The context of a match is read in place with sticky patterns rather than copied out: `matchesAt` whether `re`
 * matches at text[i] within the next `window` characters, `endsAt` whether a lookbehind `re` holds at text[i], that
 * is whether what it describes ends there.
 */
function matchesAt(re: RegExp, text: string, i: number, window = Infinity): boolean {
  re.lastIndex = i;
  return re.test(text) && re.lastIndex <= i + window;
}
function endsAt(re: RegExp, text: string, i: number): boolean {
  re.lastIndex = i;
  return re.test(text);
}

/**
 * A clock time, as TIMEX3 writes it after the "T": "9 a.m." → 09:00, "10:30 p.m." or "10.30pm" → 22:30, "noon" → 12:00,
 * "midnight" → 24:00, "mid-afternoon" → AF. A time zone after it ("EST") belongs to the expression. A
 * capitalized "Midnight" or "Noon" starts a name ("Midnight Mass").
 */
const CLOCK_SRC = '(?:(?<![\\d.:])(\\d{1,2})(?:[:.](\\d\\d))?\\s*([ap])\\.?\\s?m\\b\\.?(?:\\s*(?-i:[A-Z]{2,4})\\b)?|\\b(?-i:(noon|midday|midnight))\\b|\\b(?-i:(mid-?(?:morning|afternoon|evening)))\\b)';
/** A clock time just before a day: "9 a.m. Tuesday", "noon on Friday", "5 p.m. EST, Nov. 9". */
const CLOCK_BEFORE = new RegExp(`(?<=${CLOCK_SRC}\\s*,?\\s*(?:on\\s+)?)`, 'diy');
/** A clock time just after a day: "Tuesday at 9 a.m.", "Oct. 2, 10:30 a.m.", "Friday at noon". */
const CLOCK_AFTER = new RegExp(`\\s*,?\\s*(?:at\\s+)?(?:${CLOCK_SRC}|(\\d{1,2}):(\\d\\d)\\b(?!\\s*[ap]\\.?\\s?m))`, 'iy');
const PART_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV' };
const NAMED_HOUR: Record<string, string> = { noon: '12:00', midday: '12:00', midnight: '24:00' };

/** The TIMEX3 time of a clock match whose groups start at `g`: hour, minutes, a/p, named hour, part of day. */
function clockOf(m: RegExpExecArray, g: number): string | null {
  if (m[g + 3]) return NAMED_HOUR[m[g + 3]!.toLowerCase()]!;
  if (m[g + 4]) return PART_OF_DAY[m[g + 4]!.toLowerCase().replace(/^mid-?/, '')]!;
  const h = Number(m[g]);
  if (h < 1 || h > 12) return null;
  const hour = (h % 12) + (m[g + 2]!.toLowerCase() === 'p' ? 12 : 0);
  return `${String(hour).padStart(2, '0')}:${m[g + 1] ?? '00'}`;
}

/**
 * The clock time told with the day at [start, end) and the span it widens that day to, or null:
 * with one, the expression is a TIMEX3 TIME ("9 a.m. Tuesday" → 2000-04-04T09:00).
 */
function clockAround(text: string, start: number, end: number, floor: number): { start: number; end: number; time: string } | null {
  CLOCK_BEFORE.lastIndex = start;
  const before = CLOCK_BEFORE.exec(text);
  if (before) {
    // (the groups of a look-behind have their places too)
    const at = Math.min(...[1, 4, 5].map((g) => before.indices![g]?.[0] ?? Infinity));
    const time = clockOf(before, 1);
    if (time && at >= floor) return { start: at, end, time };
  }
  CLOCK_AFTER.lastIndex = end;
  const after = CLOCK_AFTER.exec(text);
  if (!after) return null;
  const time = after[6] ? (Number(after[6]) < 24 ? `${after[6].padStart(2, '0')}:${after[7]}` : null) : clockOf(after, 1);
  return time ? { start, end: CLOCK_AFTER.lastIndex, time } : null;
}

const letterAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i) | 32; // NaN past either end: no letter
  return c >= 97 && c <= 122;
};
const digitAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};
const SPACE = /\s/y;
/** White space as `\s` reads it; the pattern only for characters beyond ASCII. */
const spaceAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  SPACE.lastIndex = i;
  return SPACE.test(text);
};

/** Words after a number that show it counts things rather than naming a year. */
const COUNTED = /[\s-]*(?:%|percent|per\s*cent|people|persons|shares|troops|soldiers|men|women|jobs|employees|workers|staff|cars|vehicles|units|votes|voters|tons|tonnes|miles|kilometers|kilometres|km|feet|meters|metres|yards|points|barrels|acres|hectares|students|children|cases|deaths|members|seats|pages|copies|homes|houses|pounds|dollars|euros|yen|hours|minutes|seconds|calories|residents|companies|firms|stores|shops|flights|passengers|patients|refugees|prisoners|police|officers|delegates|games|matches|goals|runs|times|million|billion|trillion|thousand|bn|m\b|GMT|UTC|BST|EST|EDT|CET|hrs|local\s+time)/iy;
const counted = (text: string, end: number): boolean => matchesAt(COUNTED, text, end, 24);
/** "1998-99", "3.1998", "2000-year-old": part of a bigger number or an age. */
const BIGGER_NUMBER = /[.,:/]\d|-\d{3}|\d|-[a-z]+-old/iy;
/** "from 1130 to 1215 GMT": a range of clock times. */
const CLOCK_RANGE = /\s*(?:-|to|and|until)\s*\d{4}\s*(?:GMT|UTC|BST|EST|EDT|CET|hrs|hours|local)\b/iy;
const YEAR_LEFT_OK = new Set(['in', 'since', 'by', 'until', 'till', 'from', 'of', 'the', 'fiscal', 'for', 'during', 'before',
  'after', 'through', 'to', 'and', 'or', 'early', 'late', 'mid', 'between', 'around', 'about', 'year', 'end', 'start',
  'summer', 'winter', 'spring', 'fall', 'autumn', 'circa', 'c', 'than', 'as', 'at', 'on', 'into', 'towards', 'toward']);

/** Money, a code, a bigger number or a word glued on before a number: "$2000", "#1998", "3,1998", "A-1998", "No. 1998". */
function gluedBefore(text: string, from: number, start: number): boolean {
  const p = start - 1;
  if (p < from) return false;
  const c = text.charCodeAt(p);
  if (c === 36 || c === 0xa3 || c === 0x20ac || c === 0xa5 || c === 35 || digitAt(text, p) || letterAt(text, p)) return true;
  if ((c === 46 || c === 44) && p > from && digitAt(text, p - 1)) return true;
  if (c === 45 && p > from && letterAt(text, p - 1)) return true;
  let q = p;
  while (q >= from && spaceAt(text, q)) q--;
  return q - 2 >= from && text.startsWith('No.', q - 2);
}

/** The word just before `start` (only non-word characters between), within text[from, start); null when none. */
function wordBefore(text: string, from: number, start: number): { word: string; at: number } | null {
  let p = start - 1;
  while (p >= from && !letterAt(text, p) && !digitAt(text, p) && text.charCodeAt(p) !== 95) p--;
  if (p < from || !letterAt(text, p)) return null;
  let q = p;
  while (q > from && letterAt(text, q - 1)) q--;
  return { word: text.slice(q, p + 1), at: q };
}

/** A four-digit number is a year unless it reads as money, a count, a score, a code or part of a bigger number. */
function yearContextOk(text: string, start: number, end: number, y: number): boolean {
  const from = Math.max(0, start - 24);
  if (gluedBefore(text, from, start)) return false;
  if (matchesAt(BIGGER_NUMBER, text, end, 24) || counted(text, end) || matchesAt(CLOCK_RANGE, text, end, 24)) return false;
  const prev = wordBefore(text, from, start);
  const lowPrev = prev?.word.toLowerCase();
  // "Windows 2000", "Flight 1549": a name before the number (not a sentence's first word, not a month)
  if (prev && lowPrev && isCap(prev.word) && !YEAR_LEFT_OK.has(lowPrev) && !(lowPrev in MONTHS) && !(lowPrev in SEASONS)
    && /[A-Za-z]/.test(text.slice(0, prev.at))) {
    return false;
  }
  // before 1900 only with a clear temporal preposition ("in 1848")
  if (y < 1900) return lowPrev !== undefined && ['in', 'since', 'of', 'from', 'until', 'by', 'year', 'circa', 'c', 'before', 'after', 'to', 'and'].includes(lowPrev);
  return true;
}

/** "May" the modal, "March" the verb, "Rose Mary April": only take a bare month name that reads as one. */
const MONTH_LEFT_OK = /(?<=\b(?:in|since|by|until|till|from|of|during|before|after|through|to|and|or|early|late|mid|last|next|this|coming|past|between|around|on|for|the|end|beginning|start|middle)\s+|mid-|end-|start-)/iy;
// "May" and "March" are a modal and a verb far more often: only after words that take a month
const MODAL_MONTH_LEFT_OK = /(?<=\b(?:in|since|by|until|till|from|during|before|after|through|early|late|mid|last|next|this|month\s+of|(?:end|beginning|start|middle)\s+of)\s+|mid-|end-|start-)/iy;
/** "each Thursday", "every May": a set, not a date. */
const EVERY_BEFORE = /(?<=\b(?:each|every)\s+)/iy;
const NAME_BEFORE = /(?<=[A-Z][a-z]+\s+)/y;
const NAME_AFTER = /\s+[A-Z][a-z]/y;
/** A possessive right before: "Ukraine's". */
const OWNER_BEFORE = /(?<=[A-Za-z]['’]s\s+)/y;
function bareMonthOk(text: string, start: number, end: number, word: string): boolean {
  if (!isCap(word)) return false;
  if (endsAt(EVERY_BEFORE, text, start)) return false;
  const lw = word.toLowerCase();
  // after a determiner and before a noun they are months again: "the March vote", "a May deadline"
  if (lw === 'may' || lw === 'march') return endsAt(MODAL_MONTH_LEFT_OK, text, start) || attributiveMonth(text, start, end);
  if (endsAt(MONTH_LEFT_OK, text, start)) return true;
  // a capitalized word either side makes it part of a name ("April Smith", "Kim August")
  return !matchesAt(NAME_AFTER, text, end, 20) && !endsAt(NAME_BEFORE, text, start);
}

/** A month between a determiner and a noun qualifies the noun ("an August agreement"); not a person ("the May government"). */
function attributiveMonth(text: string, start: number, end: number): boolean {
  return endsAt(ATTRIBUTIVE_BEFORE, text, start) && matchesAt(NOUN_AFTER, text, end, 24) && !matchesAt(FOLLOWERS_AFTER, text, end, 24);
}
const FOLLOWERS_AFTER = /\s+(?:government|administration|cabinet|ministry|premiership|presidency|camp|team|family|aides|allies|supporters)\b/iy;

/** "2 May be": the modal after a count. */
const MODAL_AFTER = /\s+(?:be|have|not|also|well)\b/y;

/** A month between a determiner and a noun qualifies the noun: "an August agreement", "for March transactions". */
const ATTRIBUTIVE_BEFORE = /(?<=\b(?:a|an|the|its|their|his|her|our|for)\s+)/iy;
const NOUN_AFTER = /\s+(?!(?:of|to|and|or|in|on|at|by|for|from|with|as|is|was|were|be|been|has|had|have|will|would|when|that|which|through|until|after|before|this|next|last|but|said|says|if|while|because|since|so|than|are|did|does|can|could|may|might|should|must|also|where|who|whose|the|a|an)\b)[a-z]{3,}\b/y;

interface Rule {
  re: RegExp;
  /**
   * Words one of which the sentence must contain for the rule to run, in any case, or capitalized when the key is
   * (the rule reads only a capitalized "May", "Friday", "Easter"); after " + ", a second group of which it must
   * contain one too. For numbers, their shape: "#" any, "#4" a four-digit number ("1998", "mid-1998"), "#0" a decade
   * ("1990s", "'90s", "1990's"), "#-" and "#/" numbers joined by a hyphen or a slash ("2025-09-17", "9/17/25"),
   * "q#" a quarter or half ("Q3", "3Q", "H1").
   */
  keys: string;
  build: (m: RegExpExecArray, text: string) => Expr | null;
}

const rx = (src: string): RegExp => new RegExp(src, 'gi');

function yearFromParts(y: string | undefined): number | null {
  return y ? Number(y) : null;
}

function validDay(m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** What follows "the past" in a duration: "the past three months", "the past year". */
const PAST_DURATION = new RegExp(`[\\s-]+(?:${NUMBER_SRC}|${UNIT}|quarters?|weekend|few|several|couple)\\b`, 'iy');
/** "from now on": an idiom, not the present. */
const FROM_BEFORE = /(?<=\bfrom\s+)/iy;
const ON_AFTER = /\s+on\b/iy;
/** A date right after an adverb: "recently last October", "as recently as March 3", "lately in 2019". */
const DATE_AFTER = new RegExp(`\\s+(?:as\\s+)?(?:(?:in|on|during)\\s+)?(?:(?:last|this|next|early|late|mid)[-\\s]+(?:${MONTH}|${WEEKDAY}|${SEASON}|${UNIT}|${YEAR})\\b|${YEAR}\\b|${MONTH}\\s|${WEEKDAY}\\b|yesterday\\b|today\\b)`, 'iy');
/** "current" as an adjective: a lower-case word follows. */
const WORD_AFTER = /\s+[a-z]/y;
/** "as soon as", "too soon", "soon after": no future of its own. */
const SOON_BEFORE = /(?<=\b(?:as|too|how|so)\s+)/iy;
const SOON_AFTER = /\s+(?:as|after|afterwards?|thereafter|enough)\b/iy;
/** "the future of the site": a topic, not a time. */
const TOPIC_AFTER = /\s+(?:of|for)\b/iy;

/** "of" or "in" after a season: "the fall of Rome", "the spring in Paris" (not "the summer of 1998"). */
const OF_IN_AFTER = /\s+(?:of|in)\b/y;
/** "in 2000" read out as "in two thousand". */
const IN_BEFORE = /(?<=\b(?:in|since|by|until)\s+)/iy;
const OF_IN_WORD_AFTER = /\s+(?:of|in)\s+(?!\d)/y;

/** "ended Oct. 31" after "the quarter". */
const QUARTER_ENDED = new RegExp(`\\s+(?:that\\s+|which\\s+)?end(?:ed|ing|s)\\s+(${MONTH})`, 'iy');
/** "the year ended March 31": a span of a year. */
const ENDED_AFTER = /\s+(?:that\s+|which\s+)?end(?:ed|ing|s)\b/iy;
/** "the year to March", "the year beginning 1 October", "the year to date": a span of a year too ("this year through Nov. 3" is this year). */
const TO_MONTH_AFTER = new RegExp(`\\s+(?:to|through|beginning|starting)\\s+(?:date\\b|(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?${MONTH})`, 'iy');
/** "the year after the plot", "the year when": a year fixed by something else. */
const FIXED_AFTER = /\s+(?:after|before|when|that|which|in\s+which|of|since)\b/iy;
/** "the week" and "the month" are the current ones only after a preposition that anchors them. */
const ANCHOR_BEFORE = /(?<=\b(?:of|during|earlier\s+in|later\s+in|early\s+in|late\s+in|end\s+of|for)\s+)/iy;
/** What "today's" says of an age rather than a day. */
const AGE_AFTER = /\s+(?:world|youth|society|societies|generations?|young|children|kids|teenagers|families|parents|consumers|culture|standards|technology|technologies|economy|workplace|politics)\b/iy;
/** Titles: "the Today programme". */
const SHOW_AFTER = /\s+(?:programme|program|show)\b/iy;
const CAPITAL_BEFORE = /(?<=[A-Z][A-Za-z]*\s+)/y;
/** A word (or its possessive) just before, with no punctuation or quote between: "told Today", "Radio Nine's Today". */
const WORD_BEFORE = /(?<=[A-Za-z0-9]['’]?s?\s+)/y;

/** A company's figures after "first-half" and the like. */
const FIGURES_AFTER = /\s+(?:(?:pre-?tax|operating|net|underlying|core)\s+)?(?:profits?|results?|earnings|sales|revenues?|loss(?:es)?|figures|income|dividends?|margins?|turnover|output|growth|orders|shipments|volumes?|net|performance\s+of\s+the\s+(?:company|group|firm))\b/iy;
/** A forecast about the period before it, a word or two on: "third-quarter copper forecast", "first-half outlook". */
const FORECAST_AFTER = /[-\s]+(?:[a-z]+\s+){0,2}?(?:forecasts?|outlook|estimates?|targets?|guidance|projections?)\b/iy;
/** "nine months", "first six months" after a comparison word. */
const MONTHS_AFTER = new RegExp(`\\s+(?:first\\s+)?(?:${NUMBER_SRC})\\s+months\\b`, 'iy');
/** The end of a clause or sentence. */
const CLAUSE_END = /\s*(?:[,.;:)]|$)/y;

const RULES: Rule[] = [
  // 2025-09-17
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    keys: '#-',
    build: (m) => {
      const mo = Number(m[2]), d = Number(m[3]);
      return validDay(mo, d) ? { kind: 'date', y: Number(m[1]), m: mo, d } : null;
    },
  },
  // 9/17/2025, 17/9/25 (day first when the first number cannot be a month)
  {
    re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g,
    keys: '#/',
    build: (m) => {
      let mo = Number(m[1]), d = Number(m[2]);
      if (mo > 12) [mo, d] = [d, mo];
      let y = Number(m[3]);
      if (m[3]!.length === 2) y += y < 50 ? 2000 : 1900;
      return validDay(mo, d) ? { kind: 'date', y, m: mo, d } : null;
    },
  },
  // (Friday,) September 17(, 2025)
  {
    re: rx(`\\b(?:(${WEEKDAY}|${WEEKDAY_ABBR}),?\\s+(?:the\\s+)?)?(${MONTH})\\s+(${DAY})\\b(?:(?:\\s*,\\s*|\\s+)(${YEAR})\\b)?(?!%|[.,:]\\d|\\s*(?:percent|per\\s*cent))`),
    keys: `${MONTH_KEYS} + #`,
    build: (m, text) => {
      if (!isCap(m[2]!)) return null;
      const mo = monthOf(m[2]!), d = dayOf(m[3]!);
      return validDay(mo, d) ? { kind: 'date', y: yearFromParts(m[4]), m: mo, d, wd: weekdayOf(m[1]) } : null;
    },
  },
  // (Friday,) 17(th) (of) September(, 2025)
  {
    re: rx(`\\b(?:(${WEEKDAY}|${WEEKDAY_ABBR}),?\\s+)?(?:the\\s+)?(${DAY})(?:\\s+of)?\\s+(${MONTH})(?:,?\\s+(${YEAR}))?\\b`),
    keys: `${MONTH_KEYS} + #`,
    build: (m, text) => {
      if (!isCap(m[3]!)) return null;
      // "2 May be" is a count before a modal; a month name needs a capital after a bare number
      const mo = monthOf(m[3]!), d = dayOf(m[2]!);
      if (!m[4] && mo === 5 && matchesAt(MODAL_AFTER, text, m.index + m[0].length)) return null;
      return validDay(mo, d) ? { kind: 'date', y: yearFromParts(m[4]), m: mo, d, wd: weekdayOf(m[1]) } : null;
    },
  },
  // September 2025, Sept. of 2025
  {
    re: rx(`\\b(${MONTH}),?\\s+(?:of\\s+)?(${YEAR})\\b`),
    keys: `${MONTH_KEYS} + #4`,
    build: (m) => (isCap(m[1]!) ? { kind: 'month', y: Number(m[2]), m: monthOf(m[1]!), rel: null, yearRel: null } : null),
  },
  // January nineteen ninety-seven
  {
    re: rx(`\\b(${MONTH_FULL})\\s+(${SPOKEN_YEAR_SRC})\\b`),
    keys: `${MONTH_KEYS} + nineteen eighteen twenty thousand`,
    build: (m) => {
      const y = spokenYear(m[2]!);
      return isCap(m[1]!) && y ? { kind: 'month', y, m: monthOf(m[1]!), rel: null, yearRel: null } : null;
    },
  },
  // (last|next|this) August (of last year)
  {
    re: rx(`\\b(?:(${REL})\\s+)?(${MONTH_FULL}|sept\\.)(?:\\s+(?:of\\s+)?(this|last|next)\\s+year\\b)?(?:'s|’s)?`),
    keys: MONTH_KEYS,
    build: (m, text) => {
      const word = m[2]!;
      const start = m.index + (m[1] ? m[0].indexOf(word, m[1].length) : 0);
      if (!m[1] && !m[3] && !bareMonthOk(text, start, start + word.length, word)) return null;
      if (!isCap(word)) return null;
      const yearRel = m[3] ? relOf(m[3]) : null;
      const end = m.index + m[0].length;
      const near = !m[1] && !m[3] && (/['’]s$/.test(m[0]) || attributiveMonth(text, start, end));
      return { kind: 'month', y: null, m: monthOf(word), rel: relOf(m[1]), yearRel, near };
    },
  },
  // Christmas, Thanksgiving, New Year's Day ... (fixed or computed each year)
  {
    re: /\b(?:(last|next|this)\s+)?(Christmas(?:\s+Day|\s+Eve)?|New\s+Year's\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday)?|Good\s+Friday|Halloween|Valentine's\s+Day|Independence\s+Day|Labou?r\s+Day|Memorial\s+Day|Boxing\s+Day|Election\s+Day|Christmas)\b(?:\s+(\d{4})\b)?(\s+week\b)?/gi,
    keys: 'Christmas New Thanksgiving Easter Good Halloween Valentine Independence Labor Labour Memorial Boxing Election',
    build: (m, text) => {
      const at = holiday(m[2]!);
      if (!at || !isCap(m[2]!)) return null;
      // "Holocaust Memorial Day", "Ukraine's Independence Day", "Orthodox Christmas": another day of that name
      // (a possessive only before a nation's day: "Celtic's Boxing Day match" is on Boxing Day)
      const national = /^(?:Independence|Memorial|Labou?r|Election|Thanksgiving)/.test(m[2]!);
      if (!m[1] && ((national && endsAt(OWNER_BEFORE, text, m.index)) || (endsAt(NAME_BEFORE, text, m.index) && /[A-Za-z]/.test(text.slice(0, wordBefore(text, 0, m.index)!.at))))) return null;
      const day: Expr = { kind: 'holiday', at, y: m[3] ? Number(m[3]) : null, rel: relOf(m[1]) };
      // "Easter week", "Christmas week": the week the holiday falls in
      return m[4] ? { kind: 'weekOf', of: day, weekend: false } : day;
    },
  },
  // (last|next) Friday('s) (morning); a capitalized part of the day names an event: "Friday Night Lights"
  {
    re: rx(`\\b(?:(${REL})\\s+)?(${WEEKDAY})(?:'s|’s)?(?:\\s+(?-i:morning|afternoon|evening|night))?\\b`),
    keys: 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday',
    build: (m, text) => {
      const word = m[2]!;
      if (!isCap(word)) return null;
      const end = m.index + m[0].length;
      if (matchesAt(TITLE_AFTER_WEEKDAY, text, end, 14) || endsAt(TITLE_BEFORE_WEEKDAY, text, m.index)) return null;
      // "each Thursday", "every Monday", "on Tuesday nights", "Monday and Friday mornings" recur: a set, not a date
      if (endsAt(EVERY_BEFORE, text, m.index)) return null;
      const wordEnd = m.index + m[0].indexOf(word) + word.length;
      if (matchesAt(PLURAL_PART_AFTER, text, wordEnd, end + 30 - wordEnd)) return null;
      let lean: 'past' | 'future' | null = null;
      if (/^\S+['’]s\b/.test(m[0].slice(m[0].indexOf(word)))) lean = endsAt(AHEAD_BEFORE, text, m.index) ? 'future' : 'past';
      // "the previous Friday", "the preceding Monday": the one before the day the text is on
      const prev = /^(?:previous|preceding)$/i.test(m[1] ?? '');
      return { kind: 'weekday', wd: WEEKDAYS[word.toLowerCase()]!, rel: relOf(m[1]), lean, prev };
    },
  },
  // today, yesterday, tomorrow, tonight; the day before yesterday
  {
    re: /\b(?:the\s+day\s+(before|after)\s+)?(today|yesterday|tomorrow|tonight)(?:'s|’s)?\b/gi,
    keys: 'today yesterday tomorrow tonight',
    build: (m, text) => {
      const end = m.index + m[0].length;
      // titles: "USA Today", "the Today programme", "Pandora Tomorrow"
      if (matchesAt(SHOW_AFTER, text, end, 12)) return null;
      // "today's youth", "today's world": the present age, no day
      if (/^today['’]s$/i.test(m[0]) && matchesAt(AGE_AFTER, text, end, 24)) return null;
      // capitalized inside a sentence, right after a word, it is a name: "told Radio Nine's Today", "USA Today"
      if (isCap(m[2]!) && /[A-Za-z]/.test(text.slice(0, m.index)) && (endsAt(CAPITAL_BEFORE, text, m.index) || endsAt(WORD_BEFORE, text, m.index))) return null;
      const w = m[2]!.toLowerCase();
      let offset = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      if (m[1]) offset += m[1].toLowerCase() === 'before' ? -1 : 1;
      return { kind: 'day', offset };
    },
  },
  // this week, last month, next year, the coming weekend, the year, the current quarter, last fiscal year
  {
    re: rx(`\\b(${REL}|the\\s+(?:past|previous|coming|current|following|same|latest|most\\s+recent|last|next|full|fiscal|current\\s+fiscal)|that|the|its)(?:\\s+fiscal(?=\\s+(?:year|quarter)))?\\s+(week|weekend|month|year|quarter|decade|century)\\b(?!['’]s\\s+(?:${ORD}|end)|[-\\s]+(?:ago|earlier|old|long|century)\\b|-to-|-on-|-final)`),
    keys: 'week weekend month year quarter decade century',
    build: (m, text) => {
      const det = m[1]!.toLowerCase().replace(/\s+/g, ' ');
      const unit = unitOf(m[2]!);
      if (m[2]! !== m[2]!.toLowerCase()) return null; // "Person of the Year", "Week 3"
      // "the year ended March 31", "the fiscal year ending in June": a span of a year, which TimeML calls a duration
      const end = m.index + m[0].length;
      if (unit === 'year' && matchesAt(ENDED_AFTER, text, end, 16)) return null;
      if (unit === 'year' && det === 'the' && matchesAt(TO_MONTH_AFTER, text, end, 24)) return null;
      if (det === 'that' || det === 'the same') return { kind: 'anaphor', unit, n: 0 };
      if (det === 'the following' || det === 'the next') return unit === 'quarter' ? null : { kind: 'anaphor', unit, n: 1 };
      if (det === 'the previous') return { kind: 'anaphor', unit, n: -1 };
      // "the past week", "the last year" are durations ending now, not calendar periods
      if (det === 'the past' || det === 'the last') return null;
      if (unit === 'quarter') {
        if (det === 'this' || det === 'the current') return { kind: 'shift', unit, n: 0, anchor: 'now', approx: false };
        if (det === 'last' || det === 'next' || det === 'past' || det === 'coming') return { kind: 'shift', unit, n: relOf(det)!, anchor: 'now', approx: false };
        if (det === 'the full' || det === 'the fiscal') return null;
        const n = det === 'the latest' || det === 'the most recent' ? 'latest' : 'topic';
        // "the quarter ended July 31": the three months up to that month, if no quarter is under discussion
        QUARTER_ENDED.lastIndex = end;
        const ended = QUARTER_ENDED.exec(text);
        const endM = ended && QUARTER_ENDED.lastIndex <= end + 24 ? monthOf(ended[1]!) : null;
        return { kind: 'part', unit: 'quarter', n, y: null, yearRel: null, back: 0, endM };
      }
      if (det === 'its') return null;
      if (det === 'the' || det === 'the full' || det === 'the fiscal' || det === 'the current' || det === 'the current fiscal') {
        // "the year" is the current one; "the week"/"the month" only with an anchoring preposition
        if (unit === 'decade' || unit === 'century') return null;
        // "the year after the plot", "the year when": a year fixed by something else
        if (det === 'the' && matchesAt(FIXED_AFTER, text, end, 12)) return null;
        if (unit !== 'year' && unit !== 'weekend' && det === 'the' && !endsAt(ANCHOR_BEFORE, text, m.index)) return null;
        return { kind: 'shift', unit, n: 0, anchor: 'now', approx: false };
      }
      if (det === 'the latest' || det === 'the most recent') return unit === 'year' ? { kind: 'shift', unit, n: -1, anchor: 'now', approx: false } : null;
      return { kind: 'shift', unit, n: relOf(det) ?? 0, anchor: 'now', approx: false };
    },
  },
  // two weeks ago, a year earlier, three days later, about a month ago
  {
    re: rx(`\\b(?:(about|around|approximately|roughly|some|nearly|almost|just|only|more\\s+than|over|less\\s+than|under|at\\s+least)\\s+)?(${NUMBER_SRC})[-\\s]+(${UNIT})(\\s+or\\s+so)?\\s+(ago|earlier|later|from\\s+now|hence|before|after)\\b`),
    keys: 'ago earlier later now hence before after + day days week weeks month months year years decade decades century centuries',
    build: (m, text) => {
      const dir = m[5]!.toLowerCase();
      // "two days before the vote": the preposition takes an object, so the phrase is a duration
      if ((dir === 'before' || dir === 'after') && !matchesAt(CLAUSE_END, text, m.index + m[0].length)) return null;
      const n = numberValue(m[2]!);
      const unit = unitOf(m[3]!);
      const back = dir === 'ago' || dir === 'earlier' || dir === 'before';
      const anchor: Anchor = dir === 'ago' || dir.startsWith('from') || dir === 'hence' ? 'now' : 'ref';
      // "years ago" is the past; "a few days later" has no calendar value of its own
      if (n === null) return anchor === 'now' ? { kind: 'literal', value: back ? 'PAST_REF' : 'FUTURE_REF' } : null;
      // "three days later", "a week earlier" measure a stretch from the last event: TimeML durations
      if (anchor === 'ref' && (unit === 'day' || unit === 'week')) return null;
      if (n === 1 && unit === 'year' && back) return { kind: 'yearAgo', anchor };
      return { kind: 'shift', unit, n: back ? -n : n, anchor, approx: !!(m[1] || m[4]) };
    },
  },
  // year-ago, year-earlier (quarter|period), the same period last year
  {
    re: /\b(?:(?:the|a)\s+)?(?:(?:comparable|same|corresponding|year-earlier|year-ago)\s+)?(?:year[-\s](?:ago|earlier)|(?:(?:quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year))|same\s+(?:quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))(?:\s+(?:(?:fiscal\s+)?(?:first|second|third|fourth)[-\s])?(?:quarter|period))?\b/gi,
    keys: 'year + ago earlier quarter period',
    build: (m, text) => {
      // "the year-earlier nine months": a stretch of months, a duration
      if (matchesAt(MONTHS_AFTER, text, m.index + m[0].length, 24)) return null;
      return { kind: 'part', unit: 'quarter', n: 'topic', y: null, yearRel: null, back: 1, endM: null };
    },
  },
  // last year's quarter, this year's period: in earnings news, the quarter under discussion, that year or the one before
  {
    re: /\b(last|this)\s+year['’]s\s+(?:(?:comparable|corresponding|same)\s+)?(?:quarter|period)\b/gi,
    keys: 'year + quarter period',
    build: (m) => ({ kind: 'part', unit: 'quarter', n: 'topic', y: null, yearRel: null, back: m[1]!.toLowerCase() === 'last' ? 1 : 0, endM: null }),
  },
  // years ago, in the coming months, in future years. ("In recent years", "over the next few weeks" measure
  // stretches of time, which TimeML annotates as durations, PXY, PXW: not dates.)
  {
    re: /\b(?:(?:years|months|decades)\s+ago|(?:the\s+)?coming\s+(?:years|months|weeks|days|quarters|decades)|future\s+(?:years|quarters))\b/gi,
    keys: 'ago coming future',
    build: (m) => ({ kind: 'literal', value: /ago/i.test(m[0]) ? 'PAST_REF' : 'FUTURE_REF' }),
  },
  // the third quarter (of 1997 | of this year), 1998's fourth quarter, this year's third quarter, third-quarter
  {
    re: rx(`\\b(?:(this|last|next)\\s+year['’]s\\s+|(${YEAR})['’]?s?\\s+|(?:the|its|a|their)\\s+)?(?:(?:fiscal|calendar)[-\\s]+)?(${ORD})[-\\s]+(?:fiscal[-\\s]+)?(quarter|half)\\b(?!-final)(?:\\s+of\\s+(?:(?:fiscal|calendar)\\s+)?(?:(${YEAR})|(this|last|next|the)\\s+year)\\b|\\s+(${YEAR})\\b)?(?=\\s+(?:that\\s+|which\\s+)?end(?:ed|ing|s)\\s+(${MONTH}))?`),
    keys: 'quarter half',
    build: (m, text) => {
      const ord = m[3]!.toLowerCase();
      const unit = m[4]!.toLowerCase() as 'quarter' | 'half';
      const n = ord === 'final' ? (unit === 'half' ? 2 : 4) : ORDINALS[ord]!;
      if (unit === 'half' && n > 2) return null;
      const y = m[2] ?? m[5] ?? m[7];
      const yearRel = relOf(m[1] ?? m[6]);
      // "the first half" of a match is no calendar half: without a year only the adjective of a company's figures
      // ("first-half profit"; a "first-half goal" is a match's again)
      if (unit === 'half' && !y && yearRel === null && !(/-half$/i.test(m[0]) && matchesAt(FIGURES_AFTER, text, m.index + m[0].length, 24))) return null;
      const ahead = !y && yearRel === null && matchesAt(FORECAST_AFTER, text, m.index + m[0].length, 24);
      return { kind: 'part', unit, n, y: y ? Number(y) : null, yearRel, back: 0, endM: m[8] ? monthOf(m[8]) : null, ahead };
    },
  },
  // Q3 2025, 3Q, fiscal Q1; H1 2025, 2H 2024 (a half only with its year: "H1" alone names too many other things)
  {
    re: /\b(?:([QH])([1-4])|([1-4])([QH]))(?:\s*(?:of\s+)?('?\d{2}|\d{4}))?\b/g,
    keys: 'q#',
    build: (m) => {
      let y: number | null = null;
      if (m[5]) {
        const s = m[5].replace("'", '');
        y = s.length === 2 ? 2000 + Number(s) : Number(s);
      }
      const n = Number(m[2] ?? m[3]);
      if ((m[1] ?? m[4]) === 'Q') return { kind: 'part', unit: 'quarter', n, y, yearRel: null, back: 0, endM: null };
      return n <= 2 && y !== null ? { kind: 'part', unit: 'half', n, y, yearRel: null, back: 0, endM: null } : null;
    },
  },
  // the latest quarter/period, the most recent quarter
  {
    re: /\b(?:the\s+)?(?:latest|most\s+recent|recent|just-ended|just\s+ended|just-completed|fiscal)\s+(?:fiscal\s+)?(?:quarter|period)\b/gi,
    keys: 'quarter period',
    build: () => ({ kind: 'part', unit: 'quarter', n: 'latest', y: null, yearRel: null, back: 0, endM: null }),
  },
  // this summer, last fall, the summer of 1998, winter 2025
  {
    re: rx(`\\b(?:(${REL})\\s+|(the|(?<=\\b(?:in|during|by|until|since|through)\\s+)|early|late|mid)[-\\s]*(?:(?:early|late)\\s+)?)?(${SEASON})\\b(?:\\s+(?:of\\s+)?(${YEAR})\\b)?`),
    keys: 'spring summer fall autumn winter',
    build: (m, text) => {
      const s = SEASONS[m[3]!.toLowerCase()]!;
      const y = m[4] ? Number(m[4]) : null;
      // "the Winter Olympics", "the Spring Statement": a capitalized season before a capitalized word names an event
      if (!y && isCap(m[3]!) && matchesAt(NAME_AFTER, text, m.index + m[0].length, 4)) return null;
      const det = m[2] === undefined ? undefined : m[2] === '' ? 'in' : m[2].toLowerCase();
      // "fall" and "spring" are verbs and nouns too: need a determiner or a year
      if (!m[1] && !y && !det) return null;
      const end = m.index + m[0].length;
      if (!m[1] && !y && (s === 'FA' || s === 'SP')) {
        if (det !== 'the' && det !== 'in' && det !== 'early' && det !== 'late' && det !== 'mid' && det !== 'this') return null;
        if (matchesAt(OF_IN_AFTER, text, end, 8)) return null; // "the fall of Rome", "a fall in prices"
      }
      if (det === 'the' && matchesAt(OF_IN_WORD_AFTER, text, end, 8)) return null;
      return { kind: 'season', s, y, rel: relOf(m[1]) };
    },
  },
  // the 1990s, the '90s, the mid-1980s, the nineties: TimeML writes a decade as its first three digits ("199")
  {
    re: /\b(?:the\s+)?(?:(early|late|mid)[-\s]+)?(?:(1\d|20)(\d)0['’]?s|['’](\d)0s|(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b/gi,
    keys: '#0 twenties thirties forties fifties sixties seventies eighties nineties',
    build: (m) => {
      if (m[5]) {
        if (!/^the\s/i.test(m[0])) return null; // "in his twenties" is an age
        return { kind: 'literal', value: `19${DECADE_WORDS[m[5].toLowerCase()]}` };
      }
      if (m[4]) return { kind: 'literal', value: `${m[4] === '0' || m[4] === '1' || m[4] === '2' ? '20' : '19'}${m[4]}` };
      return { kind: 'literal', value: `${m[2]}${m[3]}` };
    },
  },
  // the 19th century, the twentieth century
  {
    re: /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)[-\s]+century\b|\b(?:the\s+)?(nineteenth|twentieth|twenty-first|eighteenth)[-\s]+century\b/gi,
    keys: 'century',
    build: (m, text) => {
      // "20th Century Fox": a capitalized "Century" before a capitalized word is a name
      if (/Century$/.test(m[0]) && matchesAt(NAME_AFTER, text, m.index + m[0].length, 4)) return null;
      const words: Record<string, number> = { eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21 };
      const n = m[1] ? Number(m[1]) : words[m[2]!.toLowerCase()]!;
      return { kind: 'literal', value: String(n - 1).padStart(2, '0') };
    },
  },
  // fiscal 2025, FY2025, FY25, the year 2000
  {
    re: rx(`\\b(?:fiscal(?:\\s+year)?\\s+(${YEAR}|'?\\d{2})|FY\\s?('?\\d{2}|\\d{4})|(?:the\\s+)?year\\s+(${YEAR}))\\b`),
    keys: 'fiscal fy year + #',
    build: (m) => {
      const s = (m[1] ?? m[2] ?? m[3])!.replace("'", '');
      return { kind: 'year', y: s.length === 2 ? 2000 + Number(s) : Number(s) };
    },
  },
  // the 2019 quarter, the 2019 period: in earnings news, the quarter under discussion in that year
  {
    re: rx(`\\b(?:the\\s+)?(${YEAR})\\s+(?:quarter|period)\\b`),
    keys: 'quarter period',
    build: (m, text) => {
      // "In the first nine months, ... in the 2019 period": the period the sentence is about is no quarter
      if (/\b(?:first|nine|six|\d+)[-\s]+(?:months?|half)\b/i.test(text.slice(0, m.index))) return { kind: 'year', y: Number(m[1]) };
      return { kind: 'part', unit: 'quarter', n: 'topic', y: Number(m[1]), yearRel: null, back: 0, endM: null };
    },
  },
  // 1998
  {
    re: /(?<![\w.,$£€-])(?:(?:mid|pre|post|end|start)-)?(1[0-9]\d\d|20\d\d|21\d\d)(?![\w]|[.,]\d)/gi,
    keys: '#4',
    build: (m, text) => {
      const y = Number(m[1]);
      return yearContextOk(text, m.index, m.index + m[0].length, y) ? { kind: 'year', y } : null;
    },
  },
  // nineteen ninety-six, the year two thousand
  {
    re: rx(`\\b(?:the\\s+year\\s+)?(${SPOKEN_YEAR_SRC})\\b`),
    keys: 'nineteen eighteen twenty thousand',
    build: (m, text) => {
      const y = spokenYear(m[1]!);
      if (y === null) return null;
      const end = m.index + m[0].length;
      if (counted(text, end)) return null;
      if (y >= 2000 && y < 2100 && !/^the\s+year/i.test(m[0]) && !endsAt(IN_BEFORE, text, m.index)) return null;
      return { kind: 'year', y };
    },
  },
  // now, currently, current, recently, the future, soon ...
  {
    re: /\b(?:(right\s+now|now|currently|current(?!\s+account)|at\s+present|at\s+the\s+moment|nowadays|these\s+days)|(recently|lately|the\s+past|more\s+recently|then[-\s]current)|(the\s+(?:near\s+|distant\s+)?future|(?<=\bin\s+)future(?=\s*[,.;:!?)"”]|\s+(?:we|i|you|he|she|it|they|there|this|that)\b|$)|soon|the\s+near\s+term|the\s+short\s+term|a\s+later\s+date))\b/gi,
    keys: 'now currently current present moment nowadays days recently lately past future soon term date',
    build: (m, text) => {
      const end = m.index + m[0].length;
      if (m[1]) {
        if (endsAt(FROM_BEFORE, text, m.index) && matchesAt(ON_AFTER, text, end, 24)) return null;
        // a capitalized "Now" inside a sentence, after a capitalized word, ends a title: "Apocalypse Now"
        if (isCap(m[1]) && /[A-Za-z]/.test(text.slice(0, m.index)) && endsAt(CAPITAL_BEFORE, text, m.index)) return null;
        // "current" dates only as an adjective of time ("current conditions"), not the noun ("a strong current")
        if (/^current$/i.test(m[1]) && !matchesAt(WORD_AFTER, text, end, 24)) return null;
        return { kind: 'literal', value: 'PRESENT_REF' };
      }
      if (m[2]) {
        // "the past three months", "the past year": durations, not the past
        if (/past$/i.test(m[2]) && matchesAt(PAST_DURATION, text, end, 24)) return null;
        // "most recently last April", "as recently as 2019": the adverb only narrows the date after it
        if (/ly$/i.test(m[2]) && matchesAt(DATE_AFTER, text, end, 40)) return null;
        return { kind: 'literal', value: 'PAST_REF' };
      }
      const w = m[3]!.toLowerCase();
      if (w === 'soon' && (endsAt(SOON_BEFORE, text, m.index) || matchesAt(SOON_AFTER, text, end, 24))) return null;
      if (w.endsWith('future') && matchesAt(TOPIC_AFTER, text, end, 24)) return null;
      // "Forum for the Future": capitalized inside a sentence, a name
      if (w.endsWith('future') && isCap(m[3]!.slice(-6)) && /[A-Za-z]/.test(text.slice(0, m.index))) return null;
      return { kind: 'literal', value: 'FUTURE_REF', notInPast: w === 'soon' };
    },
  },
  // that day, the same day, the next day, the day before; the next morning, the previous night (the day, as for
  // "Friday night"). "Later in the day" places an event within a day already told: a time of day, no date.
  {
    re: /\b(?:(that|the\s+same|that\s+same|the\s+next|the\s+following|the\s+previous|the\s+prior)\s+(day|morning|afternoon|evening|night)|the\s+day\s+(before|after)(?=\s*(?:[,.;:)]|$)))\b(?!\s+(?:of|when|that|in|on|yesterday|tomorrow)\b)/gi,
    keys: 'day morning afternoon evening night',
    build: (m) => {
      const w = (m[1] ?? m[3])!.toLowerCase().replace(/\s+/g, ' ');
      const n = /next|following|after/.test(w) ? 1 : /previous|prior|before/.test(w) ? -1 : 0;
      return { kind: 'anaphor', unit: 'day', n, part: m[2] !== undefined && m[2].toLowerCase() !== 'day' };
    },
  },
  // year-end, year's end
  {
    re: /\b(?:the\s+)?(?:year[-\s]end|year['’]s\s+end)\b/gi,
    keys: 'end',
    build: () => ({ kind: 'shift', unit: 'year', n: 0, anchor: 'now', approx: false }),
  },
];

/** Holidays: month-day rules evaluated per year. */
function holiday(name: string): ((y: number) => Ymd) | null {
  const x = name.toLowerCase().replace(/\s+/g, ' ');
  if (x === 'christmas' || x === 'christmas day') return (y) => ({ y, m: 12, d: 25 });
  if (x === 'christmas eve') return (y) => ({ y, m: 12, d: 24 });
  if (x === 'boxing day') return (y) => ({ y, m: 12, d: 26 });
  if (x === "new year's day") return (y) => ({ y, m: 1, d: 1 });
  if (x === "new year's eve") return (y) => ({ y, m: 12, d: 31 });
  if (x === 'halloween') return (y) => ({ y, m: 10, d: 31 });
  if (x === "valentine's day") return (y) => ({ y, m: 2, d: 14 });
  if (x === 'independence day') return (y) => ({ y, m: 7, d: 4 });
  return computedHoliday(x);
}

function computedHoliday(x: string): ((y: number) => Ymd) | null {
  if (x.startsWith('thanksgiving')) return (y) => nthWeekday(y, 11, 4, 4);
  if (x === 'labor day' || x === 'labour day') return (y) => nthWeekday(y, 9, 1, 1);
  if (x === 'memorial day') return (y) => nthWeekday(y, 5, 1, -1);
  if (x === 'election day') return (y) => addDays(nthWeekday(y, 11, 1, 1), 1);
  if (x === 'easter' || x === 'easter sunday') return easter;
  if (x === 'easter monday') return (y) => addDays(easter(y), 1);
  if (x === 'good friday') return (y) => addDays(easter(y), -2);
  return null;
}

/** Modifiers before an expression that belong to it: "late April", "the end of the year", "earlier this year". */
const PREFIX_SRC = '\\b(early|earlier|late|later|mid|middle|end(?=-)|start(?=-))(?:[-\\s]+(?:(?:in|on)\\s+)?(?:the\\s+)?|-)|\\b(around|approximately|roughly|circa)\\s+(?:the\\s+)?|' +
  '\\b(?:the\\s+)?(?:very\\s+)?(beginning|start|end|middle|close|turn|first\\s+half|second\\s+half|latter\\s+part|early\\s+part|first\\s+part|last\\s+part)\\s+of\\s+(?:the\\s+)?';
/** The modifier ending where the expression starts, as a whole (group 1); within a stretch of text, at its end. */
const PREFIX = new RegExp(`(?<=(${PREFIX_SRC}))`, 'iy');
const PREFIX_WITHIN = new RegExp(`(${PREFIX_SRC})$`, 'i');
const PREFIX_LAST_WORDS = new Set(['early', 'earlier', 'late', 'later', 'mid', 'middle', 'end', 'start', 'in', 'on', 'the', 'around', 'approximately', 'roughly', 'circa', 'of']);

/** The modifier that ends at `start` and does not reach before `from` (the end of the expression before). */
function prefixAt(text: string, start: number, from: number, last: string): RegExpExecArray | null {
  // every modifier ends with one of a few words: look at the last word first
  if (!PREFIX_LAST_WORDS.has(last)) return null;
  PREFIX.lastIndex = start;
  const p = PREFIX.exec(text);
  return !p || start - p[1]!.length >= from ? p : PREFIX_WITHIN.exec(text.slice(from, start));
}

/** What names a month's futures contract: "September delivery", "December contract", "March futures". */
const CONTRACT_AFTER = /\s+(?:(?:[a-z]+\s+)?(?:delivery|contracts?|futures|expiry))\b/iy;

/** A preposition that says which way the expression lies: "since April", "until Friday", "ahead of the weekend". */
const LEAN_BEFORE = /(?<=(\b(since|until|till|through|ahead\s+of)\s+))/iy;
const LEAN_WORDS = new Set(['since', 'until', 'till', 'through', 'of']);
/**
 * The other day of a pair or range that names its month once: "April 24 and 25", "March 3-5, 2020",
 * "24 and 25 April". Only a number that ends the phrase or goes on with a preposition is a day: "March 3 and 4
 * people" counts people.
 */
const SECOND_DAY = new RegExp(`\\s*(?:-|–|and|or|to|through)\\s*(${DAY})\\b(?:,?\\s+(${YEAR})\\b)?(?!\\s*(?:%|percent|per\\s*cent)|[.,:]\\d)` +
  '(?=\\s*(?:[,.;:)!?"”]|$)|\\s+(?:at|in|on|and|or|when|with|for|respectively|before|after|during|as|by)\\b)', 'iy');
const FIRST_DAY = new RegExp(`(?<=(\\b(${DAY})\\s*(?:-|–|and|or|to)\\s*))`, 'iy');

function pairedDays(text: string, chosen: Candidate[]): Candidate[] {
  const n = chosen.length;
  const taken = new Set<Candidate>();
  for (let i = 0; i < n; i++) {
    const c = chosen[i]!;
    const e = c.expr;
    if (e.kind !== 'date') continue;
    const next = chosen[i + 1];
    const prev = i > 0 ? chosen[i - 1]!.end : 0;
    SECOND_DAY.lastIndex = c.end;
    // "April 24" ends with its day, "24 April" starts with it
    const after = digitAt(text, c.end - 1) || digitAt(text, c.end - 3) ? SECOND_DAY.exec(text) : null;
    const at = after ? c.end + after[0].search(/\d/) : 0;
    if (after && at + after[1]!.length <= (next?.start ?? text.length)) {
      const d = dayOf(after[1]!);
      // "October 3-5, 2024": the year is the pair's, not a year of its own
      if (after[2] && next?.expr.kind === 'year' && next.start < SECOND_DAY.lastIndex) {
        taken.add(next);
        if (e.y === null) e.y = Number(after[2]);
      }
      if (d > e.d && d <= 31) chosen.push({ start: at, end: at + after[1]!.length, expr: { ...e, d, wd: undefined }, mod: null, lean: null, time: null });
      continue;
    }
    FIRST_DAY.lastIndex = c.start;
    const before = digitAt(text, c.start) ? FIRST_DAY.exec(text) : null;
    if (before && c.start - before[1]!.length >= prev) {
      const d = dayOf(before[2]!);
      const start = c.start - before[1]!.length;
      if (d < e.d) chosen.push({ start, end: start + before[2]!.length, expr: { ...e, d, wd: undefined }, mod: null, lean: null, time: null });
    }
  }
  if (chosen.length === n && taken.size === 0) return chosen;
  return chosen.filter((c) => !taken.has(c)).sort((a, b) => a.start - b.start);
}

/** What names a day: a date, a weekday, a holiday, "yesterday". */
const isDay = (e: Expr): boolean => e.kind === 'date' || e.kind === 'weekday' || e.kind === 'holiday' || e.kind === 'day';
/** "the week of", "the weekend of", "the day before", "the day after" a day. */
const AROUND_DAY_BEFORE = /(?<=(\b(?:the\s+)?(?:(week|weekend)\s+of|day\s+(before|after))\s+))/iy;
/** "postponed until", "adjourned till": what is put off lies ahead of the putting off. */
const PUT_OFF_BEFORE = /(?<=\b(?:postpon|delay|defer|adjourn|suspend|extend|put\s+off|push(?:ed|es|ing)?\s+back)\w*\s+)/iy;

const PREFIX_MOD: Record<string, string> = {
  early: 'START', earlier: 'START', late: 'END', later: 'END', mid: 'MID', middle: 'MID', pre: 'BEFORE', post: 'AFTER', around: 'APPROX',
  approximately: 'APPROX', roughly: 'APPROX', circa: 'APPROX', beginning: 'START', start: 'START', end: 'END',
  close: 'END', turn: 'END', 'first half': 'START', 'second half': 'END', 'latter part': 'END', 'early part': 'START',
  'first part': 'START', 'last part': 'END',
};

/**
 * The key words in an open-addressing table of their hashes. A word is hashed, lower-cased, in the same loop that
 * checks it is all letters: one pass over its characters and mostly one probe of an empty slot, no lower-cased copy.
 * For each key, the rules whose first or second group of keys it belongs to, when written in any case or capitalized.
 */
const KEY_WORDS: string[] = [];
const KEY_BITS: { first: number; capital: number; second: number }[] = [];
/** Rules with a single group of keys: nothing more to see. */
let SINGLE_GROUP = 0;
RULES.forEach((rule, i) => {
  const groups = rule.keys.split(' + ');
  if (groups.length === 1) SINGLE_GROUP |= 1 << i;
  groups.forEach((group, g) => {
    for (const k of group.split(' ')) {
      const low = k.toLowerCase();
      let n = KEY_WORDS.indexOf(low);
      if (n < 0) n = KEY_WORDS.push(low) - 1;
      const bits = (KEY_BITS[n] ??= { first: 0, capital: 0, second: 0 });
      if (g === 1) bits.second |= 1 << i;
      else if (isCap(k)) bits.capital |= 1 << i;
      else bits.first |= 1 << i;
    }
  });
});
const SLOTS = new Int16Array(1024).fill(-1);
const SLOT_MASK = SLOTS.length - 1;
const step = (h: number, lower: number): number => (Math.imul(h, 31) + lower) | 0;
KEY_WORDS.forEach((k, i) => {
  if (!/^[a-z]+$/.test(k)) return; // the shapes of numbers are not looked up
  let h = 0;
  for (let j = 0; j < k.length; j++) h = step(h, k.charCodeAt(j));
  let slot = h & SLOT_MASK;
  while (SLOTS[slot] !== -1) slot = (slot + 1) & SLOT_MASK;
  SLOTS[slot] = i;
});
const NO_KEY = { first: 0, capital: 0, second: 0 };
const shape = (k: string): { first: number; second: number } => KEY_BITS[KEY_WORDS.indexOf(k)] ?? NO_KEY;
const [NUMBER, FOUR_DIGITS, DECADE, HYPHEN, SLASH, QUARTER] = [shape('#'), shape('#4'), shape('#0'), shape('#-'), shape('#/'), shape('q#')];
const SHAPES = [NUMBER, FOUR_DIGITS, DECADE, HYPHEN, SLASH, QUARTER];
const WORD_PARTS = /[A-Za-z]+|\d/g;

/** The rules the words of a sentence let run, by group of keys. */
interface Seen {
  first: number;
  second: number;
}

function see(seen: Seen, bits: { first: number; second: number }): void {
  seen.first |= bits.first;
  seen.second |= bits.second;
}

/** Notes the key w[start, end) (ASCII letters, any case) hashed to h, if it is one. */
function seeKey(seen: Seen, w: string, start: number, end: number, h: number): void {
  for (let slot = h & SLOT_MASK; SLOTS[slot] !== -1; slot = (slot + 1) & SLOT_MASK) {
    const i = SLOTS[slot]!;
    const k = KEY_WORDS[i]!;
    if (k.length !== end - start) continue;
    let j = 0;
    while (j < k.length && k.charCodeAt(j) === (w.charCodeAt(start + j) | 32)) j++;
    if (j < k.length) continue;
    const bits = KEY_BITS[i]!;
    seen.first |= w.charCodeAt(start) <= 90 ? bits.first | bits.capital : bits.first;
    seen.second |= bits.second;
    return;
  }
}

/** Notes the keys of a word: itself in any case, the shape of its numbers, the parts of "mid-April", "Sept.". */
function seeWord(seen: Seen, w: string): void {
  const c = w.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    seeNumbers(seen, w);
    return;
  }
  let h = 0;
  for (let i = 0; i < w.length; i++) {
    // "| 32" lower-cases an ASCII capital and leaves every character that is no letter outside a-z
    const x = w.charCodeAt(i) | 32;
    if (x < 97 || x > 122) {
      if (w.length > 1) seeParts(seen, w);
      return;
    }
    h = step(h, x);
  }
  seeKey(seen, w, 0, w.length, h);
}

/** Notes the keys among the runs of letters of a word with other characters in it, and its numbers. */
function seeParts(seen: Seen, w: string): void {
  seeNumbers(seen, w);
  let start = 0;
  let h = 0;
  for (let i = 0; i <= w.length; i++) {
    const x = i < w.length ? w.charCodeAt(i) | 32 : 0;
    if (x >= 97 && x <= 122) {
      h = step(h, x);
      continue;
    }
    if (i - start > 1) seeKey(seen, w, start, i, h);
    start = i + 1;
    h = 0;
  }
}

/** Notes the shapes of the numbers in a word, if it has any. */
function seeNumbers(seen: Seen, w: string): void {
  let run = 0;
  let digits = false;
  let four = false, decade = false, hyphen = false, slash = false, quarter = false;
  for (let i = 0; i <= w.length; i++) {
    const x = i < w.length ? w.charCodeAt(i) : 32;
    if (x >= 48 && x <= 57) {
      run++;
      digits = true;
      continue;
    }
    four ||= run === 4;
    decade ||= run > 0 && (x | 32) === 115 && w.charCodeAt(i - 1) === 48;
    hyphen ||= x === 45;
    slash ||= x === 47;
    quarter ||= x === 81 || x === 72; // "Q3", "H1"
    run = 0;
  }
  if (!digits) return;
  see(seen, NUMBER);
  if (four) see(seen, FOUR_DIGITS);
  if (decade) see(seen, DECADE);
  if (hyphen) see(seen, HYPHEN);
  if (slash) see(seen, SLASH);
  if (quarter) see(seen, QUARTER);
}

/** "1990's": the clitic the tokenizer splits off a decade. */
function decadeClitic(w: string, before: string): boolean {
  return w.length === 2 && (w.charCodeAt(1) | 32) === 115 && before.charCodeAt(before.length - 1) === 48;
}

/** The rules worth running on a sentence, from the words in it (its tokens when tokenized). */
function rulesFor(text: string, tokens: readonly Token[]): number {
  const seen: Seen = { first: 0, second: 0 };
  if (tokens.length > 0) {
    for (let i = 0; i < tokens.length; i++) {
      const w = tokens[i]!.text;
      seeWord(seen, w);
      if (i > 0 && decadeClitic(w, tokens[i - 1]!.text)) see(seen, DECADE);
    }
  } else {
    // untokenized, the shape of a number is not known: any digit may start any of them
    for (const w of text.match(WORD_PARTS) ?? []) {
      if (w.length === 1 && w <= '9') for (const bits of SHAPES) see(seen, bits);
      else seeWord(seen, w);
    }
  }
  return seen.first & (seen.second | SINGLE_GROUP);
}

/** Every expression found in `text`, longest first where they overlap, in text order. */
export function findCandidates(text: string, tokens: readonly Token[] = []): Candidate[] {
  const found: Candidate[] = [];
  const mask = rulesFor(text, tokens);
  for (let i = 0; i < RULES.length; i++) {
    if ((mask & (1 << i)) === 0) continue;
    const rule = RULES[i]!;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const expr = rule.build(m, text);
      if (expr) found.push({ start: m.index, end: m.index + m[0].length, expr, mod: null, lean: null, time: null });
    }
  }
  if (found.length === 0) return found;
  // longest wins; among equals the earlier rule (pushed first, stable sort)
  found.sort((a, b) => b.end - b.start - (a.end - a.start));
  let chosen: Candidate[] = [];
  for (const c of found) {
    if (chosen.every((o) => c.end <= o.start || c.start >= o.end)) chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);
  chosen = pairedDays(text, chosen);
  for (let i = 0; i < chosen.length; i++) {
    const c = chosen[i]!;
    // "Friday's vote", "last year’s harvest": the possessive is no part of the expression ("the 1990's" keeps its "s")
    if (possessiveAt(text, c.end)) c.end -= 2;
    const floor = i > 0 ? chosen[i - 1]!.end : 0;
    const clock = isDay(c.expr) ? clockAround(text, c.start, c.end, floor) : null;
    if (clock && (i + 1 === chosen.length || clock.end <= chosen[i + 1]!.start)) {
      c.start = clock.start;
      c.end = clock.end;
      c.time = clock.time;
    }
    // the word before says which of the patterns below may apply
    let word = lastWord(text, floor, c.start);
    // (a clock time is exact: no "early", "around" or "the week of" before it)
    const p = c.time ? null : prefixAt(text, c.start, Math.max(floor, c.start - 30), word);
    // "work around Wednesday's outage": "around" approximates only a date or a year
    if (p && !(p[3]?.toLowerCase() === 'around' && c.expr.kind !== 'date' && c.expr.kind !== 'year' && c.expr.kind !== 'shift')) {
      c.start -= p[1]!.length;
      const key = (p[2] ?? p[3] ?? p[4])!.toLowerCase().replace(/\s+/g, ' ');
      c.mod = PREFIX_MOD[key] ?? null;
      word = lastWord(text, floor, c.start);
    }
    if (!c.time) c.mod ??= modOf(c.expr, text, c.start);
    if (isDay(c.expr) && !c.time && (word === 'of' || word === 'before' || word === 'after')) {
      // "the week of October 6", "the day before Christmas"
      AROUND_DAY_BEFORE.lastIndex = c.start;
      const around = AROUND_DAY_BEFORE.exec(text);
      if (around && c.start - around[1]!.length >= floor) {
        c.start -= around[1]!.length;
        c.expr = around[2]
          ? { kind: 'weekOf', of: c.expr, weekend: around[2].toLowerCase() === 'weekend' }
          : { kind: 'dayNext', of: c.expr, n: around[3]!.toLowerCase() === 'before' ? -1 : 1 };
        word = lastWord(text, floor, c.start);
      }
    }
    // "for September delivery", "the December contract": a futures contract's month is still to come
    if (c.expr.kind === 'month' && c.expr.y === null && c.expr.rel === null && c.expr.yearRel === null && matchesAt(CONTRACT_AFTER, text, c.end)) {
      c.expr = { ...c.expr, near: false };
      c.lean = 'future';
    }
    if (!LEAN_WORDS.has(word)) continue;
    LEAN_BEFORE.lastIndex = c.start;
    const prep = LEAN_BEFORE.exec(text);
    if (prep && c.start - prep[1]!.length >= floor) {
      const p = prep[2]!.toLowerCase();
      const putOff = (p === 'until' || p === 'till') && endsAt(PUT_OFF_BEFORE, text, c.start - prep[1]!.length);
      c.lean = p === 'since' ? 'past' : p.startsWith('ahead') || putOff ? 'future' : 'near';
    }
  }
  return chosen;
}

/** Does a possessive "'s" or "’s" end at `end`, after a letter? */
function possessiveAt(text: string, end: number): boolean {
  if ((text.charCodeAt(end - 1) | 32) !== 115) return false;
  const a = text.charCodeAt(end - 2);
  return (a === 39 || a === 0x2019) && letterAt(text, end - 3);
}

/** The word before `start`, lower-cased, not reaching before `from`; '' when none. */
function lastWord(text: string, from: number, start: number): string {
  return wordBefore(text, from, start)?.word.toLowerCase() ?? '';
}

/** The modifier an expression carries at its start: "more than two years ago", "the mid-1990s", "post-1990". */
function modOf(expr: Expr, text: string, start: number): string | null {
  if (expr.kind === 'shift' && expr.approx) {
    if (matchesAt(MORE_THAN, text, start)) return 'BEFORE';
    if (matchesAt(LESS_THAN, text, start)) return 'AFTER';
    return 'APPROX';
  }
  // only "the", "early", "late", "mid", "pre", "post", "end-", "start-" start one
  const c = text.charCodeAt(start) | 32;
  if (c !== 116 && c !== 101 && c !== 108 && c !== 109 && c !== 112 && c !== 115) return null;
  LEAD_MOD.lastIndex = start;
  const lead = LEAD_MOD.exec(text);
  return lead ? PREFIX_MOD[lead[1]!.toLowerCase()]! : null;
}
const MORE_THAN = /(?:more\s+than|over|at\s+least)\b/iy;
const LESS_THAN = /(?:less\s+than|under|nearly|almost|just|only)\b/iy;
const LEAD_MOD = /(?:the\s+)?(early|late|mid|pre|post|end(?=-)|start(?=-))\b/iy;
