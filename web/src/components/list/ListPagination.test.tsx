import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderResource } from '../../test/render-resource';
import { API, listHandler, users } from '../../test/api';
import { roundEstimate } from './ListPagination';

const students = Array.from({ length: 25 }, (_, i) => ({
  id: i + 1, schoolId: 1, studentNo: `S${String(i + 1).padStart(4, '0')}`, name: `学生${i + 1}`, cohortYear: 2024, major: null,
  enrolledOn: '2024-09-01', leftOn: null, leftReason: null, version: 1,
}));

/** Issue 15: beyond 10,000 records the server estimates a list's total (X-Total-Estimated); the pagination says "about". */
describe('the list pagination', () => {
  it('shows an estimated total as 约 N, rounded', async () => {
    renderResource('#/students', users.hq, http.get(`${API}/students`, () => HttpResponse.json(students, {
      headers: { 'Content-Range': 'students 0-24/3498112', 'X-Total-Estimated': 'true' },
    })), listHandler('schools', []));
    expect(await screen.findByText('第 1-25 条，约 3,500,000 条')).toBeTruthy();
  });

  it('shows an exact total as it is', async () => {
    renderResource('#/students', users.hq, listHandler('students', students), listHandler('schools', []));
    expect(await screen.findByText('第 1-25 条，共 25 条')).toBeTruthy();
  });

  it('rounds estimates to two significant digits', () => {
    expect([roundEstimate(3_498_112), roundEstimate(10_001), roundEstimate(48_730), roundEstimate(99)]).toEqual([3_500_000, 10_000, 49_000, 99]);
  });
});
