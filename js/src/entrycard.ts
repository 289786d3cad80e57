/**
 * One entry of the side panel's reading list: a compact row (status dot, title, first author,
 * year) and, for the selected row, its details (byline, status buttons, tags, a multi-line
 * note, links and actions, the abstract, who added and last changed it). Drag a row to reorder
 * it, or to drop the paper's JSON into a notebook. Paper text goes in through `textContent`;
 * only http(s) URLs become links (common/paper.ts `safeUrl`).
 */

import { CommandRegistry } from '@lumino/commands';

import { button as domButton, h, link } from './common/dom';
import { keepFocus } from './common/keepfocus';
import {
  absUrl,
  byline,
  pdfUrl,
  safeUrl,
  shownDate,
  citationKeyText,
  STATUS_LABELS as STATUS_WORDS
} from './common/paper';
import { ReadingListModel } from './model';
import { familyName } from './paneltext';
import { CommandIDs, IEntry, PAPER_MIME, Status, STATUSES } from './tokens';

export const STATUS_LABELS: { [K in Status]: string } = STATUS_WORDS;

/** A panel button (class `paperlab-button` plus `className`). */
export function button(
  className: string,
  text: string,
  title: string,
  onClick: (ev: MouseEvent) => void
): HTMLButtonElement {
  return domButton(text, title, onClick, {
    className: `paperlab-button ${className}`
  });
}

/** What the rows of one panel share. */
export interface ICardContext {
  model: ReadingListModel;
  commands: CommandRegistry;
  /** Id of the paper being dragged within the list, if any. */
  drag: { id: string | null };
  /** Select (open the details of) a row, or none. */
  select: (paperId: string | null) => void;
}

/**
 * The first author's family name (the byline is the row's tooltip), else the editors, the organisation or the author
 * count: one of them, short ("12 authors · Lab" was cut to "12 author…" in the row's narrow corner).
 */
export function firstAuthor(entry: IEntry): string {
  const p = entry.paper;
  const n = p.n_authors ?? 0;
  const short =
    !p.authors?.length && n > 0
      ? p.organization?.trim() || `${n} author${n !== 1 ? 's' : ''}`
      : byline(p);
  return familyName(p.authors, short, p.extra);
}

/** A row of the list; `selected` also shows its details. */
export function entryCard(
  entry: IEntry,
  ctx: ICardContext,
  selected: boolean
): HTMLLIElement {
  const li = h('li', 'paperlab-card');
  li.dataset.paperId = entry.paper.id;
  li.dataset.status = entry.status;
  li.draggable = true;
  li.tabIndex = selected ? 0 : -1;
  // the selected row is the current one; its details are open below it
  li.setAttribute('aria-current', String(selected));
  li.append(compactRow(entry, ctx, selected));
  if (selected) {
    li.classList.add('paperlab-selected');
    li.append(details(entry, ctx));
  }
  dragAndDrop(li, entry, ctx);
  return li;
}

/**
 * Status dot, title (one line, whole in its tooltip; the selected row's whole, once), first author and year; a click
 * selects (or closes) the row.
 */
function compactRow(
  entry: IEntry,
  ctx: ICardContext,
  selected: boolean
): HTMLElement {
  const row = h('div', 'paperlab-row');
  const dot = h('span', 'paperlab-dot');
  dot.dataset.status = entry.status;
  dot.title = STATUS_LABELS[entry.status];
  dot.setAttribute('role', 'img');
  dot.setAttribute('aria-label', STATUS_LABELS[entry.status]);
  // the title as read: its LaTeX decoded by the server (`title_text`), else as written
  const title = h(
    'span',
    selected ? 'paperlab-title paperlab-card-fulltitle' : 'paperlab-title',
    entry.paper.title_text ?? entry.paper.title
  );
  title.title = entry.paper.title_text ?? entry.paper.title;
  const year = (entry.paper.published ?? '').slice(0, 4);
  row.title = [title.title, byline(entry.paper), year]
    .filter(Boolean)
    .join('\n');
  // year over first author, at the right: the title keeps most of the width
  const meta = h('span', 'paperlab-row-meta');
  meta.append(
    h('span', 'paperlab-row-year', year),
    h('span', 'paperlab-row-author', firstAuthor(entry))
  );
  row.append(dot, title, meta);
  row.addEventListener('click', () =>
    ctx.select(selected ? null : entry.paper.id)
  );
  return row;
}

