// The relationship map: a deterministic force-directed layout computed at build time, so the home
// page ships a plain SVG and no script.

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
  /** Where the label goes: its anchor point and text-anchor, chosen so labels do not overlap. */
  labelAt: LabelAt;
}

export interface Layout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: (GraphEdge & { kind: EdgeKind; total: number })[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The strongest kind of link between two actors: quotes first, then agreements, then co-mentions. */
export function dominantKind(counts: Record<EdgeKind, number>): EdgeKind {
  if (counts.quote) return 'quote';
  if (counts.agreement) return 'agreement';
  return 'comention';
}

/**
 * Places nodes with Fruchterman–Reingold from positions on a circle (no randomness), then fits them
 * into the box. Cost is O(iterations × n²) for the few dozen nodes shown.
 */
export function layout(nodes: readonly GraphNode[], edges: readonly GraphEdge[], width = 720, height = 480): Layout {
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const pos = nodes.map((_, i) => ({
    x: Math.cos((2 * Math.PI * i) / Math.max(n, 1)) * width * 0.35,
    y: Math.sin((2 * Math.PI * i) / Math.max(n, 1)) * height * 0.35,
  }));
  const k = Math.sqrt((width * height) / Math.max(n, 1)) * 0.9;
  const pairs = edges.flatMap((e) => {
    const a = index.get(e.a);
    const b = index.get(e.b);
    return a === undefined || b === undefined || a === b ? [] : [{ a, b }];
  });
  let temperature = width / 8;
  for (let step = 0; step < 250; step++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x || 0.01;
        const dy = pos[i].y - pos[j].y;
        const d = Math.max(Math.hypot(dx, dy), 0.01);
        const f = (k * k) / d;
        disp[i].x += (dx / d) * f;
        disp[i].y += (dy / d) * f;
        disp[j].x -= (dx / d) * f;
        disp[j].y -= (dy / d) * f;
      }
    }
    for (const { a, b } of pairs) {
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const d = Math.max(Math.hypot(dx, dy), 0.01);
      const f = (d * d) / k;
      disp[a].x -= (dx / d) * f;
      disp[a].y -= (dy / d) * f;
      disp[b].x += (dx / d) * f;
      disp[b].y += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // A weak pull to the centre keeps unlinked actors from drifting away.
      disp[i].x -= pos[i].x * 0.03;
      disp[i].y -= pos[i].y * 0.03;
      const d = Math.max(Math.hypot(disp[i].x, disp[i].y), 0.01);
      pos[i].x += (disp[i].x / d) * Math.min(d, temperature);
      pos[i].y += (disp[i].y / d) * Math.min(d, temperature);
    }
    temperature *= 0.98;
  }
  const maxWeight = Math.max(1, ...nodes.map((node) => node.weight));
  const radius = (w: number) => 6 + 12 * Math.sqrt(w / maxWeight);
  // Fit into the box, leaving room for labels under each node.
  const margin = { x: 90, top: 24, bottom: 40 };
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (width - 2 * margin.x) / Math.max(maxX - minX, 1);
  const sy = (height - margin.top - margin.bottom) / Math.max(maxY - minY, 1);
  const placed = placeLabels(
    nodes.map((node, i) => ({
      ...node,
      x: round(n === 1 ? width / 2 : margin.x + (pos[i].x - minX) * sx),
      y: round(n === 1 ? height / 2 : margin.top + (pos[i].y - minY) * sy),
      r: round(radius(node.weight)),
    })),
    width,
    height,
  );
  return {
    width,
    height,
    nodes: placed,
    edges: edges
      .filter((e) => index.has(e.a) && index.has(e.b) && e.a !== e.b)
      .map((e) => ({ ...e, kind: dominantKind(e.counts), total: e.counts.quote + e.counts.comention + e.counts.agreement })),
  };
}

type Box = { x0: number; y0: number; x1: number; y1: number };
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Puts each label below, above, right or left of its node, whichever first overlaps no other node
 * and no label already placed, inside the box (heaviest nodes first); text width is estimated from its length.
 */
function placeLabels(nodes: Omit<PlacedNode, 'labelAt'>[], width: number, height: number): PlacedNode[] {
  const circles = nodes.map((n) => ({ id: n.id, box: { x0: n.x - n.r, y0: n.y - n.r, x1: n.x + n.r, y1: n.y + n.r } }));
  const placed: Box[] = [];
  const labels = new Map<string, LabelAt>();
  for (const n of [...nodes].sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id))) {
    const w = n.label.length * 7;
    const candidates: { at: LabelAt; box: Box }[] = [
      { at: { x: n.x, y: n.y + n.r + 14, anchor: 'middle' }, box: { x0: n.x - w / 2, y0: n.y + n.r + 2, x1: n.x + w / 2, y1: n.y + n.r + 17 } },
      { at: { x: n.x, y: n.y - n.r - 5, anchor: 'middle' }, box: { x0: n.x - w / 2, y0: n.y - n.r - 17, x1: n.x + w / 2, y1: n.y - n.r - 2 } },
      { at: { x: n.x + n.r + 4, y: n.y + 4, anchor: 'start' }, box: { x0: n.x + n.r + 3, y0: n.y - 8, x1: n.x + n.r + 4 + w, y1: n.y + 7 } },
      { at: { x: n.x - n.r - 4, y: n.y + 4, anchor: 'end' }, box: { x0: n.x - n.r - 4 - w, y0: n.y - 8, x1: n.x - n.r - 3, y1: n.y + 7 } },
    ];
    const inside = (b: Box) => b.x0 >= 0 && b.y0 >= 0 && b.x1 <= width && b.y1 <= height;
    const free = (c: { box: Box }) => inside(c.box) && !placed.some((b) => overlaps(c.box, b)) && !circles.some((o) => o.id !== n.id && overlaps(c.box, o.box));
    const chosen = candidates.find(free) ?? candidates.find((c) => inside(c.box)) ?? candidates[0];
    placed.push(chosen.box);
    labels.set(n.id, { x: round(chosen.at.x), y: round(chosen.at.y), anchor: chosen.at.anchor });
  }
  return nodes.map((n) => ({ ...n, labelAt: labels.get(n.id)! }));
}
