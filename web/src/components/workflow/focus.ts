/**
 * Where focus goes after a workflow action or dialog (WCAG 2.4.3 focus order): never to <body>.
 *
 * A dialog gives focus back to the button that opened it, but a successful action often removes that
 * button (the record's allowedActions change when the page reloads it), and focus then falls to
 * <body>, where a keyboard or screen-reader user has lost their place. focusAfterAction watches for a
 * while (the page's reload comes some time after the dialog closed) and, whenever focus is on <body>,
 * moves it to the opener if it is still there, else to the page's heading (h1, made focusable), else
 * to the main area.
 */

/** The element to land on when the opener is gone: the page's heading, else its main area. */
export function pageLandmark(doc: Document = document): HTMLElement | null {
  const heading = doc.querySelector<HTMLElement>('main h1, #main-content h1, h1');
  const target = heading ?? doc.querySelector<HTMLElement>('main, #main-content, [role="main"]');
  if (target && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  return target;
}

const lost = (doc: Document) => !doc.activeElement || doc.activeElement === doc.body || !doc.activeElement.isConnected;

/** Focuses `el` when it is still in the page and not disabled; answers whether it did. */
function tryFocus(el: HTMLElement | null | undefined): boolean {
  if (!el || !el.isConnected || (el as HTMLButtonElement).disabled) return false;
  el.focus();
  return el.ownerDocument.activeElement === el;
}

/** The watch running now: there is one focus, so at most one watch keeps it (the latest action's). */
let stopCurrent: (() => void) | undefined;

/** Ends the running watch, if any (a newer action's watch does it; so does the tests' cleanup between tests). */
export function stopFocusWatch(): void {
  stopCurrent?.();
  stopCurrent = undefined;
}

/**
 * Keeps focus meaningful for `watchMs` after an action: the opener while it lasts, else the page's
 * heading. Stops early once the user has moved focus elsewhere, and when a newer action starts its
 * own watch (an earlier page's watch would otherwise move focus on the page that followed it).
 * Answers a function that stops it.
 */
export function focusAfterAction(opener: Element | null | undefined, { watchMs = 8_000, everyMs = 100 } = {}): () => void {
  stopFocusWatch();
  const doc = opener?.ownerDocument ?? document;
  const until = Date.now() + watchMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    const active = doc.activeElement;
    if (lost(doc)) {
      if (!tryFocus(opener as HTMLElement | null)) tryFocus(pageLandmark(doc));
    } else if (active !== opener && active !== pageLandmark(doc)) {
      // The user (or the page) put focus somewhere on purpose.
      return;
    }
    if (Date.now() < until) timer = setTimeout(tick, everyMs);
  };
  timer = setTimeout(tick, 0);
  const stop = () => {
    clearTimeout(timer);
    if (stopCurrent === stop) stopCurrent = undefined;
  };
  stopCurrent = stop;
  return stop;
}

/** Focuses the first alert inside `container` (made focusable), so that a refusal is read out and the user is at it. */
export function focusAlert(container: HTMLElement | null): void {
  const alert = container?.querySelector<HTMLElement>('[role="alert"]');
  if (!alert) return;
  if (!alert.hasAttribute('tabindex')) alert.setAttribute('tabindex', '-1');
  alert.focus();
}
