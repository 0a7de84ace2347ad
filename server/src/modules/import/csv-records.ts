import { Readable, pipeline } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { AppError, ErrorCode, badRequest } from '../../lib/errors.js';
import { UploadText, type UploadEncoding } from './upload-text.js';

/** Bytes decoded and parsed at a time: a few milliseconds of work. */
const PIECE = 64 * 1024;
const MIB = 1024 * 1024;

export const tooLarge = (maxBytes: number) =>
  new AppError(413, ErrorCode.tooLarge, { code: 'import_too_large', params: { mib: maxBytes / MIB } }, [{ row: 0, field: 'file', code: 'larger_than', params: { mib: maxBytes / MIB } }]);

export interface CsvStreamOptions {
  maxBytes: number;
  /** The encoding the request declares (GBK), or undefined to detect it. */
  encoding?: UploadEncoding;
  /** Gives other requests a turn now and then; awaited between pieces of the file. */
  slice: () => Promise<void>;
}

/**
 * The records of a CSV upload (header first), parsed with csv-parse's stream API as the bytes
 * arrive, never more than `maxBytes`. The caller stops whenever it has seen enough (a row limit):
 * the rest of the upload is then neither read nor parsed. Bad bytes, bad CSV and an interrupted
 * upload are 400s; a file over the limit a 413.
 */
export async function* csvRecords(body: Readable, options: CsvStreamOptions): AsyncGenerator<string[]> {
  const text = new UploadText(options.encoding);
  let received = 0;
  async function* decoded() {
    try {
      // Not destroyed when the reading stops early: the answer still goes out on this connection.
      for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        received += chunk.length;
        if (received > options.maxBytes) throw tooLarge(options.maxBytes);
        for (let at = 0; at < chunk.length; at += PIECE) {
          const piece = text.write(chunk.subarray(at, at + PIECE));
          if (piece) yield piece;
          await options.slice();
        }
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw badRequest('import_incomplete', [{ row: 0, field: 'file', code: 'incomplete_upload' }]);
    }
    const rest = text.end();
    if (rest) yield rest;
  }
  const parser = parse({ skip_empty_lines: true, trim: true, relax_column_count: false, max_record_size: 100_000 });
  // Errors of either side end the parser with that error, which the loop below throws.
  pipeline(Readable.from(decoded()), parser, () => {});
  try {
    for await (const record of parser) yield record as string[];
  } catch (e) {
    if (e instanceof CsvError) {
      const line = Number((e as CsvError & { lines?: number }).lines ?? 0);
      throw badRequest({ code: 'csv_invalid', params: { line } }, [{ row: line, field: 'file', code: 'not_valid_csv' }]);
    }
    throw e;
  }
}
