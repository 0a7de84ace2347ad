import { useState } from 'react';
import TextField from '@mui/material/TextField';
import type { ButtonProps } from '@mui/material/Button';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import type { ReviewContext, TransitionTable } from '@campus/common';
import { ActionBar } from './ActionBar';
import { guardProblems, useGuardText } from './guard';
import { useWorkflowAction } from './use-workflow-action';
import { ActionDialog } from './WorkflowDialog';
import type { WorkflowRecord } from './workflow-record';

/** What a review action asks of the user before it is sent. */
export interface ActionSpec {
  /** The body field the dialog's text goes to (comment, reply); none: a plain confirmation. */
  field?: 'comment' | 'reply' | 'reason';
  /** Message key of the dialog's explanation. */
  help?: string;
  /** Message key of the text field's label. */
  label?: string;
  /** The text field's starting value (e.g. the reply already sent, to amend it). */
  initial?: (record: WorkflowRecord) => string;
}

interface ReviewProps {
  resource: string;
  /** The record type, for the conflict message. */
  entity: string;
  /** The record type's transition table (@campus/common): its guards are the dialog's pre-check. */
  transitions: TransitionTable<string, ReviewContext>;
  specs: Record<string, ActionSpec>;
  onDone?: (action: string, updated: WorkflowRecord) => void;
  /** Actions another control of the page takes (an exam session's publish_results is its results import). */
  omit?: readonly string[];
}

/**
 * The action buttons of a record with a simple review workflow (confirm / reject, approve / reject,
 * reply / close), from its allowedActions; each opens a dialog asking for what the action needs.
 */
export function ReviewActions({ record, size = 'medium', omit, ...props }: ReviewProps & { record: WorkflowRecord | undefined; size?: ButtonProps['size'] }) {
  return (
    <ActionBar record={record} size={size} omit={omit} dialog={(action, close, shown) => <ReviewDialog {...props} record={shown} action={action} onClose={close} />} />
  );
}

function ReviewDialog({ resource, entity, transitions, specs, onDone, record, action, onClose }: ReviewProps & {
  record: WorkflowRecord;
  action: string;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const guardText = useGuardText();
  const notify = useNotify();
  const refresh = useRefresh();
  const { send } = useWorkflowAction(resource);
  const spec = specs[action] ?? {};
  const [text, setText] = useState(() => spec.initial?.(record) ?? '');
  const problemsWith = (value: string) =>
    guardProblems(transitions, record.status, action, { input: spec.field ? { [spec.field]: value } : {} });
  // The field is required where the shared guard refuses it empty.
  const required = !!spec.field && problemsWith('').some((p) => p.field === spec.field);
  const title = translate(`app.action.${action}`, { _: action });

  const validate = () => guardText(problemsWith(text), (p) => (p.field === spec.field && !text.trim() ? translate('app.work.required') : undefined));

  const confirm = async () => {
    const updated = await send(record, action, spec.field && text.trim() ? { [spec.field]: text.trim() } : {});
    notify(translate('app.work.done', { action: title }), { type: 'success' });
    refresh();
    onDone?.(action, updated);
  };

  return (
    <ActionDialog
      action={action}
      onClose={onClose}
      entity={entity}
      help={spec.help ? translate(spec.help) : undefined}
      validate={validate}
      onConfirm={confirm}
      fieldLabel={(field) => translate(field === spec.field && spec.label ? spec.label : `app.work.field.${field}`, { _: field })}
    >
      {spec.field ? (
        <TextField
          autoFocus
          name={spec.field}
          label={translate(spec.label ?? `app.work.field.${spec.field}`)}
          value={text}
          onChange={(e) => setText(e.target.value)}
          multiline
          minRows={3}
          required={required}
          helperText={required ? undefined : translate('app.work.optional')}
        />
      ) : null}
    </ActionDialog>
  );
}
