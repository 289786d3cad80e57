/**
 * JupyterLab's own icons (the SVG files of @jupyterlab/ui-components, bundled as text) for the
 * cards' buttons and links. Their paths carry the `jp-icon3` class, so JupyterLab's theme colours
 * them in the light and dark themes. The thumbs are Font Awesome Free's (CC BY 4.0, the icon font
 * JupyterLab itself ships; their licence comment stays in the bundle): outlined when not pressed,
 * solid when pressed, painted in the button's text colour. The files are parsed with DOMParser as
 * SVG and cloned: no markup string is ever assigned to innerHTML.
 */

import thumbsDown from '@fortawesome/fontawesome-free/svgs/regular/thumbs-down.svg' with { type: 'text' };
import thumbsUp from '@fortawesome/fontawesome-free/svgs/regular/thumbs-up.svg' with { type: 'text' };
import thumbsDownSolid from '@fortawesome/fontawesome-free/svgs/solid/thumbs-down.svg' with { type: 'text' };
import thumbsUpSolid from '@fortawesome/fontawesome-free/svgs/solid/thumbs-up.svg' with { type: 'text' };
import caretDown from '@jupyterlab/ui-components/style/icons/arrow/caret-down.svg' with { type: 'text' };
import caretRight from '@jupyterlab/ui-components/style/icons/arrow/caret-right.svg' with { type: 'text' };
import home from '@jupyterlab/ui-components/style/icons/filetype/home.svg' with { type: 'text' };
import pdf from '@jupyterlab/ui-components/style/icons/filetype/pdf.svg' with { type: 'text' };
import add from '@jupyterlab/ui-components/style/icons/toolbar/add.svg' with { type: 'text' };
import addBelow from '@jupyterlab/ui-components/style/icons/toolbar/add-below.svg' with { type: 'text' };
import check from '@jupyterlab/ui-components/style/icons/toolbar/check.svg' with { type: 'text' };
import code from '@jupyterlab/ui-components/style/icons/toolbar/code.svg' with { type: 'text' };
import copy from '@jupyterlab/ui-components/style/icons/toolbar/copy.svg' with { type: 'text' };
import ellipses from '@jupyterlab/ui-components/style/icons/toolbar/ellipses.svg' with { type: 'text' };
import launch from '@jupyterlab/ui-components/style/icons/toolbar/launch.svg' with { type: 'text' };

const SOURCES = {
  add,
  addBelow,
  caretDown,
  caretRight,
  check,
  code,
  copy,
  ellipses,
  home,
  launch,
  pdf,
  thumbsDown,
  thumbsDownSolid,
  thumbsUp,
  thumbsUpSolid
};

export type IconName = keyof typeof SOURCES;

const parsed = new Map<IconName, Element>();

/** A fresh `<svg class="plc-icon">` of a JupyterLab icon, hidden from assistive technology. */
export function icon(name: IconName): SVGSVGElement {
  let root = parsed.get(name);
  if (!root) {
    root = new DOMParser().parseFromString(
      SOURCES[name],
      'image/svg+xml'
    ).documentElement;
    parsed.set(name, root);
  }
  const svg = document.importNode(root, true) as unknown as SVGSVGElement;
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.classList.add('plc-icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  return svg;
}
