import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { API, schools, users } from '../../test/api';
import { renderComponent } from '../../test/render-resource';
import { SchoolProvidersPanel } from './SchoolProvidersPanel';

const school = schools[0];
const one = { id: 5, name: '杭州数贸通', contactName: '赵经理', contactEmail: 'zhao@smt.test', contactPhone: null, active: true, version: 2, schoolIds: [1] };
const two = { id: 6, name: '宁波外贸实训', contactName: null, contactEmail: null, contactPhone: '0574-1', active: true, version: 1, schoolIds: [] as number[] };

/**
 * The providers API as the panel uses it: the school's providers (filter schoolId), the search among
 * active providers (filter q, active), and PUT / DELETE /providers/:id/schools/:schoolId, which
 * change the assignments the next list answers from.
 */
function providersApi(calls: string[]) {
  const assigned = new Map<number, Set<number>>([[5, new Set([1])], [6, new Set()]]);
  const all = [one, two];
  return [
    http.get(`${API}/providers`, ({ request }) => {
      const filter = JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}') as { schoolId?: number; q?: string };
      const rows = all.filter((p) => (filter.schoolId === undefined || assigned.get(p.id)!.has(filter.schoolId))
        && (!filter.q || p.name.includes(filter.q)));
      return HttpResponse.json(rows, { headers: { 'Content-Range': `providers 0-${Math.max(rows.length - 1, 0)}/${rows.length}` } });
    }),
    http.put(`${API}/providers/:id/schools/:schoolId`, ({ params }) => {
      calls.push(`PUT ${params.id} ${params.schoolId}`);
      assigned.get(Number(params.id))!.add(Number(params.schoolId));
      return HttpResponse.json({ ...all.find((p) => p.id === Number(params.id)), schoolIds: [...assigned.get(Number(params.id))!] });
    }),
    http.delete(`${API}/providers/:id/schools/:schoolId`, ({ params }) => {
      calls.push(`DELETE ${params.id} ${params.schoolId}`);
      assigned.get(Number(params.id))!.delete(Number(params.schoolId));
      return HttpResponse.json({ ...all.find((p) => p.id === Number(params.id)), schoolIds: [...assigned.get(Number(params.id))!] });
    }),
  ];
}

describe("the school page's providers panel", () => {
  it('HQ assigns an existing provider found by name, and removes one after confirming', async () => {
    const calls: string[] = [];
    renderComponent(<SchoolProvidersPanel school={school} />, '#/schools/1/show', users.hq, ...providersApi(calls));
    expect(await screen.findByRole('link', { name: one.name })).toBeInTheDocument();
    expect(screen.getByText('服务商（1）')).toBeInTheDocument();

    const box = screen.getByRole('combobox', { name: '选择服务商' });
    fireEvent.focus(box);
    fireEvent.mouseDown(box);
    fireEvent.change(box, { target: { value: '宁波' } });
    fireEvent.click(await within(await screen.findByRole('listbox')).findByRole('option', { name: two.name }));
    fireEvent.click(screen.getByRole('button', { name: '分配' }));
    await waitFor(() => expect(calls).toEqual(['PUT 6 1']));
    expect(await screen.findByRole('link', { name: two.name })).toBeInTheDocument();
    expect(await screen.findByText('服务商（2）')).toBeInTheDocument();

    const row = screen.getByRole('link', { name: one.name }).closest('li')!;
    fireEvent.click(within(row).getByRole('button', { name: '移除' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(`将“${school.name}”从服务商“${one.name}”的服务院校中移除？`);
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await waitFor(() => expect(calls).toEqual(['PUT 6 1', 'DELETE 5 1']));
    // While the dialog closes the page behind it is hidden from the accessibility tree: wait for it to go first.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(screen.queryByText(one.name)).toBeNull());
    expect(screen.getByRole('link', { name: two.name })).toBeInTheDocument();
  });

  it('a school sees its providers with no assign or remove control', async () => {
    const calls: string[] = [];
    renderComponent(<SchoolProvidersPanel school={school} />, '#/schools/1/show', users.school, ...providersApi(calls));
    expect(await screen.findByRole('link', { name: one.name })).toBeInTheDocument();
    expect(screen.getByText('赵经理 · zhao@smt.test')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '移除' })).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});
