import { kpiNames, type KpiName } from '../kpi/kpi-names.js';
import { tiers } from '../vocabulary.js';
import type { ProgrammeReport, ReportRegion, ReportTier } from '../api/programme-report.js';

/** A cell: text, a count, or a share (0..1, shown as a percentage; null when there is nothing to divide by). */
export type ReportCell = string | number | null;
export interface ReportColumn { header: string; kind: 'text' | 'count' | 'share' }
export type ReportTableKey = 'agreements' | 'compliance' | 'certificates' | 'sessions' | 'candidates' | 'jobPlatform' | 'decisions';
/** One table of the report: its rows in the order of the regions, then of the tiers, and its total row. */
export interface ReportTable { key: ReportTableKey; title: string; columns: ReportColumn[]; rows: ReportCell[][]; total: ReportCell[] }
export type ReportChartKey = 'complianceRate' | 'failingKpis' | 'certificates' | 'passRate' | 'decisions';
/** A bar chart's numbers: one value per category and series. */
export interface ReportChart { key: ReportChartKey; title: string; unit: 'count' | 'share'; categories: string[]; series: { name: string; values: (number | null)[] }[] }

export const reportDecisionKeys = ['rectificationsOpened', 'rectificationsClosed', 'renewals', 'upgrades', 'terminations', 'nonRenewals'] as const;
export const reportCertificateKeys = ['verified1x', 'claimed1x', 'verifiedOperator', 'claimedOperator'] as const;
type ColumnKey =
  | 'agreements' | 'schools' | 'rows' | 'compliant' | 'rate' | (typeof reportCertificateKeys)[number]
  | 'session' | 'kind' | 'sessionType' | 'examOn' | 'candidates' | 'sat' | 'passed' | 'absent' | 'passRate'
  | 'certifiedStudents' | 'activeRegistered' | 'activeRate' | (typeof reportDecisionKeys)[number];

/** The words a side shows the report in (the server's files, the web's page), and how it writes names and dates. */
export interface ReportLabels {
  total: string;
  region: string;
  tier: string;
  status: string;
  tables: Record<ReportTableKey, string>;
  cols: Record<ColumnKey, string>;
  charts: Record<ReportChartKey | 'verified' | 'claimed' | 'value', string>;
  /** A KPI's name, and the header of the column counting the rows that fail it. */
  kpi(name: KpiName): string;
  failing(name: KpiName): string;
  regionName(region: ReportRegion): string;
  tierName(tier: ReportTier): string;
  agreementState(state: string): string;
  sessionState(state: string): string;
  kind(kind: string): string;
  sessionType(type: string): string;
  /** A calendar date (YYYY-MM-DD) as the side writes it. */
  date(iso: string): string;
}

const ratio = (a: number, b: number) => (b ? a / b : null);
const sum = <T>(rows: T[], pick: (r: T) => number) => rows.reduce((n, r) => n + pick(r), 0);
const tierOrder = (t: ReportTier) => (t === 'none' ? tiers.length : tiers.indexOf(t));

/**
 * The report as tables and charts: what the page shows, the .xlsx workbook holds (a sheet per table and per chart) and
 * the PDF prints, from one builder, so that the three carry the same numbers as the JSON. Rows are in the order of the
 * regions, then of the tiers; each table ends with its total (the rows' sums; a share is the sums' ratio). The charts
 * are the regions' sums of the tables (every region in scope, zero where it has nothing).
 */
