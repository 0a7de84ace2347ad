import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../test/server';
import { listHandler, oneHandler, schools, users } from '../../test/api';
import { renderComponent, renderResource } from '../../test/render-resource';
import { mayAttachToAgreement, AgreementEvidence } from './AgreementEvidence';

/** Evidence where it belongs (issue 17 item 4): the school attaches on the records it keeps, the others download. */
const fair = { id: 3, schoolId: 1, schoolName: schools[0]!.name, title: '2026 春季双选会', heldOn: '2026-04-01', employers: 40, attendance: 600, version: 1 };
const certificate = { id: 8, schoolId: 1, studentId: 11, studentName: '王芳', kind: 'operator', certNo: 'OP-1', issuedOn: '2026-05-01', version: 1 };
const practice = { id: 9, schoolId: 1, studentId: 11, studentName: '王芳', project: '店铺运营', hours: 8, practicedOn: '2026-05-02', confirmed: true, providerName: null, version: 1 };
const file = (id: number, entityType: string, entityId: number, fileName: string) => ({
  id, schoolId: 1, entityType, entityId, fileName, contentType: 'image/png', sizeBytes: 2048, description: null, uploaderName: '李老师', uploadedAt: '2026-05-03T10:00:00+08:00', downloadUrl: `/api/evidence/${id}/download`,
});
const files = [file(21, 'job_fair', 3, '现场.png'), file(22, 'certificate', 8, '证书.png'), file(23, 'practice_record', 9, '工时表.png')];
const common = [listHandler('evidence', files), listHandler('schools', schools), oneHandler('schools', schools), listHandler('students', [{ id: 11, name: '王芳', studentNo: 'S1' }]), oneHandler('students', [{ id: 11, name: '王芳', studentNo: 'S1' }])];
const regional = { ...users.hq, id: 2, email: 'east@demo.test', name: '华东', role: 'regional', regionIds: [1] } as unknown as typeof users.hq;

describe('evidence on the records a school keeps', () => {
  it("the school's job fair page lists its photo for download and attaches a new one to that job fair", async () => {
    let sent: string | undefined;
    server.use(http.post("*/api/evidence", async ({ request }) => {
      sent = await request.text();
      return HttpResponse.json(file(24, 'job_fair', 3, 'new.png'), { status: 201 });
    }));
    renderResource('#/job-fairs/3', users.school, oneHandler('job-fairs', [fair]), listHandler('job-fairs', [fair]), ...common);
    const section = await screen.findByTestId('evidence-job_fair');
    expect(within(section).getByRole('heading', { name: '佐证材料' })).toBeInTheDocument();
    const link = await within(section).findByRole('link', { name: '现场.png' });
    expect(link).toHaveAttribute('href', '/api/evidence/21/download');
    expect(within(section).queryByText('证书.png')).toBeNull();
    const input = within(section).getByTestId('attachment-input') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'new.png', { type: 'image/png' })] } });
    await waitFor(() => expect(sent).toBeDefined());
    expect(sent).toMatch(/name="entityType"\r\n\r\njob_fair\r\n/);
    expect(sent).toMatch(/name="entityId"\r\n\r\n3\r\n/);
    // (jsdom's File reaches undici's FormData without its name: the part is there, as the file's type says.)
    expect(sent).toMatch(/name="file"; filename="[^"]*"\r\nContent-Type: image\/png/);
    expect(await screen.findByText(/new\.png/)).toBeInTheDocument();
  });

  it('regional staff see the files of a job fair, a certificate and a practice record, with no upload', async () => {
    for (const [hash, handlers, type, name] of [
      ['#/job-fairs/3/show', [oneHandler('job-fairs', [fair])], 'job_fair', '现场.png'],
      ['#/certificates/8/show', [oneHandler('certificates', [certificate])], 'certificate', '证书.png'],
      ['#/practice-records/9/show', [oneHandler('practice-records', [practice])], 'practice_record', '工时表.png'],
    ] as const) {
      const view = renderResource(hash, regional, ...handlers, ...common);
      const section = await screen.findByTestId(`evidence-${type}`);
      expect(await within(section).findByRole('link', { name })).toBeInTheDocument();
      expect(within(section).queryByRole('button', { name: '上传文件' })).toBeNull();
      view.unmount();
    }
  });

  it("the school's certificate and practice record edit pages take files", async () => {
    for (const [hash, handlers, type] of [
      ['#/certificates/8', [oneHandler('certificates', [certificate])], 'certificate'],
      ['#/practice-records/9', [oneHandler('practice-records', [practice])], 'practice_record'],
    ] as const) {
      const view = renderResource(hash, users.school, ...handlers, ...common);
      const section = await screen.findByTestId(`evidence-${type}`);
      expect(await within(section).findByRole('button', { name: '上传文件' })).toBeInTheDocument();
      view.unmount();
    }
  });
});

describe('evidence on an agreement', () => {
  it('the school attaches only under rectification, HQ while it has an action, the others never', () => {
    expect(mayAttachToAgreement('school', { id: 1, status: 'rectifying' })).toBe(true);
    expect(mayAttachToAgreement('school', { id: 1, status: 'active' })).toBe(false);
    expect(mayAttachToAgreement('hq', { id: 1, status: 'pending_plaque', allowedActions: ['hold_plaque_ceremony'] })).toBe(true);
    expect(mayAttachToAgreement('hq', { id: 1, status: 'terminated', allowedActions: [] })).toBe(false);
    expect(mayAttachToAgreement('regional', { id: 1, status: 'rectifying' })).toBe(false);
    expect(mayAttachToAgreement('provider', { id: 1, status: 'rectifying' })).toBe(false);
  });

  it('the rectification evidence of a school under rectification has its title and an upload', async () => {
    renderComponent(<AgreementEvidence agreement={{ id: 5, status: 'rectifying' }} rectification />, '#/', users.school, listHandler('evidence', []));
    expect(await screen.findByText('整改佐证材料')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: '上传文件' })).toBeInTheDocument();
  });
});
