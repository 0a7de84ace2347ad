import { stringify as stringifyCsv } from 'csv-stringify/sync';
import type { CellType } from './cell-text.js';
import { templateHeader } from './header.js';
import type { ImportColumn } from './import-definition.js';
import { allowedValues } from './values.js';
import { loadExcel } from '../../lib/lazy-packages.js';

const formats: Record<CellType, { zh: string; en: string }> = {
  text: { zh: '文本', en: 'text' },
  int: { zh: '整数', en: 'whole number' },
  number: { zh: '数字', en: 'number' },
  bool: { zh: '是/否（true/false）', en: 'yes/no (true/false)' },
  date: { zh: '日期：2026-06-01、2026/6/1 或 Excel 日期', en: 'date: 2026-06-01, 2026/6/1 or an Excel date' },
  dates: { zh: '日期，多个以分号分隔', en: 'dates, separated by semicolons' },
  list: { zh: '多个值以分号分隔', en: 'values separated by semicolons' },
};

/**
 * The CSV template: a byte-order mark (Excel then reads it as UTF-8) and the header row, each
 * column as `中文名 (englishKey)`, which an import accepts as it is, as it accepts either name alone.
 */
export function csvTemplate(columns: ImportColumn[]): string {
  return '\ufeff' + stringifyCsv([columns.map(templateHeader), ...valuesRow(columns)], { record_delimiter: '\r\n' });
}

/**
 * The CSV template's second row when some columns have allowed values: `# 可选值 Allowed:` in the
 * first cell, then under each such column its values in Chinese with their codes. The import skips
 * a row whose first cell starts with `#`; delete it or leave it.
 */
function valuesRow(columns: ImportColumn[]): string[][] {
  if (!columns.some((c) => c.values?.length)) return [];
  return [columns.map((c, i) => {
    const values = allowedValues(c);
    return i === 0 ? `# 可选值 Allowed${values ? `: ${values}` : ' (本行导入时跳过 / skipped on import)'}` : values;
  })];
}

/**
 * The .xlsx template: the first sheet to fill in (its header as in the CSV template, text columns
 * formatted as text so that numbers such as student numbers keep their leading zeros), and a second
 * sheet "说明 Help" explaining each column in Chinese and English, with an example. The import reads
 * only the first sheet.
 */
export async function xlsxTemplate(name: string, columns: ImportColumn[]): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name.slice(0, 31));
  sheet.columns = columns.map((c) => ({ header: templateHeader(c), key: c.key, width: Math.max(14, templateHeader(c).length * 1.6), style: (c.type ?? 'text') === 'text' ? { numFmt: '@' } : c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {} }));
  sheet.getRow(1).font = { bold: true };
  // A column with allowed values offers them as a drop-down (the Chinese words with the code, as the import reads them).
  columns.forEach((c, i) => {
    if (!c.values?.length) return;
    const list = c.values.map((v) => `${v.zh} (${v.code})`).join(',');
    if (list.length > 250) return; // Excel's limit of an inline list
    for (let row = 2; row <= 501; row++) sheet.getCell(row, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${list}"`] };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];

  const help = workbook.addWorksheet('说明 Help');
  help.columns = [
    { header: '列 Column', width: 28 }, { header: '中文', width: 16 }, { header: 'English', width: 20 },
    { header: '必填 Required', width: 14 }, { header: '格式 Format', width: 44 }, { header: '示例 Example', width: 24 },
    { header: '可选值 Allowed values', width: 60 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) {
    const f = formats[c.type ?? 'text'];
    help.addRow([templateHeader(c), c.aliases?.[0] ?? '', c.key, c.required ? '是 yes' : '否 no', `${f.zh} / ${f.en}`, c.example ?? '', allowedValues(c)]);
  }
  help.addRow([]);
  help.addRow(['在第一个工作表中每行填写一条记录；表头可用中文或英文名。全部行无误才会导入。']);
  help.addRow(['Fill in one record per row on the first sheet; headers may be the Chinese or the English names. Nothing is imported unless every row is right.']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
