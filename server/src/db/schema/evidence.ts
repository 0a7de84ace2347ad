import { pgTable, serial, text, integer, timestamp, index, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { schools } from './schools.js';
import { users } from './users.js';

/** A file stored by the storage module under DATA_DIR, linked to any fact or workflow record. */
export const evidenceFiles = pgTable('evidence_files', {
  id: serial().primaryKey(),
  schoolId: integer().notNull().references(() => schools.id),
  entityType: text().notNull(),
  entityId: integer(),
  fileName: text().notNull(),
  contentType: text().notNull(),
  sizeBytes: integer().notNull(),
  storageKey: text().notNull().unique(),
  sha256: text().notNull(),
  description: text(),
  uploadedBy: integer().references(() => users.id),
  uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('evidence_size', sql`${t.sizeBytes} >= 0`),
  index('evidence_school_idx').on(t.schoolId),
  index('evidence_entity_idx').on(t.entityType, t.entityId),
]);
