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
import { Widget } from '@lumino/widgets';
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
import { ExportFormat, IImportResult } from './tokens';

/** The largest file "Import file…" sends (the server's limit, paperlab/server/uploads.py). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** The files "Import file…" offers to choose. */
export const IMPORT_ACCEPT = '.bib,.bibtex,.ris,.json';

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

/** The skipped records of an import, one item each (text only: the file's words are never markup). */
function importDetails(result: IImportResult): Promise<unknown> {
  const node = h('div', 'paperlab-import-details');
  node.append(h('p', 'paperlab-error-summary', `${result.message}.`));
  if (result.skipped.length) {
    const items = h('ul', 'paperlab-import-skipped');
    for (const p of result.skipped) {
      const kept = p.skipped ? '' : ' (kept without it)';
      items.append(h('li', '', `${p.where}: ${p.message}${kept}`));
    }
    node.append(
      h(
        'p',
        '',
        `Not imported from ${result.file} (correct them in the file and import it again: no paper is added twice):`
      ),
      items
    );
  }
  for (const w of result.warnings) {
    node.append(h('p', 'paperlab-import-warning', w));
  }
  return showDialog({
    title: `Imported ${result.file}`,
    body: new Widget({ node }),
    buttons: [Dialog.okButton({ label: 'Close' })]
  });
}

/** Say what an import did: a success, or a warning naming the first skipped record with the rest behind Details. */
export function notifyImport(result: IImportResult): string {
  const bad = result.skipped.filter(p => p.skipped);
  if (!result.skipped.length && !result.warnings.length) {
    const say = result.added ? Notification.success : Notification.info;
    return say(`${result.message}.`, { autoClose: 6000 });
  }
  // "…; 1 record skipped: entry 'x', line 8: expected a 'title' field" (the first one named; Details lists all)
  const first = bad[0] ?? result.skipped[0];
  const more =
    result.skipped.length > 1 ? ` (and ${result.skipped.length - 1} more)` : '';
  const named = first
    ? `${bad.length ? '' : '; kept in part'}: ${first.where}: ${first.message}${more}`
    : '';
  return Notification.warning(`${result.message}${named}.`, {
    autoClose: false,
    actions: [
      {
        label: 'Details',
        caption: 'Show every record that was not imported',
        callback: (event: MouseEvent) => {
          event.preventDefault(); // the notification stays in the centre
          void importDetails(result);
        }
      }
    ]
  });
}

/** Send a chosen file to the current list; the button says so meanwhile. */
export async function importFile(
  model: ReadingListModel,
  file: File,
  trigger?: HTMLButtonElement
): Promise<IImportResult | undefined> {
  if (file.size > MAX_IMPORT_BYTES) {
    notifyError(
      `Import failed: ${file.name} has ${file.size.toLocaleString('en')} bytes: expected at most 10 MiB (split it, or import it in a terminal: paperlab import FILE --list NAME)`
    );
    return undefined;
  }
  const label = trigger?.textContent ?? '';
  if (trigger) {
    trigger.disabled = true;
    trigger.textContent = 'Importing…';
  }
  try {
    const result = await model.importFile(file, file.name);
    notifyImport(result);
    return result;
  } catch (error: any) {
    notifyError(`Import failed: ${error?.message ?? error}`);
    return undefined;
  } finally {
    if (trigger) {
      trigger.disabled = false;
      trigger.textContent = label;
      trigger.focus();
    }
  }
}

/** The "Import file…" button with its (hidden) file chooser (beside "Add": both put papers into the list shown). */
export function importButton(model: ReadingListModel): HTMLElement[] {
  const input = h('input', 'paperlab-import-input');
  input.type = 'file';
  input.accept = IMPORT_ACCEPT;
  input.hidden = true;
  input.tabIndex = -1;
  const trigger = button(
    'paperlab-import-file',
    'Import file…',
    'Import a .bib, .ris or CSL-JSON file into this list',
    () => input.click()
  );
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = ''; // the same file chosen again is imported again
    if (file) {
      void importFile(model, file, trigger);
    }
  });
  return [trigger, input];
}

/** The export buttons (one line: the room below is For you's). */
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
