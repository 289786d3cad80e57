/**
 * The anywidget front end of `paperlab.widget.PaperCards` (bundled to paperlab/static/cards.js).
 *
 * - A virtual list: only the cards in (and just around) the viewport exist in the DOM, so
 *   10,000 papers scroll and filter smoothly.
 * - Typing filters instantly in the browser; Enter (or the Search button) asks the kernel for
 *   a semantic/hybrid search and shows the hits ranked by score.
 * - Reading-list writes and BibTeX/markdown renderings are custom-message requests answered by
 *   `PaperCards.handle_message` in the kernel.
 * - Paper text is only ever set with `textContent`; links are made only for http(s) URLs.
 *
 * Performance marks: `paperlab-cards:render` (first paint) and `paperlab-cards:filter`
 * (keystroke to repaint) are recorded with `performance.measure` for the benchmark.
 */

import {
  ActiveFacets,
  absUrl,
  buildEntries,
  byline,
  emptyFacets,
  IEntry,
  FACET_KINDS,
  FACET_LABELS,
  FacetKind,
  facetCounts,
  filterEntries,
  queryWords,
  safeUrl,
  scanEntries,
  SortKey,
  sortIndices,
  upperBound
} from './filter';
import { CARD_GAP, CARD_HEIGHT, CSS } from './style';
import { IAnyModel, IKernelReply, IPaperDict } from './types';

const OVERSCAN = 3;

/** A filter scan in progress: `out` holds the matches of `source[0 .. pos)`. */
interface IScanJob {
  words: string[];
  source: number[];
  pos: number;
  out: number[];
}
const SOURCE_LABELS: Record<string, string> = {
  arxiv: 'arXiv',
  hf: 'HF',
  hf_page: 'HF page',
  dailyarxiv: 'DailyArXiv',
  semantic_scholar: 'S2',
  bibtex: 'BibTeX',
  kaggle: 'Kaggle',
  paperlab: 'paperlab'
};

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string | null
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

function button(
  label: string,
  title: string,
  onClick: (ev: MouseEvent) => void
): HTMLButtonElement {
  const b = h('button', undefined, label);
  b.type = 'button';
  b.title = title;
  b.setAttribute('aria-label', title);
  b.addEventListener('click', onClick);
  return b;
}

