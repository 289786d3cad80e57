/**
 * Lab-extension side of the cards widget's "Insert ↓" button and "Insert as a code cell" menu item.
 *
 * The widget (an anywidget ES module) cannot reach JupyterLab's notebook API, so it dispatches a
 * bubbling, cancelable `paperlab:insert-cell` DOM event carrying a markdown card (or the code that
 * loads the paper). This plugin listens for it, inserts the cell below the cell whose output holds
 * the widget (a markdown cell rendered), and calls `preventDefault()` so the widget knows it was
 * handled (otherwise it copies the text to the clipboard instead).
 *
 * Register it from the lab extension's entry point: `export default [plugin, cardsBridgePlugin]`.
 */

import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { INotebookTracker } from '@jupyterlab/notebook';

import { cellIndexOf, insertCellBelow } from '../common/notebook';
import { IInsertCellDetail, INSERT_CELL_EVENT, InsertKind } from './types';

export { IInsertCellDetail, INSERT_CELL_EVENT };

/** Insert `source` as a cell (markdown: rendered) below the cell containing `target`; false if none does. */
export function insertSourceBelow(
  tracker: INotebookTracker,
  target: Node,
  source: string,
  kind: InsertKind = 'markdown'
): boolean {
  const panel = tracker.find(p => p.node.contains(target));
  if (!panel) {
    return false;
  }
  const index = cellIndexOf(panel.content, target);
  return index >= 0 && insertCellBelow(panel.content, source, kind, index);
}

export const cardsBridgePlugin: JupyterFrontEndPlugin<void> = {
  id: 'paperlab:cards-bridge',
  description:
    'Lets the paper cards widget insert markdown cards and code cells into notebooks.',
  autoStart: true,
  requires: [INotebookTracker],
  activate: (app: JupyterFrontEnd, tracker: INotebookTracker) => {
    document.addEventListener(INSERT_CELL_EVENT, (event: Event) => {
      const detail = (event as CustomEvent<IInsertCellDetail>).detail;
      if (
        !detail ||
        typeof detail.markdown !== 'string' ||
        !(event.target instanceof Node)
      ) {
        return;
      }
      const kind = detail.kind === 'code' ? 'code' : 'markdown';
      if (insertSourceBelow(tracker, event.target, detail.markdown, kind)) {
        event.preventDefault();
      }
    });
  }
};

export default cardsBridgePlugin;
