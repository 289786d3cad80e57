/**
 * One paper card, in the order of a Hugging Face paper card: title; authors; date · venue ·
 * ▲ upvotes · ★ stars; why it matched (on hits); a two-line snippet; then the links (arXiv, PDF,
 * code, project), the chips and the actions (JupyterLab icon buttons with a "⋯" menu). A card of
 * the feed also says why it is there and has thumbs up/down. The card is as tall as its content. Paper text only goes in through text nodes (matched terms inside
 * `<mark>`), and only http(s) URLs become links (common/dom.ts `link`).
 */

import { button, h, link } from '../common/dom';
import {
  absUrl,
  byline,
  pdfUrl,
  safeUrl,
  shownDate,
  citationKeyText,
  citationKeys,
  presentedText,
  sourceLabel
} from '../common/paper';
import { marked } from './highlight';
import { icon, IconName } from './icons';
import { iconButton, moreMenu } from './menu';
import { RenderFormat } from './rpc';
import { scoreText } from './score';
import { InsertKind, IPaper } from './types';

/** What a card shows besides the paper. */
export interface ICardState {
  expanded: boolean;
  selected: boolean;
  listed: boolean;
  listName: string;
  /** The kernel's score: the estimated probability that the paper is what was asked for. */
  score?: number;
  /** Whole percents that several scores of the ranking round to: those show one decimal. */
  crowded?: ReadonlySet<number>;
  /** Where the paper was published (`Paper.venue`, computed in the kernel). */
  venue?: string;
  /** Why the kernel search found it: the best-matching sentence. */
  why?: string;
  /** The hit's own topical terms closest to the query, when the words it matched say little. */
  related?: string[];
  /** The kernel is still finding why: the card keeps the reason's line so it does not jump when it comes. */
  whyPending?: boolean;
  /** Terms to highlight (the kernel's matched terms and the typed filter). */
  terms: string[];
  /** A card of the feed: why it is there, and its stored thumb (1 up, -1 down, 0 none). */
  feed?: { reason: string; thumb: number; hides: boolean };
}

/** What the card's controls do. */
export interface ICardActions {
  select(on: boolean): void;
  toggleExpanded(): void;
  toggleListed(button: HTMLButtonElement): void;
  copy(format: RenderFormat): void;
  /** Insert the paper below the cards' cell: its markdown card, or the code cell that loads it. */
  insert(kind: InsertKind): void;
  /** Store a thumb (feed cards): 1 more like this, -1 less like this, 0 clear. */
  rate(value: number, button: HTMLButtonElement): void;
}

export function buildCard(
  p: IPaper,
  state: ICardState,
  actions: ICardActions
): HTMLElement {
  const card = h('div', 'plc-card');
  card.tabIndex = 0;
  card.setAttribute('role', 'listitem');
  card.dataset.id = p.id;
  card.setAttribute('aria-label', shownTitle(p));
  card.classList.toggle('plc-expanded', state.expanded);
  card.classList.toggle('plc-selected', state.selected);
  card.appendChild(head(p, state));
  const authors = byline(p);
  if (authors) {
    const line = marked(h('div', 'plc-authors'), authors, state.terms);
    line.title = (p.authors ?? []).join(', ') || authors;
    card.appendChild(line);
  }
  const meta = metaLine(p, state);
  if (meta) {
    card.appendChild(meta);
  }
  if (state.feed?.reason) {
    const reason = h('div', 'plc-reason');
    reason.append(
      h('span', 'plc-why-label', 'Why: '),
      marked(h('span'), state.feed.reason, state.terms)
    );
    reason.title = state.feed.reason;
    card.appendChild(reason);
  }
  if (state.why || state.related?.length) {
    card.appendChild(whyLine(state));
  } else if (state.whyPending) {
    const why = h('div', 'plc-why plc-why-pending');
    why.append(h('span', 'plc-why-label', 'Matched: '), h('span', '', '…'));
    why.setAttribute('aria-hidden', 'true');
    card.appendChild(why);
  }
  const text =
    state.expanded && p.abstract ? shownAbstract(p) : snippetText(p, state.why);
  if (text) {
    const cls = state.expanded ? 'plc-abstract' : 'plc-snippet';
    card.appendChild(marked(h('div', cls), text, state.terms));
  }
  card.appendChild(footer(p, state, actions));
  return card;
}

