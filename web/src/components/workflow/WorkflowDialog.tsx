import { useEffect, useRef, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button, { type ButtonProps } from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useRefresh, useTranslate } from 'react-admin';
import { parseProblem, type Problem } from '../problem/parse-problem';
import { ProblemAlert } from '../problem/ProblemAlert';
import { confirmColour } from './action-look';
import { focusAfterAction, focusAlert } from './focus';

export interface WorkflowDialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** The record type, for the conflict message ("someone else acted on this application"). */
  entity: string;
  /** What the action does, above the inputs. */
  help?: ReactNode;
  children?: ReactNode;
  confirmLabel: ReactNode;
  confirmColor?: ButtonProps['color'];
  /** A message to show instead of calling the server (what the action's guard finds missing). */
  validate?: () => string | undefined;
  /** Runs the action; throws the API's error. */
  onConfirm: () => Promise<void>;
  /** After a 409: reload the record (the dialog closes). */
  onReload: () => void;
  /** How the server's field names read in the list of problems. */
  fieldLabel?: (field: string) => string;
  maxWidth?: 'xs' | 'sm' | 'md';
}

/**
 * A confirm dialog around one workflow action: busy state, the client's pre-check (the shared
 * guard), the server's answer. Clicks inside do not reach a list row the dialog was opened from.
 */
export function WorkflowDialog({
  open, onClose, title, entity, help, children, confirmLabel, confirmColor = 'primary', validate, onConfirm, onReload, fieldLabel = (f) => f, maxWidth = 'sm',
}: WorkflowDialogProps) {
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [invalid, setInvalid] = useState<string>();
  // What had focus when the dialog opened (its action button): focus goes back there, or to the
  // page's heading when the action removed it, never to <body>.
  const opener = useRef<Element | null>(null);
  const wasOpen = useRef(false);
  if (open && !wasOpen.current && typeof document !== 'undefined') opener.current = document.activeElement;
  wasOpen.current = open;
  // A refusal is announced (role="alert") and focused: the confirm button was disabled while asking.
  const content = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem || invalid) focusAlert(content.current);
  }, [problem, invalid]);

  const close = () => {
    if (busy) return;
    setProblem(undefined);
    setInvalid(undefined);
    onClose();
    focusAfterAction(opener.current, { watchMs: 2_000 });
  };
  const confirm = async () => {
    const found = validate?.();
    setInvalid(found);
    if (found) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await onConfirm();
      setBusy(false);
      onClose();
      focusAfterAction(opener.current);
    } catch (e) {
      setBusy(false);
      setProblem(parseProblem(e));
    }
  };

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth={maxWidth} aria-labelledby="workflow-dialog-title" onClick={(e) => e.stopPropagation()}>
      <DialogTitle id="workflow-dialog-title">{title}</DialogTitle>
      <DialogContent ref={content} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {help ? <DialogContentText>{help}</DialogContentText> : null}
        {children}
        {invalid ? <Alert severity="error" role="alert">{invalid}</Alert> : null}
        <ProblemAlert
          problem={problem}
          entity={entity}
          fieldLabel={fieldLabel}
          onReload={() => {
            setProblem(undefined);
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

/**
 * The dialog of one workflow action: titled and confirmed by the action's name, in its colour; a
 * 409 reloads the page's record.
 */
export function ActionDialog({ action, onReload, ...props }: Omit<WorkflowDialogProps, 'open' | 'title' | 'confirmLabel' | 'confirmColor' | 'onReload'> & {
  action: string;
  onReload?: () => void;
}) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const title = translate(`app.action.${action}`, { _: action });
  return <WorkflowDialog open title={title} confirmLabel={title} confirmColor={confirmColour(action)} onReload={onReload ?? refresh} {...props} />;
}
