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
      // Read live on every request: an assignment ended, or the provider deactivated, applies to the next request.
      return sql`${schoolIdColumn} IN (SELECT pa.school_id FROM provider_assignments pa JOIN providers p ON p.id = pa.provider_id AND p.active WHERE pa.provider_id = ${scope.providerId})`;
  }
}

/**
 * A record kept by province rather than by school (a join request, before its school exists): HQ
 * reaches every one, regional staff those whose province one of their regions lists (the regions
 * table, as HQ edits it), nobody else any. Undefined when the scope is everything.
 */
export function provinceScopeCondition(scope: Scope, provinceColumn: Column | SQL): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'regions':
      if (scope.regionIds.length === 0) return sql`false`;
      return sql`${provinceColumn} IN (SELECT unnest(r.provinces) FROM regions r WHERE r.id IN (${sql.join(scope.regionIds.map((id) => sql`${id}`), sql`, `)}))`;
    default:
      return sql`false`;
  }
}

/**
 * A record kept by region (an exam site: a school's, or a venue of a region): HQ reaches every one,
 * regional staff those of their regions, nobody else any (a school's own reach, where it has one, is
 * the resource's to add). Undefined when the scope is everything.
 */
export function regionScopeCondition(scope: Scope, regionIdColumn: Column | SQL): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'regions':
      if (scope.regionIds.length === 0) return sql`false`;
      return sql`${regionIdColumn} IN (${sql.join(scope.regionIds.map((id) => sql`${id}`), sql`, `)})`;
    default:
      return sql`false`;
  }
}
