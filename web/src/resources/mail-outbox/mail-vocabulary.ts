/** The outbox's states (server: mail-outbox-record.ts) and the kinds of mail the product writes. */
export const mailStatuses = ['queued', 'sent', 'failed'] as const;
export const mailKinds = ['invitation', 'password_reset', 'digest', 'join_confirm', 'join_declined'] as const;

export const mailStatusTone: Record<string, 'default' | 'success' | 'error'> = { queued: 'default', sent: 'success', failed: 'error' };
