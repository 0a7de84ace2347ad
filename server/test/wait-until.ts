/**
 * Waits for a condition instead of for a length of time: polls `probe` until it returns a value (anything but
 * undefined or false) and returns that value. Past the deadline it fails loudly, saying what was awaited and, when
 * given, what `detail` reports (a child process's output, the state seen last). The deadline is generous on purpose:
 * it is there to end a test that can never pass, not to measure speed, so a busy machine never meets it.
 */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs = 180_000, intervalMs = 50, detail }: { timeoutMs?: number; intervalMs?: number; detail?: () => string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms${detail ? `\n${detail()}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