function link(
  text: string,
  url: string | null,
  className?: string
): HTMLElement {
  const safe = safeUrl(url);
  if (!safe) {
    return h('span', className, text);
  }
  const a = h('a', className, text);
  a.href = safe;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the textarea way (clipboard permission denied, unfocused document)
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

class CardsView {
  readonly root: HTMLDivElement;
  private model: IAnyModel;
  private entries: IEntry[] = [];
  private byId = new Map<string, number>();
  /** Indices into `entries` currently shown, in display order. */
  private visible: number[] = [];
  /** offsets[k] = top of the k-th visible card; offsets[visible.length] = total height. */
  private offsets = new Float64Array(1);
  private expandedHeights = new Map<number, number>();
  private rendered = new Map<number, HTMLElement>();
  private active: ActiveFacets = emptyFacets();
  private sortKey: SortKey = 'relevance';
  private scores: Map<string, number> | null = null;
  private lastWords: string[] = [];
  private lastResult: number[] | null = null;
  private orders = new Map<SortKey, number[]>();
  private scanJob: IScanJob | null = null;
  private scanTimer = 0;
  private complete = true;
  private selected = new Set<string>();
  private listed = new Set<string>();
  private requestId = 0;
  private pending = new Map<number, (reply: IKernelReply) => void>();
  private scrollFrame = 0;
  private disposers: (() => void)[] = [];

  private input!: HTMLInputElement;
  private modeSelect!: HTMLSelectElement;
  private sortSelect!: HTMLSelectElement;
  private countEl!: HTMLSpanElement;
  private rankedEl!: HTMLSpanElement;
  private facetsEl!: HTMLDivElement;
  private viewport!: HTMLDivElement;
  private spacer!: HTMLDivElement;
  private statusEl!: HTMLDivElement;
  private selectionEl!: HTMLSpanElement;

  constructor(model: IAnyModel) {
    this.model = model;
    this.root = h('div', 'plc-root paperlab-cards');
    // keys typed inside the cards are for the cards, not JupyterLab's notebook shortcuts
    this.root.setAttribute('data-lm-suppress-shortcuts', 'true');
    const style = h('style');
    style.textContent = CSS;
    this.root.appendChild(style);
    this.buildToolbar();
    this.facetsEl = h('div', 'plc-facets');
    this.facetsEl.setAttribute('role', 'group');
    this.facetsEl.setAttribute('aria-label', 'Facets');
    this.viewport = h('div', 'plc-viewport');
    this.viewport.setAttribute('role', 'list');
    this.viewport.setAttribute('aria-label', 'Papers');
    this.viewport.tabIndex = -1;
    this.spacer = h('div', 'plc-spacer');
    this.viewport.appendChild(this.spacer);
    this.statusEl = h('div', 'plc-status');
    this.statusEl.setAttribute('role', 'status');
    this.statusEl.setAttribute('aria-live', 'polite');
    this.root.append(this.facetsEl, this.viewport, this.statusEl);

    const onScroll = (): void => {
      if (!this.scrollFrame) {
        this.scrollFrame = requestAnimationFrame(() => {
          this.scrollFrame = 0;
          this.renderWindow();
        });
      }
    };
    this.viewport.addEventListener('scroll', onScroll, { passive: true });
    this.viewport.addEventListener('keydown', ev => this.onKeydown(ev));
    this.root.addEventListener('keydown', ev => {
      if (
        ev.key === '/' &&
        ev.target !== this.input &&
        !(ev.target instanceof HTMLInputElement)
      ) {
        ev.preventDefault();
        this.input.focus();
      }
    });

    this.listen('change:papers', () => this.loadPapers());
    this.listen('change:scores', () => this.loadScores());
    this.listen('change:listed_ids', () => this.loadListed());
    this.listen('change:selected_ids', () => this.loadSelected());
    this.listen('change:height', () => this.applyHeight());
    this.listen(
      'change:search_mode',
      () => (this.modeSelect.value = this.model.get('search_mode'))
    );
    this.listen('msg:custom', (msg: IKernelReply) => {
      if (msg && msg.type === 'reply' && typeof msg.request === 'number') {
        const resolve = this.pending.get(msg.request);
        this.pending.delete(msg.request);
        resolve?.(msg);
      }
    });
  }

  private listen(event: string, callback: (...args: any[]) => void): void {
    this.model.on(event, callback);
    this.disposers.push(() => this.model.off(event, callback));
  }

  dispose(): void {
    if (this.scanTimer) {
      clearTimeout(this.scanTimer);
    }
    this.disposers.forEach(d => d());
    this.disposers = [];
    if (this.scrollFrame) {
      cancelAnimationFrame(this.scrollFrame);
    }
  }

  /** First render, after the root is attached (the viewport needs its size). */
  start(): void {
    performance.mark('paperlab-cards:render-start');
    this.loadListed(false);
    this.loadSelected(false);
    this.loadPapers();
    const query = this.model.get('query') as string;
    if (query) {
      this.input.value = query;
    }
    requestAnimationFrame(() => {
      setTimeout(() => {
        performance.mark('paperlab-cards:render-end');
        performance.measure(
          'paperlab-cards:render',
          'paperlab-cards:render-start',
          'paperlab-cards:render-end'
        );
      }, 0);
    });
  }

  // -- toolbar ------------------------------------------------------------------------------
  private buildToolbar(): void {
    const bar = h('div', 'plc-toolbar');
    this.input = h('input');
    this.input.type = 'search';
    this.input.placeholder =
      'Filter title, abstract, authors… (Enter: search with the kernel)';
    this.input.setAttribute(
      'aria-label',
      'Filter papers; press Enter to search with the kernel'
    );
    this.input.addEventListener('input', () => this.onInput());
    this.input.addEventListener('keydown', ev => {
      if (ev.key === 'Enter') {
        ev.preventDefault();
        void this.kernelSearch();
      } else if (ev.key === 'ArrowDown') {
        ev.preventDefault();
        this.focusCard(0);
      }
    });

    const searchBtn = button(
      'Search',
      'Search with the kernel (semantic/hybrid) and rank by score',
      () => {
        void this.kernelSearch();
      }
    );
    this.modeSelect = h('select');
    this.modeSelect.setAttribute('aria-label', 'Search mode');
    for (const mode of ['hybrid', 'semantic', 'lexical']) {
      const opt = h('option', undefined, mode);
      opt.value = mode;
      this.modeSelect.appendChild(opt);
    }
    this.modeSelect.value = this.model.get('search_mode') ?? 'hybrid';
    this.modeSelect.addEventListener('change', () => {
      this.model.set('search_mode', this.modeSelect.value);
      this.model.save_changes();
    });

    this.sortSelect = h('select');
    this.sortSelect.setAttribute('aria-label', 'Sort by');
    for (const [value, label] of [
      ['relevance', 'Sort: relevance'],
      ['date', 'Sort: newest'],
      ['upvotes', 'Sort: upvotes']
    ]) {
      const opt = h('option', undefined, label);
      opt.value = value;
      this.sortSelect.appendChild(opt);
    }
    this.sortSelect.addEventListener('change', () => {
      this.sortKey = this.sortSelect.value as SortKey;
      this.refilter(false);
    });

    this.rankedEl = h('span', 'plc-ranked');
    this.rankedEl.hidden = true;
    this.selectionEl = h('span', 'plc-selection');
    this.countEl = h('span', 'plc-count');
    this.countEl.setAttribute('aria-live', 'polite');
    const right = h('span', 'plc-right');
    right.append(this.selectionEl, this.countEl);
    bar.append(
      this.input,
      searchBtn,
      this.modeSelect,
      this.sortSelect,
      this.rankedEl,
      right
    );
    this.root.appendChild(bar);
  }

  private applyHeight(): void {
    this.layout();
    this.renderWindow();
  }

  // -- data ---------------------------------------------------------------------------------
  private loadPapers(): void {
    const papers = (this.model.get('papers') as IPaperDict[] | undefined) ?? [];
    this.entries = buildEntries(papers);
    this.byId = new Map(this.entries.map((e, i) => [e.paper.id, i]));
    this.expandedHeights.clear();
    this.orders.clear();
    this.lastResult = null;
    this.lastWords = [];
    this.active = emptyFacets();
    this.buildFacets();
    this.loadScores(false);
    this.refilter(false);
  }

  private loadScores(refilter = true): void {
    const raw =
      (this.model.get('scores') as Record<string, number> | undefined) ?? {};
    const keys = Object.keys(raw);
    this.scores = keys.length > 0 ? new Map(keys.map(k => [k, raw[k]])) : null;
    if (this.scores) {
      this.sortKey = 'relevance';
      this.sortSelect.value = 'relevance';
      const query = (this.model.get('query') as string) || '';
      this.rankedEl.replaceChildren(
        h(
          'span',
          undefined,
          `Ranked by the kernel: “${query}” (${this.model.get('search_mode')})`
        ),
        button('✕', 'Back to all papers', () => this.clearRanking(true))
      );
      this.rankedEl.hidden = false;
    } else {
      this.rankedEl.hidden = true;
      this.rankedEl.replaceChildren();
    }
    if (refilter) {
      this.refilter(false);
    }
  }

  private loadListed(redraw = true): void {
    this.listed = new Set(
      (this.model.get('listed_ids') as string[] | undefined) ?? []
    );
    if (redraw) {
      this.redrawCards();
    }
  }

  private loadSelected(redraw = true): void {
    this.selected = new Set(
      (this.model.get('selected_ids') as string[] | undefined) ?? []
    );
    this.selectionEl.textContent = this.selected.size
      ? `${this.selected.size} selected ·`
      : '';
    if (redraw) {
      this.redrawCards();
    }
  }

  private clearRanking(clearInput: boolean): void {
    if (clearInput) {
      this.input.value = '';
    }
    this.model.set('scores', {});
    this.model.set('query', '');
    this.model.save_changes();
    this.scores = null;
    this.loadScores(false);
    this.refilter(false);
  }

  // -- filtering ----------------------------------------------------------------------------
  private onInput(): void {
    performance.mark('paperlab-cards:filter-start');
    // rAF runs just before the frame's style, layout and paint; a task queued from it runs after them.
    // Registered before refilter() so that this task is queued ahead of the scan that refilter()
    // continues after the paint: the measure ends at the paint, not after the next scan chunk.
    requestAnimationFrame(() => {
      setTimeout(() => {
        performance.mark('paperlab-cards:filter-end');
        performance.measure(
          'paperlab-cards:filter',
          'paperlab-cards:filter-start',
          'paperlab-cards:filter-end'
        );
      }, 0);
    });
    if (this.scores) {
      // typing again leaves the kernel ranking: back to instant filtering
      this.clearRanking(false);
    } else {
      this.refilter(true);
    }
    performance.measure(
      'paperlab-cards:filter-work',
      'paperlab-cards:filter-start'
    );
  }

  /** Indices of all papers in the order of a sort key (computed once per key and paper set). */
  private orderFor(key: SortKey): number[] {
    let order = this.orders.get(key);
    if (!order) {
      const all = this.entries.map((_, i) => i);
      order =
        key === 'relevance' ? all : sortIndices(all, this.entries, key, null);
      this.orders.set(key, order);
    }
    return order;
  }

  /**
   * Recompute the visible list.
   *
   * Without a kernel ranking, papers are scanned in display order and the first screenful of
   * matches is painted right away; the rest of the scan continues in later tasks (`scanJob`).
   * With `incremental`, a query that only adds characters to the previous one scans the
   * previous result instead of all papers.
   */
  private refilter(incremental: boolean): void {
    if (this.scanTimer) {
      clearTimeout(this.scanTimer);
      this.scanTimer = 0;
    }
    this.scanJob = null;
    if (this.scores) {
      const scored = this.scores;
      const indices = filterEntries(this.entries, [], this.active).filter(i =>
        scored.has(this.entries[i].paper.id)
      );
      this.lastResult = null;
      this.lastWords = [];
      this.visible = sortIndices(
        indices,
        this.entries,
        this.sortKey,
        this.scores
      );
      this.complete = true;
    } else {
      const words = queryWords(this.input.value);
      const narrows =
        incremental &&
        this.lastResult !== null &&
        this.lastWords.length > 0 &&
        words.length >= this.lastWords.length &&
        this.lastWords.every((w, k) => words[k].includes(w));
      const source = narrows ? this.lastResult! : this.orderFor(this.sortKey);
      const job: IScanJob = { words, source, pos: 0, out: [] };
      const maxHeight = Number(this.model.get('height')) || 560;
      const firstScreen = Math.ceil(maxHeight / CARD_HEIGHT) + 2 * OVERSCAN + 1;
      job.pos = scanEntries(
        this.entries,
        words,
        this.active,
        source,
        0,
        job.out,
        firstScreen,
        Infinity
      );
      this.visible = job.out.slice();
      this.complete = job.pos >= source.length;
      if (this.complete) {
        this.lastWords = words;
        this.lastResult = job.out;
      } else {
        this.scanJob = job;
        // paint the first screenful first: continue in a task queued after the next frame
        requestAnimationFrame(() => {
          if (this.scanJob === job) {
            this.scanTimer = window.setTimeout(() => this.continueScan(), 0);
          }
        });
      }
    }
    this.updateCount();
    this.layout();
    this.viewport.scrollTop = 0;
    if (!incremental) {
      this.clearRendered();
    }
    // cards still in the window are reused as they are: their content does not depend on the filter
    this.renderWindow();
  }

  /** Scan on for at most a few milliseconds per task, then show the full result. */
  private continueScan(): void {
    this.scanTimer = 0;
    const job = this.scanJob;
    if (!job) {
      return;
    }
    const deadline = performance.now() + 6;
    job.pos = scanEntries(
      this.entries,
      job.words,
      this.active,
      job.source,
      job.pos,
      job.out,
      Infinity,
      deadline
    );
    if (job.pos < job.source.length) {
      this.scanTimer = window.setTimeout(() => this.continueScan(), 0);
      return;
    }
    this.scanJob = null;
    this.complete = true;
    this.lastWords = job.words;
    this.lastResult = job.out;
    this.visible = job.out.slice(); // the first screenful is a prefix: rendered cards stay valid
    this.updateCount();
    this.layout();
    this.renderWindow();
    performance.mark('paperlab-cards:filter-complete-end');
    performance.measure(
      'paperlab-cards:filter-complete',
      'paperlab-cards:filter-start',
      'paperlab-cards:filter-complete-end'
    );
  }

  private updateCount(): void {
    const total = this.entries.length;
    const shown = this.visible.length;
    const noun = (n: number): string => `${n} paper${n === 1 ? '' : 's'}`;
    if (this.scores) {
      this.countEl.textContent = `${shown} result${shown === 1 ? '' : 's'} · ${noun(total)}`;
    } else if (!this.complete) {
      this.countEl.textContent = `${shown}+ of ${noun(total)}`;
    } else {
      this.countEl.textContent =
        shown === total ? noun(total) : `${shown} of ${noun(total)}`;
    }
  }

  private buildFacets(): void {
    const counts = facetCounts(this.entries);
    this.facetsEl.replaceChildren();
    for (const kind of FACET_KINDS) {
      if (counts[kind].length === 0) {
        continue;
      }
      const group = h('span', 'plc-facet-group');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', FACET_LABELS[kind]);
      group.appendChild(h('span', 'plc-facet-label', `${FACET_LABELS[kind]}:`));
      for (const [value, count] of counts[kind]) {
        const label =
          kind === 'source' ? (SOURCE_LABELS[value] ?? value) : value;
        const chip = button(
          `${label} (${count})`,
          `Only papers with ${FACET_LABELS[kind].toLowerCase()} ${label}`,
          () => this.toggleFacet(kind, value, chip)
        );
        chip.classList.add('plc-chip');
        chip.dataset.facet = kind;
        chip.dataset.value = value;
        chip.setAttribute('aria-pressed', 'false');
        group.appendChild(chip);
      }
      this.facetsEl.appendChild(group);
    }
    this.facetsEl.hidden = this.facetsEl.childElementCount === 0;
  }

  private toggleFacet(
    kind: FacetKind,
    value: string,
    chip: HTMLButtonElement
  ): void {
    const set = this.active[kind];
    if (set.has(value)) {
      set.delete(value);
    } else {
      set.add(value);
    }
    chip.setAttribute('aria-pressed', String(set.has(value)));
    this.refilter(false);
  }

  // -- virtual list -------------------------------------------------------------------------
  private heightOf(entryIndex: number): number {
    return this.expandedHeights.get(entryIndex) ?? CARD_HEIGHT;
  }

  private layout(): void {
    const n = this.visible.length;
    this.offsets = new Float64Array(n + 1);
    let y = 0;
    if (this.expandedHeights.size === 0) {
      for (let k = 0; k <= n; k++) {
        this.offsets[k] = k * CARD_HEIGHT;
      }
      y = n * CARD_HEIGHT;
    } else {
      for (let k = 0; k < n; k++) {
        this.offsets[k] = y;
        y += this.heightOf(this.visible[k]);
      }
      this.offsets[n] = y;
    }
    this.spacer.style.height = `${Math.max(y, 1)}px`;
    // a short list gets a short widget (one paper: one card), a long one scrolls
    const maxHeight = Number(this.model.get('height')) || 560;
    this.viewport.style.height = `${Math.min(maxHeight, Math.max(y + CARD_GAP, 80))}px`;
    if (n === 0) {
      const empty = h(
        'div',
        'plc-empty',
        this.entries.length
          ? 'No paper matches. Clear the filter or the facet chips.'
          : 'No papers to show.'
      );
      empty.dataset.empty = '1';
      this.spacer.replaceChildren(empty);
    } else {
      this.spacer.querySelector('[data-empty]')?.remove();
    }
  }

  private clearRendered(): void {
    for (const node of this.rendered.values()) {
      node.remove();
    }
    this.rendered.clear();
  }

  private redrawCards(): void {
    this.clearRendered();
    this.renderWindow();
  }

  private renderWindow(): void {
    const n = this.visible.length;
    if (n === 0) {
      this.clearRendered();
      return;
    }
    const top = this.viewport.scrollTop;
    const height =
      this.viewport.clientHeight || Number(this.model.get('height')) || 560;
    const first = Math.max(0, upperBound(this.offsets, n, top) - 1 - OVERSCAN);
    const last = Math.min(
      n - 1,
      upperBound(this.offsets, n, top + height) + OVERSCAN
    );
    const keep = new Set<number>();
    for (let k = first; k <= last; k++) {
      const idx = this.visible[k];
      keep.add(idx);
      let card = this.rendered.get(idx);
      if (!card) {
        card = this.buildCard(idx);
        this.rendered.set(idx, card);
        this.spacer.appendChild(card);
      }
      card.style.transform = `translateY(${this.offsets[k]}px)`;
      card.dataset.position = String(k);
      card.setAttribute('aria-posinset', String(k + 1));
      card.setAttribute('aria-setsize', String(n));
    }
    for (const [idx, node] of this.rendered) {
      if (!keep.has(idx)) {
        node.remove();
        this.rendered.delete(idx);
      }
    }
  }

  // -- cards --------------------------------------------------------------------------------
  private buildCard(idx: number): HTMLElement {
    const p = this.entries[idx].paper;
    const card = h('div', 'plc-card');
    card.tabIndex = 0;
    card.setAttribute('role', 'listitem');
    card.dataset.id = p.id;
    card.setAttribute('aria-label', p.title);
    const expanded = this.expandedHeights.has(idx);
    const selected = this.selected.has(p.id);
    card.classList.toggle('plc-expanded', expanded);
    card.classList.toggle('plc-selected', selected);

    const head = h('div', 'plc-head');
    const title = h('div', 'plc-title');
    title.appendChild(link(p.title, absUrl(p)));
    head.appendChild(title);
    const score = this.scores?.get(p.id);
    if (score !== undefined) {
      const badge = h('span', 'plc-score', `score ${score.toFixed(3)}`);
      badge.title = 'Search score from the kernel';
      head.appendChild(badge);
    }
    card.appendChild(head);

    const venue = p.journal_ref || p.comment || '';
    const meta = [byline(p), p.published ?? '', venue]
      .filter(x => x)
      .join(' · ');
    const metaEl = h('div', 'plc-meta', meta);
    metaEl.title = meta;
    card.appendChild(metaEl);

    const line = h('div', 'plc-line');
    for (const name of Array.from(
      new Set((p.sources ?? []).map(s => s.name))
    )) {
      const b = h('span', 'plc-badge', SOURCE_LABELS[name] ?? name);
      b.title = `source: ${name}`;
      line.appendChild(b);
    }
    if (p.arxiv_id) {
      line.appendChild(h('span', undefined, `arXiv:${p.arxiv_id}`));
    }
    if (typeof p.upvotes === 'number') {
      const up = h('span', undefined, `▲ ${p.upvotes}`);
      up.title = 'Hugging Face upvotes';
      line.appendChild(up);
    }
    if (typeof p.github_stars === 'number') {
      const st = h('span', undefined, `★ ${p.github_stars}`);
      st.title = 'GitHub stars';
      line.appendChild(st);
    }
    for (const [name, url] of [
      ['PDF', p.pdf_url],
      ['code', p.code_url],
      ['project', p.project_url]
    ] as [string, string | null | undefined][]) {
      if (safeUrl(url)) {
        line.appendChild(link(name, url ?? null));
      }
    }
    card.appendChild(line);

    const chips = [
      ...(p.categories ?? []),
      ...(p.tags ?? []),
      ...(p.keywords ?? [])
    ].slice(0, 10);
    if (chips.length) {
      const tags = h('div', 'plc-line');
      for (const c of chips) {
        tags.appendChild(h('span', 'plc-tag', c));
      }
      card.appendChild(tags);
    }

    const actions = h('div', 'plc-actions');
    const check = h('input');
    check.type = 'checkbox';
    check.checked = selected;
    check.addEventListener('change', () =>
      this.toggleSelected(p.id, check.checked)
    );
    const checkLabel = h('label');
    checkLabel.append(check, document.createTextNode('select'));
    actions.appendChild(checkLabel);
    if (p.abstract) {
      const toggle = button(
        expanded ? 'Abstract ▾' : 'Abstract ▸',
        'Show or hide the abstract',
        () => this.toggleExpanded(idx)
      );
      toggle.setAttribute('aria-expanded', String(expanded));
      toggle.classList.add('plc-abstract-toggle');
      actions.appendChild(toggle);
    }
    const listName =
      (this.model.get('reading_list_name') as string) || 'default';
    const inList = this.listed.has(p.id);
    const listBtn = button(
      inList ? `✓ In “${listName}”` : '+ Reading list',
      inList
        ? `Remove from reading list ${listName}`
        : `Add to reading list ${listName}`,
      () => void this.toggleListed(p, listBtn)
    );
    listBtn.classList.add('plc-list');
    listBtn.classList.toggle('plc-listed', inList);
    actions.appendChild(listBtn);
    actions.appendChild(
      button(
        'Copy MD',
        'Copy as a markdown card',
        () => void this.copy(p, 'markdown')
      )
    );
    actions.appendChild(
      button('Copy BibTeX', 'Copy as BibTeX', () => void this.copy(p, 'bibtex'))
    );
    actions.appendChild(
      button(
        'Copy code',
        'Copy Python code that loads this paper',
        () => void this.copy(p, 'code')
      )
    );
    actions.appendChild(
      button(
        'Insert ↓',
        'Insert as a markdown cell below',
        () => void this.insertCell(p)
      )
    );
    card.appendChild(actions);

    if (expanded && p.abstract) {
      card.appendChild(h('div', 'plc-abstract', p.abstract));
    } else if (p.ai_summary || p.abstract) {
      // a two-line preview; the full abstract is one click (or Enter) away
      card.appendChild(
        h(
          'div',
          'plc-snippet',
          (p.ai_summary || p.abstract || '').slice(0, 400)
        )
      );
    }
    return card;
  }

  private rebuildCard(idx: number): HTMLElement | undefined {
    const old = this.rendered.get(idx);
    if (!old) {
      return undefined;
    }
    const hadFocus = old.contains(document.activeElement);
    const card = this.buildCard(idx);
    card.style.transform = old.style.transform;
    card.dataset.position = old.dataset.position;
    old.replaceWith(card);
    this.rendered.set(idx, card);
    if (hadFocus) {
      card.focus({ preventScroll: true });
    }
    return card;
  }

  private toggleExpanded(idx: number): void {
    if (this.expandedHeights.has(idx)) {
      this.expandedHeights.delete(idx);
    } else {
      this.expandedHeights.set(idx, CARD_HEIGHT);
    }
    const card = this.rebuildCard(idx);
    if (card && this.expandedHeights.has(idx)) {
      // measure once: the card's height with its abstract shown
      this.expandedHeights.set(idx, card.offsetHeight + CARD_GAP);
    }
    card
      ?.querySelector<HTMLButtonElement>('.plc-abstract-toggle')
      ?.focus({ preventScroll: true });
    this.layout();
    this.renderWindow();
  }

  private toggleSelected(id: string, on: boolean): void {
    if (on) {
      this.selected.add(id);
    } else {
      this.selected.delete(id);
    }
    // keep library order in the trait; the kernel turns it into `widget.selected`
    const ids = this.entries
      .map(e => e.paper.id)
      .filter(pid => this.selected.has(pid));
    this.model.set('selected_ids', ids);
    this.model.save_changes();
    this.selectionEl.textContent = this.selected.size
      ? `${this.selected.size} selected ·`
      : '';
    const idx = this.byId.get(id);
    if (idx !== undefined) {
      this.rendered.get(idx)?.classList.toggle('plc-selected', on);
    }
  }

  // -- kernel requests ----------------------------------------------------------------------
  private request(content: Record<string, unknown>): Promise<IKernelReply> {
    const id = ++this.requestId;
    return new Promise(resolve => {
      this.pending.set(id, resolve);
      this.model.send({ ...content, request: id });
    });
  }

  private status(text: string, error = false): void {
    this.statusEl.textContent = text;
    this.statusEl.classList.toggle('plc-error', error);
  }

  private async kernelSearch(): Promise<void> {
    const query = this.input.value.trim();
    if (!query) {
      this.clearRanking(true);
      return;
    }
    const mode = this.modeSelect.value;
    this.status(
      `Searching the kernel for “${query}” (${mode})… the first semantic search embeds the library.`
    );
    this.root.setAttribute('aria-busy', 'true');
    const reply = await this.request({
      type: 'search',
      query,
      mode,
      k: this.model.get('search_k')
    });
    this.root.removeAttribute('aria-busy');
    if (!reply.ok) {
      this.status(`Search failed: ${reply.error ?? 'unknown error'}`, true);
      return;
    }
    this.status(
      `${reply.n ?? 0} results for “${query}” (${mode}), best first.`
    );
    // the kernel also set `scores`; apply them now in case that change has not been handled
    this.loadScores(false);
    this.refilter(false);
  }

  private async toggleListed(
    p: IPaperDict,
    btn: HTMLButtonElement
  ): Promise<void> {
    const action = this.listed.has(p.id) ? 'remove' : 'add';
    btn.disabled = true;
    const reply = await this.request({ type: 'list', action, id: p.id });
    btn.disabled = false;
    const listName =
      (this.model.get('reading_list_name') as string) || 'default';
    if (!reply.ok) {
      this.status(`Reading list: ${reply.error ?? 'failed'}`, true);
      return;
    }
    this.status(
      action === 'add'
        ? `Added “${p.title}” to ${listName}.`
        : `Removed “${p.title}” from ${listName}.`
    );
    this.loadListed();
  }

  private async render(p: IPaperDict, format: string): Promise<string | null> {
    const reply = await this.request({ type: 'render', id: p.id, format });
    if (!reply.ok || typeof reply.text !== 'string') {
      this.status(
        `Could not render ${format}: ${reply.error ?? 'no text'}`,
        true
      );
      return null;
    }
    return reply.text;
  }

  private async copy(p: IPaperDict, format: string): Promise<void> {
    const text = await this.render(p, format);
    if (text === null) {
      return;
    }
    const ok = await copyText(text);
    this.root.dataset.lastCopy = format;
    this.status(
      ok
        ? `Copied ${format} of “${p.title}”.`
        : `Copying to the clipboard failed; here it is:\n${text}`,
      !ok
    );
  }

  private async insertCell(p: IPaperDict): Promise<void> {
    const markdown = await this.render(p, 'markdown');
    if (markdown === null) {
      return;
    }
    // The paperlab lab extension listens for this event and inserts a rendered markdown cell
    // below the cell showing these cards; it calls preventDefault() when it did.
    const event = new CustomEvent('paperlab:insert-cell', {
      bubbles: true,
      cancelable: true,
      composed: true,
      detail: { markdown, paper: p }
    });
    const unhandled = this.root.dispatchEvent(event);
    if (!unhandled) {
      this.status(`Inserted a markdown card of “${p.title}” below.`);
      return;
    }
    const copied = await copyText(markdown);
    this.status(
      copied
        ? 'No notebook to insert into here: the markdown card was copied; paste it into a markdown cell.'
        : `No notebook to insert into here; the markdown card:\n${markdown}`,
      !copied
    );
  }

  // -- keyboard -----------------------------------------------------------------------------
  private focusCard(position: number): void {
    const n = this.visible.length;
    if (n === 0) {
      return;
    }
    const k = Math.max(0, Math.min(n - 1, position));
    const top = this.offsets[k];
    const bottom = this.offsets[k + 1];
    const view = this.viewport;
    if (top < view.scrollTop) {
      view.scrollTop = top;
    } else if (bottom > view.scrollTop + view.clientHeight) {
      view.scrollTop = bottom - view.clientHeight;
    }
    this.renderWindow();
    this.rendered.get(this.visible[k])?.focus({ preventScroll: true });
  }

  private onKeydown(ev: KeyboardEvent): void {
    const target = ev.target as HTMLElement;
    if (!target.classList?.contains('plc-card')) {
      return;
    }
    const position = Number(target.dataset.position ?? 0);
    const idx = this.byId.get(target.dataset.id ?? '');
    const page = Math.max(
      1,
      Math.floor(this.viewport.clientHeight / CARD_HEIGHT)
    );
    switch (ev.key) {
      case 'ArrowDown':
        this.focusCard(position + 1);
        break;
      case 'ArrowUp':
        if (position === 0) {
          this.input.focus();
        } else {
          this.focusCard(position - 1);
        }
        break;
      case 'PageDown':
        this.focusCard(position + page);
        break;
      case 'PageUp':
        this.focusCard(position - page);
        break;
      case 'Home':
        this.focusCard(0);
        break;
      case 'End':
        this.focusCard(this.visible.length - 1);
        break;
      case 'Enter':
        if (idx !== undefined) {
          this.toggleExpanded(idx);
          this.rendered.get(idx)?.focus({ preventScroll: true });
        }
        break;
      case ' ':
        if (idx !== undefined) {
          const id = this.entries[idx].paper.id;
          this.toggleSelected(id, !this.selected.has(id));
          const box = this.rendered
            .get(idx)
            ?.querySelector<HTMLInputElement>('input[type=checkbox]');
          if (box) {
            box.checked = this.selected.has(id);
          }
        }
        break;
      default:
        return;
    }
    ev.preventDefault();
    ev.stopPropagation(); // keep JupyterLab's notebook shortcuts out of the list
  }
}

export default {
  render({ model, el }: { model: IAnyModel; el: HTMLElement }): () => void {
    const view = new CardsView(model);
    el.replaceChildren(view.root);
    view.start();
    return () => view.dispose();
  }
};
