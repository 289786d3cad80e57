import { Notification } from '@jupyterlab/apputils';
import { CommandRegistry } from '@lumino/commands';
import { Message } from '@lumino/messaging';
import { Widget } from '@lumino/widgets';

import { h } from './common/dom';
import { fold, startsAWord } from './common/fold';
import { button, entryCard, ICardContext, STATUS_LABELS } from './entrycard';
import { ReadingListModel, IRemoved } from './model';
import { notifyError } from './notify';
import {
  downloadList,
  exportFooter,
  importButton,
  listHeader,
  newList,
  renderLists
} from './panellists';
import { emptyHint } from './paneltext';
import { ExportFormat, IEntry, Status, STATUSES } from './tokens';

function matches(entry: IEntry, words: string[]): boolean {
  if (!words.length) {
    return true;
  }
  const p = entry.paper;
  const haystack = [
    p.title,
    p.id,
    p.abstract ?? '',
    p.authors.join(' '),
    entry.tags.join(' '),
    entry.note ?? ''
  ].join('\n');
  const folded = fold(haystack); // "hubotter" finds "Hübotter", as in the cards
  return words.every(w => startsAWord(folded, w));
}

/** The events that end a press on a row. */
const RELEASES = ['pointerup', 'pointercancel', 'dragend', 'blur'];

/** How long an add may take before the panel shows a spinner with Cancel (ms). */
export const BUSY_AFTER_MS = 500;

/**
 * The reading-list side panel: the lists and their papers as compact rows (status dot, title,
 * first author, year) with a details area for the selected row (status, tags, a multi-line
 * note, actions), search, status counts, keyboard selection and reorder (↑/↓, Alt+↑/↓), drag
 * to reorder, remove with undo, insert into the active notebook and exports. Other plugins can
 * add sections above the footer with `addSection`.
 */
export class ReadingListPanel extends Widget {
  constructor(options: { model: ReadingListModel; commands: CommandRegistry }) {
    super();
    this.model = options.model;
    this._cardContext = {
      model: this.model,
      commands: options.commands,
      drag: { id: null },
      select: id => this.select(id)
    };
    this.addClass('paperlab-panel');
    this._statusBar.setAttribute('role', 'group');
    this._undoBar.hidden = true;
    this.node.append(
      listHeader(this.model, this._listSelect),
      this._buildAddRow(),
      this._buildSearch(),
      this._busy,
      this._statusBar,
      this._undoBar,
      this._empty,
      this._buildEntries(),
      this._sections,
      exportFooter(this.model)
    );
    this._busy.hidden = true;
    this._busy.setAttribute('role', 'status');
    this._connectModel();
  }

  readonly model: ReadingListModel;

  /** The selected row's paper id (its details are shown), or null. */
  get selected(): string | null {
    return this._selected;
  }

  /** Select a row (show its details), or none; keyboard focus follows the selection. */
  select(paperId: string | null, focus = true): void {
    this._selected = paperId;
    this._focusSelected = focus;
    this.render();
  }

  /**
   * Add a section (e.g. "For you") below the list, above the export buttons. A collapsible section
   * (`<details>`) opens and closes as the user left it last time (kept in the browser per section class).
   */
  addSection(node: HTMLElement): void {
    this._sections.append(node);
    if (!(node instanceof HTMLDetailsElement)) {
      return;
    }
    const key = `paperlab:section-open:${node.classList[0] ?? 'section'}`;
    node.addEventListener('toggle', () => {
      try {
        localStorage.setItem(key, node.open ? '1' : '0');
      } catch {
        // storage refused (private mode): the section just starts closed next time
      }
    });
    try {
      if (localStorage.getItem(key) === '1') {
        // once the panel is in the page: opening fires the section's own 'toggle' (it loads)
        requestAnimationFrame(() => (node.open = true));
      }
    } catch {
      // no storage: closed
    }
  }

  /** Ask for a name and create a list. */
  async newList(): Promise<void> {
    await newList(this.model);
  }

  /** Download the current list in a format. */
  async download(format: ExportFormat): Promise<void> {
    await downloadList(this.model, format);
  }

