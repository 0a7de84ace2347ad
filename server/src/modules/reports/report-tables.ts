import { kpiNames, tiers, type ProgrammeReport, type ReportTier } from '@campus/common';
import type { Locale } from '../../lib/messages/catalogue.js';
import { reportWords, termOf } from './report-words.js';

/** A cell: text, a count, or a share (0..1, shown as a percentage; null when there is nothing to divide by). */
export type Cell = string | number | null;
export interface Column { header: string; kind: 'text' | 'count' | 'share' }
/** One table of the report, as the .xlsx sheet and the PDF's table show it: its rows, then a total row. */
export interface ReportTable { key: keyof ProgrammeReport; title: string; columns: Column[]; rows: Cell[][]; total: Cell[] | null }
/** A bar chart's numbers: one value per category and series (the .xlsx keeps them on a sheet of their own). */
export interface ReportChart { key: string; title: string; unit: 'count' | 'share'; categories: string[]; series: { name: string; values: (number | null)[] }[] }

const ratio = (a: number, b: number) => (b ? a / b : null);
const sum = <T>(rows: T[], pick: (r: T) => number) => rows.reduce((n, r) => n + pick(r), 0);
const tierOrder = (t: ReportTier) => (t === 'none' ? tiers.length : tiers.indexOf(t));

/**
 * The report as tables and charts in one language: what the .xlsx workbook (a sheet per table and per chart) and the
 * PDF's page (the tables, and the charts drawn as SVG) both show, so that the two files carry the same numbers as the
 * JSON. Rows are in the order of the regions, then of the tiers; each table ends with its total.
 */
