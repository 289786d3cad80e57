/**
 * The anywidget front end of `paperlab.mapview.TopicMap` (bundled to paperlab/static/map.js):
 * the interactive topic map of a library (view.ts). Paper text only ever goes in via textContent.
 */

import { IRenderProps } from '../widget/types';
import { MapView } from './view';

export default {
  render({ model, el, signal, experimental }: IRenderProps): () => void {
    const view = new MapView(model, experimental?.invoke, signal);
    el.replaceChildren(view.root);
    view.start();
    return () => view.dispose();
  }
};
