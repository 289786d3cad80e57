/**
 * Types shared by the cards widget modules. A paper is `IPaper` (common/wire.ts), generated
 * from `Paper.to_dict()`: the `papers` trait holds exactly that.
 */

export type { IPaper, ISourceRecord } from '../common/wire';

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

/** anywidget's `experimental.invoke`: call a `@command` of the Python widget, get its answer. */
export type Invoke = (
  name: string,
  msg: unknown,
  options?: { buffers?: DataView[]; signal?: AbortSignal }
) => Promise<[unknown, DataView[]]>;

/** What anywidget passes to `render`. */
export interface IRenderProps {
  model: IAnyModel;
  el: HTMLElement;
  /** Aborted when the view goes away (anywidget ≥ 0.10). */
  signal?: AbortSignal;
  experimental?: { invoke?: Invoke };
}

/**
 * The cards widget asks the lab extension to insert a cell with this bubbling, cancelable DOM
 * event; the extension calls `preventDefault()` when it did (widget/bridge.ts).
 */
export const INSERT_CELL_EVENT = 'paperlab:insert-cell';

export type InsertKind = 'markdown' | 'code';

export interface IInsertCellDetail {
  /** The cell's source: the paper's markdown card, or the code that loads it (`kind: 'code'`). */
  markdown: string;
  /** The kind of cell (default: markdown). */
  kind?: InsertKind;
  paper?: unknown;
}
