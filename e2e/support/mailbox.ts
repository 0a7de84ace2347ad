import { startSmtpTestServer, type ReceivedMail } from '@campus/server/test/smtp-test-server.js';

export type { ReceivedMail };

export interface Mailbox {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  mails: ReceivedMail[];
  /**
   * The first mail to `to` (and whose subject matches `subject`, if given) that was not taken
   * before; waits for it, polling, and fails loudly with what did arrive when it does not come.
   */
  take(to: string, opts?: { subject?: RegExp; timeoutMs?: number }): Promise<ReceivedMail>;
  stop(): Promise<void>;
}

/**
 * The server tests' real SMTP server (the `smtp-server` package on a free port, no TLS, no authentication), with a
 * way to wait for the next mail to an address.
 */
export async function startMailbox(): Promise<Mailbox> {
  const smtp = await startSmtpTestServer();
  const taken = new Set<ReceivedMail>();
  const take: Mailbox['take'] = async (to, opts = {}) => {
    const timeoutMs = opts.timeoutMs ?? 60_000;
    const deadline = Date.now() + timeoutMs;
    const wanted = to.toLowerCase();
    for (;;) {
      const mail = smtp.mails.find((m) => !taken.has(m) && m.to.some((address) => address.toLowerCase() === wanted)
        && (!opts.subject || opts.subject.test(m.subject)));
      if (mail) {
        taken.add(mail);
        return mail;
      }
      if (Date.now() > deadline) {
        const seen = smtp.mails.map((m) => `  ${m.to.join(',')}: ${m.subject}`).join('\n') || '  (none)';
        throw new Error(`no mail to ${to}${opts.subject ? ` matching ${opts.subject}` : ''} within ${timeoutMs} ms; received:\n${seen}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  return { url: smtp.url, mails: smtp.mails, take, stop: smtp.stop };
}

/** The links of a mail's text (http and https), in order. */
export function linksOf(mail: ReceivedMail): string[] {
  return [...mail.text.matchAll(/https?:\/\/[^\s<>"')]+/g)].map((m) => m[0]);
}
