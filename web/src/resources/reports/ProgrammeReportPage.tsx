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
import { kpiNames, tiers, todayInChina, type ProgrammeReport, type ReportTier } from '@campus/common';
import { ChartWithTable } from '../../components/charts/ChartWithTable';
import { formatCalendarDate, formatNumber } from '../../components/dates';
import { parseProblem } from '../../components/problem/parse-problem';
import { ProblemAlert } from '../../components/problem/ProblemAlert';
import { useTranslateProblem } from '../../components/problem/translate-problem';
import { DownloadError, downloadReport, useProgrammeReport } from './report-api';

type Kind = 'text' | 'count' | 'share';
interface Column { label: string; kind: Kind }
type Cell = string | number | null;

const sum = <T,>(rows: T[], pick: (r: T) => number) => rows.reduce((n, r) => n + pick(r), 0);
const ratio = (a: number, b: number) => (b ? a / b : null);
const tierOrder = (t: ReportTier) => (t === 'none' ? tiers.length : tiers.indexOf(t));
const orange = '#b33f00';
const grey = '#5a6b7b';

/** The years offered: this year (so far) and the nine before it, the latest first. */
function yearsOffered(): number[] {
  const now = Number(todayInChina().slice(0, 4));
  return Array.from({ length: 10 }, (_, i) => now - i);
}

