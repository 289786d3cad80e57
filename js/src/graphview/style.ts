/** Styles of the citation graph; colours come from JupyterLab's theme variables (light and dark). */

import { BAR, BUTTON, FRAME, POPUP } from '../common/style';

export const CSS = `
.plg-root {${FRAME}
  outline: none;
}
.plg-bar {${BAR}
}
.plg-empty {
  flex-basis: 100%; padding: 2px 6px; border-radius: 3px;
  color: var(--jp-ui-font-color1, #1f1f1f);
  background: var(--jp-layout-color2, #eee);
  border-left: 3px solid var(--jp-warn-color1, #ff9800);
}
.plg-hint { color: var(--jp-ui-font-color2, #555); font-size: var(--jp-ui-font-size0, 11px); }
.plg-bar button, .plg-bar select, .plg-card button {${BUTTON}
}
.plg-bar button:hover, .plg-card button:hover { background: var(--jp-layout-color3, #ddd); }
.plg-card button[disabled] { cursor: default; opacity: 0.7; }
.plg-stage { position: relative; overflow: hidden; }
.plg-sigma { position: absolute; inset: 0; }
.plg-tip, .plg-card {
  position: absolute; z-index: 2; max-width: 360px;${POPUP}
}
.plg-tip { pointer-events: none; }
.plg-card { left: 8px; top: 8px; }
.plg-title { font-weight: 600; color: var(--jp-ui-font-color0, #000); }
.plg-meta { color: var(--jp-ui-font-color1, #1f1f1f); margin-top: 2px; }
.plg-actions { display: flex; gap: 6px; margin-top: 6px; align-items: center; }
.plg-actions a { color: var(--jp-content-link-color, #1976d2); }
.plg-legend {
  display: flex; flex-wrap: wrap; gap: 4px 12px; padding: 5px 8px;
  border-top: 1px solid var(--jp-border-color2, #e0e0e0);
  color: var(--jp-ui-font-color1, #1f1f1f);
}
.plg-swatch {
  display: inline-block; width: 9px; height: 9px; border-radius: 50%;
  margin-right: 4px; vertical-align: baseline; background: var(--plg-color, #888);
}
.plg-ring { background: none; box-shadow: inset 0 0 0 1.5px var(--jp-ui-font-color1, #1f1f1f); }
.plg-faint { opacity: 0.55; }
`;
