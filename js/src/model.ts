import { ISignal, Signal } from '@lumino/signaling';

import { requestAPI, segment } from './request';
import {
  ExportFormat,
  IAddEntry,
  IEntry,
  IEntryUpdate,
  IImportResult,
  IListDetail,
  ILists,
  IListSummary,
  IPaperDetail,
  Status
} from './tokens';

/** What to restore when the user undoes a removal. */
export interface IRemoved {
  list: string;
  entry: IEntry;
}

/** A note or status the panel shows before the server has it; `count` changes of the entry are on their way. */
interface ILocalEdit {
  note?: string | null;
  status?: Status;
  count: number;
}

/** Seconds the server may hold one revision long-poll (it allows at most 30). */
export const LONG_POLL_S = 25;

/** The longest wait between retries after failed polls (ms). */
export const MAX_BACKOFF_MS = 30000;

/** Delay before the next poll after `failures` failures in a row: doubling from `base`, capped. */
export function backoff(failures: number, base: number): number {
  if (failures <= 0) {
    return 0;
  }
  return Math.min(MAX_BACKOFF_MS, base * 2 ** Math.min(failures - 1, 16));
}

/**
 * The reading-list state the panel shows: the lists, the current list's entries, and
 * the store revision they were read at. Talks only to the server extension; long-polls
 * the revision endpoint (`revision?since=N&timeout=S`), so a change made in a kernel shows
 * up as soon as the server sees it. After errors it retries with a growing delay starting at
 * `pollInterval`; `dispose()` ends the poll.
 */
export class ReadingListModel {
  constructor(options: { defaultList?: string; pollInterval?: number } = {}) {
    this._defaultList = options.defaultList || 'default';
    this._listName = this._defaultList;
    this._pollInterval = options.pollInterval ?? 1000;
  }

  /** Emitted whenever lists, entries or the current list change. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /** Emitted with a message when a request fails. */
  get failed(): ISignal<this, string> {
    return this._failed;
  }

  /** Emitted after a removal that can be undone (and with null when the undo expires). */
  get removedChanged(): ISignal<this, IRemoved | null> {
    return this._removedChanged;
  }

  get lists(): IListSummary[] {
    return this._lists;
  }

  get listName(): string {
    return this._listName;
  }

  get entries(): IEntry[] {
    return this._entries;
  }

  get revision(): number {
    return this._revision;
  }

  get lastRemoved(): IRemoved | null {
    return this._removed;
  }

  get isDisposed(): boolean {
    return this._disposed;
  }

  /** A paper of the user's library as `reading_list().add(...)` takes it (arXiv id, DOI, id), for the empty hint. */
  get example(): string | null {
    return this._example;
  }

  /** Status counts of the current list. */
  counts(): { [K in Status]: number } {
    const counts = { 'to-read': 0, reading: 0, read: 0 };
    for (const e of this._entries) {
      counts[e.status] += 1;
    }
    return counts;
  }

  /** Switch to another list (created on the server when missing). */
  async setList(name: string): Promise<void> {
    this._listName = name;
    await this.refresh();
  }

  /** Emitted with the list's name whenever the shown list changes (to remember it across reloads). */
  get listChanged(): ISignal<this, string> {
    return this._listChanged;
  }

  /** Read the lists and the current list again. */
  async refresh(): Promise<void> {
    await this._load();
  }

  /** Start long-polling the revision endpoint (until `dispose()`). */
  start(): void {
    if (this._polling || this._disposed) {
      return;
    }
    this._polling = true;
    void this._poll();
  }

  /** True while the long-poll runs. */
  get polling(): boolean {
    return this._polling;
  }

  async createList(name: string): Promise<void> {
    await this._call(async () => {
      await this._create(name);
      this._listName = name.trim();
    });
  }

  async renameList(newName: string): Promise<void> {
    await this._call(async () => {
      await this._materialize();
      const renamed = await requestAPI<IListSummary>(
        `lists/${segment(this._listName)}`,
        {
          method: 'PATCH',
          body: JSON.stringify({ name: newName })
        }
      );
      this._listName = renamed.name;
    });
  }

  async deleteList(): Promise<void> {
    await this._call(async () => {
      await this._materialize();
      await requestAPI<void>(`lists/${segment(this._listName)}`, {
        method: 'DELETE'
      });
      const others = this._lists.filter(l => l.name !== this._listName);
      this._listName = others.length ? others[0].name : 'default';
    });
  }

