import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { API, listHandler, users } from '../../test/api';
import { addDays } from '../../components/dates';
import { todayInChina } from '@campus/common';
import { bodyOf, renderResource } from '../../test/render-resource';

const kpi = (value: number | null, threshold: number | null, met: boolean | null) => ({ value, threshold, met });

const snapshot = {
  id: '4-1', schoolId: 4, agreementId: 4, tier: 'industry_college', year: 1, from: '2025-09-25', to: '2026-09-25', compliant: false,
  failingKpis: ['practiceHours'],
  kpis: {
    certifiedInstructors: kpi(5, 4, true), teachingDelivery: kpi(1, 1, true), offlineCourses: kpi(6, 2, true),
    practiceHours: kpi(90.6, 160, false), certificates1x: kpi(230, 200, true), certificatesOperator: kpi(155, 280, true),
    jobPlatformRate: kpi(0.983, 0.95, true), jobFairs: kpi(1, 1, true),
  },
};

const annual = {
  id: 6, agreementId: 4, schoolId: 4, schoolName: '南京工业职业技术大学', regionId: 1, tier: 'industry_college', year: 1, kind: 'annual',
  status: 'open', version: 3, snapshot, snapshotAt: '2026-09-28T07:45:00Z', compliant: false, decision: null, reason: null, deadline: null,
  failingKpis: null, notice: null, openedBy: 1, decidedBy: null, decidedAt: null, createdAt: '2026-09-28T03:11:00Z',
  allowedActions: ['refresh', 'decide'], previous: null,
};

const final = {
  ...annual, id: 10, agreementId: 10, schoolId: 16, schoolName: '金华职业技术大学', tier: 'partner_school', kind: 'final', version: 1,
  snapshot: { ...snapshot, tier: 'partner_school', compliant: true, failingKpis: [] },
  previous: { id: 9, year: 1, decision: 'continue', reason: '各项指标达标', snapshot: { ...snapshot, year: 0 } },
};

/** Types a whole value at once (one change event): the page is large and typing key by key is slow. */
async function fill(user: ReturnType<typeof userEvent.setup>, element: HTMLElement, value: string) {
  await user.click(element);
  await user.paste(value);
}

/** GET /api/evaluations/:id for the given records; POST decide answered by `answer`. */
function evaluationHandlers(records: Record<string, unknown>[], answer: (body: Record<string, unknown>) => Response | Promise<Response>, seen: Record<string, unknown>[] = []) {
  return [
    http.get(`${API}/evaluations/:id`, ({ params }) => {
      const record = records.find((r) => String(r.id) === params.id);
      return record ? HttpResponse.json(record) : HttpResponse.json({ error: 'not_found', message: 'No such evaluation.' }, { status: 404 });
    }),
    http.post(`${API}/evaluations/:id/actions/decide`, async ({ request }) => {
      const body = await bodyOf(request);
      seen.push(body);
      return answer(body);
    }),
    listHandler('evidence', []),
  ];
}

