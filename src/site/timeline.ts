/**
 * The timeline picture, laid out at build time: dated facts on a time axis (d3-scale's UTC scale
 * gives the axis and its calendar ticks), exact days as points, vague dates as ranges, stacked in
 * lanes so that no two marks or labels overlap.
 */
import { scaleUtc } from 'd3-scale';
import type { DatedFact } from './corpus.ts';
import { calendarRange, DAY, factSpan, formatDateValue, isScheduled } from './dates.ts';
import { textWidth } from './brief-measure.ts';
import { clauseAround } from './brief-rank.ts';

export interface TimelineMark {
  fact: DatedFact;
  scheduled: boolean;
  /** A single day is a point; anything longer is a range. */
  point: boolean;
  x0: number;
  x1: number;
  lane: number;
  label: string;
  /** Where the label starts (anchor "start") or ends (anchor "end"). */
  labelX: number;
  anchor: 'start' | 'end';
  /** "Late October 2025 (scheduled): <sentence> — <briefing>", the mark's accessible name and tooltip. */
  title: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  /** y of the axis line; lanes are stacked above it. */
  axisY: number;
  laneY: (lane: number) => number;
  ticks: { x: number; label: string }[];
  /** The newest publication date among the facts' briefings: what is "now" for the picture. */
  now: { x: number; label: string; anchor: 'start' | 'end' } | null;
  marks: TimelineMark[];
  /** Facts left out of the picture (too many, or no room in the lanes); the page lists them all. */
  omitted: number;
}

export interface TimelineOptions {
  width?: number;
  /** At most this many facts are drawn, those nearest to the newest briefing. */
  maxFacts?: number;
  maxLanes?: number;
}

const FONT = 12;
/** System sans-serif faces (DejaVu Sans, Segoe UI, SF) run wider than the Helvetica metrics measured. */
const SYSTEM_FONT_WIDTH = 1.12;

/** Width in px of an SVG label set in the pictures' system font. */
export const labelWidth = (text: string, size: number, bold = false): number => textWidth(text, size, bold) * SYSTEM_FONT_WIDTH;
const LANE = 22;
const TOP = 26;
const AXIS = 30;
const SIDE = 12;
const GAP = 10;
/** A label is the few words around the date in its sentence ("Trump plans to visit China in early 2026"). */
const LABEL_WORDS = 6;
const LABEL_CHARS = 44;

const shorten = (text: string): string => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1).trimEnd()}…` : text);

export function layoutTimeline(facts: DatedFact[], { width = 720, maxFacts = 80, maxLanes = 30 }: TimelineOptions = {}): TimelineLayout {
  const spanned = facts.flatMap((fact) => {
    const span = factSpan(fact.value, fact.mod);
    return span ? [{ fact, ...span }] : [];
  });
  const published = facts.flatMap((f) => (f.published ? [f.published] : [])).sort();
  const newest = published.at(-1) ?? null;
  const nowMs = newest ? calendarRange(newest)!.start + DAY / 2 : null;
  // With thousands of briefings the picture keeps the facts nearest to the present; the page's list has the rest.
  const distance = (s: { start: number; end: number }): number => (nowMs === null ? 0 : Math.max(s.start - nowMs, nowMs - s.end, 0));
  const drawn = spanned.length > maxFacts ? [...spanned].sort((a, b) => distance(a) - distance(b)).slice(0, maxFacts) : spanned;

  let lo = Math.min(...drawn.map((s) => s.start), nowMs ?? Infinity);
  let hi = Math.max(...drawn.map((s) => s.end), nowMs ?? -Infinity);
  if (!Number.isFinite(lo)) lo = hi = Date.UTC(2000, 0, 1);
  // Room either side so that end marks are not cut: 4% of the span, at least two weeks.
  const pad = Math.max((hi - lo) * 0.04, 14 * DAY);
  const x = scaleUtc().domain([new Date(lo - pad), new Date(hi + pad)]).range([SIDE, width - SIDE]);
  const format = x.tickFormat();
  const ticks = x.ticks(Math.max(2, Math.floor(width / 110))).map((t) => ({ x: x(t), label: format(t) }));

  /** What each lane already holds, as [from, to] stretches. */
  const lanes: [number, number][][] = [];
  const free = (lane: [number, number][], from: number, to: number): boolean => lane.every(([a, b]) => to + GAP <= a || b + GAP <= from);
  const marks: TimelineMark[] = [];
  const ordered = [...drawn].sort((a, b) => a.start - b.start || a.end - b.end || a.fact.slug.localeCompare(b.fact.slug));
  for (const { fact, start, end } of ordered) {
    const point = end - start <= DAY;
    const x0 = x(new Date(start));
    const x1 = point ? x0 : Math.max(x(new Date(end)), x0 + 4);
    const label = shorten(clauseAround(fact.sentence.text || fact.text, fact.text, LABEL_WORDS));
    const w = labelWidth(label, FONT);
    // The label goes right of the mark, or left of it where that leaves room in a lower lane.
    const sides = [
      { anchor: 'start' as const, labelX: x1 + 7, from: x0 - 6, to: x1 + 7 + w },
      { anchor: 'end' as const, labelX: x0 - 7, from: x0 - 7 - w, to: x1 + 6 },
    ].filter((side) => side.from >= 0 && side.to <= width);
    let place: { lane: number; side: (typeof sides)[number] } | null = null;
    for (let lane = 0; lane < Math.min(lanes.length + 1, maxLanes) && !place; lane++) {
      const side = sides.find((c) => free(lanes[lane] ?? [], c.from, c.to));
      if (side) place = { lane, side };
    }
    if (!place) continue;
    (lanes[place.lane] ??= []).push([place.side.from, place.side.to]);
    const scheduled = isScheduled(fact);
    marks.push({
      fact, scheduled, point, x0, x1, lane: place.lane, label,
      labelX: place.side.labelX,
      anchor: place.side.anchor,
      title: `${formatDateValue(fact.value, fact.mod)}${scheduled ? ' (scheduled)' : ''}: ${fact.sentence.text} — ${fact.title}`,
    });
  }
  const axisY = TOP + Math.max(lanes.length, 1) * LANE + 4;
  return {
    width,
    height: axisY + AXIS,
    axisY,
    laneY: (lane) => axisY - 4 - LANE / 2 - lane * LANE,
    ticks,
    now: newest && nowMs !== null ? { x: x(new Date(nowMs)), label: `Latest briefing, ${formatDateValue(newest)}`, anchor: x(new Date(nowMs)) > width / 2 ? 'end' : 'start' } : null,
    marks,
    omitted: facts.length - marks.length,
  };
}
