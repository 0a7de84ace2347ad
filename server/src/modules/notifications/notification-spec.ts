import { z } from 'zod';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.js';
import type { Scope } from '@campus/common';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { readableRecordCondition } from '../access/readable-entities.js';
import { notificationRecord } from './notification-record.js';

/**
 * A user's notifications about records they may read now: the user's current scope applies, so
 * regional staff moved to another region no longer see the old region's items (nor count them).
 */
const ownAndReadable = (userId: number, scope: Scope) => and(eq(notifications.userId, userId), readableRecordCondition(scope, notifications));

/** Notifications are personal: the signed-in user's own, about what they may read. */
export function notificationSpecFor(userId: number): ResourceSpec {
  return {
    name: 'notifications',
    noun: 'notification',
    record: notificationRecord,
    table: notifications,
    id: notifications.id,
    scope: (scope) => ownAndReadable(userId, scope),
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
export const unreadOf = (userId: number, scope: Scope) => and(ownAndReadable(userId, scope), isNull(notifications.readAt));
