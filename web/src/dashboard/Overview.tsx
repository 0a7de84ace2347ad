import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import SchoolIcon from '@mui/icons-material/School';
import HandshakeIcon from '@mui/icons-material/Handshake';
import PendingActionsIcon from '@mui/icons-material/PendingActions';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { useTranslate } from 'react-admin';
import { schoolStatuses } from '../components/vocabulary';
import { useCounts } from './useCounts';
import { StatCard, schoolsWhere } from './StatCard';

const statusFilters = Object.fromEntries(schoolStatuses.map((s) => [s, { status: s }])) as Record<(typeof schoolStatuses)[number], { status: string }>;

/** The schools in the user's scope at a glance (all for HQ, their regions for regional staff), each count opening its list. */
export function SchoolOverview() {
  const translate = useTranslate();
  const total = useCounts('schools', { all: {} });
  const byStatus = useCounts('schools', statusFilters);
  const error = total.error ?? byStatus.error;
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
    </Stack>
  );
}
