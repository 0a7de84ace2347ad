import { pgTable, bigserial, text, integer, timestamp, jsonb, index } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditEvents = pgTable('audit_events', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  entityType: text().notNull(),
  entityId: integer().notNull(),
  /** The school the entity belongs to (null for programme-wide records such as tier policies). */
  schoolId: integer(),
  action: text().notNull(),
  fromState: text(),
  toState: text(),
  actorId: integer().references(() => users.id),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  comment: text(),
  data: jsonb(),
}, (t) => [
  index('audit_events_entity_idx').on(t.entityType, t.entityId, t.at),
  index('audit_events_school_idx').on(t.schoolId, t.at),
  index('audit_events_at_idx').on(t.at, t.id),
]);
