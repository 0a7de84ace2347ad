import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';

/** Who must act next: the reviewers of the school's region, HQ, or the school's own administrators. */
export type Audience = 'regional' | 'hq' | 'school' | 'provider';

export interface NotificationInput {
  audience: Audience[];
  schoolId: number;
  kind: string;
  entityType: string;
  entityId: number;
  params?: Record<string, unknown>;
  /** The actor is not notified of their own action. */
  exceptUserId?: number;
}

const recipients = (audience: Audience, schoolId: number) => {
  switch (audience) {
    case 'hq':
      return sql`SELECT u.id FROM users u WHERE u.role = 'hq' AND u.active`;
    case 'regional':
      return sql`SELECT u.id FROM users u JOIN user_regions ur ON ur.user_id = u.id JOIN schools s ON s.region_id = ur.region_id WHERE u.role = 'regional' AND u.active AND s.id = ${schoolId}`;
    case 'school':
      return sql`SELECT u.id FROM users u WHERE u.role = 'school' AND u.active AND u.school_id = ${schoolId}`;
    case 'provider':
      return sql`SELECT u.id FROM users u JOIN provider_assignments pa ON pa.provider_id = u.provider_id WHERE u.role = 'provider' AND u.active AND pa.school_id = ${schoolId}`;
  }
};

/** Creates one in-app notification per recipient, in the caller's transaction. Returns how many. */
export async function notify(db: Executor, n: NotificationInput): Promise<number> {
  if (!n.audience.length) return 0;
  const union = sql.join(n.audience.map((a) => recipients(a, n.schoolId)), sql` UNION `);
  const rows = await queryRows<{ id: number }>(db, sql`
    INSERT INTO notifications (user_id, kind, entity_type, entity_id, params)
    SELECT r.id, ${n.kind}, ${n.entityType}, ${n.entityId}, ${JSON.stringify(n.params ?? {})}::jsonb
    FROM (${union}) r WHERE r.id <> ${n.exceptUserId ?? -1}
    RETURNING id`);
  return rows.length;
}
