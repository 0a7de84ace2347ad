import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Role } from '@campus/common';
import { notifications } from '../../db/schema/index.js';
import { scopeOf, type Actor, type Scope } from '@campus/common';
import { queryRows } from '../../db/raw.js';
import { mayReadRecord } from '../access/readable-entities.js';

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

const candidates = (audience: Audience, schoolId: number) => {
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

interface Candidate { id: number; role: Role; school_id: number | null; provider_id: number | null; region_ids: number[] | null }

/**
 * Creates one in-app notification per recipient, in the caller's transaction. Returns how many.
 * The audience names who is concerned (the school's reviewers, its providers...); of them, only those
 * who may read the record are notified (its resource's permission and scope, as every read), so a
 * provider hears of its own reports and proposals, not of another provider's at the same school.
 */
export async function notify(db: Executor, n: NotificationInput): Promise<number> {
  if (!n.audience.length) return 0;
  const union = sql.join(n.audience.map((a) => candidates(a, n.schoolId)), sql` UNION `);
  const found = await queryRows<Candidate>(db, sql`
    SELECT u.id, u.role, u.school_id, u.provider_id,
           (SELECT array_agg(ur.region_id ORDER BY ur.region_id) FROM user_regions ur WHERE ur.user_id = u.id) AS region_ids
    FROM users u WHERE u.id IN (${union}) AND u.id <> ${n.exceptUserId ?? -1}`);
  // Users with the same scope read the same records: one check per distinct scope.
  const byScope = new Map<string, { scope: Scope; ids: number[] }>();
  for (const c of found) {
    const scope = scopeOf({ role: c.role, regionIds: (c.region_ids ?? []).map(Number), schoolId: c.school_id, providerId: c.provider_id } as Actor);
    const key = JSON.stringify(scope);
    const group = byScope.get(key) ?? byScope.set(key, { scope, ids: [] }).get(key)!;
    group.ids.push(Number(c.id));
  }
  const recipients: number[] = [];
  for (const { scope, ids } of byScope.values()) {
    if (await mayReadRecord(db, scope, n.entityType, n.entityId)) recipients.push(...ids);
  }
  if (!recipients.length) return 0;
  // Every notification names its school (HQ and regional staff follow many; issue 17 item 7): its
  // name as it was when the notification was written, unless the caller named it already.
  const params = { ...(n.params ?? {}) };
  if (params.schoolName === undefined) {
    const [school] = await queryRows<{ name: string }>(db, sql`SELECT name FROM schools WHERE id = ${n.schoolId}`);
    if (school) params.schoolName = school.name;
  }
  const rows = await db.insert(notifications).values(recipients.sort((a, b) => a - b).map((userId) => ({
    userId, kind: n.kind, entityType: n.entityType, entityId: n.entityId, params,
  }))).returning({ id: notifications.id });
  return rows.length;
}
