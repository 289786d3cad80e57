/**
 * The panel's "Bibliography of this notebook" section and its command: every paper the current notebook cites
 * through paperlab cards (markdown cells) or `paperlab.paper("…")` calls (code cells), with its reading status,
 * exported as BibTeX or CSL-JSON (download or copy).
 *
 * The section follows the active notebook (the tracker's current widget, also when it only arrives after the
 * panel was built, as after a page reload) and lists it again, debounced, when its cells change (an inserted card,
 * an edit) or it is saved.
 *
 * The cells are read from the notebook's model, so unsaved edits count; the server
 * (`POST /paperlab/api/bibliography`, paperlab/server/bibliography.py) finds the citations with the same code as
 * `%bibliography` and looks the papers up in the store. Paper text goes into the page through textContent (`h`)
 * only; links only for http(s) URLs (`link`).
 */

import { JupyterFrontEnd } from '@jupyterlab/application';
import { ICommandPalette, ToolbarButton } from '@jupyterlab/apputils';
import { PathExt } from '@jupyterlab/coreutils';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';

import { button, copyText, h, link } from './common/dom';
import { absUrl } from './common/paper';
import { IPaper } from './common/wire';
import { bookIcon } from './plugin/panel';
import { requestAPI } from './request';
import { PANEL_ID } from './tokens';

/** Command id of "Bibliography of This Notebook". */
export const BIBLIOGRAPHY_COMMAND = 'paperlab:notebook-bibliography';

/** Quiet time (ms) after a change of the followed notebook before it is listed again. */
const REFRESH_DELAY = 600;

/** One cited work (the `Bibliography` schema's `works`). */
export interface ICitedWork {
  id: string;
  title: string;
  /** Reading status as the server words it ("Reading in list “name”"), or null when the paper is on no list. */
  status: string | null;
  /** 1-based numbers of the cells citing it. */
  cells: number[];
  /** The stored paper; null when the store does not know the reference. */
  paper: IPaper | null;
}

/** The server's answer (`POST /paperlab/api/bibliography`). */
export interface IBibliography {
  notebook: string;
  works: ICitedWork[];
  missing: string[];
  bibtex: string;
  csl: unknown[];
}

/** The cells of a notebook as the editor holds them (type and source). */
export function notebookCells(
  panel: NotebookPanel
): { cell_type: string; source: string }[] {
  const cells = panel.content.model?.cells;
  const found: { cell_type: string; source: string }[] = [];
  if (!cells) {
    return found;
  }
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.get(i);
    found.push({ cell_type: cell.type, source: cell.sharedModel.getSource() });
  }
  return found;
}

