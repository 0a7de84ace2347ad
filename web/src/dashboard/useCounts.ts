import { useQueries } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';

export interface Counts<K extends string> {
  counts: Partial<Record<K, number>>;
  isPending: boolean;
  error: unknown;
}

/**
 * How many records match each filter, as the server counts them in its scope: one page of one
 * row per filter, reading the total of the Content-Range header. No aggregation in the browser.
 */
export function useCounts<K extends string>(resource: string, filters: Record<K, Record<string, unknown>>): Counts<K> {
  const dataProvider = useDataProvider();
  const entries = Object.entries(filters) as [K, Record<string, unknown>][];
  const results = useQueries({
    queries: entries.map(([, filter]) => ({
      // Not react-admin's own getList key: this cache holds a number, not a page.
      queryKey: [resource, 'count', filter],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        dataProvider
          .getList(resource, { filter, pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' }, signal })
          .then((r) => r.total ?? 0),
    })),
  });
  const counts: Partial<Record<K, number>> = {};
  entries.forEach(([key], i) => {
    if (results[i].data !== undefined) counts[key] = results[i].data;
  });
  return {
    counts,
    isPending: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error,
  };
}
