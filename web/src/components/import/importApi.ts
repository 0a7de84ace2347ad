import { httpClient } from '../../providers/httpClient';
import { apiUrl } from '../../providers/dataProvider';
import { i18nProvider } from '../../i18n';
import type { ImportProblem } from './problems';

/** The content type of an .xlsx workbook, as the server's import kit reads it. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const isXlsx = (file: { name: string; type?: string }) => file.type === XLSX_TYPE || /\.xlsx$/i.test(file.name);

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'rejected';

/** A dry run's answer (server/src/modules/import): the counts and the rows, nothing changed. */
export interface DryRun {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rows: { row: number; outcome: RowOutcome; changes?: string[]; problems?: Omit<ImportProblem, 'row'>[] }[];
  truncated?: boolean;
}

export interface ImportDone { created: number; updated?: number; unchanged?: number }

/** What is sent: the CSV's text (as UTF-8) or the workbook's bytes. */
export interface ImportBody { kind: 'csv' | 'xlsx'; body: string | ArrayBuffer }

function post(resource: string, file: ImportBody, query: Record<string, string>) {
  const search = new URLSearchParams(query).toString();
  return httpClient(apiUrl(`/${resource}/import${search ? `?${search}` : ''}`), {
    method: 'POST',
    headers: { 'Content-Type': file.kind === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8' },
    body: file.body,
  });
}

const modeQuery = (upsert: boolean): Record<string, string> => (upsert ? { mode: 'upsert' } : {});

/** POST /api/<resource>/import?dryRun=true: what the file would do, row by row. */
export async function dryRunImport(resource: string, file: ImportBody, upsert: boolean): Promise<DryRun> {
  const res = await post(resource, file, { dryRun: 'true', ...modeQuery(upsert) });
  const json = (res.json ?? {}) as Partial<DryRun>;
  return { created: json.created ?? 0, updated: json.updated ?? 0, unchanged: json.unchanged ?? 0, rejected: json.rejected ?? 0, rows: json.rows ?? [], truncated: json.truncated };
}

/** POST /api/<resource>/import: every row or none. */
export async function runImport(resource: string, file: ImportBody, upsert: boolean): Promise<ImportDone> {
  const res = await post(resource, file, modeQuery(upsert));
  return (res.json ?? { created: 0 }) as ImportDone;
}

/** The rejected rows' problems of a dry run, as the report lists them. */
export const problemsOfDryRun = (dry: DryRun): ImportProblem[] =>
  dry.rows.flatMap((r) => (r.problems ?? []).map((p) => ({ ...p, row: r.row, field: p.field ?? '' })));

/** GET /api/<resource>/import/template?format=…, saved under the resource's name. */
export async function downloadTemplate(resource: string, format: 'csv' | 'xlsx') {
  const response = await fetch(apiUrl(`/${resource}/import/template?format=${format}`), {
    credentials: 'same-origin',
    headers: { 'Accept-Language': i18nProvider.getLocale() === 'en' ? 'en' : 'zh-CN' },
  });
  if (!response.ok) throw new Error(response.statusText || `HTTP ${response.status}`);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  // An import under a record (`exam-sessions/12/results`) is saved by its last part's name.
  link.download = `${resource.split('/').pop()}-template.${format}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** The columns of a template's header `中文名 (key)`: the key and the server's label. */
export function templateColumns(header: string[]): { key: string; label: string }[] {
  return header.map((h) => {
    const m = /^(.*?)\s*[(（]\s*([^()（）]+?)\s*[)）]$/.exec(h.trim());
    return m ? { key: m[2], label: m[1] } : { key: h.trim(), label: '' };
  });
}

/** Header names compared as the server compares them: without case, spaces, `_`, `-` or `*`. */
const headerKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/[\s_\-*]/g, '');

/** The column key a file's header names (its key, its Chinese name, or the template's `name (key)`), or the header itself. */
export function keyOfHeader(columns: { key: string; label: string }[]) {
  const byName = new Map<string, string>();
  for (const c of columns) {
    byName.set(headerKey(c.key), c.key);
    if (c.label) byName.set(headerKey(c.label), c.key);
  }
  return (header: string) => {
    const direct = byName.get(headerKey(header));
    if (direct) return direct;
    const both = templateColumns([header])[0];
    return byName.get(headerKey(both.key)) ?? header;
  };
}
