import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useFormContext, useWatch } from 'react-hook-form';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import SendIcon from '@mui/icons-material/Send';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import { Link as RouterLink } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import {
  Confirm,
  Form,
  useBlocker,
  useCanBlock,
  Loading,
  Title,
  useDataProvider,
  useGetList,
  useGetOne,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { StateChip, TierChip } from '../../components/chips';
import { Evidence } from '../../components/evidence/Evidence';
import { ProblemAlert } from '../../components/problem/ProblemAlert';
import { WorkflowDialog } from '../../components/workflow/WorkflowDialog';
import { useWorkflowAction } from '../../components/workflow/use-workflow-action';
import {
  ContactSection, InstructorsSection, JobFairsSection, PledgeSection, PracticeSection, QualificationsSection, ResourcesSection, Section,
  SummarySection, TargetsSection, TierSection, type CatalogueCourse,
} from './PlanSections';
import { ReviewBanner, ReviewCommentsProvider, SectionComments, useCommentLabel } from './ReviewComments';
import { SaveIndicator } from './SaveIndicator';
import { usePolicyInForce } from '../../components/policy/use-policy-in-force';
import { targetWarnings } from './policy-targets';
import { formValuesOf, mergeChanges, payloadOf, type Application, type PlanFormValues } from './plan-model';
import { rememberApplication, savesUnderWay } from './application-cache';
import { useAutosave } from './useAutosave';
import { detailsOf, kindOf, messageOf, parseProblem, statusOf, useErrorText, type ProblemDetail as Problem } from '../../components/problem/parse-problem';
import { useTranslateProblem } from '../../components/problem/translate-problem';

const submitActions = ['submit', 'resubmit'];

/** Both kinds of plan item come as "planItems"; the problem's code tells which. */
const itemKeys: Record<string, string> = { instructors_missing: 'instructors', resources_missing: 'resources' };

/**
 * What the server says is missing: the form's own words for a field it knows, else the problem
 * worded by its code (translate-problem.ts), never by its English message.
 */
function useProblemText() {
  const translate = useTranslate();
  const say = useTranslateProblem();
  return (p: Problem) => {
    if (!p.field) return say(p);
    const key = p.code && Object.hasOwn(itemKeys, p.code) ? itemKeys[p.code] : p.field.replace(/\./g, '_');
    return translate(`resources.applications.missing.${key}`, { _: say(p) });
  };
}

/** Brings the field (or its section) of a problem into view. */
function reveal(field: string | undefined, emptyInstructors: boolean) {
  if (!field) return;
  const target = field === 'planItems'
    ? document.getElementById(emptyInstructors ? 'section-instructors' : 'section-resources')
    : document.querySelector<HTMLElement>(`[name="${field}"]`)?.closest<HTMLElement>('.MuiFormControl-root, .MuiFormGroup-root, label') ?? document.getElementById(`section-${field}`);
  target?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  document.querySelector<HTMLElement>(`[name="${field}"]`)?.focus({ preventScroll: true });
}

/** Whether the saves of this application still under way (the form's save on leaving) have been answered. */
function useSavesSettled(id: string) {
  const [settled, setSettled] = useState<string | undefined>(() => (savesUnderWay(id) ? undefined : id));
  useEffect(() => {
    const waiting = savesUnderWay(id);
    if (!waiting) {
      setSettled(id);
      return undefined;
    }
    let live = true;
    void waiting.then(() => {
      if (live) setSettled(id);
    });
    return () => {
      live = false;
    };
  }, [id]);
  return settled === id;
}

/**
 * The school edits its draft or returned application here; every change is saved as it types. The
 * form edits the server's current record: it opens once the saves still under way are answered and
 * a read made for this page has answered, never on what the cache held before (the list's row without
 * plan items, or an older version), since saving from that would put it back over the server's.
 */
export function ApplicationEdit() {
  const { id } = useParams<{ id: string }>();
  if (!useSavesSettled(id!)) return <Loading />;
  return <CurrentApplicationEdit key={id} id={id!} />;
}

function CurrentApplicationEdit({ id }: { id: string }) {
  const translate = useTranslate();
  const errorText = useErrorText();
  const { data: loaded, isFetchedAfterMount, isFetching, error } = useGetOne<Application>(
    'applications', { id }, { refetchOnMount: 'always', refetchOnWindowFocus: false },
  );
  // The form starts from the record as read on opening (or as reloaded on request): a refetch of the
  // query elsewhere must never reset what the school is typing.
  const first = useRef<Application>(undefined);
  if (!first.current && loaded && isFetchedAfterMount && !isFetching && !error) first.current = loaded;
  const [latest, setLatest] = useState<Application>();
  const [formKey, setFormKey] = useState(0);
  const record = latest ?? first.current;
  const onReloaded = useCallback((fresh: Application) => {
    setLatest(fresh);
    setFormKey((k) => k + 1);
  }, []);

  if (!record && !error) return <Loading />;
  if (!record) {
    return <Alert severity="error" sx={{ m: 2 }}>{errorText(error)}</Alert>;
  }
  if (!record.editable) {
    return (
      <Box sx={{ p: 2 }}>
        <Title title={translate('resources.applications.edit_title', { id: record.id })} />
        <Alert
          severity="info"
          action={<Button component={RouterLink} to={`/applications/${record.id}/show`} color="inherit">{translate('ra.action.show')}</Button>}
        >
          {translate('resources.applications.form.not_editable')}
        </Alert>
      </Box>
    );
  }
  return (
    <ApplicationForm
      key={formKey}
      record={record}
      onReloaded={onReloaded}
    />
  );
}

/**
 * Leaving the form (another page of the app) while changes cannot be saved — a conflict, a refused
 * value — asks first; pending changes are saved on the way out anyway (useAutosave).
 */
function LeaveGuard({ unsaved }: { unsaved: boolean }) {
  const translate = useTranslate();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname);
  return (
    <Confirm
      isOpen={blocker.state === 'blocked'}
      title={translate('resources.applications.form.leave_title')}
      content={translate('resources.applications.form.leave_body')}
      confirm={translate('resources.applications.form.leave_confirm')}
      cancel={translate('resources.applications.form.leave_cancel')}
      onConfirm={() => blocker.proceed?.()}
      onClose={() => blocker.reset?.()}
    />
  );
}

