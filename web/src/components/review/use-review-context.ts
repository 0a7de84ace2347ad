import { useQuery } from '@tanstack/react-query';
import type { ReviewContextRecord } from '@campus/common';
import { httpClient } from '../../providers/httpClient';
import { API_URL } from '../../providers/dataProvider';

export type ReviewResource = 'applications' | 'agreements' | 'evaluations';

/** GET /api/<resource>/:id/review-context, refetched with the record (its version is part of the key). */
export function useReviewContext(resource: ReviewResource, id: number | string | undefined, version?: number) {
  return useQuery({
    queryKey: ['review-context', resource, Number(id), version ?? 0],
    queryFn: async () => (await httpClient(`${API_URL}/${resource}/${id}/review-context`)).json as ReviewContextRecord,
    enabled: id != null,
    staleTime: 30_000,
  });
}
