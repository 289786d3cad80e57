/** The side panel's commands and their command-palette entries. */

import { JupyterFrontEnd } from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';

import { CommandIDs, PANEL_ID } from '../tokens';
import { IPanelParts } from './panel';

/** Show the panel, or collapse the left area when the panel is showing. */
function togglePanel(app: JupyterFrontEnd, { panel }: IPanelParts): void {
  if (panel.isVisible) {
    // JupyterLab's shell can collapse the sidebar; other shells just keep the panel
    (app.shell as unknown as { collapseLeft?: () => void }).collapseLeft?.();
  } else {
    app.shell.activateById(PANEL_ID);
  }
}

/** Add `args.ref` to the default list; without one, focus the panel's add box. */
async function addPaper(
  app: JupyterFrontEnd,
  { model, panel }: IPanelParts,
  ref: string | undefined
): Promise<void> {
  if (ref) {
    await model.add({ ref });
    return;
  }
  app.shell.activateById(PANEL_ID);
  (
    panel.node.querySelector('.paperlab-add-input') as HTMLInputElement | null
  )?.focus();
}

const EXPORTS: [string, 'bibtex' | 'csl' | 'markdown', string][] = [
  [CommandIDs.exportBibtex, 'bibtex', 'Export Reading List as BibTeX'],
  [CommandIDs.exportCsl, 'csl', 'Export Reading List as CSL-JSON'],
  [CommandIDs.exportMarkdown, 'markdown', 'Export Reading List as Markdown']
];

/** Toggle, refresh, new list, add paper and the three exports. */
export function addPanelCommands(
  app: JupyterFrontEnd,
  parts: IPanelParts
): void {
  const { commands } = app;
  const { model, panel } = parts;
  commands.addCommand(CommandIDs.togglePanel, {
    label: 'Toggle Reading List Panel',
    caption: 'Show or hide the paperlab reading-list panel',
    execute: () => togglePanel(app, parts)
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
    execute: args =>
      addPaper(app, parts, (args.ref as string | undefined)?.trim())
  });
  for (const [id, format, label] of EXPORTS) {
    commands.addCommand(id, { label, execute: () => panel.download(format) });
  }
}

/** The panel's commands in the palette, under "paperlab" (inserting needs a paper id, so it is not there). */
export function addPaletteItems(palette: ICommandPalette): void {
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
