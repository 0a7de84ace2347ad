import { useGetList } from 'react-admin';
import { policiesInForce, type TierPolicy } from './thresholds';

/** The calendar year in China today (DOMAIN.md: dates are Asia/Shanghai). */
export const chinaYear = (now = new Date()) =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));

/** The tier's policy in force this year: the latest effectiveYear not after it. */
export function usePolicyInForce(tier: string | undefined) {
  const { data, isPending } = useGetList<TierPolicy>(
    'tier-policies',
    { filter: { tier }, sort: { field: 'effectiveYear', order: 'DESC' }, pagination: { page: 1, perPage: 100 } },
    { enabled: !!tier },
  );
  const inForce = data ? policiesInForce(data, chinaYear()) : new Set();
  return { policy: data?.find((p) => inForce.has(p.id)), isPending: !!tier && isPending };
}
