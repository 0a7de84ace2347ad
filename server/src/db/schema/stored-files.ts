import { customType, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.isBuffer(value) ? value : Buffer.from(value),
});

/**
 * Evidence files kept in the database (EVIDENCE_STORAGE=database, the default on a PostgreSQL server):
 * every process of the product reads what any other stored, and a database backup holds them.
 */
export const storedFiles = pgTable('stored_files', {
  key: text().primaryKey(),
  content: bytea().notNull(),
  sizeBytes: integer().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
