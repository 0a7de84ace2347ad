import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { i18nProvider } from '../i18n';
import { server } from '../test/server';
import { bodyOf } from '../test/render-app';
import { JoinPage } from './JoinPage';
import { renderPublic } from './join-test-render';

const provinces = http.get(`*/api/join-requests/provinces`, () => HttpResponse.json(['浙江', '广东']));

function answering(status: number, body: Record<string, unknown>, sent: Record<string, unknown>[] = []) {
  server.use(provinces, http.post(`*/api/join-requests`, async ({ request }) => {
    sent.push(await bodyOf(request));
    return HttpResponse.json(body, { status });
  }));
  return sent;
}

/** Types into a field as one paste (typing letter by letter costs seconds of CPU per field). */
async function enter(user: ReturnType<typeof userEvent.setup>, name: RegExp, text: string) {
  await user.click(await screen.findByRole('textbox', { name }));
  await user.paste(text);
}

async function fillIn(user: ReturnType<typeof userEvent.setup>, over: Partial<Record<string, string>> = {}) {
  const v = { schoolName: '杭州职业技术学院', contactName: '王老师', email: 'wang@hzvtc.edu.cn', phone: '0571-86888888', ...over };
  await enter(user, /学校名称/, v.schoolName);
  await user.selectOptions(await screen.findByRole('combobox', { name: /所在省份/ }), '浙江');
  await user.selectOptions(screen.getByRole('combobox', { name: /院校类型/ }), 'vocational');
  await enter(user, /联系人姓名/, v.contactName);
  await enter(user, /联系人邮箱/, v.email);
  await enter(user, /联系电话/, v.phone);
  await user.selectOptions(screen.getByRole('combobox', { name: /合作层次/ }), 'talent_base');
}

afterEach(async () => { await i18nProvider.changeLocale('zh'); });

describe('the join page', () => {
  it('sends the request (with the honeypot empty) and says to check the e-mail; the honeypot is hidden from people and screen readers', async () => {
    const user = userEvent.setup({ delay: null });
    const sent = answering(202, { ok: true });
    renderPublic(<JoinPage />, '/join');
    expect(await screen.findByRole('heading', { name: '申请加入校企合作项目' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /网站/ })).not.toBeInTheDocument();
    const honeypot = document.querySelector('input[name="website"]') as HTMLInputElement;
    expect(honeypot.tabIndex).toBe(-1);
    expect(honeypot.closest('[aria-hidden="true"]')).not.toBeNull();
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText('请查收邮件')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('wang@hzvtc.edu.cn');
    expect(sent).toEqual([{
      schoolName: '杭州职业技术学院', province: '浙江', kind: 'vocational', contactName: '王老师', email: 'wang@hzvtc.edu.cn',
      phone: '0571-86888888', tier: 'talent_base', website: '',
    }]);
  });

  it('checks what it can before sending: every field required, the e-mail and phone well-formed', async () => {
    const user = userEvent.setup({ delay: null });
    const sent = answering(202, { ok: true });
    renderPublic(<JoinPage />, '/join');
    await screen.findByRole('combobox', { name: /所在省份/ });
    await user.click(screen.getByRole('button', { name: '提交申请' }));
    expect((await screen.findAllByText('此项必填')).length).toBe(7);
    await fillIn(user, { email: 'not-an-email', phone: 'abc' });
    await user.click(screen.getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText('请输入有效的邮箱地址')).toBeInTheDocument();
    expect(screen.getByText(/请输入有效的电话号码/)).toBeInTheDocument();
    expect(sent).toEqual([]);
  });

  it("shows the server's field problems under their fields, worded by code in the UI's language", async () => {
    const user = userEvent.setup({ delay: null });
    answering(400, {
      error: 'validation_failed', code: 'too_long', params: { maximum: 100 }, message: 'schoolName: at most 100 characters',
      details: [
        { field: 'body.schoolName', code: 'too_long', params: { maximum: 100 }, message: 'at most 100 characters' },
        { field: 'province', code: 'join_province_unknown', params: { province: '浙江' }, message: 'choose a province from the list' },
      ],
    });
    renderPublic(<JoinPage />, '/join');
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText('请选择列表中的省份（“浙江”不在任何大区内）')).toBeInTheDocument();
    expect(screen.queryByText('at most 100 characters')).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /学校名称/ })).toHaveAttribute('aria-invalid', 'true');
  });

  it('says when too many requests came from the domain, in English when the UI is English', async () => {
    await i18nProvider.changeLocale('en');
    const user = userEvent.setup({ delay: null });
    answering(429, { error: 'too_many_requests', code: 'join_too_many_from_domain', params: { domain: 'hzvtc.edu.cn', limit: 5 }, message: '24 小时内…' });
    renderPublic(<JoinPage />, '/join');
    await enter(user, /School name/, '杭州职业技术学院');
    await user.selectOptions(await screen.findByRole('combobox', { name: /Province/ }), '浙江');
    await user.selectOptions(screen.getByRole('combobox', { name: /Kind of school/ }), 'university');
    await enter(user, /Contact name/, 'Wang');
    await enter(user, /Contact e-mail/, 'wang@hzvtc.edu.cn');
    await enter(user, /Contact phone/, '0571-86888888');
    await user.selectOptions(screen.getByRole('combobox', { name: /tier/ }), 'partner_school');
    await user.click(screen.getByRole('button', { name: 'Send the request' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('5 requests to join have come from addresses at hzvtc.edu.cn in the last 24 hours');
    await waitFor(() => expect(screen.queryByText('Check your e-mail')).not.toBeInTheDocument());
  });
});
