/**
 * The connection pictures, laid out at build time: who and what appears together in the briefings.
 * d3-force places the nodes, d3-scale sizes them and their links, d3-shape draws one symbol per
 * kind (so kinds stay apart in print and for readers who do not see colour).
 */
import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { scaleLinear, scaleSqrt } from 'd3-scale';
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3-shape';
import type { EntityKind } from '../pipeline/link.ts';
import type { EntityPage } from './corpus.ts';
import { labelWidth } from './timeline.ts';

export interface GraphNode {
  kind: EntityKind;
  id: string;
  name: string;
  /** Briefings: the entity's own for the overview and the centre, shared ones for a neighbour. */
  weight: number;
  centre?: boolean;
}

export interface GraphEdge {
  source: string;
  target: string;
  /** Briefings the two appear in together. */
  count: number;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const nodeKey = (n: { kind: EntityKind; id: string }): string => `${n.kind}/${n.id}`;

/** The kinds a connection picture draws. */
const CONNECTION_KINDS: EntityKind[] = ['people', 'organizations', 'issues'];

/** One entity and what it appears with most, at most `perKind` of each kind. */
export function egoGraph(page: EntityPage, perKind = 6): Graph {
  const centre: GraphNode = { kind: page.kind, id: page.id, name: page.name, weight: page.appearances.length, centre: true };
  const neighbours = CONNECTION_KINDS.flatMap((kind) => page.related.filter((r) => r.kind === kind).slice(0, perKind))
    .map((r): GraphNode => ({ kind: r.kind, id: r.id, name: r.name, weight: r.count }));
  return {
    nodes: [centre, ...neighbours],
    edges: neighbours.map((n) => ({ source: nodeKey(centre), target: nodeKey(n), count: n.weight })),
  };
}

/**
 * The most covered entities of the whole corpus and each one's strongest links among them. Only
 * `limit` nodes and at most `perNode` links from each, so it reads the same with ten briefings or
 * ten thousand. `pages` come most covered first.
 */
export function overviewGraph(pages: EntityPage[], limit = 24, perNode = 3): Graph {
  const top = pages.slice(0, limit);
  const rank = new Map(top.map((p, i) => [nodeKey(p), i]));
  const edges = new Map<string, GraphEdge>();
  for (const page of top) {
    const strongest = page.related
      .filter((r) => rank.has(nodeKey(r)))
      .sort((a, b) => b.count - a.count || rank.get(nodeKey(a))! - rank.get(nodeKey(b))!)
      .slice(0, perNode);
    for (const r of strongest) {
      const [source, target] = [nodeKey(page), nodeKey(r)].sort() as [string, string];
      edges.set(`${source} ${target}`, { source, target, count: r.count });
    }
  }
  return {
    nodes: top.map((p) => ({ kind: p.kind, id: p.id, name: p.name, weight: p.appearances.length })),
    edges: [...edges.values()],
  };
}

export interface NetworkNode extends GraphNode {
  key: string;
  x: number;
  y: number;
  /** Radius of the symbol. */
  r: number;
  /** SVG path of the kind's symbol, centred on (0, 0). */
  path: string;
  label: string;
  /** Where the label starts, right of the symbol. */
  labelX: number;
}

export interface NetworkEdge extends GraphEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

const SYMBOLS: Record<EntityKind, SymbolType> = { people: symbolCircle, organizations: symbolSquare, places: symbolTriangle, issues: symbolDiamond };
/** The symbol of a kind, `r` the radius of a circle of the same area. */
export const kindSymbol = (kind: EntityKind, r: number): string => symbol(SYMBOLS[kind], Math.PI * r * r).digits(1)()!;

const FONT = 12;
const LABEL_CHARS = 26;
const MARGIN = 8;
/** How far positions may be spread or squeezed to fill the width. */
const MAX_SCALE = 3;
const MIN_SCALE = 0.6;

interface SimNode extends SimulationNodeDatum, GraphNode {
  key: string;
  r: number;
  label: string;
  labelWidth: number;
}

/** How far a symbol reaches from its centre: triangles and diamonds of a circle's area reach further. */
const reach = (n: SimNode): number => n.r * 1.35;
const halfHeight = (n: SimNode): number => Math.max(reach(n), 9);
const labelX = (n: { r: number }): number => n.r + 4;

/** The box a node and its label (set to the right of the symbol) take. */
const box = (n: SimNode) => ({
  left: n.x! - reach(n),
  right: n.x! + labelX(n) + n.labelWidth,
  top: n.y! - halfHeight(n),
  bottom: n.y! + halfHeight(n),
});

/** d3's collide force keeps circles apart; labels are wide boxes, so this one pushes overlapping boxes apart along their shallower overlap. */
function boxCollide(padding = 3) {
  let nodes: SimNode[] = [];
  const force = (): void => {
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = box(nodes[i]!);
        const b = box(nodes[j]!);
        const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left) + padding;
        const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) + padding;
        if (dx <= 0 || dy <= 0) continue;
        const [p, q] = [nodes[i]!, nodes[j]!];
        if (dx < dy) {
          const s = (a.left + a.right < b.left + b.right ? -dx : dx) / 4;
          p.vx! += s;
          q.vx! -= s;
        } else {
          const s = (p.y! < q.y! ? -dy : dy) / 4;
          p.vy! += s;
          q.vy! -= s;
        }
      }
    }
  };
  force.initialize = (n: SimNode[]): void => {
    nodes = n;
  };
  return force;
}

