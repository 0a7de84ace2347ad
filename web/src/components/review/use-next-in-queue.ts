import { useCallback } from 'react';
import { useDataProvider, useNotify, usePermissions, useStore, type SortPayload } from 'react-admin';
import { useNavigate } from 'react-router-dom';

interface StoredListParams { filter?: Record<string, unknown>; sort?: string; order?: 'ASC' | 'DESC' }

/** The reviewer's queue as the application list shows it: its stored filters (region, tier…), waiting ones only, in its order. */
export const defaultQueueSort: SortPayload = { field: 'waitingDays', order: 'DESC' };

/**
 * A reviewer's queue of one resource: the list it is read from (its react-admin store key, so the
 * filters and order the reviewer chose there apply), the filter that makes the list a queue, and the
 * order when the list has none stored.
 */
export interface ReviewQueue {
  resource: 'applications' | 'agreements' | 'evaluations';
  /** The list's store key (`storeKey` of its <List>, or react-admin's `<resource>.listParams`). */
  storeKey: (role: string | undefined) => string;
  /** What makes the list a queue, applied over the list's own filters (`stored` is the list's status filter). */
  queueFilter: (stored: Record<string, unknown>) => Record<string, unknown>;
  sort: SortPayload;
}

/** Applications waiting for the signed-in reviewer's step (the server's `queue` filter). */
export const applicationQueue: ReviewQueue = {
  resource: 'applications',
  storeKey: (role) => `applications.${role}`,
  queueFilter: () => ({ queue: true }),
  sort: defaultQueueSort,
};

/** The agreement steps that wait for HQ: signing, the plaque ceremony, the inspection. */
export const agreementQueueStates = ['pending_signing', 'pending_plaque', 'pending_inspection'] as const;

/** Agreements at one of HQ's steps; a list filtered on some of these states keeps to them. */
export const agreementQueue: ReviewQueue = {
  resource: 'agreements',
  storeKey: (role) => `agreements.${role}`,
  queueFilter: (stored) => {
    const chosen = ([] as unknown[]).concat(stored.status ?? []).filter((s): s is string => (agreementQueueStates as readonly unknown[]).includes(s));
    return { status: chosen.length ? chosen : [...agreementQueueStates] };
  },
  sort: { field: 'updatedAt', order: 'ASC' },
};

/** Evaluations open for HQ's decision (the evaluation list's own queue: status open). */
export const evaluationQueue: ReviewQueue = {
  resource: 'evaluations',
  storeKey: () => 'evaluations.listParams',
  queueFilter: () => ({ status: 'open' }),
  sort: { field: 'createdAt', order: 'DESC' },
};

/**
 * After a review action: go to the next record of the reviewer's queue (the queue the list shows,
 * with its filters and order), or, when the queue is empty, stay with a "queue done" state
 * (`location.state.queueDone`, drawn by <QueueDone>). Resolves to the next record's id, or null (also when the
 * reviewer has gone to another page while the queue was read: they stay there).
 */
export function useNextInQueue(queue: ReviewQueue = applicationQueue) {
  const dataProvider = useDataProvider();
  const navigate = useNavigate();
  const notify = useNotify();
  const { permissions: role } = usePermissions<string>();
  const [params] = useStore<StoredListParams | undefined>(queue.storeKey(role));
  return useCallback(async (currentId: number | string) => {
    const { q: search, ...filter } = params?.filter ?? {};
    const sort = params?.sort ? { field: params.sort, order: params.order ?? 'DESC' } : queue.sort;
    // The app's routes live in the URL's hash (react-admin's hash router): where the reviewer is when the action is done.
    const actedOn = window.location.href;
    const { data, total } = await dataProvider.getList(queue.resource, {
      filter: { ...filter, ...(search ? { q: search } : {}), ...queue.queueFilter(filter) }, sort, pagination: { page: 1, perPage: 2 },
    });
    // A reviewer who went elsewhere while the queue was read stays where they went.
    if (window.location.href !== actedOn) return null;
    const next = data.find((r) => String(r.id) !== String(currentId));
    if (next) {
      notify('app.review.queue_next', { type: 'success', messageArgs: { id: next.id, school: next.schoolName ?? '', left: total } });
      navigate(`/${queue.resource}/${next.id}/show`);
      return next.id;
    }
    navigate(`/${queue.resource}/${currentId}/show`, { state: { queueDone: true }, replace: true });
    return null;
  }, [dataProvider, navigate, notify, params, queue]);
}
