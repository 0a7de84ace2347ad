import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { mailSettingsOf } from './mail-settings.js';

describe('mail configuration', () => {
  it('defaults: no SMTP (mails stay in the outbox), links to localhost on the port, digest at 08:00', () => {
    const c = loadConfig({ PORT: '8080' });
    expect(c.SMTP_URL).toBeUndefined();
    expect(c.publicUrl).toBe('http://localhost:8080');
    expect(c.DIGEST_TIME).toBe('08:00');
    expect(() => mailSettingsOf(c)).toThrow(/SMTP_URL/);
  });

  it('reads the sender settings in milliseconds, the lease longer than one SMTP exchange', () => {
    const s = mailSettingsOf(loadConfig({
      SMTP_URL: 'smtps://user:pass@mail.example.cn:465', MAIL_FROM: 'Partner <no-reply@example.cn>', PUBLIC_URL: 'https://partner.example.cn/',
      MAIL_POLL_SECONDS: '5', MAIL_RETRY_BASE_SECONDS: '30', MAIL_RETRY_MAX_SECONDS: '600', MAIL_MAX_ATTEMPTS: '4',
    }));
    expect(s).toMatchObject({ smtpUrl: 'smtps://user:pass@mail.example.cn:465', from: 'Partner <no-reply@example.cn>', pollMs: 5000, retryBaseMs: 30_000, retryMaxMs: 600_000, maxAttempts: 4, messageIdHost: 'partner.example.cn' });
    expect(s.leaseMs).toBeGreaterThan(3 * s.smtpTimeoutMs);
  });

  it('refuses bad values, naming the variable', () => {
    for (const [name, value] of [['SMTP_URL', 'http://mail.example.cn'], ['PUBLIC_URL', 'partner.example.cn'], ['DIGEST_TIME', '8:00'], ['DIGEST_TIME', '24:00'], ['MAIL_MAX_ATTEMPTS', '0']]) {
      expect(() => loadConfig({ [name]: value }), `${name}=${value}`).toThrow(ConfigError);
      expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
    }
  });
});
