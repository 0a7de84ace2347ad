import { pgTable, serial, text, integer, boolean, timestamp, primaryKey, index } from 'drizzle-orm/pg-core';
import { schools } from './schools.js';

export const providers = pgTable('providers', {
  id: serial().primaryKey(),
  name: text().notNull().unique(),
  contactName: text(),
  contactEmail: text(),
  contactPhone: text(),
  /** A provider with records is never deleted; HQ deactivates it, which ends its access to every school. */
  active: boolean().notNull().default(true),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const providerAssignments = pgTable('provider_assignments', {
  providerId: integer().notNull().references(() => providers.id, { onDelete: 'cascade' }),
  schoolId: integer().notNull().references(() => schools.id, { onDelete: 'cascade' }),
  assignedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.providerId, t.schoolId] }),
  index('provider_assignments_school_idx').on(t.schoolId),
]);
