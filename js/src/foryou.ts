/**
 * The panel's "For you" section: today's feed (new arXiv and Hugging Face papers ranked by the reading lists),
 * each paper with why it is there and thumbs up/down that re-rank the feed at once (stored by the server).
 *
 * Paper text only goes into the page through textContent (`h`); links only for http(s) URLs (`link`).
 */

import { ISignal } from '@lumino/signaling';

import { button, h, link } from './common/dom';
import { absUrl, byline } from './common/paper';
import { IPaper } from './common/wire';
import { feedProblem, feedProblemBrief } from './paneltext';
import { requestAPI } from './request';
import { IAddEntry } from './tokens';

/** The reading list a pick's "+" adds it to: the panel's current list (its model). */
export interface IPickList {
  readonly listName: string;
  readonly entries: ReadonlyArray<{ paper: { id: string } }>;
  readonly changed: ISignal<any, void>;
  add(body: IAddEntry): Promise<unknown>;
}

/** One ranked paper of the feed (the server's `Feed.items`). */
export interface IFeedItem {
  paper: IPaper;
  score: number;
  why_text: string;
  thumb: number;
}

/** The picks' shorter looks, for less room: two lines for the title and one for the why; one line per pick. */
const PICK_LOOKS = ['paperlab-foryou-short', 'paperlab-foryou-compact'];

/** Today's feed as the server answers it (`GET /paperlab/api/feed`). */
export interface IFeed {
  day: string;
  items: IFeedItem[];
  failed: string[];
  hidden: number;
  muted: number;
  /** Every source was unreachable: the items are the user's own stored papers, ranked by the lists. */
  from_library?: boolean;
  /** Why the picks are in this order when none has a reason of its own (no saved papers), said once. */
  note?: string;
}

/** A feed shown longer than this is fetched again when the section is opened (thumbs given in a notebook,
 * a new day, an edited interest profile). */
export const FEED_STALE_MS = 10 * 60 * 1000;

/** The collapsible "For you" section: the feed is loaded when the section is opened (again when what it
 * shows is older than {@link FEED_STALE_MS} or from another day), and on "Refresh". */
export class ForYouSection {
  /** `list`: where a pick's "+" adds it (none: no "+"). */
  constructor(list?: IPickList) {
    this._pickList = list ?? null;
    list?.changed.connect(() => this._markListed(), this);
    this.node = h('details', 'paperlab-foryou');
    const summary = h('summary', 'paperlab-foryou-title', 'For you');
    this._status = h('div', 'paperlab-foryou-status');
    this._status.setAttribute('role', 'status');
    this._refresh = button(
      'Refresh',
      'Fetch and rank today’s papers again (picks up thumbs given in notebooks)',
      () => void this.load(true),
      { className: 'paperlab-foryou-refresh' }
    );
    this._bar = h('div', 'paperlab-foryou-bar');
    this._bar.append(this._status, this._refresh);
    this._problem = h('div', 'paperlab-foryou-problem');
    this._problem.hidden = true;
    this._list = h('ol', 'paperlab-foryou-list');
    this.node.append(summary, this._bar, this._problem, this._list);
    this.node.addEventListener('toggle', () => {
      if ((this.node as HTMLDetailsElement).open && this._stale()) {
        void this.load();
      }
      this._fit();
    });
  }

  readonly node: HTMLElement;

  /** Ask the server for today's feed and show it; `refresh` (Refresh, Retry): have the server ask arXiv and
   * Hugging Face again instead of answering the feed it built earlier today. */
  async load(refresh = false): Promise<void> {
    this._loadedAt = Date.now();
    this._refresh.disabled = true;
    this._status.textContent = 'Ranking today’s papers…';
    this._bar.hidden = false;
    this._refresh.hidden = !this._problem.hidden; // Retry (on the problem line) is the one button meanwhile
    try {
      this.render(await requestAPI<IFeed>(refresh ? 'feed?refresh=1' : 'feed'));
    } catch (error: any) {
      this._loadedAt = 0;
      this._status.textContent = `Could not load the feed: ${error?.message ?? error}`;
    } finally {
      this._refresh.disabled = false;
      this._refresh.hidden = false;
    }
  }

  /** Whether opening the section should fetch the feed: never loaded (or failed), old, or of another day. */
  private _stale(): boolean {
    const now = Date.now();
    return (
      !this._loadedAt ||
      now - this._loadedAt > FEED_STALE_MS ||
      new Date(now).toDateString() !== new Date(this._loadedAt).toDateString()
    );
  }

  /** Store a thumb (1 up, -1 down, 0 clear) and show the re-ranked feed. */
  async rate(paperId: string, thumb: number): Promise<void> {
    try {
      const feed = await requestAPI<IFeed>('feed/thumbs', {
        method: 'POST',
        body: JSON.stringify({ paper_id: paperId, thumb })
      });
      this.render(feed);
    } catch (error: any) {
      this._status.textContent = `Could not save the thumb: ${error?.message ?? error}`;
      this._bar.hidden = false;
    }
  }

