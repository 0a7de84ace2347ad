/**
 * Reading the user's CSV in the browser, only to show the cells of rows the server refused next to
 * its messages (the server parses and checks the file itself). Numbering follows the server's: the
 * header is row 1 and the n-th record under it is row n + 1, however many lines a quoted cell spans.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  // Blank lines are skipped, as the server skips them.
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

export interface CsvFile {
  header: string[];
  /** Records by the server's row number (2 is the first record). */
  rows: Map<number, string[]>;
  count: number;
}

export function readCsv(text: string): CsvFile {
  const [header = [], ...records] = parseCsv(text);
  const rows = new Map<number, string[]>();
  records.forEach((r, i) => rows.set(i + 2, r));
  return { header: header.map((h) => h.trim()), rows, count: records.length };
}

/**
 * The file's text: UTF-8 when it is UTF-8; otherwise GB18030, which is what Excel on a Chinese
 * Windows saves as "CSV". The API takes UTF-8, so the text is sent on as UTF-8 either way.
 */
export async function decodeCsvFile(file: Blob): Promise<{ text: string; encoding: 'utf-8' | 'gb18030' }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
