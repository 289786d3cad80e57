/**
 * The cards' calls into the kernel: anywidget commands (`experimental.invoke` here,
 * `@anywidget.experimental.command` methods of `paperlab.widget.PaperCards` there).
 * anywidget pairs each answer with its call; the kernel answers every call, errors included,
 * as `{ok: false, error}`.
 */

import { Invoke } from './types';

export type Answer<T> = ({ ok: true } & T) | { ok: false; error: string };

export interface ISearchAnswer {
  n: number;
  query?: string;
  mode?: string;
  /** No hit passed the cut-off; this many papers hold every word of the query (the filter shows them). */
  holding?: number;
  /** What the status line says of those papers (the kernel's wording, `search_note`). */
  note?: string;
  /** Answered while the library was being embedded: {done, total, rest} (see `search_partial`); empty when not. */
  embedded?: { done?: number; total?: number; rest?: string };
  /** A newer search was asked for meanwhile: this answer changed nothing. */
  stale?: boolean;
  /** How many of the k best hits scored under the relevance cut-off (the `search_weaker` trait's `n`). */
  below?: number;
  /** Those hits are among the `n` shown, after the others (asked with `weaker`); else they were left out. */
  weaker?: boolean;
}

export interface IListAnswer {
  id: string;
  listed: boolean;
  list: string;
}

export interface IRenderAnswer {
  id: string;
  format: string;
  text: string;
}

/** A stored thumb; in a feed, where the paper went (positions from 0; null: not shown). */
export interface IThumbAnswer {
  id: string;
  thumb: number;
  before?: number | null;
  after?: number | null;
  hidden?: boolean;
}

export type RenderFormat = 'markdown' | 'bibtex' | 'code';

/** Names of the Python commands (methods of `PaperCards`). */
export const COMMANDS = {
  search: '_cmd_search',
  leave: '_cmd_leave',
  list: '_cmd_list',
  lists: '_cmd_lists',
  render: '_cmd_render',
  thumb: '_cmd_thumb'
} as const;

export class KernelClient {
  /**
   * @param invoke - anywidget's `experimental.invoke` (missing in hosts without commands)
   * @param signal - aborts the calls still waiting when the view goes away
   */
  constructor(
    private readonly invoke: Invoke | undefined,
    private readonly signal?: AbortSignal
  ) {}

  /**
   * Search the cards' papers in the kernel; the kernel sets the `scores` and `query` traits. `weaker`: also the
   * hits under the relevance cut-off (listed after the others, with their lower scores).
   */
  search(
    query: string,
    mode: string,
    k: number,
    weaker = false
  ): Promise<Answer<ISearchAnswer>> {
    return this.call(COMMANDS.search, { query, mode, k, weaker });
  }

  /**
   * Leave the kernel ranking (typing again, ✕): the kernel clears `scores`, `query` and `holding` and drops the
   * refine of a partial search. A command, in order with the searches (a trait change may be sent late).
   */
  leave(): Promise<Answer<ISearchAnswer>> {
    return this.call(COMMANDS.leave, {});
  }

  /** Add a paper to, or remove it from, the widget's reading list in the store. */
  changeList(
    action: 'add' | 'remove',
    id: string
  ): Promise<Answer<IListAnswer>> {
    return this.call(COMMANDS.list, { action, id });
  }

  /** Have the kernel read the store's reading lists again (it sets the `reading_lists` trait): a list made in
   * the side panel after the cards were shown. */
  lists(): Promise<Answer<{ lists: string[]; list: string }>> {
    return this.call(COMMANDS.lists, {});
  }

  /** A paper as markdown card, BibTeX or Python code. */
  render(id: string, format: RenderFormat): Promise<Answer<IRenderAnswer>> {
    return this.call(COMMANDS.render, { id, format });
  }

  /** Store a thumb for the feed (1 more like this, -1 less like this, 0 clear); a feed re-ranks. */
  thumb(id: string, thumb: number): Promise<Answer<IThumbAnswer>> {
    return this.call(COMMANDS.thumb, { id, thumb });
  }

  private async call<T>(name: string, msg: unknown): Promise<Answer<T>> {
    if (!this.invoke) {
      return {
        ok: false,
        error:
          'this notebook front end cannot call the kernel (anywidget ≥ 0.10 needed)'
      };
    }
    try {
      const [response] = await this.invoke(name, msg, { signal: this.signal });
      if (response && typeof response === 'object' && 'ok' in response) {
        return response as Answer<T>;
      }
      return {
        ok: false,
        error: `unexpected answer from the kernel: ${JSON.stringify(response)}`
      };
    } catch (error) {
      return {
        ok: false,
        error: error instanceof Error ? error.message : String(error)
      };
    }
  }
}
