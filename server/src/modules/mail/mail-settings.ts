import type { Config } from '../../config.js';

/** What the sender needs from the configuration, in milliseconds. */
export interface MailSettings {
  smtpUrl: string;
  from: string;
  pollMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  /**
   * How long a claimed mail stays with its sender. Longer than one SMTP exchange can last (its
   * timeouts, below, add up to well under it), so a live sender never loses a mail it is sending.
   */
  leaseMs: number;
  /** Connection, greeting and socket timeouts of one SMTP exchange. */
  smtpTimeoutMs: number;
  /** Host part of Message-IDs. */
  messageIdHost: string;
}

export function mailSettingsOf(config: Config): MailSettings {
  if (!config.SMTP_URL) throw new Error('mailSettingsOf: SMTP_URL is not set');
  const smtpTimeoutMs = 60_000;
  return {
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    pollMs: config.MAIL_POLL_SECONDS * 1000,
    retryBaseMs: config.MAIL_RETRY_BASE_SECONDS * 1000,
    retryMaxMs: Math.max(config.MAIL_RETRY_MAX_SECONDS, config.MAIL_RETRY_BASE_SECONDS) * 1000,
    maxAttempts: config.MAIL_MAX_ATTEMPTS,
    smtpTimeoutMs,
    leaseMs: 5 * smtpTimeoutMs,
    messageIdHost: new URL(config.publicUrl).hostname || 'localhost',
  };
}

/** The wait after the n-th failed attempt: base, 2×base, 4×base… never more than max. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 40));
}
