import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import { Link as RouterLink } from 'react-router-dom';
import { ShowBase, Title, useShowContext, useTranslate } from 'react-admin';
import { Fact } from '../../components/Fact';
import { TierChip } from '../../components/chips';
import { LocalDateField, RegionNameField } from '../../components/fields';
import { RecordHistory } from '../../components/RecordHistory';
import { ReviewActions } from '../../components/workflow/ReviewActions';
import { WorkflowHeader } from '../../components/workflow/WorkflowHeader';
import { joinRequestReview } from './specs';
import type { JoinRequest } from './types';

function JoinRequestPage() {
  const { record, isPending, error } = useShowContext<JoinRequest>();
  const translate = useTranslate();
  if (error) return <Alert severity="error" sx={{ mt: 2 }}>{(error as Error).message}</Alert>;
  if (isPending || !record) return null;
  const f = (field: string) => translate(`resources.join-requests.fields.${field}`);
  const schoolLink = (id: number, name: string) => <Link component={RouterLink} to={`/schools/${id}/show`}>{name}</Link>;
  return (
    <Stack spacing={2} sx={{ py: 2 }}>
      <Title title={record.schoolName} />
      <Card variant="outlined">
        <CardContent>
          <WorkflowHeader
            resource="join-requests"
            entity="join_request"
            record={record}
            title={record.schoolName}
            subtitle={`${record.province} · ${translate(`app.school_kind.${record.kind}`, { _: record.kind })}`}
            actions={<ReviewActions {...joinRequestReview} record={record} />}
          />
          <Grid container spacing={2} sx={{ mt: 1 }}>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('tier')}><TierChip tier={record.tier} /></Fact></Grid>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('regionId')}>{record.regionId ? <RegionNameField /> : '—'}</Fact></Grid>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('contactName')}>{record.contactName}</Fact></Grid>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('phone')}>{record.phone}</Fact></Grid>
            <Grid size={{ xs: 12, md: 6 }}><Fact label={f('email')}>{record.email}</Fact></Grid>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('confirmedAt')}><LocalDateField source="confirmedAt" showTime /></Fact></Grid>
            {record.decidedAt ? (
              <Grid size={{ xs: 6, md: 3 }}><Fact label={f('decidedByName')}>{record.decidedByName ?? '—'} · <LocalDateField source="decidedAt" /></Fact></Grid>
            ) : null}
          </Grid>
          {record.status === 'pending' ? (
            <Stack spacing={1} sx={{ mt: 2 }}>
              <Alert severity="info" variant="outlined">{translate('app.join_request.waiting')}</Alert>
              {record.existingSchoolId ? (
                <Alert severity="warning">{translate('app.join_request.existing_school')} {schoolLink(record.existingSchoolId, record.schoolName)}</Alert>
              ) : null}
            </Stack>
          ) : null}
          {record.status === 'accepted' ? (
            <Alert severity="success" sx={{ mt: 2 }}>
              {translate('app.join_request.accepted')}
              {record.schoolId ? <Box component="span" sx={{ ml: 1 }}>{schoolLink(record.schoolId, record.schoolNameNow ?? record.schoolName)}</Box> : null}
            </Alert>
          ) : null}
          {record.status === 'declined' ? (
            <Alert severity="error" sx={{ mt: 2 }}>
              <AlertTitle>{translate('app.join_request.declined')}</AlertTitle>
              <Box sx={{ whiteSpace: 'pre-wrap' }}>{record.declineReason}</Box>
            </Alert>
          ) : null}
        </CardContent>
      </Card>
      <RecordHistory entityType="join_request" entityId={record.id} />
    </Stack>
  );
}

export function JoinRequestShow() {
  return (
    <ShowBase>
      <JoinRequestPage />
    </ShowBase>
  );
}
