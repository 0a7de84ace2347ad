import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, timestamp, check } from 'drizzle-orm/pg-core';

export const regions = pgTable('regions', {
  id: serial().primaryKey(),
  code: text().notNull().unique(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
  provinces: text().array().notNull().default(sql`'{}'::text[]`),
  sortOrder: integer().notNull().default(0),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [check('regions_code_format', sql`${t.code} ~ '^[a-z_]+$'`)]);
