import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { AdminContext, TestMemoryRouter, memoryStore, type AuthProvider } from 'react-admin';
import type { ComplianceRecord, KpiCell } from '@campus/common';
import { i18nProvider } from '../../i18n';
import { CertificatesCard } from './CertificatesCard';

/** The certificate card shows, under each count, how many of its certificates are verified (issue 18). */
const cell = (value: number, threshold: number, met: boolean): KpiCell => ({ value, threshold, met });
const row = {
  id: '1-1', schoolId: 1, schoolName: '浙江金融职业学院', regionId: 1, agreementId: 1, tier: 'talent_base', year: 1,
  from: '2026-03-01', to: '2027-03-01', asOf: '2026-11-25', current: true, compliant: false, failingKpis: [], awaitingFinalReview: false,
  enrolledStudents: 100, graduates: 0, certifiedStudents: 30, certificates1xVerified: 7, certificatesOperatorVerified: 12, computedFor: '2026-11-25',
  kpis: { certificates1x: cell(10, 40, false), certificatesOperator: cell(20, 60, false) } as Record<string, KpiCell>, projection: null,
} as unknown as ComplianceRecord;
const auth: AuthProvider = {
  login: async () => {}, logout: async () => {}, checkAuth: async () => {}, checkError: async () => {},
  getPermissions: async () => 'school', getIdentity: async () => ({ id: 1, fullName: 'x' }), canAccess: async () => true,
};

describe('the certificate KPI card', () => {
  it('says, under each count of every certificate, how many are verified', async () => {
    render(<TestMemoryRouter><AdminContext i18nProvider={i18nProvider} authProvider={auth} store={memoryStore()}><CertificatesCard row={row} /></AdminContext></TestMemoryRouter>);
    const card = await screen.findByTestId('kpi-card-certificates');
    const oneX = card.querySelector('[data-kpi="certificates1x"]') as HTMLElement;
    const operator = card.querySelector('[data-kpi="certificatesOperator"]') as HTMLElement;
    expect(within(oneX).getByTestId('kpi-value')).toHaveTextContent('10');
    expect(within(oneX).getByTestId('kpi-verified')).toHaveTextContent('其中已核验 7');
    expect(within(operator).getByTestId('kpi-verified')).toHaveTextContent('其中已核验 12');
  });
});
