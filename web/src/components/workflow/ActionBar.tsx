import { useRef, useState, type ReactNode } from 'react';
import Button, { type ButtonProps } from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useRecordContext, useTranslate } from 'react-admin';
import { actionLook, actionOrder } from './action-look';
import type { WorkflowRecord } from './workflow-record';
import { focusAfterAction } from './focus';

/** The actions in the shared order (forward moves first); an action the order does not know comes last. */
export function sortActions(actions: readonly string[], order: readonly string[] = actionOrder): string[] {
  const rank = (a: string) => (order.includes(a) ? order.indexOf(a) : order.length);
  return [...actions].sort((a, b) => rank(a) - rank(b));
}

/**
 * A record's action buttons, drawn from its allowedActions only: the server's transition table
 * decides what the signed-in user may do now, the UI never repeats a state rule. Each button opens
 * the action's dialog (`dialog`), which closes with `close`. Nothing is drawn when the user may do
 * nothing now. The record is the page's (record context) unless given. Clicks do not reach a list
 * row the bar stands in.
 */
export function ActionBar<R extends WorkflowRecord>({ record: given, omit = [], size = 'medium', testId, dialog }: {
  record?: R;
  /** Actions another control of the page offers (not drawn here). */
  omit?: readonly string[];
  size?: ButtonProps['size'];
  testId?: string;
  dialog: (action: string, close: () => void, record: R) => ReactNode;
}) {
  const translate = useTranslate();
  const fromContext = useRecordContext<R>();
  const record = given ?? fromContext;
  const [open, setOpen] = useState<string>();
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  // After the dialog, focus goes back to its button, or to the page's heading when the action removed it.
  const close = () => {
    const opener = open ? buttons.current.get(open) : undefined;
    setOpen(undefined);
    focusAfterAction(opener);
  };
  const actions = sortActions((record?.allowedActions ?? []).filter((a) => !omit.includes(a)));
  if (!record || !actions.length) return null;
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} data-testid={testId} onClick={(e) => e.stopPropagation()}>
        {actions.map((action) => (
          <Button key={action} size={size} {...actionLook(action)} onClick={() => setOpen(action)} data-action={action} ref={(el) => { buttons.current.set(action, el); }}>
            {translate(`app.action.${action}`, { _: action })}
          </Button>
        ))}
      </Stack>
      {open ? dialog(open, close, record) : null}
    </>
  );
}
