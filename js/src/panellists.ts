/**
 * The side panel's reading lists themselves: the picker with its new / rename / delete buttons, and the
 * export buttons with the download they start. The rows of a list are drawn by `panel.ts`.
 */
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

import { h } from './common/dom';
import { button } from './entrycard';
import { ReadingListModel } from './model';
import { notifyError } from './notify';
import { ExportFormat } from './tokens';

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

/** Ask for a name and create a list. */
export async function newList(model: ReadingListModel): Promise<void> {
  const result = await InputDialog.getText({
    title: 'New reading list',
    placeholder: 'Name'
  });
  if (result.button.accept && result.value?.trim()) {
    await model.createList(result.value.trim());
  }
}

/** Download the current list in a format. */
export async function downloadList(
  model: ReadingListModel,
  format: ExportFormat
): Promise<void> {
  const size = model.lists.find(l => l.name === model.listName)?.size ?? 0;
  if (size === 0) {
    // an empty file downloaded without a word read like a failed export
    Notification.info(
      `“${model.listName}” is empty: nothing to export. Add papers first (the Add box above, or “+ Reading list” on cards in a notebook).`,
      { autoClose: 8000 }
    );
    return;
  }
  try {
    const text = await model.exportText(format);
    const ext = { bibtex: 'bib', csl: 'json', markdown: 'md' }[format];
    const type = {
      bibtex: 'application/x-bibtex',
      csl: 'application/json',
      markdown: 'text/markdown'
    }[format];
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = h('a');
    a.href = url;
    a.download = `${model.listName.replace(/[^A-Za-z0-9._-]+/g, '_') || 'reading-list'}.${ext}`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (error: any) {
    notifyError(`Export failed: ${error?.message ?? error}`);
  }
}

async function renameList(model: ReadingListModel): Promise<void> {
  const result = await InputDialog.getText({
    title: 'Rename reading list',
    text: model.listName
  });
  if (result.button.accept && result.value?.trim()) {
    await model.renameList(result.value.trim());
  }
}

async function deleteList(model: ReadingListModel): Promise<void> {
  const name = model.listName;
  const result = await showDialog({
    title: 'Delete reading list',
    body: `Delete the list “${name}” and its ${model.entries.length} entries? The papers stay in the store.`,
    buttons: [Dialog.cancelButton(), Dialog.warnButton({ label: 'Delete' })]
  });
  if (result.button.accept) {
    await model.deleteList();
  }
}

/** The list picker (`select`) and the new / rename / delete list buttons. */
export function listHeader(
  model: ReadingListModel,
  select: HTMLSelectElement
): HTMLDivElement {
  const header = h('div', 'paperlab-header');
  select.title = 'Reading list';
  select.addEventListener('change', () => void model.setList(select.value));
  header.append(
    select,
    iconButton(
      'paperlab-new-list',
      addIcon,
      'New reading list',
      () => void newList(model)
    ),
    iconButton(
      'paperlab-rename-list',
      editIcon,
      'Rename this list',
      () => void renameList(model)
    ),
    iconButton(
      'paperlab-delete-list',
      deleteIcon,
      'Delete this list',
      () => void deleteList(model)
    )
  );
  return header;
}

/** The picker's options: each list with its size, the current one chosen. */
export function renderLists(
  model: ReadingListModel,
  select: HTMLSelectElement
): void {
  const shown = model.lists.some(l => l.name === model.listName)
    ? model.lists
    : [...model.lists, { name: model.listName, size: 0 }]; // shown before it exists: made on the first add
  const options = shown.map(l => {
    const option = h('option', '', `${l.name} (${l.size})`);
    option.value = l.name;
    return option;
  });
  select.replaceChildren(...options);
  select.value = model.listName;
}

/** The export buttons. */
export function exportFooter(model: ReadingListModel): HTMLDivElement {
  const footer = h('div', 'paperlab-footer');
  footer.append(
    h('span', 'paperlab-footer-label', 'Export list:'),
    button(
      'paperlab-export-bibtex',
      'BibTeX',
      'Download this list as BibTeX',
      () => void downloadList(model, 'bibtex')
    ),
    button(
      'paperlab-export-csl',
      'CSL-JSON',
      'Download this list as CSL-JSON',
      () => void downloadList(model, 'csl')
    ),
    button(
      'paperlab-export-markdown',
      'Markdown',
      'Download this list as markdown',
      () => void downloadList(model, 'markdown')
    )
  );
  return footer;
}
