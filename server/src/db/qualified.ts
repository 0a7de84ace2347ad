import { getTableName, sql, type Column } from 'drizzle-orm';

/**
 * A column named with its table ("students"."id"), for correlated subqueries in select lists: there
 * drizzle renders a bare column name, which the subquery's own table would capture when it has a
 * column of the same name (every table has an "id").
 */
export function qualified(column: Column) {
  const name = column.name.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
  return sql.raw(`"${getTableName(column.table)}"."${name}"`);
}
