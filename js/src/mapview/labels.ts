/**
 * Topic-label placement for the map: largest topics first, each label tried at its anchor and a
 * few offsets around it, kept only where it overlaps no label already placed and stays inside
 * the map. Labels that find no place are hidden (their topic still shows in the legend).
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
  [0, 2]
];

export function overlaps(a: IBox, b: IBox, gap = 2): boolean {
  return !(
    a.left + a.width + gap <= b.left ||
    b.left + b.width + gap <= a.left ||
    a.top + a.height + gap <= b.top ||
    b.top + b.height + gap <= a.top
  );
}

/** Boxes for the requests in order (null: no room), within a `width` x `height` area. */
export function placeLabels(
  requests: ILabelRequest[],
  width: number,
  height: number
): Array<IBox | null> {
  const placed: IBox[] = [];
  return requests.map(req => {
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
      if (inside && !placed.some(other => overlaps(box, other))) {
        placed.push(box);
        return box;
      }
    }
    return null;
  });
}
