import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Long work in small slices: `await slice()` between steps gives the event loop a turn (other
 * requests, the health check) whenever `ms` have passed since the last turn, and costs next to
 * nothing otherwise.
 */
export function timeSlicer(ms = 10) {
  let since = performance.now();
  return async function slice() {
    if (performance.now() - since < ms) return;
    await nextTurn();
    since = performance.now();
  };
}
