import type { QueryClient } from '@tanstack/react-query';
import type { Identifier } from 'react-admin';
import type { Application } from './plan-model';

/**
 * The react-query key under which react-admin keeps `useGetOne('applications', { id })` (ra-core
 * stringifies the id; no meta). The list fills it with its rows (without plan items) when empty.
 */
export const applicationQueryKey = (id: Identifier) => ['applications', 'getOne', { id: String(id), meta: undefined }];

/**
 * What the server answered for an application (a save, a read) becomes what every screen reading it
 * from the cache shows, so that no screen opens on an older version than one already saved. An answer
 * never replaces a newer version that is already there.
 */
export function rememberApplication(queryClient: QueryClient, record: Application) {
  queryClient.setQueryData<Application>(applicationQueryKey(record.id), (cached) =>
    (cached && Array.isArray(cached.planItems) && cached.version > record.version ? cached : record));
}

/**
 * Saves still under way per application: the form saves what is pending when the school leaves it
 * (without waiting), and opening the application again first waits for those saves so that its read
 * sees them.
 */
const pending = new Map<string, Promise<unknown>>();

export function trackSave<T>(id: Identifier, save: Promise<T>): Promise<T> {
  const key = String(id);
  const all: Promise<unknown> = Promise.allSettled([pending.get(key), save]).then(() => {
    if (pending.get(key) === all) pending.delete(key);
  });
  pending.set(key, all);
  return save;
}

/** Settles when every save of the application started so far has been answered; undefined when none is under way. */
export const savesUnderWay = (id: Identifier): Promise<unknown> | undefined => pending.get(String(id));
