/**
 * Node labels of the citation graph drawn on sigma's label canvas with a budget: sigma's label grid picks
 * the candidates (largest node per cell of `labelGridCellSize`; sigma 3 has no collision step of its own),
 * and a label is drawn only where it covers no label drawn earlier in the same frame and no other node
 * (right of its node, else left of it, else shortened to `SHORT_CHARS`, else not at all), inside the view;
 * in a crowded view (`CROWDED_AREA`) a label may cross nodes where no place is clear of them.
 * The hovered node and the opened one are drawn on the hover layer, always, with a background
 * (`drawHoverLabel`). Every label has a halo of the view's background colour, so it reads over the edges
 * under it in either theme.
 */

import Sigma from 'sigma';
import { NodeDisplayData, PartialButFor } from 'sigma/types';
import { Settings } from 'sigma/settings';

export const MAX_CHARS = 48;
/** A label that does not fit whole tries this many characters before it is left out. */
export const SHORT_CHARS = 24;
/**
 * A view with less room than this (px²) per node shown is crowded: no place there is clear of every node, so
 * a label may cross nodes (its halo keeps it legible), still never another label. Zooming in makes room.
 */
export const CROWDED_AREA = 80 * 80;
const GAP = 3;
/** Width (px) of the background-coloured stroke drawn under each label's letters. */
export const HALO = 3;

