import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import { EditButton, ShowBase, Title, useShowContext, useTranslate } from 'react-admin';
import { Fact } from '../../components/Fact';
import { RecordHistory } from '../../components/RecordHistory';
import { ReviewActions } from '../../components/workflow/ReviewActions';
import { WorkflowHeader } from '../../components/workflow/WorkflowHeader';
import { examSiteReview } from './specs';
import { KindsField } from './KindsField';
import type { ExamSite } from './types';

function ExamSitePage() {
  const { record, isPending, error } = useShowContext<ExamSite>();
  const translate = useTranslate();
  if (error) return <Alert severity="error" sx={{ mt: 2 }}>{(error as Error).message}</Alert>;
  if (isPending || !record) return null;
  const f = (field: string) => translate(`resources.exam-sites.fields.${field}`);
  return (
    <Stack spacing={2} sx={{ py: 2 }}>
      <Title title={record.name} />
      <Card variant="outlined">
        <CardContent>
          <WorkflowHeader
            resource="exam-sites"
            entity="exam_site"
            record={record}
            title={record.name}
            subtitle={[record.schoolName, record.regionName].filter(Boolean).join(' · ')}
            actions={<>{record.editable ? <EditButton /> : null}<ReviewActions {...examSiteReview} record={record} /></>}
          />
          <Grid container spacing={2} sx={{ mt: 1 }}>
            <Grid size={{ xs: 12, md: 6 }}><Fact label={f('address')}>{record.address}</Fact></Grid>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('capacity')}>{record.capacity}</Fact></Grid>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('kinds')}><KindsField /></Fact></Grid>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('contactName')}>{record.contactName}</Fact></Grid>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('contactPhone')}>{record.contactPhone}</Fact></Grid>
            <Grid size={{ xs: 12, md: 6 }}><Fact label={f('contactEmail')}>{record.contactEmail ?? '—'}</Fact></Grid>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('createdByName')}>{record.createdByName ?? '—'}</Fact></Grid>
            {record.decidedByName ? <Grid size={{ xs: 6, md: 3 }}><Fact label={f('decidedByName')}>{record.decidedByName}</Fact></Grid> : null}
          </Grid>
          {record.decisionReason ? <Alert severity={record.status === 'declined' ? 'error' : 'warning'} sx={{ mt: 2, whiteSpace: 'pre-wrap' }}>{f('decisionReason')}：{record.decisionReason}</Alert> : null}
        </CardContent>
      </Card>
      <RecordHistory entityType="exam_site" entityId={record.id} />
    </Stack>
  );
}

export function ExamSiteShow() {
  return <ShowBase><ExamSitePage /></ShowBase>;
}
