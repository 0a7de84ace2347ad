import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderLoginPage } from '../../test/render-login';
import { server } from '../../test/server';
import { API, oneHandler, schools, users } from '../../test/api';
import { renderResource } from '../../test/render-resource';

/**
 * Issue 16 item 5: no English sentence from the server reaches the Chinese UI for the common failures. Each handler
 * answers as the server does for an English client (its English `message`, the problem `code` and `params`); the
 * Chinese UI must say it in Chinese from the code and show none of the English.
 */

/** Words of three Latin letters or more: none may be in what the Chinese UI says about a failure. */
const latinWords = (text: string | null) => text?.match(/[A-Za-z]{3,}/g) ?? [];
const cjk = /[\u4e00-\u9fff]/;

function expectChineseOnly(element: HTMLElement, english: string) {
  expect(element.textContent).toMatch(cjk);
  expect(latinWords(element.textContent)).toEqual([]);
  expect(document.body.textContent).not.toContain(english);
}

const input = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const field = (name: string) => waitFor(() => { const el = input(name); expect(el).toBeTruthy(); return el; });

function signInRefused(body: Record<string, unknown>, status: number) {
  server.use(http.post(`${API}/auth/login`, () => HttpResponse.json(body, { status })));
  renderLoginPage();
  fireEvent.change(screen.getByRole('textbox', { name: /邮箱/ }), { target: { value: 'hq@demo.test' } });
  fireEvent.change(document.querySelector('input[name="password"]')!, { target: { value: 'wrong-password1' } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

/** The notification (snackbar) or the form's alert that says what went wrong. */
const failureShown = () => waitFor(() => {
  const shown = [...document.querySelectorAll<HTMLElement>('[role="alert"], .MuiSnackbarContent-message')].filter((el) => el.textContent?.trim());
  expect(shown.length).toBeGreaterThan(0);
  return shown[0];
});

describe('the Chinese UI says the common failures in Chinese, never in the server\'s English', () => {
  it('a wrong password', async () => {
    const english = 'The email or password is wrong.';
    signInRefused({ error: 'unauthenticated', code: 'login_failed', params: {}, message: english }, 401);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('邮箱或密码错误');
    expectChineseOnly(alert, english);
  });

  it('a throttled sign-in (429)', async () => {
    const english = 'Too many failed sign-ins; try again in 5 minutes.';
    signInRefused({ error: 'too_many_requests', code: 'too_many_sign_ins', params: { seconds: 300 }, message: english, details: { retryAfterSeconds: 300 } }, 429);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('5 分钟');
    expectChineseOnly(alert, english);
  });

  it('a duplicate (409 from a unique constraint): neither the English sentence nor the constraint\'s name', async () => {
    const english = 'A record with the same unique value already exists.';
    server.use(http.post(`${API}/schools`, () => HttpResponse.json({
      error: 'conflict', code: 'duplicate', params: { constraint: 'schools_name_unique' }, message: english,
    }, { status: 409 })));
    renderResource('#/schools/create', users.hq);
    fireEvent.change(await field('name'), { target: { value: '杭州职业技术学院' } });
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: /省份/ }));
    fireEvent.click(await within(await screen.findByRole('listbox')).findByRole('option', { name: /浙江/ }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const shown = await failureShown();
    expect(shown).toHaveTextContent('已存在具有相同唯一值的记录');
    expectChineseOnly(shown, english);
    expect(document.body.textContent).not.toContain('schools_name_unique');
  });

  it('a bad import row', async () => {
    const english = 'must be one of: 浙江, 江苏';
    server.use(
      http.get(`*/api/schools/import/template`, () => new HttpResponse('学校名称 (name),省份 (province)\n', { headers: { 'content-type': 'text/csv; charset=utf-8' } })),
      http.post(`*/api/schools/import`, () => HttpResponse.json({
        created: 0, updated: 0, unchanged: 0, rejected: 1,
        rows: [{ row: 2, outcome: 'rejected', problems: [{ field: 'province', code: 'invalid_option', params: { values: '浙江, 江苏' }, message: english }] }],
      })),
    );
    renderResource('#/schools/import', users.hq);
    await screen.findByText(/province/);
    fireEvent.change(document.querySelector<HTMLInputElement>('input[type="file"]')!, {
      target: { files: [new File(['学校名称,省份\n湖州职业技术学院,火星\n'], 'schools.csv', { type: 'text/csv' })] },
    });
    await screen.findByText('schools.csv');
    fireEvent.click(screen.getByRole('button', { name: '检查文件' }));
    const preview = await screen.findByTestId('import-preview');
    const rows = within(within(preview).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('省份应为以下之一：浙江, 江苏');
    expectChineseOnly(rows[0], english);
  });

  it('a stale version (409)', async () => {
    const english = 'Someone else has changed this record since you opened it; reload it to see its current state.';
    const school = { ...schools[0], contactEmail: null, contactPhone: null, active: true, version: 4, updatedAt: '2024-03-01T08:00:00+08:00' };
    server.use(http.put(`${API}/schools/1`, () => HttpResponse.json({ error: 'stale_version', code: 'stale_version', params: {}, message: english }, { status: 409 })));
    renderResource('#/schools/1', users.hq, oneHandler('schools', [school]));
    await waitFor(() => expect(input('name')).toHaveValue(school.name));
    fireEvent.change(input('city'), { target: { value: '湖州' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const shown = await failureShown();
    expect(shown).toHaveTextContent('已被他人修改');
    expectChineseOnly(shown, english);
  });
});
