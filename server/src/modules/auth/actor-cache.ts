import type { Actor } from '@campus/common';

interface Entry { actor: Actor; until: number }

/**
 * The signed-in users of recent requests, by session digest, for a few seconds: a page of the app
 * sends several requests at once, and each would otherwise look its session up again.
 *
 * This process forgets an entry as soon as it changes what the entry says (sign-out, an account
 * edited, deactivated or given a new password: `forget`/`clear`), so within one process a change
 * applies to the very next request. A change made by another process against the same database
 * applies here within `ttlMs` at most. No entry outlives its session's own expiry.
 */
export class ActorCache {
  private readonly entries = new Map<string, Entry>();
  /**
   * Bumped by every forget/clear: a look-up that began before a change must not store what it read
   * after the change (`set` with the generation read before the query).
   */
  private gen = 0;

  constructor(private readonly ttlMs: number, private readonly maxEntries = 5_000) {}

  get(digest: string, now = Date.now()): Actor | undefined {
    const entry = this.entries.get(digest);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(digest);
      return undefined;
    }
    return entry.actor;
  }

  get generation() {
    return this.gen;
  }

  /** Remembers what a look-up that began at `generation` read, unless something changed since. */
  set(digest: string, actor: Actor, sessionExpiresAt: Date, generation: number, now = Date.now()) {
    if (this.ttlMs <= 0 || generation !== this.gen) return;
    if (this.entries.size >= this.maxEntries) this.evictExpired(now);
    // Still full of live entries: drop the oldest (Map keeps insertion order).
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(digest, { actor, until: Math.min(now + this.ttlMs, sessionExpiresAt.getTime()) });
  }

  forget(digest: string) {
    this.gen++;
    this.entries.delete(digest);
  }

  /** After any change to accounts or sessions that may touch cached users. */
  clear() {
    this.gen++;
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }

  private evictExpired(now: number) {
    for (const [digest, entry] of this.entries) if (entry.until <= now) this.entries.delete(digest);
  }
}
