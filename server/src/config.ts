import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));

/** proxy-addr's names for address ranges, accepted beside addresses and CIDR ranges in TRUST_PROXY. */
const proxyRangeNames = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (entry: string) => proxyRangeNames.has(entry) || net.isIP(entry.split('/')[0]) !== 0;

/**
 * TRUST_PROXY: which reverse proxies may tell the client's address, protocol and host in
 * X-Forwarded-For/-Proto/-Host. `false` (the default) trusts none; a number counts the proxy hops in
 * front of the server; a comma-separated list names the proxies' addresses or ranges (10.0.0.0/8, loopback).
 */
const trustProxy = z.string().trim().transform((value, ctx): false | number | string[] => {
  if (value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  const wrong = entries.filter((e) => !isProxyAddress(e));
  if (!entries.length || wrong.length) {
    ctx.addIssue({ code: 'custom', message: `must be false, a hop count, or addresses/ranges separated by commas (not ${wrong.join(', ') || 'empty'})` });
    return z.NEVER;
  }
  return entries;
});

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
  /** Load the demo data set into an empty database. Default: yes on the embedded database, no on a server. */
  SEED_DEMO: bool.optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /**
   * How long a process keeps a session's user in memory between look-ups (0: look it up on every
   * request). Changes made through this process apply at once; through another process, within this.
   */
  SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
  COOKIE_SECURE: bool.default(false),
  TRUST_PROXY: trustProxy.default(false),
  /**
   * On SIGTERM, how long in-flight requests may still run before the process exits anyway. Default: the
   * longest a request may take at all (requestTimeout, 120 s), which covers the largest import the limits allow.
   */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(120),
  /** On SIGTERM, how long readiness answers 503 while new requests are still served, before the process stops listening. */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(600).default(0),
  /** Where evidence files are kept: `database` (every process reads them; the default on a PostgreSQL server) or `files` under DATA_DIR. */
  EVIDENCE_STORAGE: z.enum(['database', 'files']).optional(),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(10),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  UPLOAD_MAX_MB: z.coerce.number().positive().max(100).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `json` (one JSON line per event, the default) or `pretty` (readable lines for development; npm run dev). */
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  WEB_DIST: z.string().optional(),
  /** Creates the first HQ account on a database that has no users yet (a real deployment without demo data). */
  ADMIN_EMAIL: z.string().email('must be an email address').transform((v) => v.toLowerCase()).optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must have at least 8 characters').optional(),
  DB_POOL_MAX: z.coerce.number().int().positive().max(200).default(10),
  /** SMTP server the outbox is delivered through (smtp://user:pass@host:587, smtps://…); unset: mails stay in the outbox. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  /** The From of every mail. */
  MAIL_FROM: z.string().min(3).default('Campus Partner <no-reply@localhost>'),
  /** Where people reach the web app: the base of every link in a mail. Default http://localhost:<PORT>. */
  PUBLIC_URL: z.string().url('must be a URL such as https://partner.example.com').transform((v) => v.replace(/\/+$/, '')).optional(),
  /** Seconds between two looks at the outbox for mails that are due. */
  MAIL_POLL_SECONDS: z.coerce.number().positive().max(3600).default(10),
  /** Delay before the first retry of a mail the SMTP server refused; doubles on each further try. */
  MAIL_RETRY_BASE_SECONDS: z.coerce.number().positive().max(86_400).default(60),
  /** Longest delay between two tries. */
  MAIL_RETRY_MAX_SECONDS: z.coerce.number().positive().max(7 * 86_400).default(3600),
  /** Tries before a mail is marked failed (HQ can retry it). */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().positive().max(100).default(8),
  /** China time of day (HH:MM) from which the daily digest is written. */
  DIGEST_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day such as 08:00').default('08:00'),
  /** The Chromium that prints the programme report's PDF (modules/reports): the browser tests' own by default. */
  CHROMIUM_PATH: z.string().min(1).refine((v) => path.isAbsolute(v), 'must be an absolute path such as /usr/bin/chromium').default('/usr/bin/chromium'),
  /** How long printing one report PDF may take (launching Chromium included) before the request is answered 503. */
  PDF_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(60),
});

export type Config = z.infer<typeof schema> & { dataDir: string; seedDemo: boolean; embedded: boolean; publicUrl: string; evidenceStorage: 'database' | 'files' };

export class ConfigError extends Error {}

/** Reads and validates the environment; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const embedded = !c.DATABASE_URL;
  return {
    ...c, dataDir: path.resolve(c.DATA_DIR), embedded, seedDemo: c.SEED_DEMO ?? embedded,
    evidenceStorage: c.EVIDENCE_STORAGE ?? (embedded ? 'files' : 'database'),
    publicUrl: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`,
  };
}