/** Why a hit matched: its best sentence (matched terms marked), then the related terms the kernel found for it. */
function whyLine(state: ICardState): HTMLElement {
  const why = h('div', 'plc-why');
  if (state.why) {
    why.append(
      h('span', 'plc-why-label', 'Matched: '),
      marked(h('span'), state.why, state.terms)
    );
  }
  if (state.related?.length) {
    why.append(
      h('span', 'plc-why-label', state.why ? ' · related: ' : 'Related: '),
      h('span', 'plc-why-related', state.related.join(', '))
    );
  }
  return why;
}

/** The title as read: its LaTeX decoded by the kernel (`title_text`), else as written. */
export function shownTitle(p: IPaper): string {
  return p.title_text ?? p.title;
}

/** The abstract as read (`abstract_text` when it holds LaTeX), or ''. */
export function shownAbstract(p: IPaper): string {
  return p.abstract_text ?? p.abstract ?? '';
}

/** The two-line preview: the summary or abstract, without the "why" sentence it starts with. */
/** The card's snippet: the summary or abstract without the matched sentence the "Matched:" line already shows
 * (wherever it stands in the text, not only first). */
export function snippetText(p: IPaper, why?: string): string {
  let text = p.ai_summary || shownAbstract(p);
  const shown = why?.trim();
  const at = shown ? text.indexOf(shown) : -1;
  if (shown && at >= 0) {
    text =
      `${text.slice(0, at).trim()} ${text.slice(at + shown.length).trim()}`.trim();
  }
  return text.slice(0, 400);
}

function head(p: IPaper, state: ICardState): HTMLElement {
  const row = h('div', 'plc-head');
  const title = h('div', 'plc-title');
  title.appendChild(marked(link('', absUrl(p)), shownTitle(p), state.terms));
  row.appendChild(title);
  const shown =
    state.score === undefined ? null : scoreText(state.score, state.crowded);
  if (shown) {
    const badge = h('span', 'plc-score', shown);
    badge.title = `How likely this paper is what you searched for (score ${state.score?.toFixed(3)})`;
    row.appendChild(badge);
  }
  return row;
}

/** date · venue · who presented it when · citation key · ▲ upvotes · ★ stars (only what the paper has). */
function metaLine(p: IPaper, state: ICardState): HTMLElement | null {
  const parts: [string, string, string][] = [];
  const date = shownDate(p);
  if (date) {
    parts.push([date, 'plc-date', 'Published']);
  }
  if (state.venue) {
    parts.push([state.venue, 'plc-venue', 'Venue']);
  }
  const presented = presentedText(p);
  if (presented) {
    parts.push([
      presented,
      'plc-presented',
      'At the reading group: who presented it, and when'
    ]);
  }
  const key = citationKeys(p)[0];
  if (key) {
    parts.push([
      citationKeyText(p),
      'plc-key',
      `BibTeX citation key: paperlab.paper("${key}")`
    ]);
  }
  if (typeof p.upvotes === 'number') {
    parts.push([`▲ ${p.upvotes}`, 'plc-upvotes', 'Hugging Face upvotes']);
  }
  if (typeof p.github_stars === 'number') {
    parts.push([`★ ${compact(p.github_stars)}`, 'plc-stars', 'GitHub stars']);
  }
  if (!parts.length) {
    return null;
  }
  const line = h('div', 'plc-meta');
  parts.forEach(([text, cls, title], k) => {
    if (k > 0) {
      line.appendChild(h('span', 'plc-sep', '·'));
    }
    const span = h('span', cls, text);
    span.title = title;
    line.appendChild(span);
  });
  return line;
}

function compact(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(n >= 10000 ? 0 : 1)}k` : String(n);
}

/** The paper's links: arXiv, PDF, code, project; only http(s) URLs. */
function links(p: IPaper): HTMLElement[] {
  const arxiv = p.arxiv_id
    ? `https://arxiv.org/abs/${encodeURIComponent(p.arxiv_id).replace(/%2F/g, '/')}`
    : null;
  const wanted: [string, string | null, IconName, string][] = [
    ['arXiv', arxiv, 'launch', `arXiv:${p.arxiv_id ?? ''}`],
    ['PDF', pdfUrl(p), 'pdf', 'PDF'],
    ['Code', safeUrl(p.code_url), 'code', 'Code'],
    ['Project', safeUrl(p.project_url), 'home', 'Project page']
  ];
  const out: HTMLElement[] = [];
  for (const [text, url, name, title] of wanted) {
    if (url) {
      const a = link(text, url, 'plc-link');
      a.prepend(icon(name));
      a.title = title;
      out.push(a);
    }
  }
  return out;
}

