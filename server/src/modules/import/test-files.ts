import ExcelJS from 'exceljs';

/**
 * Real files for import tests: GBK bytes as Excel on Chinese Windows saves a CSV, and .xlsx
 * workbooks written by exceljs. Used by tests only.
 */

/** GBK bytes of a text, from the platform's own GBK decoder read backwards (ICU's table). */
let gbkTable: Map<string, Buffer> | undefined;
export function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const bytes = Buffer.from([lead, trail]);
        try {
          const ch = decoder.decode(bytes);
          if (!gbkTable.has(ch)) gbkTable.set(ch, bytes);
        } catch { /* not a GBK pair */ }
      }
    }
  }
  return Buffer.concat([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? Buffer.from(ch, 'latin1') : gbkTable!.get(ch) ?? (() => { throw new Error(`no GBK for ${ch}`); })())));
}

/** An .xlsx file whose first sheet holds these rows (the header first); Date cells get a date format, as Excel gives them. */
export async function xlsxFile(rows: ExcelJS.CellValue[][], more?: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.eachCell((c) => { if (c.value instanceof Date) c.numFmt = 'yyyy/m/d'; });
  }
  more?.(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
