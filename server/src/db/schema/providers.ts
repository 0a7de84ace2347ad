import { pgTable, serial, text, integer, timestamp, primaryKey, index } from 'drizzle-orm/pg-core';
import { schools } from './schools.js';

export const providers = pgTable('providers', {
  id: serial().primaryKey(),
  name: text().notNull().unique(),
  contactName: text(),
  contactEmail: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const providerAssignments = pgTable('provider_assignments', {
  providerId: integer().notNull().references(() => providers.id, { onDelete: 'cascade' }),
  schoolId: integer().notNull().references(() => schools.id, { onDelete: 'cascade' }),
  assignedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.providerId, t.schoolId] }),
  index('provider_assignments_school_idx').on(t.schoolId),
]);
