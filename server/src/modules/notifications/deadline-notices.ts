import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';

export const DEADLINE_WARNING_DAYS = 30;

/**
 * Rectification deadlines within 30 days, or passed, computed from the data: the school's users and
 * HQ get one notice per agreement, kind and deadline (a moved deadline warns again). Run daily.
 */
export async function sendDeadlineNotices(db: Executor, today: string): Promise<number> {
  const rows = await queryRows<{ id: number }>(db, sql`
    WITH due AS (
      SELECT a.id, a.school_id, a.rectification_deadline AS deadline,
             CASE WHEN a.rectification_deadline < ${today}::date THEN 'rectification.overdue' ELSE 'rectification.deadline_soon' END AS kind
      FROM agreements a
      WHERE a.status = 'rectifying' AND a.rectification_deadline <= ${today}::date + ${DEADLINE_WARNING_DAYS}::int
    ),
    recipients AS (
      SELECT due.*, u.id AS user_id FROM due JOIN users u ON u.active AND (u.role = 'hq' OR (u.role = 'school' AND u.school_id = due.school_id))
    )
    INSERT INTO notifications (user_id, kind, entity_type, entity_id, params)
    SELECT r.user_id, r.kind, 'agreement', r.id, jsonb_build_object('deadline', to_char(r.deadline, 'YYYY-MM-DD'))
    FROM recipients r
    WHERE NOT EXISTS (
      SELECT 1 FROM notifications n WHERE n.user_id = r.user_id AND n.kind = r.kind AND n.entity_type = 'agreement'
        AND n.entity_id = r.id AND n.params ->> 'deadline' = to_char(r.deadline, 'YYYY-MM-DD'))
    RETURNING id`);
  return rows.length;
}
