import type { FastifyInstance } from 'fastify';
import { createMailSender, type MailSender } from './mail-sender.js';
import { mailSettingsOf } from './mail-settings.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The outbox's SMTP sender, when SMTP_URL is set (without it mails stay queued for HQ to read). */
    mailSender?: MailSender;
  }
}

/** Runs the SMTP sender inside the server process: started when the app is ready, stopped when it closes. */
export function attachMailSender(app: FastifyInstance): void {
  if (!app.config.SMTP_URL) return;
  const sender = createMailSender({ db: app.db, settings: mailSettingsOf(app.config), log: app.log.child({ module: 'mail' }) });
  app.decorate('mailSender', sender);
  app.addHook('onReady', async () => sender.start());
  app.addHook('onClose', async () => sender.stop());
}
