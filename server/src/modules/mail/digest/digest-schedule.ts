import type { FastifyBaseLogger } from 'fastify';
import { todayInChina, now as clockNow } from '@campus/common';
import type { Db } from '../../../db/client.js';
import { runDailyDigest } from './daily-digest.js';

const chinaTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Whether the day's digest is due at `at`: from `time` (HH:MM, China time) on. */
export function digestDue(at: Date, time: string): boolean {
  return chinaTime.format(at) >= time;
}

/**
 * The daily digest, scheduled like the daily compliance refresh (server.ts): looked at on start-up
 * and every few minutes; from DIGEST_TIME (China time) on, the day's digest is written once. The
 * in-process mark spares the queries once the day is done; mail_digests keeps it once per user
 * across processes and restarts.
 */
export function startDigestSchedule({ db, time, log, everyMs = 5 * 60_000 }: { db: Db; time: string; log: FastifyBaseLogger; everyMs?: number }) {
  let doneFor: string | undefined;
  let running: Promise<void> | undefined;
  const check = () => {
    const at = clockNow();
    const today = todayInChina(at);
    if (doneFor === today || running || !digestDue(at, time)) return;
    running = runDailyDigest(db, today)
      .then(({ mails }) => {
        doneFor = today;
        if (mails) log.info({ day: today, mails }, 'daily digest written to the outbox');
      })
      .catch((err) => log.error({ err }, 'daily digest failed'))
      .finally(() => { running = undefined; });
  };
  check();
  const timer = setInterval(check, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
