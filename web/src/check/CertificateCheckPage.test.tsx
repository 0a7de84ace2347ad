import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { i18nProvider } from '../i18n';
import { server } from '../test/server';
import { renderPublic } from '../join/join-test-render';
import { CertificateCheckPage } from './CertificateCheckPage';

function answering(status: number, body: Record<string, unknown>, asked: URLSearchParams[] = [], headers: Record<string, string> = {}) {
  server.use(http.get('*/api/public/certificate-check', ({ request }) => {
    asked.push(new URL(request.url).searchParams);
    return HttpResponse.json(body, { status, headers });
  }));
  return asked;
}

async function check(user: ReturnType<typeof userEvent.setup>, number: string, name: string) {
  await user.click(await screen.findByRole('textbox', { name: /证书编号|Certificate number/ }));
  await user.paste(number);
  await user.click(screen.getByRole('textbox', { name: /持证人姓名|Holder/ }));
  await user.paste(name);
  await user.click(screen.getByRole('button', { name: /查询|Verify/ }));
}

afterEach(async () => { await i18nProvider.changeLocale('zh'); });

describe('the public certificate check', () => {
  it('shows a valid certificate\'s kind, level and issue date, announced in a live region', async () => {
    const user = userEvent.setup({ delay: null });
    const asked = answering(200, { valid: true, kind: '1x_intermediate', level: 'intermediate', issuedOn: '2025-12-20' });
    renderPublic(<CertificateCheckPage />, '/check');
    expect(await screen.findByRole('heading', { name: '证书查询' })).toBeInTheDocument();
    await check(user, ' V-0001 ', '张三');
    const status = screen.getByRole('status');
    expect(await within(status).findByText('证书有效')).toBeInTheDocument();
    expect(within(status).getByText('1+X中级')).toBeInTheDocument();
    expect(within(status).getByText('中级')).toBeInTheDocument();
    expect(within(status).getByText('2025-12-20')).toBeInTheDocument();
    expect(asked.map((q) => [q.get('number'), q.get('name')])).toEqual([['V-0001', '张三']]);
  });

  it('says one neutral sentence when nothing matches', async () => {
    const user = userEvent.setup({ delay: null });
    answering(200, { valid: false });
    renderPublic(<CertificateCheckPage />, '/check');
    await check(user, 'X-1', '李四');
    expect(await within(screen.getByRole('status')).findByText(/未查到与该编号和姓名相符的有效证书/)).toBeInTheDocument();
    expect(screen.queryByText('证书有效')).not.toBeInTheDocument();
  });

  it('names the empty fields on their inputs and asks nothing', async () => {
    const user = userEvent.setup({ delay: null });
    const asked = answering(200, { valid: false });
    renderPublic(<CertificateCheckPage />, '/check');
    await user.click(await screen.findByRole('button', { name: '查询' }));
    for (const name of [/证书编号/, /持证人姓名/]) {
      const input = screen.getByRole('textbox', { name });
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(input).toHaveAccessibleDescription('必填');
    }
    expect(screen.getByRole('textbox', { name: /证书编号/ })).toHaveFocus();
    expect(asked).toEqual([]);
  });

  it('says when checks come too often (429), in English too', async () => {
    const user = userEvent.setup({ delay: null });
    await i18nProvider.changeLocale('en');
    answering(429, { error: 'too_many_requests', code: 'too_many_certificate_checks', params: { seconds: 30 }, message: 'Too many checks; try again in 30 seconds.' }, [], { 'Retry-After': '30' });
    renderPublic(<CertificateCheckPage />, '/check');
    expect(await screen.findByRole('heading', { name: 'Verify a certificate' })).toBeInTheDocument();
    await check(user, 'V-0001', 'Zhang San');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The check did not complete');
    expect(alert).toHaveTextContent(/Too many checks/);
  });
});
