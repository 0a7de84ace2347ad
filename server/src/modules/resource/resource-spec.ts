import { z } from 'zod';
import { and, asc, desc, eq, getTableName, ilike, inArray, or, sql, type SQL, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/raw.js';
import type { Actor, Scope } from '@campus/common';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { reasonOfIssue } from '../../lib/zod-problems.js';
import { likePattern, type ListParams } from '../../lib/list-query.js';
import { ownValue } from '../../lib/own-property.js';

export interface FilterDef<T = unknown> {
  schema: z.ZodType<T>;
  where: (value: T, scope: Scope) => SQL | undefined;
}

export function filterDef<T>(schema: z.ZodType<T>, where: (value: T, scope: Scope) => SQL | undefined): FilterDef {
  return { schema, where } as FilterDef;
}

/**
 * A readable resource: what it selects, how it sorts, filters and searches, and how it is scoped.
 * Every list and read of the resource goes through `listRecords`/`getRecord`, which always apply
 * the scope condition.
 */
export interface ResourceSpec<Row = Record<string, unknown>> {
  name: string;
  /** Singular noun for messages ("school"). */
  noun: string;
  /** The record as the API answers it (lists, reads, writes): the response schema /api/docs shows. */
  record: z.ZodObject;
  table: PgTable;
  columns: Record<string, Column | SQL.Aliased>;
  id: Column;
  /** The record's school, for scoping; omit for programme-wide resources readable by every role. */
  schoolId?: Column | SQL;
  /** A scope rule of its own (used instead of schoolId). */
  scope?: (scope: Scope) => SQL | undefined;
  sortable: Record<string, Column | SQL>;
  /** How getMany ids are read, when ids are not whole numbers. */
  idsSchema?: z.ZodType<(number | string)[]>;
  defaultSort: [string, 'ASC' | 'DESC'];
  filters?: Record<string, FilterDef>;
  search?: (Column | SQL)[];
  /** The `q` condition of its own (used instead of ILIKE over `search`), e.g. for an index that fits short searches. */
  searchWhere?: (q: string) => SQL | undefined;
  /** Joins needed by columns, applied to every query. */
  // drizzle's dynamic select builder has no public type that survives a join; the spec adds joins only.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  join?: (q: any) => any;
  serialize?: (row: Record<string, unknown>) => Row;
  /**
   * The API record as JSON text, written by the database (from a record stored pre-built): lists of
   * such a resource are sent as the database writes them, without parsing and serialising them
   * again here (listRecordsJson). It must equal `serialize` of the same row.
   */
  json?: SQL;
  /** Adds what depends on the signed-in user (allowedActions) to listed and read records. */
  enrich?: (rows: Record<string, unknown>[], actor: Actor, db: Executor) => Promise<Record<string, unknown>[]> | Record<string, unknown>[];
  /** Adds the detail a single read shows (plan items, history) to a record. */
  detail?: (row: Record<string, unknown>, actor: Actor, db: Executor) => Promise<Record<string, unknown>>;
}

const idList = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
const idsSchema = z.union([idList.transform((v) => [v]), z.array(idList).max(10_000)]);

export function scopeWhere(spec: ResourceSpec, scope: Scope): SQL | undefined {
  if (spec.scope) return spec.scope(scope);
  if (spec.schoolId) return schoolScopeCondition(scope, spec.schoolId);
  return undefined;
}

function filterConditions(spec: ResourceSpec, filter: Record<string, unknown>, scope: Scope): SQL[] {
  const conditions: SQL[] = [];
  for (const [key, raw] of Object.entries(filter)) {
    if (raw === undefined || raw === null || raw === '') continue;
    if (key === 'id') {
      const ids = (spec.idsSchema ?? idsSchema).safeParse(raw);
      if (!ids.success) throw badRequest('filter_ids_invalid', [{ field: 'filter.id', code: 'filter_ids_invalid' }]);
      conditions.push(ids.data.length ? inArray(spec.id, ids.data) : sql`false`);
      continue;
    }
    if (key === 'q') {
      if (typeof raw !== 'string') throw badRequest('filter_q_invalid', [{ field: 'filter.q', code: 'filter_q_invalid' }]);
      const q = raw.trim().slice(0, 200);
      if (q && spec.searchWhere) conditions.push(spec.searchWhere(q) ?? sql`true`);
      else if (q && spec.search?.length) conditions.push(or(...spec.search.map((c) => ilike(c as Column, likePattern(q))))!);
      continue;
    }
    const def = ownValue(spec.filters, key);
    if (!def) {
      const reason = { code: 'filter_unknown', params: { key, resource: spec.name, allowed: ['q', 'id', ...Object.keys(spec.filters ?? {})] } } as const;
      throw badRequest(reason, [{ field: `filter.${key}`, ...reason }]);
    }
    const parsed = def.schema.safeParse(raw);
    if (!parsed.success) {
      throw badRequest({ code: 'filter_value_invalid', params: { key } }, parsed.error.issues.slice(0, 1).map((issue) => ({ field: `filter.${key}`, ...reasonOfIssue(issue, raw) })));
    }
    const cond = def.where(parsed.data, scope);
    if (cond) conditions.push(cond);
  }
  return conditions;
}

function baseQuery(db: Executor, spec: ResourceSpec, extra: Record<string, Column | SQL.Aliased> = {}) {
  let q = db.select({ ...spec.columns, ...extra } as Record<string, SQL.Aliased>).from(spec.table).$dynamic();
  if (spec.join) q = spec.join(q as never) as typeof q;
  return q;
}

/** The WHERE and ORDER BY of a list, checked against the spec. */
function listClauses(spec: ResourceSpec, params: ListParams, scope: Scope) {
  const sortColumn = ownValue(spec.sortable, params.sort.field);
  if (!sortColumn) {
    const reason = { code: 'sort_unknown', params: { resource: spec.name, field: params.sort.field, allowed: Object.keys(spec.sortable) } } as const;
    throw badRequest(reason, [{ field: 'sort', ...reason }]);
  }
  const where = and(scopeWhere(spec, scope), ...filterConditions(spec, params.filter, scope));
  // The id breaks ties in the same direction, so that one index on (sort, id) serves the page both ways.
  const dir = params.sort.order === 'ASC' ? asc : desc;
  const order = [dir(sortColumn), dir(spec.id)];
  // The same order through expressions no index holds (coalesce(x, x) is x): the page is then read
  // from the rows the WHERE finds, then sorted, never by walking an index of the sort.
  const fencedOrder = [dir(sql`coalesce(${sortColumn}, ${sortColumn})`), dir(sql`coalesce(${spec.id}, ${spec.id})`)];
  return { where, order, fencedOrder };
}

/**
 * Up to how many records a list's total is counted exactly (issue 15 items 1 and 4). Beyond it the
 * total is the planner's estimate, sent as such (`X-Total-Estimated: true`) and shown as "about N":
 * counting every student of all schools read the whole table (0.47 s per million rows on PostgreSQL,
 * and on the embedded database it held the one connection that every other request waits for).
 */
export const EXACT_TOTAL_BOUND = 10_000;

export interface ListTotal {
  total: number;
  /** True when the total is an estimate (more than EXACT_TOTAL_BOUND records). */
  estimated: boolean;
}

function countQueryBase(db: Executor, spec: ResourceSpec) {
  let q = db.select({ one: sql`1`.as('one') }).from(spec.table).$dynamic();
  if (spec.join) q = spec.join(q as never) as typeof q;
  return q;
}

/**
 * The list's total as its own statement (a window count in the page query made PostgreSQL read and
 * sort every row before the LIMIT): exact up to `bound` (a count over a LIMITed subquery, which stops
 * reading after bound + 1 rows), beyond it an estimate: the table's row count from pg_class when the
 * list is the whole table, else the planner's row estimate of the list (EXPLAIN), never less than
 * bound + 1.
 */
export async function countList(db: Executor, spec: ResourceSpec, where: SQL | undefined, bound = EXACT_TOTAL_BOUND): Promise<ListTotal> {
  // The whole of a table PostgreSQL knows holds far more than the bound (every student of every school, as HQ opens the
  // list): its row count is the answer, without counting the first bound + 1 rows on every page turn.
  const whole = !where && !spec.join ? await tableRows(db, spec) : 0;
  if (whole > 3 * bound) return { total: whole, estimated: true };
  const limited = countQueryBase(db, spec).where(where).limit(bound + 1).as('limited');
  const [c] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(limited);
  const n = c?.n ?? 0;
  if (n <= bound) return { total: n, estimated: false };
  return { total: Math.max(bound + 1, await estimateRows(db, spec, where)), estimated: true };
}

/** The table's row count as PostgreSQL last measured it (ANALYZE, VACUUM; 0 when never measured). */
async function tableRows(db: Executor, spec: ResourceSpec): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(db, sql`SELECT reltuples::bigint AS n FROM pg_class WHERE oid = ${getTableName(spec.table)}::regclass`);
  return Math.max(0, Number(row?.n ?? 0));
}

