import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { mailDigests, users } from '../../../db/schema/index.js';
import { enqueueMail } from '../enqueue-mail.js';
import { collectDigestItems } from './digest-items.js';
import { digestMail } from './digest-mail.js';

const BATCH = 200;

/**
 * Writes `today`'s digest for every user with something waiting (and the digest on): one mail each,
 * into the outbox, with a mail_digests row for the user and day in the same transaction. That row's
 * key makes the digest once a day per user, also when two processes run this at once or the server
 * restarts during the day.
 */
export async function runDailyDigest(db: Db, today: string): Promise<{ users: number; mails: number }> {
  const byUser = await collectDigestItems(db, today);
  const ids = [...byUser.keys()].sort((a, b) => a - b);
  let mails = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    mails += await db.transaction(async (tx) => {
      let written = 0;
      const people = await tx.select({ id: users.id, email: users.email, name: users.name, locale: users.locale }).from(users).where(inArray(users.id, batch));
      for (const person of people) {
        const [claimed] = await tx.insert(mailDigests).values({ userId: person.id, day: today }).onConflictDoNothing().returning({ userId: mailDigests.userId });
        if (!claimed) continue; // another run wrote it
        const content = digestMail(person.locale, person.name, byUser.get(person.id)!, today);
        const mailId = await enqueueMail(tx, { to: person.email, kind: 'digest', userId: person.id, ...content });
        await tx.update(mailDigests).set({ mailId }).where(and(eq(mailDigests.userId, person.id), eq(mailDigests.day, today)));
        written++;
      }
      return written;
    });
  }
  return { users: ids.length, mails };
}
