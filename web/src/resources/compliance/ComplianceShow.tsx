import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ShowBase, Title, usePermissions, useShowContext, useTranslate } from 'react-admin';
import { EarlierYears, KpiTable, TrendGrid, YearHeader } from './ComplianceYear';
import type { ComplianceRecord } from '@campus/common';

function ComplianceShowBody() {
  const { record, isPending, error } = useShowContext<ComplianceRecord>();
  const translate = useTranslate();
  const { permissions: role } = usePermissions<string>();
  if (isPending) return null;
  if (error || !record) return <Typography color="error" sx={{ p: 2 }}>{(error as Error)?.message}</Typography>;
  const withSchool = role !== 'school';
  return (
    <Stack spacing={2} sx={{ py: 2 }}>
      <Title title={`${record.schoolName} · ${translate('app.compliance.year', { year: record.year })}`} />
      <Card variant="outlined">
        <CardContent><YearHeader row={record} /></CardContent>
        <KpiTable row={record} withSchool={withSchool} />
      </Card>
      <Card variant="outlined">
        <CardHeader
          title={translate('app.compliance.trend')}
          subheader={translate('app.compliance.trend_help')}
          slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } }, subheader: { variant: 'caption' } }}
        />
        <CardContent sx={{ pt: 0 }}><TrendGrid row={record} /></CardContent>
      </Card>
      <EarlierYears schoolId={record.schoolId} exclude={record.id} />
    </Stack>
  );
}

/** One school's agreement year: every KPI against its threshold, the projection, the months, and the records behind each KPI. */
export function ComplianceShow() {
  return (
    <ShowBase>
      <ComplianceShowBody />
    </ShowBase>
  );
}
