// The relationship map: a force-directed layout (d3-force) computed at build time, so pages ship a
// plain SVG and no script. Deterministic: d3-force starts from fixed (phyllotaxis) positions, its
// jiggle uses a seeded random source, and the simulation runs a fixed number of ticks.
import { forceLink, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';

export type EdgeKind = 'quote' | 'comention' | 'agreement';

export interface GraphNode {
  id: string;
  label: string;
  kind: string;
  weight: number;
}

export interface GraphEdge {
  a: string;
  b: string;
  /** How often each kind of link joins the two actors. */
  counts: Record<EdgeKind, number>;
}

export interface LabelAt {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
  r: number;
  /** The label as shown (long names shortened), or null when there is no free room for it. */
  text: string | null;
  /** Where the label goes: its anchor point and text-anchor, chosen so labels do not overlap. */
  labelAt: LabelAt;
}

export interface Layout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: (GraphEdge & { kind: EdgeKind; total: number })[];
}

export interface LayoutOptions {
  width?: number;
  height?: number;
  /** Label font size in SVG units; label widths are estimated from it. */
  fontSize?: number;
  /** Longest label, in characters, before it is shortened with an ellipsis. */
  maxLabel?: number;
  /** A node held at the centre (an ego map's actor). */
  center?: string;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The strongest kind of link between two actors: quotes first, then agreements, then co-mentions. */
export function dominantKind(counts: Record<EdgeKind, number>): EdgeKind {
  if (counts.quote) return 'quote';
  if (counts.agreement) return 'agreement';
  return 'comention';
}

type PairForce<N extends SimulationNodeDatum> = ((alpha: number) => void) & { initialize: (nodes: N[], random: () => number) => void };

/** d3-force's nudge for two nodes at the same place (its `jiggle`). */
const jiggle = (random: () => number) => (random() - 0.5) * 1e-6;

/**
 * d3's forceManyBody summed over every pair instead of through a quadtree: a map has at most a
 * few dozen nodes, and building the tree on each of 300 ticks cost more than the pairs (maps were
 * a quarter of the site's rendering time).
 */
export function pairwiseCharge<N extends SimulationNodeDatum>(strength: number): PairForce<N> {
  let nodes: N[] = [];
  let random = Math.random;
  const force = (alpha: number) => {
    for (const node of nodes)
      for (const other of nodes) {
        if (other === node) continue;
        let x = other.x! - node.x!;
        let y = other.y! - node.y!;
        let l = x * x + y * y;
        if (x === 0) (x = jiggle(random)), (l += x * x);
        if (y === 0) (y = jiggle(random)), (l += y * y);
        if (l < 1) l = Math.sqrt(l);
        const w = (strength * alpha) / l;
        node.vx! += x * w;
        node.vy! += y * w;
      }
  };
  return Object.assign(force, { initialize: (n: N[], r: () => number) => ((nodes = n), (random = r)) });
}

/** d3's forceCollide (strength 1) over every pair instead of through a quadtree, for the same reason. */
export function pairwiseCollide<N extends SimulationNodeDatum>(radius: (node: N) => number, iterations: number): PairForce<N> {
  let nodes: N[] = [];
  let radii: number[] = [];
  let random = Math.random;
  const force = () => {
    for (let k = 0; k < iterations; k++)
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i];
        const ri = radii[i];
        const xi = node.x! + node.vx!;
        const yi = node.y! + node.vy!;
        for (let j = i + 1; j < nodes.length; j++) {
          const other = nodes[j];
          const r = ri + radii[j];
          let x = xi - other.x! - other.vx!;
          let y = yi - other.y! - other.vy!;
          let l = x * x + y * y;
          if (l >= r * r) continue;
          if (x === 0) (x = jiggle(random)), (l += x * x);
          if (y === 0) (y = jiggle(random)), (l += y * y);
          l = Math.sqrt(l);
          const push = (r - l) / l;
          const share = (radii[j] * radii[j]) / (ri * ri + radii[j] * radii[j]);
          node.vx! += x * push * share;
          node.vy! += y * push * share;
          other.vx! -= x * push * (1 - share);
          other.vy! -= y * push * (1 - share);
        }
      }
  };
  return Object.assign(force, { initialize: (n: N[], r: () => number) => ((nodes = n), (radii = n.map(radius)), (random = r)) });
}

