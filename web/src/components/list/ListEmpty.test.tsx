import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { server } from '../../test/server';
import { listHandler, users } from '../../test/api';
import { renderResource } from '../../test/render-resource';

/**
 * A first start: the school directory and the partnerships are empty, and the list must still lead
 * HQ to the import screen (react-admin's own empty page replaces the toolbar and its import button).
 */
describe('an empty list', () => {
  it('offers HQ to create a school or import the directory', async () => {
    server.use(listHandler('schools', []));
    renderResource('#/schools', users.hq);
    const empty = await screen.findByTestId('list-empty');
    expect(within(empty).getByText('暂无院校。')).toBeInTheDocument();
    expect(within(empty).getByRole('link', { name: '导入' })).toHaveAttribute('href', '#/schools/import');
    expect(within(empty).getByRole('link', { name: '新建' })).toHaveAttribute('href', '#/schools/create');
  });

  it('offers HQ to record an existing partnership or import them', async () => {
    server.use(listHandler('agreements', []));
    renderResource('#/agreements', users.hq);
    const empty = await screen.findByTestId('list-empty');
    expect(within(empty).getByRole('link', { name: '导入' })).toHaveAttribute('href', '#/agreements/import');
    expect(within(empty).getByRole('link', { name: '录入已有合作' })).toHaveAttribute('href', '#/agreements/create');
  });

  it('offers neither to a school account, which may not create schools', async () => {
    server.use(listHandler('agreements', []));
    renderResource('#/agreements', users.school);
    const empty = await screen.findByTestId('list-empty');
    expect(within(empty).queryByRole('link')).toBeNull();
  });
});
