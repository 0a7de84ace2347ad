import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../test/server';
import { API, listHandler, oneHandler, users } from '../../test/api';
import { bodyOf, renderResource } from '../../test/render-resource';

const input = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

describe('a regional account in the users form', () => {
  it('HQ names its regions in a field labelled in the UI language, and the body carries them', async () => {
    let body: Record<string, unknown> | undefined;
    const created = { id: 9, email: 'east@example.cn', name: '陈经理', role: 'regional', regionIds: [1], schoolId: null, providerId: null, active: true, invitationPending: true, version: 1, locale: 'zh', createdAt: '2026-12-01T08:00:00+08:00' };
    server.use(http.post(`${API}/users`, async ({ request }) => {
      body = await bodyOf(request);
      return HttpResponse.json(created, { status: 201 });
    }));
    renderResource('#/users/create', users.hq, oneHandler('users', [created]), listHandler('schools', []), listHandler('providers', []));
    await screen.findByText(/发送邀请邮件/);
    fireEvent.change(input('name'), { target: { value: '陈经理' } });
    fireEvent.change(input('email'), { target: { value: 'east@example.cn' } });
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: /角色/ }));
    fireEvent.click(await within(await screen.findByRole('listbox')).findByRole('option', { name: '大区' }));
    // The regions field says 负责大区 (resources.users.fields.regionIds), not the reference's English name.
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: /负责大区/ }));
    fireEvent.click(await within(await screen.findByRole('listbox')).findByRole('option', { name: '华东' }));
    fireEvent.keyDown(await screen.findByRole('listbox'), { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(body).toBeDefined());
    expect(body).toEqual({ email: 'east@example.cn', name: '陈经理', role: 'regional', locale: 'zh', regionIds: [1] });
  });
});
