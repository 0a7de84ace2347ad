import type { DataProvider } from 'react-admin';

/** POSTs a bulk action through the app's data provider (its API base and error handling): answers its count. */
async function post<T>(dataProvider: DataProvider, path: string, body: Record<string, unknown>): Promise<T> {
  const { data } = await dataProvider.create(path, { data: body });
  return data as unknown as T;
}

/** POST /api/students/bulk/leave: the students left on one day, all or none. */
export const markStudentsLeft = async (dp: DataProvider, ids: number[], leftOn: string, leftReason: 'graduated' | 'withdrew') =>
  (await post<{ updated: number }>(dp, 'students/bulk/leave', { ids, leftOn, leftReason })).updated;

/** POST /api/feedback/bulk/close: each with the version shown. */
export const closeFeedback = async (dp: DataProvider, items: { id: number; version: number }[]) =>
  (await post<{ updated: number }>(dp, 'feedback/bulk/close', { items })).updated;

/** POST /api/notifications/read: the named notifications of the user read; answers how many were unread. */
export const markNotificationsRead = async (dp: DataProvider, ids: number[]) =>
  (await post<{ read: number }>(dp, 'notifications/read', { ids })).read;
