/**
 * The anywidget front end of `paperlab.widget.PaperCards` (bundled to paperlab/static/cards.js).
 *
 * - A virtual list (vlist.ts): only the cards in (and just around) the viewport exist in the
 *   DOM, so 10,000 papers scroll and filter smoothly.
 * - Typing filters instantly in the browser (filter.ts, matcher.ts); Enter (or the Search
 *   button) asks the kernel for a semantic/hybrid search and shows the hits ranked by score.
 * - Kernel calls (search, reading-list writes, BibTeX/markdown/code renderings) are anywidget
 *   commands (rpc.ts), answered by `PaperCards._cmd_*` in the kernel.
 * - Paper text is only ever set with `textContent`; links are made only for http(s) URLs.
 *
 * Performance marks: `paperlab-cards:render` (first paint) and `paperlab-cards:filter`
 * (keystroke to repaint) are recorded with `performance.measure` for the benchmark.
 */

import { KernelClient } from './rpc';
import { IRenderProps } from './types';
import { CardsView } from './view';

export default {
  render({ model, el, signal, experimental }: IRenderProps): () => void {
    const view = new CardsView(
      model,
      new KernelClient(experimental?.invoke, signal)
    );
    el.replaceChildren(view.root);
    view.start();
    return () => view.dispose();
  }
};
