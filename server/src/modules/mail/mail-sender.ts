import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.js';
import type { MailSettings } from './mail-settings.js';
import { retryDelayMs } from './mail-settings.js';
import { claimNextMail, markAttemptFailed, markSent, type OutboxRow } from './outbox-claims.js';

export interface SendCounts { sent: number; retried: number; failed: number }

export interface MailSender {
  /** Starts the loop: a pass over the due mails now, then every poll interval. */
  start(): void;
  /** Ends the loop after the mail in flight (if any) and closes the transport. */
  stop(): Promise<void>;
  /** One pass: sends every mail that is due, one after the other. */
  runOnce(): Promise<SendCounts>;
  readonly running: boolean;
}

interface SmtpError { code?: string; responseCode?: number; message?: string }

/** A refusal that trying again will not change: a 5xx answer about this mail (not the sender's credentials). */
const isPermanent = (e: SmtpError) =>
  (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600 && e.code !== 'EAUTH')
  || (e.code === 'EENVELOPE' && e.responseCode === undefined);

const describe = (e: SmtpError) =>
  [e.code, e.responseCode, e.message].filter((x) => x !== undefined && x !== '').join(' ').slice(0, 1000) || 'unknown error';

/**
 * Delivers the outbox over SMTP. Each mail is claimed with a lease (outbox-claims.ts), sent, and
 * marked sent in its own short statement right after the SMTP server accepted it; no database
 * transaction is held while talking to the SMTP server (on the embedded database that would hold
 * every request). Delivery is at least once: a process that dies between the server's acceptance
 * and the mark sends that one mail again when its lease ends, with the same Message-ID, so that
 * a receiving system can tell the copy. A failed attempt is retried after base, 2×base, 4×base…
 * (capped); after the last attempt, or on a permanent refusal (5xx), the mail is `failed` and waits
 * for HQ to retry it.
 */
export function createMailSender({ db, settings, log }: { db: Db; settings: MailSettings; log: FastifyBaseLogger }): MailSender {
  const transport = nodemailer.createTransport({
    url: settings.smtpUrl,
    connectionTimeout: settings.smtpTimeoutMs,
    greetingTimeout: settings.smtpTimeoutMs,
    socketTimeout: settings.smtpTimeoutMs,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  let running = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<SendCounts> | undefined;

  async function sendOne(mail: OutboxRow): Promise<keyof SendCounts> {
    try {
      await transport.sendMail({
        from: settings.from,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<outbox-${mail.id}-${mail.createdAt.getTime()}@${settings.messageIdHost}>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (err) {
      const e = (err ?? {}) as SmtpError;
      const retryIn = isPermanent(e) || mail.attempts >= settings.maxAttempts ? null : retryDelayMs(mail.attempts, settings.retryBaseMs, settings.retryMaxMs);
      await markAttemptFailed(db, mail.id, describe(e), retryIn);
      log.warn({ mailId: mail.id, kind: mail.kind, attempts: mail.attempts, error: describe(e), retryInMs: retryIn }, retryIn === null ? 'mail failed' : 'mail not sent, will retry');
      return retryIn === null ? 'failed' : 'retried';
    }
    await markSent(db, mail.id);
    log.info({ mailId: mail.id, kind: mail.kind }, 'mail sent');
    return 'sent';
  }

  async function drain(): Promise<SendCounts> {
    const counts: SendCounts = { sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const mail = await claimNextMail(db, settings.leaseMs);
      if (!mail) return counts;
      counts[await sendOne(mail)]++;
      if (stopping) return counts; // the rest waits for the next start (or another process)
    }
  }

  /** Passes never overlap within one sender. */
  const runOnce = (): Promise<SendCounts> => {
    const next = (pass ?? Promise.resolve()).catch(() => undefined).then(drain);
    pass = next;
    return next;
  };

  const tick = async () => {
    timer = undefined;
    try {
      await runOnce();
    } catch (err) {
      log.error({ err }, 'mail sender pass failed');
    }
    if (running) timer = setTimeout(() => void tick(), settings.pollMs);
  };

  return {
    start() {
      if (running) return;
      running = true;
      timer = setTimeout(() => void tick(), 0);
    },
    async stop() {
      running = false;
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await pass?.catch(() => undefined);
      transport.close();
    },
    runOnce,
    get running() { return running; },
  };
}