  /** Add a paper by id, arXiv/DOI URL or DOI; `signal` stops waiting for it (no error is reported then). */
  async add(
    body: IAddEntry,
    signal?: AbortSignal
  ): Promise<IEntry | undefined> {
    let added: IEntry | undefined;
    try {
      await this._materialize();
      added = await requestAPI<IEntry>(
        `lists/${segment(this._listName)}/entries`,
        { method: 'POST', body: JSON.stringify(body), signal }
      );
    } catch (error: any) {
      if (error?.name !== 'AbortError') {
        this._fail(error);
      }
    }
    await this.refresh();
    return added;
  }

  /**
   * Change one entry. A new note or status shows at once and stays shown until the server has it: a reload answered
   * in between (a poll, another change) would otherwise show the note from before, and a note box drawn from it
   * then lost what was typed since (edited again, its older text was saved over the newer).
   */
  async update(paperId: string, change: IEntryUpdate): Promise<void> {
    const key = this._editKey(this._listName, paperId);
    const shown = this._edit(key, change);
    await this._call(async () => {
      try {
        await requestAPI<IEntry>(
          `lists/${segment(this._listName)}/entries/${paperId}`,
          {
            method: 'PATCH',
            body: JSON.stringify(change)
          }
        );
      } finally {
        if (shown) {
          this._editDone(key);
        }
      }
    });
  }

  /** Move an entry to a 0-based position. Moves reach the server one after another, in order. */
  async move(paperId: string, position: number): Promise<void> {
    // reorder locally first so the drop (or key press) feels instant; the refresh confirms it
    const from = this._entries.findIndex(e => e.paper.id === paperId);
    if (from >= 0) {
      const [entry] = this._entries.splice(from, 1);
      this._entries.splice(Math.min(position, this._entries.length), 0, entry);
      this._changed.emit();
    }
    // while moves are on their way, a reload would show an order from before some of them
    this._pendingMoves += 1;
    const move = this._moves.then(() => this.update(paperId, { position }));
    this._moves = move;
    try {
      await move;
    } finally {
      this._pendingMoves -= 1;
    }
    if (!this._pendingMoves) {
      await this.refresh();
    }
  }

  /** Remove an entry; it can be restored with `undoRemove()` for a while. */
  async remove(paperId: string): Promise<void> {
    const entry = this._entries.find(e => e.paper.id === paperId);
    await this._call(() =>
      requestAPI<void>(`lists/${segment(this._listName)}/entries/${paperId}`, {
        method: 'DELETE'
      })
    );
    if (entry) {
      this._removed = { list: this._listName, entry };
      this._removedChanged.emit(this._removed);
      window.clearTimeout(this._undoTimer);
      this._undoTimer = window.setTimeout(() => this.forgetRemoved(), 15000);
    }
  }

  /** Put the last removed entry back where it was, with its status, tags and note. */
  async undoRemove(): Promise<void> {
    const removed = this._removed;
    if (!removed) {
      return;
    }
    this.forgetRemoved();
    const { entry } = removed;
    await this._call(() =>
      requestAPI<IEntry>(`lists/${segment(removed.list)}/entries`, {
        method: 'POST',
        body: JSON.stringify({
          ref: entry.paper.id,
          status: entry.status,
          tags: entry.tags,
          note: entry.note,
          position: entry.position
        })
      })
    );
  }

  forgetRemoved(): void {
    window.clearTimeout(this._undoTimer);
    if (this._removed) {
      this._removed = null;
      this._removedChanged.emit(null);
    }
  }

  /** A paper's markdown card (`Paper.to_markdown()`), from the server. */
  async markdown(paperId: string): Promise<string> {
    return (await this.paperDetail(paperId)).markdown;
  }

  /** The code cell that loads a paper in a kernel, from the server (paperlab/services/paperref.py). */
  async code(paperId: string): Promise<string> {
    return (await this.paperDetail(paperId)).code;
  }

  private paperDetail(paperId: string): Promise<IPaperDetail> {
    return requestAPI<IPaperDetail>(`papers/${paperId}`);
  }

