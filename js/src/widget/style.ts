/**
 * Styles of the cards widget. Colours and fonts come from JupyterLab's theme variables
 * (`--jp-*`), so the light and dark themes both look right (every text at least 4.5:1 against
 * its background, checked by tests/browser/test_cards_look.py); fallbacks serve other hosts.
 */

import { FRAME } from '../common/style';

/** Gap between cards (px) and the height assumed for a card not yet measured. */
export const CARD_GAP = 8;
export const CARD_ESTIMATE = 120;
/** Height of the divider above a ranking's weaker matches (px, its gap included; vlist.ts). */
export const DIVIDER_HEIGHT = 30;

const DARK = "body[data-jp-theme-light='false']";

export const CSS = `
.plc-root {${FRAME}
  min-width: 0;
}
.plc-root button, .plc-root select, .plc-root input {
  font: inherit;
  color: var(--jp-ui-font-color1, #1f1f1f);
  background: var(--jp-layout-color1, #fff);
  border: 1px solid var(--jp-border-color1, #bdbdbd);
  border-radius: 2px;
}
.plc-root button { cursor: pointer; padding: 1px 7px; }
.plc-root button:hover { background: var(--jp-layout-color2, #eee); }
.plc-root :focus-visible { outline: 1px solid var(--jp-brand-color1, #1976d2); outline-offset: 1px; }
.plc-icon { width: 16px; height: 16px; flex: none; display: block; }
.plc-root .plc-icon-button {
  display: inline-flex; align-items: center; gap: 3px; height: 24px; min-width: 24px;
  padding: 0 4px; border: none; background: transparent; justify-content: center;
}
.plc-root .plc-icon-button:hover { background: var(--jp-layout-color2, #eee); }
.plc-button-text { font-size: var(--jp-ui-font-size1, 13px); white-space: nowrap; }
.plc-toolbar {
  display: flex; flex-wrap: wrap; gap: 6px; align-items: center;
  padding: 6px 8px; border-bottom: 1px solid var(--jp-border-color2, #e0e0e0);
}
.plc-toolbar input[type=search] { flex: 1 1 260px; min-width: 160px; padding: 3px 6px; }
.plc-right { margin-left: auto; display: inline-flex; gap: 4px; align-items: center; }
.plc-list-label { margin-left: 8px; }
.plc-count, .plc-selection, .plc-list-label { color: var(--jp-ui-font-color2, #616161); white-space: nowrap; }
.plc-ranked {
  display: inline-flex; gap: 4px; align-items: center; padding: 0 2px 0 8px; border-radius: 10px;
  background: var(--jp-layout-color2, #eee); color: var(--jp-ui-font-color1, #1f1f1f);
  border: 1px solid var(--jp-brand-color1, #1976d2);
}
.plc-root .plc-ranked button { border: none; background: transparent; padding: 0 5px; border-radius: 8px; }
.plc-ranked[hidden] { display: none; }
.plc-facets {
  display: flex; flex-wrap: wrap; gap: 4px 12px; padding: 4px 8px;
  border-bottom: 1px solid var(--jp-border-color2, #e0e0e0);
}
.plc-facets[hidden], .plc-facets [hidden] { display: none; }
.plc-facet-group { display: inline-flex; flex-wrap: wrap; gap: 3px; align-items: center; }
.plc-facet-label { color: var(--jp-ui-font-color2, #616161); font-size: var(--jp-ui-font-size1, 13px); }
.plc-root button.plc-chip { border-radius: 10px; padding: 0 7px; font-size: var(--jp-ui-font-size1, 13px); }
.plc-root button.plc-chip.plc-chip-none:not([aria-pressed=true]) { border-style: dashed; color: var(--jp-ui-font-color2, #616161); }
.plc-root button.plc-chip.plc-chip-more { border-color: transparent; background: transparent; color: var(--jp-content-link-color, #1976d2); }
.plc-root button.plc-chip[aria-pressed=true] {
  background: var(--jp-layout-color2, #eee); color: var(--jp-ui-font-color1, #1f1f1f);
  border-color: var(--jp-brand-color1, #1976d2); box-shadow: inset 0 0 0 1px var(--jp-brand-color1, #1976d2);
}
.plc-viewport { position: relative; overflow-y: auto; overflow-x: hidden; contain: strict; }
.plc-spacer { position: relative; width: 100%; }
.plc-card {
  position: absolute; left: 6px; right: 6px; top: 0; box-sizing: border-box;
  padding: 8px 10px 4px; border: 1px solid var(--jp-border-color2, #e0e0e0); border-radius: 4px;
  background: var(--jp-layout-color1, #fff);
  display: flex; flex-direction: column; gap: 2px;
  /* each card lays out on its own: adding or moving one does not touch the others */
  contain: layout style;
}
.plc-divider {
  position: absolute; left: 6px; right: 6px; top: 0; height: 22px; box-sizing: border-box;
  display: flex; gap: 8px; align-items: center; white-space: nowrap; overflow: hidden;
  color: var(--jp-ui-font-color2, #616161); font-size: var(--jp-ui-font-size1, 13px);
}
.plc-divider::before, .plc-divider::after {
  content: ''; flex: 1 1 12px; border-top: 1px dashed var(--jp-border-color1, #bdbdbd);
}
.plc-divider span { flex: none; overflow: hidden; text-overflow: ellipsis; max-width: calc(100% - 40px); }
.plc-card.plc-menu-open { z-index: 2; }
.plc-card.plc-selected { border-color: var(--jp-brand-color1, #1976d2); box-shadow: inset 3px 0 0 var(--jp-brand-color1, #1976d2); }
.plc-card:focus { outline: 2px solid var(--jp-brand-color1, #1976d2); outline-offset: -2px; }
.plc-head { display: flex; gap: 8px; align-items: flex-start; }
.plc-title {
  flex: 1; font-weight: 600; font-size: var(--jp-content-font-size2, 15px); line-height: 1.3;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden;
  overflow-wrap: anywhere;
}
.plc-expanded .plc-title { -webkit-line-clamp: unset; display: block; }
.plc-title a, .plc-title span { color: var(--jp-ui-font-color0, #000); text-decoration: none; }
.plc-title a:hover { text-decoration: underline; color: var(--jp-content-link-color, #1976d2); }
.plc-score {
  font-size: var(--jp-ui-font-size1, 13px); padding: 0 7px; border-radius: 10px; white-space: nowrap;
  background: var(--jp-layout-color2, #eee); color: var(--jp-ui-font-color1, #1f1f1f);
  border: 1px solid var(--jp-border-color1, #bdbdbd);
}
.plc-authors, .plc-meta {
  color: var(--jp-ui-font-color2, #616161); white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.plc-authors { color: var(--jp-ui-font-color1, #1f1f1f); }
.plc-meta { display: flex; gap: 5px; align-items: baseline; }
.plc-venue { color: var(--jp-ui-font-color1, #1f1f1f); font-weight: 600; }
.plc-why { color: var(--jp-ui-font-color1, #1f1f1f); font-style: italic; line-height: 1.35; overflow-wrap: anywhere; }
.plc-why-label { font-style: normal; color: var(--jp-ui-font-color2, #616161); }
.plc-why-related { font-style: normal; }
.plc-reason {
  color: var(--jp-ui-font-color1, #1f1f1f); line-height: 1.35; overflow: hidden; overflow-wrap: anywhere;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical;
}
.plc-expanded .plc-reason { -webkit-line-clamp: unset; display: block; }
.plc-root .plc-thumb .plc-icon { width: 15px; height: 15px; }
.plc-root .plc-thumb .plc-icon path { fill: var(--jp-inverse-layout-color3, #616161); }
.plc-root .plc-thumb[aria-pressed=true] { box-shadow: inset 0 0 0 1px var(--jp-brand-color1, #1976d2); }
.plc-root .plc-thumb[aria-pressed=true] .plc-icon path { fill: var(--jp-brand-color1, #1976d2); }
${DARK} .plc-root .plc-thumb[aria-pressed=true] .plc-icon path { fill: var(--jp-brand-color2, #64b5f6); }
${DARK} .plc-root .plc-thumb[aria-pressed=true] { box-shadow: inset 0 0 0 1px var(--jp-brand-color2, #64b5f6); }
.plc-root[aria-busy=true] .plc-thumb { cursor: progress; }
.plc-feedbar {
  display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; padding: 4px 8px;
  border-bottom: 1px solid var(--jp-border-color2, #e0e0e0);
}
.plc-feedbar[hidden] { display: none; }
.plc-feed-day { font-weight: 600; }
.plc-feed-note { color: var(--jp-ui-font-color2, #616161); }
.plc-feed-moved { flex-basis: 100%; }
.plc-feed-hidden { display: inline-flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; }
.plc-hidden-item {
  display: inline-flex; gap: 4px; align-items: center; max-width: 360px; padding: 0 2px 0 8px;
  border: 1px dashed var(--jp-border-color1, #bdbdbd); border-radius: 10px;
}
.plc-hidden-title { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; text-decoration: line-through; }
.plc-root button.plc-undo { border: none; background: transparent; padding: 0 6px; border-radius: 8px; font-weight: 600; }
.plc-snippet {
  color: var(--jp-ui-font-color2, #616161); line-height: 1.4; overflow: hidden; overflow-wrap: anywhere;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical;
}
.plc-abstract {
  white-space: pre-wrap; line-height: 1.45; color: var(--jp-content-font-color1, #1f1f1f);
  border-top: 1px solid var(--jp-border-color3, #eee); padding-top: 4px; margin-top: 2px; overflow-wrap: anywhere;
}
.plc-root mark.plc-mark { background: #fff1a8; color: #1f1f1f; border-radius: 2px; padding: 0; }
${DARK} .plc-root mark.plc-mark { background: #5c4b00; color: #fff; }
.plc-footer { display: flex; gap: 6px; align-items: center; flex-wrap: nowrap; min-height: 26px; margin-top: 2px; }
.plc-footer > * { flex: none; }
/* one row of whole chips: a chip that does not fit wraps onto a second row, which is hidden (the row's title
   lists them all); a chip wider than the row ends with an ellipsis, its title the whole text. Never cut mid-word. */
.plc-footer > .plc-tags {
  flex: 1 1 auto; min-width: 0; display: flex; flex-wrap: wrap; gap: 2px; overflow: hidden; white-space: nowrap;
  height: 20px; align-self: center;
}
.plc-footer > .plc-tags > .plc-tag {
  flex: none; max-width: 100%; box-sizing: border-box; overflow: hidden; text-overflow: ellipsis;
}
.plc-footer input[type=checkbox] { margin: 0 2px 0 0; }
.plc-link {
  display: inline-flex; align-items: center; gap: 3px; padding: 0 6px 0 4px; border-radius: 10px;
  border: 1px solid var(--jp-border-color2, #e0e0e0); text-decoration: none; line-height: 20px;
  color: var(--jp-ui-font-color1, #1f1f1f);
}
.plc-link .plc-icon { width: 14px; height: 14px; }
.plc-link:hover { background: var(--jp-layout-color2, #eee); }
.plc-tag {
  font-size: var(--jp-ui-font-size1, 13px); padding: 0 6px; border-radius: 10px; line-height: 20px;
  background: var(--jp-layout-color1, #fff); color: var(--jp-ui-font-color2, #616161);
}
.plc-actions { margin-left: auto; display: inline-flex; gap: 1px; align-items: center; flex: none; }
.plc-root button.plc-listed { box-shadow: inset 0 0 0 1px var(--jp-success-color1, #388e3c); }
.plc-menu-wrap { position: relative; display: inline-flex; }
.plc-menu {
  position: absolute; right: 0; top: 100%; z-index: 10; min-width: 260px; padding: 4px 0;
  display: flex; flex-direction: column; background: var(--jp-layout-color1, #fff);
  border: 1px solid var(--jp-border-color1, #bdbdbd); box-shadow: var(--jp-elevation-z6, 0 2px 8px rgba(0,0,0,.3));
}
.plc-menu.plc-menu-up { top: auto; bottom: 100%; }
.plc-menu.plc-menu-side { right: calc(100% + 2px); bottom: auto; }
.plc-root .plc-menu-item {
  display: flex; gap: 8px; align-items: center; border: none; border-radius: 0; padding: 4px 12px;
  background: transparent; text-align: left; white-space: nowrap;
}
.plc-root .plc-menu-item:hover, .plc-root .plc-menu-item:focus { background: var(--jp-layout-color2, #eee); outline: none; }
.plc-status {
  min-height: 1.4em; padding: 2px 8px; color: var(--jp-ui-font-color2, #616161);
  border-top: 1px solid var(--jp-border-color2, #e0e0e0); white-space: pre-wrap;
  display: flex; flex-wrap: wrap; gap: 2px 8px; align-items: center;
}
/* the sentence keeps a readable width; the button and the embedding progress go to a line of their own if need be */
.plc-status-text { flex: 1 1 16em; min-width: min(16em, 100%); }
.plc-root button.plc-weaker-toggle {
  flex: none; border-color: var(--jp-brand-color1, #1976d2); border-radius: 10px; padding: 0 8px;
}
.plc-root button.plc-weaker-toggle[hidden] { display: none; }
.plc-status.plc-error .plc-status-text { color: var(--jp-error-color1, #d32f2f); }
${DARK} .plc-status.plc-error .plc-status-text { color: #ff8a80; }
.plc-progress { display: inline-flex; gap: 6px; align-items: center; white-space: nowrap; margin-left: auto; }
.plc-progress[hidden] { display: none; }
.plc-progress progress { width: 120px; height: 8px; accent-color: var(--jp-brand-color1, #1976d2); }
.plc-empty { padding: 16px; color: var(--jp-ui-font-color2, #616161); }
/* the static cards the kernel shows below the widget (for nbconvert and saved notebooks) */
.jp-OutputArea-child:has(.paperlab-cards-static) { display: none; }
`;