export function reportTables(report: ProgrammeReport, w: ReportLabels): { tables: ReportTable[]; charts: ReportChart[] } {
  const regionOrder = new Map(report.regions.map((r, i) => [r.id, i]));
  const regionName = (id: number) => {
    const r = report.regions.find((x) => x.id === id);
    return r ? w.regionName(r) : String(id);
  };
  const sorted = <T extends { regionId: number; tier: ReportTier }>(rows: T[]) =>
    [...rows].sort((a, b) => (regionOrder.get(a.regionId) ?? 1e9) - (regionOrder.get(b.regionId) ?? 1e9) || tierOrder(a.tier) - tierOrder(b.tier));
  const head = (r: { regionId: number; tier: ReportTier }): ReportCell[] => [regionName(r.regionId), w.tierName(r.tier)];
  const text = (header: string): ReportColumn => ({ header, kind: 'text' });
  const count = (header: string): ReportColumn => ({ header, kind: 'count' });
  const share = (header: string): ReportColumn => ({ header, kind: 'share' });
  const byRegion = [text(w.region), text(w.tier)];
  const totalHead: ReportCell[] = [w.total, ''];

  const agreements = sorted(report.agreements);
  const compliance = sorted(report.compliance);
  const certificates = sorted(report.certificates);
  const candidates = sorted(report.candidates);
  const jobPlatform = sorted(report.jobPlatform);
  const decisions = sorted(report.decisions);
  const { sessions } = report;

  const tables: ReportTable[] = [
    {
      key: 'agreements', title: w.tables.agreements,
      columns: [...byRegion, text(w.status), count(w.cols.agreements), count(w.cols.schools)],
      rows: agreements.map((r) => [...head(r), w.agreementState(r.status), r.agreements, r.schools]),
      total: [...totalHead, '', sum(agreements, (r) => r.agreements), sum(agreements, (r) => r.schools)],
    },
    {
      key: 'compliance', title: w.tables.compliance,
      columns: [...byRegion, count(w.cols.rows), count(w.cols.compliant), share(w.cols.rate), ...kpiNames.map((k) => count(w.failing(k)))],
      rows: compliance.map((r) => [...head(r), r.rows, r.compliant, r.rate, ...kpiNames.map((k) => r.failing[k])]),
      total: [...totalHead, sum(compliance, (r) => r.rows), sum(compliance, (r) => r.compliant),
        ratio(sum(compliance, (r) => r.compliant), sum(compliance, (r) => r.rows)), ...kpiNames.map((k) => sum(compliance, (r) => r.failing[k]))],
    },
    {
      key: 'certificates', title: w.tables.certificates,
      columns: [...byRegion, ...reportCertificateKeys.map((k) => count(w.cols[k]))],
      rows: certificates.map((r) => [...head(r), ...reportCertificateKeys.map((k) => r[k])]),
      total: [...totalHead, ...reportCertificateKeys.map((k) => sum(certificates, (r) => r[k]))],
    },
    {
      key: 'sessions', title: w.tables.sessions,
      columns: [text(w.cols.session), text(w.cols.kind), text(w.cols.sessionType), text(w.cols.examOn), text(w.status),
        count(w.cols.candidates), count(w.cols.sat), count(w.cols.passed), count(w.cols.absent), share(w.cols.passRate)],
      rows: sessions.map((s) => [s.title, w.kind(s.kind), w.sessionType(s.sessionType), w.date(s.examOn),
        w.sessionState(s.status), s.candidates, s.sat, s.passed, s.absent, s.passRate]),
      total: [w.total, '', '', '', '', sum(sessions, (s) => s.candidates), sum(sessions, (s) => s.sat),
        sum(sessions, (s) => s.passed), sum(sessions, (s) => s.absent), ratio(sum(sessions, (s) => s.passed), sum(sessions, (s) => s.sat))],
    },
    {
      key: 'candidates', title: w.tables.candidates,
      columns: [...byRegion, count(w.cols.candidates), count(w.cols.sat), count(w.cols.passed), count(w.cols.absent), share(w.cols.passRate)],
      rows: candidates.map((r) => [...head(r), r.candidates, r.sat, r.passed, r.absent, r.passRate]),
      total: [...totalHead, sum(candidates, (r) => r.candidates), sum(candidates, (r) => r.sat), sum(candidates, (r) => r.passed),
        sum(candidates, (r) => r.absent), ratio(sum(candidates, (r) => r.passed), sum(candidates, (r) => r.sat))],
    },
    {
      key: 'jobPlatform', title: w.tables.jobPlatform,
      columns: [...byRegion, count(w.cols.certifiedStudents), count(w.cols.activeRegistered), share(w.cols.activeRate)],
      rows: jobPlatform.map((r) => [...head(r), r.certifiedStudents, r.activeRegistered, r.rate]),
      total: [...totalHead, sum(jobPlatform, (r) => r.certifiedStudents), sum(jobPlatform, (r) => r.activeRegistered),
        ratio(sum(jobPlatform, (r) => r.activeRegistered), sum(jobPlatform, (r) => r.certifiedStudents))],
    },
    {
      key: 'decisions', title: w.tables.decisions,
      columns: [...byRegion, ...reportDecisionKeys.map((k) => count(w.cols[k]))],
      rows: decisions.map((r) => [...head(r), ...reportDecisionKeys.map((k) => r[k])]),
      total: [...totalHead, ...reportDecisionKeys.map((k) => sum(decisions, (r) => r[k]))],
    },
  ];

  const perRegion = <T extends { regionId: number }>(rows: T[], pick: (r: T) => number) => report.regions.map((g) => sum(rows.filter((r) => r.regionId === g.id), pick));
  const regionNames = report.regions.map((g) => w.regionName(g));
  const complianceRows = perRegion(compliance, (r) => r.rows);
  const complianceOk = perRegion(compliance, (r) => r.compliant);
  const charts: ReportChart[] = [
    { key: 'complianceRate', title: w.charts.complianceRate, unit: 'share', categories: regionNames, series: [{ name: w.cols.rate, values: complianceOk.map((c, i) => ratio(c, complianceRows[i])) }] },
    { key: 'failingKpis', title: w.charts.failingKpis, unit: 'count', categories: kpiNames.map((k) => w.kpi(k)), series: [{ name: w.cols.rows, values: kpiNames.map((k) => sum(compliance, (r) => r.failing[k])) }] },
    {
      key: 'certificates', title: w.charts.certificates, unit: 'count', categories: regionNames, series: [
        { name: w.charts.verified, values: perRegion(certificates, (r) => r.verified1x + r.verifiedOperator) },
        { name: w.charts.claimed, values: perRegion(certificates, (r) => r.claimed1x + r.claimedOperator) },
      ],
    },
    { key: 'passRate', title: w.charts.passRate, unit: 'share', categories: sessions.map((s) => `${s.title} (${w.date(s.examOn)})`), series: [{ name: w.cols.passRate, values: sessions.map((s) => s.passRate) }] },
    { key: 'decisions', title: w.charts.decisions, unit: 'count', categories: reportDecisionKeys.map((k) => w.cols[k]), series: [{ name: w.charts.value, values: reportDecisionKeys.map((k) => sum(decisions, (r) => r[k])) }] },
  ];
  return { tables, charts };
}
