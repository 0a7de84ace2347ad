import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../test/server';
import { API, listHandler, oneHandler, schools, users } from '../../test/api';
import { bodyOf, renderResource } from '../../test/render-resource';

const input = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
async function choose(label: RegExp, option: string | RegExp) {
  fireEvent.mouseDown(await screen.findByRole('combobox', { name: label }));
  fireEvent.click(await within(await screen.findByRole('listbox')).findByRole('option', { name: option }));
}

/** An invited school account as the API answers it (users/user-record.ts). */
const invited = {
  id: 5, email: 'li@hz.test', name: '李老师', role: 'school', schoolId: 1, providerId: null, active: true, invitationPending: true,
  version: 3, locale: 'zh', createdAt: '2026-12-01T08:00:00+08:00', regionIds: [],
};
const regional = { ...users.hq, id: 2, email: 'east@demo.test', name: '华东', role: 'regional', regionIds: [1] } as unknown as typeof users.hq;

describe('accounts in the UI', () => {
  it('HQ creates a school account: no password field, the school the role needs, the body of the role only', async () => {
    let body: Record<string, unknown> | undefined;
    server.use(http.post(`${API}/users`, async ({ request }) => {
      body = await bodyOf(request);
      return HttpResponse.json({ ...invited, ...body, id: 9 }, { status: 201 });
    }));
    renderResource('#/users/create', users.hq, listHandler('schools', schools), oneHandler('users', [{ ...invited, id: 9 }]), listHandler('providers', []));
    expect(await screen.findByText(/发送邀请邮件/)).toBeInTheDocument();
    expect(document.querySelector('input[type="password"]')).toBeNull();
    fireEvent.change(input('name'), { target: { value: ' 李老师 ' } });
    fireEvent.change(input('email'), { target: { value: 'li@hz.test' } });
    await choose(/角色/, '大区');
    await waitFor(() => expect(input('regionIds')).not.toBeNull());
    await choose(/角色/, '院校');
    expect(input('regionIds')).toBeNull();
    const school = await screen.findByRole('combobox', { name: /所属院校/ });
    fireEvent.click(school);
    fireEvent.keyDown(school, { key: 'ArrowDown' });
    fireEvent.click(await within(await screen.findByRole('listbox')).findByRole('option', { name: schools[0]!.name }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(body).toBeDefined());
    expect(body).toEqual({ email: 'li@hz.test', name: '李老师', role: 'school', locale: 'zh', schoolId: 1 });
    expect(await screen.findByText('账号已创建，邀请邮件已发送给 li@hz.test')).toBeInTheDocument();
  });

  it("an invited account's page says so and resends the invitation with the version read", async () => {
    let sent: Record<string, unknown> | undefined;
    server.use(http.post(`${API}/users/5/actions/resend_invitation`, async ({ request }) => {
      sent = await bodyOf(request);
      return HttpResponse.json(invited);
    }));
    renderResource('#/users/5/show', users.hq, oneHandler('users', [invited]), listHandler('schools', schools), oneHandler('schools', schools));
    expect(await screen.findByText('已邀请，待设置密码')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: '停用' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重新发送邀请' }));
    expect(await screen.findByText(/之前的邀请链接将失效/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '确认' }));
    await waitFor(() => expect(sent).toEqual({ version: 3 }));
    expect(await screen.findByText('邀请已重新发送给 li@hz.test')).toBeInTheDocument();
  });

  it('an edit sends the version; a stale one (409) says someone else changed the account', async () => {
    let body: Record<string, unknown> | undefined;
    server.use(http.put(`${API}/users/5`, async ({ request }) => {
      body = await bodyOf(request);
      return HttpResponse.json({ error: 'stale_version', code: 'stale_version', params: {}, message: 'stale' }, { status: 409 });
    }));
    renderResource('#/users/5', users.hq, oneHandler('users', [invited]), listHandler('schools', schools), oneHandler('schools', schools));
    await waitFor(() => expect(input('name').value).toBe('李老师'));
    expect(input('email')).toBeDisabled();
    fireEvent.change(input('name'), { target: { value: '李老师二' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText(/这个账号已被他人修改/)).toBeInTheDocument();
    expect(body).toEqual({ version: 3, name: '李老师二', role: 'school', locale: 'zh', schoolId: 1 });
  });

  it('regional staff create school accounts only (the role is fixed to 院校)', async () => {
    renderResource('#/users/create', regional, listHandler('schools', schools), listHandler('providers', []));
    expect(await screen.findByText(/只能为本大区的院校创建院校账号/)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /角色/ })).toHaveAttribute('aria-disabled', 'true');
  });
});
