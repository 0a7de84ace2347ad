import { count } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { hashPassword, passwordProblem } from '../auth/password.js';
import { appendAudit } from '../audit/audit-repository.js';
import { formatProblem } from '../../lib/messages/catalogue.js';

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
