/** Inserting a paper of the panel into a notebook: the insert command, and dropping a dragged paper. */

import { JupyterFrontEnd } from '@jupyterlab/application';
import { Notification } from '@jupyterlab/apputils';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';

import { cellIndexOf, insertCellBelow } from '../common/notebook';
import { ReadingListModel } from '../model';
import { CommandIDs, InsertFormat, ISettings, PAPER_MIME } from '../tokens';

/** Insert paper `id` below a cell of a notebook (default: the active one). */
export type Inserter = (
  current: NotebookPanel,
  id: string,
  format: InsertFormat,
  index?: number
) => Promise<void>;

/** Insert as a rendered markdown card or a code cell (both from the server), then focus the notebook. */
export function makeInserter(
  app: JupyterFrontEnd,
  model: ReadingListModel
): Inserter {
  return async (current, id, format, index) => {
    const text =
      format === 'code' ? await model.code(id) : await model.markdown(id);
    insertCellBelow(current.content, text, format, index);
    app.shell.activateById(current.id);
  };
}

/** `paperlab:insert-paper` with `{id, format?}`: into the current notebook, in the setting's format by default. */
export function addInsertCommand(
  app: JupyterFrontEnd,
  notebooks: INotebookTracker | null,
  settings: ISettings,
  insert: Inserter
): void {
  app.commands.addCommand(CommandIDs.insertPaper, {
    label: args =>
      args.format === 'code'
        ? 'Insert Paper as Code Cell'
        : 'Insert Paper as Markdown Card',
    isEnabled: () => !!notebooks?.currentWidget,
    execute: async args => {
      const id = args.id as string | undefined;
      const format =
        (args.format as InsertFormat | undefined) ?? settings.insertFormat;
      const current = notebooks?.currentWidget;
      if (!id) {
        return;
      }
      if (!current) {
        Notification.warning(
          'paperlab: open a notebook first to insert a paper.',
          { autoClose: 4000 }
        );
        return;
      }
      await insert(current, id, format);
    }
  });
}

function carriesPaper(ev: DragEvent): boolean {
  return (
    !!ev.dataTransfer && Array.from(ev.dataTransfer.types).includes(PAPER_MIME)
  );
}

/** The id of the paper a drop carries, or null when its data is not a paper. */
function droppedPaperId(ev: DragEvent): string | null {
  let paper: { id?: unknown };
  try {
    paper = JSON.parse(ev.dataTransfer!.getData(PAPER_MIME));
  } catch {
    return null;
  }
  return typeof paper?.id === 'string' ? paper.id : null;
}

/** Accept papers dragged from the panel on one notebook: each is inserted below the cell it was dropped on. */
function acceptDrops(
  current: NotebookPanel,
  settings: ISettings,
  insert: Inserter
): void {
  const node = current.content.node;
  const onDragOver = (ev: DragEvent) => {
    if (carriesPaper(ev)) {
      ev.preventDefault();
      ev.stopPropagation();
      ev.dataTransfer!.dropEffect = 'copy';
    }
  };
  const onDrop = (ev: DragEvent) => {
    if (!carriesPaper(ev)) {
      return;
    }
    ev.preventDefault();
    ev.stopPropagation();
    const id = droppedPaperId(ev);
    if (id === null) {
      return;
    }
    const notebook = current.content;
    const index = cellIndexOf(notebook, ev.target as Node);
    const below = index >= 0 ? index : notebook.widgets.length - 1;
    void insert(current, id, settings.insertFormat, below);
  };
  node.addEventListener('dragover', onDragOver, true);
  node.addEventListener('drop', onDrop, true);
}

/** Drop a paper dragged from the panel onto any notebook opened from now on. */
export function enableNotebookDrop(
  notebooks: INotebookTracker | null,
  settings: ISettings,
  insert: Inserter
): void {
  notebooks?.widgetAdded.connect((_, current) =>
    acceptDrops(current, settings, insert)
  );
}
