import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { AdminContext, TestMemoryRouter, memoryStore, type AuthProvider } from 'react-admin';
import { i18nProvider } from '../../i18n';
import { KpiCard } from './KpiParts';
import type { ComplianceRecord, KpiCell } from '@campus/common';
import type { KpiName } from '../../components/kpi/kpi';

const cell = (value: number | null, threshold: number | null, met: boolean | null, extra: Partial<KpiCell> = {}): KpiCell => ({ value, threshold, met, ...extra });

const row = (kpis: Partial<Record<KpiName, KpiCell>>, projected = true): ComplianceRecord => ({
  id: '1-3', schoolId: 1, schoolName: '浙江金融职业学院', regionId: 1, agreementId: 1, tier: 'industry_college', year: 3,
  from: '2026-07-25', to: '2027-07-25', asOf: '2026-11-25', current: true, compliant: true, failingKpis: [],
  awaitingFinalReview: false, enrolledStudents: 0, graduates: 0, certifiedStudents: 0, certificates1xVerified: 0, certificatesOperatorVerified: 0, computedFor: '2026-11-25',
  kpis: kpis as Record<KpiName, KpiCell>,
  projection: projected ? { status: 'projected', daysElapsed: 124, compliant: true } : { status: 'not_enough_data', daysElapsed: 20 },
});

const authAs = (role: string): AuthProvider => ({
  login: async () => {}, logout: async () => {}, checkAuth: async () => {}, checkError: async () => {},
  getPermissions: async () => role,
  getIdentity: async () => ({ id: 1, fullName: 'x', role }),
  canAccess: async () => true,
});

function renderCard(kpi: KpiName, kpis: Partial<Record<KpiName, KpiCell>>, { role = 'school', projected = true } = {}) {
  return render(
    <TestMemoryRouter>
      <AdminContext i18nProvider={i18nProvider} authProvider={authAs(role)} store={memoryStore()}>
        <KpiCard kpi={kpi} cell={kpis[kpi]} row={row(kpis, projected)} />
      </AdminContext>
    </TestMemoryRouter>,
  );
}

const card = (kpi: KpiName) => screen.findByTestId(`kpi-card-${kpi}`);

describe('a KPI card', () => {
  it('shows a met KPI: value against its threshold, the verdict and the year-end projection', async () => {
    renderCard('certificates1x', { certificates1x: cell(212, 200, true, { projected: 624, projectedMet: true }) });
    const c = await card('certificates1x');
    expect(c).toHaveAttribute('data-status', 'met');
    expect(within(c).getByTestId('kpi-value')).toHaveTextContent('212');
    expect(within(c).getByTestId('kpi-threshold')).toHaveTextContent('要求: ≥ 200 名学生');
    expect(within(c).getByText('达标')).toBeInTheDocument();
    expect(within(c).getByTestId('kpi-projected')).toHaveTextContent('预计年末: 624');
  });

  it('shows a failing KPI in red, with a projected failure', async () => {
    renderCard('jobFairs', { jobFairs: cell(0, 1, false, { projected: 0, projectedMet: false }) });
    const c = await card('jobFairs');
    expect(c).toHaveAttribute('data-status', 'failing');
    expect(within(c).getByTestId('kpi-value')).toHaveTextContent('0');
    expect(within(c).getByTestId('kpi-threshold')).toHaveTextContent('≥ 1 次');
    expect(within(c).getByTestId('kpi-projected')).toHaveTextContent('预计年末: 0 · 未达标');
    expect(within(c).getAllByText('未达标').length).toBeGreaterThan(0);
  });

  it('shows a KPI without a threshold as "no threshold", never failing', async () => {
    renderCard('practiceHours', { practiceHours: cell(15.46, null, null) });
    const c = await card('practiceHours');
    expect(c).toHaveAttribute('data-status', 'none');
    expect(within(c).getByTestId('kpi-value')).toHaveTextContent('15.5');
    expect(within(c).getByTestId('kpi-threshold')).toHaveTextContent('要求: 无要求');
    expect(within(c).getByText('无要求')).toBeInTheDocument();
  });

  it('shows a ratio with nothing to measure as "no data yet", and percentages for ratios', async () => {
    renderCard('teachingDelivery', { teachingDelivery: cell(null, 1, true) });
    const c = await card('teachingDelivery');
    expect(c).toHaveAttribute('data-status', 'not_measured');
    expect(within(c).getByTestId('kpi-value')).toHaveTextContent('—');
    expect(within(c).getByTestId('kpi-threshold')).toHaveTextContent('≥ 100%');
    expect(within(c).getByText('暂无数据')).toBeInTheDocument();
  });

  it('has no projection before 60 days of the year', async () => {
    renderCard('jobFairs', { jobFairs: cell(0, 1, false) }, { projected: false });
    const c = await card('jobFairs');
    expect(within(c).queryByTestId('kpi-projected')).toBeNull();
  });

  it('links to the records the KPI counts, for the lists the role may open', async () => {
    renderCard('certificates1x', { certificates1x: cell(212, 200, true) });
    const link = await screen.findByRole('link', { name: /当年1\+X证书/ });
    const href = decodeURIComponent(link.getAttribute('href')!);
    expect(href).toBe('/certificates?filter={"kind":"1x","issuedFrom":"2026-07-25","issuedBefore":"2027-07-25"}');
  });

  it('offers a provider no link to lists it may not open', async () => {
    renderCard('certificates1x', { certificates1x: cell(212, 200, true) }, { role: 'provider' });
    await card('certificates1x');
    expect(screen.queryByRole('link')).toBeNull();
  });
});
