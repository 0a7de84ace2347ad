import type { ProgrammeReport } from '@campus/common';
import type { Locale } from '../../lib/messages/catalogue.js';
import { reportTables, type Cell, type Column } from './report-tables.js';
import { reportWords } from './report-words.js';
import { loadExcel } from '../../lib/lazy-packages.js';

/** A sheet's name as Excel allows it: at most 31 characters, none of []:*?/\ , unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * The report as an .xlsx workbook: one sheet per table (its header row in the user's language, its rows, its total),
 * then one sheet per chart with the numbers it draws. Counts are numbers, shares numbers between 0 and 1 shown as
 * percentages (the JSON's values exactly), nothing to divide by an empty cell.
 */
export async function reportWorkbook(report: ProgrammeReport, locale: Locale): Promise<Buffer> {
  const w = reportWords(locale);
  const { tables, charts } = reportTables(report, locale);
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Campus Partner';
  workbook.title = w.title(report.year);
  const taken = new Set<string>();
  const addSheet = (title: string, columns: Column[], rows: Cell[][], total: Cell[] | null) => {
    const sheet = workbook.addWorksheet(sheetName(title, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
    for (const row of rows) sheet.addRow(row);
    if (total) sheet.addRow(total).font = { bold: true };
    columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = Math.min(40, Math.max(10, c.header.length * (locale === 'zh' ? 2 : 1) + 2));
      if (c.kind === 'share') column.numFmt = '0.0%';
    });
  };
  for (const t of tables) addSheet(t.title, t.columns, t.rows, t.total);
  for (const c of charts) {
    const columns: Column[] = [{ header: c.title, kind: 'text' }, ...c.series.map((s): Column => ({ header: s.name, kind: c.unit }))];
    addSheet(w.chartSheet(c.title), columns, c.categories.map((cat, i) => [cat, ...c.series.map((s) => s.values[i])]), null);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
