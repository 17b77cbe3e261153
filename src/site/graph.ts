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

export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
  r: number;
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
  const k = Math.sqrt((width * height) / Math.max(n, 1)) * 0.6;
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
      disp[i].x -= pos[i].x * 0.05;
      disp[i].y -= pos[i].y * 0.05;
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
  const placed = nodes.map((node, i) => ({
    ...node,
    x: round(n === 1 ? width / 2 : margin.x + (pos[i].x - minX) * sx),
    y: round(n === 1 ? height / 2 : margin.top + (pos[i].y - minY) * sy),
    r: round(radius(node.weight)),
  }));
  return {
    width,
    height,
    nodes: placed,
    edges: edges
      .filter((e) => index.has(e.a) && index.has(e.b) && e.a !== e.b)
      .map((e) => ({ ...e, kind: dominantKind(e.counts), total: e.counts.quote + e.counts.comention + e.counts.agreement })),
  };
}
