import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../test/server';
import { bodyOf } from '../test/render-app';
import { renderPublic } from '../join/join-test-render';
import { SetPasswordPage } from './SetPasswordPage';
import { ForgotPasswordPage } from './ForgotPasswordPage';

function answering(path: string, status: number, body: Record<string, unknown>) {
  const sent: Record<string, unknown>[] = [];
  server.use(http.post(`*/api/auth/${path}`, async ({ request }) => {
    sent.push(await bodyOf(request));
    return HttpResponse.json(body, { status });
  }));
  return sent;
}
const field = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
function type(password: string, again = password) {
  fireEvent.change(field('password'), { target: { value: password } });
  fireEvent.change(field('passwordAgain'), { target: { value: again } });
}

describe('the set-password page (invitation and reset links)', () => {
  it("sends the link's token with the password and the invitation purpose, then leads to sign-in", async () => {
    const sent = answering('reset-password', 200, { ok: true, email: 'li@school.test' });
    renderPublic(<SetPasswordPage purpose="invitation" />, '/set-password?token=abc_DEF-123');
    expect(await screen.findByRole('heading', { name: '设置密码' })).toBeInTheDocument();
    type('Chosen2026');
    fireEvent.click(screen.getByRole('button', { name: '保存密码' }));
    expect(await screen.findByRole('status')).toHaveTextContent('li@school.test');
    expect(sent).toEqual([{ token: 'abc_DEF-123', password: 'Chosen2026', purpose: 'invitation' }]);
    expect(screen.getByRole('link', { name: '前往登录' })).toHaveAttribute('href', '/login');
  });

  it("an expired link: the server's reason in the UI's language, and a way to ask for a new one", async () => {
    answering('reset-password', 400, {
      error: 'validation_failed', code: 'token_expired', params: {}, message: 'this link has expired',
      details: [{ field: 'token', code: 'token_expired', params: {}, message: 'this link has expired' }],
    });
    renderPublic(<SetPasswordPage purpose="reset" />, '/reset-password?token=old');
    expect(await screen.findByRole('heading', { name: '设置新密码' })).toBeInTheDocument();
    type('Chosen2026');
    fireEvent.click(screen.getByRole('button', { name: '保存密码' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('这个链接已过期');
    expect(screen.getByRole('link', { name: '重新申请重置密码' })).toHaveAttribute('href', '/forgot-password');
  });

  it('a refused password stays on the form with the rule; differing passwords are not sent; no token asks for the whole link', async () => {
    const sent = answering('reset-password', 400, {
      error: 'validation_failed', code: 'password_too_short', params: { minimum: 8 }, message: 'password: at least 8',
      details: [{ field: 'password', code: 'password_too_short', params: { minimum: 8 }, message: 'at least 8' }],
    });
    const { unmount } = renderPublic(<SetPasswordPage purpose="reset" />, '/reset-password?token=t1');
    await screen.findByRole('heading', { name: '设置新密码' });
    type('abc123', 'abc1234');
    expect(screen.getByText('两次输入的密码不一致')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '保存密码' })).toBeDisabled();
    type('abc123');
    fireEvent.click(screen.getByRole('button', { name: '保存密码' }));
    expect(await screen.findByText(/密码至少 8 个字符/)).toBeInTheDocument();
    expect(field('password')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    unmount();
    renderPublic(<SetPasswordPage purpose="invitation" />, '/set-password');
    expect(await screen.findByRole('alert')).toHaveTextContent('链接不完整');
  });
});

describe('the forgotten-password page', () => {
  it('sends the address and says the same whatever the answer', async () => {
    const sent = answering('forgot-password', 200, { ok: true });
    renderPublic(<ForgotPasswordPage />, '/forgot-password');
    fireEvent.change(await waitFor(() => field('email')), { target: { value: ' li@school.test ' } });
    fireEvent.click(screen.getByRole('button', { name: '发送链接' }));
    expect(await screen.findByRole('status')).toHaveTextContent('如果 li@school.test 是本平台的账号');
    expect(sent).toEqual([{ email: 'li@school.test' }]);
  });
});
