import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { AdminContext, TestMemoryRouter, memoryStore, type AuthProvider } from 'react-admin';
import type { ComplianceRecord, KpiCell } from '@campus/common';
import { i18nProvider } from '../../i18n';
import { KpiCard } from '../../resources/compliance/KpiParts';
import { CertificatesCard } from './CertificatesCard';
import { certificateVerdict, formatKpiGap, kpiGap } from './gap';
import type { KpiName } from './kpi';

/** KPI cards that explain (issue 17 item 6): the gap in the KPI's unit, one verdict for the either/or certificates. */
const cell = (value: number | null, threshold: number | null, met: boolean | null, extra: Partial<KpiCell> = {}): KpiCell => ({ value, threshold, met, ...extra });
const row = (kpis: Partial<Record<KpiName, KpiCell>>, extra: Partial<ComplianceRecord> = {}): ComplianceRecord => ({
  id: '1-3', schoolId: 1, schoolName: '浙江金融职业学院', regionId: 1, agreementId: 1, tier: 'industry_college', year: 3,
  from: '2026-07-25', to: '2027-07-25', asOf: '2026-11-25', current: true, compliant: false, failingKpis: [],
  awaitingFinalReview: false, enrolledStudents: 400, graduates: 50, certifiedStudents: 40, certificates1xVerified: 0, certificatesOperatorVerified: 0, computedFor: '2026-11-25',
  kpis: kpis as Record<KpiName, KpiCell>, projection: { status: 'projected', daysElapsed: 124, compliant: false }, ...extra,
});
const zh = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);
const authAs = (role: string): AuthProvider => ({
  login: async () => {}, logout: async () => {}, checkAuth: async () => {}, checkError: async () => {},
  getPermissions: async () => role, getIdentity: async () => ({ id: 1, fullName: 'x', role }), canAccess: async () => true,
});
const wrap = (children: React.ReactNode) => render(
  <TestMemoryRouter><AdminContext i18nProvider={i18nProvider} authProvider={authAs('school')} store={memoryStore()}>{children}</AdminContext></TestMemoryRouter>,
);

describe('the gap to the threshold, in the unit of the KPI', () => {
  it('counts as whole units, hours per student and in all, ratios as students and percentage points', () => {
    expect(kpiGap('certifiedInstructors', cell(2, 4, false))).toEqual({ kpi: 'certifiedInstructors', n: 2 });
    expect(kpiGap('jobFairs', cell(0, 1, false))).toEqual({ kpi: 'jobFairs', n: 1 });
    expect(kpiGap('practiceHours', cell(147.5, 160, false), { enrolledStudents: 400 })).toEqual({ kpi: 'practiceHours', hours: 12.5, totalHours: 5000 });
    // 36 of 40 certified students registered (90%) against 95%: 38 needed, 2 short, 5 points.
    expect(kpiGap('jobPlatformRate', cell(0.9, 0.95, false), { certifiedStudents: 40 })).toEqual({ kpi: 'jobPlatformRate', n: 2, points: 5 });
    expect(kpiGap('jobPlatformRate', cell(0.95, 0.95, true), { certifiedStudents: 40 })).toBeNull();
    expect(kpiGap('teachingDelivery', cell(null, 1, null))).toBeNull();
    expect(formatKpiGap({ kpi: 'certificates1x', n: 12 }, zh, 'zh')).toBe('还差 12 名学生取得 1+X 证书');
    expect(formatKpiGap({ kpi: 'practiceHours', hours: 12.5, totalHours: 5000 }, zh, 'zh')).toBe('人均还差 12.5 小时（全部在读学生合计约 5,000 小时）');
  });

  it('a failing card says how far it is; a met one says nothing of a gap', async () => {
    wrap(<KpiCard kpi="certifiedInstructors" cell={cell(2, 4, false)} row={row({ certifiedInstructors: cell(2, 4, false) })} />);
    expect(await screen.findByTestId('kpi-gap')).toHaveTextContent('还差 2 名认证讲师');
  });

  it('a met card has no gap line', async () => {
    wrap(<KpiCard kpi="jobFairs" cell={cell(2, 1, true)} row={row({ jobFairs: cell(2, 1, true) })} />);
    await screen.findByTestId('kpi-card-jobFairs');
    expect(screen.queryByTestId('kpi-gap')).toBeNull();
  });
});

describe('the either/or certificate rule as one verdict', () => {
  it('1+X at 212/200 meets it: one card, met by 1+X; the Operator 65/280 is not shown as met on its own', async () => {
    const kpis = { certificates1x: cell(212, 200, true), certificatesOperator: cell(65, 280, true) };
    expect(certificateVerdict({ kpis } as ComplianceRecord)).toEqual({ status: 'met', by: 'certificates1x' });
    wrap(<CertificatesCard row={row(kpis)} />);
    const card = await screen.findByTestId('kpi-card-certificates');
    expect(card).toHaveAttribute('data-status', 'met');
    expect(within(card).getByTestId('certificate-verdict')).toHaveTextContent('已达标：1+X 证书人数达到要求');
    const operator = card.querySelector('[data-kpi="certificatesOperator"]')!;
    expect(within(operator as HTMLElement).queryByLabelText('达标')).toBeNull();
    expect(within(card.querySelector('[data-kpi="certificates1x"]') as HTMLElement).getByLabelText('达标')).toBeInTheDocument();
  });

  it('neither reached: failing, with what each count still needs', async () => {
    const kpis = { certificates1x: cell(188, 200, false), certificatesOperator: cell(65, 280, false) };
    wrap(<CertificatesCard row={row(kpis)} />);
    const card = await screen.findByTestId('kpi-card-certificates');
    expect(card).toHaveAttribute('data-status', 'failing');
    expect(within(card).getByTestId('certificate-verdict')).toHaveTextContent('还差 12 名学生取得 1+X 证书，或 215 名学生取得操盘官证书');
  });

  it('a tier without certificate thresholds: no verdict to give', () => {
    expect(certificateVerdict({ kpis: { certificates1x: cell(3, null, null), certificatesOperator: cell(1, null, null) } } as ComplianceRecord)).toEqual({ status: 'none' });
  });
});

describe('the KPI table tells the same single verdict', () => {
  it("colours each count by its own threshold and gives one verdict cell for the pair", async () => {
    const { renderComponent } = await import('../../test/render-resource');
    const { listHandler, users } = await import('../../test/api');
    const { KpiTable } = await import('../../resources/compliance/ComplianceYear');
    const kpis = Object.fromEntries(['certifiedInstructors', 'teachingDelivery', 'offlineCourses', 'practiceHours', 'jobPlatformRate', 'jobFairs'].map((k) => [k, cell(null, null, null)]));
    renderComponent(<KpiTable row={row({ ...kpis, certificates1x: cell(212, 200, true), certificatesOperator: cell(65, 280, true) })} />, '#/', users.hq, listHandler('tier-policies', []));
    const verdict = await screen.findByTestId('certificate-verdict-cell');
    expect(verdict).toHaveTextContent('已达标：1+X 证书人数达到要求');
    const operator = document.querySelector('tr[data-kpi="certificatesOperator"]') as HTMLElement;
    expect(within(operator).getByText('65')).not.toHaveAttribute('data-status', 'met');
    const x = document.querySelector('tr[data-kpi="certificates1x"]') as HTMLElement;
    expect(within(x).getByText('212')).toHaveAttribute('data-status', 'met');
  });
});
