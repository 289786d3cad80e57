/**
 * Topic-label placement for the map: largest topics first, each label tried at its anchor and the
 * offsets around it; among the places that overlap no label already placed and stay inside the map,
 * the one covering the fewest points' dots wins (a dot partly under the label's edge counts), then the
 * one nearest the anchor: a label moves away from its topic's centre rather than hide a point, but stays
 * beside it (a long label is not moved a whole width away, over another topic, while a place beside its
 * anchor is free). Labels that find no place are hidden, and their topic's legend entry says so (view.ts).
 */

export interface IBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ILabelRequest {
  /** Anchor on screen (px). */
  x: number;
  y: number;
  width: number;
  height: number;
}

const OFFSETS: ReadonlyArray<[number, number]> = [
  [0, 0],
  [0, -1],
  [0, 1],
  [0.5, 0],
  [-0.5, 0],
  [0.5, -1],
  [-0.5, -1],
  [0.5, 1],
  [-0.5, 1],
  [0, -2],
  [0, 2],
  [1, 0],
  [-1, 0],
  [1, -1],
  [-1, -1],
  [1, 1],
  [-1, 1],
  [0, -3],
  [0, 3],
  [0.5, -2],
  [-0.5, -2],
  [0.5, 2],
  [-0.5, 2]
];

/** How far (px) a label's box may end from its anchor, sideways, and still be near its topic. */
const NEAR = 40;
/** What a place farther than that costs: more than any place near the topic (hidden points included). */
const FAR = 1e6;

export function overlaps(a: IBox, b: IBox, gap = 2): boolean {
  return !(
    a.left + a.width + gap <= b.left ||
    b.left + b.width + gap <= a.left ||
    a.top + a.height + gap <= b.top ||
    b.top + b.height + gap <= a.top
  );
}

/** How many of `points` (dots of `radius` px) lie under `box`, wholly or in part. */
function covered(
  box: IBox,
  points: ReadonlyArray<[number, number]>,
  radius: number
): number {
  let n = 0;
  for (const [x, y] of points) {
    if (
      x + radius > box.left &&
      x - radius < box.left + box.width &&
      y + radius > box.top &&
      y - radius < box.top + box.height
    ) {
      n++;
    }
  }
  return n;
}

/**
 * Boxes for the requests in order (null: no room), within a `width` x `height` area, each where it
 * hides the fewest of `points` (screen positions of the map's points, dots of `radius` px).
 */
export function placeLabels(
  requests: ILabelRequest[],
  width: number,
  height: number,
  points: ReadonlyArray<[number, number]> = [],
  radius = 0
): Array<IBox | null> {
  const placed: IBox[] = [];
  return requests.map(req => {
    let best: IBox | null = null;
    let bestCost = Infinity;
    // a long label moved by its whole width lands over another topic (seen: "diffusion models / image generation"
    // 340 px left of its points, over the DoA topic): such places are taken only when none nearer is free
    const reach = Math.max(NEAR, 2 * req.height);
    for (const [dx, dy] of OFFSETS) {
      const box = {
        left: req.x - req.width / 2 + dx * req.width,
        top: req.y - req.height / 2 + dy * req.height,
        width: req.width,
        height: req.height
      };
      const inside =
        box.left >= 0 &&
        box.top >= 0 &&
        box.left + box.width <= width &&
        box.top + box.height <= height;
      if (!inside || placed.some(other => overlaps(box, other))) {
        continue;
      }
      // a hidden point costs more than any step away from the anchor (at most 1.5 here); on a tie of
      // hidden points the label stays nearest its topic
      const far =
        box.left > req.x + reach || box.left + box.width < req.x - reach;
      const cost =
        10 * covered(box, points, radius) +
        0.5 * (Math.abs(dx) + Math.abs(dy)) +
        (far ? FAR : 0);
      if (cost < bestCost) {
        best = box;
        bestCost = cost;
      }
    }
    if (best) {
      placed.push(best);
    }
    return best;
  });
}
