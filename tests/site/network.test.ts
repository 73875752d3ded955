import { describe, expect, it } from 'vitest';
import type { EntityKind } from '../../src/pipeline/link.ts';
import type { EntityPage } from '../../src/site/corpus.ts';
import { egoGraph, layoutNetwork, nodeKey, overviewGraph, type NetworkNode } from '../../src/site/network.ts';
import { labelWidth } from '../../src/site/timeline.ts';

function page(kind: EntityKind, id: string, briefings: number, related: [EntityKind, string, number][] = []): EntityPage {
  return {
    kind, id, name: id.replace(/-/g, ' '), aliases: [], roles: [], mentions: briefings, dated: [],
    appearances: Array.from({ length: briefings }, (_, i) => ({ slug: `b${i}`, title: `B${i}`, published: null, outlet: null, sentences: [] })),
    related: related.map(([k, rid, count]) => ({ kind: k, id: rid, name: rid.replace(/-/g, ' '), count })),
  };
}

describe('egoGraph', () => {
  const trump = page('people', 'donald-trump', 5, [
    ['people', 'xi-jinping', 4], ['places', 'china', 5], ['issues', 'tariffs', 3], ['organizations', 'tiktok', 2],
    ['people', 'scott-bessent', 2], ['people', 'he-lifeng', 1], ['people', 'han-zheng', 1],
  ]);

  it('puts the entity in the middle, linked to the people, organizations and issues it appears with, by shared briefings', () => {
    const g = egoGraph(trump);
    expect(g.nodes[0]).toMatchObject({ id: 'donald-trump', centre: true, weight: 5 });
    expect(g.nodes.slice(1).map((n) => n.id)).toEqual(['xi-jinping', 'scott-bessent', 'he-lifeng', 'han-zheng', 'tiktok', 'tariffs']);
    expect(g.edges).toContainEqual({ source: 'people/donald-trump', target: 'people/xi-jinping', count: 4 });
    expect(g.edges.every((e) => e.source === 'people/donald-trump')).toBe(true);
  });

  it('keeps the strongest few of each kind', () => {
    expect(egoGraph(trump, 2).nodes.slice(1).map((n) => n.id)).toEqual(['xi-jinping', 'scott-bessent', 'tiktok', 'tariffs']);
  });
});

describe('overviewGraph', () => {
  // Ten entities; each appears with every other, more often with its neighbours in the list.
  const ids = Array.from({ length: 10 }, (_, i) => `e${i}`);
  const pages = ids.map((id, i) => page('people', id, 20 - i, ids.filter((o) => o !== id).map((o, j): [EntityKind, string, number] => [
    'people', o, Math.max(1, 9 - Math.abs(Number(o.slice(1)) - i) - j % 2),
  ])));

  it('draws only the most covered entities and the strongest links of each', () => {
    const g = overviewGraph(pages, 6, 2);
    expect(g.nodes.map((n) => n.id)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5']);
    expect(g.nodes[0]!.weight).toBe(20);
    const keys = new Set(g.nodes.map(nodeKey));
    for (const e of g.edges) {
      expect(keys.has(e.source) && keys.has(e.target)).toBe(true);
      expect(e.source < e.target).toBe(true);
    }
    expect(new Set(g.edges.map((e) => `${e.source} ${e.target}`)).size).toBe(g.edges.length);
    expect(g.edges.length).toBeLessThanOrEqual(6 * 2);
    // e0's strongest link among the six is e1 (count 8).
    expect(g.edges).toContainEqual({ source: 'people/e0', target: 'people/e1', count: 8 });
  });
});

/** The box a node and its label take as drawn. */
function box(n: NetworkNode) {
  const half = Math.max(n.r * 1.35, 9);
  return { left: n.x - n.r * 1.35, right: n.labelX + labelWidth(n.label, n.centre ? 13 : 12, n.centre), top: n.y - half, bottom: n.y + half };
}

describe('layoutNetwork', () => {
  const trump = page('people', 'donald-trump', 6, [
    ...Array.from({ length: 6 }, (_, i): [EntityKind, string, number] => ['people', `person-with-a-long-name-${i}`, 6 - i]),
    ...Array.from({ length: 6 }, (_, i): [EntityKind, string, number] => ['organizations', `organization-${i}`, 1 + (i % 3)]),
    ...Array.from({ length: 6 }, (_, i): [EntityKind, string, number] => ['issues', `issue-${i}`, 2]),
  ]);
  const graph = egoGraph(trump);
  const net = layoutNetwork(graph);

  it('places every node and label inside the picture, none overlapping another', () => {
    expect(net.nodes).toHaveLength(19);
    const boxes = net.nodes.map(box);
    for (const b of boxes) {
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.right).toBeLessThanOrEqual(net.width);
      expect(b.top).toBeGreaterThanOrEqual(0);
      expect(b.bottom).toBeLessThanOrEqual(net.height);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const overlap = Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);
        expect(overlap, `${net.nodes[i]!.label} / ${net.nodes[j]!.label}`).toBe(false);
      }
    }
  });

  it('joins the nodes with lines as thick as their shared briefings are many', () => {
    const at = new Map(net.nodes.map((n) => [n.key, n]));
    for (const e of net.edges) {
      expect([e.x1, e.y1]).toEqual([at.get(e.source)!.x, at.get(e.source)!.y]);
      expect([e.x2, e.y2]).toEqual([at.get(e.target)!.x, at.get(e.target)!.y]);
    }
    const width = (id: string) => net.edges.find((e) => e.target.endsWith(id))!.width;
    expect(width('person-with-a-long-name-0')).toBeGreaterThan(width('person-with-a-long-name-4'));
  });

  it('draws each kind with its own symbol and the same layout on every build', () => {
    const symbols = new Map(net.nodes.map((n) => [n.kind, n.path.replace(/[\d.-]+/g, '#')]));
    expect(new Set(symbols.values()).size).toBe(3);
    expect(layoutNetwork(graph)).toEqual(net);
  });
});
