import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { API, listHandler, users } from '../../test/api';
import { bodyOf, renderResource } from '../../test/render-resource';

const open = {
  id: 12, schoolId: 1, schoolName: '杭州职业技术学院', providerId: 1, providerName: '杭州数贸通跨境电商服务有限公司',
  subject: '实训导师响应慢', body: '上周的实训导师多次迟到。', status: 'open', version: 1, reply: null, repliedAt: null,
  createdAt: '2026-11-20T02:00:00Z', allowedActions: ['reply', 'close'],
};
const replied = { ...open, status: 'replied', version: 2, reply: '已与服务商沟通，下周起更换导师。', repliedAt: '2026-11-21T02:00:00Z' };

describe('feedback about a provider', () => {
  it("HQ's queue lists what is still open", async () => {
    const asked: URL[] = [];
    renderResource('#/feedback', users.hq, listHandler('feedback', [open, { ...open, id: 13, status: 'closed', subject: '已处理的反馈' }], (url) => asked.push(url)), listHandler('providers', []), listHandler('schools', []));
    expect(await screen.findByText('实训导师响应慢')).toBeInTheDocument();
    expect(screen.queryByText('已处理的反馈')).not.toBeInTheDocument();
    expect(asked.some((u) => JSON.parse(u.searchParams.get('filter') ?? '{}').status === 'open')).toBe(true);
  });

  it('HQ replies (a reply is required), the reply is shown, then HQ closes it', async () => {
    const user = userEvent.setup({ delay: null });
    let current: Record<string, unknown> = open;
    const sent: { action: string; body: Record<string, unknown> }[] = [];
    renderResource('#/feedback/12/show', users.hq,
      http.get(`${API}/feedback/12`, () => HttpResponse.json(current)),
      http.post(`${API}/feedback/12/actions/:action`, async ({ params, request }) => {
        const body = await bodyOf(request);
        sent.push({ action: String(params.action), body });
        current = params.action === 'reply'
          ? { ...replied, reply: body.reply }
          : { ...current, status: 'closed', version: (current.version as number) + 1, allowedActions: [] };
        return HttpResponse.json(current);
      }),
    );

    expect(await screen.findByText('尚未回复：请点击“回复”。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '回复' }));
    let dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: '回复' }));
    expect(await within(dialog).findByText('此项必填')).toBeInTheDocument();
    expect(sent).toEqual([]);

    await user.click(within(dialog).getByRole('textbox', { name: /回复内容/ }));
    await user.paste('已与服务商沟通，下周起更换导师。');
    await user.click(within(dialog).getByRole('button', { name: '回复' }));
    await waitFor(() => expect(sent).toEqual([{ action: 'reply', body: { version: 1, reply: '已与服务商沟通，下周起更换导师。' } }]));
    const reply = await screen.findByTestId('feedback-reply');
    expect(await within(reply).findByText('已与服务商沟通，下周起更换导师。')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(await screen.findByRole('button', { name: '关闭' }));
    dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(sent[1]).toEqual({ action: 'close', body: { version: 2 } }));
    expect(await screen.findByText('此反馈已关闭。')).toBeInTheDocument();
  });

  it('the school sees the reply and no action buttons', async () => {
    renderResource('#/feedback/12/show', users.school, http.get(`${API}/feedback/12`, () => HttpResponse.json({ ...replied, allowedActions: [] })));
    const reply = await screen.findByTestId('feedback-reply');
    expect(within(reply).getByText('已与服务商沟通，下周起更换导师。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '回复' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '关闭' })).not.toBeInTheDocument();
  });
});
