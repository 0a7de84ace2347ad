import { count } from 'drizzle-orm';
import type { Actor, Scope } from '@campus/common';
import type { Db } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import { unreadOf } from './notification-spec.js';

/** How many of the user's notifications, about records their current scope reads, are unread. */
export async function unreadCount(db: Db, actor: Actor, scope: Scope) {
  const [row] = await db.select({ n: count() }).from(notifications).where(unreadOf(actor.id, scope));
  return row.n;
}
