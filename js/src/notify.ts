/**
 * Error notifications of the side panel. JupyterLab's toasts and its notification centre show
 * at most 140 characters of a message; a longer one shows its first sentence (what happened,
 * in words) and keeps the whole text behind a "Details" action, which stays in the centre.
 */

import { Dialog, Notification, showDialog } from '@jupyterlab/apputils';
import { Widget } from '@lumino/widgets';

import { h } from './common/dom';
import { summary, TOAST_LIMIT } from './paneltext';

/** Show the whole message in a dialog: its first sentence, then the rest (text only, wrapped). */
export function showDetails(message: string): Promise<unknown> {
  const node = h('div', 'paperlab-error-details');
  const first = summary(message, Infinity);
  node.append(h('p', 'paperlab-error-summary', first));
  const rest = message.slice(first.length).trim();
  if (rest) {
    node.append(h('p', 'paperlab-error-rest', rest));
  }
  const body = new Widget({ node });
  return showDialog({
    title: 'paperlab',
    body,
    buttons: [Dialog.okButton({ label: 'Close' })]
  });
}

/** Notify an error: in full when it fits, else its first sentence with a "Details" action. */
export function notifyError(message: string): string {
  if (message.length <= TOAST_LIMIT) {
    return Notification.error(message, { autoClose: 8000 });
  }
  return Notification.error(summary(message), {
    autoClose: 8000,
    actions: [
      {
        label: 'Details',
        caption: 'Show the whole message',
        callback: (event: MouseEvent) => {
          event.preventDefault(); // keep the notification (in the centre) after showing the details
          void showDetails(message);
        }
      }
    ]
  });
}
