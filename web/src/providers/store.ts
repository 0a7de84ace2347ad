import { localStorageStore, type Store } from 'react-admin';

const KEPT_ON_RESET = ['locale'];

/**
 * react-admin's localStorage store, except that signing out (which resets the store so that the
 * next user starts clean) keeps the language chosen on this browser.
 */
export function createStore(): Store {
  const base = localStorageStore('1', 'CampusPartner');
  return {
    ...base,
    reset() {
      const kept = KEPT_ON_RESET.map((key) => [key, base.getItem(key)] as const);
      base.reset();
      for (const [key, value] of kept) if (value !== undefined) base.setItem(key, value);
    },
  };
}
