import { mailOutbox } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export interface OutgoingMail {
  to: string;
  /** What the mail is for (invitation, password_reset, digest, join_confirm…): HQ filters the outbox by it. */
  kind: string;
  subject: string;
  text: string;
  html: string;
  /** The account it is for, when there is one. */
  userId?: number | null;
}

/**
 * Writes a mail to the outbox in the caller's transaction: it leaves only if that transaction commits
 * (a rolled-back change sends nothing). The sender (mail-sender.ts) delivers it; returns its id.
 */
export async function enqueueMail(tx: Executor, mail: OutgoingMail): Promise<number> {
  const to = mail.to.trim();
  if (!to || /[\r\n]/.test(to)) throw new Error(`enqueueMail: bad recipient ${JSON.stringify(mail.to)}`);
  const [row] = await tx.insert(mailOutbox).values({
    recipient: to, kind: mail.kind, subject: mail.subject.replace(/[\r\n]+/g, ' '), text: mail.text, html: mail.html,
    userId: mail.userId ?? null,
  }).returning({ id: mailOutbox.id });
  return row!.id;
}
