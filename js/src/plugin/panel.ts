/** Creating the reading-list side panel and its model, and adding it to the left area. */

import { ILayoutRestorer, JupyterFrontEnd } from '@jupyterlab/application';
import { IStateDB } from '@jupyterlab/statedb';
import { LabIcon } from '@jupyterlab/ui-components';

import { ForYouSection } from '../foryou';
import { ReadingListModel } from '../model';
import { ReadingListPanel } from '../panel';
import { ISettings, PANEL_ID } from '../tokens';

const BOOK_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="16" viewBox="0 0 24 24">' +
  '<path class="jp-icon3" fill="#616161" d="M18 2H6c-1.1 0-2 .9-2 2v16c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2V4' +
  'c0-1.1-.9-2-2-2zM9 4h2v5l-1-.75L9 9V4zm9 16H6V4h1v9l3-2.25L13 13V4h5v16z"/></svg>';

export const bookIcon = new LabIcon({
  name: 'paperlab:book',
  svgstr: BOOK_SVG
});

/** The panel and the model it shows. */
export interface IPanelParts {
  model: ReadingListModel;
  panel: ReadingListPanel;
}

/** Where the panel remembers the list it showed (JupyterLab's state database). */
export const STATE_KEY = 'paperlab:panel';

/**
 * Build the model and panel, put the panel in the left area (restored with the layout), start syncing.
 * With a state database the panel reopens the list it showed last (when it still exists).
 */
export function createPanel(
  app: JupyterFrontEnd,
  restorer: ILayoutRestorer | null,
  settings: ISettings,
  state: IStateDB | null = null
): IPanelParts {
  const model = new ReadingListModel({
    defaultList: settings.defaultList,
    pollInterval: settings.pollInterval
  });
  const panel = new ReadingListPanel({ model, commands: app.commands });
  panel.id = PANEL_ID;
  panel.title.icon = bookIcon;
  panel.title.caption = 'Reading lists (paperlab)';
  panel.addSection(new ForYouSection(model).node); // "For you": today's feed with thumbs, "+" to the list
  app.shell.add(panel, 'left', { rank: 600 });
  if (restorer) {
    restorer.add(panel, PANEL_ID);
  }
  void rememberList(model, state).then(() => model.start());
  return { model, panel };
}

/** Open the list shown last (from `state`), then save every change of list. */
async function rememberList(
  model: ReadingListModel,
  state: IStateDB | null
): Promise<void> {
  if (state) {
    try {
      const saved = (await state.fetch(STATE_KEY)) as
        { list?: unknown } | undefined;
      if (saved && typeof saved.list === 'string' && saved.list) {
        await model.setList(saved.list);
      }
    } catch (error) {
      console.warn('paperlab: could not read the panel state', error);
    }
    model.listChanged.connect((_, list) => {
      void state.save(STATE_KEY, { list }).catch(error => {
        console.warn('paperlab: could not save the panel state', error);
      });
    });
  }
  await model.refresh();
}
