import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import { Link as RouterLink } from 'react-router-dom';
import { ShowBase, Title, useCanAccess, usePermissions, useRecordContext, useResourceDefinitions, useLocaleState, useShowContext, useTranslate } from 'react-admin';
import { ReviewPanel } from '../../components/review/ReviewPanel';
import { QueueDone, useQueueDone } from '../../components/review/QueueDone';
import { formatCalendarDate, formatLastDay } from '../../components/dates';
import { StateChip, TierChip } from '../../components/chips';
import { History } from '../../components/History';
import { AgreementEvidence } from '../../components/evidence/AgreementEvidence';
import { usePolicyInForce } from '../../components/policy/use-policy-in-force';
import { useErrorText } from '../../components/problem/parse-problem';
import { todayInChina } from '@campus/common';
import { AgreementActionButton, AgreementActions } from './AgreementActions';
import type { Agreement } from './types';

const day = 24 * 60 * 60 * 1000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / day);

/** A KPI's name: the tier-policy labels the rest of the app uses. */
export function useKpiLabel() {
  const translate = useTranslate();
  return (kpi: string) => translate(`app.kpi.${kpi}`, { _: translate(`resources.tier-policies.fields.${kpi}`, { _: kpi }) });
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const translate = useTranslate();
  const empty = children === null || children === undefined || children === '';
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">{translate(label)}</Typography>
      <Typography variant="body2" component="div">{empty ? '—' : children}</Typography>
    </Box>
  );
}

function Block({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid={testId}>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ fontSize: '1.05rem', fontWeight: 600, mb: 1.5 }}>{translate(title)}</Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/** The rectification notice: deadline, each named KPI met or not, and the proposal to close it once they all pass. */
function Rectification({ record }: { record: Agreement }) {
  const translate = useTranslate();
  const kpiLabel = useKpiLabel();
  const r = record.rectification;
  if (!r) return null;
  const today = todayInChina();
  const late = r.deadline && r.overdue ? daysBetween(r.deadline, today) : 0;
  const left = r.deadline && !r.overdue ? daysBetween(today, r.deadline) : 0;
  return (
    <Box sx={{ mb: 2 }} data-testid="rectification">
      {r.canClose ? (
        <Alert
          severity="success"
          variant="filled"
          sx={{ mb: 1.5 }}
          data-testid="close-proposal"
          action={<AgreementActionButton actionName="close_rectification" color="inherit" variant="outlined">{translate('resources.agreements.rectification.close_now')}</AgreementActionButton>}
        >
          <AlertTitle>{translate('resources.agreements.rectification.can_close_title')}</AlertTitle>
          {translate(record.allowedActions?.includes('close_rectification') ? 'resources.agreements.rectification.can_close_hq' : 'resources.agreements.rectification.can_close_other')}
        </Alert>
      ) : null}
      <Alert severity={r.overdue ? 'error' : 'warning'}>
        <AlertTitle>{translate('resources.agreements.rectification.title')}</AlertTitle>
        {record.rectificationNotice ? <Box sx={{ whiteSpace: 'pre-wrap', mb: 1 }}>{record.rectificationNotice}</Box> : null}
        {r.deadline ? (
          <Box sx={{ mb: 1 }}>
            {translate('resources.agreements.fields.rectificationDeadline')}：<strong>{r.deadline}</strong>
            {' · '}
            {r.overdue
              ? <strong>{translate('resources.agreements.rectification.overdue', { smart_count: late })}</strong>
              : translate('resources.agreements.rectification.days_left', { smart_count: left })}
          </Box>
        ) : null}
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          {r.kpis.map(({ kpi, met }) => (
            <Chip
              key={kpi}
              size="small"
              icon={met ? <CheckCircleIcon /> : met === false ? <CancelIcon /> : undefined}
              color={met ? 'success' : met === false ? 'error' : 'default'}
              label={`${kpiLabel(kpi)}：${translate(met ? 'resources.agreements.rectification.met' : met === false ? 'resources.agreements.rectification.not_met' : 'resources.agreements.rectification.unknown')}`}
              data-kpi={kpi}
            />
          ))}
        </Stack>
      </Alert>
    </Box>
  );
}

/** The steps this tier takes to become active (from the tier policy in force), each done or not yet. */
function SigningSteps({ record }: { record: Agreement }) {
  const translate = useTranslate();
  const { policy } = usePolicyInForce(record.tier);
  const steps: { key: string; done: string | null; extra?: string | null }[] = [];
  if (policy?.requiresSigning || record.signedOn) steps.push({ key: 'sign', done: record.signedOn });
  if (policy?.requiresPlaque || record.plaqueOn) steps.push({ key: 'plaque', done: record.plaqueOn, extra: record.plaquePlace });
  if (policy?.requiresInspection || record.inspectionPassedOn) steps.push({ key: 'inspection', done: record.inspectionPassedOn });
  steps.push({ key: 'active', done: record.startDate });
  const active = steps.findIndex((s) => !s.done);
  return (
    <Stepper activeStep={active < 0 ? steps.length : active} alternativeLabel sx={{ my: 1 }} data-testid="signing-steps">
      {steps.map((s) => (
        <Step key={s.key} completed={!!s.done}>
          <StepLabel optional={<Typography variant="caption" color="text.secondary">{s.done ? [s.done, s.extra].filter(Boolean).join(' · ') : translate('resources.agreements.steps.pending')}</Typography>}>
            {translate(`resources.agreements.steps.${s.key}`)}
          </StepLabel>
        </Step>
      ))}
    </Stepper>
  );
}

