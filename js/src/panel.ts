import {
  Dialog,
  InputDialog,
  Notification,
  showDialog
} from '@jupyterlab/apputils';
import {
  addIcon,
  deleteIcon,
  editIcon,
  LabIcon
} from '@jupyterlab/ui-components';
import { CommandRegistry } from '@lumino/commands';
import { Message } from '@lumino/messaging';
import { Widget } from '@lumino/widgets';

import { h } from './common/dom';
import { button, entryCard, ICardContext, STATUS_LABELS } from './entrycard';
import { ReadingListModel, IRemoved } from './model';
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
  ]
    .join('\n')
    .toLowerCase();
  return words.every(w => haystack.includes(w));
}

/** A toolbar button showing `icon`, labelled `title` for screen readers. */
function iconButton(
  className: string,
  icon: LabIcon,
  title: string,
  onClick: () => void
): HTMLButtonElement {
  const b = button(`paperlab-icon-button ${className}`, '', title, onClick);
  b.setAttribute('aria-label', title);
  b.append(
    icon.element({
      tag: 'span',
      elementPosition: 'center',
      height: '16px',
      width: '16px'
    })
  );
  return b;
}

/**
 * The reading-list side panel: the lists and their papers as compact cards, with search,
 * status toggles and counts, tags and notes, drag to reorder, remove with undo, links,
 * insert into the active notebook and exports.
 */
export class ReadingListPanel extends Widget {
  constructor(options: { model: ReadingListModel; commands: CommandRegistry }) {
    super();
    this.model = options.model;
    this._cardContext = {
      model: this.model,
      commands: options.commands,
      drag: { id: null }
    };
    this.addClass('paperlab-panel');
    this._statusBar.setAttribute('role', 'group');
    this._undoBar.hidden = true;
    this.node.append(
      this._buildHeader(),
      this._buildAddRow(),
      this._buildSearch(),
      this._statusBar,
      this._undoBar,
      this._empty,
      this._buildEntries(),
      this._buildFooter()
    );
    this._connectModel();
  }

  readonly model: ReadingListModel;

  /** Ask for a name and create a list. */
  async newList(): Promise<void> {
    const result = await InputDialog.getText({
      title: 'New reading list',
      placeholder: 'Name'
    });
    if (result.button.accept && result.value?.trim()) {
      await this.model.createList(result.value.trim());
    }
  }

  /** Download the current list in a format. */
  async download(format: ExportFormat): Promise<void> {
    try {
      const text = await this.model.exportText(format);
      const ext = { bibtex: 'bib', csl: 'json', markdown: 'md' }[format];
      const type = {
        bibtex: 'application/x-bibtex',
        csl: 'application/json',
        markdown: 'text/markdown'
      }[format];
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = h('a');
      a.href = url;
      a.download = `${this.model.listName.replace(/[^A-Za-z0-9._-]+/g, '_') || 'reading-list'}.${ext}`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (error: any) {
      Notification.error(
        `paperlab: export failed: ${error?.message ?? error}`,
        { autoClose: 5000 }
      );
    }
  }

  /** Draw everything from the model. */
  render(): void {
    if (this._isEditing()) {
      this._pendingRender = true;
      return;
    }
    this._pendingRender = false;
    this._renderLists();
    this._renderStatusBar();

    const words = this._search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = this.model.entries.filter(
      e => (!this._status || e.status === this._status) && matches(e, words)
    );
    const cards = shown.map(e => entryCard(e, this._cardContext));
    this._entriesNode.replaceChildren(...cards);
    const total = this.model.entries.length;
    this._empty.textContent = total
      ? shown.length
        ? ''
        : 'No paper matches the filter.'
      : 'No papers yet. Add one above, or from a notebook: paperlab.reading_list().add("2503.14895")';
    this._empty.hidden = shown.length > 0;
  }

  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    void this.model.refresh();
  }

  protected onActivateRequest(msg: Message): void {
    super.onActivateRequest(msg);
    this._search.focus();
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.model.dispose();
    super.dispose();
  }

  // -- pieces ------------------------------------------------------------------------------------
  /** The list picker and the new / rename / delete list buttons. */
  private _buildHeader(): HTMLDivElement {
    const header = h('div', 'paperlab-header');
    this._listSelect.title = 'Reading list';
    this._listSelect.addEventListener(
      'change',
      () => void this.model.setList(this._listSelect.value)
    );
    header.append(
      this._listSelect,
      iconButton(
        'paperlab-new-list',
        addIcon,
        'New reading list',
        () => void this.newList()
      ),
      iconButton(
        'paperlab-rename-list',
        editIcon,
        'Rename this list',
        () => void this._renameList()
      ),
      iconButton(
        'paperlab-delete-list',
        deleteIcon,
        'Delete this list',
        () => void this._deleteList()
      )
    );
    return header;
  }

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
      )
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

  /** The entries; a refresh that arrived while typing is shown once the edit ends. */
  private _buildEntries(): HTMLUListElement {
    this._entriesNode.addEventListener('focusout', () => {
      window.setTimeout(() => {
        if (this._pendingRender && !this._isEditing()) {
          this.render();
        }
      }, 0);
    });
    return this._entriesNode;
  }

  /** The export buttons. */
  private _buildFooter(): HTMLDivElement {
    const footer = h('div', 'paperlab-footer');
    footer.append(
      h('span', 'paperlab-footer-label', 'Export:'),
      button(
        'paperlab-export-bibtex',
        'BibTeX',
        'Download this list as BibTeX',
        () => void this.download('bibtex')
      ),
      button(
        'paperlab-export-csl',
        'CSL-JSON',
        'Download this list as CSL-JSON',
        () => void this.download('csl')
      ),
      button(
        'paperlab-export-markdown',
        'Markdown',
        'Download this list as markdown',
        () => void this.download('markdown')
      )
    );
    return footer;
  }

  /** Render on changes, show the undo bar after a removal, report failures. */
  private _connectModel(): void {
    this.model.changed.connect(() => this.render(), this);
    this.model.removedChanged.connect(
      (_, removed) => this._renderUndo(removed),
      this
    );
    this.model.failed.connect((_, message) => {
      Notification.error(`paperlab: ${message}`, { autoClose: 5000 });
    }, this);
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

  private _renderLists(): void {
    const options = this.model.lists.map(l => {
      const option = h('option', '', `${l.name} (${l.size})`);
      option.value = l.name;
      return option;
    });
    this._listSelect.replaceChildren(...options);
    this._listSelect.value = this.model.listName;
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

  private async _add(): Promise<void> {
    const ref = this._addInput.value.trim();
    if (!ref) {
      return;
    }
    this._addInput.disabled = true;
    const added = await this.model.add({ ref });
    this._addInput.disabled = false;
    if (added) {
      this._addInput.value = '';
    }
  }

  private async _renameList(): Promise<void> {
    const result = await InputDialog.getText({
      title: 'Rename reading list',
      text: this.model.listName
    });
    if (result.button.accept && result.value?.trim()) {
      await this.model.renameList(result.value.trim());
    }
  }

  private async _deleteList(): Promise<void> {
    const name = this.model.listName;
    const result = await showDialog({
      title: 'Delete reading list',
      body: `Delete the list “${name}” and its ${this.model.entries.length} entries? The papers stay in the store.`,
      buttons: [Dialog.cancelButton(), Dialog.warnButton({ label: 'Delete' })]
    });
    if (result.button.accept) {
      await this.model.deleteList();
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
}
