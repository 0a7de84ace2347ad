import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { API, users } from '../../test/api';
import { bodyOf, renderResource } from '../../test/render-resource';

const created = {
  id: 9, status: 'proposed', version: 1, allowedActions: [], name: '杭州职院考点', schoolId: 1, schoolName: '杭州职业技术学院', regionId: 1, regionName: '华东',
  address: '杭州市滨江区', capacity: 120, kinds: ['1x_junior', 'operator'], contactName: '王老师', contactPhone: '0571-86730000', contactEmail: null,
  decisionReason: null, decidedBy: null, decidedByName: null, decidedAt: null, createdBy: 4, createdByName: '李老师', editable: true,
  createdAt: '2026-03-01T02:00:00Z', updatedAt: '2026-03-01T02:00:00Z',
};

describe('exam sites', () => {
  it('a school proposes its own school: the certificates are checkboxes in words, required; the body has no region', async () => {
    const user = userEvent.setup({ delay: null });
    const sent: Record<string, unknown>[] = [];
    renderResource('#/exam-sites/create', users.school,
      http.post(`${API}/exam-sites`, async ({ request }) => { sent.push(await bodyOf(request)); return HttpResponse.json(created, { status: 201 }); }),
      http.get(`${API}/exam-sites/9`, () => HttpResponse.json(created)),
    );
    expect(await screen.findByText('以本校申报考点，由总部审核。')).toBeInTheDocument();
    expect(screen.queryByLabelText(/大区/)).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /名称/ }), '杭州职院考点');
    await user.type(screen.getByRole('textbox', { name: /地址/ }), '杭州市滨江区');
    await user.type(screen.getByRole('spinbutton', { name: /座位数/ }), '120');
    await user.type(screen.getByRole('textbox', { name: /联系人/ }), '王老师');
    await user.type(screen.getByRole('textbox', { name: /联系电话/ }), '0571-86730000');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('必填')).toBeInTheDocument();
    expect(sent).toEqual([]);
    await user.click(screen.getByRole('checkbox', { name: '1+X初级' }));
    await user.click(screen.getByRole('checkbox', { name: '操盘官' }));
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(sent).toEqual([{
      name: '杭州职院考点', address: '杭州市滨江区', capacity: 120, kinds: ['1x_junior', 'operator'], contactName: '王老师', contactPhone: '0571-86730000', contactEmail: null,
    }]));
  });

  it('HQ declines a proposed site with a reason (required), sent with the version', async () => {
    const user = userEvent.setup({ delay: null });
    let current: Record<string, unknown> = { ...created, allowedActions: ['approve', 'decline'], editable: false };
    const sent: { action: string; body: Record<string, unknown> }[] = [];
    renderResource('#/exam-sites/9/show', users.hq,
      http.get(`${API}/exam-sites/9`, () => HttpResponse.json(current)),
      http.post(`${API}/exam-sites/9/actions/:action`, async ({ params, request }) => {
        const body = await bodyOf(request);
        sent.push({ action: String(params.action), body });
        current = { ...current, status: 'declined', version: 2, allowedActions: [], decisionReason: body.reason };
        return HttpResponse.json(current);
      }),
      http.get(`${API}/audit-events`, () => HttpResponse.json([], { headers: { 'Content-Range': 'audit-events 0-0/0' } })),
    );
    await user.click(await screen.findByRole('button', { name: '拒绝' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: '拒绝' }));
    expect(await within(dialog).findByText('此项必填')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('textbox', { name: /理由/ }));
    await user.paste('机房不足');
    await user.click(within(dialog).getByRole('button', { name: '拒绝' }));
    await waitFor(() => expect(sent).toEqual([{ action: 'decline', body: { version: 1, reason: '机房不足' } }]));
    expect(await screen.findByText(/机房不足/)).toBeInTheDocument();
  });
});
