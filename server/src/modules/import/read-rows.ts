import { badRequest } from '../../lib/errors.js';
import { reasonOfIssue } from '../../lib/zod-problems.js';
import { cell } from './cells.js';
import { cellText, type CellType } from './cell-text.js';
import { readHeader } from './header.js';
import { isCommentRow, valueReader } from './values.js';
import type { ImportColumn, ImportDefinition, ImportProblem } from './import-definition.js';
import type { SourceRecord } from './records.js';

export interface ReadRows<I> {
  /** The rows that passed the row schema, in file order. */
  parsed: { row: number; input: I }[];
  problems: ImportProblem[];
  /** Every data row of the file (passed or not). */
  rows: number;
}

const byType: Record<CellType, (v: string | undefined) => unknown> = {
  text: cell.text, date: cell.text, int: cell.int, number: cell.number, bool: cell.bool, list: cell.list, dates: cell.list,
};

/** A row's input by its columns' types, when the import gives no `input` of its own. */
export const inputByType = (columns: ImportColumn[]) => (cells: Record<string, string | undefined>) =>
  Object.fromEntries(columns.filter((c) => cells[c.key] !== undefined || c.type === 'list' || c.type === 'dates').map((c) => [c.key, byType[c.type ?? 'text'](cells[c.key])]));

/**
 * Reads the header and checks every row against the row schema as the records arrive; stops at the
 * first row past `maxRows` with a 400 naming the limit. Each row's cells are handed to the input
 * builder as text by column key (dates already `YYYY-MM-DD`), in an object without a prototype.
 */
export async function readRows<I>(records: AsyncIterable<SourceRecord>, definition: ImportDefinition<I, unknown, unknown>, maxRows: number, slice: () => Promise<void>): Promise<ReadRows<I>> {
  const { columns } = definition;
  const types = new Map(columns.map((c) => [c.key, c.type ?? 'text']));
  const readValue = new Map(columns.map((c) => [c.key, valueReader(c)]));
  const toInput = definition.input ?? inputByType(columns);
  let keys: (string | undefined)[] | undefined;
  let rows = 0;
  const parsed: ReadRows<I>['parsed'] = [];
  /** One problem per cell (row and column): a value refused by the schema is not named again by a rule about it. */
  const named = new Set<string>();
  const problems: ImportProblem[] = [];
  for await (const { line, cells: raw } of records) {
    if (!keys) {
      keys = readHeader(raw.map((h) => cellText(h) ?? ''), columns, definition.ignoredHeaders);
      continue;
    }
    // The CSV template's row of allowed values (`# 可选值 …`) is no record.
    if (isCommentRow(cellText(raw[0]))) continue;
    rows++;
    if (rows > maxRows) {
      throw badRequest({ code: 'too_many_rows', params: { max: maxRows } }, [{ row: line, field: 'file', code: 'too_many_rows_short', params: { max: maxRows } }]);
    }
    const cells = Object.create(null) as Record<string, string | undefined>;
    keys.forEach((key, i) => { if (key) cells[key] = readValue.get(key)!(cellText(raw[i], types.get(key))); });
    const input = toInput(cells);
    const result = definition.row.safeParse(input);
    if (result.success) parsed.push({ row: line, input: result.data });
    else {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? 'row');
        if (named.has(`${line}:${field}`)) continue;
        named.add(`${line}:${field}`);
        problems.push({ row: line, field, ...reasonOfIssue(issue, input) });
      }
    }
    await slice();
  }
  if (!rows) throw badRequest('no_rows', [{ row: 0, field: 'file', code: 'no_rows' }]);
  return { parsed, problems, rows };
}