/** The details of the selected row. */
function details(entry: IEntry, ctx: ICardContext): HTMLElement {
  const box = h('div', 'paperlab-details');
  // the title is the row's, whole (compactRow)
  box.append(
    metaRow(entry),
    statusRow(entry, ctx.model),
    tagsRow(entry, ctx.model),
    noteBox(entry, ctx.model),
    actionsRow(entry, ctx)
  );
  if (entry.paper.abstract) {
    const abstract = h('details', 'paperlab-abstract');
    abstract.append(
      h('summary', '', 'Abstract'),
      h('p', '', entry.paper.abstract_text ?? entry.paper.abstract)
    );
    box.append(abstract);
  }
  if (entry.provenance) {
    box.append(h('div', 'paperlab-card-provenance', entry.provenance));
  }
  return box;
}

function metaRow(entry: IEntry): HTMLElement {
  const paper = entry.paper;
  // A title-hash id ("title:…") means nothing to a reader: show only real identifiers.
  const ident = paper.arxiv_id
    ? `arXiv:${paper.arxiv_id}`
    : paper.id.startsWith('title:')
      ? ''
      : paper.id;
  const meta = [byline(paper), shownDate(paper), ident, citationKeyText(paper)]
    .filter(Boolean)
    .join(' · ');
  return h('div', 'paperlab-card-meta', meta);
}

function statusRow(entry: IEntry, model: ReadingListModel): HTMLElement {
  const row = h('div', 'paperlab-card-status');
  row.setAttribute('role', 'group');
  for (const s of STATUSES) {
    const b = button(
      'paperlab-status-button',
      STATUS_LABELS[s],
      `Mark as '${STATUS_LABELS[s]}'`,
      () => {
        if (entry.status !== s) {
          void model.update(entry.paper.id, { status: s });
        }
      }
    );
    b.dataset.status = s;
    b.setAttribute('aria-pressed', String(entry.status === s));
    row.append(b);
  }
  return row;
}

function tagsRow(entry: IEntry, model: ReadingListModel): HTMLElement {
  const id = entry.paper.id;
  const row = h('div', 'paperlab-card-tags');
  for (const tag of entry.tags) {
    const chip = h('span', 'paperlab-tag');
    chip.dataset.tag = tag;
    chip.append(
      h('span', 'paperlab-tag-text', tag),
      button(
        'paperlab-tag-remove',
        '×',
        `Remove tag '${tag}'`,
        () => void model.update(id, { remove_tags: [tag] })
      )
    );
    row.append(chip);
  }
  const input = h('input', 'paperlab-tag-input');
  input.placeholder = '+ tag';
  input.setAttribute('aria-label', 'Add a tag');
  input.addEventListener('keydown', ev => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      const tags = input.value
        .split(',')
        .map(t => t.trim())
        .filter(Boolean);
      input.value = '';
      input.blur();
      if (tags.length) {
        void model.update(id, { add_tags: tags });
      }
    } else if (ev.key === 'Escape') {
      input.value = '';
      input.blur();
    }
  });
  keepFocus(input);
  row.append(input);
  return row;
}

/** How long typing in a note pauses before it is saved (ms): a reload or a closed tab loses at most this. */
export const NOTE_SAVE_DELAY = 800;

/**
 * The note: saved a moment after typing pauses, when the textarea loses focus, or on Ctrl/Cmd+Enter (UI review
 * R6: saved on blur only, a note typed and left in its box was lost by a page reload). Focus taken by the page
 * rather than the user (JupyterLab activating a launcher it opens) comes back (`keepFocus`).
 */
