/** Words of the date grammar and their meanings. */

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

export const WEEKDAYS: Record<string, number> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
  mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 7,
};

export const SEASONS: Record<string, string> = {
  spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI',
};

export const ORDINALS: Record<string, number> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4,
};

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Regex source for a small cardinal: digits, number words, "a", "a couple of", vague "a few". */
export const NUMBER_SRC =
  '(?:\\d{1,3}|a|an|a\\s+couple\\s+of|a\\s+few|several|some|many|a\\s+half|half\\s+a|' +
  `(?:${Object.keys(TENS).join('|')})(?:[-\\s](?:${Object.keys(UNITS).slice(0, 9).join('|')}))?|` +
  `${Object.keys(UNITS).join('|')}|a\\s+hundred|hundred)`;

/** Value of a NUMBER_SRC match; null for vague quantities ("a few", "several"). */
export function numberValue(s: string): number | null {
  const x = s.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(x)) return Number(x);
  if (x === 'a' || x === 'an') return 1;
  if (x === 'a couple of') return 2;
  if (x === 'a hundred' || x === 'hundred') return 100;
  const parts = x.split(/[-\s]/);
  let n = 0;
  for (const p of parts) {
    const v = UNITS[p] ?? TENS[p];
    if (v === undefined) return null;
    n += v;
  }
  return n;
}

/** Spoken years as in broadcast transcripts: "nineteen ninety-six", "two thousand (and) one". */
export const SPOKEN_YEAR_SRC =
  `(?:nineteen|eighteen|twenty)[-\\s](?:hundred|(?:${Object.keys(TENS).join('|')})(?:[-\\s](?:${Object.keys(UNITS).slice(0, 9).join('|')}))?|` +
  `oh[-\\s](?:${Object.keys(UNITS).slice(0, 9).join('|')})|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|` +
  `two\\s+thousand(?:\\s+and)?(?:[-\\s](?:${Object.keys(UNITS).join('|')}))?`;

export function spokenYear(s: string): number | null {
  const x = s.toLowerCase().replace(/\s+/g, ' ');
  const m = /^two thousand(?: and)?(?:[- ](.+))?$/.exec(x);
  if (m) return 2000 + (m[1] ? (numberValue(m[1]) ?? 0) : 0);
  const [head, ...rest] = x.split(/[- ]/);
  const century = head === 'nineteen' ? 1900 : head === 'eighteen' ? 1800 : head === 'twenty' ? 2000 : 0;
  const tail = rest.filter((p) => p !== 'oh').join(' ');
  if (tail === 'hundred') return century;
  const n = numberValue(tail);
  return n === null || !century ? null : century + n;
}

/** Decade words: "the nineties". */
export const DECADE_WORDS: Record<string, number> = {
  twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9,
};
