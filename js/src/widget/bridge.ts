/**
 * Lab-extension side of the cards widget's "Insert ↓" button.
 *
 * The widget (an anywidget ES module) cannot reach JupyterLab's notebook API, so it dispatches a
 * bubbling, cancelable `paperlab:insert-cell` DOM event carrying a markdown card. This plugin
 * listens for it, inserts a markdown cell below the cell whose output holds the widget, renders
 * it, and calls `preventDefault()` so the widget knows it was handled (otherwise it copies the
 * card to the clipboard instead).
 *
 * Register it from the lab extension's entry point: `export default [plugin, cardsBridgePlugin]`.
 */

import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { INotebookTracker } from '@jupyterlab/notebook';

import { cellIndexOf, insertCellBelow } from '../common/notebook';
import { IInsertCellDetail, INSERT_CELL_EVENT } from './types';

export { IInsertCellDetail, INSERT_CELL_EVENT };

/** Insert `markdown` as a rendered markdown cell below the cell containing `target`; false if none does. */
export function insertMarkdownBelow(
  tracker: INotebookTracker,
  target: Node,
  markdown: string
): boolean {
  const panel = tracker.find(p => p.node.contains(target));
  if (!panel) {
    return false;
  }
  const index = cellIndexOf(panel.content, target);
  return (
    index >= 0 && insertCellBelow(panel.content, markdown, 'markdown', index)
  );
}

export const cardsBridgePlugin: JupyterFrontEndPlugin<void> = {
  id: 'paperlab:cards-bridge',
  description:
    'Lets the paper cards widget insert markdown cards as notebook cells.',
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
      if (insertMarkdownBelow(tracker, event.target, detail.markdown)) {
        event.preventDefault();
      }
    });
  }
};

export default cardsBridgePlugin;
