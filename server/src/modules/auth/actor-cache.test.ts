import { describe, expect, it } from 'vitest';
import { ActorCache } from './actor-cache.js';
import type { Actor } from '@campus/common';

const actor = (id: number): Actor => ({ id, email: `u${id}@test.cn`, name: `u${id}`, role: 'hq', locale: 'zh', regionIds: [], schoolId: null, providerId: null });
const later = new Date(Date.now() + 3600_000);

describe('ActorCache', () => {
  it('keeps an entry for its time to live, never past the session expiry', () => {
    const cache = new ActorCache(5_000);
    cache.set('a', actor(1), later, cache.generation, 1_000);
    expect(cache.get('a', 5_999)?.id).toBe(1);
    expect(cache.get('a', 6_000)).toBeUndefined();
    cache.set('b', actor(2), new Date(2_000), cache.generation, 1_000);
    expect(cache.get('b', 1_999)?.id).toBe(2);
    expect(cache.get('b', 2_000)).toBeUndefined();
  });

  it('does not store what a look-up read before a change (forget or clear) happened', () => {
    const cache = new ActorCache(5_000);
    const before = cache.generation;
    cache.clear();
    cache.set('a', actor(1), later, before);
    expect(cache.get('a')).toBeUndefined();
    const g = cache.generation;
    cache.forget('other');
    cache.set('a', actor(1), later, g);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', actor(1), later, cache.generation);
    expect(cache.get('a')?.id).toBe(1);
    cache.forget('a');
    expect(cache.get('a')).toBeUndefined();
  });

  it('stores nothing with a time to live of 0, and stays within its size', () => {
    const off = new ActorCache(0);
    off.set('a', actor(1), later, off.generation);
    expect(off.size).toBe(0);
    const small = new ActorCache(5_000, 3);
    for (let i = 0; i < 10; i++) small.set(`s${i}`, actor(i), later, small.generation);
    expect(small.size).toBe(3);
    expect(small.get('s9')?.id).toBe(9);
    expect(small.get('s0')).toBeUndefined();
  });
});