export function reportTables(report: ProgrammeReport, locale: Locale): { tables: ReportTable[]; charts: ReportChart[] } {
  const w = reportWords(locale);
  const regionOrder = new Map(report.regions.map((r, i) => [r.id, i]));
  const regionName = (id: number) => {
    const r = report.regions.find((x) => x.id === id);
    return r ? (locale === 'zh' ? r.nameZh : r.nameEn) : String(id);
  };
  const sorted = <T extends { regionId: number; tier: ReportTier }>(rows: T[]) =>
    [...rows].sort((a, b) => (regionOrder.get(a.regionId) ?? 1e9) - (regionOrder.get(b.regionId) ?? 1e9) || tierOrder(a.tier) - tierOrder(b.tier));
  const head = (r: { regionId: number; tier: ReportTier }): Cell[] => [regionName(r.regionId), termOf(locale, 'tier', r.tier)];
  const text = (header: string): Column => ({ header, kind: 'text' });
  const count = (header: string): Column => ({ header, kind: 'count' });
  const share = (header: string): Column => ({ header, kind: 'share' });
  const byRegion = [text(w.region), text(w.tier)];
  const totalHead: Cell[] = [w.total, ''];

  const agreements = sorted(report.agreements);
  const compliance = sorted(report.compliance);
  const certificates = sorted(report.certificates);
  const candidates = sorted(report.candidates);
  const jobPlatform = sorted(report.jobPlatform);
  const decisions = sorted(report.decisions);
  const decisionKeys = ['rectificationsOpened', 'rectificationsClosed', 'renewals', 'upgrades', 'terminations', 'nonRenewals'] as const;
  const certKeys = ['verified1x', 'claimed1x', 'verifiedOperator', 'claimedOperator'] as const;

  const tables: ReportTable[] = [
    {
      key: 'agreements', title: w.tables.agreements,
      columns: [...byRegion, text(w.status), count(w.cols.agreements), count(w.cols.schools)],
      rows: agreements.map((r) => [...head(r), termOf(locale, 'state', r.status), r.agreements, r.schools]),
      total: [...totalHead, '', sum(agreements, (r) => r.agreements), sum(agreements, (r) => r.schools)],
    },
    {
      key: 'compliance', title: w.tables.compliance,
      columns: [...byRegion, count(w.cols.rows), count(w.cols.compliant), share(w.cols.rate), ...kpiNames.map((k) => count(w.failing(w.kpi[k])))],
      rows: compliance.map((r) => [...head(r), r.rows, r.compliant, r.rate, ...kpiNames.map((k) => r.failing[k])]),
      total: [...totalHead, sum(compliance, (r) => r.rows), sum(compliance, (r) => r.compliant),
        ratio(sum(compliance, (r) => r.compliant), sum(compliance, (r) => r.rows)), ...kpiNames.map((k) => sum(compliance, (r) => r.failing[k]))],
    },
    {
      key: 'certificates', title: w.tables.certificates,
      columns: [...byRegion, ...certKeys.map((k) => count(w.cols[k]))],
      rows: certificates.map((r) => [...head(r), ...certKeys.map((k) => r[k])]),
      total: [...totalHead, ...certKeys.map((k) => sum(certificates, (r) => r[k]))],
    },
    {
      key: 'sessions', title: w.tables.sessions,
      columns: [text(w.cols.session), text(w.cols.kind), text(w.cols.sessionType), text(w.cols.examOn), text(w.status),
        count(w.cols.candidates), count(w.cols.sat), count(w.cols.passed), count(w.cols.absent), share(w.cols.passRate)],
      rows: report.sessions.map((s) => [s.title, w.kind[s.kind] ?? s.kind, w.sessionType[s.sessionType] ?? s.sessionType, s.examOn,
        termOf(locale, 'state', s.status), s.candidates, s.sat, s.passed, s.absent, s.passRate]),
      total: [w.total, '', '', '', '', sum(report.sessions, (s) => s.candidates), sum(report.sessions, (s) => s.sat),
        sum(report.sessions, (s) => s.passed), sum(report.sessions, (s) => s.absent), ratio(sum(report.sessions, (s) => s.passed), sum(report.sessions, (s) => s.sat))],
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
      columns: [...byRegion, ...decisionKeys.map((k) => count(w.cols[k]))],
      rows: decisions.map((r) => [...head(r), ...decisionKeys.map((k) => r[k])]),
      total: [...totalHead, ...decisionKeys.map((k) => sum(decisions, (r) => r[k]))],
    },
  ];

  // The charts: the regions' sums of the tables above (every region in scope, zero where it has nothing).
  const perRegion = <T extends { regionId: number }>(rows: T[], pick: (r: T) => number) => report.regions.map((g) => sum(rows.filter((r) => r.regionId === g.id), pick));
  const regionNames = report.regions.map((g) => regionName(g.id));
  const complianceRows = perRegion(compliance, (r) => r.rows);
  const complianceOk = perRegion(compliance, (r) => r.compliant);
  const charts: ReportChart[] = [
    { key: 'complianceRate', title: w.charts.complianceRate, unit: 'share', categories: regionNames, series: [{ name: w.cols.rate, values: complianceOk.map((c, i) => ratio(c, complianceRows[i])) }] },
    { key: 'failingKpis', title: w.charts.failingKpis, unit: 'count', categories: kpiNames.map((k) => w.kpi[k]), series: [{ name: w.cols.rows, values: kpiNames.map((k) => sum(compliance, (r) => r.failing[k])) }] },
    {
      key: 'certificates', title: w.charts.certificates, unit: 'count', categories: regionNames, series: [
        { name: w.charts.verified, values: perRegion(certificates, (r) => r.verified1x + r.verifiedOperator) },
        { name: w.charts.claimed, values: perRegion(certificates, (r) => r.claimed1x + r.claimedOperator) },
      ],
    },
    { key: 'passRate', title: w.charts.passRate, unit: 'share', categories: report.sessions.map((s) => `${s.title} (${s.examOn})`), series: [{ name: w.cols.passRate, values: report.sessions.map((s) => s.passRate) }] },
    { key: 'decisions', title: w.charts.decisions, unit: 'count', categories: decisionKeys.map((k) => w.cols[k]), series: [{ name: w.charts.value, values: decisionKeys.map((k) => sum(decisions, (r) => r[k])) }] },
  ];
  return { tables, charts };
}
