import { and, inArray, sql } from 'drizzle-orm';
import type { Actor, Scope } from '@campus/common';
import type { Db } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import { unreadOf } from './notification-spec.js';

/** Marks the user's unread notifications read: the ones named, or all; only those their current scope reads. Returns how many. */
export async function markRead(db: Db, actor: Actor, scope: Scope, input: { ids?: number[]; all?: boolean }) {
  const where = input.all ? unreadOf(actor.id, scope) : and(unreadOf(actor.id, scope), inArray(notifications.id, input.ids ?? []));
  const rows = await db.update(notifications).set({ readAt: sql`now()` }).where(where).returning({ id: notifications.id });
  return rows.length;
}
