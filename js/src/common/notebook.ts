/**
 * Inserting a paper into a notebook, written once for the side panel (commands, drag and drop)
 * and for the cards widget's "Insert ↓" (widget/bridge.ts). Lab extension only: the cards
 * bundle must not import this file.
 */

import { Notebook } from '@jupyterlab/notebook';

export type CellKind = 'markdown' | 'code';

/** Index of the cell of `notebook` containing `target`, or -1. */
export function cellIndexOf(notebook: Notebook, target: Node): number {
  return notebook.widgets.findIndex(cell => cell.node.contains(target));
}

/**
 * Insert a cell holding `source` below the cell at `index` (default: the active cell), make it
 * the active (selected) cell and scroll it into view; a markdown cell is shown rendered. Returns
 * false when nothing was inserted.
 *
 * The cell is created in the notebook's shared model with its kind and source at once: inserting a
 * code cell and then converting it replaced the new cell while JupyterLab's language-server adapter
 * still looked for it ("Widget for added cell with ID: undefined not found!").
 */
export function insertCellBelow(
  notebook: Notebook,
  source: string,
  kind: CellKind,
  index?: number
): boolean {
  const model = notebook.model;
  if (!model) {
    return false;
  }
  const below =
    index !== undefined && index >= 0 && index < notebook.widgets.length
      ? index
      : notebook.activeCellIndex;
  const at = Math.min(Math.max(below + 1, 0), model.sharedModel.cells.length);
  model.sharedModel.insertCell(at, { cell_type: kind, source });
  notebook.activeCellIndex = at;
  notebook.deselectAll();
  const cell = notebook.activeCell;
  if (!cell) {
    return false;
  }
  // a MarkdownCell (duck-typed: @jupyterlab/cells is not a direct dependency)
  if (kind === 'markdown' && 'rendered' in cell) {
    (cell as unknown as { rendered: boolean }).rendered = true;
  }
  // the new cell may be below the visible part of the notebook: bring it into view
  void notebook.scrollToCell(cell, 'smart');
  return true;
}
