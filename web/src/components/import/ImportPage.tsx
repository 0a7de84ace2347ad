import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
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

interface Chosen {
  name: string;
  text: string;
  encoding: 'utf-8' | 'gb18030';
  csv: CsvFile;
}

interface Refusal {
  message: string;
  problems: ImportProblem[];
  /** The file the report is about (the user may pick another one meanwhile). */
  file: Chosen;
}

/** The column labels of a resource's import: resources.<resource>.fields.<column>, the raw name when unknown. */
function useColumnLabel(resource: string) {
  const translate = useTranslate();
  return (column: string) => translate(`resources.${resource}.fields.${column}`, { _: column });
}

function TemplatePreview({ resource, template }: { resource: string; template: CsvFile | null }) {
  const label = useColumnLabel(resource);
  if (!template) return null;
  const example = template.rows.get(2) ?? [];
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxWidth: '100%' }}>
      <Table size="small" aria-label="template">
        <TableHead>
          <TableRow>
            {template.header.map((column) => (
              <TableCell key={column} sx={{ whiteSpace: 'nowrap' }}>
                <Typography variant="body2" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>{column}</Typography>
                <Typography variant="caption" color="text.secondary">{label(column)}</Typography>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            {template.header.map((column, i) => (
              <TableCell key={column} sx={{ whiteSpace: 'nowrap', color: 'text.secondary' }}>{example[i] ?? ''}</TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/**
 * The row-by-row report of a refused import: each problem with the row's own cells beside it (the
 * offending one marked), so the user can find and fix the row in their spreadsheet.
 */
export function ImportErrorTable({ resource, problems, file }: { resource: string; problems: ImportProblem[]; file: CsvFile | null }) {
  const translate = useTranslate();
  const label = useColumnLabel(resource);
  const header = file?.header ?? [];
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: 480 }}>
      <Table size="small" stickyHeader aria-label={translate('app.import.report')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.import.row')}</TableCell>
            <TableCell>{translate('app.import.field')}</TableCell>
            <TableCell>{translate('app.import.message')}</TableCell>
            {header.map((column) => (
              <TableCell key={column} sx={{ whiteSpace: 'nowrap', color: 'text.secondary' }}>{label(column)}</TableCell>
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
                    sx={column === problem.field ? { bgcolor: 'error.light', color: 'error.contrastText', fontWeight: 600, whiteSpace: 'nowrap' } : { whiteSpace: 'nowrap' }}
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
 * Bulk import of one kind of fact: the template to fill in, a CSV file (UTF-8, or GBK as Excel
 * saves it in China), and the server's all-or-none answer: how many were created, or every
 * problem row by row with the row's cells, to fix in the spreadsheet and import again.
 */
export function ImportPage({ resource }: { resource: string }) {
  const translate = useTranslate();
  const { canAccess, isPending } = useCanAccess({ resource, action: 'import' });
  if (isPending) return null;
  if (!canAccess) return <Alert severity="warning" sx={{ my: 2 }}>{translate('ra.page.access_denied', { _: 'Access denied' })}</Alert>;
  return <ImportForm resource={resource} />;
}

function ImportForm({ resource }: { resource: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [template, setTemplate] = useState<{ text: string; csv: CsvFile } | null>(null);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [uploading, setUploading] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const name = translate(`resources.${resource}.name`, { smart_count: 2 });

  useEffect(() => {
    let cancelled = false;
    httpClient(apiUrl(`/${resource}/import-template`), { headers: { Accept: 'text/csv' } })
      .then((res) => {
        if (!cancelled) setTemplate({ text: res.body, csv: readCsv(res.body) });
      })
      .catch((e: HttpError) => {
        if (!cancelled) setTemplateError(e.message);
      });
    return () => {
      cancelled = true;
    };
  }, [resource]);

  const downloadTemplate = () => {
    if (!template) return;
    // The server's template already starts with a byte-order mark.
    downloadCSV(template.text.replace(/^\ufeff/, BOM), `${resource}-template`);
  };

  const onFile = async (file: File | undefined) => {
    setRefusal(null);
    setFailure(null);
    if (!file) return;
    const { text, encoding } = await decodeCsvFile(file);
    setChosen({ name: file.name, text, encoding, csv: readCsv(text) });
  };

  const upload = async () => {
    if (!chosen) return;
    setUploading(true);
    setRefusal(null);
    setFailure(null);
    try {
      const res = await httpClient(apiUrl(`/${resource}/import`), {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv; charset=utf-8' },
        body: chosen.text,
      });
      const created = Number((res.json as { created?: number })?.created ?? 0);
      // Everything that counts these facts (lists, compliance, dashboard) is now out of date.
      await queryClient.invalidateQueries();
      notify('app.import.created', { type: 'success', messageArgs: { smart_count: created, count: created } });
      redirect('list', resource);
    } catch (e) {
      const error = e as HttpError;
      const problems = problemsOf(error.body);
      if (error.status === 400 && problems.length) setRefusal({ message: error.message, problems, file: chosen });
      else setFailure(error.message || translate('ra.notification.http_error'));
    } finally {
      setUploading(false);
    }
  };

  const refusedRows = refusal ? new Set(refusal.problems.filter((p) => p.row > 1).map((p) => p.row)).size : 0;

  return (
    <Box sx={{ py: 2 }}>
      <Title title={translate('app.import.title', { name })} />
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>{translate('app.import.title', { name })}</Typography>
        <Button component={Link} to={`/${resource}`} startIcon={<ArrowBackIcon />}>{translate('app.import.back')}</Button>
      </Stack>
      <Stack spacing={2}>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>{translate('app.import.step_template')}</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>{translate('app.import.template_help')}</Typography>
            {templateError ? <Alert severity="error" sx={{ mb: 1.5 }}>{templateError}</Alert> : null}
            <TemplatePreview resource={resource} template={template?.csv ?? null} />
            <Button sx={{ mt: 1.5 }} variant="outlined" startIcon={<DownloadIcon />} onClick={downloadTemplate} disabled={!template}>
              {translate('app.import.download_template')}
            </Button>
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
                  accept=".csv,text/csv"
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
                  <Chip size="small" label={translate('app.import.rows_in_file', { smart_count: chosen.csv.count, count: chosen.csv.count })} />
                  {chosen.encoding === 'gb18030' ? <Chip size="small" color="info" variant="outlined" label={translate('app.import.read_as_gbk')} /> : null}
                </Stack>
              ) : (
                <Typography variant="body2" color="text.secondary">{translate('app.import.no_file')}</Typography>
              )}
            </Stack>
            <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
              <Button variant="contained" onClick={upload} disabled={!chosen || uploading || chosen.csv.count === 0} startIcon={<UploadFileIcon />}>
                {translate('app.import.submit')}
              </Button>
              <Typography variant="body2" color="text.secondary">{translate('app.import.all_or_none')}</Typography>
            </Stack>
            {uploading ? <LinearProgress sx={{ mt: 2 }} /> : null}
            {chosen && chosen.csv.count === 0 ? <Alert severity="warning" sx={{ mt: 2 }}>{translate('app.import.problem.empty')}</Alert> : null}
            {failure ? <Alert severity="error" sx={{ mt: 2 }}>{failure}</Alert> : null}
          </CardContent>
        </Card>
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
              <ImportErrorTable resource={resource} problems={refusal.problems} file={refusal.file.csv} />
            </CardContent>
          </Card>
        ) : null}
      </Stack>
    </Box>
  );
}

export default ImportPage;