async function estimateRows(db: Executor, spec: ResourceSpec, where: SQL | undefined): Promise<number> {
  if (!where && !spec.join) {
    const n = await tableRows(db, spec);
    if (n > 0) return n;
  }
  const [plan] = await queryRows<{ 'QUERY PLAN': unknown }>(db, sql`EXPLAIN (FORMAT JSON) ${countQueryBase(db, spec).where(where).getSQL()}`);
  const parsed = (typeof plan?.['QUERY PLAN'] === 'string' ? JSON.parse(plan['QUERY PLAN']) : plan?.['QUERY PLAN']) as { Plan?: { 'Plan Rows'?: number } }[] | undefined;
  return Math.round(Number(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0));
}

/**
 * The total of a page's list: known without counting when the page ends the list (fewer rows than
 * asked, and not past the end), else counted by a statement of its own (countList); an estimate is
 * never less than the records the page shows exist.
 */
async function totalOf(db: Executor, spec: ResourceSpec, where: SQL | undefined, params: ListParams, pageRows: number): Promise<ListTotal> {
  if (pageRows < params.range.limit && (pageRows > 0 || params.range.offset === 0)) return { total: params.range.offset + pageRows, estimated: false };
  return withPage(await countList(db, spec, where), params, pageRows);
}

/** An estimate is never less than the records the page shows exist. */
function withPage(counted: ListTotal, params: ListParams, pageRows: number): ListTotal {
  if (!counted.estimated) return counted;
  return { total: Math.max(counted.total, params.range.offset + pageRows + (pageRows === params.range.limit ? 1 : 0)), estimated: true };
}

