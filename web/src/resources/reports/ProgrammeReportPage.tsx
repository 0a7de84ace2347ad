import { useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { reportCertificateKeys, reportDecisionKeys, reportTables, todayInChina, type ProgrammeReport, type ReportCell, type ReportColumn, type ReportLabels } from '@campus/common';
import { ChartWithTable } from '../../components/charts/ChartWithTable';
import { formatCalendarDate, formatNumber } from '../../components/dates';
import { parseProblem } from '../../components/problem/parse-problem';
import { ProblemAlert } from '../../components/problem/ProblemAlert';
import { useTranslateProblem } from '../../components/problem/translate-problem';
import { DownloadError, downloadReport, useProgrammeReport } from './report-api';

type Kind = ReportColumn['kind'];
const orange = '#b33f00';
const grey = '#5a6b7b';

/** The years offered: this year (so far) and the nine before it, the latest first. */
function yearsOffered(): number[] {
  const now = Number(todayInChina().slice(0, 4));
  return Array.from({ length: 10 }, (_, i) => now - i);
}

/** A table of the report with its total row; counts with separators, shares as percentages, nothing as a dash. */
function ReportTable({ title, columns, rows, total, testId }: { title: string; columns: ReportColumn[]; rows: ReportCell[][]; total: ReportCell[]; testId: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const show = (v: ReportCell, kind: Kind) => {
    if (v === null || v === '') return kind === 'text' ? '' : '–';
    if (typeof v === 'string') return v;
    return kind === 'share' ? `${formatNumber(v * 100, locale, 1)}%` : formatNumber(v, locale);
  };
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid={testId}>
      <CardContent>
        <Typography component="h2" variant="h6" gutterBottom>{title}</Typography>
        {rows.length ? (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small">
              <TableHead>
                <TableRow>{columns.map((c, i) => <TableCell key={i} scope="col" align={c.kind === 'text' ? 'left' : 'right'}>{c.header}</TableCell>)}</TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row, r) => (
                  <TableRow key={r}>
                    {row.map((v, i) => <TableCell key={i} align={columns[i].kind === 'text' ? 'left' : 'right'}>{show(v, columns[i].kind)}</TableCell>)}
                  </TableRow>
                ))}
                <TableRow data-testid="total-row">
                  {total.map((v, i) => <TableCell key={i} align={columns[i].kind === 'text' ? 'left' : 'right'} sx={{ fontWeight: 'bold' }}>{show(v, columns[i].kind)}</TableCell>)}
                </TableRow>
              </TableBody>
            </Table>
          </Box>
        ) : <Typography color="text.secondary">{translate('app.report.empty')}</Typography>}
      </CardContent>
    </Card>
  );
}