/** Positions for a graph in a picture `width` wide; the height follows from the layout. */
export function layoutNetwork(graph: Graph, width = 720): NetworkLayout {
  const maxWeight = Math.max(1, ...graph.nodes.map((n) => n.weight));
  const maxCount = Math.max(1, ...graph.edges.map((e) => e.count));
  const radius = scaleSqrt().domain([0, maxWeight]).range([3, 15]);
  const stroke = scaleLinear().domain([1, Math.max(2, maxCount)]).range([1, 4]).clamp(true);
  const nodes: SimNode[] = graph.nodes.map((n) => {
    const label = n.name.length > LABEL_CHARS ? `${n.name.slice(0, LABEL_CHARS - 1).trimEnd()}…` : n.name;
    const r = n.centre ? 15 : radius(n.weight);
    return { ...n, key: nodeKey(n), r, label, labelWidth: labelWidth(label, n.centre ? FONT + 1 : FONT, n.centre) };
  });
  const links: SimulationLinkDatum<SimNode>[] = graph.edges.map((e) => ({ source: e.source, target: e.target }));
  // Stronger links pull harder: entities that share many briefings end up close.
  const pull = scaleLinear().domain([1, Math.max(2, maxCount)]).range([0.3, 0.9]);
  const centre = nodes.find((n) => n.centre);
  if (centre) centre.fx = centre.fy = 0;
  // The simulation is deterministic (d3-force seeds its own random source), so builds repeat.
  forceSimulation(nodes)
    .force('link', forceLink<SimNode, SimulationLinkDatum<SimNode>>(links).id((n) => n.key).distance(80)
      .strength((_, i) => pull(graph.edges[i]!.count)))
    .force('charge', forceManyBody().strength(-240))
    // Pictures are wider than tall: pull harder vertically.
    .force('x', forceX(0).strength(0.03))
    .force('y', forceY(0).strength(0.25))
    .force('boxes', boxCollide())
    .stop()
    // 150 ticks with a matching cooling rate settle these small graphs as well as d3's default 300, at half the cost per page.
    .alphaDecay(1 - 0.001 ** (1 / 150))
    .tick(150);
  const height = fit(nodes, width);
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  return {
    width,
    height,
    nodes: nodes.map((n) => ({
      kind: n.kind, id: n.id, name: n.name, weight: n.weight, centre: n.centre, key: n.key, label: n.label,
      x: round(n.x!), y: round(n.y!), r: round(n.r), labelX: round(n.x! + labelX(n)),
      path: kindSymbol(n.kind, n.r),
    })),
    edges: graph.edges.map((e) => {
      const a = byKey.get(e.source)!;
      const b = byKey.get(e.target)!;
      return { ...e, x1: round(a.x!), y1: round(a.y!), x2: round(b.x!), y2: round(b.y!), width: round(stroke(e.count)) };
    }),
  };
}

/**
 * Scales and moves the layout so that the boxes fill the width, and squeezes it vertically towards
 * `aspect` × width as far as no two boxes come to overlap; returns the height it then takes. Only
 * positions scale, not symbols or labels.
 */
function fit(nodes: SimNode[], width: number, aspect = 0.6): number {
  const room = width - 2 * MARGIN;
  let sx = MAX_SCALE;
  for (const a of nodes) {
    for (const b of nodes) {
      const apart = b.x! - a.x!;
      if (apart > 0) sx = Math.min(sx, (room - (labelX(b) + b.labelWidth) - reach(a)) / apart);
    }
  }
  sx = Math.max(sx, MIN_SCALE);
  const ys = nodes.map((n) => n.y!);
  const spread = Math.max(...ys) - Math.min(...ys);
  let sy = spread > 0 ? Math.min(sx, (aspect * width - 2 * MARGIN - 18) / spread) : sx;
  for (const a of nodes) {
    for (const b of nodes) {
      const dy = Math.abs(a.y! - b.y!);
      const [l, r] = a.x! < b.x! ? [a, b] : [b, a];
      const sideBySide = sx * (r.x! - l.x!) >= labelX(l) + l.labelWidth + reach(r) + 3;
      if (a !== b && !sideBySide && dy > 0) sy = Math.max(sy, (halfHeight(a) + halfHeight(b) + 3) / dy);
    }
  }
  const left = Math.min(...nodes.map((n) => sx * n.x! - reach(n)));
  const top = Math.min(...nodes.map((n) => sy * n.y! - halfHeight(n)));
  for (const n of nodes) {
    n.x = MARGIN + sx * n.x! - left;
    n.y = MARGIN + sy * n.y! - top;
  }
  return Math.round(Math.max(...nodes.map((n) => box(n).bottom)) + MARGIN);
}

const round = (v: number): number => Math.round(v * 10) / 10;
