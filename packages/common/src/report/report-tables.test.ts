import { describe, expect, it } from 'vitest';
import { kpiNames } from '../kpi/kpi-names.js';
import type { ProgrammeReport } from '../api/programme-report.js';
import { reportTables, type ReportLabels } from './report-tables.js';

const failing = (over: Partial<Record<(typeof kpiNames)[number], number>> = {}) => ({ ...Object.fromEntries(kpiNames.map((k) => [k, 0])), ...over }) as Record<(typeof kpiNames)[number], number>;

const report: ProgrammeReport = {
  year: 2025, from: '2025-01-01', to: '2026-01-01', asOf: '2026-03-01',
  regions: [{ id: 7, code: 'south', nameZh: '华南', nameEn: 'South' }, { id: 3, code: 'east', nameZh: '华东', nameEn: 'East' }],
  agreements: [
    { regionId: 3, tier: 'talent_base', status: 'active', agreements: 2, schools: 2 },
    { regionId: 7, tier: 'none', status: 'terminated', agreements: 1, schools: 1 },
    { regionId: 3, tier: 'industry_college', status: 'active', agreements: 4, schools: 3 },
  ],
  compliance: [
    { regionId: 3, tier: 'industry_college', rows: 4, compliant: 3, rate: 0.75, failing: failing({ jobFairs: 1 }) },
    { regionId: 7, tier: 'talent_base', rows: 2, compliant: 0, rate: 0, failing: failing({ jobFairs: 2, certificates1x: 2 }) },
  ],
  certificates: [{ regionId: 3, tier: 'industry_college', verified1x: 120, claimed1x: 30, verifiedOperator: 5, claimedOperator: 7 }],
  sessions: [{ id: 9, title: 'June', kind: '1x_junior', sessionType: 'unified', examOn: '2025-06-15', status: 'results_published', candidates: 50, sat: 0, passed: 0, absent: 50, passRate: null }],
  candidates: [],
  jobPlatform: [{ regionId: 3, tier: 'industry_college', certifiedStudents: 125, activeRegistered: 100, rate: 0.8 }],
  decisions: [{ regionId: 7, tier: 'talent_base', rectificationsOpened: 2, rectificationsClosed: 1, renewals: 0, upgrades: 1, terminations: 1, nonRenewals: 0 }],
};

/** Labels that show what was asked for, so the test reads which word went where. */
const labels: ReportLabels = {
  total: 'TOTAL', region: 'region', tier: 'tier', status: 'status',
  tables: new Proxy({}, { get: (_, k) => `table:${String(k)}` }) as ReportLabels['tables'],
  cols: new Proxy({}, { get: (_, k) => `col:${String(k)}` }) as ReportLabels['cols'],
  charts: new Proxy({}, { get: (_, k) => `chart:${String(k)}` }) as ReportLabels['charts'],
  kpi: (k) => `kpi:${k}`, failing: (k) => `failing:${k}`,
  regionName: (r) => r.nameEn, tierName: (t) => `tier:${t}`,
  agreementState: (s) => `state:${s}`, sessionState: (s) => `session:${s}`,
  kind: (k) => `kind:${k}`, sessionType: (t) => `type:${t}`, date: (iso) => `date:${iso}`,
};

describe('the report tables (page, .xlsx and PDF alike)', () => {
  const { tables, charts } = reportTables(report, labels);
  const table = (key: string) => tables.find((t) => t.key === key)!;

  it('lists the rows in the order of the regions, then of the tiers, with the words of the side that shows them', () => {
    expect(table('agreements').rows).toEqual([
      ['South', 'tier:none', 'state:terminated', 1, 1],
      ['East', 'tier:industry_college', 'state:active', 4, 3],
      ['East', 'tier:talent_base', 'state:active', 2, 2],
    ]);
    expect(table('sessions').rows).toEqual([['June', 'kind:1x_junior', 'type:unified', 'date:2025-06-15', 'session:results_published', 50, 0, 0, 50, null]]);
    expect(table('compliance').columns.slice(5).map((c) => c.header)).toEqual(kpiNames.map((k) => `failing:${k}`));
  });

  it('ends every table with its total: counts are the rows\' sums, a share the ratio of the sums, nothing when it divides by zero', () => {
    for (const t of tables) {
      expect(t.total[0]).toBe('TOTAL');
      expect(t.total).toHaveLength(t.columns.length);
      t.columns.forEach((c, i) => {
        if (c.kind === 'count') expect(t.total[i], `${t.key} ${c.header}`).toBe(t.rows.reduce((n, r) => n + Number(r[i]), 0));
      });
    }
    expect(table('compliance').total.slice(0, 5)).toEqual(['TOTAL', '', 6, 3, 0.5]);
    expect(table('sessions').total.at(-1)).toBeNull(); // nobody sat: no pass rate, not 0%
    expect(table('candidates').rows).toEqual([]);
    expect(table('candidates').total).toEqual(['TOTAL', '', 0, 0, 0, 0, null]);
  });

  it('charts the regions\' sums, every region in scope with zero where it has nothing', () => {
    const chart = (key: string) => charts.find((c) => c.key === key)!;
    expect(chart('complianceRate')).toMatchObject({ categories: ['South', 'East'], series: [{ values: [0, 0.75] }] });
    expect(chart('certificates').series.map((s) => s.values)).toEqual([[0, 125], [0, 37]]);
    expect(chart('passRate').categories).toEqual(['June (date:2025-06-15)']);
    expect(chart('decisions').series[0]).toEqual({ name: 'chart:value', values: [2, 1, 0, 1, 1, 0] });
  });
});
