import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderLoginPage } from '../test/render-login';
import { server } from '../test/server';
import { API } from '../test/api';

function signInRefused(body: Record<string, unknown>, status: number) {
  server.use(http.post(`${API}/auth/login`, () => HttpResponse.json(body, { status })));
  renderLoginPage();
  fireEvent.change(screen.getByRole('textbox', { name: /邮箱/ }), { target: { value: 'hq@demo.test' } });
  fireEvent.change(document.querySelector('input[name="password"]')!, { target: { value: 'wrong-password1' } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

describe('the login page', () => {
  it("says why sign-in failed by the problem's code in the UI's language, not in the server's English", async () => {
    signInRefused({ error: 'unauthenticated', code: 'login_failed', params: {}, message: 'The email or password is wrong.' }, 401);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('邮箱或密码错误。');
    expect(alert).not.toHaveTextContent('The email or password is wrong.');
  });

  it('says how long to wait when sign-in is throttled', async () => {
    signInRefused({ error: 'too_many_requests', code: 'too_many_sign_ins', params: { seconds: 300 }, message: 'Too many failed sign-ins; try again in 5 minutes.', details: { retryAfterSeconds: 300 } }, 429);
    expect(await screen.findByRole('alert')).toHaveTextContent('登录失败次数过多，请 5 分钟后再试。');
  });

  it('moves focus to the password after a refusal, described by the announced alert (not to <body>)', async () => {
    signInRefused({ error: 'unauthenticated', code: 'login_failed', params: {}, message: 'The email or password is wrong.' }, 401);
    const alert = await screen.findByRole('alert');
    const password = document.querySelector<HTMLInputElement>('input[name="password"]')!;
    await waitFor(() => expect(document.activeElement).toBe(password));
    expect(password.getAttribute('aria-describedby')).toContain(alert.id);
  });

  it('switches to English from its language menu (loaded when first opened), fields named and described as before', async () => {
    renderLoginPage();
    const email = screen.getByRole('textbox', { name: /邮箱/ });
    expect(document.getElementById(email.getAttribute('aria-describedby')!)).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /中文/ }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'English' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Email/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /English/ })).toBeInTheDocument();
  });
});
