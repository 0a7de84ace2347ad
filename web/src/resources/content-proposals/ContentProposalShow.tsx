import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ReferenceField, ShowBase, TextField, Title, useShowContext, useTranslate } from 'react-admin';
import { StateChip } from '../../components/chips';
import { LocalDateField } from '../../components/fields';
import { RecordHistory } from '../evaluations/RecordHistory';
import { ActionButtons } from '../evaluations/ActionButtons';
import type { ContentProposal } from './ContentProposalList';
import { contentProposalActions } from './specs';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="p">{label}</Typography>
      <Typography component="div">{children}</Typography>
    </Box>
  );
}

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
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' } }}>
            <Box>
              <Typography variant="overline" color="text.secondary">{translate('resources.content-proposals.name', { smart_count: 1 })}</Typography>
              <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>{record.title}</Typography>
              <Typography variant="body2" color="text.secondary">{record.providerName}</Typography>
            </Box>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <StateChip state={record.status} entity="content_proposal" size="medium" />
              <ActionButtons resource="content-proposals" record={record} specs={contentProposalActions} />
            </Stack>
          </Stack>
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
