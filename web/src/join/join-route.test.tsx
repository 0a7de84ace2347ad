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

const signedOut = [
  http.get(`${API}/auth/me`, () => HttpResponse.json({ error: 'unauthenticated', code: 'sign_in_first', params: {}, message: 'Sign in first.' }, { status: 401 })),
  http.get('*/api/join-requests/provinces', () => HttpResponse.json(['浙江'])),
];

describe('the join page in the app', () => {
  it('opens without a session, and the sign-in page links to it', async () => {
    const user = userEvent.setup({ delay: null });
    server.use(...signedOut);
    window.location.hash = '#/login';
    render(<App dataProvider={createDataProvider(API)} authProvider={createAuthProvider(API)} store={memoryStore()} />);
    await user.click(await screen.findByRole('link', { name: '学校尚未加入？申请加入项目' }));
    expect(await screen.findByRole('heading', { name: '申请加入校企合作项目' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/join');
    expect(await screen.findByRole('combobox', { name: /所在省份/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '登录' })).not.toBeInTheDocument();
  });
});
