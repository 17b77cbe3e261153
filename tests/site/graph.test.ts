// The map's own forces (src/site/graph.ts) are d3-force's charge and collision without the
// quadtree: one tick of each must move the nodes as d3's exact versions do.
import { forceCollide, forceManyBody, forceSimulation, type SimulationNodeDatum } from 'd3-force';
import { describe, expect, it } from 'vitest';
import { pairwiseCharge, pairwiseCollide } from '../../src/site/graph.ts';

type Node = SimulationNodeDatum & { r: number };

/** Twelve nodes in a tight cluster, two of them at the same place, with different radii. */
function cluster(): Node[] {
  const nodes: Node[] = Array.from({ length: 12 }, (_, i) => ({ x: 30 * Math.cos(i * 2.4) * Math.sqrt(i), y: 30 * Math.sin(i * 2.4) * Math.sqrt(i), r: 8 + (i % 4) * 5 }));
  nodes[11].x = nodes[10].x;
  nodes[11].y = nodes[10].y;
  return nodes;
}

/** The velocities after one tick of `force` alone (no decay, no motion yet). */
function velocities(force: Parameters<ReturnType<typeof forceSimulation<Node>>['force']>[1]) {
  const nodes = cluster();
  let s = 7;
  forceSimulation(nodes).randomSource(() => ((s = (s * 1664525 + 1013904223) % 4294967296) / 4294967296)).velocityDecay(0).alphaDecay(0).stop().force('f', force!);
  for (const n of nodes) (n.vx = 0), (n.vy = 0);
  force!(1);
  return nodes.map((n) => [n.vx!, n.vy!]);
}

describe('map forces', () => {
  it('repel as d3’s forceManyBody does when it sums every pair (theta 0)', () => {
    const ours = velocities(pairwiseCharge<Node>(-260));
    const d3 = velocities(forceManyBody<Node>().strength(-260).theta(0));
    ours.forEach(([vx, vy], i) => {
      expect(vx).toBeCloseTo(d3[i][0], 6);
      expect(vy).toBeCloseTo(d3[i][1], 6);
    });
    expect(Math.hypot(...ours[0])).toBeGreaterThan(1);
  });

  it('push overlapping nodes apart as d3’s forceCollide does', () => {
    const ours = velocities(pairwiseCollide<Node>((n) => n.r, 2));
    const d3 = velocities(forceCollide<Node>((n) => n.r).iterations(2));
    ours.forEach(([vx, vy], i) => {
      expect(vx).toBeCloseTo(d3[i][0], 6);
      expect(vy).toBeCloseTo(d3[i][1], 6);
    });
    expect(ours.some(([vx, vy]) => Math.hypot(vx, vy) > 1)).toBe(true);
  });
});
