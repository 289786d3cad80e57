/**
 * Types shared by the cards widget modules.
 *
 * `IPaperDict` is the wire format `Paper.to_dict()` (mirrored for the lab extension in
 * `js/src/tokens.ts`); only the fields the cards read are typed here.
 */

export interface ISourceRecordDict {
  name: string;
  location?: string;
  retrieved?: string;
  record?: string | null;
}

export interface IPaperDict {
  id: string;
  title: string;
  arxiv_id?: string | null;
  authors?: string[];
  n_authors?: number | null;
  organization?: string | null;
  abstract?: string | null;
  published?: string | null;
  categories?: string[];
  primary_category?: string | null;
  comment?: string | null;
  journal_ref?: string | null;
  doi?: string | null;
  url?: string | null;
  pdf_url?: string | null;
  code_url?: string | null;
  project_url?: string | null;
  upvotes?: number | null;
  github_stars?: number | null;
  ai_summary?: string | null;
  keywords?: string[];
  tags?: string[];
  sources?: ISourceRecordDict[];
}

/** The part of anywidget's model API the cards use. */
export interface IAnyModel {
  get(name: string): any;
  set(name: string, value: unknown): void;
  save_changes(): void;
  on(event: string, callback: (...args: any[]) => void): void;
  off(
    event?: string | null,
    callback?: ((...args: any[]) => void) | null
  ): void;
  send(content: unknown, callbacks?: unknown, buffers?: unknown[]): void;
}

/** A reply of `PaperCards.handle_message` in the kernel. */
export interface IKernelReply {
  type: 'reply';
  request: number | null;
  ok: boolean;
  error?: string;
  text?: string;
  n?: number;
  [key: string]: unknown;
}
