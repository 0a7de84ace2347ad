import { z } from 'zod';
import { badRequest } from './errors.js';
import { withoutPrototype } from './own-property.js';

/** The query of a ra-data-simple-rest getList / getMany: `sort`, `range` and `filter` as JSON strings. */
export interface ListParams {
  sort: { field: string; order: 'ASC' | 'DESC' };
  range: { offset: number; limit: number };
  filter: Record<string, unknown>;
}

export const MAX_PAGE = 10_000;

const sortSchema = z.tuple([z.string().min(1).max(64), z.enum(['ASC', 'DESC', 'asc', 'desc'])]);
const rangeSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]).refine(([a, b]) => b >= a, 'the end must not be before the start');
const filterSchema = z.record(z.string().max(64), z.unknown());

function parseJsonParam(name: string, raw: unknown): unknown {
  if (typeof raw !== 'string') throw badRequest({ code: 'query_param_repeated', params: { name } }, [{ field: name, code: 'query_param_repeated', params: { name } }]);
  if (raw.length > 20_000) throw badRequest({ code: 'query_param_too_long', params: { name } }, [{ field: name, code: 'query_param_too_long', params: { name } }]);
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest({ code: 'query_param_not_json', params: { name } }, [{ field: name, code: 'query_param_not_json', params: { name } }]);
  }
}

export function parseListQuery(query: Record<string, unknown>, defaultSort: [string, 'ASC' | 'DESC']): ListParams {
  let sort = { field: defaultSort[0], order: defaultSort[1] as 'ASC' | 'DESC' };
  let range = { offset: 0, limit: 25 };
  let filter: Record<string, unknown> = {};
  if (query.sort !== undefined) {
    const parsed = sortSchema.safeParse(parseJsonParam('sort', query.sort));
    if (!parsed.success) throw badRequest('sort_invalid', [{ field: 'sort', code: 'sort_invalid' }]);
    sort = { field: parsed.data[0], order: parsed.data[1].toUpperCase() as 'ASC' | 'DESC' };
  }
  if (query.range !== undefined) {
    const parsed = rangeSchema.safeParse(parseJsonParam('range', query.range));
    if (!parsed.success) throw badRequest('range_invalid', [{ field: 'range', code: 'range_invalid' }]);
    const [start, end] = parsed.data;
    if (end - start + 1 > MAX_PAGE) throw badRequest({ code: 'range_too_large', params: { max: MAX_PAGE } }, [{ field: 'range', code: 'range_too_large', params: { max: MAX_PAGE } }]);
    range = { offset: start, limit: end - start + 1 };
  }
  if (query.filter !== undefined) {
    const raw = parseJsonParam('filter', query.filter);
    const parsed = filterSchema.safeParse(raw);
    if (!parsed.success) throw badRequest('filter_invalid', [{ field: 'filter', code: 'filter_invalid' }]);
    // From the JSON itself: a parsed copy would drop a "__proto__" key (and take its value as prototype).
    filter = withoutPrototype(raw as Record<string, unknown>);
  }
  // A getMany (filter by ids) comes without a range: answer every id asked for, not a first page.
  if (query.range === undefined && Array.isArray(filter.id)) range = { offset: 0, limit: Math.min(Math.max(filter.id.length, 1), MAX_PAGE) };
  return { sort, range, filter };
}

/** Escapes LIKE wildcards so that a search for "50%" finds "50%" and not everything. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