/**
 * A list's page and total: the page as one statement with ORDER BY … LIMIT (which an index on the
 * sort serves without reading the rest), the total as another (totalOf), exact up to
 * EXACT_TOTAL_BOUND and estimated beyond (`estimated`).
 */
export async function listRecords(db: Executor, spec: ResourceSpec, params: ListParams, scope: Scope) {
  const { where, order, fencedOrder } = listClauses(spec, params, scope);
  // A search: counted first (bounded). When it finds no more than the bound, its page is read from
  // the matches (the search's index) and sorted, never by walking the sort's index through every
  // record looking for them: the planner's estimate of a search is a guess, and a wrong one walked
  // 3.5 million students for 18 matches (32 s). Beyond the bound, the matches are common enough
  // that walking the sort's index finds a page within a few thousand records (issue 15 item 2).
  const counted = isSearch(params) ? await countSearch(db, spec, where) : undefined;
  const rows = await baseQuery(db, spec)
    .where(where)
    .orderBy(...(counted && !counted.estimated ? fencedOrder : order))
    .limit(params.range.limit)
    .offset(params.range.offset) as Record<string, unknown>[];
  const { total, estimated } = counted ? withPage(counted, params, rows.length) : await totalOf(db, spec, where, params, rows.length);
  const data = rows.map((r) => (spec.serialize ? spec.serialize(r) : r));
  return { data, total, estimated };
}

/**
 * A search's total: when the planner expects more than three times the bound (a common character:
 * 袁 finds 58,000 of 3.5 million students), its estimate without counting (counting the first 10,001
 * matches read as many rows: 0.26 s); else counted up to the bound.
 */
async function countSearch(db: Executor, spec: ResourceSpec, where: SQL | undefined): Promise<ListTotal> {
  const expected = await estimateRows(db, spec, where);
  if (expected > 3 * EXACT_TOTAL_BOUND) return { total: expected, estimated: true };
  return countList(db, spec, where);
}

function isSearch(params: ListParams): boolean {
  const q = params.filter.q;
  return typeof q === 'string' && q.trim() !== '';
}

/**
 * A list of a resource whose records the database writes as JSON (spec.json): the page as one JSON
 * array, in text, ready to send; `count` is the number of records in it. The page's ids are chosen
 * first, and only its own records are written out; the total is counted apart (totalOf).
 */
export async function listRecordsJson(db: Executor, spec: ResourceSpec, params: ListParams, scope: Scope) {
  if (!spec.json) throw new Error(`${spec.name} has no JSON column`);
  const { where, order } = listClauses(spec, params, scope);
  let inner = db.select({ __id: sql`${spec.id}`.as('__id') }).from(spec.table).$dynamic();
  if (spec.join) inner = spec.join(inner as never) as typeof inner;
  const page = inner.where(where).orderBy(...order).limit(params.range.limit).offset(params.range.offset).as('page');
  let outer = db.select({ json: sql<string>`${spec.json}` }).from(page).innerJoin(spec.table, eq(spec.id, page.__id)).$dynamic();
  if (spec.join) outer = spec.join(outer as never) as typeof outer;
  const rows = await outer.orderBy(...order);
  const { total, estimated } = await totalOf(db, spec, where, params, rows.length);
  return { json: `[${rows.map((r) => r.json).join(',')}]`, count: rows.length, total, estimated };
}

export async function getRecord(db: Executor, spec: ResourceSpec, id: number | string, scope: Scope) {
  const rows = await baseQuery(db, spec).where(and(eq(spec.id, id), scopeWhere(spec, scope))).limit(1);
  if (!rows.length) throw notFound(spec.noun);
  const row = rows[0] as Record<string, unknown>;
  return spec.serialize ? spec.serialize(row) : row;
}
