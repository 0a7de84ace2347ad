import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { ShowBase, Title, useGetList, useLocaleState, usePermissions, useRecordContext, useShowContext, useTranslate } from 'react-admin';
import { ReviewPanel } from '../../components/review/ReviewPanel';
import { StateChip, TierChip } from '../../components/chips';
import { RecordHistory } from '../../components/RecordHistory';
import { formatInstant } from '../../components/dates';
import { DecideForm, type DecideResult } from './DecideForm';
import { QueueDone, useQueueDone } from '../../components/review/QueueDone';
import { evaluationQueue, useNextInQueue } from '../../components/review/use-next-in-queue';
import { Evidence } from '../../components/evidence/Evidence';
import { CompliantChip } from './KpiVerdict';
import { addDays } from '../../components/dates';
import { failingOf, kpiLabelKey, listLink } from '../../components/kpi/kpi';
import { RefreshSnapshotButton } from './RefreshSnapshotButton';
import { SnapshotTable } from './SnapshotTable';
import type { Evaluation } from './types';

const titleProps = { title: { variant: 'subtitle1' as const, sx: { fontWeight: 600 } } };

export function useEvaluationName() {
  const translate = useTranslate();
  return (record: Pick<Evaluation, 'year' | 'kind'>) =>
    translate(record.kind === 'final' ? 'app.evaluation.name_final' : 'app.evaluation.name_annual', { year: record.year });
}

function EvaluationTitle() {
  const record = useRecordContext<Evaluation>();
  const name = useEvaluationName();
  if (!record) return null;
  return <span>{`${record.schoolName} · ${name(record)}`}</span>;
}

export function DecisionChip({ decision }: { decision: string | null | undefined }) {
  const translate = useTranslate();
  if (!decision) return null;
  const color = decision === 'terminate' || decision === 'not_renew' ? 'error' : decision === 'rectify' ? 'warning' : decision === 'upgrade' || decision === 'renew' ? 'primary' : 'success';
  return <Chip size="small" color={color} variant="outlined" label={translate(`app.action.${decision}`, { _: decision })} />;
}

function useInstant() {
  const [locale] = useLocaleState();
  return (at: string | null | undefined) => (at ? formatInstant(at, locale) : '—');
}

function Header({ record }: { record: Evaluation }) {
  const translate = useTranslate();
  const name = useEvaluationName();
  const snapshot = record.snapshot;
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' } }}>
          <Box>
            <Typography variant="overline" color="text.secondary">{name(record)}</Typography>
            <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
              <Link component={RouterLink} to={`/schools/${record.schoolId}/show`} underline="hover" color="inherit">{record.schoolName}</Link>
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {snapshot ? translate('app.evaluation.period', { from: snapshot.from, to: addDays(snapshot.to, -1) }) : null}
              {' · '}
              <Link component={RouterLink} to={`/agreements/${record.agreementId}/show`}>{translate('app.evaluation.agreement_no', { id: record.agreementId })}</Link>
              {' · '}
              <Link component={RouterLink} to={listLink('compliance', { schoolId: record.schoolId, current: true })}>{translate('app.evaluation.current_kpis')}</Link>
            </Typography>
          </Box>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }} useFlexGap>
            <TierChip tier={record.tier} size="medium" />
            <Chip variant="outlined" label={translate(`app.evaluation.kind.${record.kind}`)} />
            <CompliantChip compliant={snapshot?.compliant ?? record.compliant} size="medium" />
            <StateChip state={record.status} entity="evaluation" size="medium" />
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}

function SnapshotCard({ record }: { record: Evaluation }) {
  const translate = useTranslate();
  const instant = useInstant();
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardHeader
        title={translate('app.evaluation.snapshot')}
        subheader={translate('app.evaluation.snapshot_at', { at: instant(record.snapshotAt) })}
        slotProps={titleProps}
        action={<RefreshSnapshotButton record={record} />}
      />
      <CardContent sx={{ pt: 0 }}>
        <SnapshotTable snapshot={record.snapshot} previous={record.previous?.snapshot ?? null} previousYear={record.previous?.year} />
        <Alert severity="info" variant="outlined" role="note" sx={{ mt: 2 }}>
          {translate(record.status === 'open' ? 'app.evaluation.frozen_note_open' : 'app.evaluation.frozen_note')}
        </Alert>
      </CardContent>
    </Card>
  );
}

