import { lazy, Suspense } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Chip from '@mui/material/Chip';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { Link } from 'react-router-dom';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import { TierChip } from '../../components/chips';
import { formatCalendarDate, formatPeriod } from '../../components/dates';
import { useComplianceTrend, useMinClassHours } from './api';
import { CompliantChip, DrillDownLinks, FailingKpiChips, KpiCard, KpiStatusChip, KpiValue, OutlookChip } from './KpiParts';
import { formatKpiThreshold, kpiNames } from '../../components/kpi/kpi';
import { formatProjected, kpiStatus, trendKpis, type TrendKpi } from './kpi';
import { type ComplianceRecord } from '@campus/common';
import { CertificatesCard } from '../../components/kpi/CertificatesCard';
import { certificateVerdict, formatCertificateVerdict } from '../../components/kpi/gap';

const TrendChart = lazy(() => import('./TrendChart'));

const isTrendKpi = (kpi: string): kpi is TrendKpi => (trendKpis as readonly string[]).includes(kpi);

/** "2025-07-25" → "2025-07-25" / "25 Jul 2025": the year's dates in the UI language's one format (components/dates.ts). */
export function useFormatDate() {
  const [locale] = useLocaleState();
  return (date: string) => formatCalendarDate(date, locale);
}

export function PeriodText({ row }: { row: Pick<ComplianceRecord, 'from' | 'to'> }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // [from, to): shown from the first to the inclusive last day, as people read it (and as agreements show their end).
  return <span style={{ whiteSpace: 'nowrap' }}>{translate('app.compliance.period', formatPeriod(row.from, row.to, locale))}</span>;
}

/** The row's identity: school, tier, year and period, verdict and projection. */
export function YearHeader({ row, showSchool = true }: { row: ComplianceRecord; showSchool?: boolean }) {
  const translate = useTranslate();
  const format = useFormatDate();
  return (
    <Stack spacing={1}>
      {showSchool ? <Typography variant="h5" component="h2" sx={{ fontWeight: 600 }}>{row.schoolName}</Typography> : null}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <TierChip tier={row.tier} />
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>{translate('app.compliance.year', { year: row.year })}</Typography>
        <Typography variant="body2" color="text.secondary"><PeriodText row={row} /></Typography>
        <CompliantChip compliant={row.compliant} />
        {row.current ? <OutlookChip row={row} /> : null}
        {row.awaitingFinalReview ? <Chip size="small" color="warning" variant="outlined" label={translate('app.compliance.awaiting_final_review')} /> : null}
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {translate('app.compliance.as_of', { date: format(row.asOf) })}
        {row.enrolledStudents !== undefined
          ? ` · ${translate('app.compliance.students_counted', { enrolled: row.enrolledStudents, graduates: row.graduates ?? 0, certified: row.certifiedStudents ?? 0 })}`
          : ''}
      </Typography>
    </Stack>
  );
}

/** The eight KPIs of a row as cards, each flow KPI with its month-by-month chart. */
export function KpiGrid({ row, withSchool = false, trend = true }: { row: ComplianceRecord; withSchool?: boolean; trend?: boolean }) {
  const minClassHours = useMinClassHours(row);
  const { data: points, isPending } = useComplianceTrend(trend ? row.id : undefined);
  return (
    <Grid container spacing={2}>
      {/* The two certificate KPIs are one requirement (either count): one card, one verdict (issue 17 item 6). */}
      {kpiNames.filter((kpi) => kpi !== 'certificatesOperator').map((kpi) => {
        const chart = (k: TrendKpi) => (
          <Box key={k} sx={{ mt: 1 }}>
            {isPending ? <Skeleton variant="rounded" height={90} /> : points?.length ? (
              <Suspense fallback={<Skeleton variant="rounded" height={90} />}>
                <TrendChart kpi={k} points={points} threshold={row.kpis[k]?.threshold ?? null} height={90} />
              </Suspense>
            ) : null}
          </Box>
        );
        return (
          <Grid key={kpi} size={{ xs: 12, sm: 6, lg: 3 }}>
            {kpi === 'certificates1x' ? (
              <CertificatesCard row={row} drill={{ withSchool, minClassHours }}>
                {trend ? (['certificates1x', 'certificatesOperator'] as const).map(chart) : null}
              </CertificatesCard>
            ) : (
              <KpiCard kpi={kpi} cell={row.kpis[kpi]} row={row} drill={{ withSchool, minClassHours }}>
                {trend && isTrendKpi(kpi) ? chart(kpi) : null}
              </KpiCard>
            )}
          </Grid>
        );
      })}
    </Grid>
  );
}

