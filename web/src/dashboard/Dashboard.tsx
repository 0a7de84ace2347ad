import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { RecordContextProvider, Title, useGetIdentity, useGetMany, useTranslate } from 'react-admin';
import { RegionChip } from '../components/fields';
import { AssignedSchools } from './AssignedSchools';
import { MySchool } from './MySchool';
import { SchoolOverview } from './Overview';
import { RecentActivity } from './RecentActivity';
import { RectificationPanel } from './RectificationPanel';

/**
 * The first page after sign-in, per role. Every number is counted by the server in the user's
 * scope; the KPI dashboard (compliance per school and year) will be added here when its API lands.
 */
export function Dashboard() {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  if (isPending || !identity) return null;
  const role = identity.role as string;
  const schoolId = identity.schoolId as number | null;
  return (
    <Box sx={{ py: 2 }}>
      <Title title={translate('app.menu.dashboard')} />
      <Stack spacing={0.5} sx={{ mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>{translate('app.dashboard.welcome', { name: identity.fullName })}</Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography color="text.secondary">{translate(`app.dashboard.intro_${role}`, { _: '' })}</Typography>
          {role === 'regional' ? <MyRegions ids={(identity.regionIds as number[]) ?? []} /> : null}
        </Stack>
      </Stack>
      <Stack spacing={2}>
        {role === 'school' && schoolId ? <MySchool schoolId={schoolId} /> : null}
        {role === 'school' ? <RectificationPanel /> : null}
        {role === 'hq' || role === 'regional' ? <SchoolOverview /> : null}
        {role === 'provider' ? <AssignedSchools /> : null}
        <RecentActivity />
      </Stack>
    </Box>
  );
}

function MyRegions({ ids }: { ids: number[] }) {
  const { data } = useGetMany('regions', { ids }, { enabled: ids.length > 0 });
  return (
    <>
      {data?.map((region) => (
        <RecordContextProvider key={region.id} value={region}>
          <RegionChip />
        </RecordContextProvider>
      ))}
    </>
  );
}