/** Save `text` as a file named `name` (a download in the browser). */
function saveAs(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** The collapsible section; it lists the current notebook's citations when opened or asked to. */
export class BibliographySection {
  constructor(private readonly _notebooks: INotebookTracker | null) {
    this.node = h('details', 'paperlab-bib');
    const summary = h(
      'summary',
      'paperlab-bib-title',
      'Bibliography of this notebook'
    );
    this._status = h('div', 'paperlab-bib-status');
    this._status.setAttribute('role', 'status');
    this._list = h('ol', 'paperlab-bib-list');
    this._missing = h('div', 'paperlab-bib-missing');
    // one labelled group, so that its BibTeX / CSL-JSON buttons are not taken for the list's Export below
    const actions = h('div', 'paperlab-bib-actions');
    actions.setAttribute('role', 'group');
    actions.setAttribute('aria-label', 'This notebook’s bibliography');
    const b = (cls: string, text: string, title: string, fn: () => void) =>
      button(text, title, fn, { className: `paperlab-bib-button ${cls}` });
    actions.append(
      h('span', 'paperlab-bib-actions-label', 'This notebook’s citations:'),
      b('paperlab-bib-copy', 'Copy BibTeX', 'Copy the BibTeX', () => {
        void this._copy();
      }),
      b(
        'paperlab-bib-bibtex',
        'Download .bib',
        'Download the BibTeX of the works this notebook cites',
        () => this._download('bibtex')
      ),
      b(
        'paperlab-bib-csl',
        'Download CSL-JSON',
        'Download the CSL-JSON of the works this notebook cites',
        () => this._download('csl')
      ),
      b('paperlab-bib-refresh', 'Refresh', 'List the citations again', () => {
        void this.load();
      })
    );
    this.node.append(summary, this._status, this._list, this._missing, actions);
    this.node.addEventListener('toggle', () => {
      if ((this.node as HTMLDetailsElement).open && !this._loading) {
        void this.load();
      }
    });
    this._notebooks?.currentChanged.connect((_, panel) => this.follow(panel));
    this.follow(this._notebooks?.currentWidget ?? null);
  }

  /** The notebook the section lists (the active one), or null. */
  get followed(): NotebookPanel | null {
    return this._followed;
  }

  /**
   * Follow `panel`: list it now when the section is open, and again (debounced) when its cells change or it is
   * saved. `load` false: the caller lists it itself.
   */
  follow(panel: NotebookPanel | null, load = true): void {
    if (panel === this._followed) {
      return;
    }
    const old = this._followed;
    if (old) {
      old.context.model.contentChanged.disconnect(this._changed, this);
      old.context.saveState.disconnect(this._saved, this);
      old.disposed.disconnect(this._closed, this);
    }
    this._followed = panel;
    if (panel) {
      panel.context.model.contentChanged.connect(this._changed, this);
      panel.context.saveState.connect(this._saved, this);
      panel.disposed.connect(this._closed, this);
    }
    window.clearTimeout(this._timer);
    if (load && (this.node as HTMLDetailsElement).open) {
      void this.load();
    }
  }

  private _changed(): void {
    window.clearTimeout(this._timer);
    this._timer = window.setTimeout(() => {
      if ((this.node as HTMLDetailsElement).open) {
        void this.load();
      }
    }, REFRESH_DELAY);
  }

  private _saved(_: unknown, state: string): void {
    if (state === 'completed') {
      this._changed();
    }
  }

  private _closed(): void {
    this.follow(this._notebooks?.currentWidget ?? null);
  }

  readonly node: HTMLElement;

  /** The bibliography shown last (null before the first answer). */
  get current(): IBibliography | null {
    return this._current;
  }

  /** Open the section and list the citations of `notebook` (default: the current notebook). */
  async show(notebook?: NotebookPanel): Promise<void> {
    this._loading = true; // the 'toggle' event below must not load a second time
    if (notebook) {
      this.follow(notebook, false);
    }
    (this.node as HTMLDetailsElement).open = true;
    await this.load(notebook);
  }

  /** Ask the server for the bibliography of the notebook's cells (default: the current one) and show it. */
  async load(notebook?: NotebookPanel): Promise<void> {
    const panel =
      notebook ?? this._followed ?? this._notebooks?.currentWidget ?? null;
    const asked = ++this._asked; // only the newest answer is drawn
    if (!panel) {
      this._loading = false;
      this._current = null;
      this._list.replaceChildren();
      this._missing.textContent = '';
      this._status.textContent =
        'Open a notebook: its paperlab cards and paperlab.paper(…) calls are listed here.';
      return;
    }
    const name = PathExt.basename(panel.context.path);
    this._loading = true;
    this._status.textContent = `Reading ${name}…`;
    try {
      const body = JSON.stringify({ name, cells: notebookCells(panel) });
      const bib = await requestAPI<IBibliography>('bibliography', {
        method: 'POST',
        body
      });
      if (asked === this._asked) {
        this.render(bib);
      }
    } catch (error: any) {
      if (asked === this._asked) {
        this._status.textContent = `Could not list the citations of ${name}: ${error?.message ?? error}`;
      }
    } finally {
      if (asked === this._asked) {
        this._loading = false;
      }
    }
  }

  /** Draw a bibliography. */
  render(bib: IBibliography): void {
    this._current = bib;
    const n = bib.works.length;
    this._status.textContent =
      n === 0
        ? `${bib.notebook} cites no paper yet. A citation is a paperlab card in a markdown cell or a ` +
          'paperlab.paper("arXiv id or DOI") call in a code cell: select a paper above and press ' +
          '“Insert card” (or drag it into the notebook), or paste a card from the cards widget.'
        : `${bib.notebook} cites ${n} ${n === 1 ? 'work' : 'works'}`;
    this._list.replaceChildren(...bib.works.map(w => this._item(w)));
    this._missing.textContent = bib.missing.length
      ? `Not in the store (run their cells first): ${bib.missing.join(', ')}`
      : '';
  }

  private _item(work: ICitedWork): HTMLElement {
    const li = h('li', 'paperlab-bib-item');
    li.dataset.paperId = work.id;
    const title = work.paper
      ? link(work.title, absUrl(work.paper), 'paperlab-bib-paper')
      : h('span', 'paperlab-bib-paper paperlab-bib-unknown', work.title);
    const status = h(
      'span',
      'paperlab-bib-state',
      work.status ?? 'not on a reading list'
    );
    const where = h(
      'span',
      'paperlab-bib-cells',
      `${work.cells.length === 1 ? 'cell' : 'cells'} ${work.cells.join(', ')}`
    );
    const meta = h('div', 'paperlab-bib-meta');
    meta.append(status, where);
    li.append(title, meta);
    return li;
  }

  private async _copy(): Promise<void> {
    if (!this._current) {
      return;
    }
    const ok = await copyText(this._current.bibtex);
    this._status.textContent = ok
      ? `BibTeX of ${this._current.notebook} copied`
      : 'Could not copy: the browser refused the clipboard';
  }

  private _download(format: 'bibtex' | 'csl'): void {
    if (!this._current) {
      return;
    }
    const stem =
      this._current.notebook
        .replace(/\.ipynb$/, '')
        .replace(/[^A-Za-z0-9._-]+/g, '_') || 'notebook';
    if (format === 'bibtex') {
      saveAs(this._current.bibtex, `${stem}.bib`, 'application/x-bibtex');
    } else {
      const text = JSON.stringify(this._current.csl, null, 2);
      saveAs(text, `${stem}.csl.json`, 'application/json');
    }
  }

  private _status: HTMLElement;
  private _list: HTMLElement;
  private _missing: HTMLElement;
  private _current: IBibliography | null = null;
  private _loading = false;
  private _followed: NotebookPanel | null = null;
  private _timer = 0;
  private _asked = 0;
}

/**
 * Add the section to the panel, the command (in the palette too) that opens it on the current notebook, and a
 * button on every notebook's toolbar that opens it on that notebook.
 */
export function addBibliography(
  app: JupyterFrontEnd,
  addSection: (node: HTMLElement) => void,
  notebooks: INotebookTracker | null,
  palette: ICommandPalette | null
): BibliographySection {
  const section = new BibliographySection(notebooks);
  addSection(section.node);
  // after a page reload the restored notebook becomes the tracker's current one once the layout is restored
  void app.restored.then(() =>
    section.follow(notebooks?.currentWidget ?? null)
  );
  app.commands.addCommand(BIBLIOGRAPHY_COMMAND, {
    label: 'Bibliography of This Notebook',
    caption:
      'List the papers this notebook cites (paperlab cards and paperlab.paper calls), with their reading status',
    execute: async () => {
      app.shell.activateById(PANEL_ID);
      await section.show();
    }
  });
  palette?.addItem({ command: BIBLIOGRAPHY_COMMAND, category: 'paperlab' });
  notebooks?.widgetAdded.connect((_, panel) => {
    const open = new ToolbarButton({
      icon: bookIcon,
      className: 'paperlab-bib-toolbar',
      tooltip: 'Bibliography of this notebook (paperlab)',
      onClick: () => {
        app.shell.activateById(PANEL_ID);
        void section.show(panel);
      }
    });
    panel.toolbar.insertItem(10, 'paperlab-bibliography', open);
  });
  return section;
}
