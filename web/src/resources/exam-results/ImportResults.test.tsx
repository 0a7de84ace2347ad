import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { API, listHandler, users } from '../../test/api';
import { renderResource } from '../../test/render-resource';

const session = {
  id: 5, status: 'closed', version: 3, allowedActions: ['publish_results'], title: '2026年第一次统考', sessionType: 'unified', kind: 'operator',
  examOn: '2026-06-20', registrationOpensOn: '2026-05-01', registrationClosesOn: '2026-06-10', registrationOpen: false, siteIds: [2],
  sites: [{ siteId: 2, name: '浙江金融职业学院考点', status: 'approved', capacity: 100, registered: 3, seatsLeft: 97 }], candidates: 3,
  createdAt: '2026-04-01T00:00:00Z', updatedAt: '2026-06-11T00:00:00Z',
};

describe("a session's results import (HQ)", () => {
  it('a closed session offers HQ "import results" (not a bare publish_results action), which opens the import screen on the session\'s results', async () => {
    const templates: string[] = [];
    const { navigate } = renderResource('#/exam-sessions/5/show', users.hq,
      http.get(`${API}/exam-sessions/5`, () => HttpResponse.json(session)),
      listHandler('exam-candidates', []),
      // The import screen asks from the page's origin (as the import kit's own test answers it).
      http.get('*/api/exam-sessions/5/results/import/template', ({ request }) => {
        templates.push(new URL(request.url).pathname);
        return new HttpResponse('\ufeff考生编号 (candidateId),考试结果 (result),证书编号 (certNo)\n1024,通过,1X-2026-000123\n', { headers: { 'Content-Type': 'text/csv' } });
      }));
    const button = await screen.findByRole('link', { name: '导入成绩' });
    expect(button).toHaveAttribute('href', '#/exam-sessions/5/results/import');
    expect(screen.queryByRole('button', { name: /publish_results/ })).not.toBeInTheDocument();
    navigate('/exam-sessions/5/results/import');
    expect(await screen.findByRole('heading', { name: /导入考试成绩/ })).toBeInTheDocument();
    await waitFor(() => expect(templates).toEqual(['/api/exam-sessions/5/results/import/template']));
    expect(await screen.findByText('导入本场考试的成绩（报名截止后，一次导入全部考生）：通过的考生获得证书，状态为已核验。')).toBeInTheDocument();
    // Back to the session (not "to the list": the screen was opened from the session's page).
    expect(screen.getByRole('link', { name: '返回' })).toHaveAttribute('href', '#/exam-sessions/5/show');
  });

  it('a session whose results are published offers no import', async () => {
    renderResource('#/exam-sessions/5/show', users.hq,
      http.get(`${API}/exam-sessions/5`, () => HttpResponse.json({ ...session, status: 'results_published', allowedActions: [] })),
      listHandler('exam-candidates', []));
    expect((await screen.findAllByText('2026年第一次统考')).length).toBeGreaterThan(0);
    expect(screen.queryByRole('link', { name: '导入成绩' })).not.toBeInTheDocument();
  });
});
