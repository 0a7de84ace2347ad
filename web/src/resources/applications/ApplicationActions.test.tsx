import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../test/server';
import { renderResource } from '../../test/render-resource';
import { API, listHandler, meHandler, users } from '../../test/api';

const regional = { id: 2, email: 'east@demo.test', name: '周晓东', role: 'regional', regionIds: [1], schoolId: null, providerId: null, locale: 'zh' } as const;

const pending = {
  id: 9, schoolId: 1, schoolName: '杭州职业技术学院', regionId: 1, tier: 'industry_college', status: 'pending_regional', version: 6,
  plan: { summary: '共建产业学院', contact: { name: '陈老师', phone: '0571-88888888' }, qualifications: { cbecDisciplineBase: true }, targets: { certificates1x: 220 } },
  pledge: true, reviewComments: {}, editable: false, waitingDays: 9,
  planItems: [
    { id: 51, kind: 'instructor', title: '王芳', details: { name: '王芳', certNo: '1XJS2023000001', level: 'senior' }, needsPlatformSupport: false, approved: null },
    { id: 52, kind: 'teaching_resource', title: '阿里巴巴国际站实训模拟软件', details: { courseId: 14 }, needsPlatformSupport: true, approved: null },
    { id: 53, kind: 'practice_project', title: '义乌产业带店铺代运营', details: { hoursPerStudent: 160 }, needsPlatformSupport: true, approved: true },
  ],
  submittedAt: '2026-03-02T10:00:00+08:00', decidedAt: null, createdAt: '2026-03-01T09:00:00+08:00', updatedAt: '2026-03-02T10:00:00+08:00',
};

function renderShow(record: Record<string, unknown>, user: Parameters<typeof meHandler>[0] = regional as never) {
  renderResource(`#/applications/${record.id}/show`, user,
    http.get(`${API}/applications/${record.id}`, () => HttpResponse.json(record)),
    listHandler('courses', [{ id: 14, kind: 'platform_training', title: '阿里巴巴国际站实训模拟软件', classHours: 48, catalogue: true }]),
    listHandler('evidence', []),
    listHandler('audit-events', []),
    listHandler('agreements', []),
    // The reviewer's queue (empty: a reviewer's action ends on "queue done") and the review panel's context.
    http.get(`${API}/applications`, () => HttpResponse.json([], { headers: { 'Content-Range': 'applications 0-0/0' } })),
    http.get('*/api/applications/:id/review-context', () => HttpResponse.json({ error: 'not_found', message: 'No such application.' }, { status: 404 })),
    http.get(`${API}/notifications/unread-count`, () => HttpResponse.json({ unread: 0 })),
    listHandler('notifications', []),
  );
}

/** Records each action POSTed: its name and body; answers with `answer` or the record moved on. */
function recordActions(answer?: () => Response) {
  const calls: { action: string; body: Record<string, unknown> }[] = [];
  server.use(http.post(`${API}/applications/:id/actions/:action`, async ({ params, request }) => {
    const body = (await request.json()) as Record<string, unknown>;
    calls.push({ action: String(params.action), body });
    return answer?.() ?? HttpResponse.json({ ...pending, status: 'returned', version: 7, allowedActions: [] });
  }));
  return calls;
}

const actionButtons = () => within(screen.getByTestId('application-actions')).getAllByRole('button').map((b) => b.getAttribute('data-action'));

