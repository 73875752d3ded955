/**
 * Where a search result should land: the sentence of a briefing that matches best, with an excerpt
 * of that sentence. Pagefind only splits results on headings; briefings mark every sentence with an
 * id (`<span id="s12" class="sentence">`), and Pagefind reports every id'd element as an anchor with
 * its word position, so the matched words can be traced to their sentence (Pagefind's documented
 * "custom sub results"). Runs in the browser; no DOM needed.
 */

export interface PagefindAnchor {
  element: string;
  id: string;
  location: number;
  text?: string;
}

export interface PagefindLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

/** The parts of a Pagefind result's data that the passage is computed from. */
export interface PagefindPassageData {
  url: string;
  excerpt: string;
  content: string;
  anchors: PagefindAnchor[];
  weighted_locations: PagefindLocation[];
}

export interface Passage {
  /** The result's URL, with `#id` of the best matching sentence when there is one. */
  url: string;
  /** Safe HTML: the text with matched words in `<mark>`. */
  excerpt: string;
}

const SENTENCE = /^(s\d+|title)$/;
const EXCERPT_WORDS = 30;

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The anchor a word position falls under: the last one starting at or before it (a sentence over a heading at the same spot). */
function anchorAt(anchors: PagefindAnchor[], location: number): PagefindAnchor | null {
  let found: PagefindAnchor | null = null;
  for (const a of anchors) {
    if (a.location > location) break;
    if (!found || a.location > found.location || SENTENCE.test(a.id)) found = a;
  }
  return found;
}

export function bestPassage(data: PagefindPassageData): Passage {
  const anchors = [...data.anchors].sort((a, b) => a.location - b.location);
  const scores = new Map<PagefindAnchor, number>();
  for (const hit of data.weighted_locations) {
    const anchor = anchorAt(anchors, hit.location);
    if (anchor && SENTENCE.test(anchor.id)) scores.set(anchor, (scores.get(anchor) ?? 0) + hit.balanced_score);
  }
  let best: PagefindAnchor | null = null;
  for (const [anchor, score] of scores) if (!best || score > scores.get(best)!) best = anchor;
  if (!best) return { url: data.url, excerpt: data.excerpt };

  const words = data.content.split(/\s+/);
  const next = anchors.find((a) => a.location > best.location);
  const end = Math.min(next ? next.location : words.length, words.length);
  const hits = new Set(data.weighted_locations.map((h) => h.location));
  const firstHit = Math.min(...[...hits].filter((l) => l >= best.location && l < end));
  // Long sentences are cut to a window that starts a few words before the first match.
  const start = end - best.location > EXCERPT_WORDS ? Math.max(best.location, Math.min(firstHit - 5, end - EXCERPT_WORDS)) : best.location;
  const stop = Math.min(end, start + EXCERPT_WORDS);
  // Neighbouring matched words share one <mark>, so a phrase reads as one highlight.
  const html = words.slice(start, stop).map((w, i) => {
    const at = start + i;
    if (!hits.has(at)) return escape(w);
    return `${hits.has(at - 1) && at > start ? '' : '<mark>'}${escape(w)}${hits.has(at + 1) && at + 1 < stop ? '' : '</mark>'}`;
  }).join(' ');
  return {
    url: `${data.url.replace(/#.*$/, '')}#${best.id}`,
    excerpt: `${start > best.location ? '… ' : ''}${html}${stop < end ? ' …' : ''}`,
  };
}
