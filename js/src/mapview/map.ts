/**
 * The anywidget front end of paperlab's map view (bundled to paperlab/static/map.js).
 * Placeholder entry point until the view lands; text is only ever set with textContent.
 */

import { IRenderProps } from '../widget/types';

export default {
  render({ el }: IRenderProps): () => void {
    el.textContent = 'paperlab map view';
    return () => el.replaceChildren();
  }
};
