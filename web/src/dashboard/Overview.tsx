import { lazy, Suspense } from 'react';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Grid from '@mui/material/Grid';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import SchoolIcon from '@mui/icons-material/School';
import HandshakeIcon from '@mui/icons-material/Handshake';
import PendingActionsIcon from '@mui/icons-material/PendingActions';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { schoolStatuses, stateTones, tiers } from '../components/vocabulary';
import { useCounts } from './useCounts';
import { StatCard, schoolsWhere } from './StatCard';

// recharts is needed only here: it is fetched with the dashboard, not with the app shell.
const TierChart = lazy(() => import('./TierChart'));


const tierFilters = Object.fromEntries([...tiers, 'none'].map((t) => [t, { tier: t }])) as Record<(typeof tiers)[number] | 'none', { tier: string }>;
const statusFilters = Object.fromEntries(schoolStatuses.map((s) => [s, { status: s }])) as Record<(typeof schoolStatuses)[number], { status: string }>;

/** The programme in the user's scope (all for HQ, their regions for regional staff, theirs for a provider). */
export function SchoolOverview() {
  const translate = useTranslate();
  const total = useCounts('schools', { all: {} });
  const byTier = useCounts('schools', tierFilters);
  const byStatus = useCounts('schools', statusFilters);
  const error = total.error ?? byTier.error ?? byStatus.error;
  return (
    <Stack spacing={2}>
      {error ? <Alert severity="error">{(error as Error).message}</Alert> : null}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
          <StatCard label={translate('app.dashboard.total_schools')} value={total.counts.all} icon={<SchoolIcon />} color="#283593" to="/schools" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
          <StatCard label={translate('app.dashboard.partners')} value={byStatus.counts.partner} icon={<HandshakeIcon />} color="#2e7d32" to={schoolsWhere({ status: 'partner' })} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
          <StatCard label={translate('app.dashboard.applying')} value={byStatus.counts.applying} icon={<PendingActionsIcon />} color="#0277bd" to={schoolsWhere({ status: 'applying' })} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, lg: 3 }}>
          <StatCard label={translate('app.dashboard.rectifying')} value={byStatus.counts.rectifying} icon={<ReportProblemIcon />} color="#ef6c00" to={schoolsWhere({ status: 'rectifying' })} />
        </Grid>
      </Grid>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 8 }}>
          <Card variant="outlined" sx={{ height: '100%' }}>
            <CardHeader title={translate('app.dashboard.schools_per_tier')} slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }} />
            <CardContent sx={{ pt: 0 }}>
              {/* No bars until every tier is counted: a bar of 0 while loading would be a wrong answer. */}
              {byTier.isPending ? (
                <Skeleton variant="rounded" height={280} />
              ) : (
                <Suspense fallback={<Skeleton variant="rounded" height={280} />}>
                  <TierChart counts={byTier.counts} />
                </Suspense>
              )}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Card variant="outlined" sx={{ height: '100%' }}>
            <CardHeader title={translate('app.dashboard.schools_per_status')} slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }} />
            <CardContent sx={{ pt: 0 }}>
              <Stack spacing={1.25}>
                {schoolStatuses.map((status) => (
                  <Stack key={status} direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
                    <Chip
                      size="small"
                      color={stateTones[status]}
                      label={translate(`app.state.${status}`)}
                      component={Link}
                      to={schoolsWhere({ status })}
                      clickable
                    />
                    <strong>{byStatus.counts[status] ?? '…'}</strong>
                  </Stack>
                ))}
              </Stack>
            </CardContent>
          </Card>
        </Grid>
      </Grid>
    </Stack>
  );
}
