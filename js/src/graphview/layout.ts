/**
 * Layout helpers of the citation graph that ForceAtlas2 does not cover: a graph without edges is packed as a
 * sunflower (Vogel's spiral: even spacing, no hairball, no half-moon), ordered by year so colours form rings;
 * and any layout is stretched to the view's aspect ratio, so the nodes fill the canvas instead of a square
 * in its middle (sigma fits the bounding box keeping its proportions).
 */

import Graph from 'graphology';

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Place the nodes of `graph` on a sunflower spiral, in `order` (first at the centre). */
export function sunflower(graph: Graph, order: string[]): void {
  order.forEach((id, i) => {
    const r = Math.sqrt(i + 0.5);
    const a = i * GOLDEN_ANGLE;
    graph.mergeNodeAttributes(id, { x: r * Math.cos(a), y: r * Math.sin(a) });
  });
}

/** Scale the x coordinates so the bounding box has the width/height `aspect` (nothing when degenerate). */
export function stretchToAspect(graph: Graph, aspect: number): void {
  if (!(aspect > 0) || graph.order < 2) {
    return;
  }
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  graph.forEachNode((_, a) => {
    x0 = Math.min(x0, a.x);
    x1 = Math.max(x1, a.x);
    y0 = Math.min(y0, a.y);
    y1 = Math.max(y1, a.y);
  });
  const w = x1 - x0;
  const hgt = y1 - y0;
  if (w <= 0 || hgt <= 0) {
    return;
  }
  const f = (aspect * hgt) / w;
  graph.updateEachNodeAttributes((_, a) => ({ ...a, x: x0 + (a.x - x0) * f }), {
    attributes: ['x']
  });
}
