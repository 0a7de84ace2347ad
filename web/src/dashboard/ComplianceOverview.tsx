import { lazy, Suspense, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import PercentIcon from '@mui/icons-material/Percent';
import { Link as RouterLink } from 'react-router-dom';
import { useGetIdentity, useGetList, usePermissions, useTranslate } from 'react-admin';
import { TierChip } from '../components/chips';
import { useRegionName } from '../components/fields';
import { tierColors, tiers } from '../components/vocabulary';
import { useComplianceSummary, type ComplianceSummary, type SummaryFilter } from '../resources/compliance/api';
import { complianceUrl } from '../resources/compliance/drilldown';
import { FailingKpiChips, OutlookChip } from '../resources/compliance/KpiParts';
import { StatCard } from './StatCard';
import { WhenNear } from '../components/WhenNear';

// recharts is fetched with the dashboard, not with the app shell.
const TierComplianceChart = lazy(() => import('./ComplianceCharts').then((m) => ({ default: m.TierComplianceChart })));
const FailingKpiChart = lazy(() => import('./ComplianceCharts').then((m) => ({ default: m.FailingKpiChart })));

interface Region { id: number; nameZh: string; nameEn: string; sortOrder: number }

const cardTitle = { title: { variant: 'subtitle1' as const, sx: { fontWeight: 600 } } };

/** Background of a heat-table cell by the share of compliant schools: red (none) through amber to green (all). */
export function shareColor(share: number): string {
  const hue = Math.round(Math.max(0, Math.min(1, share)) * 120);
  return `hsl(${hue}, 70%, 88%)`;
}

/** Region × tier: compliant / schools in each cell, coloured by share, each cell opening its schools. */
export function RegionTierTable({ summary, regions, scope }: { summary: ComplianceSummary; regions: Region[]; scope: SummaryFilter }) {
  const translate = useTranslate();
  const regionName = useRegionName();
  const shownTiers = scope.tier ? tiers.filter((t) => t === scope.tier) : tiers;
  const withData = regions.filter((r) => summary.regionTier.some((c) => c.regionId === r.id));
  const cell = (regionId: number | undefined, tier: string | undefined) => {
    const rows = summary.regionTier.filter((c) => (regionId === undefined || c.regionId === regionId) && (tier === undefined || c.tier === tier));
    return { schools: rows.reduce((n, c) => n + c.schools, 0), compliant: rows.reduce((n, c) => n + c.compliant, 0) };
  };
  const Cell = ({ regionId, tier, strong }: { regionId?: number; tier?: string; strong?: boolean }) => {
    const { schools, compliant } = cell(regionId, tier);
    if (!schools) return <TableCell align="center" sx={{ color: 'text.disabled' }}>—</TableCell>;
    const filter = { current: true, ...scope, ...(regionId !== undefined ? { regionId } : {}), ...(tier !== undefined ? { tier } : {}) };
    return (
      <TableCell align="center" sx={{ bgcolor: shareColor(compliant / schools), p: 0 }}>
        <Link
          component={RouterLink}
          to={complianceUrl(filter)}
          underline="hover"
          color="inherit"
          data-testid={`heat-${regionId ?? 'all'}-${tier ?? 'all'}`}
          sx={{ display: 'block', py: 1, px: 1, fontWeight: strong ? 700 : 500, fontVariantNumeric: 'tabular-nums' }}
        >
          {compliant} / {schools}
        </Link>
      </TableCell>
    );
  };
  if (!withData.length) return <Typography variant="body2" color="text.secondary">{translate('app.dashboard.no_measured')}</Typography>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={translate('app.dashboard.region_tier')} sx={{ '& td, & th': { borderColor: 'background.paper', borderWidth: 2, borderStyle: 'solid' } }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.dashboard.region')}</TableCell>
            {shownTiers.map((t) => (
              <TableCell key={t} align="center" sx={{ fontSize: 12, lineHeight: 1.3, px: 0.5 }}>
                <Box component="span" sx={{ display: 'inline-block', width: 8, height: 8, borderRadius: '50%', bgcolor: tierColors[t], mr: 0.5 }} />
                {translate(`app.tier.${t}`)}
              </TableCell>
            ))}
            <TableCell align="center" sx={{ fontWeight: 600 }}>{translate('app.dashboard.total')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {withData.map((r) => (
            <TableRow key={r.id}>
              <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: 500 }}>{regionName(r)}</TableCell>
              {shownTiers.map((t) => <Cell key={t} regionId={r.id} tier={t} />)}
              <Cell regionId={r.id} tier={scope.tier} strong />
            </TableRow>
          ))}
          <TableRow>
            <TableCell sx={{ fontWeight: 600 }}>{translate('app.dashboard.total')}</TableCell>
            {shownTiers.map((t) => <Cell key={t} tier={t} strong />)}
            <Cell tier={scope.tier} strong />
          </TableRow>
        </TableBody>
      </Table>
    </Box>
  );
}

