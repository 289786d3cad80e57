/**
 * The anywidget front end of `paperlab.graphview.GraphView` (bundled to paperlab/static/graph.js): the
 * citation graph of a library (view.ts). Paper text only ever goes in via textContent or sigma's canvas.
 */

import { IRenderProps } from '../widget/types';
import { GraphView } from './view';

export default {
  render({ model, el, signal, experimental }: IRenderProps): () => void {
    const view = new GraphView(model, experimental?.invoke, signal);
    el.replaceChildren(view.root);
    view.start();
    return () => view.dispose();
  }
};
