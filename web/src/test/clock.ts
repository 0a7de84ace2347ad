import { onTestFinished, vi } from 'vitest';

/**
 * Fakes setTimeout and clearTimeout (the clock of autosave and of polling) for the rest of the test. The fake clock
 * still follows real time, so waits for what the screen shows work as before; `pass(ms)` moves it on at once, firing
 * every timeout due by then: "nothing happens within N seconds" is then a fact of the fake clock, not a real wait
 * that a busy machine can make meaningless. Install it before rendering, so the component's timeouts are fake ones.
 */
export function fakeTimeouts() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
  onTestFinished(() => {
    vi.useRealTimers();
  });
  return {
    pass: async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms);
    },
  };
}
