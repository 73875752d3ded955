import { describe, expect, it } from 'vitest';
import type { DatedFact } from '../../src/site/corpus.ts';
import { labelWidth, layoutTimeline, type TimelineMark } from '../../src/site/timeline.ts';
import { calendarKey, factSpan, formatDateValue, isScheduled } from '../../src/site/dates.ts';

const DAY = 86_400_000;
const utc = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

let n = 0;
function fact(value: string, published: string | null = '2025-09-19', mod: string | null = null, sentence = 'Talks are planned.'): DatedFact {
  n++;
  return { value, mod, text: value, slug: `b${n}`, title: `Briefing ${n}`, published, sentence: { id: `s${n}`, text: sentence } };
}

describe('formatDateValue', () => {
  it('says a day, a week, a month and a time of a day, with a modifier', () => {
    expect(formatDateValue('2025-12-16')).toBe('16 December 2025');
    expect(formatDateValue('2025-W38')).toBe('Week 38 of 2025');
    expect(formatDateValue('2025-10', 'END')).toBe('Late October 2025');
    expect(formatDateValue('2025-12-16T09:30')).toBe('16 December 2025, 09:30');
    expect(formatDateValue('2025-12-16TAF')).toBe('16 December 2025, afternoon');
    expect(formatDateValue('2025-12-31T24:00')).toBe('31 December 2025, midnight');
    expect(formatDateValue('PAST_REF')).toBe('PAST_REF');
  });

  it('says a decade and a century in words', () => {
    expect(formatDateValue('203')).toBe('The 2030s');
    expect(formatDateValue('19')).toBe('The 20th century');
    expect(formatDateValue('20')).toBe('The 21st century');
  });

  it('places a time on its day', () => {
    expect(calendarKey('2025-12-16T21:00')).toBe(calendarKey('2025-12-16'));
    expect(factSpan('2025-12-16TEV', null)).toEqual(factSpan('2025-12-16', null));
  });
});

describe('factSpan', () => {
  it('covers a day, an ISO week, a month and a year', () => {
    expect(factSpan('2025-12-16', null)).toEqual({ start: utc('2025-12-16'), end: utc('2025-12-17') });
    expect(factSpan('2025-W38', null)).toEqual({ start: utc('2025-09-15'), end: utc('2025-09-22') });
    expect(factSpan('2025-10', null)).toEqual({ start: utc('2025-10-01'), end: utc('2025-11-01') });
    expect(factSpan('2024', null)).toEqual({ start: utc('2024-01-01'), end: utc('2025-01-01') });
  });

  it('narrows "early", "mid" and "late" to the first, middle and last third', () => {
    const late = factSpan('2025-10', 'END')!;
    expect(late.end).toBe(utc('2025-11-01'));
    expect(late.start).toBeGreaterThan(utc('2025-10-20'));
    expect(late.start).toBeLessThan(utc('2025-10-22'));
    const mid = factSpan('2025-11', 'MID')!;
    expect([mid.start, mid.end]).toEqual([utc('2025-11-11'), utc('2025-11-21')]);
    const early = factSpan('2026', 'START')!;
    expect(early.start).toBe(utc('2026-01-01'));
    expect(early.end).toBeGreaterThan(utc('2026-05-02'));
    expect(early.end).toBeLessThan(utc('2026-05-03'));
  });

  it('keeps the whole value for other modifiers and knows nothing of non-calendar values', () => {
    expect(factSpan('2025-10', 'APPROX')).toEqual(factSpan('2025-10', null));
    expect(factSpan('PRESENT_REF', null)).toBeNull();
  });
});

describe('isScheduled', () => {
  it('is a date wholly after the day the briefing was published', () => {
    expect(isScheduled(fact('2025-09-20'))).toBe(true);
    expect(isScheduled(fact('2025-10'))).toBe(true);
    expect(isScheduled(fact('2025-09', '2025-09-19', 'END'))).toBe(true);
  });

  it('is not the publication day, a span that has begun, the past, or any date of an undated briefing', () => {
    expect(isScheduled(fact('2025-09-19'))).toBe(false);
    expect(isScheduled(fact('2025-W38'))).toBe(false);
    expect(isScheduled(fact('2025-09', '2025-09-19', 'START'))).toBe(false);
    expect(isScheduled(fact('2024'))).toBe(false);
    expect(isScheduled(fact('2026', null))).toBe(false);
  });
});

/** The stretch of its lane a mark and its label take, as drawn. */
function extent(m: TimelineMark): [number, number] {
  const w = labelWidth(m.label, 12);
  return m.anchor === 'start' ? [m.x0 - 5, m.labelX + w] : [m.labelX - w, m.x1 + 5];
}

