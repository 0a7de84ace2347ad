import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import { ReferenceField, ShowBase, TextField, Title, useShowContext, useTranslate } from 'react-admin';
import { Fact } from '../../components/Fact';
import { LocalDateField } from '../../components/fields';
import { RecordHistory } from '../../components/RecordHistory';
import { ReviewActions } from '../../components/workflow/ReviewActions';
import { WorkflowHeader } from '../../components/workflow/WorkflowHeader';
import type { ContentProposal } from './ContentProposalList';
import { contentProposalReview } from './specs';

function ProposalPage() {
  const { record, isPending, error } = useShowContext<ContentProposal>();
  const translate = useTranslate();
  if (error) return <Alert severity="error" sx={{ mt: 2 }}>{(error as Error).message}</Alert>;
  if (isPending || !record) return null;
  const f = (field: string) => translate(`resources.content-proposals.fields.${field}`);
  return (
    <Stack spacing={2} sx={{ py: 2 }}>
      <Title title={record.title} />
      <Card variant="outlined">
        <CardContent>
          <WorkflowHeader
            resource="content-proposals"
            entity="content_proposal"
            record={record}
            title={record.title}
            subtitle={record.providerName}
            actions={<ReviewActions {...contentProposalReview} record={record} />}
          />
          <Grid container spacing={2} sx={{ mt: 1 }}>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('classHours')}>{record.classHours ?? '—'}</Fact></Grid>
            <Grid size={{ xs: 6, md: 3 }}>
              <Fact label={f('schoolId')}>
                {record.schoolId ? (
                  <ReferenceField source="schoolId" reference="schools" link="show"><TextField source="name" /></ReferenceField>
                ) : translate('app.work.content_proposal.all_schools')}
              </Fact>
            </Grid>
            <Grid size={{ xs: 6, md: 3 }}><Fact label={f('createdAt')}><LocalDateField source="createdAt" /></Fact></Grid>
            <Grid size={12}><Fact label={f('description')}><Box sx={{ whiteSpace: 'pre-wrap' }}>{record.description}</Box></Fact></Grid>
          </Grid>
          {record.status === 'pending' ? <Alert severity="info" variant="outlined" sx={{ mt: 2 }}>{translate('app.work.content_proposal.waiting')}</Alert> : null}
          {record.status === 'approved' ? (
            <Alert severity="success" sx={{ mt: 2 }}>
              <AlertTitle>{translate('app.work.content_proposal.approved')}</AlertTitle>
              {record.decisionReason}
            </Alert>
          ) : null}
          {record.status === 'rejected' ? (
            <Alert severity="error" sx={{ mt: 2 }}>
              <AlertTitle>{translate('app.work.content_proposal.rejected')}</AlertTitle>
              {record.decisionReason}
            </Alert>
          ) : null}
        </CardContent>
      </Card>
      <RecordHistory entityType="content_proposal" entityId={record.id} />
    </Stack>
  );
}

export function ContentProposalShow() {
  return (
    <ShowBase>
      <ProposalPage />
    </ShowBase>
  );
}
