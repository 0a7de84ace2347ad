import { z } from 'zod';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';

/** Notifications are personal: the scope is the signed-in user, whatever the role. */
export function notificationSpecFor(userId: number): ResourceSpec {
  return {
    name: 'notifications',
    noun: 'notification',
    table: notifications,
    id: notifications.id,
    scope: () => eq(notifications.userId, userId),
    columns: {
      id: notifications.id, kind: notifications.kind, entityType: notifications.entityType, entityId: notifications.entityId,
      params: notifications.params, readAt: notifications.readAt, createdAt: notifications.createdAt,
    },
    sortable: { id: notifications.id, createdAt: notifications.createdAt, readAt: notifications.readAt },
    defaultSort: ['createdAt', 'DESC'],
    filters: {
      unread: filterDef(z.boolean(), (v) => (v ? isNull(notifications.readAt) : sql`${notifications.readAt} IS NOT NULL`)),
      kind: filterDef(z.string().max(60), (v) => eq(notifications.kind, v)),
    },
  };
}
export const unreadOf = (userId: number) => and(eq(notifications.userId, userId), isNull(notifications.readAt));
