import type { z } from 'zod';
import { badRequest } from '../../../lib/errors.js';
import type { CsvParser, ImportProblem } from '../fact-resource.js';

export interface ImportColumns { columns: string[]; required: string[]; parse: CsvParser }
export interface ImportRows { parsed: { line: number; input: unknown }[]; problems: ImportProblem[] }

const count = (n: number) => n.toLocaleString('en-US');

/** The header's problems: a column given twice, unknown or missing (names compared as given, never looked up on an object). */
function checkHeader(header: string[], csv: ImportColumns) {
  const seen = new Set<string>();
  const twice = header.filter((h) => (seen.has(h) ? true : (seen.add(h), false)));
  if (twice.length) throw badRequest(`Column(s) given twice: ${[...new Set(twice)].join(', ')}.`, [...new Set(twice)].map((c) => ({ row: 1, field: c, message: 'column given twice' })));
  const unknown = header.filter((h) => !csv.columns.includes(h));
  if (unknown.length) throw badRequest(`Unknown column(s): ${unknown.join(', ')}. The columns are: ${csv.columns.join(', ')}.`, unknown.map((u) => ({ row: 1, field: u, message: 'unknown column' })));
  const missing = csv.required.filter((c) => !header.includes(c));
  if (missing.length) throw badRequest(`Missing column(s): ${missing.join(', ')}.`, missing.map((m) => ({ row: 1, field: m, message: 'missing column' })));
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
      throw badRequest(`The file has more than ${count(maxRows)} rows; import at most ${count(maxRows)} rows at once (split the file).`,
        [{ row: line, field: 'file', message: `more than ${count(maxRows)} rows` }]);
    }
    const cells = Object.create(null) as Record<string, string>;
    header.forEach((column, i) => { cells[column] = record[i]; });
    const result = schema.safeParse(csv.parse(cells));
    if (result.success) parsed.push({ line, input: result.data });
    else for (const issue of result.error.issues) problems.push({ row: line, field: String(issue.path[0] ?? 'row'), message: issue.message });
    await slice();
  }
  if (!rows) throw badRequest('The file has no rows under its header.', [{ row: 0, field: 'file', message: 'empty' }]);
  return { parsed, problems };
}
