/**
 * Styles of the cards widget. Colours and fonts come from JupyterLab's theme variables
 * (`--jp-*`), so the light and dark themes both look right; fallbacks serve other hosts.
 */

/** Height of a collapsed card, gap included (px). The virtual list relies on it. */
export const CARD_HEIGHT = 158;
export const CARD_GAP = 8;

export const CSS = `
.plc-root {
  font-family: var(--jp-ui-font-family, system-ui, sans-serif);
  font-size: var(--jp-ui-font-size1, 13px);
  color: var(--jp-ui-font-color1, #1f1f1f);
  background: var(--jp-layout-color1, #fff);
  border: 1px solid var(--jp-border-color2, #e0e0e0);
  border-radius: 4px;
  display: flex;
  flex-direction: column;
  min-width: 0;
}
.plc-root button, .plc-root select, .plc-root input {
  font: inherit;
  color: var(--jp-ui-font-color1, #1f1f1f);
  background: var(--jp-layout-color2, #eee);
  border: 1px solid var(--jp-border-color1, #bdbdbd);
  border-radius: 3px;
}
.plc-root button { cursor: pointer; padding: 1px 7px; }
.plc-root button:hover { background: var(--jp-layout-color3, #ddd); }
.plc-root :focus-visible { outline: 2px solid var(--jp-brand-color1, #1976d2); outline-offset: 1px; }
.plc-toolbar {
  display: flex; flex-wrap: wrap; gap: 6px; align-items: center;
  padding: 6px 8px; border-bottom: 1px solid var(--jp-border-color2, #e0e0e0);
}
.plc-toolbar input[type=search] {
  flex: 1 1 260px; min-width: 160px; padding: 3px 6px;
  background: var(--jp-input-background, var(--jp-layout-color1, #fff));
}
.plc-right { margin-left: auto; display: inline-flex; gap: 4px; }
.plc-count { color: var(--jp-ui-font-color2, #616161); white-space: nowrap; }
.plc-selection { color: var(--jp-ui-font-color2, #616161); white-space: nowrap; }
.plc-ranked {
  display: inline-flex; gap: 4px; align-items: center; padding: 0 6px; border-radius: 10px;
  background: var(--jp-brand-color3, #bbdefb); color: var(--jp-ui-font-color1, #1f1f1f);
}
.plc-ranked[hidden] { display: none; }
.plc-facets {
  display: flex; flex-wrap: wrap; gap: 4px 12px; padding: 4px 8px;
  border-bottom: 1px solid var(--jp-border-color2, #e0e0e0); max-height: 84px; overflow-y: auto;
}
.plc-facet-group { display: inline-flex; flex-wrap: wrap; gap: 3px; align-items: center; }
.plc-facet-label { color: var(--jp-ui-font-color2, #616161); font-size: var(--jp-ui-font-size0, 11px); }
.plc-root button.plc-chip {
  border-radius: 10px; padding: 0 7px; font-size: var(--jp-ui-font-size0, 11px);
  background: var(--jp-layout-color1, #fff);
}
.plc-root button.plc-chip[aria-pressed=true] {
  background: var(--jp-brand-color1, #1976d2); color: var(--jp-ui-inverse-font-color1, #fff);
  border-color: var(--jp-brand-color1, #1976d2);
}
.plc-viewport { position: relative; overflow-y: auto; overflow-x: hidden; contain: strict; }
.plc-spacer { position: relative; width: 100%; }
.plc-card {
  position: absolute; left: 6px; right: 6px; top: 0;
  height: ${CARD_HEIGHT - CARD_GAP}px; overflow: hidden; box-sizing: border-box;
  padding: 6px 10px; border: 1px solid var(--jp-border-color2, #e0e0e0); border-radius: 4px;
  background: var(--jp-layout-color1, #fff);
  display: flex; flex-direction: column; gap: 3px;
  /* each card lays out and paints on its own: adding or moving one does not touch the others */
  contain: layout paint style;
}
.plc-card.plc-expanded { height: auto; }
.plc-card.plc-selected { border-color: var(--jp-brand-color1, #1976d2); box-shadow: inset 3px 0 0 var(--jp-brand-color1, #1976d2); }
.plc-card:focus { outline: 2px solid var(--jp-brand-color1, #1976d2); outline-offset: -2px; }
.plc-head { display: flex; gap: 6px; align-items: flex-start; }
.plc-title {
  flex: 1; font-weight: 600; font-size: var(--jp-content-font-size1, 14px); line-height: 1.3;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden;
  overflow-wrap: anywhere;
}
.plc-expanded .plc-title { -webkit-line-clamp: unset; display: block; }
.plc-title a { color: var(--jp-content-link-color, #1976d2); text-decoration: none; }
.plc-title a:hover { text-decoration: underline; }
.plc-score {
  font-size: var(--jp-ui-font-size0, 11px); padding: 0 6px; border-radius: 10px; white-space: nowrap;
  background: var(--jp-brand-color3, #bbdefb); color: var(--jp-ui-font-color1, #1f1f1f);
}
.plc-meta, .plc-line {
  color: var(--jp-ui-font-color2, #616161); white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.plc-line { display: flex; gap: 6px; align-items: center; }
.plc-line a { color: var(--jp-content-link-color, #1976d2); }
.plc-badge {
  font-size: var(--jp-ui-font-size0, 11px); padding: 0 5px; border-radius: 3px;
  background: var(--jp-layout-color3, #e0e0e0); color: var(--jp-ui-font-color1, #1f1f1f);
}
.plc-tag {
  font-size: var(--jp-ui-font-size0, 11px); padding: 0 5px; border-radius: 8px;
  border: 1px solid var(--jp-border-color2, #e0e0e0); color: var(--jp-ui-font-color2, #616161);
}
.plc-actions { display: flex; gap: 4px; flex-wrap: nowrap; align-items: center; margin-top: auto; }
.plc-actions label { display: inline-flex; gap: 3px; align-items: center; color: var(--jp-ui-font-color2, #616161); }
.plc-root button.plc-listed { background: var(--jp-success-color3, #c8e6c9); }
.plc-abstract {
  white-space: pre-wrap; line-height: 1.4; color: var(--jp-content-font-color1, #1f1f1f);
  border-top: 1px solid var(--jp-border-color3, #eee); padding-top: 4px; overflow-wrap: anywhere;
}
.plc-snippet {
  color: var(--jp-ui-font-color2, #616161); line-height: 1.35; overflow: hidden;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; order: 5;
  flex-shrink: 1; min-height: 0;
}
.plc-card > * { flex-shrink: 0; }
.plc-card > .plc-snippet { flex-shrink: 1; }
.plc-actions { order: 10; }
.plc-abstract { order: 20; }
.plc-status {
  min-height: 1.4em; padding: 2px 8px; color: var(--jp-ui-font-color2, #616161);
  border-top: 1px solid var(--jp-border-color2, #e0e0e0); white-space: pre-wrap;
}
.plc-status.plc-error { color: var(--jp-error-color1, #d32f2f); }
.plc-empty { padding: 16px; color: var(--jp-ui-font-color2, #616161); }
`;
