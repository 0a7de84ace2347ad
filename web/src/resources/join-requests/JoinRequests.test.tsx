import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { API, listHandler, users } from '../../test/api';
import { bodyOf } from '../../test/render-app';
import { renderResource } from '../../test/render-resource';

/** Regional staff of East China (the shared test users have none). */
const east = { ...users.hq, id: 2, email: 'east@demo.test', name: '华东', role: 'regional', regionIds: [1] } as unknown as typeof users.hq;

const pending = {
  id: 7, status: 'pending', version: 2, allowedActions: ['accept', 'decline'], schoolName: '温州职业技术学院', province: '浙江', regionId: 1,
  kind: 'vocational', contactName: '徐老师', email: 'xu@wzvtc.edu.cn', phone: '0577-86680000', tier: 'talent_base', locale: 'zh',
  confirmedAt: '2026-12-01T02:00:00Z', declineReason: null, decidedBy: null, decidedByName: null, decidedAt: null, schoolId: null,
  schoolNameNow: null, invitedUserId: null, existingSchoolId: null, createdAt: '2026-12-01T01:00:00Z',
};

describe('join requests', () => {
  it("the region's queue opens on what waits, with accept and decline on each row", async () => {
    const asked: URL[] = [];
    renderResource('#/join-requests', east, listHandler('join-requests', [pending], (url) => asked.push(url)));
    expect(await screen.findByText('温州职业技术学院')).toBeInTheDocument();
    expect(screen.getByText('xu@wzvtc.edu.cn')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '接受' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '拒绝' })).toBeInTheDocument();
    expect(asked.some((u) => JSON.parse(u.searchParams.get('filter') ?? '{}').status === 'pending')).toBe(true);
  });

  it('decline asks for a reason (required) and sends it with the version; accept sends the version', async () => {
    const user = userEvent.setup({ delay: null });
    let current: Record<string, unknown> = pending;
    const sent: { action: string; body: Record<string, unknown> }[] = [];
    renderResource('#/join-requests/7/show', east,
      http.get(`${API}/join-requests/7`, () => HttpResponse.json(current)),
      http.post(`${API}/join-requests/7/actions/:action`, async ({ params, request }) => {
        const body = await bodyOf(request);
        sent.push({ action: String(params.action), body });
        current = { ...current, status: 'declined', version: 3, allowedActions: [], declineReason: body.reason, decidedByName: '华东' };
        return HttpResponse.json(current);
      }),
    );
    expect(await screen.findByText('申请人已确认邮箱，等待审核。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '拒绝' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('拒绝理由将通过邮件发送给申请人。')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '拒绝' }));
    expect(await within(dialog).findByText('此项必填')).toBeInTheDocument();
    expect(sent).toEqual([]);
    await user.click(within(dialog).getByRole('textbox', { name: /拒绝理由/ }));
    await user.paste('贵校暂无跨境电商相关专业');
    await user.click(within(dialog).getByRole('button', { name: '拒绝' }));
    await waitFor(() => expect(sent).toEqual([{ action: 'decline', body: { version: 2, reason: '贵校暂无跨境电商相关专业' } }]));
    expect(await screen.findByText('贵校暂无跨境电商相关专业')).toBeInTheDocument();
  });

  it('accept: a plain confirmation that says what it creates; a school of the same name is pointed out', async () => {
    const user = userEvent.setup({ delay: null });
    const sent: Record<string, unknown>[] = [];
    let current: Record<string, unknown> = { ...pending, existingSchoolId: 3 };
    renderResource('#/join-requests/7/show', users.hq,
      http.get(`${API}/join-requests/7`, () => HttpResponse.json(current)),
      http.post(`${API}/join-requests/7/actions/accept`, async ({ request }) => {
        sent.push(await bodyOf(request));
        current = { ...current, status: 'accepted', version: 3, allowedActions: [], schoolId: 3, schoolNameNow: '温州职业技术学院', invitedUserId: 40 };
        return HttpResponse.json(current);
      }),
      listHandler('schools', [{ id: 3, name: '温州职业技术学院', regionId: 1 }]),
    );
    expect(await screen.findByText(/名录中已有同名学校/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '接受' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/接受后将创建该学校/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '接受' }));
    await waitFor(() => expect(sent).toEqual([{ version: 2 }]));
    expect(await screen.findByText(/已接受：学校与管理员账号已创建/)).toBeInTheDocument();
  });
});
