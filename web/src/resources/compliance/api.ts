import { useQuery } from '@tanstack/react-query';
import { useGetList, type HttpError } from 'react-admin';
import { httpClient } from '../../providers/httpClient';
import { apiUrl } from '../../providers/dataProvider';
import { policiesInForce, type TierPolicy } from '../../components/policy/thresholds';
import type { ComplianceRecord } from '@campus/common';
import type { KpiName } from '../../components/kpi/kpi';
import type { TrendKpi } from './kpi';

/** GET on an API path that is not a list (aggregates, trends): JSON, errors as the server words them. */
export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await httpClient(apiUrl(path), { signal });
  return res.json as T;
}

export interface TierCount { tier: string; schools: number; compliant: number }
export interface RegionTierCount extends TierCount { regionId: number }

/** GET /api/compliance/summary: the dashboard's numbers, counted by the server in the user's scope. */
export interface ComplianceSummary {
  totals: { schools: number; compliant: number };
  byTier: TierCount[];
  regionTier: RegionTierCount[];
  failingByKpi: { kpi: KpiName; schools: number }[];
  atRisk: ComplianceRecord[];
  atRiskCount: number;
}

export interface SummaryFilter { regionId?: number; tier?: string }

export function useComplianceSummary(filter: SummaryFilter) {
  const clean = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as SummaryFilter;
  const query = Object.keys(clean).length ? `?filter=${encodeURIComponent(JSON.stringify(clean))}` : '';
  return useQuery<ComplianceSummary, HttpError>({
    queryKey: ['compliance', 'summary', clean],
    queryFn: ({ signal }) => apiGet<ComplianceSummary>(`/compliance/summary${query}`, signal),
  });
}

export type TrendPoint = { month: string } & Record<TrendKpi, number | null>;

/** GET /api/compliance/:id/trend: the flow KPIs cumulated month by month. */
export function useComplianceTrend(id: string | undefined) {
  return useQuery<TrendPoint[], HttpError>({
    queryKey: ['compliance', 'trend', id],
    queryFn: ({ signal }) => apiGet<TrendPoint[]>(`/compliance/${encodeURIComponent(id!)}/trend`, signal),
    enabled: !!id,
  });
}

/**
 * The minimum class hours an offline course needs to count, from the tier policy in force for the
 * year (the policy whose effective year is the latest not after the year's start): the offline
 * courses drill-down lists only the courses the KPI counts.
 */
export function useMinClassHours(row: Pick<ComplianceRecord, 'tier' | 'from'> | undefined): number | null {
  const { data } = useGetList<TierPolicy>(
    'tier-policies',
    { filter: { tier: row?.tier }, sort: { field: 'effectiveYear', order: 'DESC' }, pagination: { page: 1, perPage: 50 } },
    { enabled: !!row?.tier },
  );
  if (!row || !data) return null;
  const inForce = policiesInForce(data, Number(row.from.slice(0, 4)));
  const policy = data.find((p) => inForce.has(p.id));
  return (policy?.offlineCourseMinHours as number | undefined) ?? null;
}
