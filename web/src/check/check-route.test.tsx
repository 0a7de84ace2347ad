import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { memoryStore } from 'react-admin';
import { App } from '../App';
import { createAuthProvider } from '../providers/authProvider';
import { createDataProvider } from '../providers/dataProvider';
import { server } from '../test/server';
import { API } from '../test/api';

describe('the certificate check in the app', () => {
  it('opens without a session from the sign-in page\'s link', async () => {
    const user = userEvent.setup({ delay: null });
    server.use(http.get(`${API}/auth/me`, () => HttpResponse.json({ error: 'unauthenticated', code: 'sign_in_first', params: {}, message: 'Sign in first.' }, { status: 401 })));
    window.location.hash = '#/login';
    render(<App dataProvider={createDataProvider(API)} authProvider={createAuthProvider(API)} store={memoryStore()} />);
    await user.click(await screen.findByRole('link', { name: '证书查询' }));
    expect(await screen.findByRole('heading', { name: '证书查询' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/check');
    expect(screen.getByRole('textbox', { name: /证书编号/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '登录' })).not.toBeInTheDocument();
  });
});
