import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Title, downloadCSV, useCanAccess, useNotify, useRedirect, useTranslate, type HttpError } from 'react-admin';
import { httpClient } from '../../providers/httpClient';
import { apiUrl } from '../../providers/dataProvider';
import { BOM, toCsv } from '../exporter';
import { decodeCsvFile, readCsv, type CsvFile } from './csv';
import { problemText, problemsOf, type ImportProblem } from './problems';
import { downloadTemplate, dryRunImport, isXlsx, keyOfHeader, problemsOfDryRun, runImport, templateColumns, type DryRun, type ImportBody } from './importApi';
import { ImportPreview } from './ImportPreview';

interface Chosen {
  name: string;
  file: ImportBody;
  encoding?: 'utf-8' | 'gb18030';
  /** The CSV as read here (to show a refused row's cells); null for a workbook, read by the server only. */
  csv: CsvFile | null;
}

type Columns = { key: string; label: string; values?: string }[];

interface Refusal {
  message: string;
  problems: ImportProblem[];
  /** The file the report is about (the user may pick another one meanwhile). */
  file: Chosen;
}

/**
 * The template's columns, with the allowed values of those that have them: the server's CSV
 * template lists them on its second row, which starts with `#` (`# 可选值 Allowed: 毕业 (graduated); …`).
 */
function withAllowedValues(csv: CsvFile): Columns {
  const columns: Columns = templateColumns(csv.header);
  const allowed = csv.rows.get(2);
  if (!allowed?.[0]?.startsWith('#')) return columns;
  return columns.map((c, i) => {
    const cell = i === 0 ? (/:\s*(.+)$/.exec(allowed[0])?.[1] ?? '') : allowed[i] ?? '';
    return cell.trim() ? { ...c, values: cell.trim() } : c;
  });
}

/** The column labels of a resource's import: resources.<resource>.fields.<column>, the raw name when unknown. */
function useColumnLabel(resource: string) {
  const translate = useTranslate();
  return (column: string) => translate(`resources.${resource}.fields.${column}`, { _: column });
}

