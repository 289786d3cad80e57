/**
 * Keeping the keyboard in a text box the user is typing in when the page (not the user) takes it away.
 *
 * JupyterLab opens a Launcher in an empty main area once it has restored its layout, and activating it focuses
 * it. On a loaded machine that happens seconds after the page shows, in the middle of a note being typed in the
 * side panel: the rest of the sentence went to the launcher (CI at 2498573, test_panel.py's note test). A focus
 * change the user made (a click or tap, Tab, Escape, a key with Ctrl/Alt/Meta such as a shortcut, a function key)
 * is always kept; so is one into a dialog or menu, a box that is gone or hidden, and a page that lost the window's
 * focus.
 *
 * Nothing here imports JupyterLab.
 */

/**
 * How long after a press of the user's (pointer, or a key that moves focus) a focus change counts as theirs (ms):
 * a shortcut's widget takes focus a frame or more after the key, later on a loaded machine.
 */
export const USER_MOVE_MS = 1000;

/** How often within `USER_MOVE_MS` focus is brought back before whatever keeps taking it is let have it. */
export const MAX_RESTORES = 3;

/** Where focus may go without being taken back: dialogs and menus are for the user to answer. */
const MODAL =
  '[role="dialog"], [aria-modal="true"], dialog, .jp-Dialog, .lm-Menu';

/** When the user last pressed a key that moves focus, and last pressed a pointer (and on what). */
let lastKeyMove = -Infinity;
let lastPress = { at: -Infinity, on: null as EventTarget | null };
let watching = false;

/** A key that moves focus or runs a command, as opposed to one that edits the box's text or moves its caret. */
export function movesFocus(ev: {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}): boolean {
  return (
    ev.ctrlKey ||
    ev.altKey ||
    ev.metaKey ||
    ev.key === 'Tab' ||
    ev.key === 'Escape' ||
    /^F\d+$/.test(ev.key)
  );
}

function watchUser(): void {
  if (watching) {
    return;
  }
  watching = true;
  const pressed = (ev: Event) =>
    (lastPress = { at: performance.now(), on: ev.target });
  for (const type of ['pointerdown', 'mousedown', 'touchstart']) {
    window.addEventListener(type, pressed, { capture: true, passive: true });
  }
  window.addEventListener(
    'keydown',
    ev => {
      if (movesFocus(ev)) {
        lastKeyMove = performance.now();
      }
    },
    { capture: true }
  );
}

/**
 * Keep the keyboard in `box`: when focus leaves it for another element of the page without the user doing
 * anything that moves focus, focus, caret and selection come back at once (before another key is handled).
 */
export function keepFocus(box: HTMLTextAreaElement | HTMLInputElement): void {
  watchUser();
  let restores: number[] = []; // when focus was brought back (the last USER_MOVE_MS)
  box.addEventListener('focusout', () => {
    const now = performance.now();
    // a press in the box itself (the click that began the typing) moves nothing
    const pressedElsewhere =
      now - lastPress.at < USER_MOVE_MS &&
      !(lastPress.on instanceof Node && box.contains(lastPress.on));
    restores = restores.filter(at => now - at < USER_MOVE_MS);
    // the user's own move; or something that keeps taking it (again and again within a moment): let it have it
    if (
      pressedElsewhere ||
      now - lastKeyMove < USER_MOVE_MS ||
      restores.length >= MAX_RESTORES
    ) {
      return;
    }
    const start = box.selectionStart;
    const end = box.selectionEnd;
    const direction = box.selectionDirection ?? undefined;
    // after the script that moved focus has run: `activeElement` is then where focus went
    queueMicrotask(() => {
      const active = document.activeElement;
      if (
        !box.isConnected ||
        !active ||
        active === box ||
        active === document.body ||
        active.closest(MODAL)
      ) {
        return; // gone, blurred on purpose, the window left, or a dialog asks something
      }
      box.focus({ preventScroll: true });
      if (document.activeElement !== box) {
        return; // hidden meanwhile
      }
      restores.push(performance.now());
      if (start !== null && end !== null) {
        box.setSelectionRange(start, end, direction);
      }
    });
  });
}
