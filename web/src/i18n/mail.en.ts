/** Labels of the mail outbox (HQ) and the daily digest switch in the user menu, in English. mail.zh.ts has exactly the same keys. */
export const mailEn = {
  app: {
    entity: {
      mail: 'Mail',
    },
    action: {
      retry: 'Send again',
    },
    mail: {
      status: {
        queued: 'Queued',
        sent: 'Sent',
        failed: 'Failed',
      },
      kind: {
        invitation: 'Invitation',
        password_reset: 'Password reset',
        digest: 'Daily digest',
        join_confirm: 'Join request: confirm e-mail',
        join_declined: 'Join request declined',
      },
      retry: 'Send again',
      retried: 'The mail is queued again and will be sent shortly',
      digest: 'Daily digest',
      digest_help: 'Each morning, a mail with what waits for you (reviews, signings, evaluation decisions, rectification deadlines within 30 days)',
      digest_on: 'Daily digest turned on',
      digest_off: 'Daily digest turned off',
    },
  },
  resources: {
    'mail-outbox': {
      name: 'Outbox',
      fields: {
        id: 'ID',
        q: 'Search',
        recipient: 'Recipient',
        kind: 'Kind',
        subject: 'Subject',
        text: 'Text',
        status: 'Status',
        attempts: 'Attempts',
        nextAttemptAt: 'Next attempt',
        lastError: 'Last error',
        createdAt: 'Written',
        sentAt: 'Sent',
      },
    },
  },
};
