/**
 * The feed part of the cards (`paperlab.widget.FeedCards`, how `paperlab.feed()` shows in a notebook):
 * a bar naming the day and the papers rated down and left out of today's list (each with Undo), why
 * each card is there and its thumbs. A thumb is a kernel call: the kernel stores it (the same store
 * table the side panel uses), re-ranks the feed and sends the new order (the `papers`, `thumbs`,
 * `reasons` and `feed_info` traits); the status line says where the paper went, and the focus
 * follows it (or stays at its place when it left the list).
 *
 * Paper text only goes into the page through textContent (`h`, `button`).
 */

import { button, h } from '../common/dom';
import { IThumbAnswer, KernelClient } from './rpc';
import { IAnyModel, IPaper } from './types';

/** What the feed part needs of the cards view. */
export interface IFeedHost {
  readonly client: KernelClient;
  readonly root: HTMLElement;
  status(text: string, error?: boolean): void;
  /**
   * Focus (and scroll to) a paper's card, on its thumb button `thumb` when given; with `id` null
   * (the paper left the list), the card now at `position`.
   */
  focusPaper(id: string | null, position: number, thumb?: number): void;
}

interface IHidden {
  id: string;
  title: string;
}

/** The `feed_info` trait. */
interface IFeedInfo {
  day: string;
  hidden?: IHidden[];
  ranked?: number;
  /** What was ranked, in words (`Feed.summary`): "20 new papers ranked for you", "20 of your papers ranked for you". */
  summary?: string;
  hide_disliked?: boolean;
  /** What the last thumb did to the other papers ("2 other papers moved down; …"), "" if nothing. */
  moved?: string;
  /** Which sources were unreachable and what to do instead (`Feed.problem`), "" if none failed. */
  problem?: string;
  /** Why the papers are in this order when none has a reason (`Feed.note`: nothing saved yet), said once. */
  note?: string;
}

/** What a card of the feed shows besides the paper. */
export interface IFeedCardState {
  reason: string;
  thumb: number;
  hides: boolean;
}

export class FeedPart {
  readonly bar: HTMLDivElement;

  constructor(
    private readonly model: IAnyModel,
    private readonly host: IFeedHost
  ) {
    this.bar = h('div', 'plc-feedbar');
    this.bar.setAttribute('role', 'group');
    this.bar.setAttribute('aria-label', 'Feed');
    this.load();
  }

  /** True for the cards of a feed (the kernel sent `feed_info`). */
  get active(): boolean {
    return this.info() !== null;
  }

  /** Why a paper is in the feed and its thumb; undefined for cards that are no feed. */
  cardState(id: string): IFeedCardState | undefined {
    const info = this.info();
    if (!info) {
      return undefined;
    }
    const reasons = (this.model.get('reasons') ?? {}) as Record<string, string>;
    const thumbs = (this.model.get('thumbs') ?? {}) as Record<string, number>;
    return {
      reason: typeof reasons[id] === 'string' ? reasons[id] : '',
      thumb: Number(thumbs[id]) || 0,
      hides: info.hide_disliked !== false
    };
  }

  /**
   * Draw the bar: the day, how many papers were ranked, the papers left out with Undo, and what the last
   * thumb did to the other papers.
   */
  load(): void {
    const info = this.info();
    this.bar.hidden = info === null;
    if (!info) {
      this.bar.replaceChildren();
      return;
    }
    const n = Number(info.ranked) || 0;
    const ranked = info.summary || `${n} ranked for you`;
    const parts: Node[] = [
      h('span', 'plc-feed-day', `Morning feed ${info.day}`)
    ];
    if (n > 0) {
      // no thumb to give on an empty feed: its problem (offline) says what happened instead
      parts.push(
        h(
          'span',
          'plc-feed-note',
          `${ranked}; thumbs re-rank at once and are remembered`
        )
      );
    } else if (!info.problem) {
      parts.push(h('span', 'plc-feed-note', ranked));
    }
    if (info.note && n > 0) {
      parts.push(h('span', 'plc-feed-note plc-feed-unpersonal', info.note)); // once, not on every card
    }
    if (info.problem) {
      // offline: say so and how to rank one's own papers, rather than a bare "0 new papers"
      const problem = h(
        'span',
        'plc-feed-note plc-feed-moved plc-feed-problem',
        info.problem
      );
      problem.setAttribute('role', 'status');
      parts.push(problem);
    }
    const hidden = info.hidden ?? [];
    if (hidden.length) {
      const list = h('span', 'plc-feed-hidden');
      list.append(h('span', 'plc-feed-note', 'Hidden (less like this):'));
      for (const item of hidden) {
        const chip = h('span', 'plc-hidden-item');
        chip.dataset.id = item.id;
        const title = h('span', 'plc-hidden-title', item.title);
        title.title = item.title;
        const undo = button(
          'Undo',
          `Undo: bring back “${item.title}” (clear the thumb down)`,
          () => void this.rate(item.id, item.title, 0),
          { className: 'plc-undo', labelled: true }
        );
        chip.append(title, undo);
        list.append(chip);
      }
      parts.push(list);
    }
    if (info.moved) {
      // a re-rank never moves or drops unrated papers unsaid
      const moved = h(
        'span',
        'plc-feed-note plc-feed-moved',
        `Your last thumb: ${info.moved}.`
      );
      moved.setAttribute('role', 'status');
      parts.push(moved);
    }
    this.bar.replaceChildren(...parts);
  }

