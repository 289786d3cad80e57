/**
 * CSS declarations the widgets share (the cards, the citation graph, the topic map), so the three look like one
 * product. Colours come from JupyterLab's theme variables (light and dark); the fallbacks serve other hosts.
 */

/** A widget's outer frame: the UI font, the layout colours and a thin rounded border, its parts in a column. */
export const FRAME = `
  font-family: var(--jp-ui-font-family, system-ui, sans-serif);
  font-size: var(--jp-ui-font-size1, 13px);
  color: var(--jp-ui-font-color1, #1f1f1f);
  background: var(--jp-layout-color1, #fff);
  border: 1px solid var(--jp-border-color2, #e0e0e0);
  border-radius: 4px;
  display: flex;
  flex-direction: column;`;

/** The bar of controls along the top of the graph and the map. */
export const BAR = `
  display: flex; flex-wrap: wrap; gap: 6px; align-items: center;
  padding: 5px 8px; border-bottom: 1px solid var(--jp-border-color2, #e0e0e0);`;

/** A small button of the graph and the map (their bars and their paper popover). */
export const BUTTON = `
  font: inherit; cursor: pointer; padding: 1px 8px;
  color: var(--jp-ui-font-color1, #1f1f1f);
  background: var(--jp-layout-color2, #eee);
  border: 1px solid var(--jp-border-color1, #bdbdbd); border-radius: 3px;`;

/** The box of a hover tip or the paper popover over the graph or the map. */
export const POPUP = `
  padding: 6px 8px; border-radius: 4px;
  color: var(--jp-ui-font-color1, #1f1f1f);
  background: var(--jp-layout-color1, #fff);
  border: 1px solid var(--jp-border-color1, #bdbdbd);
  box-shadow: var(--jp-elevation-z4, 0 2px 6px rgba(0,0,0,.25));`;