describe('layoutTimeline', () => {
  const facts = [
    fact('2025-09-19', '2025-09-19', null, 'Trump and Xi spoke by phone on Friday.'),
    fact('2025-10', '2025-09-19', 'END', 'They will meet in South Korea in late October.'),
    fact('2026', '2025-09-19', 'START', 'Trump plans to visit China in early 2026.'),
    fact('2025-06', '2025-09-17', null, 'They last spoke in June.'),
    fact('2025-09-16', '2025-09-17', null, 'Talks in Madrid ended on Tuesday.'),
    fact('2025-12-16', '2025-09-19', null, 'The deadline for a sale is Dec. 16.'),
  ];
  const t = layoutTimeline(facts);

  it('draws every fact: exact days as points, vague dates as ranges, in time order left to right', () => {
    expect(t.marks).toHaveLength(facts.length);
    expect(t.omitted).toBe(0);
    const byValue = new Map(t.marks.map((m) => [m.fact.value, m]));
    expect(byValue.get('2025-09-19')!.point).toBe(true);
    expect(byValue.get('2025-10')!.point).toBe(false);
    expect(byValue.get('2025-10')!.x1).toBeGreaterThan(byValue.get('2025-10')!.x0);
    const xs = ['2025-06', '2025-09-16', '2025-09-19', '2025-10', '2025-12-16', '2026'].map((v) => byValue.get(v)!.x0);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('tells scheduled facts from past ones and names each mark with its date and sentence', () => {
    const scheduled = t.marks.filter((m) => m.scheduled).map((m) => m.fact.value).sort();
    expect(scheduled).toEqual(['2025-10', '2025-12-16', '2026']);
    const late = t.marks.find((m) => m.fact.value === '2025-10')!;
    expect(late.title).toBe('Late October 2025 (scheduled): They will meet in South Korea in late October. — ' + late.fact.title);
  });

  it('labels a mark with the words around its date in the sentence', () => {
    expect(t.marks.find((m) => m.fact.value === '2026')!.label).toMatch(/visit China in early 2026/);
  });

  it('keeps marks and labels inside the picture and apart within a lane', () => {
    for (const m of t.marks) {
      const [from, to] = extent(m);
      expect(from).toBeGreaterThanOrEqual(0);
      expect(to).toBeLessThanOrEqual(t.width);
    }
    const lanes = Map.groupBy(t.marks, (m) => m.lane);
    for (const marks of lanes.values()) {
      const spans = marks.map(extent).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    }
    expect(t.laneY(1)).toBeLessThan(t.laneY(0));
    expect(t.laneY(Math.max(...t.marks.map((m) => m.lane)))).toBeGreaterThan(0);
  });

  it('marks the newest publication date and puts calendar ticks on the axis', () => {
    const friday = t.marks.find((m) => m.fact.value === '2025-09-19')!;
    expect(t.now!.label).toBe('Latest briefing, 19 September 2025');
    expect(Math.abs(t.now!.x - friday.x0)).toBeLessThan(2);
    expect(t.ticks.length).toBeGreaterThanOrEqual(3);
    expect(t.ticks.map((tick) => tick.label)).toContain('2026');
  });

  it('with many facts, draws those nearest the newest briefing and counts the rest', () => {
    const many = Array.from({ length: 40 }, (_, i) => fact(`${1980 + i}`));
    many.push(fact('2025-09-18'));
    const drawn = layoutTimeline(many, { maxFacts: 10 });
    expect(drawn.marks).toHaveLength(10);
    expect(drawn.omitted).toBe(31);
    expect(drawn.marks.map((m) => m.fact.value)).toContain('2025-09-18');
    expect(drawn.marks.map((m) => m.fact.value)).not.toContain('1980');
  });

  it('stops at the lane limit when facts pile up on one day', () => {
    const pile = Array.from({ length: 12 }, () => fact('2025-09-18'));
    const drawn = layoutTimeline(pile, { maxLanes: 5 });
    expect(drawn.marks).toHaveLength(5);
    expect(drawn.omitted).toBe(7);
    expect(new Set(drawn.marks.map((m) => m.lane)).size).toBe(5);
  });

  it('draws a lone date with room either side', () => {
    const one = layoutTimeline([fact('2025-09-18')]);
    expect(one.marks[0]!.x0).toBeGreaterThan(one.width * 0.2);
    expect(one.marks[0]!.x0).toBeLessThan(one.width * 0.8);
  });
});