// Memoised: the query behind the page changes with every save (the cache is kept true), and that
// must not re-render the whole form.
const ApplicationForm = memo(function ApplicationForm({ record, onReloaded }: { record: Application; onReloaded: (fresh: Application) => void }) {
  const initial = useMemo(() => ({ id: record.id, ...formValuesOf(record) }), [record]);
  return (
    <Form record={initial} mode="onChange" onSubmit={() => undefined} noValidate>
      <ReviewCommentsProvider comments={record.reviewComments}>
        <Editor initial={record} onReloaded={onReloaded} />
      </ReviewCommentsProvider>
    </Form>
  );
});

const noCourses: CatalogueCourse[] = [];

function Editor({ initial, onReloaded }: { initial: Application; onReloaded: (fresh: Application) => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const { send: runAction } = useWorkflowAction<Application>('applications');
  const commentLabel = useCommentLabel();
  const problemText = useProblemText();
  const errorText = useErrorText();
  const { setError } = useFormContext<PlanFormValues>();
  const [record, setRecord] = useState(initial);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [submitError, setSubmitError] = useState<unknown>();
  const [dialog, setDialog] = useState<'submit' | 'resubmit' | 'withdraw' | 'delete'>();
  const [overwriteError, setOverwriteError] = useState<string>();

  const tier = useWatch<PlanFormValues, 'tier'>({ name: 'tier' });
  const [targets, instructors, jobFairs] = useWatch<PlanFormValues, ['plan.targets', 'items.instructor', 'items.job_fair']>({
    name: ['plan.targets', 'items.instructor', 'items.job_fair'],
  });
  const { policy } = usePolicyInForce(tier);
  const computedWarnings = targetWarnings({ plan: { targets }, items: { instructor: instructors ?? [], job_fair: jobFairs ?? [] } as PlanFormValues['items'] }, policy);
  // The same warnings keep the same array, so the memoised sections that show them do not re-render for nothing.
  const warningsKey = JSON.stringify(computedWarnings);
  const warnings = useMemo(() => computedWarnings, [warningsKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const { data: catalogue = noCourses } = useGetList<CatalogueCourse>('courses', {
    filter: { catalogue: true },
    sort: { field: 'title', order: 'ASC' },
    pagination: { page: 1, perPage: 200 },
  });
  const courseTitle = useCallback((courseId: number) => catalogue.find((c) => c.id === courseId)?.title, [catalogue]);
  const build = useCallback((values: PlanFormValues) => payloadOf(values, initial, courseTitle), [initial, courseTitle]);

  const autosave = useAutosave({
    id: initial.id,
    initialVersion: initial.version,
    build,
    onSaved: setRecord,
  });

  const actions = record.allowedActions ?? [];
  const submitAction = actions.find((a) => submitActions.includes(a));

  const reload = async () => {
    const { data } = await dataProvider.getOne<Application>('applications', { id: record.id });
    rememberApplication(queryClient, data);
    onReloaded(data);
  };

  const overwrite = async () => {
    setOverwriteError(undefined);
    try {
      const { data } = await dataProvider.getOne<Application>('applications', { id: record.id });
      if (!data.editable) {
        setOverwriteError(translate('resources.applications.form.not_editable'));
        return;
      }
      rememberApplication(queryClient, data);
      await autosave.overwrite(data, (confirmed, mine) => mergeChanges(confirmed, mine, formValuesOf(data)));
    } catch (e) {
      setOverwriteError(errorText(e));
    }
  };

  /** Saves what is pending, then submits with the version that save answered. */
  const submit = async (action: string) => {
    setProblems([]);
    setSubmitError(undefined);
    if (!(await autosave.flush())) {
      throw new Error(translate('resources.applications.form.save_before_submit'));
    }
    try {
      await runAction({ id: record.id, version: autosave.version() }, action);
    } catch (e) {
      if (statusOf(e) === 400) {
        const found = detailsOf(e);
        setProblems(found.length ? found : [{ message: messageOf(e) }]);
        for (const p of found) {
          if (p.field && !p.field.startsWith('planItems')) setError(p.field as never, { type: 'server', message: problemText(p) });
        }
        setDialog(undefined);
        requestAnimationFrame(() => document.querySelector('[data-testid="submit-problems"]')?.scrollIntoView?.({ behavior: 'smooth', block: 'center' }));
        return;
      }
      throw e;
    }
    await queryClient.invalidateQueries({ queryKey: ['applications'] });
    notify(`resources.applications.notify.${action}`, { type: 'success' });
    redirect('show', 'applications', record.id);
  };

  const withdraw = async () => {
    if (!(await autosave.flush())) throw new Error(translate('resources.applications.form.save_before_submit'));
    await runAction({ id: record.id, version: autosave.version() }, 'withdraw');
    await queryClient.invalidateQueries({ queryKey: ['applications'] });
    notify('resources.applications.notify.withdraw', { type: 'success' });
    redirect('show', 'applications', record.id);
  };

  const removeDraft = async () => {
    setDialog(undefined);
    try {
      await dataProvider.delete('applications', { id: record.id, previousData: record });
      await queryClient.invalidateQueries({ queryKey: ['applications'] });
      notify('resources.applications.notify.deleted', { type: 'info' });
      redirect('list', 'applications');
    } catch (e) {
      setSubmitError(e);
    }
  };

  const itemsProblem = problems.some((p) => p.field === 'planItems');
  const emptyInstructors = !(instructors ?? []).some((i) => typeof i.details?.name === 'string' && i.details.name.trim());
  const conflict = autosave.state.status === 'conflict';
  const canBlock = useCanBlock();
  const unsavable = ['conflict', 'error', 'invalid'].includes(autosave.state.status);
  const stale = conflict && kindOf(autosave.state.error) === 'stale_version';

  return (
    <Box sx={{ pb: 10, maxWidth: 1100 }}>
      <Title title={translate('resources.applications.edit_title', { id: record.id })} />
      {canBlock ? <LeaveGuard unsaved={unsavable} /> : null}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between', my: 2 }}>
        <Box>
          <Typography variant="h5" component="h1">
            {translate('resources.applications.edit_title', { id: record.id })}
          </Typography>
          <Typography color="text.secondary">{record.schoolName}</Typography>
        </Box>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TierChip tier={tier} size="medium" />
          <StateChip state={record.status} entity="application" size="medium" />
          <Button
            startIcon={<VisibilityOutlinedIcon />}
            onClick={async () => {
              // What was just typed is saved first, so the read-only page shows it; unsaved work
              // (a conflict, a refused value) keeps the school here.
              if (await autosave.flush()) redirect('show', 'applications', record.id);
            }}
          >
            {translate('ra.action.show')}
          </Button>
        </Stack>
      </Stack>

      <ReviewBanner returnedId={record.status === 'returned' ? record.id : undefined} />

      {conflict ? (
        <Alert
          severity="warning"
          role="alert"
          sx={{ mb: 2 }}
          data-testid="autosave-conflict"
          action={(
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={1}>
              {stale ? <Button color="inherit" size="small" onClick={overwrite}>{translate('resources.applications.form.overwrite')}</Button> : null}
              <Button color="inherit" size="small" variant="outlined" onClick={reload}>{translate('app.errors.reload')}</Button>
            </Stack>
          )}
        >
          <AlertTitle>{translate('resources.applications.form.conflict_title')}</AlertTitle>
          {translate('resources.applications.form.conflict_body')}
          <Box sx={{ fontSize: '0.85em', opacity: 0.8, mt: 0.5 }}>{errorText(autosave.state.error)}</Box>
          {overwriteError ? <Box sx={{ mt: 0.5, color: 'error.main' }}>{overwriteError}</Box> : null}
        </Alert>
      ) : null}

      {problems.length ? (
        <Alert severity="error" role="alert" sx={{ mb: 2 }} data-testid="submit-problems" onClose={() => setProblems([])}>
          <AlertTitle>{translate('resources.applications.form.missing_title')}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {problems.map((p, i) => (
              <li key={i}>
                {p.field ? (
                  <Link component="button" type="button" onClick={() => reveal(p.field, emptyInstructors)} sx={{ fontWeight: 600, verticalAlign: 'baseline' }}>
                    {commentLabel(p.field)}
                  </Link>
                ) : null}
                {p.field ? '：' : null}
                {problemText(p)}
              </li>
            ))}
          </Box>
        </Alert>
      ) : null}
      {submitError ? <Box sx={{ mb: 2 }}><ProblemAlert problem={parseProblem(submitError)} entity="application" onReload={reload} fieldLabel={(f) => f} /></Box> : null}

      <TierSection policy={policy} canChangeTier />
      <ContactSection />
      <QualificationsSection />
      <SummarySection />
      <TargetsSection policy={policy} warnings={warnings} />
      <InstructorsSection warnings={warnings} flagged={itemsProblem && emptyInstructors} />
      <ResourcesSection catalogue={catalogue} flagged={itemsProblem} />
      <PracticeSection />
      <JobFairsSection warnings={warnings} />
      <Section id="attachments" title="resources.applications.sections.attachments" subtitle={translate('resources.applications.form.attachments_help')}>
        <SectionComments prefix="attachments" />
        <Evidence entityType="application" entityId={Number(record.id)} upload remove />
      </Section>
      <PledgeSection flagged={problems.some((p) => p.field === 'pledge')} />

      <Paper
        elevation={6}
        sx={{
          position: 'sticky', bottom: 0, zIndex: 2, px: 2, py: 1.25, display: 'flex', gap: 1, alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap',
        }}
      >
        <SaveIndicator state={autosave.state} onRetry={() => void autosave.flush()} />
        <Stack direction="row" spacing={1}>
          {actions.includes('delete') ? (
            <Button color="error" onClick={() => setDialog('delete')}>{translate('resources.applications.form.delete_draft')}</Button>
          ) : null}
          {actions.includes('withdraw') ? (
            <Button onClick={() => setDialog('withdraw')}>{translate('app.action.withdraw')}</Button>
          ) : null}
          {submitAction ? (
            <Button
              variant="contained"
              startIcon={autosave.state.status === 'saving' ? <CircularProgress size={16} color="inherit" /> : <SendIcon />}
              disabled={conflict}
              onClick={() => setDialog(submitAction as 'submit' | 'resubmit')}
              data-testid="submit-application"
            >
              {translate(`app.action.${submitAction}`)}
            </Button>
          ) : null}
        </Stack>
      </Paper>

      <WorkflowDialog
        open={dialog === 'submit' || dialog === 'resubmit'}
        onClose={() => setDialog(undefined)}
        title={translate(`app.action.${dialog === 'resubmit' ? 'resubmit' : 'submit'}`)}
        entity="application"
        confirmLabel={translate(`app.action.${dialog === 'resubmit' ? 'resubmit' : 'submit'}`)}
        onConfirm={() => submit(dialog === 'resubmit' ? 'resubmit' : 'submit')}
        onReload={reload}
        fieldLabel={commentLabel}
      >
        <Typography>{translate('resources.applications.form.submit_confirm')}</Typography>
      </WorkflowDialog>
      <WorkflowDialog
        open={dialog === 'withdraw'}
        onClose={() => setDialog(undefined)}
        title={translate('app.action.withdraw')}
        entity="application"
        confirmLabel={translate('app.action.withdraw')}
        confirmColor="warning"
        onConfirm={withdraw}
        onReload={reload}
      >
        <Typography>{translate('resources.applications.dialog.withdraw_body')}</Typography>
      </WorkflowDialog>
      <Confirm
        isOpen={dialog === 'delete'}
        title={translate('resources.applications.form.delete_draft')}
        content={translate('resources.applications.form.delete_confirm')}
        onConfirm={removeDraft}
        onClose={() => setDialog(undefined)}
      />
    </Box>
  );
}
