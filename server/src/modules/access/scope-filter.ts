import { sql, type SQL, type Column } from 'drizzle-orm';
import type { Scope } from '@campus/common';

/**
 * The one place that turns a scope into SQL: every query of every school-owned resource ANDs this
 * onto its WHERE clause, so a record outside the user's scope is neither listed nor found (404).
 * Returns undefined when the scope is everything.
 */
export function schoolScopeCondition(scope: Scope, schoolIdColumn: Column | SQL): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'regions':
      if (scope.regionIds.length === 0) return sql`false`;
      return sql`${schoolIdColumn} IN (SELECT s.id FROM schools s WHERE s.region_id IN (${sql.join(scope.regionIds.map((id) => sql`${id}`), sql`, `)}))`;
    case 'school':
      return sql`${schoolIdColumn} = ${scope.schoolId}`;
    case 'provider':
      return sql`${schoolIdColumn} IN (SELECT pa.school_id FROM provider_assignments pa WHERE pa.provider_id = ${scope.providerId})`;
  }
}
