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
import { UpgradeAdvisor } from './UpgradeAdvisor';
import { ComplianceOverview } from './ComplianceOverview';
import { SchoolKpis } from './SchoolCompliance';
import { ProviderCompliance } from './ProviderCompliance';
import { EarlierYears } from '../resources/compliance/ComplianceYear';
import { WhenNear } from '../components/WhenNear';

/**
 * The first page after sign-in, per role. Every number is counted by the server in the user's
 * scope (GET /api/compliance/summary and the compliance rows); none is aggregated here:
 * - HQ and regional staff: the schools at a glance, then this year's compliance by tier, failing
 *   KPI, region × tier, and the schools at risk, each number opening the list behind it;
 * - a school: its card and this year's verdict, the rectification notice if any, each KPI against
 *   its threshold with its trend and the records it counts, and its earlier years;
 * - a provider: its schools and their compliance this year.
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
        {role === 'school' ? <SchoolKpis /> : null}
        {role === 'school' ? <UpgradeAdvisor /> : null}
        {role === 'school' ? <EarlierYears /> : null}
        {role === 'hq' || role === 'regional' ? <SchoolOverview /> : null}
        {/* Below the first screen on a phone: drawn when it comes near (issue 16 item 4). */}
        {role === 'hq' || role === 'regional' ? <WhenNear minHeight={600}><ComplianceOverview /></WhenNear> : null}
        {role === 'provider' ? <ProviderCompliance /> : null}
        {role === 'provider' ? <AssignedSchools /> : null}
        <WhenNear minHeight={300}><RecentActivity /></WhenNear>
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
