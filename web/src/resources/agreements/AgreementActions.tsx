import { useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button, { type ButtonProps } from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { useQueryClient } from '@tanstack/react-query';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { agreementTransitions, todayInChina, type AgreementContext } from '@campus/common';
import { ACCEPTED_FILES, ACCEPTED_IMAGES, actionWithFiles } from '../../components/evidence/evidence-api';
import { usePolicyInForce } from '../../components/policy/use-policy-in-force';
import { ActionBar } from '../../components/workflow/ActionBar';
import { guardProblems, useGuardText } from '../../components/workflow/guard';
import { ActionDialog } from '../../components/workflow/WorkflowDialog';
import { useWorkflowAction } from '../../components/workflow/use-workflow-action';
import type { Agreement } from './types';
import { AgreementChecklistExcerpt } from '../../components/review/ReviewChecklist';
import { agreementQueue, agreementQueueStates, useNextInQueue } from '../../components/review/use-next-in-queue';


/** The dialog's own sentence for a guard's problem (resources.agreements.dialog.*). */
const dialogText: Record<string, string> = {
  step_date_missing: 'date_required',
  step_date_in_future: 'date_future',
  ceremony_place_missing: 'place_required',
  instructors_not_confirmed: 'checklist_required',
  resources_not_confirmed: 'checklist_required',
  missing_not_recorded: 'missing_required',
  rectification_comment_missing: 'comment_required',
  termination_reason_missing: 'reason_required',
};

/** The agreement's action buttons, from allowedActions only (all of them are HQ's, per the server). */
export function AgreementActions() {
  return (
    <ActionBar<Agreement>
      size="small"
      testId="agreement-actions"
      dialog={(action, close, record) => <AgreementActionDialog action={action} record={record} onClose={close} />}
    />
  );
}

/** Opens one action's dialog from elsewhere on the page (the "close the rectification" proposal). */
export function AgreementActionButton({ actionName: action, ...props }: { actionName: string } & Omit<ButtonProps, "action">) {
  const record = useRecordContext<Agreement>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!record?.allowedActions?.includes(action)) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-action={action} {...props}>
        {props.children ?? translate(`app.action.${action}`, { _: action })}
      </Button>
      {open ? <AgreementActionDialog action={action} record={record} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function AgreementActionDialog({ action, record, onClose }: { action: string; record: Agreement; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const { send } = useWorkflowAction<Agreement>('agreements');
  const nextInQueue = useNextInQueue(agreementQueue);
  const today = todayInChina();
  const [on, setOn] = useState(today);
  const [place, setPlace] = useState('');
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<string[]>(['']);
  const [checklist, setChecklist] = useState({ instructorsInPlace: false, resourcesConfigured: false });
  // The step's files (the ceremony's photos, the signed agreement) stay in the browser until the
  // step is confirmed: the server stores them with the step, in its transaction, or not at all.
  const [picked, setPicked] = useState<File[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  const { policy } = usePolicyInForce(record.tier);
  const guardText = useGuardText();
  // What the action needs is the shared table's guard (agreementTransitions), the server's own.
  const problemsWith = (input: AgreementContext['input']) => guardProblems(agreementTransitions, record.status, action, {
    rules: { requiresSigning: !!policy?.requiresSigning, requiresPlaque: !!policy?.requiresPlaque, requiresInspection: !!policy?.requiresInspection },
    today,
    steps: { signedOn: record.signedOn, plaqueOn: record.plaqueOn },
    input,
  });
  const dated = problemsWith({}).some((p) => p.field === 'on');
  const commentRequired = problemsWith({}).some((p) => p.field === 'comment');
  const title = translate(`app.action.${action}`, { _: action });
  const t = (key: string, args?: Record<string, unknown>) => translate(`resources.agreements.dialog.${key}`, args);

  const pick = (files: FileList | null) => {
    const list = [...(files ?? [])];
    if (list.length) setPicked((was) => (action === 'sign' ? list.slice(0, 1) : [...was, ...list].slice(0, 10)));
    if (fileInput.current) fileInput.current.value = '';
  };
  const pickedChips = picked.map((f, i) => (
    <Chip key={`${f.name}-${i}`} label={f.name} onDelete={() => setPicked((list) => list.filter((_, j) => j !== i))} />
  ));

  const validate = () => guardText(
    problemsWith({ on: dated ? on : undefined, place, comment, missing, checklist }),
    (p) => (p.code && Object.hasOwn(dialogText, p.code) ? t(dialogText[p.code]) : undefined),
  );

  const confirm = async () => {
    const fields: Record<string, unknown> = {};
    if (dated) fields.on = on;
    if (comment.trim()) fields.comment = comment.trim();
    if (action === 'hold_plaque_ceremony') fields.place = place.trim();
    if (action === 'pass_inspection') fields.checklist = checklist;
    if (action === 'fail_inspection') fields.missing = missing.map((m) => m.trim()).filter(Boolean);
    if (picked.length && (action === 'sign' || action === 'hold_plaque_ceremony')) {
      await actionWithFiles('agreements', Number(record.id), action, { ...(fields as Record<string, string>), version: record.version }, picked,
        action === 'sign' ? translate('app.evidence.signed_agreement_description') : t('photo_description'));
      await queryClient.invalidateQueries({ queryKey: ['evidence'] });
    } else {
      await send(record, action, fields);
    }
    // A step that waited for HQ (signing, the plaque ceremony, the inspection): HQ lands on the next
    // agreement of its queue (issue 17). The step is done whatever the queue's answer: a failed look-up
    // leaves HQ on the record with the usual notice.
    if ((agreementQueueStates as readonly string[]).includes(record.status)) {
      const moved = await nextInQueue(record.id).then(() => true, () => false);
      if (moved) {
        refresh();
        return;
      }
    }
    notify(`resources.agreements.notify.${action}`, { type: 'success', messageArgs: { _: translate('app.workflow.done', { action: title }) } });
    refresh();
  };

  return (
    <ActionDialog
      action={action}
      onClose={onClose}
      entity="agreement"
      validate={validate}
      onConfirm={confirm}
      fieldLabel={(field) => translate(`resources.agreements.dialog.field_${field.replace(/\./g, '_')}`, { _: field })}
    >
      <Typography variant="body2" color="text.secondary">
        {translate(`resources.agreements.dialog.${action}_body`, { _: translate('resources.applications.dialog.generic_body') })}
      </Typography>
      {dated ? (
        <TextField
          type="date"
          label={t(`date_${action}`)}
          value={on}
          onChange={(e) => setOn(e.target.value)}
          required
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today, 'data-testid': 'action-date' } }}
          sx={{ maxWidth: 240 }}
        />
      ) : null}
      {action === 'hold_plaque_ceremony' ? (
        <>
          <TextField label={t('place')} value={place} onChange={(e) => setPlace(e.target.value)} required slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'action-place' } }} />
          <Box>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
              <Button variant="outlined" startIcon={<PhotoCameraIcon />} onClick={() => fileInput.current?.click()}>
                {t('add_photo')}
              </Button>
              <input ref={fileInput} type="file" multiple hidden accept={ACCEPTED_IMAGES} data-testid="photo-input" onChange={(e) => pick(e.target.files)} />
              {pickedChips}
            </Stack>
            <Typography variant="caption" color="text.secondary" component="div">{t('photo_hint')}</Typography>
            <Typography variant="caption" color="text.secondary" component="div">{translate('app.evidence.photos_on_confirm')}</Typography>
          </Box>
        </>
      ) : null}
      {action === 'sign' ? (
        <Box data-testid="signed-agreement">
          <Typography variant="subtitle2">{translate('app.evidence.signed_agreement')}</Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mt: 0.5 }}>
            <Button variant="outlined" startIcon={<AttachFileIcon />} onClick={() => fileInput.current?.click()}>
              {translate('app.evidence.pick_file')}
            </Button>
            <input ref={fileInput} type="file" hidden accept={ACCEPTED_FILES} data-testid="signed-input" onChange={(e) => pick(e.target.files)} />
            {pickedChips}
          </Stack>
          <Typography variant="caption" color="text.secondary">{translate('app.evidence.signed_agreement_hint')}</Typography>
        </Box>
      ) : null}
      {action === 'pass_inspection' || action === 'fail_inspection' ? (
        // What HQ ticks is shown beside the ticks: the instructors on record with their certification dates, the plan's resources (issue 17).
        <AgreementChecklistExcerpt agreementId={Number(record.id)} only={['certifiedInstructors', 'teachingResources', 'offlineCourses']} />
      ) : null}
      {action === 'pass_inspection' ? (
        <Box>
          <FormControlLabel
            control={<Checkbox checked={checklist.instructorsInPlace} onChange={(e) => setChecklist((c) => ({ ...c, instructorsInPlace: e.target.checked }))} />}
            label={t('instructors_in_place')}
          />
          <FormControlLabel
            control={<Checkbox checked={checklist.resourcesConfigured} onChange={(e) => setChecklist((c) => ({ ...c, resourcesConfigured: e.target.checked }))} />}
            label={t('resources_configured')}
          />
        </Box>
      ) : null}
      {action === 'fail_inspection' ? (
        <Box>
          <Typography variant="subtitle2">{t('missing')}</Typography>
          {missing.map((m, i) => (
            <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'center', mt: 1 }}>
              <TextField
                size="small"
                fullWidth
                label={t('missing_item', { n: i + 1 })}
                value={m}
                onChange={(e) => setMissing((list) => list.map((x, j) => (j === i ? e.target.value : x)))}
                slotProps={{ htmlInput: { maxLength: 500 } }}
              />
              {missing.length > 1 ? (
                <IconButton aria-label={translate('ra.action.remove')} onClick={() => setMissing((list) => list.filter((_, j) => j !== i))}><CloseIcon /></IconButton>
              ) : null}
            </Box>
          ))}
          <Button size="small" startIcon={<AddIcon />} sx={{ mt: 1 }} onClick={() => setMissing((list) => [...list, ''])} disabled={missing.length >= 50}>
            {t('add_missing')}
          </Button>
        </Box>
      ) : null}
      <TextField
        label={t(action === 'terminate' ? 'reason' : 'comment')}
        required={commentRequired}
        multiline
        minRows={commentRequired ? 3 : 2}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 5000, 'data-testid': 'action-comment' } }}
        fullWidth
      />
    </ActionDialog>
  );
}
