import type { Logger } from 'pino';
import { loadConfig, ConfigError } from './config.js';
import { createLogger } from './lib/logger.js';
import { openConfiguredDatabase } from './db/open-configured.js';
import { buildApp } from './app.js';
import { purgeExpiredSessions } from './modules/auth/session-repository.js';
import { ensureComplianceFresh } from './modules/compliance/recompute.js';
import { todayInChina } from '@campus/common';
import { prepareFirstAccount } from './modules/users/first-admin.js';
import { failAbandonedBulkJobs } from './modules/evaluations/abandoned-bulk-jobs.js';
import { setPublicUrl } from './modules/mail/public-url.js';
import { isPostgresSocketRace } from './db/socket-race.js';
import { DataFolderLockedError } from './db/data-folder-lock.js';
import { startDigestSchedule } from './modules/mail/digest/digest-schedule.js';
import { MigrationChangedError } from './db/migrations.js';

/** The process's logger: JSON lines (lib/logger.ts); the defaults until the configuration is read. */
let log: Logger = createLogger({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' });

/** Start-up: config, database and migrations, demo data on an empty database, then listen. */
async function main() {
  const started = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      log.fatal(e.message);
      process.exit(1);
    }
    throw e;
  }
  log = createLogger(config);
  const database = await openConfiguredDatabase(config);
  // Regions, default tier policies and the official course catalogue: on every database, idempotent.
  const { seedReferenceData } = await import('./modules/reference-data/reference-data.js');
  await seedReferenceData(database.db);
  // The first account (ADMIN_EMAIL, with or without ADMIN_PASSWORD), or how to create it; links in mails use PUBLIC_URL.
  setPublicUrl(config.publicUrl);
  const firstStart = await prepareFirstAccount(database.db, {
    adminEmail: config.ADMIN_EMAIL, adminPassword: config.ADMIN_PASSWORD, seedDemo: config.seedDemo, smtp: !!config.SMTP_URL,
  });
  // Warnings: each asks the operator to act (sign in with the link, create the first account), so LOG_LEVEL=warn still shows them.
  for (const line of firstStart) log.warn(line);
  if (config.seedDemo) {
    const { seedDemoIfEmpty } = await import('@campus/seed/demo.js');
    const seeded = await seedDemoIfEmpty(database.db);
    // A warning: accounts with a published password now exist in this database.
    if (seeded) log.warn('demo data loaded: sign in as hq@demo.test / demo1234');
  }
  await purgeExpiredSessions(database.db);
  const abandoned = await failAbandonedBulkJobs(database);
  await ensureComplianceFresh(database.db, todayInChina());
  const app = await buildApp(config, database, {
    loggerInstance: log,
    connectionTimeout: 60_000,
    requestTimeout: 120_000,
    forceCloseConnections: 'idle',
  });
  const close = async (signal: string) => {
    const drainMs = config.SHUTDOWN_DRAIN_SECONDS * 1000;
    const graceMs = config.SHUTDOWN_GRACE_SECONDS * 1000;
    app.draining.since = new Date();
    app.log.info({ signal, drainSeconds: config.SHUTDOWN_DRAIN_SECONDS, graceSeconds: config.SHUTDOWN_GRACE_SECONDS }, 'shutting down: readiness answers 503, in-flight requests finish');
    const timer = setTimeout(() => {
      app.log.error({ graceSeconds: config.SHUTDOWN_GRACE_SECONDS }, 'shutdown grace over: requests still in flight are cut off');
      process.exit(1);
    }, drainMs + graceMs);
    // Still listening while draining, so a proxy that polls /api/health/ready moves new work elsewhere first.
    if (drainMs) await new Promise((resolve) => setTimeout(resolve, drainMs));
    await app.close();
    await database.close();
    clearTimeout(timer);
    app.log.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  // The day-dependent summaries and deadline notices are refreshed soon after each midnight (China time).
  const daily = setInterval(() => {
    ensureComplianceFresh(database.db, todayInChina()).catch((err) => app.log.error({ err }, 'daily compliance refresh failed'));
  }, 10 * 60_000);
  daily.unref();
  app.addHook('onClose', async () => clearInterval(daily));
  // Each user's digest of what waits for them, once a day from DIGEST_TIME (China time), into the outbox.
  const digest = startDigestSchedule({ db: database.db, time: config.DIGEST_TIME, log: app.log.child({ module: 'digest' }) });
  app.addHook('onClose', async () => digest.stop());
  await app.listen({ port: config.PORT, host: config.HOST });
  if (abandoned) app.log.warn({ jobs: abandoned }, 'bulk jobs left running by a stopped process were marked failed');
  app.log.info({ database: database.kind, ms: Math.round(performance.now() - started) }, 'Campus Partner is ready');
}

// A dropped database connection must not take the server down with it (see db/socket-race.ts).
process.on('uncaughtException', (error) => {
  if (isPostgresSocketRace(error)) return;
  log.fatal({ err: error }, 'uncaught exception');
  process.exit(1);
});

main().catch((e) => {
  if (e instanceof DataFolderLockedError || e instanceof MigrationChangedError) log.fatal(e.message);
  else log.fatal({ err: e }, 'start-up failed');
  process.exit(1);
});
