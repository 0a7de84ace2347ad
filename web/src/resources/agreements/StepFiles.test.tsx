import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../test/server';
import { listHandler, oneHandler, schools, users } from '../../test/api';
import { renderResource } from '../../test/render-resource';

/**
 * issue 17 item 4: the signing dialog takes the signed agreement, the ceremony's photos, and neither is
 * uploaded when picked: the file goes with the step, in one multipart request, on confirm.
 */
const agreement = {
  id: 7, schoolId: 1, schoolName: schools[0]!.name, tier: 'industry_college', status: 'pending_signing', version: 3, startDate: null, termYears: 3,
  currentYear: null, endDate: null, signedOn: null, plaqueOn: null, rectification: null, allowedActions: ['sign'],
};

describe('the signing dialog', () => {
  it('keeps the signed agreement in the browser until the signing is confirmed, then sends both in one request', async () => {
    let evidencePosts = 0;
    let sent: string | undefined;
    server.use(
      http.post('*/api/evidence', () => { evidencePosts += 1; return HttpResponse.json({}, { status: 201 }); }),
      http.post('*/api/agreements/7/actions/sign/with-files', async ({ request }) => {
        sent = await request.text();
        return HttpResponse.json({ ...agreement, status: 'pending_plaque', version: 4, allowedActions: [] });
      }),
    );
    renderResource('#/agreements/7/show', users.hq, oneHandler('agreements', [agreement]), listHandler('agreements', [agreement]),
      listHandler('tier-policies', [{ id: 1, tier: 'industry_college', effectiveYear: 2020, requiresSigning: true, requiresPlaque: true, requiresInspection: true }]),
      listHandler('evidence', []), listHandler('schools', schools), oneHandler('schools', schools), listHandler('evaluations', []), listHandler('compliance', []));
    fireEvent.click(await screen.findByRole('button', { name: '签约' }));
    const dialog = await screen.findByRole('dialog');
    const input = within(dialog).getByTestId('signed-input');
    fireEvent.change(input, { target: { files: [new File(['%PDF-1.7'], '合作协议.pdf', { type: 'application/pdf' })] } });
    expect(await within(dialog).findByText('合作协议.pdf')).toBeInTheDocument();
    expect(evidencePosts).toBe(0);
    fireEvent.click(within(dialog).getByTestId('workflow-confirm'));
    await waitFor(() => expect(sent).toBeDefined());
    expect(sent).toMatch(/name="version"\r\n\r\n3\r\n/);
    expect(sent).toMatch(/name="on"\r\n\r\n\d{4}-\d{2}-\d{2}\r\n/);
    expect(sent).toMatch(/name="file"; filename="[^"]*"\r\nContent-Type: application\/pdf/);
    expect(sent).toMatch(/name="description"\r\n\r\n已签署的合作协议\r\n/);
    expect(evidencePosts).toBe(0);
  });
});
