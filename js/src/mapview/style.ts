/** Styles of the topic map; colours come from JupyterLab's theme variables (light and dark). */

import { BAR, BUTTON, FRAME, POPUP } from '../common/style';

export const CSS = `
.plm-root {${FRAME}
  outline: none;
}
.plm-root:focus-visible { box-shadow: 0 0 0 2px var(--jp-brand-color1, #1976d2); }
.plm-bar {${BAR}
}
.plm-count { color: var(--jp-ui-font-color1, #1f1f1f); }
.plm-hint { color: var(--jp-ui-font-color2, #555); font-size: var(--jp-ui-font-size0, 11px); }
.plm-bar button {${BUTTON}
}
.plm-bar button:hover { background: var(--jp-layout-color3, #ddd); }
.plm-bar button[disabled] { cursor: default; opacity: 0.6; }
.plm-stage { position: relative; overflow: hidden; cursor: crosshair; }
.plm-stage canvas { display: block; }
.plm-label {
  position: absolute; white-space: nowrap; pointer-events: none;
  padding: 0 4px; border-radius: 3px;
  font-size: var(--jp-ui-font-size0, 11px); font-weight: 600;
  color: var(--jp-ui-font-color0, #000);
  background: color-mix(in srgb, var(--jp-layout-color1, #fff) 82%, transparent);
  border-left: 4px solid var(--plm-topic, #888);
  box-shadow: 0 0 0 1px var(--jp-border-color2, #e0e0e0);
}
.plm-tip, .plm-card {
  position: absolute; z-index: 2; pointer-events: none; max-width: 360px;${POPUP}
}
.plm-card { pointer-events: auto; z-index: 3; cursor: auto; }
.plm-tip-title, .plm-title { font-weight: 600; color: var(--jp-ui-font-color0, #000); }
.plm-meta { color: var(--jp-ui-font-color1, #1f1f1f); margin-top: 2px; }
.plm-actions { display: flex; gap: 6px; margin-top: 6px; align-items: center; }
.plm-actions a { color: var(--jp-content-link-color, #1976d2); }
.plm-card button {${BUTTON}
}
.plm-card button:hover { background: var(--jp-layout-color3, #ddd); }
.plm-card button[disabled] { cursor: default; opacity: 0.7; }
.plm-tip-meta, .plm-tip-snippet { color: var(--jp-ui-font-color1, #1f1f1f); margin-top: 2px; }
.plm-tip-topic { margin-top: 3px; color: var(--jp-ui-font-color1, #1f1f1f); }
.plm-swatch {
  display: inline-block; width: 9px; height: 9px; border-radius: 50%;
  margin-right: 4px; vertical-align: baseline; background: var(--plm-topic, #888);
}
.plm-legend {
  display: flex; flex-wrap: wrap; gap: 4px 10px; padding: 5px 8px;
  border-top: 1px solid var(--jp-border-color2, #e0e0e0);
}
.plm-legend button {
  font: inherit; cursor: pointer; border: none; background: none; padding: 0 2px;
  color: var(--jp-ui-font-color1, #1f1f1f);
}
.plm-legend button:hover { text-decoration: underline; }
.plm-legend button.plm-unplaced { font-style: italic; }
.plm-legend button.plm-unplaced::after { content: ' · not on the map'; color: var(--jp-ui-font-color2, #555); }
`;