describe('the decision screen', () => {
  it('shows the frozen snapshot KPI by KPI, and the annual decisions only', async () => {
    renderResource('#/evaluations/6/show', users.hq, ...evaluationHandlers([annual], () => HttpResponse.json({})));
    const row = (await screen.findByText('人均实战时长', { selector: 'th *' })).closest('tr')!;
    expect(within(row).getByText('90.6 小时/人·年')).toBeInTheDocument();
    expect(within(row).getByText('未达标')).toBeInTheDocument();
    const decisions = screen.getByRole('radiogroup', { name: '决定' });
    expect(within(decisions).getAllByRole('radio')).toHaveLength(4);
    for (const label of ['继续合作', '限期整改', '终止']) expect(within(decisions).getByText(label)).toBeInTheDocument();
    // An Industry College cannot be upgraded: the choice is there but disabled, with the reason.
    expect(within(decisions).getByText('产业学院已是最高层次，不能升级。')).toBeInTheDocument();
    expect(within(decisions).queryByText('续约')).not.toBeInTheDocument();
    expect(within(decisions).queryByText('不续约')).not.toBeInTheDocument();
  });

  it('a decision not chosen is announced on the radio group (role=alert, described by it) and focus goes to the first choice', async () => {
    const user = userEvent.setup({ delay: null });
    const seen: Record<string, unknown>[] = [];
    renderResource('#/evaluations/6/show', users.hq, ...evaluationHandlers([annual], () => HttpResponse.json({}), seen));
    await user.click(await screen.findByRole('button', { name: '提交决定' }));
    const alert = (await screen.findAllByRole('alert')).find((a) => a.textContent === '请选择一项决定')!;
    expect(alert).toBeTruthy();
    const group = screen.getByRole('radiogroup', { name: '决定' });
    expect(group).toHaveAttribute('aria-describedby', alert.id);
    expect(group).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(document.activeElement).toBe(within(group).getAllByRole('radio')[0]));
    expect(seen).toHaveLength(0);
  });

  it('a rectification needs the KPIs, a notice and a deadline in the future; the snapshot\'s failing KPIs are preselected', async () => {
    const user = userEvent.setup({ delay: null });
    const seen: Record<string, unknown>[] = [];
    renderResource('#/evaluations/6/show', users.hq, ...evaluationHandlers([annual], () => HttpResponse.json({
      ...annual, status: 'decided', version: 4, decision: 'rectify', allowedActions: [],
    }), seen));

    await user.click(await screen.findByRole('radio', { name: /限期整改/ }));
    const practice = screen.getByRole('checkbox', { name: /人均实战时长/ });
    expect(practice).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /招聘会/ })).not.toBeChecked();

    // Nothing filled in but the decision: every missing field says so, and nothing is sent.
    await user.click(practice);
    await user.click(screen.getByRole('button', { name: '提交决定' }));
    expect(await screen.findByText('请至少选择一项需整改的指标')).toBeInTheDocument();
    expect(screen.getByText('请填写给学校的整改通知')).toBeInTheDocument();
    expect(screen.getByText('请设定整改期限')).toBeInTheDocument();
    expect(screen.getByText('请填写决定理由')).toBeInTheDocument();

    // A deadline of today is not in the future.
    await user.click(practice);
    await fill(user, screen.getByRole('textbox', { name: /整改通知/ }), '请补足学生真实项目实践');
    const deadline = screen.getByLabelText(/整改期限/);
    await fill(user, deadline, todayInChina());
    await fill(user, screen.getByRole('textbox', { name: /决定理由/ }), '人均实战时长未达标');
    await user.click(screen.getByRole('button', { name: '提交决定' }));
    expect(await screen.findByText('整改期限须晚于今天')).toBeInTheDocument();
    expect(seen).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: '60 天后' }));
    await user.click(screen.getByRole('button', { name: '提交决定' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/确认决定：限期整改/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '确认' }));
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toEqual({
      version: 3, decision: 'rectify', reason: '人均实战时长未达标', failingKpis: ['practiceHours'],
      notice: '请补足学生真实项目实践', deadline: addDays(todayInChina(), 60),
    });
  });

  it('the final review offers renew, upgrade (to the tier above), not renew and terminate', async () => {
    renderResource('#/evaluations/10/show', users.hq, ...evaluationHandlers([final], () => HttpResponse.json({})));
    const decisions = await screen.findByRole('radiogroup', { name: '决定' });
    expect(within(decisions).getAllByRole('radio')).toHaveLength(4);
    for (const label of ['续约', '升级至1+X试点院校', '不续约', '终止']) expect(within(decisions).getByText(label)).toBeInTheDocument();
    expect(within(decisions).queryByText('继续合作')).not.toBeInTheDocument();
    expect(within(decisions).queryByText('限期整改')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '终审决定' })).toBeInTheDocument();
    // Last year's evaluation beside the snapshot.
    expect(screen.getByText('上一年度评审')).toBeInTheDocument();
    expect(screen.getByText('各项指标达标')).toBeInTheDocument();
  });

  it('after an upgrade it links to the new application', async () => {
    const user = userEvent.setup({ delay: null });
    let decided = false;
    const records = [final];
    renderResource('#/evaluations/10/show', users.hq,
      http.get(`${API}/evaluations/10`, () => HttpResponse.json(decided ? { ...final, status: 'decided', version: 2, decision: 'upgrade', reason: '指标优秀', allowedActions: [] } : final)),
      ...evaluationHandlers(records, () => {
        decided = true;
        return HttpResponse.json({ ...final, status: 'decided', version: 2, decision: 'upgrade', reason: '指标优秀', allowedActions: [], applicationId: 77 });
      }));
    await user.click(await screen.findByRole('radio', { name: /升级至1\+X试点院校/ }));
    await fill(user, screen.getByRole('textbox', { name: /决定理由/ }), '指标优秀');
    await user.click(screen.getByRole('button', { name: '提交决定' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认' }));
    const link = await screen.findByRole('link', { name: '查看申报' });
    expect(link).toHaveAttribute('href', '#/applications/77/show');
    expect(screen.getByText(/已为学校开启升级申报草稿 #77/)).toBeInTheDocument();
  });

  it('a 409 says the evaluation changed and offers to reload; what was typed stays', async () => {
    const user = userEvent.setup({ delay: null });
    renderResource('#/evaluations/6/show', users.hq, ...evaluationHandlers([annual], () => HttpResponse.json(
      { error: 'stale_version', message: 'Someone else has acted on this record since you opened it; reload it to see its current state.' },
      { status: 409 },
    )));
    await user.click(await screen.findByRole('radio', { name: /继续合作/ }));
    await fill(user, screen.getByRole('textbox', { name: /决定理由/ }), '各项指标达标');
    await user.click(screen.getByRole('button', { name: '提交决定' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认' }));
    const alert = (await screen.findByText('此记录已被他人处理或状态已变化')).closest('[role="alert"]') as HTMLElement;
    expect(alert).toHaveTextContent('reload it to see its current state');
    // Found once the confirmation dialog has closed (the page is aria-hidden while it is open).
    expect(await within(alert).findByRole('button', { name: '重新加载' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /决定理由/ })).toHaveValue('各项指标达标');
  });

  it("shows the server's 400 message under the field it names", async () => {
    const user = userEvent.setup({ delay: null });
    renderResource('#/evaluations/6/show', users.hq, ...evaluationHandlers([annual], () => HttpResponse.json(
      { error: 'validation_failed', message: 'reason: give the reason for the decision', details: [{ field: 'reason', message: 'give the reason for the decision' }] },
      { status: 400 },
    )));
    await user.click(await screen.findByRole('radio', { name: /终止/ }));
    await fill(user, screen.getByRole('textbox', { name: /决定理由/ }), ' x');
    await user.click(screen.getByRole('button', { name: '提交决定' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认' }));
    expect(await screen.findByText('give the reason for the decision')).toBeInTheDocument();
    expect(screen.getByText('reason: give the reason for the decision').closest('[role="alert"]')).not.toBeNull();
  });

  it('after a decision HQ lands on the next open evaluation of its queue, with an empty form', async () => {
    const user = userEvent.setup({ delay: null });
    const next = { ...annual, id: 8, agreementId: 5, schoolId: 5, schoolName: '常州信息职业技术学院', version: 1 };
    const filters: unknown[] = [];
    renderResource('#/evaluations/6/show', users.hq,
      // The queue as the server answers it once 6 is decided: the open evaluations only.
      listHandler('evaluations', [next], (url) => filters.push(JSON.parse(url.searchParams.get('filter') ?? '{}'))),
      ...evaluationHandlers([annual, next], () => HttpResponse.json({ ...annual, status: 'decided', version: 4, decision: 'continue', reason: '达标', allowedActions: [] })));
    await user.click(await screen.findByRole('radio', { name: /继续合作/ }));
    await fill(user, screen.getByRole('textbox', { name: /决定理由/ }), '各项指标基本达标');
    await user.click(screen.getByRole('button', { name: '提交决定' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认' }));
    await waitFor(() => expect(window.location.hash).toBe('#/evaluations/8/show'));
    expect(await screen.findByRole('heading', { level: 1, name: /常州信息职业技术学院/ })).toBeInTheDocument();
    expect(filters).toContainEqual({ status: 'open' });
    // The next evaluation's form starts empty: nothing typed for the previous one is carried over.
    expect(screen.getByRole('textbox', { name: /决定理由/ })).toHaveValue('');
    expect(screen.getByRole('radio', { name: /继续合作/ })).not.toBeChecked();
  });

  it('the last open evaluation of the queue stays on screen with its decision and says the queue is done', async () => {
    const user = userEvent.setup({ delay: null });
    let decided = false;
    const decidedRecord = { ...annual, status: 'decided', version: 4, decision: 'continue', reason: '达标', decidedAt: '2026-10-08T02:00:00Z', allowedActions: [] };
    renderResource('#/evaluations/6/show', users.hq,
      listHandler('evaluations', []),
      http.get(`${API}/evaluations/6`, () => HttpResponse.json(decided ? decidedRecord : annual)),
      ...evaluationHandlers([annual], () => { decided = true; return HttpResponse.json(decidedRecord); }));
    await user.click(await screen.findByRole('radio', { name: /继续合作/ }));
    await fill(user, screen.getByRole('textbox', { name: /决定理由/ }), '达标');
    await user.click(screen.getByRole('button', { name: '提交决定' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认' }));
    expect(await screen.findByTestId('queue-done')).toHaveTextContent('已没有待决定的评审。');
    expect(window.location.hash).toBe('#/evaluations/6/show');
  });

  it('a school reads its evaluation without any decision form', async () => {
    renderResource('#/evaluations/6/show', users.school, ...evaluationHandlers([{ ...annual, allowedActions: [] }], () => HttpResponse.json({})));
    expect(await screen.findByText('KPI 快照')).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup', { name: '决定' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '刷新快照' })).not.toBeInTheDocument();
  });
});