function Findings({ record }: { record: Agreement }) {
  const translate = useTranslate();
  const findings = record.inspectionFindings ?? [];
  if (!findings.length) return null;
  return (
    <Box sx={{ mt: 2 }} data-testid="inspection-findings">
      <Typography variant="subtitle2">{translate('resources.agreements.fields.inspectionFindings')}</Typography>
      {[...findings].reverse().map((f, i) => (
        <Alert key={i} severity="warning" sx={{ mt: 1 }}>
          <AlertTitle>{translate('resources.agreements.findings.failed_on', { date: f.on })}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {f.missing.map((m, j) => <li key={j}>{m}</li>)}
          </Box>
          {f.comment ? <Box sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>{f.comment}</Box> : null}
        </Alert>
      ))}
    </Box>
  );
}

/** Links to this agreement's evaluations and compliance years, where the user has those screens. */
function RelatedLinks({ record }: { record: Agreement }) {
  const translate = useTranslate();
  const definitions = useResourceDefinitions();
  const filter = encodeURIComponent(JSON.stringify({ agreementId: record.id }));
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
      {record.applicationId ? (
        <Button size="small" component={RouterLink} to={`/applications/${record.applicationId}/show`}>
          {translate('resources.agreements.links.application', { id: record.applicationId })}
        </Button>
      ) : null}
      {record.previousAgreementId ? (
        <Button size="small" component={RouterLink} to={`/agreements/${record.previousAgreementId}/show`}>
          {translate('resources.agreements.links.previous', { id: record.previousAgreementId })}
        </Button>
      ) : null}
      {definitions.evaluations?.hasList ? (
        <Button size="small" component={RouterLink} to={`/evaluations?filter=${filter}`}>{translate('resources.agreements.links.evaluations')}</Button>
      ) : null}
      {definitions.compliance?.hasList ? (
        <Button size="small" component={RouterLink} to={`/compliance?filter=${filter}`}>{translate('resources.agreements.links.compliance')}</Button>
      ) : null}
    </Stack>
  );
}

function ShowContent() {
  const { isPending, error } = useShowContext<Agreement>();
  const record = useRecordContext<Agreement>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const errorText = useErrorText();
  const { canAccess: canSeeSchool } = useCanAccess({ resource: 'schools', action: 'show' });
  const { permissions: role } = usePermissions<string>();
  const queueDone = useQueueDone();
  if (error) return <Alert severity="error" sx={{ m: 2 }}>{errorText(error)}</Alert>;
  if (isPending || !record) return null;
  const started = !!record.startDate;
  const reviewer = role === 'hq' || role === 'regional';
  return (
    <Box sx={{ maxWidth: 1100, my: 2 }}>
      <Title title={translate('resources.agreements.show_title', { id: record.id })} />
      {queueDone ? <QueueDone resource="agreements" /> : null}
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between' }}>
            <Box>
              <Typography variant="h5" component="h1">
                {translate('resources.agreements.show_title', { id: record.id })}
                {' · '}
                {canSeeSchool ? (
                  <Link component={RouterLink} to={`/schools/${record.schoolId}/show`} underline="hover" color="inherit">{record.schoolName}</Link>
                ) : record.schoolName}
              </Typography>
              <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
                <TierChip tier={record.tier} size="medium" />
                <StateChip state={record.status} entity="agreement" size="medium" />
              </Stack>
            </Box>
            <Box><AgreementActions /></Box>
          </Stack>
          <Grid container spacing={2} sx={{ mt: 1 }} data-testid="agreement-term">
            <Grid size={{ xs: 6, md: 3 }}><Fact label="resources.agreements.fields.startDate">{record.startDate ? formatCalendarDate(record.startDate, locale) : null}</Fact></Grid>
            <Grid size={{ xs: 6, md: 3 }}>
              <Fact label="resources.agreements.fields.currentYear">
                {started && record.currentYear
                  ? translate('resources.agreements.term.year_of', { year: record.currentYear, total: record.termYears })
                  : translate('resources.agreements.term.not_started', { total: record.termYears })}
              </Fact>
            </Grid>
            <Grid size={{ xs: 6, md: 3 }}><Fact label="resources.agreements.fields.endDate">{record.endDate ? formatLastDay(record.endDate, locale) : null}</Fact></Grid>
            <Grid size={{ xs: 6, md: 3 }}><Fact label="resources.agreements.fields.endedOn">{record.endedOn ? formatCalendarDate(record.endedOn, locale) : null}</Fact></Grid>
          </Grid>
          <Box sx={{ mt: 1 }}><RelatedLinks record={record} /></Box>
        </CardContent>
      </Card>

      <Rectification record={record} />

      {reviewer ? (
        // The evidence beside HQ's signing, inspection and rectification decisions (issue 17): the policy's checklist, the school's history.
        <Box sx={{ mb: 2 }}><ReviewPanel resource="agreements" id={Number(record.id)} version={record.version} /></Box>
      ) : null}

      <Block title="resources.agreements.sections.signing" testId="signing">
        <SigningSteps record={record} />
        <Findings record={record} />
      </Block>

      <Block title="resources.agreements.sections.evidence">
        <AgreementEvidence agreement={record} emptyText={translate('resources.agreements.no_evidence')} />
      </Block>

      <Card variant="outlined">
        <CardContent>
          <History entityType="agreement" entityId={record.id} />
        </CardContent>
      </Card>
    </Box>
  );
}

/** One partnership: its term and year, how it was signed, what the inspection found, any rectification, its story. */
export function AgreementShow() {
  return (
    <ShowBase>
      <ShowContent />
    </ShowBase>
  );
}
