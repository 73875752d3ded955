/** Proleptic Gregorian calendar arithmetic on plain integers (no Date objects: faster, no time zones). */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function toDays({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDays(n: number): Ymd {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function addDays(date: Ymd, n: number): Ymd {
  return fromDays(toDays(date) + n);
}

/** ISO weekday, 1 = Monday ... 7 = Sunday. */
export function weekday(date: Ymd): number {
  return ((((toDays(date) + 3) % 7) + 7) % 7) + 1;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Month arithmetic on (year, month) pairs. */
export function addMonths(y: number, m: number, n: number): [number, number] {
  const k = y * 12 + (m - 1) + n;
  return [Math.floor(k / 12), (k % 12 + 12) % 12 + 1];
}

/** ISO 8601 week-numbering year and week of a date. */
export function isoWeek(date: Ymd): [number, number] {
  const thursday = addDays(date, 4 - weekday(date));
  const jan1 = toDays({ y: thursday.y, m: 1, d: 1 });
  return [thursday.y, Math.floor((toDays(thursday) - jan1) / 7) + 1];
}

/** Monday of the ISO week `n` weeks after the week of `date`. */
export function mondayOfWeek(date: Ymd, n: number): Ymd {
  return addDays(date, 1 - weekday(date) + 7 * n);
}

/** The nth (1-based; -1 = last) given weekday of a month, for holidays like Thanksgiving. */
export function nthWeekday(y: number, m: number, wd: number, nth: number): Ymd {
  if (nth > 0) {
    const first = { y, m, d: 1 };
    return addDays(first, ((wd - weekday(first) + 7) % 7) + 7 * (nth - 1));
  }
  const last = { y, m, d: daysInMonth(y, m) };
  return addDays(last, -((weekday(last) - wd + 7) % 7));
}

/** Western Easter Sunday (anonymous Gregorian algorithm). */
export function easter(y: number): Ymd {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100;
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

export function fmtYear(y: number): string {
  return pad(y, 4);
}
export function fmtMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}`;
}
export function fmtDay(date: Ymd): string {
  return `${pad(date.y, 4)}-${pad(date.m, 2)}-${pad(date.d, 2)}`;
}
export function fmtWeek(y: number, w: number): string {
  return `${pad(y, 4)}-W${pad(w, 2)}`;
}

/** Parses "YYYY-MM-DD" (time part ignored); null when absent or malformed. Read digit by digit: it runs once per article. */
export function parseYmd(s: string | null): Ymd | null {
  if (!s || s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const num = (from: number, to: number): number => {
    let n = 0;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return NaN;
      n = n * 10 + c;
    }
    return n;
  };
  const date = { y: num(0, 4), m: num(5, 7), d: num(8, 10) };
  return isValidDate(date.y, date.m, date.d) ? date : null;
}
