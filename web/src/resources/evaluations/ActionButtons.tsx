import { useState } from 'react';
import Button, { type ButtonProps } from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useNotify, useTranslate } from 'react-admin';
import { ProblemAlert } from './ProblemAlert';
import { useWorkflowAction, type WorkflowRecord } from './workflow';

/** What an action asks of the user before it is sent. */
export interface ActionSpec {
  /** The body field the dialog's text goes to (comment, reply); none: a plain confirmation. */
  field?: 'comment' | 'reply';
  required?: boolean;
  color?: ButtonProps['color'];
  variant?: ButtonProps['variant'];
  /** Message key of the dialog's explanation. */
  help?: string;
  /** Message key of the text field's label. */
  label?: string;
  /** The text field's starting value (e.g. the reply already sent, to amend it). */
  initial?: (record: WorkflowRecord) => string;
}

/**
 * The action buttons of a record with a simple review workflow, drawn from the record's
 * allowedActions only (the server's transition table decides what may happen now). Each opens a
 * dialog that asks for what the action needs, sends it with the record's version, and shows the
 * server's refusal if there is one.
 */
export function ActionButtons({ resource, record, specs, size = 'medium', onDone }: {
  resource: string;
  record: WorkflowRecord | undefined;
  specs: Record<string, ActionSpec>;
  size?: ButtonProps['size'];
  onDone?: (action: string, updated: WorkflowRecord) => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const [action, setAction] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const { run, pending, problem, clearProblem } = useWorkflowAction(resource);
  if (!record?.allowedActions?.length) return null;
  const spec = action ? specs[action] ?? {} : {};
  const missing = !!spec.field && !!spec.required && !text.trim();

  const openDialog = (name: string) => {
    clearProblem();
    setTried(false);
    setText(specs[name]?.initial?.(record) ?? '');
    setAction(name);
  };

  const send = async () => {
    if (!action) return;
    setTried(true);
    if (missing) return;
    const updated = await run(record, action, spec.field && text.trim() ? { [spec.field]: text.trim() } : {});
    if (updated) {
      notify(translate('app.work.done', { action: translate(`app.action.${action}`, { _: action }) }), { type: 'success' });
      setAction(null);
      onDone?.(action, updated as WorkflowRecord);
    }
  };

  const fieldError = tried && missing ? translate('app.work.required') : (spec.field ? problem?.fields[spec.field] : undefined);

  return (
    <>
      <Stack direction="row" spacing={1} onClick={(e) => e.stopPropagation()}>
        {record.allowedActions.map((name) => (
          <Button
            key={name}
            size={size}
            variant={specs[name]?.variant ?? 'outlined'}
            color={specs[name]?.color ?? 'primary'}
            onClick={() => openDialog(name)}
          >
            {translate(`app.action.${name}`, { _: name })}
          </Button>
        ))}
      </Stack>
      <Dialog open={!!action} onClose={() => setAction(null)} fullWidth maxWidth="sm" aria-labelledby={`${resource}-action-title`} onClick={(e) => e.stopPropagation()}>
        <DialogTitle id={`${resource}-action-title`}>{action ? translate(`app.action.${action}`, { _: action }) : ''}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            {spec.help ? <DialogContentText>{translate(spec.help)}</DialogContentText> : null}
            {spec.field ? (
              <TextField
                autoFocus
                name={spec.field}
                label={translate(spec.label ?? `app.work.field.${spec.field}`)}
                value={text}
                onChange={(e) => setText(e.target.value)}
                multiline
                minRows={3}
                required={spec.required}
                error={!!fieldError}
                helperText={fieldError ?? (spec.required ? undefined : translate('app.work.optional'))}
              />
            ) : null}
            <ProblemAlert problem={problem} onReload={() => setAction(null)} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAction(null)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color={spec.color ?? 'primary'} onClick={send} disabled={pending}>
            {action ? translate(`app.action.${action}`, { _: action }) : ''}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
