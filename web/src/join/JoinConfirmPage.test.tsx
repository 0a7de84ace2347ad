import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../test/server';
import { bodyOf } from '../test/render-app';
import { JoinConfirmPage } from './JoinConfirmPage';
import { renderPublic } from './join-test-render';

function answering(status: number, body: Record<string, unknown>) {
  const sent: Record<string, unknown>[] = [];
  server.use(http.post(`*/api/join-requests/confirm`, async ({ request }) => {
    sent.push(await bodyOf(request));
    return HttpResponse.json(body, { status });
  }));
  return sent;
}

describe('the confirmation page', () => {
  it("confirms the link's token once and says what happens next", async () => {
    const sent = answering(200, { ok: true });
    renderPublic(<JoinConfirmPage />, '/join/confirm?token=abc_DEF-123');
    expect(await screen.findByText('邮箱已确认')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('审核');
    expect(sent).toEqual([{ token: 'abc_DEF-123' }]);
  });

  it("an expired link: the reason in the UI's language and a way to ask again", async () => {
    answering(400, { error: 'validation_failed', code: 'join_token_expired', params: {}, message: 'This confirmation link has expired; send the request to join again.' });
    renderPublic(<JoinConfirmPage />, '/join/confirm?token=old');
    expect(await screen.findByRole('alert')).toHaveTextContent('这个确认链接已过期；请重新提交加入申请。');
    expect(screen.getByRole('link', { name: '重新提交申请' })).toHaveAttribute('href', '/join');
  });

  it('a used link says the address is confirmed already; a link without a token asks for the whole link', async () => {
    answering(400, { error: 'validation_failed', code: 'join_token_used', params: {}, message: 'used' });
    const { unmount } = renderPublic(<JoinConfirmPage />, '/join/confirm?token=used');
    expect(await screen.findByRole('alert')).toHaveTextContent('这个确认链接已经用过');
    unmount();
    const sent = answering(200, { ok: true });
    renderPublic(<JoinConfirmPage />, '/join/confirm');
    expect(await screen.findByRole('alert')).toHaveTextContent('链接不完整');
    expect(sent).toEqual([]);
  });
});
