import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import EditIcon from '@mui/icons-material/Edit';
import HandshakeIcon from '@mui/icons-material/Handshake';
import { Link as RouterLink } from 'react-router-dom';
import {
  ShowBase,
  Title,
  useCanAccess,
  useGetList,
  usePermissions,
  useRecordContext,
  useShowContext,
  useTranslate,
} from 'react-admin';
import { StateChip, TierChip } from '../../components/chips';
import { History } from '../../components/History';
import { When } from '../../components/History';
import { ApplicationActions } from './ApplicationActions';
import { Evidence } from '../../components/evidence/Evidence';
import { PlanView } from './PlanView';
import { Section } from './PlanSections';
import { ReviewBanner, ReviewCommentsProvider, SectionComments, useCommentLabel } from './ReviewComments';
import { useErrorText } from '../../components/problem/parse-problem';
import type { Application } from './plan-model';
import { ReviewPanel } from '../../components/review/ReviewPanel';
import { QueueDone, useQueueDone } from '../../components/review/QueueDone';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">{translate(label)}</Typography>
      <Typography variant="body2" component="div">{children ?? '—'}</Typography>
    </Box>
  );
}

/** The partnership an approved application created, found among the school's agreements. */
function AgreementLink({ record }: { record: Application }) {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'agreements', action: 'show' });
  const { data } = useGetList<{ id: number; applicationId: number | null }>(
    'agreements',
    { filter: { schoolId: record.schoolId }, sort: { field: 'updatedAt', order: 'DESC' }, pagination: { page: 1, perPage: 50 } },
    { enabled: canAccess && record.status === 'approved' },
  );
  const agreement = data?.find((a) => a.applicationId === record.id);
  if (!agreement) return null;
  return (
    <Alert
      severity="success"
      icon={<HandshakeIcon />}
      sx={{ mb: 2 }}
      action={<Button color="inherit" component={RouterLink} to={`/agreements/${agreement.id}/show`}>{translate('ra.action.show')}</Button>}
    >
      {translate('resources.applications.show.agreement_created', { id: agreement.id })}
    </Alert>
  );
}

function Header({ record }: { record: Application }) {
  const translate = useTranslate();
  const { canAccess: canEdit } = useCanAccess({ resource: 'applications', action: 'edit' });
  const long = (record.waitingDays ?? 0) >= 7;
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}>
          <Box>
            <Typography variant="h5" component="h1">
              {translate('resources.applications.show_title', { id: record.id })}
              {record.schoolName ? ` · ${record.schoolName}` : ''}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
              <TierChip tier={record.tier} size="medium" />
              <StateChip state={record.status} entity="application" size="medium" />
              {record.upgradeFromAgreementId ? <Typography variant="body2" color="text.secondary" sx={{ alignSelf: 'center' }}>{translate('resources.applications.show.upgrade')}</Typography> : null}
            </Stack>
          </Box>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
            {canEdit && record.editable ? (
              <Button variant="contained" startIcon={<EditIcon />} component={RouterLink} to={`/applications/${record.id}`} data-testid="edit-application">
                {translate(record.status === 'returned' ? 'resources.applications.show.revise' : 'resources.applications.show.continue')}
              </Button>
            ) : null}
            <ApplicationActions />
          </Stack>
        </Stack>
        <Grid container spacing={2} sx={{ mt: 1 }}>
          <Grid size={{ xs: 6, md: 3 }}>
            <Fact label="resources.applications.fields.createdAt">{record.createdAt ? <When at={record.createdAt} /> : null}</Fact>
          </Grid>
          <Grid size={{ xs: 6, md: 3 }}>
            <Fact label="resources.applications.fields.submittedAt">{record.submittedAt ? <When at={record.submittedAt} /> : null}</Fact>
          </Grid>
          <Grid size={{ xs: 6, md: 3 }}>
            <Fact label="resources.applications.fields.decidedAt">{record.decidedAt ? <When at={record.decidedAt} /> : null}</Fact>
          </Grid>
          <Grid size={{ xs: 6, md: 3 }}>
            <Fact label="resources.applications.fields.waitingDays">
              {record.waitingDays != null ? (
                <Box component="span" sx={{ color: long ? 'error.main' : undefined, fontWeight: long ? 600 : undefined }}>
                  {translate('resources.applications.list.days', { smart_count: record.waitingDays })}
                </Box>
              ) : null}
            </Fact>
          </Grid>
        </Grid>
      </CardContent>
    </Card>
  );
}

function ShowContent() {
  const { isPending, error } = useShowContext<Application>();
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  const errorText = useErrorText();
  const label = useCommentLabel();
  const { permissions: role } = usePermissions<string>();
  const queueDone = useQueueDone();
  if (error) return <Alert severity="error" sx={{ m: 2 }}>{errorText(error)}</Alert>;
  if (isPending || !record) return null;
  const items = record.planItems ?? [];
  const reviewer = role === 'hq' || role === 'regional';
  const plan = (
    <>
      <PlanView record={record} />
      <Section id="attachments" title="resources.applications.sections.attachments">
        <SectionComments prefix="attachments" />
        <Evidence entityType="application" entityId={Number(record.id)} />
      </Section>
    </>
  );
  return (
    <Box sx={{ maxWidth: reviewer ? 1500 : 1100, my: 2 }}>
      <Title title={translate('resources.applications.show_title', { id: record.id })} />
      {queueDone ? <QueueDone resource="applications" /> : null}
      <ReviewCommentsProvider comments={record.reviewComments}>
        <Header record={record} />
        <AgreementLink record={record} />
        <ReviewBanner returnedId={record.status === 'returned' ? record.id : undefined} />
        {reviewer ? (
          // The evidence beside the decision (issue 17): the policy's checklist, the resubmission's changes, the school's history.
          <Grid container spacing={2} sx={{ alignItems: 'flex-start' }}>
            <Grid size={{ xs: 12, lg: 8 }}>{plan}</Grid>
            <Grid size={{ xs: 12, lg: 4 }}>
              <ReviewPanel resource="applications" id={Number(record.id)} version={record.version} fieldLabel={label} />
            </Grid>
          </Grid>
        ) : plan}
      </ReviewCommentsProvider>
      <Card variant="outlined">
        <CardContent>
          <History
            entityType="application"
            entityId={record.id}
            fieldLabel={label}
            itemLabel={(id) => items.find((i) => String(i.id) === id)?.title}
          />
        </CardContent>
      </Card>
    </Box>
  );
}

/** One application for everyone who may see it: the plan, the decisions on it, what to do next, its story. */
export function ApplicationShow() {
  return (
    <ShowBase>
      <ShowContent />
    </ShowBase>
  );
}
