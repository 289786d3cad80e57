/**
 * The facet chips above the cards (Year, Source, Category, Tag, Keyword): toggle chips whose counts follow the shown
 * result. Each row shows the values the result holds first (years, or decades when it spans many), then a
 * "+N more" chip that shows the rest (values the result does not hold are dashed, with 0): a row wraps whole,
 * never cut off mid-chip. Chips are made once per value and kept (a focused chip keeps its focus).
 */

import { h } from '../common/dom';
import { sourceLabel } from '../common/paper';
import { action } from './card';
import {
  ActiveFacets,
  chipPlan,
  FACET_KINDS,
  FACET_LABELS,
  FacetKind,
  facetCounts,
  IEntry
} from './filter';

export type FacetToggle = (
  kind: FacetKind,
  value: string,
  chip: HTMLButtonElement
) => void;

interface IGroup {
  el: HTMLElement;
  label: HTMLElement;
  chips: Map<string, HTMLButtonElement>;
  more: HTMLButtonElement;
  expanded: boolean;
}

export class FacetBar {
  constructor(
    readonly el: HTMLElement,
    private readonly toggle: FacetToggle
  ) {}

  /** New papers: the library's values of each facet; every chip shown as for a result of all papers. */
  build(entries: IEntry[], active: ActiveFacets): void {
    this.all = facetCounts(entries);
    this.groups.clear();
    this.el.replaceChildren();
    for (const kind of FACET_KINDS) {
      if (this.all[kind].size > 0) {
        const group = this.group(kind);
        this.groups.set(kind, group);
        this.el.appendChild(group.el);
      }
    }
    this.el.hidden = this.groups.size === 0;
    this.update(this.all, active);
  }

  /**
   * The chips' counts follow the shown result (`counts`, from `resultFacetCounts`): "2026 (5)" while five of the
   * papers shown are from 2026; the values it holds come first, a value no shown paper has is dashed.
   */
  update(
    counts: Record<FacetKind, Map<string, number>>,
    active: ActiveFacets
  ): void {
    this.counts = counts;
    this.active = active;
    const focused = document.activeElement;
    for (const [kind, group] of this.groups) {
      this.draw(kind, group);
    }
    // a facet with no chip (a search with no result yet, an empty result) shows no bare label; none: no bar
    this.el.hidden = ![...this.groups.values()].some(g => !g.el.hidden);
    if (
      focused instanceof HTMLElement &&
      focused !== document.activeElement &&
      this.el.contains(focused) &&
      !focused.hidden
    ) {
      focused.focus({ preventScroll: true }); // moved within its row: it keeps the focus
    }
  }

  private group(kind: FacetKind): IGroup {
    const el = h('span', 'plc-facet-group');
    el.setAttribute('role', 'group');
    el.setAttribute('aria-label', FACET_LABELS[kind]);
    el.dataset.facet = kind;
    const label = h('span', 'plc-facet-label', `${FACET_LABELS[kind]}:`);
    const more = action('', '', () => {
      group.expanded = !group.expanded;
      this.draw(kind, group);
      more.focus({ preventScroll: true });
    });
    more.classList.add('plc-chip', 'plc-chip-more');
    const group: IGroup = {
      el,
      label,
      chips: new Map(),
      more,
      expanded: false
    };
    return group;
  }

  private chip(
    kind: FacetKind,
    group: IGroup,
    value: string
  ): HTMLButtonElement {
    let chip = group.chips.get(value);
    if (!chip) {
      const label = kind === 'source' ? sourceLabel(value) : value;
      const made = action(
        label,
        `Only papers with ${FACET_LABELS[kind].toLowerCase()} ${label}`,
        () => this.toggle(kind, value, made)
      );
      made.classList.add('plc-chip');
      made.dataset.facet = kind;
      made.dataset.value = value;
      made.dataset.label = label;
      group.chips.set(value, made);
      chip = made;
    }
    const n = this.counts[kind]?.get(value) ?? 0;
    chip.textContent = `${chip.dataset.label} (${n})`;
    chip.classList.toggle('plc-chip-none', n === 0);
    chip.setAttribute('aria-pressed', String(this.active[kind].has(value)));
    return chip;
  }

  private draw(kind: FacetKind, group: IGroup): void {
    const plan = chipPlan(
      kind,
      this.all[kind],
      this.counts[kind] ?? new Map(),
      this.active[kind]
    );
    const shown = plan.shown.map(v => this.chip(kind, group, v));
    const more = plan.more.map(v => this.chip(kind, group, v));
    more.forEach(chip => (chip.hidden = !group.expanded));
    shown.forEach(chip => (chip.hidden = false));
    const { more: toggle } = group;
    toggle.hidden = more.length === 0;
    toggle.textContent = group.expanded ? 'fewer' : `+${more.length} more`;
    toggle.title = group.expanded
      ? `Show only the first ${FACET_LABELS[kind].toLowerCase()} chips`
      : `Show ${more.length} more ${FACET_LABELS[kind].toLowerCase()} chips`;
    toggle.setAttribute('aria-label', toggle.title);
    toggle.setAttribute('aria-expanded', String(group.expanded));
    group.el.hidden = shown.length === 0 && more.length === 0;
    const order = [group.label, ...shown, ...more, toggle];
    const current = Array.from(group.el.children);
    if (
      current.length !== order.length ||
      current.some((child, i) => child !== order[i])
    ) {
      group.el.replaceChildren(...order);
    }
  }

  private groups = new Map<FacetKind, IGroup>();
  private all = {} as Record<FacetKind, Map<string, number>>;
  private counts = {} as Record<FacetKind, Map<string, number>>;
  private active = {} as ActiveFacets;
}
