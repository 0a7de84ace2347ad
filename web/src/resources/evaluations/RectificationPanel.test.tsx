import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { AdminContext, memoryStore } from 'react-admin';
import { MemoryRouter } from 'react-router-dom';
import { API, listHandler } from '../../test/api';
import { server } from '../../test/server';
import { readsSettled, testQueryClient } from '../../test/settled';
import { createDataProvider } from '../../providers/dataProvider';
import { i18nProvider } from '../../i18n';
import { RectificationPanel } from '../../dashboard/RectificationPanel';
import { addDays } from '../../components/dates';
import { todayInChina } from '@campus/common';
import { yearOptions } from './OpenEvaluationButton';

const rectifying = (deadline: string, kpis: { kpi: string; met: boolean }[]) => ({
  id: 4, schoolId: 4, schoolName: '南京工业职业技术大学', tier: 'industry_college', status: 'rectifying', version: 3,
  rectificationNotice: '请补足学生真实项目实践（人均每年160小时）。', rectificationDeadline: deadline, rectificationKpis: kpis.map((k) => k.kpi),
  rectification: { deadline, overdue: deadline < todayInChina(), kpis, canClose: kpis.every((k) => k.met) },
});

function renderPanel(queryClient = testQueryClient()) {
  return render(
    <MemoryRouter>
      <AdminContext dataProvider={createDataProvider(API)} i18nProvider={i18nProvider} store={memoryStore()} queryClient={queryClient}>
        <RectificationPanel />
      </AdminContext>
    </MemoryRouter>,
  );
}

describe("the school's rectification panel", () => {
  it('shows the notice, each KPI to fix now, the days left and where to add the facts', async () => {
    server.use(listHandler('agreements', [rectifying(addDays(todayInChina(), 12), [{ kpi: 'practiceHours', met: false }, { kpi: 'jobFairs', met: true }])]));
    renderPanel();
    const panel = await screen.findByTestId('rectification-panel');
    expect(within(panel).getByText('请补足学生真实项目实践（人均每年160小时）。')).toBeInTheDocument();
    expect(within(panel).getByText('还剩 12 天')).toBeInTheDocument();
    const practice = panel.querySelector('[data-kpi="practiceHours"]') as HTMLElement;
    expect(within(practice).getByText('当前仍未达标')).toBeInTheDocument();
    expect(within(practice).getByRole('link', { name: '补录数据' })).toHaveAttribute('href', '/practice-records');
    const fairs = panel.querySelector('[data-kpi="jobFairs"]') as HTMLElement;
    expect(within(fairs).getByText('当前已达标')).toBeInTheDocument();
    expect(within(fairs).queryByRole('link')).not.toBeInTheDocument();
    expect(within(panel).getByText(/还有 1 项指标未达标/)).toBeInTheDocument();
  });

  it('says when the deadline has passed, and when every KPI passes so that HQ can close it', async () => {
    server.use(listHandler('agreements', [rectifying(addDays(todayInChina(), -3), [{ kpi: 'practiceHours', met: true }])]));
    renderPanel();
    const panel = await screen.findByTestId('rectification-panel');
    expect(within(panel).getByText('已逾期 3 天')).toBeInTheDocument();
    expect(within(panel).getByText('需整改的指标现已全部达标，总部可关闭整改。')).toBeInTheDocument();
  });

  it('renders nothing without a rectification', async () => {
    let asked = false;
    server.use(listHandler('agreements', [], () => { asked = true; }));
    const queryClient = testQueryClient();
    const { container } = renderPanel(queryClient);
    await readsSettled(queryClient, () => asked);
    expect(container.querySelector('[data-testid="rectification-panel"]')).toBeNull();
  });
});

describe('the years an evaluation can be opened for', () => {
  it('are the ended years of the term without an evaluation', () => {
    const options = yearOptions({ startDate: '2024-02-29', termYears: 3 }, [{ id: 8, year: 1 }], '2026-03-01');
    expect(options).toEqual([
      { year: 1, from: '2024-02-29', to: '2025-02-28', ended: true, evaluationId: 8 },
      { year: 2, from: '2025-02-28', to: '2026-02-28', ended: true, evaluationId: undefined },
      { year: 3, from: '2026-02-28', to: '2027-02-28', ended: false, evaluationId: undefined },
    ]);
  });
});
