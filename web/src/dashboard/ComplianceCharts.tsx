import { Link as RouterLink, useNavigate } from 'react-router-dom';
import Link from '@mui/material/Link';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { tiers } from '../components/vocabulary';
import { complianceUrl } from '../resources/compliance/drilldown';
import { kpiNames } from '../components/kpi/kpi';
import type { ComplianceSummary } from '../resources/compliance/api';
import { ChartWithTable } from '../components/charts/ChartWithTable';

const green = '#2e7d32';
const red = '#c62828';

/** A number of the table view that opens the same drill-down as the chart's bar. */
function Drill({ to, value }: { to: string; value: number }) {
  return <Link component={RouterLink} to={to}>{value}</Link>;
}

/**
 * Schools per tier, split into compliant and not compliant (stacked): clicking a segment opens the
 * compliance list of that tier and verdict. Its table view has the same numbers, as links.
 */
export function TierComplianceChart({ summary, scope }: { summary: ComplianceSummary; scope: Record<string, unknown> }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const data = tiers.map((tier) => {
    const t = summary.byTier.find((b) => b.tier === tier);
    return { tier, name: translate(`app.tier.${tier}`), compliant: t?.compliant ?? 0, failing: (t?.schools ?? 0) - (t?.compliant ?? 0) };
  });
  const url = (tier: string, compliant: boolean) => complianceUrl({ current: true, ...scope, tier, compliant });
  const open = (index: number, compliant: boolean) => navigate(url(data[index].tier, compliant));
  return (
    <ChartWithTable
      title={translate('app.dashboard.compliant_by_tier')}
      rows={data}
      rowKey={(r) => r.tier}
      columns={[
        { label: translate('app.a11y.col_tier'), value: (r) => r.name },
        { label: translate('app.dashboard.series_compliant'), value: (r) => <Drill to={url(r.tier, true)} value={r.compliant} /> },
        { label: translate('app.dashboard.series_failing'), value: (r) => <Drill to={url(r.tier, false)} value={r.failing} /> },
      ]}
      testId="chart-tier-compliance"
    >
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={data} margin={{ top: 16, right: 16, bottom: 0, left: -8 }} barCategoryGap="28%" accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip cursor={{ fill: 'rgba(0,0,0,0.04)' }} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="compliant" name={translate('app.dashboard.series_compliant')} stackId="s" fill={green} cursor="pointer" isAnimationActive={false} onClick={(_e, i) => open(i, true)}>
          <LabelList dataKey="compliant" position="center" fill="#fff" fontSize={12} formatter={(v: unknown) => (Number(v) ? String(v) : '')} />
        </Bar>
        <Bar dataKey="failing" name={translate('app.dashboard.series_failing')} stackId="s" fill={red} radius={[6, 6, 0, 0]} cursor="pointer" isAnimationActive={false} onClick={(_e, i) => open(i, false)}>
          <LabelList dataKey="failing" position="center" fill="#fff" fontSize={12} formatter={(v: unknown) => (Number(v) ? String(v) : '')} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
    </ChartWithTable>
  );
}

/** How many schools fail each KPI: a bar opens the compliance list filtered to that failing KPI. */
export function FailingKpiChart({ summary, scope }: { summary: ComplianceSummary; scope: Record<string, unknown> }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const data = kpiNames.map((kpi) => ({ kpi, name: translate(`app.kpi.${kpi}`), schools: summary.failingByKpi.find((f) => f.kpi === kpi)?.schools ?? 0 }));
  const url = (kpi: string) => complianceUrl({ current: true, ...scope, failingKpi: kpi });
  return (
    <ChartWithTable
      title={translate('app.dashboard.failing_by_kpi')}
      rows={data}
      rowKey={(r) => r.kpi}
      columns={[
        { label: translate('app.a11y.col_kpi'), value: (r) => r.name },
        { label: translate('app.dashboard.at_risk_count'), value: (r) => <Drill to={url(r.kpi)} value={r.schools} /> },
      ]}
      testId="chart-failing-kpi"
    >
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 32, bottom: 0, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip cursor={{ fill: 'rgba(0,0,0,0.04)' }} formatter={(v) => [v as number, translate('app.dashboard.at_risk_count')]} />
        <Bar dataKey="schools" fill={red} radius={[0, 6, 6, 0]} maxBarSize={22} cursor="pointer" isAnimationActive={false} onClick={(_e, i) => navigate(url(data[i].kpi))}>
          <LabelList dataKey="schools" position="right" fontSize={12} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
    </ChartWithTable>
  );
}
