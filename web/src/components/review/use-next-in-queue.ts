import { useCallback } from 'react';
import { useDataProvider, useNotify, usePermissions, useStore, type SortPayload } from 'react-admin';
import { useNavigate } from 'react-router-dom';

interface StoredListParams { filter?: Record<string, unknown>; sort?: string; order?: 'ASC' | 'DESC' }

/** The reviewer's queue as the application list shows it: its stored filters (region, tier…), waiting ones only, in its order. */
export const defaultQueueSort: SortPayload = { field: 'waitingDays', order: 'DESC' };

/**
 * After a review action: go to the next application of the reviewer's queue (the queue the list
 * shows, with its filters and order), or, when the queue is empty, stay with a "queue done" state.
 */
export function useNextInQueue() {
  const dataProvider = useDataProvider();
  const navigate = useNavigate();
  const notify = useNotify();
  const { permissions: role } = usePermissions<string>();
  const [params] = useStore<StoredListParams | undefined>(`applications.${role}`);
  return useCallback(async (currentId: number | string) => {
    const { q: _search, ...filter } = params?.filter ?? {};
    const sort = params?.sort ? { field: params.sort, order: params.order ?? 'DESC' } : defaultQueueSort;
    const { data, total } = await dataProvider.getList('applications', {
      filter: { ...filter, ...(_search ? { q: _search } : {}), queue: true }, sort, pagination: { page: 1, perPage: 2 },
    });
    const next = data.find((r) => String(r.id) !== String(currentId));
    if (next) {
      notify('app.review.queue_next', { type: 'success', messageArgs: { id: next.id, school: next.schoolName ?? '', left: total } });
      navigate(`/applications/${next.id}/show`);
    } else {
      navigate(`/applications/${currentId}/show`, { state: { queueDone: true }, replace: true });
    }
  }, [dataProvider, navigate, notify, params]);
}
