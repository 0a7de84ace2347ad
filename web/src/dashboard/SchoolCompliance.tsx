import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link } from 'react-router-dom';
import { useGetList, useTranslate } from 'react-admin';
import { KpiGrid, YearHeader } from '../resources/compliance/ComplianceYear';
import { FailingKpiChips } from '../resources/compliance/KpiParts';
import type { ComplianceRecord } from '@campus/common';

const cardTitle = { title: { variant: 'subtitle1' as const, sx: { fontWeight: 600 } } };

/** The school's current agreement year (the compliance list is scoped to its own school). */
export function useCurrentYear() {
  const { data, isPending, error } = useGetList<ComplianceRecord>('compliance', {
    filter: { current: true }, sort: { field: 'from', order: 'DESC' }, pagination: { page: 1, perPage: 5 },
  });
  return { row: data?.[0], isPending, error: error as Error | null };
}

/** This year at a glance, beside the school's card: verdict, projection and what fails. */
export function YearSummaryCard() {
  const translate = useTranslate();
  const { row, isPending, error } = useCurrentYear();
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardHeader title={translate('app.compliance.this_year')} slotProps={cardTitle} />
      <CardContent sx={{ pt: 0 }}>
        {isPending ? <Skeleton height={96} /> : error ? <Alert severity="error">{error.message}</Alert> : !row ? (
          <Typography color="text.secondary">{translate('app.compliance.no_current')}</Typography>
        ) : (
          <Stack spacing={1.5} sx={{ alignItems: 'flex-start' }}>
            <YearHeader row={row} showSchool={false} />
            <FailingKpiChips kpis={row.failingKpis} />
          </Stack>
        )}
      </CardContent>
      {row ? (
        <CardActions>
          <Button component={Link} to={`/compliance/${encodeURIComponent(row.id)}/show`} size="small">{translate('app.compliance.open_row')}</Button>
        </CardActions>
      ) : null}
    </Card>
  );
}

/** Each KPI of the current year as a card with its threshold, projection, month-by-month trend and records. */
export function SchoolKpis() {
  const translate = useTranslate();
  const { row, isPending } = useCurrentYear();
  if (isPending) return <Skeleton variant="rounded" height={320} />;
  if (!row) return null;
  return (
    <Stack spacing={1.5} data-testid="school-kpis">
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2" sx={{ fontWeight: 600 }}>{translate('app.dashboard.my_compliance')}</Typography>
        <Typography variant="caption" color="text.secondary">{translate('app.compliance.trend_help')}</Typography>
      </Stack>
      <KpiGrid row={row} />
    </Stack>
  );
}
