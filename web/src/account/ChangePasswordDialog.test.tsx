import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../test/server';
import { bodyOf } from '../test/render-app';
import { renderPublic } from '../join/join-test-render';
import { ChangePasswordDialog } from './ChangePasswordMenuItem';

const field = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

describe('change my password (user menu)', () => {
  it('sends the current and the new password; a wrong current one is said on its field, in the UI language', async () => {
    const sent: Record<string, unknown>[] = [];
    let answer: [number, Record<string, unknown>] = [400, {
      error: 'validation_failed', code: 'current_password_wrong', params: {}, message: 'currentPassword: the current password is wrong',
      details: [{ field: 'currentPassword', code: 'current_password_wrong', params: {}, message: 'the current password is wrong' }],
    }];
    server.use(http.post('*/api/auth/change-password', async ({ request }) => {
      sent.push(await bodyOf(request));
      return HttpResponse.json(answer[1], { status: answer[0] });
    }));
    let closed = false;
    renderPublic(<ChangePasswordDialog open onClose={() => { closed = true; }} />, '/');
    await waitFor(() => expect(field('currentPassword')).not.toBeNull());
    fireEvent.change(field('currentPassword'), { target: { value: 'wrong' } });
    fireEvent.change(field('newPassword'), { target: { value: 'Newpass2026' } });
    fireEvent.change(field('passwordAgain'), { target: { value: 'Newpass2027' } });
    expect(screen.getByText('两次输入的密码不一致')).toBeInTheDocument();
    fireEvent.change(field('passwordAgain'), { target: { value: 'Newpass2026' } });
    fireEvent.click(screen.getByRole('button', { name: '保存密码' }));
    expect(await screen.findByText('当前密码不正确')).toBeInTheDocument();
    answer = [200, { ok: true }];
    fireEvent.change(field('currentPassword'), { target: { value: 'Demo12345' } });
    fireEvent.click(screen.getByRole('button', { name: '保存密码' }));
    await waitFor(() => expect(closed).toBe(true));
    expect(sent).toEqual([
      { currentPassword: 'wrong', newPassword: 'Newpass2026' },
      { currentPassword: 'Demo12345', newPassword: 'Newpass2026' },
    ]);
  });
});