function PreviousCard({ record }: { record: Evaluation }) {
  const translate = useTranslate();
  const name = useEvaluationName();
  const previous = record.previous;
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.evaluation.previous')} slotProps={titleProps} />
      <CardContent sx={{ pt: 0 }}>
        {previous ? (
          <Stack spacing={1}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
              <Link component={RouterLink} to={`/evaluations/${previous.id}/show`}>{name({ year: previous.year, kind: 'annual' })}</Link>
              <CompliantChip compliant={previous.snapshot?.compliant} />
              {previous.decision ? <DecisionChip decision={previous.decision} /> : <StateChip state="open" entity="evaluation" />}
            </Stack>
            {failingOf(previous.snapshot).length ? (
              <Typography variant="body2">
                <Box component="span" sx={{ color: 'text.secondary' }}>{translate('app.evaluation.failing')}：</Box>
                {failingOf(previous.snapshot).map((k) => translate(kpiLabelKey(k))).join('、')}
              </Typography>
            ) : null}
            {previous.reason ? <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{previous.reason}</Typography> : null}
          </Stack>
        ) : (
          <Typography variant="body2" color="text.secondary">{translate('app.evaluation.no_previous')}</Typography>
        )}
      </CardContent>
    </Card>
  );
}

/** What the decision created, from this session's answer or else the decide event of the audit trail. */
function useDecisionEffects(record: Evaluation, result: DecideResult | null) {
  const { data } = useGetList<{ id: number; data: Record<string, unknown> | null }>(
    'audit-events',
    { filter: { entityType: 'evaluation', entityId: record.id, action: 'decide' }, pagination: { page: 1, perPage: 1 }, sort: { field: 'at', order: 'DESC' } },
    { enabled: record.status === 'decided' && !result && (record.decision === 'upgrade' || record.decision === 'renew') },
  );
  const logged = data?.[0]?.data ?? {};
  return {
    applicationId: result?.applicationId ?? (typeof logged.applicationId === 'number' ? logged.applicationId : undefined),
    newAgreementId: result?.newAgreementId ?? (typeof logged.newAgreementId === 'number' ? logged.newAgreementId : undefined),
  };
}

function DecisionCard({ record, result }: { record: Evaluation; result: DecideResult | null }) {
  const translate = useTranslate();
  const instant = useInstant();
  const { applicationId, newAgreementId } = useDecisionEffects(record, result);
  return (
    <Card variant="outlined" component="section" aria-label={translate('app.evaluation.decision_title')}>
      <CardHeader title={translate('app.evaluation.decision_title')} subheader={translate('app.evaluation.decided_at', { at: instant(record.decidedAt) })} slotProps={titleProps} />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={1.5}>
          {result ? (
            <Alert severity="success">{translate('app.evaluation.decided_now', { decision: translate(`app.action.${record.decision}`, { _: record.decision ?? '' }) })}</Alert>
          ) : null}
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" color="text.secondary">{translate('resources.evaluations.fields.decision')}：</Typography>
            <DecisionChip decision={record.decision} />
          </Stack>
          {record.reason ? (
            <Box>
              <Typography variant="body2" color="text.secondary">{translate('resources.evaluations.fields.reason')}</Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap' }}>{record.reason}</Typography>
            </Box>
          ) : null}
          {record.decision === 'rectify' ? (
            <Alert severity="warning" variant="outlined">
              <AlertTitle>{translate('app.evaluation.rectify_until', { deadline: record.deadline ?? '—' })}</AlertTitle>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{record.notice}</Typography>
              <Stack direction="row" spacing={0.5} sx={{ mt: 1, flexWrap: 'wrap' }} useFlexGap>
                {(record.failingKpis ?? []).map((k) => <Chip key={k} size="small" color="warning" label={translate(kpiLabelKey(k), { _: k })} />)}
              </Stack>
            </Alert>
          ) : null}
          {applicationId ? (
            <Alert severity="info" action={<Button component={RouterLink} to={`/applications/${applicationId}/show`} color="inherit" size="small">{translate('app.evaluation.open_application')}</Button>}>
              {translate('app.evaluation.upgrade_created', { id: applicationId })}
            </Alert>
          ) : null}
          {newAgreementId ? (
            <Alert severity="info" action={<Button component={RouterLink} to={`/agreements/${newAgreementId}/show`} color="inherit" size="small">{translate('app.evaluation.open_agreement')}</Button>}>
              {translate('app.evaluation.renewal_created', { id: newAgreementId })}
            </Alert>
          ) : null}
          {record.decision === 'rectify' ? (
            <Box>
              <Button component={RouterLink} to={`/agreements/${record.agreementId}/show`} size="small">{translate('app.evaluation.follow_rectification')}</Button>
            </Box>
          ) : null}
        </Stack>
      </CardContent>
    </Card>
  );
}

