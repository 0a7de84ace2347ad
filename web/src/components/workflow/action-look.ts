import type { ButtonProps } from '@mui/material/Button';

/** How an action's button looks. */
export interface ActionLook {
  color: NonNullable<ButtonProps['color']>;
  variant: NonNullable<ButtonProps['variant']>;
}

/**
 * The order action buttons stand in, the same on every record: forward moves first, then the
 * returns, refusals and endings. An action not named here comes last.
 */
export const actionOrder = [
  'submit', 'resubmit', 'regional_approve', 'hq_approve', 'regional_return', 'hq_return', 'regional_reject', 'hq_reject', 'withdraw',
  'sign', 'hold_plaque_ceremony', 'pass_inspection', 'fail_inspection', 'close_rectification', 'terminate',
  'confirm', 'approve', 'reply', 'reject', 'close',
];

const forward: ActionLook = { color: 'primary', variant: 'contained' };
const success: ActionLook = { color: 'success', variant: 'contained' };
const warning: ActionLook = { color: 'warning', variant: 'outlined' };
const refusal: ActionLook = { color: 'error', variant: 'outlined' };

const looks: Record<string, ActionLook> = {
  submit: forward, resubmit: forward, sign: forward, hold_plaque_ceremony: forward, pass_inspection: forward, reply: forward,
  close_rectification: success, confirm: success, approve: success,
  fail_inspection: warning,
  terminate: refusal, reject: refusal,
  withdraw: { color: 'inherit', variant: 'outlined' },
};

/** The look of an action's button, the same wherever it stands: approvals green, returns amber, refusals red. */
export function actionLook(action: string): ActionLook {
  if (Object.hasOwn(looks, action)) return looks[action];
  if (action.endsWith('_approve')) return success;
  if (action.endsWith('_return')) return warning;
  if (action.endsWith('_reject')) return refusal;
  return { color: 'primary', variant: 'outlined' };
}

/** The confirm button of an action's dialog: its colour, never a colourless one. */
export const confirmColour = (action: string): ButtonProps['color'] => {
  const { color } = actionLook(action);
  return color === 'inherit' ? 'primary' : color;
};