  /** Draw the feed. */
  render(feed: IFeed): void {
    const n = feed.items.length;
    const notes = [
      feed.from_library
        ? n
          ? `${n} paper${n === 1 ? '' : 's'} from your library (offline)`
          : 'Offline: nothing new to rank'
        : `${n} new papers on ${feed.day}`
    ];
    if (feed.hidden) {
      notes.push(`${feed.hidden} shown before`);
    }
    if (feed.note) {
      notes.push('not personalised yet'); // the whole note in the tooltip: once, not under every pick
    }
    this._status.textContent = notes.join(' · ');
    this._status.title = feed.note ?? '';
    // a source failed: its one line (with Retry) says what is shown; the status and Refresh would repeat it
    const problem = this._showProblem(feed, feed.hidden ? notes[1] : '');
    this._bar.hidden = problem;
    this.node.classList.toggle(
      'paperlab-foryou-from-library',
      !!feed.from_library
    );
    this._list.replaceChildren(...feed.items.map(item => this._item(item)));
    this._list.scrollTop = 0; // a new ranking starts at its first pick
    this._fit();
  }

  /**
   * Size the picks' scroll area to whole picks (the panel gives the section its room; what is left under a whole
   * pick goes back to the reading list): at rest no pick is drawn cut. When fewer than two whole picks fit, the
   * picks go compact (one line each, the byline and why in the row's tooltip) and the problem line one line.
   * Run on every draw and whenever the section or the sections around it change size.
   */
  private _fit(): void {
    const node = this.node as HTMLDetailsElement;
    const list = this._list;
    if (!node.isConnected) {
      return;
    }
    if (!this._watching && node.parentElement) {
      this._watching = true;
      this._resize.observe(node);
      this._resize.observe(node.parentElement);
      // a theme switch reloads the page's CSS: a fit made mid-switch (no room, picks unstyled) is made again once
      // the theme is on, though the section's own size may not change (the picks were left at max-height 0)
      this._themeWatch.observe(document.body, {
        attributes: true,
        attributeFilter: ['data-jp-theme-light', 'data-jp-theme-name']
      });
    }
    const items = Array.from(list.children) as HTMLElement[];
    if (items[0] !== this._firstPick) {
      // a pick's own size changes with the page's fonts and styles (a theme's CSS arriving): fit again then
      if (this._firstPick) {
        this._resize.unobserve(this._firstPick);
      }
      this._firstPick = items[0] ?? null;
      if (this._firstPick) {
        this._resize.observe(this._firstPick);
      }
    }
    // the pick at the top of the scroll area stays there (the user scrolled to it)
    const scrolled = list.scrollTop;
    const start = Math.max(
      0,
      items.findIndex(it => it.offsetTop - items[0].offsetTop >= scrolled - 0.5)
    );
    list.style.removeProperty('max-height');
    node.classList.remove(...PICK_LOOKS);
    if (!node.open || !items.length) {
      return;
    }
    // whole picks: three as they are, else two with the title on two lines and the why on one, else one line each
    let ends = fitPicks(node, list, items, start);
    for (const [look, enough] of [
      [PICK_LOOKS[0], 3],
      [PICK_LOOKS[1], 2]
    ] as const) {
      if (ends.whole >= Math.min(enough, items.length)) {
        break;
      }
      node.classList.remove(...PICK_LOOKS);
      node.classList.add(look);
      ends = fitPicks(node, list, items, start);
    }
    list.style.maxHeight = `${Math.max(ends.height, 0)}px`;
    list.scrollTop = ends.top;
  }

  /** Failed sources: one line (`more` added to it), a Retry button, and the full messages behind "Details";
   * whether there is such a line. */
  private _showProblem(feed: IFeed, more: string): boolean {
    const line = feedProblem(feed.failed, feed.items.length, feed.from_library);
    this._problem.hidden = !line;
    if (!line) {
      this._problem.replaceChildren();
      return false;
    }
    const retry = button(
      'Retry',
      'Fetch today’s papers again',
      () => {
        retry.disabled = true;
        void this.load(true);
      },
      { className: 'paperlab-foryou-retry' }
    );
    const details = h('details', 'paperlab-foryou-details');
    const messages = h('ul');
    messages.append(...feed.failed.map(m => h('li', undefined, m)));
    details.append(h('summary', undefined, 'Details'), messages);
    details.addEventListener('toggle', () => this._fit());
    const head = h('div', 'paperlab-foryou-problem-line');
    const text = h('span', 'paperlab-foryou-problem-text', line);
    // the brief form when For you is squeezed (CSS shows one of the two), the whole line in its tooltip
    const brief = h(
      'span',
      'paperlab-foryou-problem-brief',
      feedProblemBrief(feed.failed, feed.items.length, feed.from_library)
    );
    text.title = brief.title = more ? `${line} · ${more}` : line;
    head.append(
      text,
      brief,
      ...(more ? [h('span', 'paperlab-foryou-problem-more', `· ${more}`)] : []),
      retry,
      details // "Details" on the line; opened, its messages take the lines below
    );
    this._problem.replaceChildren(head);
    return true;
  }

