import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { API, users } from '../../test/api';
import { renderResource } from '../../test/render-resource';

const other = (certificateId: number, schoolId: number, schoolName: string, studentName: string, certNo: string, status: string) => ({
  certificateId, schoolId, schoolName, studentId: certificateId + 100, studentName, studentNo: `S${certificateId}`, kind: 'operator', certNo, status, issuedOn: '2026-06-20', outOfScope: false,
});
const rows = [
  {
    id: 'issued_elsewhere-21', problem: 'issued_elsewhere', schoolId: 3, schoolName: '广东轻工职业技术大学', regionId: 2, studentId: 5, studentName: '王五',
    studentNo: 'G001', kind: 'operator', certNo: 'OP-2026-0002', certificateId: 21, others: [other(12, 1, '浙江金融职业学院', '李四', 'OP-2026-0002', 'verified')],
  },
  {
    id: 'claimed_twice-22', problem: 'claimed_twice', schoolId: 1, schoolName: '浙江金融职业学院', regionId: 1, studentId: 6, studentName: '赵六',
    studentNo: 'Z001', kind: '1x_junior', certNo: 'TWICE-1', certificateId: 22, others: [other(23, 3, '广东轻工职业技术大学', '钱七', 'TWICE-1', 'claimed')],
  },
  {
    id: 'certified_twice-7-operator', problem: 'certified_twice', schoolId: 1, schoolName: '浙江金融职业学院', regionId: 1, studentId: 7, studentName: '孙八',
    studentNo: 'Z002', kind: 'operator', certNo: 'A-1', certificateId: 24, others: [other(24, 1, '浙江金融职业学院', '孙八', 'A-1', 'claimed'), other(25, 1, '浙江金融职业学院', '孙八', 'A-2', 'verified')],
  },
];

describe('the certificate reconciliation (HQ)', () => {
  it('lists the three kinds of problems with the school and links to the schools and certificates, filtered by kind', async () => {
    const asked: URL[] = [];
    const user = userEvent.setup({ delay: null });
    renderResource('#/certificate-reconciliation', users.hq, http.get(`${API}/certificate-reconciliation`, ({ request }) => {
      const url = new URL(request.url);
      asked.push(url);
      const problem = JSON.parse(url.searchParams.get('filter') ?? '{}').problem as string | undefined;
      const shown = rows.filter((r) => !problem || r.problem === problem);
      return HttpResponse.json(shown, { headers: { 'Content-Range': `certificate-reconciliation 0-${Math.max(shown.length - 1, 0)}/${shown.length}` } });
    }));
    expect(await screen.findByText('编号已发给他人')).toBeInTheDocument();
    expect(screen.getByText('编号被多人填报')).toBeInTheDocument();
    expect(screen.getByText('同类证书重复')).toBeInTheDocument();
    const first = screen.getByText('编号已发给他人').closest('tr')!;
    expect(within(first).getByRole('link', { name: '广东轻工职业技术大学' })).toHaveAttribute('href', '#/schools/3/show');
    expect(within(first).getByRole('link', { name: /OP-2026-0002 · 操盘官/ })).toHaveAttribute('href', '#/certificates/21/show');
    expect(within(first).getByRole('link', { name: '浙江金融职业学院' })).toHaveAttribute('href', '#/schools/1/show');
    expect(within(first).getByText(/李四/)).toBeInTheDocument();
    expect(within(first).getByText(/已核验/)).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: '问题' }));
    await user.click(await screen.findByRole('option', { name: '同类证书重复' }));
    await waitFor(() => expect(screen.queryByText('编号已发给他人')).not.toBeInTheDocument());
    expect(asked.some((u) => JSON.parse(u.searchParams.get('filter') ?? '{}').problem === 'certified_twice')).toBe(true);
    expect(screen.getByRole('link', { name: 'A-2' })).toHaveAttribute('href', '#/certificates/25/show');
  });

  it("names another region's school and student to nobody but HQ: a regional reviewer reads the number, its status and where it is", async () => {
    const regional = { ...users.hq, id: 2, email: 'south@demo.test', name: '华南大区', role: 'regional', regionIds: [2] } as unknown as typeof users.hq;
    const hidden = { certificateId: 12, schoolId: null, schoolName: null, studentId: null, studentName: null, studentNo: null, kind: 'operator', certNo: 'OP-2026-0002', status: 'verified', issuedOn: '2026-06-20', outOfScope: true };
    const shown = [{ ...rows[0], others: [hidden] }];
    renderResource('#/certificate-reconciliation', regional, http.get(`${API}/certificate-reconciliation`, () =>
      HttpResponse.json(shown, { headers: { 'Content-Range': 'certificate-reconciliation 0-0/1' } })));
    const row = (await screen.findByText('编号已发给他人')).closest('tr')!;
    expect(within(row).getByText(/OP-2026-0002 · 另一大区的院校/)).toBeInTheDocument();
    expect(within(row).getByText(/已核验/)).toBeInTheDocument();
    // Only the row's own school and certificate are links: nothing leads to the other region's records.
    expect(within(row).getAllByRole('link').map((a) => a.getAttribute('href')).sort()).toEqual(['#/certificates/21/show', '#/schools/3/show', '#/students/5/show']);
    expect(row).not.toHaveTextContent('浙江金融职业学院');
  });
});
