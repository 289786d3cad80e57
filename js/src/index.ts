import {
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { INotebookTracker } from '@jupyterlab/notebook';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { IStateDB } from '@jupyterlab/statedb';

import { addBibliography } from './bibliography';
import { addPaletteItems, addPanelCommands } from './plugin/commands';
import {
  addInsertCommand,
  enableNotebookDrop,
  makeInserter
} from './plugin/insert';
import { createPanel } from './plugin/panel';
import { loadSettings } from './plugin/settings';
import { PLUGIN_ID } from './tokens';
import { cardsBridgePlugin } from './widget/bridge';

export { bookIcon } from './plugin/panel';

/** Settings, the panel, its commands, inserting papers into notebooks (command and drag and drop), the palette. */
async function activate(
  app: JupyterFrontEnd,
  palette: ICommandPalette | null,
  restorer: ILayoutRestorer | null,
  settingRegistry: ISettingRegistry | null,
  notebooks: INotebookTracker | null,
  state: IStateDB | null
): Promise<void> {
  const settings = await loadSettings(settingRegistry);
  const parts = createPanel(app, restorer, settings, state);
  addPanelCommands(app, parts);
  const insert = makeInserter(app, parts.model);
  enableNotebookDrop(notebooks, settings, insert);
  addInsertCommand(app, notebooks, settings, insert);
  addBibliography(
    app,
    node => parts.panel.addSection(node),
    notebooks,
    palette
  );
  if (palette) {
    addPaletteItems(palette);
  }
}

const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description:
    'paperlab: reading lists in a side panel, synced with the kernels through the paperlab store.',
  autoStart: true,
  optional: [
    ICommandPalette,
    ILayoutRestorer,
    ISettingRegistry,
    INotebookTracker,
    IStateDB
  ],
  activate
};

// the cards widget's "Insert ↓" (see widget/bridge.ts)
export default [plugin, cardsBridgePlugin];
