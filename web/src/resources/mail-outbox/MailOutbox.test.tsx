import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { listHandler, oneHandler, users } from '../../test/api';
import { renderResource } from '../../test/render-resource';

const invitation = {
  id: 7, recipient: 'teacher@school.test', kind: 'invitation', subject: '您的校企合作平台账号',
  text: '张老师，您好：\n\n请打开下面的链接设置密码。\n\n设置密码:\nhttp://localhost:3000/set-password?token=abc123\n',
  html: '<p>…</p>', status: 'failed', attempts: 8, nextAttemptAt: '2026-06-01T08:00:00+08:00', lastError: 'ECONNREFUSED connect ECONNREFUSED 127.0.0.1:25',
  userId: 12, createdAt: '2026-06-01T08:00:00+08:00', sentAt: null,
};
const digest = {
  ...invitation, id: 8, recipient: 'hq@demo.test', kind: 'digest', subject: '校企合作平台每日待办：5 项', status: 'sent', attempts: 1, lastError: null,
  sentAt: '2026-06-01T08:01:00+08:00',
};

describe('the mail outbox (HQ)', () => {
  it('lists the mails with their kind and delivery state', async () => {
    renderResource('#/mail-outbox', users.hq, listHandler('mail-outbox', [invitation, digest]));
    expect(await screen.findByText('teacher@school.test')).toBeInTheDocument();
    expect(screen.getByText('hq@demo.test')).toBeInTheDocument();
    expect(screen.getByText('账号邀请')).toBeInTheDocument();
    expect(screen.getAllByText('发送失败').length).toBeGreaterThan(0);
    expect(screen.getAllByText('已发送').length).toBeGreaterThan(0);
  });

  it('shows a mail\'s text with its link clickable, and sends a failed mail again', async () => {
    const retried: number[] = [];
    renderResource('#/mail-outbox/7/show', users.hq, oneHandler('mail-outbox', [invitation]),
      http.post('*/api/mail-outbox/:id/actions/retry', ({ params }) => {
        retried.push(Number(params.id));
        return HttpResponse.json({ ...invitation, status: 'queued', attempts: 0 });
      }));
    const text = await screen.findByTestId('mail-text');
    expect(text).toHaveTextContent('请打开下面的链接设置密码。');
    const link = within(text).getByRole('link', { name: 'http://localhost:3000/set-password?token=abc123' });
    expect(link).toHaveAttribute('href', 'http://localhost:3000/set-password?token=abc123');
    expect(screen.getByText(/ECONNREFUSED/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重新发送' }));
    await waitFor(() => expect(retried).toEqual([7]));
    expect(await screen.findByText('邮件已重新排队，将尽快发送')).toBeInTheDocument();
  });

  it('offers no retry for a sent mail', async () => {
    renderResource('#/mail-outbox/8/show', users.hq, oneHandler('mail-outbox', [digest]));
    expect(await screen.findByTestId('mail-text')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重新发送' })).not.toBeInTheDocument();
  });

  it('is not there for other roles', () => {
    const { container } = renderResource('#/mail-outbox', users.school, listHandler('mail-outbox', [invitation]));
    expect(container.querySelector('[data-testid="mail-text"]')).toBeNull();
    expect(screen.queryByText('teacher@school.test')).not.toBeInTheDocument();
  });
});
