import { badRequest } from '../../lib/errors.js';
import type { RawCell } from './cell-text.js';
import type { SourceRecord } from './records.js';
import { loadExcel } from '../../lib/lazy-packages.js';

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
 * The rows of an .xlsx file's first worksheet as `{ line, cells }` with the worksheet's own row
 * numbers; rows without any value are left out. The workbook is loaded whole (the upload is in memory
 * already, within its size limit): exceljs's streaming reader garbles a multi-byte character that
 * falls on a chunk boundary of the shared strings (xlsx-records.test.ts). A file that is not a
 * readable workbook is a 400 (`xlsx_invalid`).
 */
export async function* xlsxRecords(bytes: Buffer, slice: () => Promise<void>): AsyncGenerator<SourceRecord> {
  if (bytes.length < ZIP_SIGNATURE.length || !bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) throw xlsxInvalid();
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw xlsxInvalid();
  }
  // The first worksheet in the workbook's order; later ones (a template's help) are not read.
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw xlsxInvalid();
  for (let number = 1; number <= worksheet.rowCount; number++) {
    const row = worksheet.getRow(number);
    const values = Array.isArray(row.values) ? row.values : [];
    // exceljs counts columns from 1: values[0] is always empty.
    const cells: RawCell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
    if (cells.some((c) => c !== null && c !== undefined && !(typeof c === 'string' && c.trim() === ''))) yield { line: number, cells };
    await slice();
  }
}