  /**
   * Import a bibliography file (.bib, .ris, CSL-JSON) into the current list, read as `paperlab.load` reads it; the
   * answer names each skipped record; throws the server's error (naming the line). The list is read again either way.
   */
  async importFile(file: Blob, filename: string): Promise<IImportResult> {
    try {
      return await requestAPI<IImportResult>(
        `lists/${segment(this._listName)}/import?filename=${encodeURIComponent(filename)}`,
        {
          method: 'POST',
          body: file,
          headers: { 'Content-Type': 'application/octet-stream' }
        }
      );
    } finally {
      await this.refresh();
    }
  }

  /** The current list exported as text. */
  async exportText(format: ExportFormat): Promise<string> {
    await this._materialize();
    return requestAPI<string>(
      `lists/${segment(this._listName)}/export?format=${format}`,
      {},
      'text'
    );
  }

  dispose(): void {
    if (this._disposed) {
      return;
    }
    this._disposed = true;
    this._abort.abort();
    window.clearTimeout(this._undoTimer);
    Signal.clearData(this);
  }

  private _editKey(list: string, paperId: string): string {
    return `${list}\u0000${paperId}`;
  }

  /** Show `change`'s note and status before the server answers (false when it has neither). */
  private _edit(key: string, change: IEntryUpdate): boolean {
    const local: ILocalEdit = { count: 1 };
    if (change.note !== undefined) {
      local.note = change.note;
    }
    if (change.status !== undefined) {
      local.status = change.status;
    }
    if (local.note === undefined && local.status === undefined) {
      return false;
    }
    const earlier = this._edits.get(key);
    this._edits.set(key, {
      ...earlier,
      ...local,
      count: (earlier?.count ?? 0) + 1
    });
    // no redraw for it: the box being typed in shows it; the next one (a reload) draws it
    this._entries = this._withEdits(this._entries);
    return true;
  }

  /** One change reached the server (or failed): with none left on the way, reloads show the server's entry. */
  private _editDone(key: string): void {
    const edit = this._edits.get(key);
    if (edit && --edit.count <= 0) {
      this._edits.delete(key);
    }
  }

  /** `entries` with the notes and statuses still on their way to the server. */
  private _withEdits(entries: IEntry[]): IEntry[] {
    if (!this._edits.size) {
      return entries;
    }
    return entries.map(entry => {
      const edit = this._edits.get(
        this._editKey(this._listName, entry.paper.id)
      );
      if (!edit) {
        return entry;
      }
      const shown = { ...entry };
      if (edit.note !== undefined) {
        shown.note = edit.note;
      }
      if (edit.status !== undefined) {
        shown.status = edit.status;
      }
      return shown;
    });
  }

  /** Read lists and entries; false when a request failed (reported through `failed`). */
  private _load(): Promise<boolean> {
    // a rename or delete under way first: a read of the old name would be answered 404 (a console error)
    const loading = this._changing.then(() => {
      const running = this._loadOnce();
      this._loading = running;
      return running;
    });
    return loading;
  }

  private async _loadOnce(): Promise<boolean> {
    const seq = ++this._seq;
    const asked = this._listName;
    try {
      // the names and the shown list's entries in one request: a list deleted or renamed elsewhere (a kernel, another
      // tab) between two requests would be answered 404, a console error; the server answers the first list instead
      const lists = await requestAPI<ILists>(
        `lists?entries=${encodeURIComponent(asked)}`
      );
      if (this._listName !== asked) {
        // the current list changed while this load ran (renamed, created, picked): its gone name is no sign that
        // it was deleted elsewhere, and the load that change started shows it
        return true;
      }
      const detail = this._shownDetail(lists);
      if (seq === this._seq && !this._disposed && !this._pendingMoves) {
        if (this._shownList !== this._listName) {
          this._shownList = this._listName;
          this._listChanged.emit(this._listName);
        }
        this._lists = lists.lists;
        this._entries = this._withEdits(detail.entries);
        this._noteExample(detail.entries, lists.lists);
        // the earlier of the two: a change in between shows as a new revision on the next poll
        this._revision = lists.revision;
        this._changed.emit();
      }
      return true;
    } catch (error) {
      if (!this._disposed) {
        this._fail(error);
      }
      return false;
    }
  }