/** The KPIs of a row as a table: value, threshold, verdict, year-end projection, and the records behind each. */
export function KpiTable({ row, withSchool = false }: { row: ComplianceRecord; withSchool?: boolean }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const minClassHours = useMinClassHours(row);
  const projected = row.projection?.status === 'projected';
  return (
    <Table size="small" aria-label={translate('app.compliance.kpi_table')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.compliance.kpi_table')}</TableCell>
          <TableCell align="right">{translate('app.compliance.value')}</TableCell>
          <TableCell>{translate('app.compliance.threshold')}</TableCell>
          <TableCell>{translate('app.compliance.status')}</TableCell>
          {row.current ? <TableCell align="right">{translate('app.compliance.projected')}</TableCell> : null}
          <TableCell>{translate('app.compliance.drilldown')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {kpiNames.map((kpi) => {
          const cell = row.kpis[kpi];
          // The certificate pair is one requirement: each count coloured by its own threshold, one verdict cell for both (issue 17 item 6).
          const pairVerdict = kpi === 'certificates1x' || kpi === 'certificatesOperator' ? certificateVerdict(row) : null;
          const shown = pairVerdict && cell && cell.threshold !== null && cell.value !== null ? { ...cell, met: cell.value + 1e-9 >= cell.threshold } : cell;
          return (
            <TableRow key={kpi} hover data-kpi={kpi}>
              <TableCell>
                <Tooltip title={translate(`app.kpi_help.${kpi}`)}><span>{translate(`app.kpi.${kpi}`)}</span></Tooltip>
              </TableCell>
              <TableCell align="right"><KpiValue kpi={kpi} cell={shown} /></TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatKpiThreshold(kpi, cell?.threshold ?? null, translate, locale)}</TableCell>
              {pairVerdict ? (kpi === 'certificates1x' ? (
                <TableCell rowSpan={2} data-testid="certificate-verdict-cell">
                  <KpiStatusChip status={pairVerdict.status} />
                  <Typography variant="caption" component="p" color="text.secondary" sx={{ mt: 0.5, maxWidth: 220 }}>{formatCertificateVerdict(pairVerdict, translate, locale)}</Typography>
                </TableCell>
              ) : null) : <TableCell><KpiStatusChip status={kpiStatus(cell)} /></TableCell>}
              {row.current ? (
                <TableCell align="right" sx={{ color: cell?.projectedMet === false ? 'error.main' : undefined, whiteSpace: 'nowrap' }}>
                  {projected ? formatProjected(kpi, cell?.projected, locale) : '—'}
                </TableCell>
              ) : null}
              <TableCell><DrillDownLinks kpi={kpi} row={row} options={{ withSchool, minClassHours }} /></TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** The flow KPIs month by month, larger, for the show page. */
export function TrendGrid({ row }: { row: ComplianceRecord }) {
  const translate = useTranslate();
  const { data: points, isPending, error } = useComplianceTrend(row.id);
  if (error) return <Alert severity="error">{error.message}</Alert>;
  return (
    <Grid container spacing={2}>
      {trendKpis.map((kpi) => (
        <Grid key={kpi} size={{ xs: 12, md: 6, lg: 4 }}>
          <Card variant="outlined">
            <CardHeader title={translate(`app.kpi.${kpi}`)} slotProps={{ title: { variant: 'body2', sx: { fontWeight: 600 } } }} sx={{ pb: 0 }} />
            <CardContent sx={{ pt: 1 }}>
              {isPending ? <Skeleton variant="rounded" height={180} /> : points?.length ? (
                <Suspense fallback={<Skeleton variant="rounded" height={180} />}>
                  <TrendChart kpi={kpi} points={points} threshold={row.kpis[kpi]?.threshold ?? null} height={180} />
                </Suspense>
              ) : (
                <Typography variant="body2" color="text.secondary">{translate('app.compliance.no_trend')}</Typography>
              )}
            </CardContent>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
}

/** Other agreement years of the same school (earlier years and earlier agreements), newest first. */
export function EarlierYears({ schoolId, exclude, title }: { schoolId?: number; exclude?: string; title?: string }) {
  const translate = useTranslate();
  const filter: Record<string, unknown> = { current: false };
  if (schoolId) filter.schoolId = schoolId;
  const { data, isPending, error } = useGetList<ComplianceRecord>('compliance', {
    filter, sort: { field: 'from', order: 'DESC' }, pagination: { page: 1, perPage: 20 },
  });
  const rows = (data ?? []).filter((r) => r.id !== exclude);
  return (
    <Card variant="outlined">
      <CardHeader title={title ?? translate('app.compliance.earlier_years')} slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }} />
      {error ? <Alert severity="error" sx={{ mx: 2, mb: 2 }}>{(error as Error).message}</Alert> : null}
      {isPending ? <Skeleton height={80} sx={{ mx: 2 }} /> : !rows.length ? (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 2 }}>{translate('app.compliance.no_earlier_years')}</Typography>
      ) : (
        <Table size="small">
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id} hover>
                <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: 600 }}>{translate('app.compliance.year', { year: r.year })}</TableCell>
                <TableCell><TierChip tier={r.tier} /></TableCell>
                <TableCell sx={{ color: 'text.secondary' }}><PeriodText row={r} /></TableCell>
                <TableCell><CompliantChip compliant={r.compliant} /></TableCell>
                <TableCell><FailingKpiChips kpis={r.failingKpis} /></TableCell>
                <TableCell align="right">
                  <Button component={Link} to={`/compliance/${encodeURIComponent(r.id)}/show`} size="small">{translate('app.compliance.open_row')}</Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