  /** Draw everything from the model. */
  render(): void {
    if (this._isEditing() || this._pressing) {
      this._pendingRender = true;
      return;
    }
    this._pendingRender = false;
    renderLists(this.model, this._listSelect);
    this._renderStatusBar();

    const words = fold(this._search.value).split(/\s+/).filter(Boolean);
    const shown = this.model.entries.filter(
      e => (!this._status || e.status === this._status) && matches(e, words)
    );
    // a filter hides the selected row without forgetting it; a removal forgets it
    if (!this.model.entries.some(e => e.paper.id === this._selected)) {
      this._selected = null;
    }
    this._shown = shown;
    // a refresh replaces the rows: keep the keyboard on the row it was on
    const active = document.activeElement as HTMLElement | null;
    const focusedRow =
      active?.classList.contains('paperlab-card') &&
      this._entriesNode.contains(active)
        ? (active.dataset.paperId ?? null)
        : null;
    const cards = shown.map(e =>
      entryCard(e, this._cardContext, e.paper.id === this._selected)
    );
    if (cards.length && !cards.some(c => c.tabIndex === 0)) {
      // Tab reaches the list even with nothing selected: at the row the keyboard is on, else the first
      const at = cards.find(c => c.dataset.paperId === focusedRow);
      (at ?? cards[0]).tabIndex = 0;
    }
    this._entriesNode.replaceChildren(...cards);
    // room for six rows beside the selected one, or for those there are: no blank kept from the sections below
    const others = cards.filter(
      c => !c.classList.contains('paperlab-selected')
    ).length;
    this._entriesNode.style.setProperty(
      '--paperlab-rows',
      String(Math.min(6, others))
    );
    // a short list keeps just its rows (whole): the open sections below take the free room (base.css)
    this._entriesNode.toggleAttribute('data-few-rows', others <= 6);
    this._watchOpenRow(
      cards.find(c => c.classList.contains('paperlab-selected'))
    );
    this._renderEmpty(shown.length);
    const refocus = this._focusSelected ? this._selected : focusedRow;
    this._focusSelected = false;
    this._row(refocus)?.focus();
  }

