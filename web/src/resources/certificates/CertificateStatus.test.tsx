import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { API, listHandler, users } from '../../test/api';
import { bodyOf } from '../../test/render-app';
import { renderResource } from '../../test/render-resource';

const base = { schoolId: 1, studentName: '张三', studentNo: '2024010101', kind: 'operator', issuedOn: '2026-06-20', createdAt: '2026-06-21T00:00:00Z', verifiedAt: null, verifiedBy: null };
const claimed = { ...base, id: 11, certNo: 'OLD-0001', status: 'claimed', allowedActions: ['verify'] };
const verified = { ...base, id: 12, studentId: 3, studentName: '李四', certNo: 'OP-2026-0002', status: 'verified', verifiedAt: '2026-06-21T00:00:00Z', allowedActions: [] };

describe('certificates: verified and claimed', () => {
  it('shows each certificate\'s status in words, filters by it, and a school gets no verify', async () => {
    const asked: URL[] = [];
    const user = userEvent.setup({ delay: null });
    renderResource('#/certificates', users.school, listHandler('certificates', [{ ...claimed, allowedActions: [] }, verified], (url) => asked.push(url)),
      listHandler('students', [{ id: 3, name: '李四' }]), listHandler('schools', [{ id: 1, name: '浙江金融职业学院' }]));
    const rows = await screen.findAllByTestId('certificate-status');
    expect(rows.map((r) => r.textContent)).toEqual(['待核验', '已核验']);
    expect(screen.queryByRole('button', { name: '核验' })).not.toBeInTheDocument();
    // The status filter asks the server for one status.
    await user.click(screen.getByRole('combobox', { name: '状态' }));
    await user.click(await screen.findByRole('option', { name: '已核验' }));
    await waitFor(() => expect(asked.some((u) => JSON.parse(u.searchParams.get('filter') ?? '{}').status === 'verified')).toBe(true));
    await waitFor(() => expect(screen.getAllByTestId('certificate-status').map((r) => r.textContent)).toEqual(['已核验']));
  });

  it("HQ verifies a claimed certificate from the list, with how it was checked", async () => {
    const user = userEvent.setup({ delay: null });
    const sent: { id: string; body: Record<string, unknown> }[] = [];
    let rows = [claimed, verified];
    renderResource('#/certificates', users.hq,
      http.get(`${API}/certificates`, () => HttpResponse.json(rows, { headers: { 'Content-Range': `certificates 0-${rows.length - 1}/${rows.length}` } })),
      http.post(`${API}/certificates/:id/actions/verify`, async ({ params, request }) => {
        sent.push({ id: String(params.id), body: await bodyOf(request) });
        rows = [{ ...claimed, status: 'verified', allowedActions: [] }, verified];
        return HttpResponse.json(rows[0]);
      }),
      listHandler('schools', [{ id: 1, name: '浙江金融职业学院' }]), listHandler('students', []));
    await user.click(await screen.findByRole('button', { name: '核验' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/核验证书 OLD-0001/)).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: '核对方式（可选）' }), '核对原件');
    await user.click(within(dialog).getByRole('button', { name: '核验' }));
    await waitFor(() => expect(sent).toEqual([{ id: '11', body: { comment: '核对原件' } }]));
    await waitFor(() => expect(screen.getAllByTestId('certificate-status').map((r) => r.textContent)).toEqual(['已核验', '已核验']));
  });
});
