import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link } from 'react-router-dom';
import { RecordContextProvider, ReferenceField, useGetList, useGetOne, useTranslate } from 'react-admin';
import { StateChip, TierChip } from '../components/chips';
import { RegionNameField } from '../components/fields';
import { ThresholdValue, CertificatesValue } from '../resources/tier-policies/PolicyFields';
import { policiesInForce, type ThresholdField, type TierPolicy } from '../components/policy/thresholds';
import { YearSummaryCard, useCurrentYear } from './SchoolCompliance';
import { StartApplication } from './StartApplication';

interface School {
  id: number;
  name: string;
  nameEn: string | null;
  regionId: number;
  province: string;
  city: string | null;
  tier: string | null;
  status: string;
  contactName: string | null;
}

export function SchoolCard({ schoolId }: { schoolId: number }) {
  const translate = useTranslate();
  const { data: school, isPending, error } = useGetOne<School>('schools', { id: schoolId });
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardHeader title={translate('app.dashboard.my_school')} slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }} />
      <CardContent sx={{ pt: 0 }}>
        {isPending ? <Skeleton height={96} /> : error || !school ? (
          <Typography color="error">{(error as Error)?.message}</Typography>
        ) : (
          <RecordContextProvider value={school}>
            <Typography variant="h5" component="p" sx={{ fontWeight: 600 }}>{school.name}</Typography>
            {school.nameEn ? <Typography color="text.secondary">{school.nameEn}</Typography> : null}
            <Stack direction="row" spacing={1} sx={{ my: 2 }}>
              <TierChip tier={school.tier} size="medium" />
              <StateChip state={school.status} size="medium" />
            </Stack>
            <Typography variant="body2" color="text.secondary">
              <ReferenceField source="regionId" reference="regions" link={false}><RegionNameField /></ReferenceField>
              {' · '}{school.province}{school.city ? ` · ${school.city}` : ''}
              {school.contactName ? ` · ${translate('resources.schools.fields.contactName')}: ${school.contactName}` : ''}
            </Typography>
          </RecordContextProvider>
        )}
      </CardContent>
      <CardActions>
        <Button component={Link} to={`/schools/${schoolId}/show`} size="small">{translate('ra.action.show')}</Button>
      </CardActions>
    </Card>
  );
}

const shown: ThresholdField[] = ['certifiedInstructors', 'teachingDelivery', 'practiceHours', 'jobPlatformRate', 'jobFairs', 'termYears'];

/** What the school's tier asks of it this year: the policy in force. */
export function TierRequirements({ tier }: { tier: string | null | undefined }) {
  const translate = useTranslate();
  const { data, isPending } = useGetList<TierPolicy>(
    'tier-policies',
    { filter: { tier }, sort: { field: 'effectiveYear', order: 'DESC' }, pagination: { page: 1, perPage: 100 } },
    { enabled: !!tier },
  );
  // No tier yet: the way to apply for one (or to the application in flight), issue 17 item 7.
  if (!tier) return <StartApplication />;
  const inForce = data ? policiesInForce(data, new Date().getFullYear()) : new Set();
  const policy = data?.find((p) => inForce.has(p.id));
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardHeader
        title={policy ? translate('app.dashboard.policy_in_force', { year: policy.effectiveYear }) : translate('resources.tier-policies.name', { smart_count: 1 })}
        slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }}
        action={<TierChip tier={tier} />}
      />
      <CardContent sx={{ pt: 0 }}>
        {isPending ? <Skeleton height={96} /> : !policy ? (
          <Typography color="text.secondary">{translate('app.dashboard.no_policy')}</Typography>
        ) : (
          <RecordContextProvider value={policy}>
            <Grid container spacing={2}>
              {shown.map((field) => (
                <Grid key={field} size={{ xs: 6, sm: 4 }}>
                  <Typography variant="caption" color="text.secondary" component="p">{translate(`resources.tier-policies.fields.${field}`)}</Typography>
                  <ThresholdValue source={field} variant="subtitle1" />
                </Grid>
              ))}
              <Grid size={12}>
                <Typography variant="caption" color="text.secondary" component="p">{translate('resources.tier-policies.fields.certificates')}</Typography>
                <CertificatesValue />
              </Grid>
            </Grid>
          </RecordContextProvider>
        )}
      </CardContent>
      {policy ? (
        <CardActions>
          <Button component={Link} to={`/tier-policies/${policy.id}/show`} size="small">{translate('ra.action.show')}</Button>
        </CardActions>
      ) : null}
    </Card>
  );
}

/**
 * The school's card and this year's verdict side by side; a school without an agreement year under
 * way sees its tier's requirements instead.
 */
export function MySchool({ schoolId }: { schoolId: number }) {
  const { data: school } = useGetOne<School>('schools', { id: schoolId });
  const { row, isPending } = useCurrentYear();
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 5 }}><SchoolCard schoolId={schoolId} /></Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        {isPending ? null : row ? <YearSummaryCard /> : school ? <TierRequirements tier={school.tier} /> : null}
      </Grid>
    </Grid>
  );
}