/** The schools failing now, most failing KPIs first, with whether the projection says they recover. */
export function AtRiskList({ summary, scope }: { summary: ComplianceSummary; scope: SummaryFilter }) {
  const translate = useTranslate();
  if (!summary.atRisk.length) return <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 2 }}>{translate('app.dashboard.no_at_risk')}</Typography>;
  const more = summary.atRiskCount - summary.atRisk.length;
  return (
    <>
      <Table size="small">
        <TableBody>
          {summary.atRisk.slice(0, 12).map((row) => (
            <TableRow key={row.id} hover>
              <TableCell sx={{ pl: 2 }}>
                <Link component={RouterLink} to={`/compliance/${encodeURIComponent(row.id)}/show`} underline="hover" sx={{ fontWeight: 500 }}>{row.schoolName}</Link>
                <Box sx={{ mt: 0.5 }}><TierChip tier={row.tier} /></Box>
              </TableCell>
              <TableCell>
                <FailingKpiChips kpis={row.failingKpis} />
                <Box sx={{ mt: 0.75 }}><OutlookChip row={row} /></Box>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {more > 0 || summary.atRisk.length > 12 ? (
        <Box sx={{ px: 2, py: 1 }}>
          <Button component={RouterLink} to={complianceUrl({ current: true, ...scope, compliant: false })} size="small">
            {translate('app.common.view_all')} ({summary.atRiskCount})
          </Button>
        </Box>
      ) : null}
    </>
  );
}

function Filters({ value, onChange, regions }: { value: SummaryFilter; onChange: (f: SummaryFilter) => void; regions: Region[] }) {
  const translate = useTranslate();
  const regionName = useRegionName();
  return (
    <Stack direction="row" spacing={1.5}>
      {regions.length > 1 ? (
        <TextField
          select
          size="small"
          label={translate('app.dashboard.filter_region')}
          value={value.regionId ?? ''}
          onChange={(e) => onChange({ ...value, regionId: e.target.value === '' ? undefined : Number(e.target.value) })}
          sx={{ minWidth: 130 }}
          slotProps={{ htmlInput: { 'data-testid': 'dashboard-region' } }}
        >
          <MenuItem value="">{translate('app.dashboard.all')}</MenuItem>
          {regions.map((r) => <MenuItem key={r.id} value={r.id}>{regionName(r)}</MenuItem>)}
        </TextField>
      ) : null}
      <TextField
        select
        size="small"
        label={translate('app.dashboard.filter_tier')}
        value={value.tier ?? ''}
        onChange={(e) => onChange({ ...value, tier: e.target.value === '' ? undefined : e.target.value })}
        sx={{ minWidth: 160 }}
      >
        <MenuItem value="">{translate('app.dashboard.all')}</MenuItem>
        {tiers.map((t) => <MenuItem key={t} value={t}>{translate(`app.tier.${t}`)}</MenuItem>)}
      </TextField>
    </Stack>
  );
}

/**
 * HQ's and regional staff's view of this year's compliance: every number is the server's
 * (GET /api/compliance/summary, scoped to the user's regions) and opens the list of rows behind it.
 */
export function ComplianceOverview() {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<string>();
  const { identity } = useGetIdentity();
  const [filter, setFilter] = useState<SummaryFilter>({});
  const { data: summary, isPending, error } = useComplianceSummary(filter);
  const regionIds = role === 'regional' ? ((identity?.regionIds as number[] | undefined) ?? []) : undefined;
  const { data: allRegions } = useGetList<Region>('regions', { sort: { field: 'sortOrder', order: 'ASC' }, pagination: { page: 1, perPage: 100 } });
  const regions = (allRegions ?? []).filter((r) => !regionIds || regionIds.includes(r.id));
  const scope: SummaryFilter = { ...(filter.regionId ? { regionId: filter.regionId } : {}), ...(filter.tier ? { tier: filter.tier } : {}) };
  const totals = summary?.totals;
  const rate = totals && totals.schools ? Math.round((totals.compliant / totals.schools) * 100) : undefined;
  return (
    <Stack spacing={2} data-testid="compliance-overview">
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, gap: 1 }}>
        <Typography variant="h6" component="h2" sx={{ fontWeight: 600 }}>{translate('app.dashboard.compliance_overview')}</Typography>
        <Filters value={filter} onChange={setFilter} regions={regions} />
      </Stack>
      {error ? <Alert severity="error">{error.message}</Alert> : null}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
          <StatCard label={translate('app.dashboard.schools_measured')} value={totals?.schools} icon={<FactCheckIcon />} color="#283593" to={complianceUrl({ current: true, ...scope })} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
          <StatCard label={translate('app.dashboard.compliant_schools')} value={totals?.compliant} icon={<TaskAltIcon />} color="#2e7d32" to={complianceUrl({ current: true, ...scope, compliant: true })} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
          <StatCard label={translate('app.dashboard.at_risk_count')} value={summary?.atRiskCount} icon={<WarningAmberIcon />} color="#d32f2f" to={complianceUrl({ current: true, ...scope, compliant: false })} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
          <StatCard label={translate('app.dashboard.compliance_rate')} value={rate} suffix="%" icon={<PercentIcon />} color="#00838f" to={complianceUrl({ current: true, ...scope })} />
        </Grid>
      </Grid>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Card variant="outlined" sx={{ height: '100%' }}>
            <CardHeader title={translate('app.dashboard.compliant_by_tier')} slotProps={cardTitle} />
            <CardContent sx={{ pt: 0 }}>
              {isPending || !summary ? <Skeleton variant="rounded" height={260} /> : (
                // recharts and the chart's drawing wait until the chart is on screen (below the first screen on a phone).
                <WhenNear minHeight={260} margin="0px" placeholder={<Skeleton variant="rounded" height={260} data-placeholder="when-near" />}>
                  <Suspense fallback={<Skeleton variant="rounded" height={260} />}>
                    <TierComplianceChart summary={summary} scope={scope as Record<string, unknown>} />
                  </Suspense>
                </WhenNear>
              )}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Card variant="outlined" sx={{ height: '100%' }}>
            <CardHeader title={translate('app.dashboard.failing_by_kpi')} slotProps={cardTitle} />
            <CardContent sx={{ pt: 0 }}>
              {isPending || !summary ? <Skeleton variant="rounded" height={260} /> : (
                // recharts and the chart's drawing wait until the chart is on screen (below the first screen on a phone).
                <WhenNear minHeight={260} margin="0px" placeholder={<Skeleton variant="rounded" height={260} data-placeholder="when-near" />}>
                  <Suspense fallback={<Skeleton variant="rounded" height={260} />}>
                    <FailingKpiChart summary={summary} scope={scope as Record<string, unknown>} />
                  </Suspense>
                </WhenNear>
              )}
            </CardContent>
          </Card>
        </Grid>
      </Grid>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Card variant="outlined" sx={{ height: '100%' }}>
            <CardHeader title={translate('app.dashboard.region_tier')} subheader={translate('app.dashboard.region_tier_help')} slotProps={{ ...cardTitle, subheader: { variant: 'caption' } }} />
            <CardContent sx={{ pt: 0 }}>
              {isPending || !summary ? <Skeleton variant="rounded" height={200} /> : <RegionTierTable summary={summary} regions={regions} scope={scope} />}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Card variant="outlined" sx={{ height: '100%' }}>
            <CardHeader
              title={translate('app.dashboard.at_risk')}
              slotProps={cardTitle}
              action={summary ? (
                <Link component={RouterLink} to={complianceUrl({ current: true, ...scope, compliant: false })} variant="h6" color="error" underline="hover" sx={{ pr: 1 }}>{summary.atRiskCount}</Link>
              ) : null}
            />
            {isPending || !summary ? <Skeleton variant="rounded" height={200} sx={{ mx: 2, mb: 2 }} /> : <AtRiskList summary={summary} scope={scope} />}
          </Card>
        </Grid>
      </Grid>
    </Stack>
  );
}