  /** Keep a paper of the shown list as the empty hint's example; with none yet, read one of another list once. */
  private _noteExample(entries: IEntry[], lists: IListSummary[]): void {
    const first = entries[0]?.paper;
    if (first) {
      this._example = first.arxiv_id || first.doi || first.id;
      return;
    }
    const other = lists.find(l => l.size > 0 && l.name !== this._listName);
    if (this._example !== null || this._seekingExample || !other) {
      return;
    }
    this._seekingExample = true;
    requestAPI<IListDetail>(`lists/${segment(other.name)}`)
      .then(detail => {
        const paper = detail.entries[0]?.paper;
        if (paper && this._example === null && !this._disposed) {
          this._example = paper.arxiv_id || paper.doi || paper.id;
          this._changed.emit();
        }
      })
      .catch(() => undefined) // renamed or deleted meanwhile: the hint names no paper
      .finally(() => (this._seekingExample = false));
  }

  /**
   * The list to show: the one asked for, or (when it went away) the first list the server answered, or with none the
   * default one empty (made on the first add: an empty "default" would outrank the list the user makes in a notebook).
   */
  private _shownDetail(lists: ILists): IListDetail {
    if (lists.shown) {
      // the current list went away (deleted or renamed elsewhere), or the default list was never made while others
      // were (a first open after `paperlab.reading_list("thesis")` in a notebook shows "thesis", not an empty
      // "default" made for the occasion)
      this._listName = lists.shown.name;
      return lists.shown;
    }
    this._listName = this._defaultList;
    return { name: this._listName, revision: lists.revision, entries: [] };
  }

  /**
   * Ask the server to answer once the revision passes the one shown (or after `LONG_POLL_S`),
   * then reload. Errors (server restarting, network) and failed reloads back off.
   */
  private async _poll(): Promise<void> {
    let failures = 0;
    while (!this._disposed) {
      const delay = backoff(failures, this._pollInterval);
      if (delay && !(await this._sleep(delay))) {
        break;
      }
      try {
        const { revision } = await requestAPI<{ revision: number }>(
          `revision?since=${this._revision}&timeout=${LONG_POLL_S}`,
          { signal: this._abort.signal }
        );
        const fresh = revision === this._revision || (await this._load());
        failures = fresh ? 0 : failures + 1;
      } catch {
        failures += 1;
      }
    }
    this._polling = false;
  }

  /** Wait `ms`; false when the model was disposed meanwhile. */
  private _sleep(ms: number): Promise<boolean> {
    const signal = this._abort.signal;
    return new Promise(resolve => {
      const onAbort = () => {
        window.clearTimeout(timer);
        resolve(false);
      };
      const timer = window.setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(!this._disposed);
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Make the shown list on the server when it is only shown (no list existed yet): before a write to it. */
  private async _materialize(): Promise<void> {
    if (!this._lists.some(l => l.name === this._listName)) {
      await this._create(this._listName);
    }
  }

  private async _create(name: string): Promise<void> {
    try {
      await requestAPI<IListSummary>('lists', {
        method: 'POST',
        body: JSON.stringify({ name })
      });
    } catch (error: any) {
      if (error?.code !== 'conflict') {
        throw error;
      }
    }
  }

  private async _call(fn: () => Promise<unknown>): Promise<void> {
    const before = this._changing;
    let done!: () => void;
    this._changing = new Promise<void>(resolve => (done = resolve));
    try {
      await before;
      // the reloads already reading the current list first: a rename or delete under them would answer them 404;
      // reloads asked from now on wait for this change (`_load`)
      let running: Promise<boolean> | null;
      do {
        running = this._loading;
        await running;
      } while (running !== this._loading);
      await fn();
    } catch (error) {
      this._fail(error);
    } finally {
      done();
    }
    await this.refresh();
  }

  private _fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    console.warn('paperlab:', message);
    this._failed.emit(message);
  }

  private _listName: string;
  private _defaultList: string;
  private _seq = 0;
  private _loading: Promise<boolean> | null = null;
  private _changing: Promise<void> = Promise.resolve();
  private _lists: IListSummary[] = [];
  private _entries: IEntry[] = [];
  private _example: string | null = null;
  private _seekingExample = false;
  private _revision = -1;
  private _pollInterval: number;
  private _polling = false;
  private _abort = new AbortController();
  private _undoTimer = 0;
  private _removed: IRemoved | null = null;
  private _disposed = false;
  private _shownList = '';
  private _moves: Promise<void> = Promise.resolve();
  private _pendingMoves = 0;
  private _edits = new Map<string, ILocalEdit>();
  private _changed = new Signal<this, void>(this);
  private _listChanged = new Signal<this, string>(this);
  private _failed = new Signal<this, string>(this);
  private _removedChanged = new Signal<this, IRemoved | null>(this);
}
