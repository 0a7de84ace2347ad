import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.js';
import { appendAudit } from '../audit/audit-repository.js';
import { formatProblem } from '../../lib/messages/catalogue.js';
import { inviteUser } from './invite-user.js';

/** On a database without any user, creates the first HQ account (ADMIN_EMAIL / ADMIN_PASSWORD). */
export async function ensureFirstAdmin(db: Db, email: string, password: string): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n > 0) return false;
  const problem = passwordProblem(password);
  if (problem) throw new Error(`ADMIN_PASSWORD: ${formatProblem('en', problem.code, problem.params)}`);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [u] = await tx.insert(users).values({ email, name: 'HQ administrator', role: 'hq', passwordHash }).returning();
    await appendAudit(tx, { entityType: 'user', entityId: u.id, action: 'create', actorId: null, comment: 'first HQ account from ADMIN_EMAIL' });
  });
  return true;
}

const RESET_HINT = (email: string) => `npm run admin:reset-password -- ${email}`;

export interface FirstStartSettings {
  adminEmail?: string;
  adminPassword?: string;
  /** The demo data set will be loaded (it brings its own accounts). */
  seedDemo: boolean;
  /** Mail is delivered (SMTP_URL is set); otherwise links are printed. */
  smtp: boolean;
}

/**
 * The first account of a deployment (issue 13 item 10), and what the operator is told at start-up:
 * - ADMIN_EMAIL and ADMIN_PASSWORD on a database without users: the HQ account, as before;
 * - ADMIN_EMAIL alone: the HQ account, invited (the link is mailed; printed only when there is no SMTP);
 * - neither, no demo data, no users: how to create the first account (the server still starts);
 * - ADMIN_PASSWORD on a database where the account exists with another password: that it changes nothing.
 * Answers the lines to print.
 */
export async function prepareFirstAccount(db: Db, s: FirstStartSettings): Promise<string[]> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n === 0) {
    if (s.adminEmail && s.adminPassword) {
      await ensureFirstAdmin(db, s.adminEmail, s.adminPassword);
      return [`first HQ account created: ${s.adminEmail}`];
    }
    if (s.adminEmail) {
      const email = s.adminEmail;
      const { link } = await db.transaction((tx) => inviteUser(tx, { email, name: 'HQ administrator', role: 'hq', locale: 'zh' }, null));
      return [
        `first HQ account created: ${email}, invited to set its password`,
        // With SMTP the link goes by mail only: a log is read by more people than the mailbox.
        s.smtp ? `the invitation is mailed to ${email} (valid 7 days, single use; if it does not arrive: npm run admin:reset-password -- ${email})`
          : `no SMTP_URL is set, so no mail is sent: open this link to set the password (valid 7 days, single use): ${link}`,
      ];
    }
    if (!s.seedDemo) {
      return [
        'NO ACCOUNT: this database has no users, and SEED_DEMO=false loads no demo accounts, so nobody can sign in.',
        'Create the first HQ account by starting once with ADMIN_EMAIL=<your address> (an invitation link to set the password is',
        'mailed, or printed here when SMTP_URL is not set), or with ADMIN_EMAIL and ADMIN_PASSWORD together.',
      ];
    }
    return [];
  }
  if (!s.adminEmail) return [];
  const [admin] = await db.select().from(users).where(eq(users.email, s.adminEmail));
  if (!admin) return [];
  if (admin.invitationPending) {
    return [`${s.adminEmail} has not set its password yet; a new link: ${RESET_HINT(s.adminEmail)}`];
  }
  if (s.adminPassword && !(await verifyPassword(admin.passwordHash, s.adminPassword))) {
    return [
      `NOTICE: ADMIN_PASSWORD differs from the password of ${s.adminEmail}, and changes nothing: it is read only when the first account is created.`,
      `To set a new password for that account, run: ${RESET_HINT(s.adminEmail)} (it prints a one-time reset link).`,
    ];
  }
  return [];
}
