import type { z } from 'zod';
import { badRequest } from '../../../lib/errors.js';
import { reasonOfIssue } from '../../../lib/zod-problems.js';
import type { CsvParser, ImportProblem } from '../fact-resource.js';

export interface ImportColumns { columns: string[]; required: string[]; parse: CsvParser }
export interface ImportRows { parsed: { line: number; input: unknown }[]; problems: ImportProblem[] }

/** The header's problems: a column given twice, unknown or missing (names compared as given, never looked up on an object). */
function checkHeader(header: string[], csv: ImportColumns) {
  const seen = new Set<string>();
  const twice = header.filter((h) => (seen.has(h) ? true : (seen.add(h), false)));
  if (twice.length) throw badRequest({ code: 'columns_twice', params: { columns: [...new Set(twice)] } }, [...new Set(twice)].map((c) => ({ row: 1, field: c, code: 'column_twice' as const })));
  const unknown = header.filter((h) => !csv.columns.includes(h));
  if (unknown.length) throw badRequest({ code: 'columns_unknown', params: { columns: unknown, expected: csv.columns } }, unknown.map((u) => ({ row: 1, field: u, code: 'column_unknown' as const })));
  const missing = csv.required.filter((c) => !header.includes(c));
  if (missing.length) throw badRequest({ code: 'columns_missing', params: { columns: missing } }, missing.map((m) => ({ row: 1, field: m, code: 'column_missing' as const })));
}

/**
 * Reads the header and checks every row against the create schema, as the records arrive; stops
 * at the first record past `maxRows` with a 400 naming the limit. Row numbers count the header as
 * row 1. Each row is handed to the parser as an object without a prototype, holding only the
 * header's (known) columns.
 */
export async function readImportRows(records: AsyncIterable<string[]>, csv: ImportColumns, schema: z.ZodType, maxRows: number, slice: () => Promise<void>): Promise<ImportRows> {
  let header: string[] | undefined;
  let rows = 0;
  const parsed: ImportRows['parsed'] = [];
  const problems: ImportProblem[] = [];
  for await (const record of records) {
    if (!header) {
      header = record.map((h) => h.trim());
      checkHeader(header, csv);
      continue;
    }
    rows++;
    const line = rows + 1;
    if (rows > maxRows) {
      throw badRequest({ code: 'too_many_rows', params: { max: maxRows } }, [{ row: line, field: 'file', code: 'too_many_rows_short', params: { max: maxRows } }]);
    }
    const cells = Object.create(null) as Record<string, string>;
    header.forEach((column, i) => { cells[column] = record[i]; });
    const input = csv.parse(cells);
    const result = schema.safeParse(input);
    if (result.success) parsed.push({ line, input: result.data });
    else for (const issue of result.error.issues) problems.push({ row: line, field: String(issue.path[0] ?? 'row'), ...reasonOfIssue(issue, input) });
    await slice();
  }
  if (!rows) throw badRequest('no_rows', [{ row: 0, field: 'file', code: 'no_rows' }]);
  return { parsed, problems };
}
