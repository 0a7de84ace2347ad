import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { queryRows } from '../../../db/raw.js';

export const DIGEST_DEADLINE_DAYS = 30;

/** One thing waiting for a user. */
export interface DigestItem {
  kind: 'review' | 'signing' | 'decision' | 'deadline';
  entityId: number;
  schoolName: string;
  schoolNameEn: string | null;
  tier: string;
  /** review: the application's state; signing: the agreement's; decision: the evaluation's kind. */
  state: string;
  /** decision: the agreement year; otherwise null. */
  year: number | null;
  /** deadline: the rectification deadline (YYYY-MM-DD). */
  deadline: string | null;
}

interface Row extends Omit<DigestItem, 'kind'> { userId: number }

/**
 * Who may receive today's digest: active, not opted out, and not yet written one for this day.
 * Their scope is the product's access scope: HQ everything, regional staff the schools of their
 * regions (user_regions), a school's users their school.
 */
const recipients = (today: string) => sql`
  SELECT u.id, u.role, u.school_id FROM users u
  WHERE u.active AND u.digest_enabled
    AND NOT EXISTS (SELECT 1 FROM mail_digests d WHERE d.user_id = u.id AND d.day = ${today}::date)`;
const inRegionOf = (user: SQL, school: SQL) => sql`EXISTS (SELECT 1 FROM user_regions ur WHERE ur.user_id = ${user} AND ur.region_id = ${school})`;

const columns = sql`r.id AS "userId", s.name AS "schoolName", s.name_en AS "schoolNameEn"`;

/** Applications waiting for the user's step: the region's review, HQ's (and the regional step where the region has no active staff), a school's revision. */
const reviews = (today: string) => sql`
  WITH r AS (${recipients(today)})
  SELECT ${columns}, ap.id AS "entityId", ap.tier, ap.status AS state, NULL::int AS year, NULL::text AS deadline
  FROM applications ap JOIN schools s ON s.id = ap.school_id
  JOIN r ON (
    (r.role = 'hq' AND (ap.status = 'pending_hq' OR (ap.status = 'pending_regional' AND NOT EXISTS (
      SELECT 1 FROM user_regions ur JOIN users st ON st.id = ur.user_id AND st.active AND st.role = 'regional' WHERE ur.region_id = s.region_id))))
    OR (r.role = 'regional' AND ap.status = 'pending_regional' AND ${inRegionOf(sql`r.id`, sql`s.region_id`)})
    OR (r.role = 'school' AND ap.status = 'returned' AND r.school_id = ap.school_id))
  WHERE ap.status IN ('pending_hq', 'pending_regional', 'returned')
  ORDER BY ap.submitted_at NULLS LAST, ap.id`;

/** Agreements waiting for signing, the plaque ceremony or the inspection: HQ's steps. */
const signings = (today: string) => sql`
  WITH r AS (${recipients(today)})
  SELECT ${columns}, a.id AS "entityId", a.tier, a.status AS state, NULL::int AS year, NULL::text AS deadline
  FROM agreements a JOIN schools s ON s.id = a.school_id JOIN r ON r.role = 'hq'
  WHERE a.status IN ('pending_signing', 'pending_plaque', 'pending_inspection')
  ORDER BY a.created_at, a.id`;

/** Open evaluations waiting for HQ's decision. */
const decisions = (today: string) => sql`
  WITH r AS (${recipients(today)})
  SELECT ${columns}, e.id AS "entityId", a.tier, e.kind AS state, e.year, NULL::text AS deadline
  FROM evaluations e JOIN agreements a ON a.id = e.agreement_id JOIN schools s ON s.id = e.school_id JOIN r ON r.role = 'hq'
  WHERE e.status = 'open'
  ORDER BY e.created_at, e.id`;

/** Rectification deadlines within 30 days (or passed): HQ, the school's users, the staff of its region. */
const deadlines = (today: string) => sql`
  WITH r AS (${recipients(today)})
  SELECT ${columns}, a.id AS "entityId", a.tier, a.status AS state, NULL::int AS year, to_char(a.rectification_deadline, 'YYYY-MM-DD') AS deadline
  FROM agreements a JOIN schools s ON s.id = a.school_id
  JOIN r ON (r.role = 'hq' OR (r.role = 'school' AND r.school_id = a.school_id) OR (r.role = 'regional' AND ${inRegionOf(sql`r.id`, sql`s.region_id`)}))
  WHERE a.status = 'rectifying' AND a.rectification_deadline <= ${today}::date + ${DIGEST_DEADLINE_DAYS}::int
  ORDER BY a.rectification_deadline, a.id`;

const queries = { review: reviews, signing: signings, decision: decisions, deadline: deadlines } as const;

/**
 * What waits for each user on `today`, by user id: one query per kind for all users at once (not
 * a query per user). Users with nothing waiting are not in the map.
 */
export async function collectDigestItems(db: Executor, today: string): Promise<Map<number, DigestItem[]>> {
  const byUser = new Map<number, DigestItem[]>();
  for (const [kind, query] of Object.entries(queries) as [DigestItem['kind'], (d: string) => SQL][]) {
    for (const row of await queryRows<Row>(db, query(today))) {
      const { userId, ...item } = row;
      const list = byUser.get(Number(userId)) ?? byUser.set(Number(userId), []).get(Number(userId))!;
      list.push({ kind, ...item, entityId: Number(item.entityId), year: item.year === null ? null : Number(item.year) });
    }
  }
  return byUser;
}