/** A table of the report with its total row; counts with separators, shares as percentages, nothing as a dash. */
function ReportTable({ title, columns, rows, total, testId }: { title: string; columns: Column[]; rows: Cell[][]; total: Cell[]; testId: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const show = (v: Cell, kind: Kind) => {
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
                <TableRow>{columns.map((c, i) => <TableCell key={i} scope="col" align={c.kind === 'text' ? 'left' : 'right'}>{c.label}</TableCell>)}</TableRow>
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

/** The report's charts and tables: the server's numbers as they come (totals are the rows' sums). */
function ReportBody({ report }: { report: ProgrammeReport }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const t = (key: string) => translate(`app.report.${key}`);
  const regionName = (id: number) => {
    const r = report.regions.find((g) => g.id === id);
    return r ? (locale === 'en' ? r.nameEn : r.nameZh) : String(id);
  };
  const tierName = (tier: ReportTier) => (tier === 'none' ? t('none') : translate(`app.tier.${tier}`));
  const regionOrder = new Map(report.regions.map((r, i) => [r.id, i]));
  const sorted = <T extends { regionId: number; tier: ReportTier }>(rows: T[]) =>
    [...rows].sort((a, b) => (regionOrder.get(a.regionId) ?? 1e9) - (regionOrder.get(b.regionId) ?? 1e9) || tierOrder(a.tier) - tierOrder(b.tier));
  const head = (r: { regionId: number; tier: ReportTier }): Cell[] => [regionName(r.regionId), tierName(r.tier)];
  const text = (key: string): Column => ({ label: t(key), kind: 'text' });
  const count = (key: string): Column => ({ label: t(`cols.${key}`), kind: 'count' });
  const share = (key: string): Column => ({ label: t(`cols.${key}`), kind: 'share' });
  const byRegion = [text('region'), text('tier')];
  const totalHead: Cell[] = [t('total'), ''];
  const decisionKeys = ['rectificationsOpened', 'rectificationsClosed', 'renewals', 'upgrades', 'terminations', 'nonRenewals'] as const;
  const certKeys = ['verified1x', 'claimed1x', 'verifiedOperator', 'claimedOperator'] as const;
  const agreements = sorted(report.agreements);
  const compliance = sorted(report.compliance);
  const certificates = sorted(report.certificates);
  const candidates = sorted(report.candidates);
  const jobPlatform = sorted(report.jobPlatform);
  const decisions = sorted(report.decisions);
  const perRegion = <T extends { regionId: number }>(rows: T[], pick: (r: T) => number) => report.regions.map((g) => sum(rows.filter((r) => r.regionId === g.id), pick));
  const rowsByRegion = perRegion(compliance, (r) => r.rows);
  const okByRegion = perRegion(compliance, (r) => r.compliant);
  const verifiedByRegion = perRegion(certificates, (r) => r.verified1x + r.verifiedOperator);
  const claimedByRegion = perRegion(certificates, (r) => r.claimed1x + r.claimedOperator);
  const sessionState = (s: string) => translate(`app.report.session_state.${s}`, { _: s });

  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
        <ReportChart testId="chart-compliance-rate" title={t('charts.complianceRate')} unit="share"
          data={report.regions.map((g, i) => ({ name: regionName(g.id), rate: ratio(okByRegion[i], rowsByRegion[i]) }))}
          series={[{ key: 'rate', name: t('cols.rate'), fill: orange }]} />
        <ReportChart testId="chart-failing-kpis" title={t('charts.failingKpis')} unit="count"
          data={kpiNames.map((k) => ({ name: translate(`app.kpi.${k}`), rows: sum(compliance, (r) => r.failing[k]) }))}
          series={[{ key: 'rows', name: t('cols.rows'), fill: orange }]} />
        <ReportChart testId="chart-certificates" title={t('charts.certificates')} unit="count"
          data={report.regions.map((g, i) => ({ name: regionName(g.id), verified: verifiedByRegion[i], claimed: claimedByRegion[i] }))}
          series={[{ key: 'verified', name: t('charts.verified'), fill: orange }, { key: 'claimed', name: t('charts.claimed'), fill: grey }]} />
        <ReportChart testId="chart-pass-rate" title={t('charts.passRate')} unit="share"
          data={report.sessions.map((s) => ({ name: `${s.title} (${formatCalendarDate(s.examOn, locale)})`, passRate: s.passRate }))}
          series={[{ key: 'passRate', name: t('cols.passRate'), fill: orange }]} />
        <ReportChart testId="chart-decisions" title={t('charts.decisions')} unit="count"
          data={decisionKeys.map((k) => ({ name: t(`cols.${k}`), count: sum(decisions, (r) => r[k]) }))}
          series={[{ key: 'count', name: t('charts.count'), fill: orange }]} />
      </Box>
      <ReportTable testId="table-agreements" title={t('tables.agreements')}
        columns={[...byRegion, text('status'), count('agreements'), count('schools')]}
        rows={agreements.map((r) => [...head(r), translate(`app.state.${r.status}`, { _: r.status }), r.agreements, r.schools])}
        total={[...totalHead, '', sum(agreements, (r) => r.agreements), sum(agreements, (r) => r.schools)]} />
      <ReportTable testId="table-compliance" title={t('tables.compliance')}
        columns={[...byRegion, count('rows'), count('compliant'), share('rate'), ...kpiNames.map((k): Column => ({ label: `${t('cols.failing')}: ${translate(`app.kpi.${k}`)}`, kind: 'count' }))]}
        rows={compliance.map((r) => [...head(r), r.rows, r.compliant, r.rate, ...kpiNames.map((k) => r.failing[k])])}
        total={[...totalHead, sum(compliance, (r) => r.rows), sum(compliance, (r) => r.compliant), ratio(sum(compliance, (r) => r.compliant), sum(compliance, (r) => r.rows)),
          ...kpiNames.map((k) => sum(compliance, (r) => r.failing[k]))]} />
      <ReportTable testId="table-certificates" title={t('tables.certificates')}
        columns={[...byRegion, ...certKeys.map((k) => count(k))]}
        rows={certificates.map((r) => [...head(r), ...certKeys.map((k) => r[k])])}
        total={[...totalHead, ...certKeys.map((k) => sum(certificates, (r) => r[k]))]} />
      <ReportTable testId="table-sessions" title={t('tables.sessions')}
        columns={[{ label: t('cols.session'), kind: 'text' }, { label: t('cols.kind'), kind: 'text' }, { label: t('cols.sessionType'), kind: 'text' }, { label: t('cols.examOn'), kind: 'text' },
          text('status'), count('candidates'), count('sat'), count('passed'), count('absent'), share('passRate')]}
        rows={report.sessions.map((s) => [s.title, translate(`app.report.kind.${s.kind}`, { _: s.kind }), translate(`app.report.session_type.${s.sessionType}`, { _: s.sessionType }),
          formatCalendarDate(s.examOn, locale), sessionState(s.status), s.candidates, s.sat, s.passed, s.absent, s.passRate])}
        total={[t('total'), '', '', '', '', sum(report.sessions, (s) => s.candidates), sum(report.sessions, (s) => s.sat), sum(report.sessions, (s) => s.passed),
          sum(report.sessions, (s) => s.absent), ratio(sum(report.sessions, (s) => s.passed), sum(report.sessions, (s) => s.sat))]} />
      <ReportTable testId="table-candidates" title={t('tables.candidates')}
        columns={[...byRegion, count('candidates'), count('sat'), count('passed'), count('absent'), share('passRate')]}
        rows={candidates.map((r) => [...head(r), r.candidates, r.sat, r.passed, r.absent, r.passRate])}
        total={[...totalHead, sum(candidates, (r) => r.candidates), sum(candidates, (r) => r.sat), sum(candidates, (r) => r.passed), sum(candidates, (r) => r.absent),
          ratio(sum(candidates, (r) => r.passed), sum(candidates, (r) => r.sat))]} />
      <ReportTable testId="table-job-platform" title={t('tables.jobPlatform')}
        columns={[...byRegion, count('certifiedStudents'), count('activeRegistered'), share('activeRate')]}
        rows={jobPlatform.map((r) => [...head(r), r.certifiedStudents, r.activeRegistered, r.rate])}
        total={[...totalHead, sum(jobPlatform, (r) => r.certifiedStudents), sum(jobPlatform, (r) => r.activeRegistered),
          ratio(sum(jobPlatform, (r) => r.activeRegistered), sum(jobPlatform, (r) => r.certifiedStudents))]} />
      <ReportTable testId="table-decisions" title={t('tables.decisions')}
        columns={[...byRegion, ...decisionKeys.map((k) => count(k))]}
        rows={decisions.map((r) => [...head(r), ...decisionKeys.map((k) => r[k])])}
        total={[...totalHead, ...decisionKeys.map((k) => sum(decisions, (r) => r[k]))]} />
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