  private _item(item: IFeedItem): HTMLElement {
    const p = item.paper;
    const li = h('li', 'paperlab-foryou-item');
    li.dataset.paperId = p.id;
    const text = p.title_text ?? p.title;
    const title = link(text, absUrl(p), 'paperlab-foryou-paper');
    const who = h('div', 'paperlab-foryou-byline', byline(p));
    const why = h('div', 'paperlab-foryou-why', item.why_text);
    li.title = [text, byline(p), item.why_text].filter(Boolean).join('\n'); // all of it when the pick is compact
    const thumbs = h('div', 'paperlab-foryou-thumbs');
    for (const [value, symbol, label] of [
      [1, '▲', 'More like this'],
      [-1, '▼', 'Less like this']
    ] as const) {
      const pressed = item.thumb === value;
      const b = button(
        symbol,
        label,
        () => void this.rate(p.id, pressed ? 0 : value),
        {
          className: 'paperlab-foryou-thumb',
          labelled: true
        }
      );
      b.setAttribute('aria-pressed', String(pressed));
      thumbs.append(b);
    }
    if (this._pickList) {
      const add = button('+', '', () => void this._addPick(item, add), {
        className: 'paperlab-foryou-thumb paperlab-foryou-add'
      });
      thumbs.append(add);
    }
    li.append(title, thumbs, who); // the thumbs float at the right of the byline
    if (item.why_text) {
      li.append(why); // a pick of a feed not personalised has none (the status says why, once)
    }
    this._markPick(li);
    return li;
  }

  /** "+": add the pick to the panel's current reading list (the paper itself: a feed's paper may not be stored). */
  private async _addPick(
    item: IFeedItem,
    add: HTMLButtonElement
  ): Promise<void> {
    if (!this._pickList) {
      return;
    }
    add.disabled = true;
    await this._pickList.add({ paper: item.paper });
    this._markListed();
  }

  /** Each pick's "+" says whether the pick is on the current list already (a check, disabled) or not. */
  private _markListed(): void {
    for (const li of Array.from(this._list.children) as HTMLElement[]) {
      this._markPick(li);
    }
  }

  private _markPick(li: HTMLElement): void {
    const add = li.querySelector<HTMLButtonElement>('.paperlab-foryou-add');
    const list = this._pickList;
    if (!add || !list) {
      return;
    }
    const listed = list.entries.some(e => e.paper.id === li.dataset.paperId);
    add.textContent = listed ? '✓' : '+';
    add.disabled = listed;
    add.title = listed
      ? `In the reading list “${list.listName}”`
      : `Add to the reading list “${list.listName}”`;
    add.setAttribute('aria-label', add.title);
  }

  private _watching = false;
  /** Refits in the next frame (fitting changes sizes: never inside the observer's own delivery). */
  private _queueFit(): void {
    if (!this._fitQueued) {
      this._fitQueued = true;
      requestAnimationFrame(() => {
        this._fitQueued = false;
        this._fit();
      });
    }
  }
  private _resize = new ResizeObserver(() => this._queueFit());
  private _themeWatch = new MutationObserver(() => this._queueFit());
  /** The first pick, watched for size changes (see `_fit`). */
  private _firstPick: HTMLElement | null = null;
  private _fitQueued = false;
  private _status: HTMLElement;
  private _bar: HTMLElement;
  private _problem: HTMLElement;
  private _list: HTMLElement;
  private _refresh: HTMLButtonElement;
  private _pickList: IPickList | null;
  /** When the feed shown was asked for (ms since the epoch); 0: not loaded. */
  private _loadedAt = 0;
}

/**
 * How many of `items` (the picks, tiling the list `list` from its top) fit whole in the room the section `node`
 * leaves under the top of `list`, counting from the pick `start` (and back from it when the last picks leave room):
 * the height of the scroll area ending under the last of them (the room itself when not even one fits), and the
 * scroll offset showing the first of them at the top.
 */
function fitPicks(
  node: HTMLElement,
  list: HTMLElement,
  items: HTMLElement[],
  start: number
): { whole: number; height: number; top: number } {
  const origin = items[0].getBoundingClientRect().top;
  const pad = parseFloat(getComputedStyle(node).paddingBottom) || 0;
  const room =
    node.getBoundingClientRect().bottom -
    pad -
    list.getBoundingClientRect().top;
  const edges = items.map(it => {
    const r = it.getBoundingClientRect();
    return [r.top - origin, r.bottom - origin];
  });
  let first = start;
  let last = start - 1; // the picks first..last fit
  while (
    last + 1 < items.length &&
    edges[last + 1][1] - edges[first][0] <= room + 0.5
  ) {
    last += 1;
  }
  while (first > 0 && edges[last][1] - edges[first - 1][0] <= room + 0.5) {
    first -= 1;
  }
  const whole = last - first + 1;
  const height = whole > 0 ? edges[last][1] - edges[first][0] : room;
  return {
    whole,
    height: Math.round(height),
    top: Math.round(edges[first][0])
  };
}
