import ExcelJS from 'exceljs';
// exceljs's own zip library (a dependency of exceljs), to write a workbook's parts in another order.
import JSZip from 'jszip';

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

/**
 * The same workbook with its parts in another order: the workbook, styles and shared strings before
 * the sheets (as LibreOffice and WPS write them; exceljs and Excel put the sheets first).
 */
export async function partsReordered(xlsx: Buffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(xlsx);
  const names = Object.keys(source.files).filter((n) => !source.files[n].dir);
  const first = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'];
  const ordered = [...first.filter((n) => names.includes(n)), ...names.filter((n) => !first.includes(n))];
  const target = new JSZip();
  for (const name of ordered) target.file(name, await source.files[name].async('uint8array'));
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
