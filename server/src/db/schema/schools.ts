import { sql } from 'drizzle-orm';
import { pgTable, serial, text, integer, boolean, timestamp, check, index } from 'drizzle-orm/pg-core';
import { regions } from './regions.js';
import { schoolStatuses, tiers, sqlList } from './enums.js';

export const schools = pgTable('schools', {
  id: serial().primaryKey(),
  name: text().notNull().unique(),
  nameEn: text(),
  regionId: integer().notNull().references(() => regions.id),
  province: text().notNull(),
  city: text(),
  kind: text().notNull().default('vocational'),
  tier: text(),
  status: text().notNull().default('prospect'),
  contactName: text(),
  contactPhone: text(),
  contactEmail: text(),
  /** A school with records is never deleted; HQ deactivates it instead. */
  active: boolean().notNull().default(true),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('schools_tier', sql.raw(`tier IS NULL OR tier IN (${sqlList(tiers)})`)),
  check('schools_status', sql.raw(`status IN (${sqlList(schoolStatuses)})`)),
  check('schools_kind', sql.raw(`kind IN ('university', 'vocational')`)),
  index('schools_region_idx').on(t.regionId),
  index('schools_tier_status_idx').on(t.tier, t.status),
]);
