import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../test/server';
import { API, listHandler, oneHandler, schools, users } from '../../test/api';
import { renderResource } from '../../test/render-resource';

/** issue 17 item 1: after one of HQ's agreement steps, HQ lands on the next agreement waiting for one. */
const waiting = {
  id: 7, schoolId: 1, schoolName: schools[0]!.name, tier: 'industry_college', status: 'pending_signing', version: 3, startDate: null, termYears: 3,
  currentYear: null, endDate: null, signedOn: null, plaqueOn: null, rectification: null, allowedActions: ['sign'],
};
const next = { ...waiting, id: 8, schoolId: 2, schoolName: schools[1]!.name, status: 'pending_inspection', allowedActions: ['pass_inspection', 'fail_inspection'] };

function renderAgreement(id: number, queue: (typeof waiting)[], seen: URL[]) {
  return renderResource(`#/agreements/${id}/show`, users.hq, oneHandler('agreements', [waiting, next]), listHandler('agreements', queue, (url) => seen.push(url)),
    listHandler('tier-policies', [{ id: 1, tier: 'industry_college', effectiveYear: 2020, requiresSigning: true, requiresPlaque: true, requiresInspection: true }]),
    listHandler('evidence', []), listHandler('schools', schools), oneHandler('schools', schools), listHandler('evaluations', []), listHandler('compliance', []));
}

describe("HQ's agreement queue", () => {
  it('after signing, HQ lands on the next agreement that waits for signing, its ceremony or its inspection', async () => {
    const posted: string[] = [];
    server.use(http.post('*/api/agreements/:id/actions/:action', ({ params }) => {
      posted.push(`${params.id} ${params.action}`);
      return HttpResponse.json({ ...waiting, status: 'pending_plaque', version: 4, allowedActions: ['hold_plaque_ceremony'] });
    }));
    const seen: URL[] = [];
    // The queue as the server answers it: the signed agreement (now at its ceremony) and the next one.
    renderAgreement(7, [{ ...waiting, status: 'pending_plaque' }, next], seen);
    fireEvent.click(await screen.findByRole('button', { name: '签约' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByTestId('workflow-confirm'));
    await waitFor(() => expect(window.location.hash).toBe('#/agreements/8/show'));
    expect(posted).toEqual(['7 sign']);
    expect(await screen.findByRole('button', { name: '验收通过' })).toBeInTheDocument();
    const queueRead = seen.find((u) => u.searchParams.has('filter'))!;
    expect(JSON.parse(queueRead.searchParams.get('filter')!)).toEqual({ status: ['pending_signing', 'pending_plaque', 'pending_inspection'] });
    expect(screen.queryByTestId('queue-done')).not.toBeInTheDocument();
  });

  it('the last agreement of the queue stays on screen and says the queue is done', async () => {
    server.use(http.post('*/api/agreements/:id/actions/:action', () =>
      HttpResponse.json({ ...waiting, status: 'pending_plaque', version: 4, allowedActions: ['hold_plaque_ceremony'] })));
    renderAgreement(7, [{ ...waiting, status: 'pending_plaque' }], []);
    fireEvent.click(await screen.findByRole('button', { name: '签约' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByTestId('workflow-confirm'));
    expect(await screen.findByTestId('queue-done')).toHaveTextContent('已没有待签约、待揭牌或待验收的协议。');
    expect(window.location.hash).toBe('#/agreements/7/show');
  });

  it('HQ who goes elsewhere while the queue is read stays where they went', async () => {
    server.use(http.post('*/api/agreements/:id/actions/:action', () =>
      HttpResponse.json({ ...waiting, status: 'pending_plaque', version: 4, allowedActions: ['hold_plaque_ceremony'] })));
    const { navigate } = renderAgreement(7, [{ ...waiting, status: 'pending_plaque' }, next], []);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    let queueAsked = false;
    // Added after the page's own handlers, so it comes first. The queue's read waits until released; answering nothing passes it on to the list handler below.
    server.use(http.get(`${API}/agreements`, async ({ request }) => {
      if (!new URL(request.url).searchParams.get('filter')?.includes('pending_signing')) return;
      queueAsked = true;
      await gate;
    }));
    fireEvent.click(await screen.findByRole('button', { name: '签约' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByTestId('workflow-confirm'));
    await waitFor(() => expect(queueAsked).toBe(true));
    navigate('/agreements');
    await waitFor(() => expect(window.location.hash).toBe('#/agreements'));
    release();
    // HQ is not taken away from the page it chose once the queue has answered.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(window.location.hash).toBe('#/agreements');
  });
});