  /**
   * Thumb a card's paper: 1 more like this, -1 less like this, 0 clear. A thumb pressed while the kernel is still
   * re-ranking for the last one waits its turn (before, it was dropped without a word: a researcher thumbing down
   * two papers in a row kept only the first).
   */
  rateCard(p: IPaper, value: number, btn: HTMLButtonElement): void {
    // pressed at once; the kernel's answer redraws the card in its new place
    const group = btn.parentElement?.querySelectorAll('.plc-thumb') ?? [];
    for (const other of Array.from(group)) {
      other.setAttribute('aria-pressed', String(other === btn && value !== 0));
    }
    void this.rate(
      p.id,
      p.title_text ?? p.title,
      value,
      Number(btn.dataset.thumb)
    );
  }

  private async rate(
    id: string,
    title: string,
    value: number,
    pressedButton?: number
  ): Promise<void> {
    if (this.busy) {
      // one thumb at a time (the next one needs the new order): this one is saved next, the latest per paper
      this.waiting = [
        ...this.waiting.filter(w => w.id !== id),
        { id, title, value, pressedButton }
      ];
      const n = this.waiting.length;
      this.host.status(
        `Saving your thumb on “${this.saving}” and re-ranking… then ${n === 1 ? `the thumb on “${title}”` : `${n} more thumbs`}.`
      );
      return;
    }
    this.busy = true;
    this.saving = title;
    this.host.root.setAttribute('aria-busy', 'true');
    this.host.status(`Saving your thumb on “${title}” and re-ranking…`);
    const reply = await this.host.client.thumb(id, value);
    this.host.root.removeAttribute('aria-busy');
    this.busy = false;
    if (reply.ok) {
      await this.newOrder(reply);
      this.host.status(rerankedText(title, reply));
    } else {
      this.host.status(`Could not save the thumb: ${reply.error}`, true);
    }
    const next = this.waiting.shift();
    if (next) {
      // the focus stays where the user is: only the last thumb's answer moves it
      void this.rate(next.id, next.title, next.value, next.pressedButton);
      return;
    }
    if (!reply.ok) {
      return;
    }
    const shown = reply.after ?? null;
    this.host.focusPaper(
      shown === null ? null : reply.id,
      shown ?? reply.before ?? 0,
      shown === null ? undefined : pressedButton
    );
  }

  /**
   * Wait until the cards show the kernel's new order: the command's answer can arrive before the
   * trait changes that came with it are applied.
   */
  private newOrder(reply: IThumbAnswer): Promise<void> {
    const applied = (): boolean => {
      const ids = ((this.model.get('papers') ?? []) as IPaper[]).map(p => p.id);
      const at = reply.after ?? null;
      return at === null ? !ids.includes(reply.id) : ids[at] === reply.id;
    };
    return new Promise(resolve => {
      const done = (): void => {
        this.model.off('change:papers', check);
        clearTimeout(timer);
        requestAnimationFrame(() => resolve());
      };
      const check = (): void => {
        if (applied()) {
          done();
        }
      };
      const timer = window.setTimeout(done, 3000);
      this.model.on('change:papers', check);
      check();
    });
  }

  private info(): IFeedInfo | null {
    const info = this.model.get('feed_info') as IFeedInfo | undefined;
    return info && typeof info.day === 'string' ? info : null;
  }

  private busy = false;
  /** The title of the paper whose thumb the kernel is saving. */
  private saving = '';
  /** Thumbs pressed while another was being saved, in order. */
  private waiting: {
    id: string;
    title: string;
    value: number;
    pressedButton?: number;
  }[] = [];
}

/** "Re-ranked: more like “T” — it moved from 3 to 1." (positions counted from 1). */
export function rerankedText(title: string, reply: IThumbAnswer): string {
  const from = reply.before ?? null;
  const to = reply.after ?? null;
  const words: Record<number, string> = {
    1: `more like “${title}”`,
    [-1]: `less like “${title}”`,
    0: `thumb on “${title}” cleared`
  };
  let where: string;
  if (to === null) {
    where = reply.hidden
      ? 'it left today’s list (Undo brings it back)'
      : 'it is no longer among today’s papers';
  } else if (from === null) {
    where = `it is back, at ${to + 1}`;
  } else if (from === to) {
    where = `it stays at ${to + 1}`;
  } else {
    where = `it moved from ${from + 1} to ${to + 1}`;
  }
  return `Re-ranked: ${words[reply.thumb] ?? ''} — ${where}.`;
}
