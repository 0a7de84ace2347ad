import Button from '@mui/material/Button';
import { useState } from 'react';
import { Confirm, useNotify, useRefresh } from 'react-admin';
import { useErrorText } from '../problem/parse-problem';
import { useWorkflowAction } from './use-workflow-action';
import type { WorkflowRecord } from './workflow-record';

export interface ConfirmedActionButtonProps {
  resource: string;
  record: Pick<WorkflowRecord, 'id' | 'version'>;
  /** The action's name: POST /api/<resource>/:id/actions/<action>. */
  action: string;
  color: 'error' | 'success' | 'primary';
  /** The button's words, and the confirmation's title and text, translated. */
  label: string;
  title: string;
  content: string;
  /** What the notice says once it is done: an i18n key and its arguments. */
  done: { message: string; args?: Record<string, unknown> };
}

/**
 * A record's action behind a confirmation, taken with the workflow kit's hook (the record's version sent): a notice
 * says it was done and the page refreshes, or the notice says what the server refused, in the UI's language.
 */
export function ConfirmedActionButton({ resource, record, action, color, label, title, content, done }: ConfirmedActionButtonProps) {
  const { send } = useWorkflowAction(resource);
  const notify = useNotify();
  const refresh = useRefresh();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const run = async () => {
    setPending(true);
    try {
      await send(record, action);
      notify(done.message, { type: 'info', messageArgs: done.args });
      refresh();
    } catch (error) {
      const message = errorText(error) || 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setPending(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button size="small" color={color} variant="outlined" disabled={pending} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Confirm isOpen={open} loading={pending} title={title} content={content} onConfirm={run} onClose={() => setOpen(false)} />
    </>
  );
}