export interface ILabelBox {
  id: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

type Data = PartialButFor<
  NodeDisplayData,
  'x' | 'y' | 'size' | 'label' | 'color'
> & {
  key?: string;
};

export function shortLabel(text: string, max = MAX_CHARS): string {
  if (text.length <= max) {
    return text;
  }
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** A node as drawn in the view (canvas pixels): a label does not cover it. */
export interface INodeDisc {
  id: string;
  x: number;
  y: number;
  r: number;
}

/** Where a label of `width` may go inside the view: right of the node, then left of it. */
function labelBoxes(
  data: Data,
  width: number,
  height: number,
  viewWidth: number,
  viewHeight: number
): { left: number; top: number }[] {
  const top = data.y - height / 2;
  if (top < 0 || top + height > viewHeight) {
    return [];
  }
  const right = data.x + data.size + GAP;
  const left = data.x - data.size - GAP - width;
  return [right, left]
    .filter(x => x >= 2 && x + width <= viewWidth - 2)
    .map(x => ({ left: x, top }));
}

function coversNode(box: Omit<ILabelBox, 'id'>, d: INodeDisc): boolean {
  return !(
    d.x + d.r + 1 <= box.left ||
    box.left + box.width + 1 <= d.x - d.r ||
    d.y + d.r <= box.top ||
    box.top + box.height <= d.y - d.r
  );
}

function overlap(a: ILabelBox, b: Omit<ILabelBox, 'id'>): boolean {
  return !(
    a.left + a.width + 4 <= b.left ||
    b.left + b.width + 4 <= a.left ||
    a.top + a.height <= b.top ||
    b.top + b.height <= a.top
  );
}

/** The label budget of one view: reset before each frame, consulted by every label drawn. */
export class LabelBudget {
  /** Labels drawn in the last frame (for tests: none overlap, all inside the view). */
  drawn: ILabelBox[] = [];

  /** The nodes of this frame (read once per frame, on the first label). */
  private discs: INodeDisc[] | null = null;

  constructor(
    private readonly view: () => { width: number; height: number },
    /** The view's background colour: each label's halo. */
    readonly halo: () => string = () => '#ffffff',
    /** The nodes shown in the view: no label covers one of them. */
    private readonly nodes: () => INodeDisc[] = () => []
  ) {}

  reset(): void {
    this.drawn = [];
    this.discs = null;
  }

  /** The nodes the last frame's labels kept clear of (for tests). */
  nodesOfFrame(): INodeDisc[] {
    return (this.discs ?? []).map(d => ({ ...d }));
  }

  /** The first place for `data`'s label (whole, then shortened) covering no label and no other node. */
  private place(
    context: CanvasRenderingContext2D,
    data: Data,
    size: number
  ): { text: string; box: ILabelBox } | null {
    const label = data.label ?? '';
    const { width: vw, height: vh } = this.view();
    const discs = (this.discs ??= this.nodes());
    const shown = discs.filter(
      d => d.x >= 0 && d.y >= 0 && d.x <= vw && d.y <= vh
    );
    const crowded = (vw * vh) / Math.max(shown.length, 1) < CROWDED_AREA;
    const key = data.key ?? '';
    const texts = [shortLabel(label), shortLabel(label, SHORT_CHARS)];
    for (const clearOfNodes of crowded ? [true, false] : [true]) {
      for (const text of texts.filter((t, i) => texts.indexOf(t) === i)) {
        const width = context.measureText(text).width;
        for (const at of labelBoxes(data, width, size + 2, vw, vh)) {
          const box = { id: key, ...at, width, height: size + 2 };
          if (
            !this.drawn.some(other => overlap(other, box)) &&
            !(
              clearOfNodes &&
              shown.some(d => d.id !== key && coversNode(box, d))
            )
          ) {
            return { text, box };
          }
        }
      }
    }
    return null;
  }

  /** sigma's `defaultDrawNodeLabel`. */
  draw = (
    context: CanvasRenderingContext2D,
    data: Data,
    settings: Settings
  ): void => {
    if (!data.label) {
      return;
    }
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    const placed = this.place(context, data, size);
    if (!placed) {
      return;
    }
    const { text, box } = placed;
    this.drawn.push(box);
    // a halo of the background under the text: an edge or a node crossing the label does not cut its letters
    context.lineJoin = 'round';
    context.lineWidth = HALO;
    context.strokeStyle = this.halo();
    context.strokeText(text, box.left, data.y + size / 3);
    context.fillStyle = settings.labelColor.color ?? '#000';
    context.fillText(text, box.left, data.y + size / 3);
  };
}

/** The hovered or opened node: a ring and its label on a background, inside the view. */
export function drawHoverLabel(
  context: CanvasRenderingContext2D,
  data: Data,
  settings: Settings,
  colors: { ring: string; text: string; background: string },
  view: { width: number; height: number }
): void {
  context.beginPath();
  context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
  context.strokeStyle = colors.ring;
  context.lineWidth = 2;
  context.stroke();
  if (!data.label) {
    return;
  }
  const text = shortLabel(data.label, 80);
  const size = settings.labelSize;
  context.font = `600 ${size}px ${settings.labelFont}`;
  const width = context.measureText(text).width;
  const right = data.x + data.size + GAP + 3;
  const left =
    right + width + 4 <= view.width
      ? right
      : Math.max(2, data.x - data.size - GAP - 3 - width);
  const top = Math.min(
    Math.max(data.y - size / 2 - 3, 0),
    view.height - size - 6
  );
  context.fillStyle = colors.background;
  context.fillRect(left - 3, top, width + 6, size + 6);
  context.fillStyle = colors.text;
  context.fillText(text, left, top + size);
}

/**
 * A ring around each library paper (its mark under any colouring: a year or a status colour says nothing
 * about membership), drawn on the view's own canvas layer after sigma's frame.
 */
export function drawRings(
  renderer: Sigma,
  context: CanvasRenderingContext2D,
  ids: string[],
  color: string
): void {
  const { width, height } = renderer.getDimensions();
  context.clearRect(0, 0, width, height);
  context.strokeStyle = color;
  context.lineWidth = 1.5;
  for (const id of ids) {
    const data = renderer.getNodeDisplayData(id);
    if (!data || data.hidden) {
      continue;
    }
    const { x, y } = renderer.framedGraphToViewport(data);
    const radius = renderer.scaleSize(data.size) + 1.5;
    if (
      x < -radius ||
      y < -radius ||
      x > width + radius ||
      y > height + radius
    ) {
      continue;
    }
    context.beginPath();
    context.arc(x, y, radius, 0, Math.PI * 2);
    context.stroke();
  }
}

/** The nodes `renderer` shows, in view pixels (for the label budget). */
export function nodeDiscs(renderer: Sigma): INodeDisc[] {
  const discs: INodeDisc[] = [];
  renderer.getGraph().forEachNode(id => {
    const data = renderer.getNodeDisplayData(id);
    if (data && !data.hidden) {
      const { x, y } = renderer.framedGraphToViewport(data);
      discs.push({ id, x, y, r: renderer.scaleSize(data.size) });
    }
  });
  return discs;
}
