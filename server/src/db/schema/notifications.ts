import { pgTable, serial, text, integer, timestamp, jsonb, index } from 'drizzle-orm/pg-core';
import { users } from './users.js';

export const notifications = pgTable('notifications', {
  id: serial().primaryKey(),
  userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text().notNull(),
  entityType: text().notNull(),
  entityId: integer().notNull(),
  /** Message key and parameters, translated by the UI. */
  params: jsonb().notNull().default({}),
  readAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('notifications_user_idx').on(t.userId, t.readAt, t.createdAt)]);