function noteBox(entry: IEntry, model: ReadingListModel): HTMLElement {
  const note = h('textarea', 'paperlab-note');
  note.rows = 3;
  note.placeholder = 'Note…';
  note.setAttribute('aria-label', 'Note');
  note.value = entry.note ?? '';
  let timer = 0;
  const save = (): void => {
    window.clearTimeout(timer);
    const value = note.value.trim();
    if (value !== (entry.note ?? '')) {
      entry.note = value || null;
      void model.update(entry.paper.id, { note: value || null });
    }
  };
  note.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, NOTE_SAVE_DELAY);
  });
  note.addEventListener('blur', save);
  note.addEventListener('keydown', ev => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      note.blur();
    }
  });
  keepFocus(note);
  return note;
}

function actionsRow(entry: IEntry, ctx: ICardContext): HTMLElement {
  const paper = entry.paper;
  const id = paper.id;
  const row = h('div', 'paperlab-card-actions');
  const linksRow = h('div', 'paperlab-card-links');
  // the paper's page ("arXiv page" for arXiv papers); "Abstract" is the disclosure below, never a link
  const page = paper.arxiv_id ? 'arXiv page' : 'Paper page';
  const links: [string, string, string | null][] = [
    [page, 'page', absUrl(paper)],
    ['PDF', 'pdf', pdfUrl(paper)],
    ['Code', 'code', safeUrl(paper.code_url)]
  ];
  for (const [label, kind, url] of links) {
    if (url) {
      const className = `paperlab-link paperlab-link-${kind}`;
      linksRow.append(link(label, url, className));
    }
  }
  const insert = (format: 'markdown' | 'code') => () =>
    void ctx.commands.execute(CommandIDs.insertPaper, { id, format });
  row.append(
    button(
      'paperlab-insert-markdown',
      'Insert card',
      'Insert a markdown card into the active notebook',
      insert('markdown')
    ),
    button(
      'paperlab-insert-code',
      'Insert code',
      'Insert paperlab.paper(...) as a code cell',
      insert('code')
    ),
    button(
      'paperlab-remove',
      'Remove',
      'Remove from this list (can be undone)',
      () => void ctx.model.remove(id)
    )
  );
  const box = h('div', 'paperlab-card-links-actions');
  box.append(...(linksRow.childElementCount ? [linksRow] : []), row);
  return box;
}

/** Drag to reorder within the list, and to drop the paper's JSON elsewhere. */
function dragAndDrop(
  li: HTMLLIElement,
  entry: IEntry,
  ctx: ICardContext
): void {
  const id = entry.paper.id;
  li.addEventListener('dragstart', ev => {
    ctx.drag.id = id;
    li.classList.add('paperlab-dragging');
    ev.dataTransfer?.setData('text/plain', id);
    ev.dataTransfer?.setData(PAPER_MIME, JSON.stringify(entry.paper));
    if (ev.dataTransfer) {
      // move within the list, copy into a notebook
      ev.dataTransfer.effectAllowed = 'copyMove';
    }
  });
  li.addEventListener('dragend', () => {
    ctx.drag.id = null;
    li.classList.remove('paperlab-dragging');
  });
  li.addEventListener('dragover', ev => {
    if (ctx.drag.id && ctx.drag.id !== id) {
      ev.preventDefault();
      if (ev.dataTransfer) {
        ev.dataTransfer.dropEffect = 'move';
      }
      li.classList.add('paperlab-drop-target');
    }
  });
  li.addEventListener('dragleave', () =>
    li.classList.remove('paperlab-drop-target')
  );
  li.addEventListener('drop', ev => {
    ev.preventDefault();
    li.classList.remove('paperlab-drop-target');
    const dragged = ctx.drag.id;
    ctx.drag.id = null;
    if (dragged && dragged !== id) {
      // its place in the list as shown now (`position` may predate a move in flight)
      const to = ctx.model.entries.findIndex(e => e.paper.id === id);
      void ctx.model.move(dragged, to >= 0 ? to : entry.position);
    }
  });
}
