import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { server } from '../../test/server';
import { API, listHandler, schools, users } from '../../test/api';
import { renderApp } from '../../test/render-app';
import { renderResource } from '../../test/render-resource';

/** The list alone, with the app's providers. */
const renderList = (hash: string) => renderResource(hash, users.hq);

describe('the schools list', () => {
  it('lists schools with their region, translated tier and status, in Chinese by default', async () => {
    const requests: URL[] = [];
    server.use(listHandler('schools', schools, (url) => requests.push(url)));
    renderList('#/schools');

    expect(await screen.findByText('杭州职业技术学院')).toBeInTheDocument();
    const row = screen.getByText('杭州职业技术学院').closest('tr')!;
    expect(within(row).getByText('产业学院')).toBeInTheDocument();
    expect(within(row).getByText('合作中')).toBeInTheDocument();
    expect(await within(row).findByText('华东')).toBeInTheDocument();
    const noTierRow = screen.getByText('宁波城市职业技术学院').closest('tr')!;
    expect(within(noTierRow).getByText('未定层次')).toBeInTheDocument();
    expect(within(noTierRow).getByText('潜在院校')).toBeInTheDocument();
    // Column headers come from resources.schools.fields.*
    expect(screen.getAllByText('院校名称').length).toBeGreaterThan(0);
    expect(screen.getAllByText('合作层次').length).toBeGreaterThan(0);

    const listRequest = requests.find((u) => u.searchParams.get('range') === '[0,24]')!;
    expect(JSON.parse(listRequest.searchParams.get('sort')!)).toEqual(['name', 'ASC']);
  });

  it('sends the filters of the URL to the server and shows what it answers', async () => {
    const requests: URL[] = [];
    server.use(listHandler('schools', schools, (url) => requests.push(url)));
    renderList(`#/schools?filter=${encodeURIComponent(JSON.stringify({ tier: 'talent_base', regionId: 2 }))}`);

    expect(await screen.findByText('广东外语外贸大学')).toBeInTheDocument();
    expect(screen.queryByText('杭州职业技术学院')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(requests.map((u) => JSON.parse(u.searchParams.get('filter') ?? '{}'))).toContainEqual({ tier: 'talent_base', regionId: 2 }));
  });

  it('shows text users entered as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    server.use(listHandler('schools', [{ ...schools[0], name: hostile }, ...schools.slice(1)]));
    const { container } = renderList('#/schools');
    expect(await screen.findByText(hostile)).toBeInTheDocument();
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("shows the server's message when the list cannot be read", async () => {
    const { http, HttpResponse } = await import('msw');
    server.use(http.get(`${API}/schools`, () => HttpResponse.json({ error: 'validation_failed', message: '"filter" must be a JSON object such as {"q":"name"}.' }, { status: 400 })));
    renderList('#/schools');
    expect(await screen.findByText('"filter" must be a JSON object such as {"q":"name"}.')).toBeInTheDocument();
  });

  it('shows HQ the users menu entry and a school user only what the school may see', async () => {
    server.use(listHandler('schools', schools));
    const { unmount } = renderApp('#/schools', users.hq);
    expect(await screen.findByRole('menuitem', { name: /用户/ })).toBeInTheDocument();
    expect(screen.getByTestId('current-user')).toHaveTextContent('王总部');
    expect(screen.getByTestId('current-user')).toHaveTextContent('总部');
    unmount();

    renderApp('#/schools', users.school);
    expect(await screen.findByRole('menuitem', { name: /操作日志/ })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /用户/ })).not.toBeInTheDocument();
    expect(screen.getByTestId('current-user')).toHaveTextContent('李老师');
  });
});
