/**
 * Shared types and ids of the paperlab labextension.
 *
 * `IPaper` is `Paper.to_dict()` in paperlab/paper.py, generated into common/wire.ts: the one
 * JSON shape of a paper, used in REST bodies, notebook metadata and drag data (`PAPER_MIME`).
 */

import type { IPaper } from './common/wire';

/** MIME type of a paper's JSON (paperlab.paper.MIME_TYPE). */
export const PAPER_MIME = 'application/vnd.paperlab.paper+json';

/** Id of the plugin and of its settings (schema/plugin.json). */
export const PLUGIN_ID = 'jupyterlab-paperlab:plugin';

/** Id of the side panel widget (also its tab's data-id). */
export const PANEL_ID = 'paperlab-reading-list';

/** Command ids. */
export namespace CommandIDs {
  export const togglePanel = 'paperlab:toggle-panel';
  export const refresh = 'paperlab:refresh';
  export const addPaper = 'paperlab:add-paper';
  export const newList = 'paperlab:new-list';
  export const exportBibtex = 'paperlab:export-bibtex';
  export const exportCsl = 'paperlab:export-csl';
  export const exportMarkdown = 'paperlab:export-markdown';
  export const insertPaper = 'paperlab:insert-paper';
}

// The paper wire type is generated from the Python model (common/wire.ts); re-exported here
// for the modules of the lab extension.
export type { IPaper, ISourceRecord } from './common/wire';

/** Reading status of an entry (paperlab.store.STATUSES). */
export type Status = 'to-read' | 'reading' | 'read';

export const STATUSES: Status[] = ['to-read', 'reading', 'read'];

/** One paper in a reading list (the `Entry` schema of openapi.yaml). */
export interface IEntry {
  paper: IPaper;
  position: number;
  status: Status;
  tags: string[];
  note: string | null;
  added: string;
  updated: string;
  /** Who added the entry (Jupyter user, PAPERLAB_USER or OS user); null when not recorded. */
  added_by?: string | null;
  /** Who last changed the entry; null when not recorded. */
  updated_by?: string | null;
  /** Who added and who last changed it, worded by the server for display ("Added by ada · changed by bob"). */
  provenance?: string;
}

/** A reading list with its size and status counts. */
export interface IListSummary {
  name: string;
  size: number;
  counts: { [K in Status]: number };
}

export interface ILists {
  lists: IListSummary[];
  revision: number;
  /** With `lists?entries=NAME`: that list's entries, or the first list's when it is gone; null when there is none. */
  shown: IListDetail | null;
}

export interface IListDetail {
  name: string;
  revision: number;
  entries: IEntry[];
}

export interface IPaperDetail {
  paper: IPaper;
  markdown: string;
  /** The code cell that loads the paper (`paperlab.paper("REF")`, REF its arXiv id, DOI or citation key). */
  code: string;
}

/** Changes accepted by PATCH .../entries/{id} (the `UpdateEntry` schema). */
export interface IEntryUpdate {
  status?: Status;
  tags?: string[];
  add_tags?: string[];
  remove_tags?: string[];
  note?: string | null;
  position?: number;
}

/** Body of POST .../entries (the `AddEntry` schema). */
export interface IAddEntry {
  ref?: string;
  paper?: Partial<IPaper>;
  status?: Status;
  tags?: string[];
  note?: string | null;
  position?: number;
}

export type ExportFormat = 'bibtex' | 'csl' | 'markdown';

/** One record of an imported file that was skipped (or kept without a field that could not be read). */
export interface IImportProblem {
  where: string;
  message: string;
  skipped: boolean;
}

/** The answer of `POST lists/{name}/import?filename=FILE` (openapi.yaml `ImportResult`). */
export interface IImportResult {
  list: string;
  file: string;
  read_as: string;
  read: number;
  added: number;
  already: number;
  skipped: IImportProblem[];
  warnings: string[];
  message: string;
}

export type InsertFormat = 'markdown' | 'code';

/** The panel's settings (schema/plugin.json). */
export interface ISettings {
  defaultList: string;
  insertFormat: InsertFormat;
  pollInterval: number;
}
