/**
 * The anywidget front end of paperlab's graph view (bundled to paperlab/static/graph.js).
 * Placeholder entry point until the view lands; text is only ever set with textContent.
 */

import { IRenderProps } from '../widget/types';

export default {
  render({ el }: IRenderProps): () => void {
    el.textContent = 'paperlab graph view';
    return () => el.replaceChildren();
  }
};