/** A small linear congruential generator: d3-force's jiggle, the same on every build. */
function seeded(seed = 1) {
  let s = seed;
  return () => ((s = (s * 1664525 + 1013904223) % 4294967296) / 4294967296);
}

export const shorten = (label: string, max: number) => (label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`);

/** Places the nodes with d3-force (links, repulsion, collision with room for a label), fits them into the box, then places labels. */
export function layout(nodes: readonly GraphNode[], edges: readonly GraphEdge[], options: LayoutOptions = {}): Layout {
  const { width = 720, height = 480, fontSize = 13, maxLabel = 24, center } = options;
  const ids = new Set(nodes.map((n) => n.id));
  const usable = edges.filter((e) => ids.has(e.a) && ids.has(e.b) && e.a !== e.b);
  const maxWeight = Math.max(1, ...nodes.map((node) => node.weight));
  const radius = (w: number) => 5 + 10 * Math.sqrt(w / maxWeight);
  const charWidth = fontSize * 0.6;
  type Sim = SimulationNodeDatum & { node: GraphNode; r: number; half: number };
  const sim: Sim[] = nodes.map((node) => ({
    node,
    r: radius(node.id === center ? maxWeight : node.weight),
    half: (Math.min(node.label.length, maxLabel) * charWidth) / 2,
    ...(node.id === center && { fx: 0, fy: 0 }),
  }));
  const index = new Map(sim.map((s) => [s.node.id, s]));
  const links = usable.map((e) => ({ source: index.get(e.a)!, target: index.get(e.b)! }));
  const aspect = width / height;
  const simulation = forceSimulation(sim)
    .randomSource(seeded())
    .force('link', forceLink(links).distance(70).strength(0.4))
    .force('charge', pairwiseCharge<Sim>(-260))
    // Room for the node and for most of its label beside it.
    .force('collide', pairwiseCollide<Sim>((d) => d.r + Math.min(d.half, 50) + 6, 2))
    // Pulls towards the centre, weaker across the longer side, so the layout takes the box's shape.
    .force('x', forceX(0).strength(0.06 / Math.max(aspect, 1)))
    .force('y', forceY(0).strength(0.06 * Math.min(aspect, 1) + 0.02))
    .stop();
  // As many ticks as d3's own timer runs before it stops (alpha below alphaMin: 300 with the
  // default decay). The 100 more this once ran moved nodes by half a pixel at most (200 random
  // ego maps) and cost a quarter of every map's layout.
  simulation.tick(Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay())));

  // Fit into the box, leaving room for labels at the sides and under each node.
  const margin = { x: Math.min(80, width / 6), top: 20, bottom: 30 };
  const xs = sim.map((p) => p.x ?? 0);
  const ys = sim.map((p) => p.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (width - 2 * margin.x) / Math.max(maxX - minX, 1);
  const sy = (height - margin.top - margin.bottom) / Math.max(maxY - minY, 1);
  const one = nodes.length === 1;
  const placed = placeLabels(
    sim.map((s, i) => ({
      ...s.node,
      x: round(one ? width / 2 : margin.x + (xs[i] - minX) * sx),
      y: round(one ? height / 2 : margin.top + (ys[i] - minY) * sy),
      r: round(s.r),
    })),
    width,
    height,
    fontSize,
    maxLabel,
  );
  return {
    width,
    height,
    nodes: placed,
    edges: usable.map((e) => ({ ...e, kind: dominantKind(e.counts), total: e.counts.quote + e.counts.comention + e.counts.agreement })),
  };
}

type Box = { x0: number; y0: number; x1: number; y1: number };
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Puts each label below, above, right or left of its node (or diagonally), whichever first
 * overlaps no node and no label already placed, inside the box (heaviest nodes first). A label
 * with no free place is left out (the node keeps its name as a tooltip and accessible name). Text
 * width is estimated from its length, generously.
 */
function placeLabels(
  nodes: Omit<PlacedNode, 'labelAt' | 'text'>[],
  width: number,
  height: number,
  fontSize: number,
  maxLabel: number,
): PlacedNode[] {
  const circles = nodes.map((n) => ({ id: n.id, box: { x0: n.x - n.r, y0: n.y - n.r, x1: n.x + n.r, y1: n.y + n.r } }));
  const placed: Box[] = [];
  const labels = new Map<string, { at: LabelAt; text: string | null }>();
  const h = fontSize + 3;
  const inside = (b: Box) => b.x0 >= 0 && b.y0 >= 0 && b.x1 <= width && b.y1 <= height;
  const candidatesFor = (n: (typeof nodes)[number], text: string) => {
    const w = text.length * fontSize * 0.62 + 4;
    const below = n.y + n.r + 2;
    const above = n.y - n.r - 2 - h;
    const mid = n.y - h / 2;
    const c: { at: LabelAt; box: Box }[] = [
      { at: { x: n.x, y: below + fontSize, anchor: 'middle' }, box: { x0: n.x - w / 2, y0: below, x1: n.x + w / 2, y1: below + h } },
      { at: { x: n.x + n.r + 4, y: mid + fontSize, anchor: 'start' }, box: { x0: n.x + n.r + 2, y0: mid, x1: n.x + n.r + 4 + w, y1: mid + h } },
      { at: { x: n.x - n.r - 4, y: mid + fontSize, anchor: 'end' }, box: { x0: n.x - n.r - 4 - w, y0: mid, x1: n.x - n.r - 2, y1: mid + h } },
      { at: { x: n.x, y: above + fontSize, anchor: 'middle' }, box: { x0: n.x - w / 2, y0: above, x1: n.x + w / 2, y1: above + h } },
      { at: { x: n.x + n.r, y: below + fontSize, anchor: 'start' }, box: { x0: n.x + n.r - 2, y0: below, x1: n.x + n.r + w, y1: below + h } },
      { at: { x: n.x - n.r, y: below + fontSize, anchor: 'end' }, box: { x0: n.x - n.r - w, y0: below, x1: n.x - n.r + 2, y1: below + h } },
      { at: { x: n.x + n.r, y: above + fontSize, anchor: 'start' }, box: { x0: n.x + n.r - 2, y0: above, x1: n.x + n.r + w, y1: above + h } },
      { at: { x: n.x - n.r, y: above + fontSize, anchor: 'end' }, box: { x0: n.x - n.r - w, y0: above, x1: n.x - n.r + 2, y1: above + h } },
    ];
    return c.map((x) => ({ ...x, text }));
  };
  for (const n of [...nodes].sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id))) {
    const free = (c: { box: Box }) => inside(c.box) && !placed.some((b) => overlaps(c.box, b)) && !circles.some((o) => o.id !== n.id && overlaps(c.box, o.box));
    // The label as long as allowed, else shorter, wherever it first fits.
    let chosen: { at: LabelAt; box: Box; text: string } | undefined;
    for (const text of [...new Set([shorten(n.label, maxLabel), shorten(n.label, Math.min(maxLabel, 12))])]) {
      chosen = candidatesFor(n, text).find(free);
      if (chosen) break;
    }
    if (chosen) placed.push(chosen.box);
    const at = chosen?.at ?? { x: n.x, y: n.y + n.r + 2 + fontSize, anchor: 'middle' as const };
    labels.set(n.id, { at: { x: round(at.x), y: round(at.y), anchor: at.anchor }, text: chosen?.text ?? null });
  }
  return nodes.map((n) => ({ ...n, labelAt: labels.get(n.id)!.at, text: labels.get(n.id)!.text }));
}