/** The template's columns: each key with its name in the UI's language (the server's Chinese name when the UI has none). */
function TemplatePreview({ resource, columns }: { resource: string; columns: Columns | null }) {
  const translate = useTranslate();
  if (!columns) return null;
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxWidth: '100%' }}>
      <Table size="small" aria-label="template">
        <TableHead>
          <TableRow>
            {columns.map((column) => (
              <TableCell key={column.key} sx={{ whiteSpace: 'nowrap' }}>
                <Typography variant="body2" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>{column.key}</Typography>
                <Typography variant="caption" color="text.secondary">{translate(`resources.${resource}.fields.${column.key}`, { _: column.label || column.key })}</Typography>
                {column.values ? <Typography variant="caption" component="p" color="text.secondary" sx={{ whiteSpace: 'normal', maxWidth: 320 }} data-testid={`allowed-${column.key}`}>{column.values}</Typography> : null}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
      </Table>
    </TableContainer>
  );
}

/**
 * The row-by-row report of a refused import: each problem with the row's own cells beside it (the
 * offending one marked), so the user can find and fix the row in their spreadsheet.
 */
export function ImportErrorTable({ resource, problems, file, columns }: { resource: string; problems: ImportProblem[]; file: CsvFile | null; columns?: Columns | null }) {
  const translate = useTranslate();
  const label = useColumnLabel(resource);
  const header = file?.header ?? [];
  // A file's header may name a column in Chinese; the server names it by its key.
  const keyOf = keyOfHeader(columns ?? []);
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: 480 }}>
      <Table size="small" stickyHeader aria-label={translate('app.import.report')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.import.row')}</TableCell>
            <TableCell>{translate('app.import.field')}</TableCell>
            <TableCell>{translate('app.import.message')}</TableCell>
            {header.map((column) => (
              <TableCell key={column} sx={{ whiteSpace: 'nowrap', color: 'text.secondary' }}>{label(keyOf(column))}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {problems.map((problem, index) => {
            const cells = file?.rows.get(problem.row);
            return (
              <TableRow key={index} hover>
                <TableCell sx={{ fontWeight: 600 }}>{problem.row > 0 ? problem.row : translate('app.import.whole_file')}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{problem.field && problem.field !== 'file' && problem.field !== 'row' ? label(problem.field) : '—'}</TableCell>
                <TableCell sx={{ color: 'error.main', minWidth: 200 }}>
                  <Tooltip title={problem.message}><span>{problemText(problem, translate)}</span></Tooltip>
                </TableCell>
                {header.map((column, i) => (
                  <TableCell
                    key={column}
                    sx={keyOf(column) === problem.field ? { bgcolor: 'error.light', color: 'error.contrastText', fontWeight: 600, whiteSpace: 'nowrap' } : { whiteSpace: 'nowrap' }}
                  >
                    {problem.row > 1 ? cells?.[i] ?? '' : ''}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** The report as a CSV: row, column, problem, then the row's cells as the user wrote them. */
export function reportCsv(problems: ImportProblem[], file: CsvFile | null, translate: (key: string, options?: Record<string, unknown>) => string): string {
  const header = file?.header ?? [];
  const rows = problems.map((p) => [p.row, p.field, problemText(p, translate), ...header.map((_, i) => (p.row > 1 ? file?.rows.get(p.row)?.[i] ?? '' : ''))]);
  return BOM + toCsv([[translate('app.import.row'), translate('app.import.field'), translate('app.import.message'), ...header], ...rows]);
}

/**
 * Bulk import of one resource (facts, schools, agreements, accounts…) on the server's import kit:
 * the template to fill in (Excel or CSV, Chinese or English headers), a file (.xlsx, or CSV in
 * UTF-8 or GBK as Excel saves it in China), a dry run that previews what the file would do (rows
 * to create, update, leave, and every problem row by row) and, when every row is right, the import
 * itself, all or none. `upsert` offers updating existing records by their key (resources whose
 * import supports it). `under` serves an import under one record (a session's results: the API's
 * `exam-sessions/12/results`, back to `/exam-sessions/12/show`); `resource` still names it and decides who may.
 */
export interface ImportUnder {
  /** The API path of the import, without /api and /import: `exam-sessions/12/results`. */
  path: string;
  /** The page the screen leads back to, also after the import. */
  back: string;
}

export function ImportPage({ resource, upsert = false, under }: { resource: string; upsert?: boolean; under?: ImportUnder }) {
  const translate = useTranslate();
  const { canAccess, isPending } = useCanAccess({ resource, action: 'import' });
  if (isPending) return null;
  if (!canAccess) return <Alert severity="warning" sx={{ my: 2 }}>{translate('ra.page.access_denied', { _: 'Access denied' })}</Alert>;
  return <ImportForm resource={resource} upsert={upsert} under={under} />;
}

function ImportForm({ resource, upsert: canUpsert, under }: { resource: string; upsert: boolean; under?: ImportUnder }) {
  const path = under?.path ?? resource;
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [columns, setColumns] = useState<Columns | null>(null);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [upsert, setUpsert] = useState(false);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ dry: DryRun; file: Chosen } | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const name = translate(`resources.${resource}.name`, { smart_count: 2 });

  useEffect(() => {
    let cancelled = false;
    httpClient(apiUrl(`/${path}/import/template?format=csv`), { headers: { Accept: 'text/csv' } })
      .then((res) => {
        if (!cancelled) setColumns(withAllowedValues(readCsv(res.body)));
      })
      .catch((e: HttpError) => {
        if (!cancelled) setTemplateError(e.message);
      });
    return () => {
      cancelled = true;
    };
  }, [path]);

  const download = (format: 'csv' | 'xlsx') => {
    downloadTemplate(path, format).catch((e: Error) => notify(e.message || 'ra.notification.http_error', { type: 'error' }));
  };

  const reset = () => {
    setPreview(null);
    setRefusal(null);
    setFailure(null);
  };

  const onFile = async (file: File | undefined) => {
    reset();
    if (!file) return;
    if (isXlsx(file)) {
      // The bytes as they are (a File read once here, so that a later change on disk cannot swap it between the dry run and the import).
      setChosen({ name: file.name, file: { kind: 'xlsx', body: await file.arrayBuffer() }, csv: null });
      return;
    }
    const { text, encoding } = await decodeCsvFile(file);
    setChosen({ name: file.name, file: { kind: 'csv', body: text }, encoding, csv: readCsv(text) });
  };

  const refused = (e: unknown, file: Chosen) => {
    const error = e as HttpError;
    const problems = problemsOf(error.body);
    if (error.status === 400 && problems.length) setRefusal({ message: error.message, problems, file });
    else setFailure(error.message || translate('ra.notification.http_error'));
  };

  /** Step 1: the dry run, nothing changed. */
  const check = async () => {
    if (!chosen) return;
    setBusy(true);
    reset();
    try {
      setPreview({ dry: await dryRunImport(path, chosen.file, upsert), file: chosen });
    } catch (e) {
      refused(e, chosen);
    } finally {
      setBusy(false);
    }
  };

  /** Step 2: the import itself, once the preview has no problem. */
  const commit = async () => {
    if (!preview) return;
    const { file } = preview;
    setBusy(true);
    setRefusal(null);
    setFailure(null);
    try {
      const done = await runImport(path, file.file, upsert);
      // Everything that counts these records (lists, compliance, dashboard) is now out of date.
      await queryClient.invalidateQueries();
      if (upsert) notify('app.import.done_upsert', { type: 'success', messageArgs: { created: done.created ?? 0, updated: done.updated ?? 0, unchanged: done.unchanged ?? 0 } });
      else notify('app.import.created', { type: 'success', messageArgs: { smart_count: done.created ?? 0, count: done.created ?? 0 } });
      // The list newest first, so that the rows just created are the first ones in view.
      if (under) redirect(under.back);
      else if (done.created) redirect(`/${resource}?${new URLSearchParams({ sort: 'id', order: 'DESC', page: '1', filter: '{}' })}`);
      else redirect('list', resource);
    } catch (e) {
      setPreview(null);
      refused(e, file);
    } finally {
      setBusy(false);
    }
  };

  const refusedRows = refusal ? new Set(refusal.problems.filter((p) => p.row > 1).map((p) => p.row)).size : 0;
  const empty = chosen?.csv ? chosen.csv.count === 0 : false;

  return (
    <Box sx={{ py: 2 }}>
      <Title title={translate('app.import.title', { name })} />
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>{translate('app.import.title', { name })}</Typography>
        <Button component={Link} to={under?.back ?? `/${resource}`} startIcon={<ArrowBackIcon />}>{translate(under ? 'app.import.back_under' : 'app.import.back')}</Button>
      </Stack>
      <Stack spacing={2}>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>{translate('app.import.step_template')}</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>{translate('app.import.template_help')}</Typography>
            {templateError ? <Alert severity="error" sx={{ mb: 1.5 }}>{templateError}</Alert> : null}
            <TemplatePreview resource={resource} columns={columns} />
            <Stack direction="row" spacing={1.5} sx={{ mt: 1.5 }}>
              <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => download('xlsx')} disabled={!columns}>
                {translate('app.import.download_template')}
              </Button>
              <Button startIcon={<DownloadIcon />} onClick={() => download('csv')} disabled={!columns}>
                {translate('app.import.download_template_csv')}
              </Button>
            </Stack>
          </CardContent>
        </Card>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>{translate('app.import.step_file')}</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>{translate('app.import.file_help')}</Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
              <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
                {translate(chosen ? 'app.import.choose_other' : 'app.import.choose_file')}
                <input
                  ref={input}
                  hidden
                  type="file"
                  name="file"
                  accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  data-testid="import-file"
                  onChange={(e) => {
                    void onFile(e.target.files?.[0]);
                    // Picking the same file again (after fixing it) must fire onChange again.
                    e.target.value = '';
                  }}
                />
              </Button>
              {chosen ? (
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>{chosen.name}</Typography>
                  {chosen.csv ? <Chip size="small" label={translate('app.import.rows_in_file', { smart_count: chosen.csv.count, count: chosen.csv.count })} /> : <Chip size="small" label={translate('app.import.workbook')} />}
                  {chosen.encoding === 'gb18030' ? <Chip size="small" color="info" variant="outlined" label={translate('app.import.read_as_gbk')} /> : null}
                </Stack>
              ) : (
                <Typography variant="body2" color="text.secondary">{translate('app.import.no_file')}</Typography>
              )}
            </Stack>
            {canUpsert ? (
              <FormControlLabel
                sx={{ mt: 1.5 }}
                control={<Switch checked={upsert} onChange={(e) => { setUpsert(e.target.checked); reset(); }} />}
                label={translate('app.import.upsert')}
              />
            ) : null}
            <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
              <Button variant="contained" onClick={check} disabled={!chosen || busy || empty} startIcon={<UploadFileIcon />}>
                {translate('app.import.check')}
              </Button>
              <Typography variant="body2" color="text.secondary">{translate('app.import.all_or_none')}</Typography>
            </Stack>
            {busy ? <LinearProgress sx={{ mt: 2 }} /> : null}
            {empty ? <Alert severity="warning" sx={{ mt: 2 }}>{translate('app.import.problem.empty')}</Alert> : null}
            {failure ? <Alert severity="error" sx={{ mt: 2 }}>{failure}</Alert> : null}
          </CardContent>
        </Card>
        {preview ? (
          <ImportPreview
            dry={preview.dry}
            upsert={upsert}
            busy={busy}
            onImport={commit}
            report={<ImportErrorTable resource={resource} problems={problemsOfDryRun(preview.dry)} file={preview.file.csv} columns={columns} />}
            onDownloadReport={() => downloadCSV(reportCsv(problemsOfDryRun(preview.dry), preview.file.csv, translate), `${resource}-import-report`)}
            label={(key) => translate(`resources.${resource}.fields.${key}`, { _: columns?.find((c) => c.key === key)?.label || key })}
          />
        ) : null}
        {refusal ? (
          <Card variant="outlined" sx={{ borderColor: 'error.main' }} data-testid="import-report">
            <CardContent>
              <Alert
                severity="error"
                sx={{ mb: 2 }}
                action={
                  <Button color="inherit" size="small" startIcon={<DownloadIcon />} onClick={() => downloadCSV(reportCsv(refusal.problems, refusal.file.csv, translate), `${resource}-import-report`)}>
                    {translate('app.import.download_report')}
                  </Button>
                }
              >
                <AlertTitle>{translate('app.import.refused', { smart_count: refusedRows || refusal.problems.length, count: refusedRows || refusal.problems.length })}</AlertTitle>
                {translate('app.import.refused_help')}
                <Typography variant="caption" component="p" sx={{ mt: 0.5, opacity: 0.8 }}>{refusal.message}</Typography>
              </Alert>
              <ImportErrorTable resource={resource} problems={refusal.problems} file={refusal.file.csv} columns={columns} />
            </CardContent>
          </Card>
        ) : null}
      </Stack>
    </Box>
  );
}

export default ImportPage;
