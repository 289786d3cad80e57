import {
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette, Notification } from '@jupyterlab/apputils';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { LabIcon } from '@jupyterlab/ui-components';

import { cellIndexOf, codeCell, insertCellBelow } from './common/notebook';
import { ReadingListModel } from './model';
import { ReadingListPanel } from './panel';
import {
  CommandIDs,
  InsertFormat,
  ISettings,
  PANEL_ID,
  PAPER_MIME,
  PLUGIN_ID
} from './tokens';
import { cardsBridgePlugin } from './widget/bridge';

const BOOK_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="16" viewBox="0 0 24 24">' +
  '<path class="jp-icon3" fill="#616161" d="M18 2H6c-1.1 0-2 .9-2 2v16c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2V4' +
  'c0-1.1-.9-2-2-2zM9 4h2v5l-1-.75L9 9V4zm9 16H6V4h1v9l3-2.25L13 13V4h5v16z"/></svg>';

export const bookIcon = new LabIcon({
  name: 'paperlab:book',
  svgstr: BOOK_SVG
});

const DEFAULT_SETTINGS: ISettings = {
  defaultList: 'default',
  insertFormat: 'markdown',
  pollInterval: 1000
};

export { codeCell };

const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description:
    'paperlab: reading lists in a side panel, synced with the kernels through the paperlab store.',
  autoStart: true,
  optional: [
    ICommandPalette,
    ILayoutRestorer,
    ISettingRegistry,
    INotebookTracker
  ],
  activate: async (
    app: JupyterFrontEnd,
    palette: ICommandPalette | null,
    restorer: ILayoutRestorer | null,
    settingRegistry: ISettingRegistry | null,
    notebooks: INotebookTracker | null
  ) => {
    const settings: ISettings = { ...DEFAULT_SETTINGS };
    if (settingRegistry) {
      try {
        const loaded = await settingRegistry.load(PLUGIN_ID);
        const read = () =>
          Object.assign(settings, loaded.composite as Partial<ISettings>);
        read();
        loaded.changed.connect(read);
      } catch (error) {
        console.warn('paperlab: could not load settings', error);
      }
    }

    const model = new ReadingListModel({
      defaultList: settings.defaultList,
      pollInterval: settings.pollInterval
    });
    const panel = new ReadingListPanel({ model, commands: app.commands });
    panel.id = PANEL_ID;
    panel.title.icon = bookIcon;
    panel.title.caption = 'Reading lists (paperlab)';
    app.shell.add(panel, 'left', { rank: 600 });
    if (restorer) {
      restorer.add(panel, PANEL_ID);
    }
    model.start();
    void model.refresh();

    const { commands } = app;
    commands.addCommand(CommandIDs.togglePanel, {
      label: 'Toggle Reading List Panel',
      caption: 'Show or hide the paperlab reading-list panel',
      execute: () => {
        if (panel.isVisible) {
          // JupyterLab's shell can collapse the sidebar; other shells just keep the panel
          (
            app.shell as unknown as { collapseLeft?: () => void }
          ).collapseLeft?.();
        } else {
          app.shell.activateById(PANEL_ID);
        }
      }
    });
    commands.addCommand(CommandIDs.refresh, {
      label: 'Refresh Reading List',
      execute: () => model.refresh()
    });
    commands.addCommand(CommandIDs.newList, {
      label: 'New Reading List…',
      execute: async () => {
        app.shell.activateById(PANEL_ID);
        await panel.newList();
      }
    });
    commands.addCommand(CommandIDs.addPaper, {
      label: 'Add Paper to Reading List…',
      execute: async args => {
        const ref = (args.ref as string | undefined)?.trim();
        if (ref) {
          await model.add({ ref });
        } else {
          app.shell.activateById(PANEL_ID);
          (
            panel.node.querySelector(
              '.paperlab-add-input'
            ) as HTMLInputElement | null
          )?.focus();
        }
      }
    });
    const exports: [string, 'bibtex' | 'csl' | 'markdown', string][] = [
      [CommandIDs.exportBibtex, 'bibtex', 'Export Reading List as BibTeX'],
      [CommandIDs.exportCsl, 'csl', 'Export Reading List as CSL-JSON'],
      [CommandIDs.exportMarkdown, 'markdown', 'Export Reading List as Markdown']
    ];
    for (const [id, format, label] of exports) {
      commands.addCommand(id, { label, execute: () => panel.download(format) });
    }
    /** Insert a paper below a cell of ``current`` (default: the active one), as a rendered markdown card or a code cell. */
    const insertInto = async (
      current: NotebookPanel,
      id: string,
      format: InsertFormat,
      index?: number
    ): Promise<void> => {
      const text = format === 'code' ? codeCell(id) : await model.markdown(id);
      insertCellBelow(current.content, text, format, index);
      app.shell.activateById(current.id);
    };

    // Drop a paper dragged from the panel onto a notebook: it is inserted below the cell it was dropped on.
    notebooks?.widgetAdded.connect((_, current) => {
      const node = current.content.node;
      const carriesPaper = (ev: DragEvent) =>
        !!ev.dataTransfer &&
        Array.from(ev.dataTransfer.types).includes(PAPER_MIME);
      node.addEventListener(
        'dragover',
        ev => {
          if (carriesPaper(ev)) {
            ev.preventDefault();
            ev.stopPropagation();
            ev.dataTransfer!.dropEffect = 'copy';
          }
        },
        true
      );
      node.addEventListener(
        'drop',
        ev => {
          if (!carriesPaper(ev)) {
            return;
          }
          ev.preventDefault();
          ev.stopPropagation();
          let paper: { id?: unknown };
          try {
            paper = JSON.parse(ev.dataTransfer!.getData(PAPER_MIME));
          } catch {
            return;
          }
          if (typeof paper.id !== 'string') {
            return;
          }
          const notebook = current.content;
          const index = cellIndexOf(notebook, ev.target as Node);
          void insertInto(
            current,
            paper.id,
            settings.insertFormat,
            index >= 0 ? index : notebook.widgets.length - 1
          );
        },
        true
      );
    });

    commands.addCommand(CommandIDs.insertPaper, {
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
        await insertInto(current, id, format);
      }
    });

    if (palette) {
      const category = 'paperlab';
      for (const command of [
        CommandIDs.togglePanel,
        CommandIDs.refresh,
        CommandIDs.newList,
        CommandIDs.addPaper,
        CommandIDs.exportBibtex,
        CommandIDs.exportCsl,
        CommandIDs.exportMarkdown
      ]) {
        palette.addItem({ command, category });
      }
    }
  }
};

// the cards widget's "Insert ↓" (see widget/bridge.ts)
export default [plugin, cardsBridgePlugin];
