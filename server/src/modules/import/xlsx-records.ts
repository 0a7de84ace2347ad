import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError, badRequest } from '../../lib/errors.js';
import type { RawCell } from './cell-text.js';
import type { SourceRecord } from './records.js';

/** The zip signature every .xlsx starts with ("PK\3\4"). */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export const xlsxInvalid = () => badRequest('xlsx_invalid', [{ row: 0, field: 'file', code: 'not_valid_xlsx' }]);

/** A value of exceljs (rich text, hyperlink, formula with its result, error) as a plain cell. */
export function plainCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text?: string }[]; text?: unknown; result?: unknown; formula?: unknown; sharedFormula?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return plainCell(v.result);
    if ('error' in v) return null;
    if ('text' in v) return plainCell(v.text);
  }
  return null;
}

/**
 * The rows of an .xlsx file's first worksheet, read with exceljs's streaming reader (shared
 * strings and styles cached, so that date cells come as dates; no workbook held in memory), as
 * `{ line, cells }` with the worksheet's own row numbers; rows without any value are left out.
 * A file that is not a readable workbook is a 400 (`xlsx_invalid`).
 */
export async function* xlsxRecords(bytes: Buffer, slice: () => Promise<void>): AsyncGenerator<SourceRecord> {
  if (bytes.length < ZIP_SIGNATURE.length || !bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) throw xlsxInvalid();
  const input = Readable.from([bytes]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      sheets++;
      if (sheets > 1) {
        // Later sheets (a template's help) are read past, not used.
        for await (const row of worksheet) { void row; await slice(); }
        continue;
      }
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        // exceljs counts columns from 1: values[0] is always empty.
        const cells: RawCell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
        if (cells.some((c) => c !== null && c !== undefined && !(typeof c === 'string' && c.trim() === ''))) yield { line: row.number, cells };
        await slice();
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw xlsxInvalid();
  } finally {
    input.destroy();
  }
  if (!sheets) throw xlsxInvalid();
}