/** A bar chart of the report (categories down the side), with its numbers as a table one button away. */
function ReportChart({ title, unit, data, series, testId }: {
  title: string; unit: 'count' | 'share'; data: ({ name: string } & Record<string, number | string | null>)[];
  series: { key: string; name: string; fill: string }[]; testId: string;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const label = (v: unknown) => (v === null || v === undefined ? '' : unit === 'share' ? `${formatNumber(Number(v) * 100, locale, 1)}%` : formatNumber(Number(v), locale));
  return (
    <Card variant="outlined" sx={{ flex: '1 1 420px', minWidth: 0 }}>
      <CardContent>
        <Typography component="h2" variant="subtitle1" gutterBottom>{title}</Typography>
        {data.length ? (
          <ChartWithTable
            title={title}
            rows={data}
            rowKey={(r, i) => `${r.name}-${i}`}
            columns={[{ label: title, value: (r) => r.name }, ...series.map((s) => ({ label: s.name, value: (r: (typeof data)[number]) => label(r[s.key]) }))]}
            testId={testId}
          >
            <ResponsiveContainer width="100%" height={Math.max(160, data.length * (28 + 14 * series.length))}>
              <BarChart data={data} layout="vertical" margin={{ top: 8, right: 48, bottom: 0, left: 8 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" domain={unit === 'share' ? [0, 1] : [0, 'auto']} tickFormatter={label} allowDecimals={unit === 'share'} />
                <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 12 }} interval={0} />
                <Tooltip formatter={(v) => label(v)} />
                {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
                {series.map((s) => (
                  <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.fill} isAnimationActive={false}>
                    <LabelList dataKey={s.key} position="right" fontSize={11} formatter={label} />
                  </Bar>
                ))}
              </BarChart>
            </ResponsiveContainer>
          </ChartWithTable>
        ) : <Typography color="text.secondary">{translate('app.report.empty')}</Typography>}
      </CardContent>
    </Card>
  );
}

const chartColours = [orange, grey];
const testIdOf = (kind: 'table' | 'chart', key: string) => `${kind}-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * The report's charts and tables as the shared builder makes them (@campus/common reportTables: the same tables and
 * totals as the server's .xlsx and PDF), in the UI's words.
 */
function ReportBody({ report }: { report: ProgrammeReport }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const t = (key: string) => translate(`app.report.${key}`);
  const group = <K extends string>(prefix: string, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, t(`${prefix}.${k}`)])) as Record<K, string>;
  const labels: ReportLabels = {
    total: t('total'), region: t('region'), tier: t('tier'), status: t('status'),
    tables: group('tables', ['agreements', 'compliance', 'certificates', 'sessions', 'candidates', 'jobPlatform', 'decisions']),
    cols: group('cols', ['agreements', 'schools', 'rows', 'compliant', 'rate', ...reportCertificateKeys, 'session', 'kind', 'sessionType', 'examOn',
      'candidates', 'sat', 'passed', 'absent', 'passRate', 'certifiedStudents', 'activeRegistered', 'activeRate', ...reportDecisionKeys]),
    charts: { ...group('charts', ['complianceRate', 'failingKpis', 'certificates', 'passRate', 'decisions', 'verified', 'claimed']), value: t('charts.count') },
    kpi: (k) => translate(`app.kpi.${k}`),
    failing: (k) => `${t('cols.failing')}: ${translate(`app.kpi.${k}`)}`,
    regionName: (r) => (locale === 'en' ? r.nameEn : r.nameZh),
    tierName: (tier) => (tier === 'none' ? t('none') : translate(`app.tier.${tier}`)),
    agreementState: (s) => translate(`app.state.${s}`, { _: s }),
    sessionState: (s) => translate(`app.report.session_state.${s}`, { _: s }),
    kind: (k) => translate(`app.report.kind.${k}`, { _: k }),
    sessionType: (type) => translate(`app.report.session_type.${type}`, { _: type }),
    date: (iso) => formatCalendarDate(iso, locale),
  };
  const { tables, charts } = reportTables(report, labels);
  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
        {charts.map((c) => (
          <ReportChart key={c.key} testId={testIdOf('chart', c.key)} title={c.title} unit={c.unit}
            data={c.categories.map((name, i) => ({ name, ...Object.fromEntries(c.series.map((s, j) => [`s${j}`, s.values[i]])) }))}
            series={c.series.map((s, j) => ({ key: `s${j}`, name: s.name, fill: chartColours[j % chartColours.length] }))} />
        ))}
      </Box>
      {tables.map((table) => (
        <ReportTable key={table.key} testId={testIdOf('table', table.key)} title={table.title} columns={table.columns} rows={table.rows} total={table.total} />
      ))}
    </>
  );
}

/**
 * HQ's annual programme report (年度报告), for HQ and regional staff (their regions): pick a year, read its charts and
 * tables, download it as .xlsx (a sheet per table and chart) or PDF (printed by the server), in the UI's language.
 */
export function ProgrammeReportPage() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const say = useTranslateProblem();
  const years = yearsOffered();
  const [year, setYear] = useState(years[1]);
  const { data, error, isPending } = useProgrammeReport(year);
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const [downloadProblem, setDownloadProblem] = useState<string | null>(null);
  const download = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    setDownloadProblem(null);
    try {
      await downloadReport(year, format, locale);
    } catch (e) {
      setDownloadProblem(e instanceof DownloadError && e.body?.code ? say(e.body) : (e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  let body: ReactNode = null;
  if (error) body = <ProblemAlert problem={parseProblem(error)} />;
  else if (isPending) body = <CircularProgress aria-label={translate('ra.page.loading')} />;
  else if (data) body = <ReportBody report={data} />;
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Title title={translate('app.report.title')} />
      <Typography component="h1" variant="h5" gutterBottom>{`${translate('app.report.title')} ${year}`}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate('app.report.intro')}</Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}>
        <TextField select size="small" label={translate('app.report.year')} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ minWidth: 120 }} id="report-year">
          {years.map((y) => <MenuItem key={y} value={y}>{y}</MenuItem>)}
        </TextField>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => download('xlsx')} disabled={busy !== null}>
          {translate('app.report.download_xlsx')}
        </Button>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => download('pdf')} disabled={busy !== null}>
          {translate('app.report.download_pdf')}
        </Button>
        {busy ? <Typography role="status" variant="body2">{translate('app.report.downloading')}</Typography> : null}
      </Box>
      {downloadProblem ? <Alert severity="error" role="alert" sx={{ mb: 2 }}>{`${translate('app.report.download_failed')}: ${downloadProblem}`}</Alert> : null}
      {data && data.asOf < data.to ? <Alert severity="info" sx={{ mb: 2 }}>{translate('app.report.running', { date: formatCalendarDate(data.asOf, locale) })}</Alert> : null}
      {body}
    </Box>
  );
}
