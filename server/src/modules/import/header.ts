import { badRequest } from '../../lib/errors.js';
import type { ImportColumn } from './import-definition.js';

/** A header name compared without case, spaces, `_`, `-` or a required mark `*` (full-width forms as their ASCII ones). */
export const headerKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/[\s_\-*]/g, '');

/** The template's header of a column: its Chinese name with its English key, `学校名称 (name)`. */
export const templateHeader = (column: ImportColumn) => (column.aliases?.length ? `${column.aliases[0]} (${column.key})` : column.key);

/** The column key a header names: its key or an alias, or the template's `alias (key)` form; undefined when unknown. */
export function columnNamer(columns: ImportColumn[]) {
  const byName = new Map<string, string>();
  for (const column of columns) for (const name of [column.key, ...(column.aliases ?? [])]) byName.set(headerKey(name), column.key);
  return (header: string): string | undefined => {
    const direct = byName.get(headerKey(header));
    if (direct) return direct;
    const both = /^(.+?)[(（]([^()（）]+)[)）]$/.exec(header.trim());
    if (!both) return undefined;
    const outer = byName.get(headerKey(both[1]));
    const inner = byName.get(headerKey(both[2]));
    return outer && outer === inner ? inner : undefined;
  };
}

/**
 * The column key of each position of a header row (undefined for an empty header cell, whose cells
 * are ignored). Refused with the header's problems, on row 1: a column given twice (under any of
 * its names), unknown, or a required one missing.
 */
export function readHeader(header: string[], columns: ImportColumn[], ignored: string[] = []): (string | undefined)[] {
  const nameOf = columnNamer(columns);
  const skipped = new Set(ignored.map(headerKey));
  const isSkipped = (h: string) => skipped.has(headerKey(h)) && !nameOf(h);
  const keys = header.map((h) => (h.trim() === '' || isSkipped(h) ? undefined : nameOf(h)));
  const seen = new Set<string>();
  const twice = [...new Set(keys.filter((k): k is string => k !== undefined && (seen.has(k) ? true : (seen.add(k), false))))];
  if (twice.length) throw badRequest({ code: 'columns_twice', params: { columns: twice } }, twice.map((c) => ({ row: 1, field: c, code: 'column_twice' as const })));
  const unknown = header.filter((h, i) => h.trim() !== '' && !isSkipped(h) && keys[i] === undefined).map((h) => h.trim());
  if (unknown.length) throw badRequest({ code: 'columns_unknown', params: { columns: unknown, expected: columns.map((c) => c.key) } }, unknown.map((u) => ({ row: 1, field: u, code: 'column_unknown' as const })));
  const missing = columns.filter((c) => c.required && !seen.has(c.key)).map((c) => c.key);
  if (missing.length) throw badRequest({ code: 'columns_missing', params: { columns: missing } }, missing.map((m) => ({ row: 1, field: m, code: 'column_missing' as const })));
  return keys;
}