function EvaluationPage() {
  const { record, isPending, error } = useShowContext<Evaluation>();
  const translate = useTranslate();
  const [result, setResult] = useState<DecideResult | null>(null);
  const { permissions: role } = usePermissions<string>();
  const queueDone = useQueueDone();
  const nextInQueue = useNextInQueue(evaluationQueue);
  if (error) return <Alert severity="error" sx={{ mt: 2 }}>{(error as Error).message}</Alert>;
  if (isPending || !record) return null;
  const canDecide = record.allowedActions?.includes('decide');
  const decided = async (answer: DecideResult) => {
    setResult(answer);
    // HQ lands on the next open evaluation of its queue (issue 17), unless the decision created a record
    // to follow (an upgrade's application, a renewal's agreement): its link stays on this page. A failed
    // look-up of the queue leaves HQ here, with the decision shown.
    if (answer.applicationId || answer.newAgreementId) return;
    const next = await nextInQueue(record.id).catch(() => null);
    if (next != null) setResult(null);
  };
  return (
    <Stack spacing={2} sx={{ py: 2 }}>
      <Title title={<EvaluationTitle />} />
      {queueDone ? <QueueDone resource="evaluations" /> : null}
      <Header record={record} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <SnapshotCard record={record} />
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Stack spacing={2}>
            {/* The evidence beside the decision (issue 17): the policy of the year against the snapshot, the school's history. */}
            {role === 'hq' || role === 'regional' ? <ReviewPanel resource="evaluations" id={Number(record.id)} version={record.version} /> : null}
            <PreviousCard record={record} />
            <Card variant="outlined">
              <CardHeader title={translate('app.evaluation.evidence')} subheader={translate('app.evaluation.evidence_help')} slotProps={titleProps} />
              <CardContent sx={{ pt: 0 }}>
                <Evidence filter={{ schoolId: record.schoolId }} showEntity newestFirst pageSize={8} emptyText={translate('app.evaluation.no_evidence')} />
              </CardContent>
            </Card>
            <Card variant="outlined" data-testid="evaluation-evidence">
              <CardHeader title={translate('app.evidence.title')} subheader={translate('app.evidence.evaluation_help')} slotProps={titleProps} />
              <CardContent sx={{ pt: 0 }}>
                {/* HQ's own files for this evaluation, attached while it is open (the server's rule). */}
                <Evidence entityType="evaluation" entityId={Number(record.id)} upload={!!canDecide} remove={!!canDecide} />
              </CardContent>
            </Card>
          </Stack>
        </Grid>
      </Grid>
      {canDecide ? <DecideForm key={record.id} record={record} onDecided={decided} /> : null}
      {record.status === 'decided' ? <DecisionCard record={record} result={result} /> : null}
      <RecordHistory entityType="evaluation" entityId={record.id} />
    </Stack>
  );
}

/** The decision screen: the frozen KPIs beside last year's, the school's evidence, the decision, the history. */
export function EvaluationShow() {
  return (
    <ShowBase>
      <EvaluationPage />
    </ShowBase>
  );
}