describe('application actions', () => {
  it('draws exactly the buttons of allowedActions', async () => {
    renderShow({ ...pending, allowedActions: ['regional_approve', 'regional_return'] });
    await screen.findByTestId('application-actions');
    expect(actionButtons()).toEqual(['regional_approve', 'regional_return']);
    expect(screen.queryByRole('button', { name: '大区驳回' })).not.toBeInTheDocument();
  });

  it('draws no button when the user may do nothing now, whatever the state', async () => {
    renderShow({ ...pending, allowedActions: [] });
    await screen.findByText('共建产业学院');
    expect(screen.queryByTestId('application-actions')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '大区通过' })).not.toBeInTheDocument();
  });

  it('will not return an application without a comment, then sends the comments and the version', async () => {
    const calls = recordActions();
    renderShow({ ...pending, allowedActions: ['regional_approve', 'regional_return', 'regional_reject'] });
    fireEvent.click(await screen.findByRole('button', { name: '大区退回' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('workflow-confirm'));
    expect(await within(dialog).findByText('请填写退回意见：总体意见或至少一条逐项意见')).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    fireEvent.change(within(dialog).getByTestId('action-comment'), { target: { value: '请补充实践项目安排' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '添加逐项意见' }));
    fireEvent.change(within(dialog).getByLabelText('意见'), { target: { value: '联系人电话无法接通' } });
    fireEvent.click(within(dialog).getByTestId('workflow-confirm'));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({ action: 'regional_return', body: { version: 6, comment: '请补充实践项目安排', fieldComments: { tier: '联系人电话无法接通' } } });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('will not reject without a reason', async () => {
    const calls = recordActions();
    renderShow({ ...pending, allowedActions: ['regional_reject'] });
    fireEvent.click(await screen.findByRole('button', { name: '大区驳回' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('workflow-confirm'));
    expect(await within(dialog).findByText('请填写驳回理由')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('asks HQ to decide on every item that needs platform support and sends the decisions', async () => {
    const calls = recordActions(() => HttpResponse.json({ ...pending, status: 'approved', version: 7, allowedActions: [] }));
    renderShow({ ...pending, status: 'pending_hq', allowedActions: ['hq_approve', 'hq_return', 'hq_reject'] }, users.hq);
    fireEvent.click(await screen.findByRole('button', { name: '总部通过' }));
    const dialog = await screen.findByRole('dialog');
    const decisions = within(dialog).getByTestId('support-decisions');
    // The item HQ already approved starts approved; the undecided one must be decided.
    expect(within(decisions).getByText('义乌产业带店铺代运营')).toBeInTheDocument();
    fireEvent.click(within(dialog).getByTestId('workflow-confirm'));
    expect(await within(dialog).findByText('请对每个需平台支持的计划项作出决定')).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    const group = within(decisions).getByRole('group', { name: '阿里巴巴国际站实训模拟软件' });
    fireEvent.click(within(group).getByRole('button', { name: '同意' }));
    fireEvent.click(within(dialog).getByTestId('workflow-confirm'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({ action: 'hq_approve', body: { version: 6, planItemDecisions: { 52: true, 53: true } } });
  });

  it('keeps an already approved item approved when HQ clicks approve on it again (issue 17 item 7)', async () => {
    const calls = recordActions(() => HttpResponse.json({ ...pending, status: 'approved', version: 7, allowedActions: [] }));
    renderShow({ ...pending, status: 'pending_hq', allowedActions: ['hq_approve', 'hq_return', 'hq_reject'] }, users.hq);
    fireEvent.click(await screen.findByRole('button', { name: '总部通过' }));
    const dialog = await screen.findByRole('dialog');
    const decisions = within(dialog).getByTestId('support-decisions');
    const approvedItem = within(decisions).getByRole('group', { name: '义乌产业带店铺代运营' });
    const approve = within(approvedItem).getByRole('button', { name: '同意' });
    expect(approve).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(approve);
    expect(approve).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(within(within(decisions).getByRole('group', { name: '阿里巴巴国际站实训模拟软件' })).getByRole('button', { name: '同意' }));
    fireEvent.click(within(dialog).getByTestId('workflow-confirm'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].body.planItemDecisions).toEqual({ 52: true, 53: true });
  });

  it('tells the reviewer someone else acted first (409) and offers to reload', async () => {
    recordActions(() => HttpResponse.json({ error: 'stale_version', message: 'Someone else has acted on this record since you opened it; reload it to see its current state.' }, { status: 409 }));
    renderShow({ ...pending, allowedActions: ['regional_approve'] });
    fireEvent.click(await screen.findByRole('button', { name: '大区通过' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('workflow-confirm'));
    const conflict = await within(dialog).findByTestId('action-conflict');
    expect(conflict).toHaveTextContent('其他人已处理了此申报');
    expect(within(conflict).getByRole('button', { name: '重新加载' })).toBeInTheDocument();
  });

  it("shows HQ's decision on each item that needs platform support", async () => {
    renderShow({ ...pending, allowedActions: [] });
    const resources = await screen.findByTestId('items-teaching_resource');
    expect(within(resources).getByText('平台支持：待总部决定')).toBeInTheDocument();
    expect(within(screen.getByTestId('items-practice_project')).getByText('平台支持：已同意')).toBeInTheDocument();
  });
});
