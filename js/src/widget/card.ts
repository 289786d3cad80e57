/**
 * One paper card of the cards widget: title link, byline and venue, sources and links, chips,
 * actions, and the snippet or the full abstract. Paper text only goes in through `textContent`
 * and only http(s) URLs become links (common/dom.ts `link`).
 */

import { button, h, link } from '../common/dom';
import {
  absUrl,
  byline,
  safeUrl,
  shownDate,
  sourceLabel
} from '../common/paper';
import { RenderFormat } from './rpc';
import { IPaper } from './types';

/** What a card shows besides the paper. */
export interface ICardState {
  expanded: boolean;
  selected: boolean;
  listed: boolean;
  listName: string;
  /** The kernel search score, if the paper was ranked. */
  score?: number;
}

/** What the card's controls do. */
export interface ICardActions {
  select(on: boolean): void;
  toggleExpanded(): void;
  toggleListed(button: HTMLButtonElement): void;
  copy(format: RenderFormat): void;
  insert(): void;
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
  card.append(head(p, state.score), meta(p), facts(p));
  const chips = chipLine(p);
  if (chips) {
    card.appendChild(chips);
  }
  card.appendChild(actionLine(p, state, actions));
  if (state.expanded && p.abstract) {
    card.appendChild(h('div', 'plc-abstract', shownAbstract(p)));
  } else if (p.ai_summary || p.abstract) {
    // a two-line preview; the full abstract is one click (or Enter) away
    const preview = (p.ai_summary || shownAbstract(p)).slice(0, 400);
    card.appendChild(h('div', 'plc-snippet', preview));
  }
  return card;
}

/** The title as read: its LaTeX decoded by the kernel (`title_text`), else as written. */
export function shownTitle(p: IPaper): string {
  return p.title_text ?? p.title;
}

/** The abstract as read (`abstract_text` when it holds LaTeX), or ''. */
export function shownAbstract(p: IPaper): string {
  return p.abstract_text ?? p.abstract ?? '';
}

function head(p: IPaper, score: number | undefined): HTMLElement {
  const row = h('div', 'plc-head');
  const title = h('div', 'plc-title');
  title.appendChild(link(shownTitle(p), absUrl(p)));
  row.appendChild(title);
  if (score !== undefined) {
    const badge = h('span', 'plc-score', `score ${score.toFixed(3)}`);
    badge.title = 'Search score from the kernel';
    row.appendChild(badge);
  }
  return row;
}

function meta(p: IPaper): HTMLElement {
  const venue = p.journal_ref || p.comment || '';
  const text = [byline(p), shownDate(p), venue].filter(x => x).join(' · ');
  const row = h('div', 'plc-meta', text);
  row.title = text;
  return row;
}

/** Source badges, arXiv id, upvotes, stars and the PDF/code/project links. */
function facts(p: IPaper): HTMLElement {
  const line = h('div', 'plc-line');
  for (const name of Array.from(new Set((p.sources ?? []).map(s => s.name)))) {
    const b = h('span', 'plc-badge', sourceLabel(name));
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
  const links: [string, string | null][] = [
    ['PDF', p.pdf_url],
    ['code', p.code_url],
    ['project', p.project_url]
  ];
  for (const [name, url] of links) {
    if (safeUrl(url)) {
      line.appendChild(link(name, url));
    }
  }
  return line;
}

function chipLine(p: IPaper): HTMLElement | null {
  const chips = [
    ...(p.categories ?? []),
    ...(p.tags ?? []),
    ...(p.keywords ?? [])
  ].slice(0, 10);
  if (!chips.length) {
    return null;
  }
  const line = h('div', 'plc-line');
  for (const c of chips) {
    line.appendChild(h('span', 'plc-tag', c));
  }
  return line;
}

function actionLine(
  p: IPaper,
  state: ICardState,
  actions: ICardActions
): HTMLElement {
  const row = h('div', 'plc-actions');
  const check = h('input');
  check.type = 'checkbox';
  check.checked = state.selected;
  check.addEventListener('change', () => actions.select(check.checked));
  const checkLabel = h('label');
  checkLabel.append(check, document.createTextNode('select'));
  row.appendChild(checkLabel);
  if (p.abstract) {
    const toggle = action(
      state.expanded ? 'Abstract ▾' : 'Abstract ▸',
      'Show or hide the abstract',
      () => actions.toggleExpanded()
    );
    toggle.setAttribute('aria-expanded', String(state.expanded));
    toggle.classList.add('plc-abstract-toggle');
    row.appendChild(toggle);
  }
  row.appendChild(listButton(state, actions));
  row.append(
    action('Copy MD', 'Copy as a markdown card', () =>
      actions.copy('markdown')
    ),
    action('Copy BibTeX', 'Copy as BibTeX', () => actions.copy('bibtex')),
    action('Copy code', 'Copy Python code that loads this paper', () =>
      actions.copy('code')
    ),
    action('Insert ↓', 'Insert as a markdown cell below', () =>
      actions.insert()
    )
  );
  return row;
}

function listButton(state: ICardState, actions: ICardActions): HTMLElement {
  const { listName, listed } = state;
  const btn = action(
    listed ? `✓ In “${listName}”` : '+ Reading list',
    listed
      ? `Remove from reading list ${listName}`
      : `Add to reading list ${listName}`,
    () => actions.toggleListed(btn)
  );
  btn.classList.add('plc-list');
  btn.classList.toggle('plc-listed', listed);
  return btn;
}

/** A card or toolbar button: its title is also its accessible name. */
export function action(
  text: string,
  title: string,
  onClick: () => void
): HTMLButtonElement {
  return button(text, title, () => onClick(), { labelled: true });
}
