/**
 * Node labels of the citation graph drawn on sigma's label canvas with a budget: sigma's label grid picks
 * the candidates (largest node per cell), and a label is drawn only where it overlaps no label drawn earlier
 * in the same frame and fits inside the view (flipped to the node's left when it would run off the right
 * edge, cut with "…" past `MAX_CHARS`). The hovered node and the opened one are drawn on the hover layer,
 * always, with a background (`drawHoverLabel`). Every label has a halo of the view's background colour, so it
 * reads over the edges and nodes under it in either theme.
 */

import Sigma from 'sigma';
import { NodeDisplayData, PartialButFor } from 'sigma/types';
import { Settings } from 'sigma/settings';

export const MAX_CHARS = 48;
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

/** Where a label of `width` goes: right of the node, else left of it, else null (no room). */
function labelBox(
  data: Data,
  width: number,
  height: number,
  viewWidth: number,
  viewHeight: number
): { left: number; top: number } | null {
  const top = data.y - height / 2;
  if (top < 0 || top + height > viewHeight) {
    return null;
  }
  const right = data.x + data.size + GAP;
  if (right + width <= viewWidth - 2) {
    return { left: right, top };
  }
  const left = data.x - data.size - GAP - width;
  return left >= 2 ? { left, top } : null;
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

  constructor(
    private readonly view: () => { width: number; height: number },
    /** The view's background colour: each label's halo. */
    readonly halo: () => string = () => '#ffffff'
  ) {}

  reset(): void {
    this.drawn = [];
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
    const text = shortLabel(data.label);
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    const width = context.measureText(text).width;
    const { width: vw, height: vh } = this.view();
    const at = labelBox(data, width, size + 2, vw, vh);
    if (!at) {
      return;
    }
    const box = { id: data.key ?? '', ...at, width, height: size + 2 };
    if (this.drawn.some(other => overlap(other, box))) {
      return;
    }
    this.drawn.push(box);
    // a halo of the background under the text: an edge or a node crossing the label does not cut its letters
    context.lineJoin = 'round';
    context.lineWidth = HALO;
    context.strokeStyle = this.halo();
    context.strokeText(text, at.left, data.y + size / 3);
    context.fillStyle = settings.labelColor.color ?? '#000';
    context.fillText(text, at.left, data.y + size / 3);
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
