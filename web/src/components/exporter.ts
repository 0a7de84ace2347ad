import { downloadCSV, useTranslate, type DataProvider, type Exporter, type FetchRelatedRecords, type RaRecord } from 'react-admin';

/**
 * The CSV export of every list: react-admin's ExportButton hands the rows (up to maxResults, with
 * the list's filter and sort) to the exporter made here, which names related records (school,
 * student) instead of ids, labels the columns in the UI language, and writes a UTF-8 CSV that Excel
 * opens with Chinese intact.
 */

/** Characters that make a spreadsheet read a cell as a formula (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe: it then reads as text. */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One cell as CSV text: numbers and booleans as they are, text neutralised and quoted when needed. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else if (Array.isArray(value)) text = neutralise(value.map((v) => (v === null || v === undefined ? '' : String(v))).join('; '));
  else if (typeof value === 'object') text = neutralise(JSON.stringify(value));
  else text = neutralise(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV text (RFC 4180, CRLF line ends). */
export function toCsv(rows: unknown[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
}

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
export const BOM = '\ufeff';

export interface ExportColumn<R = RaRecord> {
  /** The field; its header is resources.<resource>.fields.<key> unless `label` is given. */
  key: string;
  label?: string;
  /** The cell value; defaults to record[key]. `related` holds the records fetched by `relations`. */
  value?: (record: R, related: Related) => unknown;
}

export interface Relation {
  /** The record's field holding the related id (schoolId). */
  field: string;
  resource: string;
}

export type Related = Record<string, Record<string | number, RaRecord>>;

type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface ExporterOptions<R = RaRecord> {
  resource: string;
  columns: ExportColumn<R>[];
  relations?: Relation[];
  translate: Translate;
  /** The file name without extension; defaults to the resource and today's date. */
  filename?: string;
  /** Called with the CSV text instead of downloading it (tests). */
  download?: (csv: string, filename: string) => void;
}

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** Builds the CSV text of records (the part of the exporter that tests read). */
export function recordsToCsv<R extends RaRecord>(records: R[], columns: ExportColumn<R>[], related: Related, header: string[]): string {
  const rows = records.map((record) => columns.map((c) => (c.value ? c.value(record, related) : (record as Record<string, unknown>)[c.key])));
  return BOM + toCsv([header, ...rows]);
}

export function createExporter<R extends RaRecord = RaRecord>(options: ExporterOptions<R>): Exporter<R> {
  const { resource, columns, relations = [], translate } = options;
  return async (records: R[], fetchRelatedRecords: FetchRelatedRecords, _dataProvider: DataProvider) => {
    const related: Related = {};
    for (const relation of relations) {
      const withIds = records.filter((r) => (r as Record<string, unknown>)[relation.field] != null);
      related[relation.field] = withIds.length ? await fetchRelatedRecords<RaRecord>(withIds, relation.field, relation.resource) : {};
    }
    const header = columns.map((c) => translate(c.label ?? `resources.${resource}.fields.${c.key}`, { _: c.key }));
    const csv = recordsToCsv(records, columns, related, header);
    const filename = options.filename ?? `${resource}-${today()}`;
    (options.download ?? downloadCSV)(csv, filename);
  };
}

/** A column naming the record's school (HQ and regional exports hold many schools). */
export const schoolColumn = <R extends RaRecord>(): ExportColumn<R> => ({
  key: 'schoolName',
  label: 'app.export.school',
  value: (record, related) => related.schoolId?.[(record as Record<string, unknown>).schoolId as number]?.name,
});

/** The exporter of a list, in the UI language. */
export function useExporter<R extends RaRecord = RaRecord>(resource: string, columns: ExportColumn<R>[], relations: Relation[] = []): Exporter<R> {
  const translate = useTranslate();
  return createExporter<R>({ resource, columns, relations, translate });
}

/** Words of the export cells: a record's state in its type's words, yes / no. */
export function useExportWords() {
  const translate = useTranslate();
  return {
    translate,
    state: (entity: string, state: unknown) => (state ? translate(`app.state_by_entity.${entity}.${state}`, { _: translate(`app.state.${state}`, { _: String(state) }) }) : ''),
    yesNo: (v: unknown) => (v === true ? translate('ra.boolean.true') : v === false ? translate('ra.boolean.false') : ''),
  };
}
