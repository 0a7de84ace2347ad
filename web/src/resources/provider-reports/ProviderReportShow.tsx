import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { ShowBase, Title, useCanAccess, useGetList, useLocaleState, useShowContext, useTranslate } from 'react-admin';
import { Evidence } from '../../components/evidence/Evidence';
import { Fact } from '../../components/Fact';
import { RecordHistory } from '../../components/RecordHistory';
import { ReviewActions } from '../../components/workflow/ReviewActions';
import { WorkflowHeader } from '../../components/workflow/WorkflowHeader';
import { addDays } from '../../components/dates';
import type { ProviderReport } from './ProviderReportList';
import { providerReportReview } from './specs';

const titleProps = { title: { variant: 'subtitle1' as const, sx: { fontWeight: 600 } } };

interface PracticeRecord { id: number; studentId: number; studentName: string; hours: number; practicedOn: string; confirmed: boolean; providerReportId: number | null }

/**
 * The report's own practice records. The API has no filter by report, so the records of the
 * report's school, provider and period are read and those of this report kept.
 */
function ReportRecords({ report }: { report: ProviderReport }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending, error } = useGetList<PracticeRecord>('practice-records', {
    filter: { schoolId: report.schoolId, providerId: report.providerId, from: report.periodFrom, before: addDays(report.periodTo, 1) },
    sort: { field: 'practicedOn', order: 'ASC' },
    pagination: { page: 1, perPage: 5000 },
  });
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  if (isPending) return <Skeleton height={120} />;
  const rows = (data ?? []).filter((r) => r.providerReportId === report.id);
  if (!rows.length) return <Typography variant="body2" color="text.secondary">{translate('app.work.provider_report.no_records')}</Typography>;
  const n = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 1 });
  return (
    <Box sx={{ maxHeight: 420, overflow: 'auto' }}>
      <Table size="small" stickyHeader>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.provider-reports.fields.studentId')}</TableCell>
            <TableCell>{translate('resources.provider-reports.fields.practicedOn')}</TableCell>
            <TableCell align="right">{translate('resources.provider-reports.fields.hours')}</TableCell>
            <TableCell>{translate('app.work.provider_report.counted')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id}>
              <TableCell>{r.studentName}</TableCell>
              <TableCell>{r.practicedOn}</TableCell>
              <TableCell align="right">{n.format(r.hours)}</TableCell>
              <TableCell>{translate(r.confirmed ? 'app.work.provider_report.counted_yes' : 'app.work.provider_report.counted_no')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function ReportPage() {
  const { record, isPending, error } = useShowContext<ProviderReport>();
  const translate = useTranslate();
  const { canAccess: canUpload } = useCanAccess({ resource: 'evidence', action: 'create' });
  if (error) return <Alert severity="error" sx={{ mt: 2 }}>{(error as Error).message}</Alert>;
  if (isPending || !record) return null;
  const f = (field: string) => translate(`resources.provider-reports.fields.${field}`);
  return (
    <Stack spacing={2} sx={{ py: 2 }}>
      <Title title={record.project} />
      <Card variant="outlined">
        <CardContent>
          <WorkflowHeader
            resource="provider-reports"
            entity="provider_report"
            record={record}
            title={record.project}
            subtitle={<><Link component={RouterLink} to={`/schools/${record.schoolId}/show`}>{record.schoolName}</Link>{' · '}{record.providerName}</>}
            actions={<ReviewActions {...providerReportReview} record={record} />}
          />
          <Grid container spacing={2} sx={{ mt: 1 }}>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('period')}>{`${record.periodFrom} – ${record.periodTo}`}</Fact></Grid>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('studentCount')}>{record.studentCount}</Fact></Grid>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('totalHours')}>{record.totalHours}</Fact></Grid>
            <Grid size={{ xs: 12 }}><Fact label={f('outcomes')}><Box sx={{ whiteSpace: 'pre-wrap' }}>{record.outcomes || '—'}</Box></Fact></Grid>
          </Grid>
          {record.status === 'submitted' ? (
            <Alert severity="info" variant="outlined" sx={{ mt: 2 }}>{translate('app.work.provider_report.waiting')}</Alert>
          ) : null}
          {record.status === 'rejected' ? (
            <Alert severity="error" sx={{ mt: 2 }}>
              <AlertTitle>{translate('app.work.provider_report.rejected')}</AlertTitle>
              {record.reviewComment}
            </Alert>
          ) : null}
          {record.status === 'confirmed' ? (
            <Alert severity="success" sx={{ mt: 2 }}>{translate('app.work.provider_report.confirmed')}{record.reviewComment ? ` ${record.reviewComment}` : ''}</Alert>
          ) : null}
        </CardContent>
      </Card>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Card variant="outlined" sx={{ height: '100%' }}>
            <CardHeader title={translate('app.work.provider_report.records')} slotProps={titleProps} />
            <CardContent sx={{ pt: 0 }}><ReportRecords report={record} /></CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Card variant="outlined" sx={{ height: '100%' }}>
            <CardHeader title={translate('app.work.evidence')} slotProps={titleProps} />
            <CardContent sx={{ pt: 0 }}>
              <Evidence entityType="provider_report" entityId={record.id as number} upload={canUpload} newestFirst pageSize={8} />
            </CardContent>
          </Card>
        </Grid>
      </Grid>
      <RecordHistory entityType="provider_report" entityId={record.id} />
    </Stack>
  );
}

export function ProviderReportShow() {
  return (
    <ShowBase>
      <ReportPage />
    </ShowBase>
  );
}
