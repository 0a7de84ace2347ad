import type { RawCell } from './cell-text.js';

/** One record of an uploaded file: its row number as the user sees it (the header is row 1) and its cells. */
export interface SourceRecord { line: number; cells: RawCell[] }

/** CSV records numbered as the web's preview numbers them: the header is row 1, blank records are skipped and not counted. */
export async function* numberedCsv(records: AsyncIterable<string[]>): AsyncGenerator<SourceRecord> {
  let line = 0;
  for await (const cells of records) {
    if (cells.every((c) => c.trim() === '')) continue;
    line++;
    yield { line, cells };
  }
}
