import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocaleState, useTranslate } from 'react-admin';
import type { TrendPoint } from './api';
import { formatKpiNumber } from '../../components/kpi/kpi';
import { formatMonth, formatNumber } from '../../components/dates';
import { type TrendKpi } from './kpi';
import { ChartWithTable } from '../../components/charts/ChartWithTable';

/**
 * A flow KPI month by month (cumulative for the year), with the threshold as a dashed line so the
 * school sees how far it still has to go. Loaded with recharts, lazily.
 */
export default function TrendChart({ kpi, points, threshold, height = 110, color = '#1565c0' }: { kpi: TrendKpi; points: TrendPoint[]; threshold: number | null; height?: number; color?: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const data = points.map((p) => ({ month: formatMonth(p.month, locale), value: p[kpi] }));
  const max = Math.max(threshold ?? 0, ...data.map((d) => d.value ?? 0));
  const kpiLabel = translate(`app.kpi.${kpi}`);
  const columns = [
    { label: translate('app.a11y.col_month'), value: (r: (typeof data)[number]) => r.month },
    { label: kpiLabel, value: (r: (typeof data)[number]) => (r.value == null ? null : formatKpiNumber(kpi, r.value, locale)) },
  ];
  if (threshold !== null) columns.push({ label: translate('app.a11y.col_threshold'), value: () => formatKpiNumber(kpi, threshold, locale) });
  return (
    <ChartWithTable title={translate('app.a11y.trend_chart', { kpi: kpiLabel })} rows={data} rowKey={(r) => r.month} columns={columns} testId={`chart-trend-${kpi}`}>
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -12 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="month" tick={{ fontSize: 10 }} interval="preserveStartEnd" tickLine={false} />
        <YAxis tick={{ fontSize: 10 }} width={40} domain={[0, Math.ceil(max * 1.1) || 1]} allowDecimals={kpi === 'practiceHours'} tickLine={false} tickFormatter={(v: number) => formatNumber(v, locale, 1)} />
        <Tooltip formatter={(value) => [formatKpiNumber(kpi, value as number, locale), translate(`app.kpi.${kpi}`)]} />
        {threshold !== null ? (
          <ReferenceLine y={threshold} stroke="#c62828" strokeDasharray="4 4" ifOverflow="extendDomain" label={{ value: translate('app.compliance.threshold_line'), position: 'insideTopLeft', fontSize: 10, fill: '#c62828' }} />
        ) : null}
        <Line type="monotone" dataKey="value" stroke={color} strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} connectNulls />
      </LineChart>
    </ResponsiveContainer>
    </ChartWithTable>
  );
}
