import { useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button, { type ButtonProps } from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useTranslate } from 'react-admin';
import { isConflict, messageOf, problemsOf } from './workflow-action';

/**
 * How a failed action reads: 409 says someone else acted first and offers to reload; 400 lists what
 * to fix (the server's details); anything else shows the server's message.
 */
export function ActionError({ error, entity, onReload, fieldLabel }: {
  error: unknown;
  entity: string;
  onReload: () => void;
  fieldLabel?: (field: string) => string;
}) {
  const translate = useTranslate();
  if (!error) return null;
  if (isConflict(error)) {
    return (
      <Alert
        severity="warning"
        role="alert"
        action={<Button color="inherit" size="small" onClick={onReload}>{translate('app.errors.reload')}</Button>}
        data-testid="action-conflict"
      >
        {translate('app.workflow.conflict', { entity: translate(`app.entity.${entity}`, { _: entity }) })}
        <div style={{ fontSize: '0.85em', opacity: 0.8, marginTop: 4 }}>{messageOf(error)}</div>
      </Alert>
    );
  }
  const problems = problemsOf(error);
  return (
    <Alert severity="error" role="alert" data-testid="action-error">
      {problems.length ? translate('app.workflow.fix_problems') : messageOf(error)}
      {problems.length ? (
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          {problems.map((p, i) => (
            <li key={i}>
              {p.field ? <strong>{fieldLabel?.(p.field) ?? p.field}：</strong> : null}
              {p.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

export interface WorkflowDialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** The record type, for the conflict message ("someone else acted on this application"). */
  entity: string;
  children?: ReactNode;
  confirmLabel: ReactNode;
  confirmColor?: ButtonProps['color'];
  /** A message to show instead of calling the server (a required field left empty). */
  validate?: () => string | undefined;
  /** Runs the action; throws the API's error. */
  onConfirm: () => Promise<void>;
  /** After a 409: reload the record (the dialog closes). */
  onReload: () => void;
  fieldLabel?: (field: string) => string;
  maxWidth?: 'xs' | 'sm' | 'md';
}

/** A confirm dialog around one workflow action: busy state, client check, the server's answer. */
export function WorkflowDialog({
  open, onClose, title, entity, children, confirmLabel, confirmColor = 'primary', validate, onConfirm, onReload, fieldLabel, maxWidth = 'sm',
}: WorkflowDialogProps) {
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [invalid, setInvalid] = useState<string>();

  const close = () => {
    if (busy) return;
    setError(undefined);
    setInvalid(undefined);
    onClose();
  };
  const confirm = async () => {
    const problem = validate?.();
    setInvalid(problem);
    if (problem) return;
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      setBusy(false);
      onClose();
    } catch (e) {
      setBusy(false);
      setError(e);
    }
  };

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth={maxWidth} aria-labelledby="workflow-dialog-title">
      <DialogTitle id="workflow-dialog-title">{title}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {children}
        {invalid ? <Alert severity="error" role="alert">{invalid}</Alert> : null}
        <ActionError
          error={error}
          entity={entity}
          fieldLabel={fieldLabel}
          onReload={() => {
            setError(undefined);
            onClose();
            onReload();
          }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>{translate('ra.action.cancel')}</Button>
        <Button
          onClick={confirm}
          variant="contained"
          color={confirmColor}
          disabled={busy}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
          data-testid="workflow-confirm"
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
