import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxRecords } from './xlsx-records.js';

/**
 * A large workbook of Chinese text reads back exactly: exceljs's streaming reader garbled multi-byte
 * characters that fell on a chunk boundary of the shared-strings part (5 of 5,000 school names in the
 * SCHOOLS benchmark), and the import refused those rows as text_bad_character.
 */
describe('the rows of an .xlsx file', () => {
  it('5,000 rows of Chinese text come back character for character', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('学校');
    sheet.addRow(['学校名称', '城市']);
    const names = Array.from({ length: 5000 }, (_, i) => `浙江省第${i}职业技术学院（杭州·滨江校区）`);
    names.forEach((name, i) => sheet.addRow([name, `杭州市${i % 7}区`]));
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const read: string[] = [];
    for await (const record of xlsxRecords(bytes, async () => {})) read.push(String(record.cells[0]));
    expect(read.length).toBe(5001);
    const wrong = read.slice(1).map((name, i) => [name, names[i]]).filter(([a, b]) => a !== b);
    expect(wrong).toEqual([]);
  });
});