function footer(
  p: IPaper,
  state: ICardState,
  actions: ICardActions
): HTMLElement {
  const row = h('div', 'plc-footer');
  const check = h('input');
  check.type = 'checkbox';
  check.checked = state.selected;
  check.title = 'Select (widget.selected in the kernel)';
  check.setAttribute('aria-label', 'Select');
  check.addEventListener('change', () => actions.select(check.checked));
  row.appendChild(check);
  row.append(...links(p));
  // each chip says on hover which field it is (as the facets name them): a tag is no keyword
  const chips: [string, string][] = [
    ...Array.from(new Set((p.sources ?? []).map(s => sourceLabel(s.name)))).map(
      (c): [string, string] => [c, 'Source']
    ),
    ...(p.categories ?? [])
      .slice(0, 3)
      .map((c): [string, string] => [c, 'Category']),
    ...(p.tags ?? []).map((c): [string, string] => [c, 'Tag']),
    ...(p.keywords ?? []).map((c): [string, string] => [c, 'Keyword'])
  ].slice(0, 6);
  const tags = h('span', 'plc-tags');
  for (const [c, kind] of chips) {
    const tag = h('span', 'plc-tag', c);
    tag.title = `${kind}: ${c}`; // the whole text when the chip is shortened with an ellipsis
    tag.dataset.kind = kind.toLowerCase();
    tags.appendChild(tag);
  }
  tags.title = chips.map(([c]) => c).join(' · ');
  row.append(tags, toolbar(p, state, actions));
  return row;
}

function toolbar(
  p: IPaper,
  state: ICardState,
  actions: ICardActions
): HTMLElement {
  const bar = h('div', 'plc-actions jp-Toolbar-item');
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Paper actions');
  if (p.abstract) {
    const toggle = iconButton(
      state.expanded ? 'caretDown' : 'caretRight',
      'Show or hide the abstract',
      () => actions.toggleExpanded(),
      'Abstract'
    );
    toggle.setAttribute('aria-expanded', String(state.expanded));
    toggle.classList.add('plc-abstract-toggle');
    bar.appendChild(toggle);
  }
  if (state.feed) {
    bar.append(...thumbButtons(state.feed, actions));
  }
  bar.append(
    listButton(state, actions),
    iconButton('addBelow', 'Insert as a markdown cell below', () =>
      actions.insert('markdown')
    ),
    moreMenu([
      {
        label: 'Insert as a code cell below',
        icon: 'addBelow',
        run: () => actions.insert('code')
      },
      {
        label: 'Copy as markdown card',
        icon: 'copy',
        run: () => actions.copy('markdown')
      },
      {
        label: 'Copy as BibTeX',
        icon: 'copy',
        run: () => actions.copy('bibtex')
      },
      {
        label: 'Copy Python code that loads this paper',
        icon: 'code',
        run: () => actions.copy('code')
      }
    ])
  );
  return bar;
}

const THUMBS = [
  [1, 'thumbsUp', 'thumbsUpSolid', 'More like this'],
  [-1, 'thumbsDown', 'thumbsDownSolid', 'Less like this']
] as const;

/** Thumbs up and down (toggle buttons): stored, and the feed re-ranked at once; pressed again: cleared. */
function thumbButtons(
  feed: { thumb: number; hides: boolean },
  actions: ICardActions
): HTMLElement[] {
  return THUMBS.map(([value, outline, solid, label]) => {
    const pressed = feed.thumb === value;
    const hide = feed.hides ? 'hide it from today’s list and ' : '';
    const tip = pressed
      ? `${label}: you said so (press again to clear)`
      : value === 1
        ? 'More like this: rank papers like it higher'
        : `Less like this: ${hide}rank papers like it lower`;
    const btn = iconButton(pressed ? solid : outline, tip, () =>
      actions.rate(pressed ? 0 : value, btn)
    );
    btn.setAttribute('aria-label', label);
    btn.setAttribute('aria-pressed', String(pressed));
    btn.classList.add('plc-thumb');
    btn.dataset.thumb = String(value);
    return btn;
  });
}

function listButton(state: ICardState, actions: ICardActions): HTMLElement {
  const { listName, listed } = state;
  const btn = iconButton(
    listed ? 'check' : 'add',
    listed
      ? `Remove from reading list ${listName}`
      : `Add to reading list ${listName}`,
    () => actions.toggleListed(btn),
    listed ? `In “${listName}”` : 'Reading list'
  );
  btn.classList.add('plc-list');
  btn.classList.toggle('plc-listed', listed);
  return btn;
}

/** A toolbar text button: its title is also its accessible name. */
export function action(
  text: string,
  title: string,
  onClick: () => void
): HTMLButtonElement {
  return button(text, title, () => onClick(), { labelled: true });
}