  /**
   * The list keeps room for the selected row's details and six rows more (CSS `--paperlab-open-h`, see
   * base.css): open sections below give way (each scrolls its own content) rather than the list shrinking to
   * two or three rows cut under the details.
   */
  private _watchOpenRow(open: HTMLElement | undefined): void {
    this._openRowSize.disconnect();
    if (open) {
      this._openRowSize.observe(open);
    } else {
      this._entriesNode.style.removeProperty('--paperlab-open-h');
    }
  }

  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    void this.model.refresh();
  }

  protected onActivateRequest(msg: Message): void {
    super.onActivateRequest(msg);
    if (!this.node.contains(document.activeElement)) {
      this._search.focus(); // never away from a note or tag being typed in the panel
    }
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    for (const type of RELEASES) {
      window.removeEventListener(type, this._released, true);
    }
    this.model.dispose();
    super.dispose();
  }

  // -- pieces ------------------------------------------------------------------------------------
  /** The "Add: arXiv id, URL or DOI" form. */
  private _buildAddRow(): HTMLFormElement {
    const addRow = h('form', 'paperlab-add');
    this._addInput.placeholder = 'Add: arXiv id, URL or DOI';
    this._addInput.setAttribute(
      'aria-label',
      'Add a paper by arXiv id, URL or DOI'
    );
    addRow.append(
      this._addInput,
      button(
        'paperlab-add-button',
        'Add',
        'Add to this list',
        () => void this._add()
      ),
      ...importButton(this.model)
    );
    addRow.addEventListener('submit', ev => {
      ev.preventDefault();
      void this._add();
    });
    return addRow;
  }

  /** The filter box: re-renders on each keystroke. */
  private _buildSearch(): HTMLInputElement {
    this._search.type = 'search';
    this._search.placeholder = 'Filter papers…';
    this._search.setAttribute('aria-label', 'Filter papers');
    this._search.addEventListener('input', () => this.render());
    return this._search;
  }

  /**
   * The entries; a refresh that arrived while typing is shown once the edit ends, one that arrived while a row's
   * button was pressed once it is released and clicked (drawn under the press, the row's new button never got the
   * click: a status picked right after a note saved itself was lost).
   */
  private _buildEntries(): HTMLUListElement {
    this._entriesNode.setAttribute('aria-label', 'Papers in this list');
    this._entriesNode.addEventListener('keydown', ev => this._onKey(ev));
    this._entriesNode.addEventListener('focusout', () => this._renderLater());
    this._entriesNode.addEventListener(
      'pointerdown',
      () => (this._pressing = true)
    );
    for (const type of RELEASES) {
      window.addEventListener(type, this._released, true);
    }
    return this._entriesNode;
  }

  /** The press on a row ended (released, dragged, the window left): a refresh kept back is drawn. */
  private _released = (ev: Event): void => {
    if (ev.type === 'blur' && ev.target !== window) {
      return; // a box's blur (caught on its way down), not the window's
    }
    if (this._pressing) {
      this._pressing = false;
      this._renderLater();
    }
  };

  /** Draw a refresh kept back, after the event being handled (and a click it makes) is done. */
  private _renderLater(): void {
    window.setTimeout(() => {
      if (this._pendingRender && !this._isEditing() && !this._pressing) {
        this.render();
      }
    }, 0);
  }

  /** Render on changes, show the undo bar after a removal, report failures. */
  private _connectModel(): void {
    this.model.changed.connect(() => this.render(), this);
    this.model.removedChanged.connect(
      (_, removed) => this._renderUndo(removed),
      this
    );
    this.model.failed.connect((_, message) => notifyError(message), this);
  }

  private _isEditing(): boolean {
    const active = document.activeElement;
    return (
      !!active &&
      this._entriesNode.contains(active) &&
      (active instanceof HTMLTextAreaElement ||
        active instanceof HTMLInputElement)
    );
  }

  private _renderStatusBar(): void {
    const counts = this.model.counts();
    const total = this.model.entries.length;
    const make = (status: Status | null, label: string, n: number) => {
      const b = button(
        'paperlab-status-filter-button',
        `${label} ${n}`,
        status ? `Show only papers marked '${label}'` : 'Show every paper',
        () => {
          this._status = status;
          this.render();
        }
      );
      b.dataset.status = status ?? 'all';
      b.setAttribute('aria-pressed', String(this._status === status));
      return b;
    };
    this._statusBar.replaceChildren(
      make(null, 'All', total),
      ...STATUSES.map(s => make(s, STATUS_LABELS[s], counts[s]))
    );
  }

  private _renderUndo(removed: IRemoved | null): void {
    if (!removed) {
      this._undoBar.hidden = true;
      this._undoBar.replaceChildren();
      return;
    }
    this._undoBar.hidden = false;
    this._undoBar.replaceChildren(
      h(
        'span',
        'paperlab-undo-text',
        `Removed “${removed.entry.paper.title}”.`
      ),
      button(
        'paperlab-undo-button',
        'Undo',
        'Put the paper back',
        () => void this.model.undoRemove()
      ),
      button('paperlab-undo-close', '×', 'Dismiss', () =>
        this.model.forgetRemoved()
      )
    );
  }

  /** Add the typed reference; past `BUSY_AFTER_MS` a spinner with Cancel shows what is being fetched. */
  private async _add(): Promise<void> {
    const ref = this._addInput.value.trim();
    if (!ref || this._adding) {
      return;
    }
    const abort = new AbortController();
    this._adding = abort;
    const timer = window.setTimeout(
      () => this._showBusy(ref, abort),
      BUSY_AFTER_MS
    );
    try {
      const added = await this.model.add({ ref }, abort.signal);
      if (added && this._addInput.value.trim() === ref) {
        this._addInput.value = '';
      }
    } finally {
      window.clearTimeout(timer);
      this._adding = null;
      this._busy.hidden = true;
      this._busy.replaceChildren();
    }
  }

  private _showBusy(ref: string, abort: AbortController): void {
    if (abort.signal.aborted) {
      return;
    }
    this._busy.replaceChildren(
      h('span', 'paperlab-spinner'),
      h('span', 'paperlab-busy-text', `Adding ${ref}…`),
      button('paperlab-cancel', 'Cancel', 'Stop waiting for this paper', () => {
        abort.abort();
        Notification.info(
          `Stopped waiting for ${ref}; if the server still gets it, it appears in the list.`,
          { autoClose: 5000 }
        );
      })
    );
    this._busy.hidden = false;
  }

  private _renderEmpty(shown: number): void {
    const name = this.model.listName;
    if (shown > 0) {
      this._empty.hidden = true;
      this._empty.replaceChildren();
      return;
    }
    this._empty.hidden = false;
    if (this.model.entries.length) {
      this._empty.replaceChildren('No paper matches the filter.');
      return;
    }
    const code = emptyHint(name, this.model.example);
    if (!code) {
      this._empty.replaceChildren(
        h(
          'span',
          '',
          `No papers in “${name}” yet. Add one above by its arXiv id, URL or DOI, or import a .bib, .ris or CSL-JSON file (Import file… above).`
        )
      );
      return;
    }
    this._empty.replaceChildren(
      h(
        'span',
        '',
        `No papers in “${name}” yet. Add one above, import a file (Import file… above), or from a notebook:`
      ),
      h('code', 'paperlab-empty-code', code)
    );
  }

  private _row(paperId: string | null): HTMLLIElement | null {
    if (paperId === null) {
      return null;
    }
    for (const li of Array.from(this._entriesNode.children)) {
      if ((li as HTMLElement).dataset.paperId === paperId) {
        return li as HTMLLIElement;
      }
    }
    return null;
  }

  /** ↑/↓ select the previous/next row, Alt+↑/↓ move the selected paper, Enter/Escape open/close. */
  private _onKey(ev: KeyboardEvent): void {
    const target = ev.target as HTMLElement;
    if (!target.classList.contains('paperlab-card')) {
      return; // typing in a tag or note box
    }
    const id = target.dataset.paperId ?? null;
    const index = this._shown.findIndex(e => e.paper.id === id);
    if (index < 0) {
      return;
    }
    const step = ev.key === 'ArrowUp' ? -1 : ev.key === 'ArrowDown' ? 1 : 0;
    if (step && ev.altKey) {
      ev.preventDefault();
      ev.stopPropagation();
      const neighbour = this._shown[index + step];
      if (neighbour && id) {
        this._selected = id;
        this._focusSelected = true;
        // the neighbour's place in the list as shown now (its `position` may predate a move in flight)
        void this.model.move(id, this.model.entries.indexOf(neighbour));
      }
    } else if (step) {
      ev.preventDefault();
      ev.stopPropagation();
      // the next row, also from a row just closed with Escape (it opened that row again); none: this one
      const next = this._shown[index + step];
      this.select(next ? next.paper.id : id);
    } else if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      this.select(id === this._selected ? null : id);
    } else if (ev.key === 'Escape' && id === this._selected) {
      // closed, the keyboard stays on the row (it was blurred: the focus fell to the page, and the next Tab
      // started again from the top of JupyterLab); ↑/↓ and Enter go on from it
      ev.stopPropagation();
      this.select(null, false);
    }
  }

  private _cardContext: ICardContext;
  private _listSelect = h('select', 'paperlab-list-select');
  private _addInput = h('input', 'paperlab-add-input');
  private _search = h('input', 'paperlab-search');
  private _statusBar = h('div', 'paperlab-status-filter');
  private _undoBar = h('div', 'paperlab-undo');
  private _entriesNode = h('ul', 'paperlab-entries');
  private _empty = h('div', 'paperlab-empty');
  private _status: Status | null = null;
  private _pendingRender = false;
  private _pressing = false;
  private _selected: string | null = null;
  private _focusSelected = false;
  private _shown: IEntry[] = [];
  private _adding: AbortController | null = null;
  private _busy = h('div', 'paperlab-busy');
  private _sections = h('div', 'paperlab-sections');
  private _openRowSize = new ResizeObserver(entries => {
    for (const entry of entries) {
      const height = (entry.target as HTMLElement).offsetHeight;
      this._entriesNode.style.setProperty('--paperlab-open-h', `${height}px`);
    }
  });
}
