import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import { Link as RouterLink } from 'react-router-dom';
import { useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useNextInQueue } from '../../components/review/use-next-in-queue';
import { applicationTransitions } from '@campus/common';
import { ActionBar } from '../../components/workflow/ActionBar';
import { guardProblems, useGuardText } from '../../components/workflow/guard';
import { ActionDialog } from '../../components/workflow/WorkflowDialog';
import { useWorkflowAction } from '../../components/workflow/use-workflow-action';
import { reviewPaths, useCommentLabel } from './ReviewComments';
import type { Application } from './plan-model';

/**
 * The application's action buttons, drawn from allowedActions only: the server decides what the
 * signed-in user may do now, the UI never repeats a state rule. Each opens its dialog.
 */
export function ApplicationActions() {
  const record = useRecordContext<Application>();
  // Deleting a draft (allowedActions' `delete`) is offered by the form, which leaves the page once the draft is gone.
  return (
    <ActionBar<Application>
      record={record}
      omit={['delete']}
      size="small"
      testId="application-actions"
      dialog={(action, close, record) => <ApplicationActionDialog action={action} record={record} onClose={close} />}
    />
  );
}

function ApplicationActionDialog({ action, record, onClose }: { action: string; record: Application; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { send } = useWorkflowAction<Application>('applications');
  const label = useCommentLabel();
  const [comment, setComment] = useState('');
  const [fieldComments, setFieldComments] = useState<{ path: string; text: string }[]>([]);
  const supportItems = (record.planItems ?? []).filter((i) => i.needsPlatformSupport && i.id != null);
  const [decisions, setDecisions] = useState<Record<string, boolean | undefined>>(() =>
    Object.fromEntries(supportItems.map((i) => [String(i.id), i.approved ?? undefined])));

  const isReturn = action.endsWith('_return');
  const isReject = action.endsWith('_reject');
  const isHqApprove = action === 'hq_approve';
  // HQ may record its decisions on items when it returns the plan too (optional there).
  const decides = isHqApprove || (action === 'hq_return' && supportItems.length > 0);
  const isSubmit = action === 'submit' || action === 'resubmit';

  const { permissions: role } = usePermissions<string>();
  const nextInQueue = useNextInQueue();
  const done = async (fields: Record<string, unknown>) => {
    await send(record, action, fields);
    // A reviewer lands on the next application of their queue (issue 17); the school stays on its record.
    if (role === 'hq' || role === 'regional') {
      // The action is done whatever the queue's answer: a failed look-up leaves the reviewer on the record.
      await nextInQueue(record.id).catch(() => undefined);
      refresh();
      return;
    }
    notify(`resources.applications.notify.${action}`, { type: 'success', messageArgs: { _: translate('app.workflow.done', { action: translate(`app.action.${action}`, { _: action }) }) } });
    refresh();
  };

  const confirm = async () => {
    const text = comment.trim();
    const planItemDecisions = Object.fromEntries(Object.entries(decisions).filter(([, v]) => v !== undefined)) as Record<string, boolean>;
    const withDecisions = decides && Object.keys(planItemDecisions).length ? { planItemDecisions } : {};
    if (isReturn) {
      const byField = Object.fromEntries(fieldComments.filter((f) => f.text.trim()).map((f) => [f.path, f.text.trim()]));
      return done({ ...(text ? { comment: text } : {}), ...(Object.keys(byField).length ? { fieldComments: byField } : {}), ...withDecisions });
    }
    if (isHqApprove) return done({ ...(text ? { comment: text } : {}), ...withDecisions });
    return done(text ? { comment: text } : {});
  };

  const guardText = useGuardText();
  // What the action needs is the shared table's guard (applicationTransitions), the server's own. A
  // submit is left to the server, whose answer lists every missing field at once.
  const validate = () => {
    if (isSubmit) return undefined;
    const planItemDecisions = Object.fromEntries(Object.entries(decisions).filter(([, v]) => v !== undefined)) as Record<string, boolean>;
    const problems = guardProblems(applicationTransitions, record.status, action, {
      tier: record.tier,
      plan: record.plan ?? {},
      pledge: !!record.pledge,
      planItems: (record.planItems ?? []).filter((i) => i.id != null).map((i) => ({
        id: Number(i.id), kind: i.kind, title: i.title, needsPlatformSupport: !!i.needsPlatformSupport, approved: i.approved ?? null,
      })),
      input: {
        comment,
        fieldComments: Object.fromEntries(fieldComments.map((f) => [f.path, f.text])),
        planItemDecisions,
      },
    });
    return guardText(problems, (p) => {
      if (p.code === 'rejection_reason_missing') return translate('resources.applications.dialog.reason_required');
      if (p.code === 'revision_comments_missing') return translate('resources.applications.dialog.comment_required');
      if (p.code === 'support_item_unapproved') {
        const undecided = supportItems.some((i) => decisions[String(i.id)] === undefined);
        return translate(undecided ? 'resources.applications.dialog.decide_every_item' : 'resources.applications.dialog.declined_hint');
      }
      return undefined;
    });
  };

  const declined = isHqApprove && supportItems.some((i) => decisions[String(i.id)] === false);
  const usedPaths = new Set(fieldComments.map((f) => f.path));

  return (
    <ActionDialog
      action={action}
      onClose={onClose}
      entity="application"
      validate={validate}
      onConfirm={confirm}
      fieldLabel={label}
      maxWidth={isReturn || isHqApprove ? 'md' : 'sm'}
    >
      <Typography variant="body2" color="text.secondary">
        {translate(`resources.applications.dialog.${action}_body`, { _: translate('resources.applications.dialog.generic_body') })}
      </Typography>

      {decides ? (
        <Box data-testid="support-decisions">
          <Typography variant="subtitle2" sx={{ mb: 1 }}>{translate('resources.applications.dialog.support_items')}</Typography>
          {supportItems.length ? supportItems.map((item) => (
            <Box key={item.id} sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2, py: 0.75, borderBottom: 1, borderColor: 'divider' }}>
              <Box sx={{ minWidth: 0 }}>
                <Typography variant="body2">{item.title}</Typography>
                <Typography variant="caption" color="text.secondary">{translate(`resources.applications.item_kind.${item.kind}`, { _: item.kind })}</Typography>
              </Box>
              <ToggleButtonGroup
                size="small"
                exclusive
                value={decisions[String(item.id)] === undefined ? null : decisions[String(item.id)] ? 'yes' : 'no'}
                // An exclusive group answers null when the pressed button is clicked again: that is the same
                // decision, not its withdrawal (clicking approve on an approved item must keep it approved).
                onChange={(_, v: 'yes' | 'no' | null) => { if (v !== null) setDecisions((d) => ({ ...d, [String(item.id)]: v === 'yes' })); }}
                aria-label={item.title}
              >
                <ToggleButton value="yes" color="success">{translate('resources.applications.dialog.approve_item')}</ToggleButton>
                <ToggleButton value="no" color="error">{translate('resources.applications.dialog.decline_item')}</ToggleButton>
              </ToggleButtonGroup>
            </Box>
          )) : (
            <Typography variant="body2" color="text.secondary">{translate('resources.applications.dialog.no_support_items')}</Typography>
          )}
          {declined ? <Alert severity="info" sx={{ mt: 1 }}>{translate('resources.applications.dialog.declined_hint')}</Alert> : null}
        </Box>
      ) : null}

      <TextField
        label={translate(isReject ? 'resources.applications.dialog.reason' : isReturn ? 'resources.applications.dialog.overall_comment' : 'resources.applications.dialog.comment')}
        required={isReject}
        multiline
        minRows={isReject || isReturn ? 3 : 2}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 5000, 'data-testid': 'action-comment' } }}
        fullWidth
        autoFocus
      />

      {isReturn ? (
        <Box data-testid="field-comments">
          <Typography variant="subtitle2">{translate('resources.applications.dialog.field_comments')}</Typography>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
            {translate('resources.applications.dialog.field_comments_help')}
          </Typography>
          {fieldComments.map((f, i) => (
            <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mb: 1 }}>
              <TextField
                select
                size="small"
                label={translate('resources.applications.dialog.field')}
                value={f.path}
                onChange={(e) => setFieldComments((list) => list.map((x, j) => (j === i ? { ...x, path: e.target.value } : x)))}
                sx={{ minWidth: 200 }}
              >
                {reviewPaths.map((p) => (
                  <MenuItem key={p} value={p} disabled={p !== f.path && usedPaths.has(p)}>{label(p)}</MenuItem>
                ))}
              </TextField>
              <TextField
                size="small"
                label={translate('resources.applications.dialog.comment')}
                value={f.text}
                onChange={(e) => setFieldComments((list) => list.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
                multiline
                fullWidth
                slotProps={{ htmlInput: { maxLength: 2000 } }}
              />
              <IconButton aria-label={translate('ra.action.remove')} onClick={() => setFieldComments((list) => list.filter((_, j) => j !== i))}>
                <CloseIcon />
              </IconButton>
            </Box>
          ))}
          <Button
            size="small"
            startIcon={<AddIcon />}
            disabled={fieldComments.length >= reviewPaths.length}
            onClick={() => setFieldComments((list) => [...list, { path: reviewPaths.find((p) => !usedPaths.has(p)) ?? reviewPaths[0], text: '' }])}
          >
            {translate('resources.applications.dialog.add_field_comment')}
          </Button>
        </Box>
      ) : null}

      {isSubmit && record.editable ? (
        <Typography variant="body2">
          <RouterLink to={`/applications/${record.id}`}>{translate('resources.applications.dialog.edit_first')}</RouterLink>
        </Typography>
      ) : null}
    </ActionDialog>
  );
}

